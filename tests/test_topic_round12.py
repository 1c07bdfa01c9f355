"""Topics, issue 13 round 12: one reply's aside. A topic that the subject does not
name and that only one message after the first names is a passing mention next to
what the thread is about (``scoring: reply_asides``, :mod:`analyse.topic_replies`).

Mail of our own wording in, topics out; the first case of each pair was tagged
otherwise before this round, its pair (the same words where a thread states its
subject: the first message, or the subject line) keeps its tag
(docs/evaluation.md, "Topics, round 12").
"""

from __future__ import annotations

from iscg_mailbot.analyse.topic_replies import reply_asides
from iscg_mailbot.analyse.topics import TopicTagger
from iscg_mailbot.records import ThreadText
from iscg_mailbot.settings.topics import TopicsConfig

SUBJECT = "Online course on machine learning for fault prediction in optical networks"
OPENING = ("Dear colleagues, TSB proposes a short online course on machine learning for "
           "fault prediction in optical networks. Could BDT host it?")
ASIDE = ("BDT would be glad to host it. We could add a module on 5G and IMT-2030 "
         "network slicing later.")
THANKS = "Thank you both, I will circulate a draft outline next week."


def tagged(tagger: TopicTagger, subject: str, *bodies: str) -> list[str]:
    return sorted(tag.topic for tag in tagger.explain(subject, bodies).tags)


def test_a_topic_only_one_reply_names_is_not_tagged(tagger: TopicTagger) -> None:
    assert tagged(tagger, SUBJECT, OPENING, ASIDE, THANKS) == ["ai"]


def test_the_same_words_in_the_first_message_are_tagged(tagger: TopicTagger) -> None:
    assert tagged(tagger, SUBJECT, OPENING + " " + ASIDE, THANKS) == ["ai", "imt"]


def test_the_same_words_with_a_subject_naming_the_topic_are_tagged(
        tagger: TopicTagger) -> None:
    assert tagged(tagger, SUBJECT + " and 5G", OPENING, ASIDE, THANKS) == ["ai", "imt"]


def test_the_topic_two_replies_name_is_tagged(tagger: TopicTagger) -> None:
    second = "Agreed; the 5G module could use the IMT-2030 material of WP 5D."
    assert tagged(tagger, SUBJECT, OPENING, ASIDE, second) == ["ai", "imt"]


def test_a_thread_about_nothing_else_keeps_its_only_topic(tagger: TopicTagger) -> None:
    assert tagged(tagger, "Draft outline", "Dear colleagues, the outline is attached.",
                  ASIDE) == ["imt"]


def test_explain_says_why_and_the_fast_path_agrees(tagger: TopicTagger) -> None:
    thread = ThreadText(1, SUBJECT, (OPENING, ASIDE, THANKS))
    [plain] = tagger.explain_threads([thread])
    [fast] = tagger.tag_threads([thread])
    assert fast.tags == plain.tags
    [aside] = [tag for tag in plain.rejected if tag.topic == "imt"]
    assert aside.passing == "passing mention: only message 2 names it, not the subject"


def test_off_by_default(tagger: TopicTagger) -> None:
    scoring = tagger.config.scoring.model_copy(update={"reply_asides": False})
    config = TopicsConfig.model_validate({**tagger.config.model_dump(), "scoring": scoring})
    plain = TopicTagger(config, nlp=tagger.nlp)
    assert tagged(plain, SUBJECT, OPENING, ASIDE, THANKS) == ["ai", "imt"]
    assert TopicsConfig().scoring.reply_asides is False


def test_reply_asides_needs_another_topic() -> None:
    assert reply_asides({"imt", "ai"}, set(), {"ai": {0}, "imt": {1}}) == {"imt"}
    assert reply_asides({"imt", "ai"}, set(), {"ai": {1}, "imt": {2}}) == set()
    assert reply_asides({"imt", "ai"}, set(), {"ai": {0}, "imt": {1, 2}}) == set()


# --- The ISCG's mandate in the words mail uses for the Sectors' joint work -------------

def test_the_three_sectors_comparing_their_work_is_governance(tagger: TopicTagger) -> None:
    subject = "Glossary of terms - how the three Sectors define latency"
    body = "Comments on the draft table are welcome by Friday."
    assert "governance" in tagged(tagger, subject, body)
    assert "governance" not in tagged(
        tagger, "Glossary of terms - how the three regions define latency", body)


def test_the_sectors_joint_work_is_governance(tagger: TopicTagger) -> None:
    body = "Each Bureau could nominate one speaker with an example."
    assert "governance" in tagged(tagger, "Lunch session on the joint work of the Sectors",
                                  body)
    # "sectors" of the economy (lower case) are not ITU's Sectors.
    assert "governance" not in tagged(tagger, "Lunch session on the joint work of the sectors",
                                      body)


def test_the_report_on_inter_sector_coordination_is_governance(tagger: TopicTagger) -> None:
    body = ("For the annex of the report on inter-Sector coordination, could each Bureau "
            "send its list of joint activities? The report on inter-Sector coordination "
            "goes to the advisory groups.")
    signed = ("For the annex of the report, could each Bureau send its list? The report "
              "goes to the advisory groups.\nIngrid\nChair, ITU Inter-Sector Coordination "
              "Group (ISCG)")
    assert "governance" in tagged(tagger, "Lists needed by 30 September", body)
    assert "governance" not in tagged(tagger, "Lists needed by 30 September", signed)


