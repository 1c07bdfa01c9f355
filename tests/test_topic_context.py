"""Topics: the ITU-structure table as evidence, context rules for ambiguous terms, and
vocabulary from ITU's own mandates (minimal pairs; each failed before)."""

from __future__ import annotations

from pathlib import Path

import pytest

from iscg_mailbot.analyse.itu_structure import agenda_items, find_bodies, resolve
from iscg_mailbot.analyse.topics import TopicTagger
from iscg_mailbot.settings.itu_bodies import check_itu_bodies, normalise_key
from iscg_mailbot.settings.topics import load_topics

ROOT = Path(__file__).resolve().parents[1]


def topics(tagger: TopicTagger, subject: str, body: str = "") -> list[str]:
    return sorted(t.topic for t in tagger.explain(subject, [body] if body else []).tags)


def test_a_named_body_is_evidence_for_its_topics_and_explained(tagger: TopicTagger) -> None:
    verdict = tagger.explain("Q7/5 rapporteur meeting", ["Notes attached."])
    (tag,) = verdict.tags
    assert tag.topic == "environment"
    assert tag.evidence[0].phrase == "ITU body ITU-T Q7/5" and tag.evidence[0].where == "subject"
    assert topics(tagger, "ITU-D Q6/2 meeting report") == ["environment"]
    assert topics(tagger, "FG-AI4H deliverables") == ["ai", "e-health"]


def test_a_body_without_its_sector_counts_only_when_it_is_unambiguous() -> None:
    known = {"ITU-T SG5", "ITU-R SG5", "ITU-T SG17", "ITU-D Q6/2"}
    assert find_bodies("SG5 meeting", known) == []  # ITU-T's or ITU-R's?
    assert [m.key for m in find_bodies("SG17 meeting", known)] == ["ITU-T SG17"]
    assert [m.key for m in find_bodies("ITU-R and SG5", known)] == ["ITU-R SG5"]
    assert [m.key for m in find_bodies("Question 6/2 of ITU-D", known)] == ["ITU-D Q6/2"]


def test_an_ambiguous_term_needs_a_second_independent_signal(tagger: TopicTagger) -> None:
    # "AI 1.13" is a WRC agenda item; "security" at a venue is the badge desk.
    assert "ai" not in topics(tagger, "WRC-27 preparations: AI 1.13",
                              "Comments on AI 1.13 and AI 1.2 are due.")
    assert topics(tagger, "AI standards roadmap", "The roadmap lists AI standards.") == ["ai"]
    assert "cybersecurity" not in topics(
        tagger, "Venue logistics", "Bring your passport for security screening and badges.")
    assert "cybersecurity" in topics(
        tagger, "Security of IMT networks", "Network security and encryption of signalling.")
    # "public-key algorithms" is not AI: "algorithm" alone is weak.
    assert "ai" not in topics(tagger, "PKI update", "New public-key algorithms for certificates.")


@pytest.mark.parametrize(("text", "topic"), [
    ("Discarded handsets and take-back schemes in West Africa", "environment"),
    ("Remote consultations for rural clinics over satellite", "e-health"),
    ("Connected and automated vehicles on highways", "its"),
    ("Fake or substandard devices on the market", "conformance"),
])
def test_paraphrases_from_itu_mandates(tagger: TopicTagger, text: str, topic: str) -> None:
    assert topic in topics(tagger, text)


@pytest.mark.parametrize(("subject", "topic"), [
    ("Res. 191: inputs from the Bureaux", "governance"),
    ("Draft report to Council on joint work", "governance"),
    ("Study group chairs: preparing for WTSA-28", "governance"),
    ("Mapping of overlapping Questions", "governance"),
    ("Draft CPM Report in six languages", "spectrum"),
    ("Girls in ICT Day: plans of the Sectors", "events"),
])
def test_itu_terms_of_the_cross_writer_round(tagger: TopicTagger, subject: str,
                                             topic: str) -> None:
    assert topic in topics(tagger, subject)


def test_a_drill_alone_is_not_an_event(tagger: TopicTagger) -> None:
    assert "events" not in topics(tagger, "Evacuation drill in the Tower building")
    assert "events" in topics(tagger, "Regional cyber drill", "Workshop programme attached.")


def test_an_opinion_survey_of_members_is_not_ict_statistics(tagger: TopicTagger) -> None:
    body = "The overall index of our annual member survey went down; the survey index is a mean."
    assert "ict-statistics" not in topics(tagger, "ISCG member survey - how the index is calculated",
                                          body)
    assert "ict-statistics" not in topics(tagger, "Satisfaction survey of the ISCG - the index",
                                          "The satisfaction survey index went down.")
    # The minimal pair: a survey that is not of members keeps the topic.
    assert "ict-statistics" in topics(tagger, "ICT household survey - how the index is calculated",
                                      body.replace("member survey", "household survey"))


