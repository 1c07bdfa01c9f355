"""Items the extractor used to miss altogether: a commitment that takes the matter in
hand somewhere else ("I will raise it with the chair"), a second request of the same
party after "and" ("..., and advise on the format"), a commitment or request of its own
after a semicolon, and a secretariat unit's "will be ready"."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from iscg_mailbot.analyse.actions import extract_actions, find_questions
from iscg_mailbot.records import ActionInput, Address
from iscg_mailbot.settings.members import Member, MembersConfig

# A Thursday in Geneva.
WHEN = datetime(2027, 5, 6, 11, 0, tzinfo=timezone(timedelta(hours=2)))
SENDER = Address("Kenji Watanabe", "kenji.watanabe@example.org")


def items(text: str) -> list[tuple[str, str | None]]:
    found = extract_actions(ActionInput(new_text=text, date=WHEN, sender=SENDER))
    return [(c.kind, c.owner) for c in found]


def test_taking_the_matter_to_somebody_else_is_a_new_step() -> None:
    # Minimal pair: "handle it" accepts the request in hand; "take it up with the
    # working party" / "put it on the agenda" is a further step the sender owes.
    assert items("Thanks, I will handle it.") == []
    assert items("Thanks, I will take it up with the working party chairs.") == [
        ("action", "Kenji Watanabe")]
    assert items("Good point; I will put this on the agenda of our June call.") == [
        ("action", "Kenji Watanabe")]
    assert items("I will forward it to the rapporteurs of Question 4.") == [
        ("action", "Kenji Watanabe")]
    # Handing it back to the asker is no new step.
    assert items("I will handle it with you.") == []


def test_a_second_request_after_and_is_an_item_of_its_own() -> None:
    # Minimal pair: "and" joining two things asked for is one request; joining two
    # verbs of work, each its own request, two items, both owed by the party asked.
    assert items("Could TSB check the figures and the footnotes?") == [("action", "TSB")]
    # (Advising on a matter asks for an answer: a question since round 11.)
    assert items("Could TSB check the figures, and advise on the footnotes?") == [
        ("action", "TSB"), ("question", "TSB")]
    # A second infinitive of the same invitation is one request with two parts since
    # round 10 (tests/test_action_second_infinitive.py).
    assert items("ITU-T SG12 is invited to review the annex, and to appoint two "
                 "editors.") == [("action", "ITU-T SG12")]
    # Asking to say something after "and" is a question owed by the same party.
    assert items("Could BDT update the table and let us know whether the totals "
                 "changed?") == [("action", "BDT"), ("question", "BDT")]
    # Reporting back on the request is part of it, not a second one.
    assert items("Could TSB check the figures, and inform us of the outcome?") == [
        ("action", "TSB")]


def test_a_commitment_or_request_after_a_semicolon_is_read_on_its_own() -> None:
    # Minimal pair: a comma keeps one sentence, one item; after a semicolon the sender's
    # own commitment is an item beside the request before it.
    assert items("Please check the annex, as I will be away next week.") == [
        ("action", None)]
    assert items("Please check the annex by Friday; I will send the rest to the chairs "
                 "on Monday.") == [("action", None), ("action", "Kenji Watanabe")]
    assert items("The annex is not final yet; please wait for the next version.") == [
        ("action", None)]
    # A passive commitment with its agent after the semicolon: the agent's.
    assert ("action", "BR") in items("The reply was approved today, for information; it "
                                     "will be sent by the BR secretariat on Monday.")


STAFF = MembersConfig(members=[Member(name="Rosa Marin", address="rosa.marin@itu.int",
                                      role="secretariat", organisation="BR")])


def test_a_units_staff_saying_it_will_be_ready_commit_their_unit() -> None:
    def found(text: str) -> list[tuple[str, str | None]]:
        message = ActionInput(new_text=text, date=WHEN,
                              sender=Address("Rosa Marin", "rosa.marin@itu.int"))
        return [(c.kind, c.owner) for c in extract_actions(message, members=STAFF)]

    assert found("The handbook will be ready within two weeks.") == [("action", "BR")]
    assert found("The handbook was ready within two weeks.") == []


SIDES = MembersConfig(members=[
    Member(name="Hery Rakoto", address="hery@example.mg", role="representative",
           organisation="Ministère du Numérique de Madagascar"),
    Member(name="Ana Souza", address="ana@example.net", role="representative",
           organisation="Sample Networks Ltd (Sector Member)"),
    Member(name="Lars Berg", address="lars@example.se", role="representative",
           organisation="Swedish Post and Telecom Administration")])


def owners_from(address: str, text: str) -> list[str | None]:
    message = ActionInput(new_text=text, date=WHEN, sender=Address("", address))
    return [c.owner for c in extract_actions(message, members=SIDES)]


def test_the_senders_own_organisation_or_country_commits_the_sender() -> None:
    # Minimal pair: the same sentence commits its writer only when it names their side.
    assert owners_from("hery@example.mg", "Madagascar will translate the guide.") == [
        "Hery Rakoto"]
    assert owners_from("ana@example.net", "Madagascar will translate the guide.") == []
    assert owners_from("ana@example.net", "Sample Networks will submit a paper to SG12."
                       ) == ["Ana Souza"]
    assert owners_from("lars@example.se", "Sweden will host the next session.") == [
        "Lars Berg"]
    assert owners_from("lars@example.se", "The Swedish administration will host the next "
                       "session.") == ["Lars Berg"]


def test_an_agreement_reported_is_owed_by_the_party_it_names() -> None:
    assert owners_from("hery@example.mg", "Ana, we agreed that Madagascar would review "
                       "the draft.") == ["Hery Rakoto"]
    assert owners_from("hery@example.mg", "It was agreed that TSB would circulate the "
                       "draft.") == ["TSB"]
    assert owners_from("hery@example.mg", "We agreed that the draft is fine.") == []


def test_the_party_asked_to_pass_a_request_on_owes_it() -> None:
    # Minimal pair: "ask SG12 to review" from the sender names SG12 as the one who must
    # review; put to BDT ("Could BDT ask SG12 ...?"), BDT owes the asking.
    assert items("We ask ITU-T SG12 to review the annex.") == [("action", "ITU-T SG12")]
    assert items("Could BDT ask ITU-T SG12 to review the annex?") == [("action", "BDT")]
    assert items("We would be grateful if the TDAG members could encourage their "
                 "regulators to reply by 30 June.") == [("action", "TDAG")]


def asked(text: str) -> list[tuple[str, str | None]]:
    message = ActionInput(new_text=text, date=WHEN, sender=SENDER)
    found = extract_actions(message)
    found += find_questions(message, found)
    return [(c.kind, c.owner) for c in found]


def test_a_request_after_a_question_is_put_to_whom_the_question_is() -> None:
    # "Could you ...?" names nobody; the question just before it names BR.
    assert asked("Does BR keep a list of the regional seminars? Could you send it by "
                 "the end of May?") == [("question", "BR")]
    assert asked("Is there a list of the regional seminars? Could you send it by the "
                 "end of May?") == [("question", None)]


def test_a_question_naming_nobody_asks_about_the_sector_named_before_it() -> None:
    # Minimal pair: the text before the question cites an ITU-T Recommendation (or names
    # ITU-T), so TSB is asked; citing nothing of a Sector, nobody in particular is.
    assert asked("Our lab measures latency as in Y.1540. Is a revision planned?") == [
        ("question", "TSB")]
    assert asked("Our lab measures latency with ITU-T tools. Is a revision planned?") == [
        ("question", "TSB")]
    assert asked("Our lab measures latency with its own tools. Is a revision planned?"
                 ) == [("question", None)]


def test_a_verb_after_and_shares_the_subject_of_the_sentence() -> None:
    # Minimal pair: the body just before "and will" is who the sender checks with, not
    # who will reply; when it opens the sentence, it is the subject.
    text = "I am consulting the ITU-T SG12 secretariat and will reply next week."
    assert owners_from("hery@example.mg", text) == ["Hery Rakoto"]
    assert owners_from("hery@example.mg", "ITU-T SG12 is consulting its rapporteurs and "
                       "will reply next week.") == ["ITU-T SG12"]
    (item,) = extract_actions(ActionInput(new_text=text, date=WHEN,
                                          sender=Address("", "hery@example.mg")),
                              members=SIDES)
    assert str(item.due) == "2027-05-14"  # a commitment is due when it is to be done


def test_a_question_under_a_label_is_the_labelled_partys() -> None:
    # A yes-or-no question, owed by BDT (it was an action until action round 14, which
    # reads such a sentence as a question: tests/test_action_yes_no_questions.py).
    assert items("Question to BDT: is there a toolkit that we should include in the "
                 "course?") == [
        ("question", "BDT")]
    assert items("Is there a toolkit that we should include in the course?") == []


def test_with_me_makes_the_sender_a_co_owner() -> None:
    assert owners_from("hery@example.mg", "Ana Souza will draft the annex with me.") == [
        "Ana Souza, Hery Rakoto"]
    assert owners_from("hery@example.mg", "Ana Souza will draft the annex.") == [
        "Ana Souza"]


def test_of_several_greeted_the_question_asks_the_one_of_its_sector() -> None:
    greeting = "Dear colleagues of TSB and BDT,\n\n"
    assert asked(greeting + "We read that ITU-T SG12 has a new handbook. Is it available "
                 "in French?") == [("question", "TSB")]
    assert asked(greeting + "We read that there is a new handbook. Is it available in "
                 "French?") == [("question", "TSB, BDT")]


def test_let_me_is_a_commitment_of_the_sender() -> None:
    # Minimal pair: "let me know" asks the reader; "let me check" promises work.
    assert owners_from("hery@example.mg", "Let me check with ITU-T SG12 and come back to "
                       "you next week.") == ["Hery Rakoto"]
    assert owners_from("hery@example.mg", "Let me remind you that the room is booked.") == []
    assert owners_from("hery@example.mg", "Please let me know by Friday.") == [None]


def test_a_second_party_with_its_own_verb_after_and_owes_its_own_item() -> None:
    # Minimal pair: "A and B will review" is one request of two parties; "A will draft
    # and B will review" is two pieces of work, one each.
    assert owners_from("hery@example.mg", "ITU-T SG12 and BDT will review the annex.") == [
        "ITU-T SG12, BDT"]
    assert owners_from("hery@example.mg", "ITU-T SG12 will draft the annex and BDT will "
                       "review it.") == ["ITU-T SG12", "BDT"]


def test_the_party_a_label_or_a_closing_name_addresses_owes_the_request() -> None:
    assert asked("A question for BDT: is the ITU-T SG12 handbook published?") == [
        ("question", "BDT")]
    assert asked("Is the ITU-T SG12 handbook published?") == [("question", "TSB")]
    # A name closing the request, after a comma, is whom it speaks to.
    assert owners_from("hery@example.mg", "Grateful if you could check the table, Ana "
                       "Souza.") == ["Ana Souza"]
    assert owners_from("hery@example.mg", "Grateful if you could check the table.") == [
        None]


def test_more_ways_of_naming_who_is_to_do_something() -> None:
    # "useful for X to", as "possible for X to"; "expected from X", as "needed from X".
    assert owners_from("hery@example.mg", "It would be useful for BDT to present the "
                       "study.") == ["BDT"]
    assert owners_from("hery@example.mg", "It would be useful to present the study.") == []
    assert owners_from("hery@example.mg", "The table is expected from BDT by 30 May.") == [
        "BDT"]
    # Several parties' tasks in one sentence, after ";" or "," (minutes' style).
    assert owners_from("hery@example.mg", "Next steps: BDT will update the table; TSB will "
                       "circulate the minutes.") == ["BDT", "TSB"]
    assert owners_from("hery@example.mg", "Open points: TSB to confirm the room, BR to send "
                       "the list.") == ["TSB", "BR"]
    assert owners_from("hery@example.mg", "For ITU-R, BR will send the list.") == ["BR"]


def test_our_people_are_the_senders_side_not_the_readers() -> None:
    # Minimal pair: "experts" alone are the readers; "our experts", the sender's.
    assert owners_from("hery@example.mg", "Our experts will review the draft.") == [
        "Hery Rakoto"]
    assert owners_from("hery@example.mg", "Experts will review the draft.") == []


def test_a_group_named_before_a_request_with_its_own_owners_does_not_crash() -> None:
    # "each Bureau" stands for three owners in one mention; the request after it names
    # two of them. Comparing the mention's owners one string at a time found none and
    # raised ValueError, which failed the whole thread's analysis.
    text = ("I know each Bureau works within its own mandate; nonetheless it would be "
            "much appreciated if TSB and BDT could jointly prepare, by 2 March, a short "
            "note listing the activities of each Bureau.")
    assert items(text) == [("action", "TSB, BDT")]