# --- Child online protection: the guidelines' readers in mail's own words -----------

def test_pupils_photos_with_the_guidelines_are_child_online_protection(
        tagger: TopicTagger) -> None:
    body = ("Schools post photos of pupils with their names. Could BDT and TSB advise, in "
            "the guidelines for parents and educators?")
    assert tagged(tagger, "Photos of pupils on school websites - a note for teachers?",
                  body) == ["child-online-protection"]
    assert tagged(tagger, "Photos of staff on office websites - a note for managers?",
                  body.replace("pupils", "staff")) == []


def test_teenagers_blackmailed_online_is_child_online_protection(tagger: TopicTagger) -> None:
    body = "The police report more cases where {} are trapped by fake profiles and blackmailed."
    assert tagged(tagger, "Fake profiles blackmailing teenagers - awareness for schools",
                  body.format("teenagers")) == ["child-online-protection"]
    assert tagged(tagger, "Fake profiles blackmailing officials - awareness for ministries",
                  body.format("officials")) == []


def test_keeping_children_safe_online(tagger: TopicTagger) -> None:
    assert tagged(tagger, "Revised guidelines on keeping children safe online",
                  "Comments by Friday please.") == ["child-online-protection"]
    assert tagged(tagger, "Revised guidelines on keeping children busy",
                  "Comments by Friday please.") == []


# --- AI by its applications' names ---------------------------------------------------

def test_ai_applications_by_name(tagger: TopicTagger) -> None:
    body = "The first results are in the attached note; comments welcome."
    assert tagged(tagger, "Machine translation of contributions - first results", body) == [
        "ai"]
    assert tagged(tagger, "Human translation of contributions - first results", body) == []
    assert "ai" in tagged(tagger, "Detecting synthetic video of ministers - a joint note", body)
    assert "ai" not in tagged(tagger, "Detecting edited video of ministers - a joint note", body)
    assert tagged(tagger, "Software agents that buy on a user's behalf", body) == ["ai"]
    assert tagged(tagger, "Travel agents that buy on a user's behalf", body) == []


# --- Emergency radiocommunication in the Radio Regulations' terms ---------------------

def test_ppdr_and_gmdss_are_emergency_telecommunications(tagger: TopicTagger) -> None:
    body = "Could BR tell us which Reports of WP 5A cover it?"
    assert "emergency-telecoms" in tagged(tagger, "Radio in tunnels for fire and rescue teams",
                                          body + " The PPDR Reports may help.")
    assert "emergency-telecoms" not in tagged(tagger, "Radio in tunnels for metro staff", body)
    assert "emergency-telecoms" in tagged(
        tagger, "Modernization of the maritime distress and safety system (GMDSS)", body)
    assert "emergency-telecoms" not in tagged(
        tagger, "Modernization of the maritime identification system", body)


def test_rescue_alone_is_weak(tagger: TopicTagger) -> None:
    assert "emergency-telecoms" not in tagged(
        tagger, "How to rescue the delayed report", "Could each Bureau send its part?")


# --- Spectrum in ITU-R's terms for particular radio services -------------------------

def test_radio_service_spectrum_terms(tagger: TopicTagger) -> None:
    body = "Could BDT say whether rural operators in the region are affected?"
    assert "spectrum" in tagged(tagger, "Radio-quiet zones around observatories", body)
    assert "spectrum" not in tagged(tagger, "Quiet rooms around the meeting halls", body)
    assert "spectrum" in tagged(tagger, "Analogue TV switch-off and the digital dividend", body)
    assert "spectrum" not in tagged(tagger, "Analogue TV switch-off and the viewers", body)


def test_a_long_aside_is_no_yardstick_for_what_the_thread_is_about(
        tagger: TopicTagger) -> None:
    """min_share measures a topic against the strongest topic that is not an aside: a
    reply dwelling on 5G does not make the thread's own topic a passing mention of it
    (with the aside rejected too, the thread had no topic at all)."""
    config = TopicsConfig.model_validate({
        "scoring": {"subject_weight": 3, "body_weight": 1, "max_count": 3,
                    "default_threshold": 2.5, "min_share": 0.25, "reply_asides": True},
        "topics": [{"id": "environment", "name": "E",
                    "phrases": [{"phrase": "e-waste", "weight": 2.5}]},
                   {"id": "imt", "name": "I", "phrases": [{"phrase": "5G", "weight": 4}]}]})
    rule = TopicTagger(config, nlp=tagger.nlp)
    thread = ThreadText(1, "Collection points in schools", (
        "We plan e-waste collection points in schools.",
        "Thanks. 5G towers, 5G masts and 5G sites are next on our list."))
    [plain] = rule.explain_threads([thread])
    [fast] = rule.tag_threads([thread])
    assert [tag.topic for tag in plain.tags] == [tag.topic for tag in fast.tags] == [
        "environment"]
    assert [tag.topic for tag in plain.rejected] == ["imt"]