def test_a_regional_office_and_one_workshop_are_a_passing_mention(tagger: TopicTagger) -> None:
    body = ("Substandard phones fail type approval and mutual recognition does not help. "
            "This was shown at a workshop; the regional office has the list of operators.")
    assert topics(tagger, "Substandard handsets - IMEI databases", body) == ["conformance"]
    # The minimal pair: the same thread organising the workshop is about an event too,
    # when it says enough of it: events needs 0.4 of the strongest topic's score when
    # the subject does not name it (its own min_share, tk-r17: "The workshop programme
    # is attached" alone, 4.5 points next to conformance's 11.5, is no longer enough).
    assert "events" in topics(tagger, "Substandard handsets - IMEI databases",
                              body + " The workshop programme and the list of speakers "
                              "are attached.")


def test_two_different_weak_words_in_the_messages_tag(tagger: TopicTagger) -> None:
    subject = "Vaccine fridges that text the nurse when they warm up"
    body = ("The health ministry showed loggers that send an SMS to the clinic. The health "
            "ministry asks for help; device health reporting is in Q2/20.")
    assert "e-health" in topics(tagger, subject, body)
    # The minimal pair: the same weak word alone, however often, is not enough.
    assert "e-health" not in topics(tagger, subject, body.replace("the clinic", "the nurse"))


def test_an_ict_price_basket_is_not_imt(tagger: TopicTagger) -> None:
    body = "Will the questionnaire include the new 5G data-only basket? EGTI discussed it."
    assert "imt" not in topics(tagger, "ICT price data collection and the 5G basket", body)
    assert "imt" not in topics(tagger, "ICT Price Baskets questionnaire",
                               "Is the data-only mobile broadband basket still 5 GB?")
    # The minimal pair: 5G itself, not a basket, is IMT.
    assert "imt" in topics(tagger, "ICT price data collection and the 5G network",
                           body.replace("5G data-only basket", "5G network"))


def test_the_groups_work_plan_is_governance(tagger: TopicTagger) -> None:
    body = "Could the Bureaux send their lists of subjects, with a lead, for the work plan?"
    assert "governance" in topics(tagger, "ISCG work plan 2027 - one lead per subject", body)
    # The minimal pair: the same request for a list of subjects names no governance. Not
    # "lead Sector" in either: the list of mutual interest's own term, it is governance
    # by itself since tk-w30 and would tag the first whatever "work plan" gives.
    assert "governance" not in topics(tagger, "ISCG subjects 2027 - one lead per subject",
                                      body.replace("the work plan", "the list"))


def test_topics_check_reports_the_tables_problems(tmp_path: Path) -> None:
    table = tmp_path / "itu_bodies.yaml"
    table.write_text(
        "bodies:\n  - {body: SG17, topics: [cybersecurity]}\n"
        "  - {body: ITU-T SG5, topics: [enviroment]}\n", encoding="utf-8")
    problems = check_itu_bodies(table, {"cybersecurity", "environment"})
    assert len(problems) == 2
    assert "bodies[0] (SG17): write the body as 'ITU-T SG17'" in problems[0]
    assert "topic 'enviroment' is not in the topic list" in problems[1]
    shipped = load_topics(ROOT / "config" / "topics.yaml").ids()
    assert check_itu_bodies(ROOT / "config" / "itu_bodies.yaml", set(shipped)) == []


def test_work_across_itus_sectors_is_governance(tagger: TopicTagger) -> None:
    body = "TSAG asks the Bureaux for an overview, to avoid duplication of the studies."
    assert "governance" in topics(tagger, "Mapping of machine-learning work across the Sectors",
                                  body)
    assert "governance" in topics(tagger, "Machine-learning work: an overview",
                                  body + " Coordination among the three Sectors helps.")
    # The minimal pair: sectors in lower case are any sectors (health, energy), not ITU's.
    assert "governance" not in topics(tagger, "Mapping of machine-learning work across sectors",
                                      body)


def test_the_sectors_joint_activities_are_governance_with_a_second_signal(
        tagger: TopicTagger) -> None:
    body = "Bureaux, please update your rows of the joint activities table by 15 July."
    assert "governance" in topics(tagger, "Joint activities table - July update", body)
    assert "governance" in topics(tagger, "Progress report to TSAG: joint activities",
                                  "Our section lists the WTSA resolutions' outputs.")
    # The minimal pair: one event's joint activities, named once, are the event's.
    assert "governance" not in topics(tagger, "Girls in ICT Day - joint activities",
                                      "Each Sector is invited to host coding sessions.")


def test_courses_of_the_itu_academy_are_standardization_capacity(tagger: TopicTagger) -> None:
    # The courses are on how ITU's standards are made: the Academy carries every Bureau's
    # courses, so it is a companion of the topic since tk-r18 and a course on data
    # science there is not the standardization gap (tests/test_topic_round18.py).
    body = ("Our engineers ask for online courses in French on how standards are made in "
            "ITU, how a Question works. The ITU Academy offers a few. BDT will ask the ITU "
            "Academy team.")
    assert "standardization-gap" in topics(tagger, "Online courses for French-speaking Africa",
                                           body)
    # The minimal pair: the same courses from a university are not ITU's capacity building.
    assert "standardization-gap" not in topics(tagger, "Online courses for French-speaking Africa",
                                               body.replace("ITU Academy", "university"))


def test_itus_recurring_events_by_name(tagger: TopicTagger) -> None:
    body = "Researchers are preparing papers; the submission deadline is close."
    assert "events" in topics(tagger, "Kaleidoscope 2027 call for papers - extension?", body)
    summit = ("Planning for the AI for Good Global Summit has started; TSB asks BDT for a "
              "track and two speakers.")
    # Under a subject naming nothing else: under "Machine-learning challenges: ..." the
    # summit named once in the body is below events' own min_share of the AI score
    # (tk-r17), as an event named as the occasion of other work is.
    assert "events" in topics(tagger, "The BDT track - first ideas", summit)
    # The minimal pairs: the same calls without the event's name are no event.
    assert "events" not in topics(tagger, "Journal issue 2027 call for papers - extension?", body)
    assert "events" not in topics(tagger, "The BDT track - first ideas",
                                  summit.replace("Global Summit", "programme"))


def test_safe_listening_venues_and_events_are_not_meetings(tagger: TopicTagger) -> None:
    body = ("Could WHO share the latest draft of the standard on safe listening at venues "
            "and events?")
    assert topics(tagger, "Safe listening at entertainment venues - latest draft", body) == [
        "e-health"]
    # The minimal pair: a venue and an event of our own are an event.
    assert "events" in topics(tagger, "Safe listening at entertainment venues - latest draft",
                              body.replace("venues and events", "the venue of our event"))


def test_a_workshop_and_a_regional_office_in_passing_are_not_an_event(
        tagger: TopicTagger) -> None:
    body = ("Drive tests show the quality of service on highways. The results were shown at "
            "a workshop; the regional office has the list of operators.")
    assert topics(tagger, "Mobile coverage on highways - joint campaign", body) == [
        "quality-of-service"]
    # The minimal pair: the workshop discussed twice is an event of the thread.
    assert "events" in topics(tagger, "Mobile coverage on highways - joint campaign",
                              body + " Who will present at the workshop?")


def test_a_wrc_agenda_item_is_evidence_for_its_subject(tagger: TopicTagger) -> None:
    body = "The note should say what the satellite and the terrestrial sides each want."
    assert topics(tagger, "A plain-language note for TDAG on WRC-27 agenda items 1.7 and 1.13",
                  body) == ["imt", "spectrum"]
    assert "imt" in topics(tagger, "AI 1.13 (direct-to-handset) - input from the Bureaux?", body)
    # The minimal pairs: an item on another subject (lunar links), another conference's
    # item, and a meeting's own numbered item are no IMT work.
    assert topics(tagger, "AI 1.15 - input from the Bureaux?", body) == ["spectrum"]
    assert "imt" not in topics(tagger, "WRC-23 agenda item 1.13 - input from the Bureaux?", body)
    assert "imt" not in topics(tagger, "Item 1.13 of the ISCG meeting - input from the Bureaux?",
                               body)


def test_agenda_items_are_found_with_or_without_their_conference() -> None:
    found = agenda_items("WRC-27\nagenda items 1.7 and 1.13; AI 1.15, AI-1 and item 1.17")
    assert [name for _, name, _ in found] == ["WRC-27 AI 1.7", "WRC-27 AI 1.13", "AI 1.15"]
    known = {"WRC-27 AI 1.13", "ITU-T SG17"}
    assert resolve("AI 1.13", set(), known) == "WRC-27 AI 1.13"
    assert resolve("AI 1.13", {"WRC-23"}, known) is None  # the text is about another WRC
    assert resolve("AI 1.13", {"WRC-23", "WRC-27"}, known) == "WRC-27 AI 1.13"
    assert normalise_key("WRC-27 agenda item 1.7") == "WRC-27 AI 1.7"


def test_topics_check_names_the_form_of_an_agenda_item(tmp_path: Path) -> None:
    table = tmp_path / "itu_bodies.yaml"
    table.write_text("bodies:\n  - {body: WRC-27 agenda item 1.7, topics: [imt]}\n"
                     "  - {body: AI 1.13, topics: [imt]}\n", encoding="utf-8")
    problems = check_itu_bodies(table, {"imt"})
    assert len(problems) == 1 and "bodies[1] (AI 1.13)" in problems[0]
    assert "'WRC-27 AI 1.13' (conference first)" in problems[0]


def test_an_itu_r_study_group_of_a_service_is_no_spectrum_evidence(tagger: TopicTagger) -> None:
    body = "For BR: the work of ITU-R SG7 on meteorological satellites will be presented."
    assert topics(tagger, "Early warning for all - progress report", body) == [
        "emergency-telecoms"]
    # The minimal pair: the study group of spectrum management is spectrum work.
    assert "spectrum" in topics(tagger, "Early warning for all - progress report",
                                body.replace("SG7", "SG1"))


def test_the_mid_band_is_spectrum_work(tagger: TopicTagger) -> None:
    body = "Operators do not deploy. Is the joint guide on reserve prices being updated?"
    assert "spectrum" in topics(tagger, "Reserve prices for the mid-band in African auctions", body)
    # The minimal pair: the licences of a service, not its band, are no spectrum work.
    assert "spectrum" not in topics(tagger, "Reserve prices for mobile licences in African auctions",
                                    body)


def test_itu_t_sg3_is_evidence_of_digital_financial_services(tagger: TopicTagger) -> None:
    body = "Which Sector studies how a digital currency of a central bank reaches rural users?"
    assert "financial-inclusion" in topics(tagger, "Central bank digital money - ITU-T SG3 and BDT",
                                           body)
    # The minimal pair: another study group named in the same words is no such evidence.
    assert "financial-inclusion" not in topics(
        tagger, "Central bank digital money - ITU-T SG13 and BDT", body)


@pytest.mark.parametrize(("subject", "body"), [
    ("SIM-swap fraud and mobile wallets",
     "Customers lost their wallet's money after somebody took over their SIM card."),
    ("DFS Security Lab - report on mobile money app testing",
     "The lab tested mobile money apps in four countries; the summary report follows."),
    ("Authentication of mobile money users",
     "Is there an ITU-T text for low-value accounts? Report attached."),
])
def test_the_security_of_mobile_money_accounts_is_cybersecurity(
        tagger: TopicTagger, subject: str, body: str) -> None:
    # ITU's own words for DFS security (FIGI's security working group, the DFS Security
    # Lab, SG17's SIM-swap countermeasures, X.1254 entity authentication).
    assert "cybersecurity" in topics(tagger, subject, body)
    # The minimal pair: the same account's money, without its security, is DFS only.
    plain = (subject.replace("SIM-swap fraud", "Fees").replace("Security Lab", "Lab")
             .replace("Authentication", "Fees"))
    assert "cybersecurity" not in topics(tagger, plain, body)


@pytest.mark.parametrize("subject", [
    "Mobile phone messaging for chronic diseases - new country pilots",
    "Ransomware attacks against hospital networks - LS from SG17",
    "Text messages against noncommunicable diseases - results",
])
def test_health_care_in_its_own_words_is_e_health(tagger: TopicTagger, subject: str) -> None:
    body = "Could each Bureau send its inputs by Friday?"
    assert "e-health" in topics(tagger, subject, body)
    # The minimal pair: the same subject about other users is no health work.
    plain = (subject.replace("chronic diseases", "farmers").replace("hospital", "bank")
             .replace("noncommunicable diseases", "floods"))
    assert "e-health" not in topics(tagger, plain, body)
    # A hospital named once in passing is not a thread about health.
    assert "e-health" not in topics(tagger, "Island cut off after a cable break",
                                    "The hospital and the port kept a satellite link.")


def test_a_topic_written_twice_for_a_body_counts_once() -> None:
    # Found by the fast-path/plain-rule property test: the duplicate doubled the body's
    # evidence on one of the tagger's two paths.
    from iscg_mailbot.settings.itu_bodies import Body

    twice = Body(body="ITU-T SG17", topics=("cybersecurity", "ai", "cybersecurity"))
    assert twice.topics == ("cybersecurity", "ai")
