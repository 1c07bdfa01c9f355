"""Lists of what is wanted, each line naming its party inside it (action round 19;
minimal pairs of our own wording, the first assertion of each test failed before): "By 2
April we would need: - two TSB mentors ...; - a BR speaker ...; - from the advisory group
vice-chairs, names of ..." (`w7`-015), "We would be very glad to have: (1) a TSB speaker
on ..., (2) a BDT contribution on ..." (`w16`-016), "Nous aimerions : - deux
intervenants (TSB et BDT) ; - un message vidéo (BDT)" (`w16`-039), "Requests: - TSB: a
speaker ..." (`w12`-033) were no item at all, or one of nobody's. Each line is an item of
the party it names before what it is about; things asked of nobody ("we need: - a room")
stay none.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput, Address
from iscg_mailbot.settings.members import MembersConfig

SENT = datetime(2027, 3, 2, 11, 0, tzinfo=timezone(timedelta(hours=1)))


def found(text: str, members: MembersConfig) -> list[tuple[str, str | None, str | None]]:
    message = ActionInput(text, SENT, sender=Address("Grace Mwangi", "grace.mwangi@itu.int"))
    return [(c.kind, c.owner, c.due and c.due.isoformat())
            for c in extract_actions(message, members=members)]


def test_parties_inside_the_lines_of_a_need(members: MembersConfig) -> None:
    text = ("Dear colleagues,\n\nWe are preparing the summer school. By 9 April we would "
            "need:\n- three TSB lecturers for the module on numbering;\n- a BR expert for "
            "the session on satellite filings.\n\nThanks,\nGrace\n")
    assert found(text, members) == [("action", "TSB", "2027-04-09"),
                                    ("action", "BR", "2027-04-09")]
    # Things asked of nobody named stay no item.
    assert found(text.replace("three TSB lecturers", "three lecturers")
                 .replace("a BR expert", "an expert"), members) == []


def test_what_a_line_is_about_is_not_its_party(members: MembersConfig) -> None:
    text = ("Dear colleagues,\n\nThe workshop is on 7 July. We would be very glad to "
            "have:\n(1) a BR speaker on the SG5 work on spectrum for data centres, and\n"
            "(2) a TSB contribution on the SG20 work on smart buildings.\n"
            "Please let us know by 31 May.\n\nGrace\n")
    assert found(text, members) == [("action", "BR", "2027-05-31"),
                                    ("action", "TSB", "2027-05-31")]
    assert found(text.replace("We would be very glad to have:", "The programme has:"),
                 members) == [("action", None, "2027-05-31")]


def test_other_languages_and_a_bare_requests_heading(members: MembersConfig) -> None:
    text = ("Chers collègues,\n\nNous organisons un atelier en juin.\nNous aimerions :\n"
            "- un intervenant du BR (20 minutes) ;\n- des supports de formation du TSB.\n\n"
            "Grace\n")
    assert [owner for _, owner, _ in found(text, members)] == ["BR", "TSB"]
    text = ("Dear colleagues,\n\nWe plan an online course in September.\n\nRequests:\n"
            "- TSB: a speaker on network architecture, 45 minutes\n- BR: a speaker on "
            "spectrum, 30 minutes\n\nGrace\n")
    assert [owner for _, owner, _ in found(text, members)] == ["TSB", "BR"]
    assert found(text.replace("Requests:", "Programme:"), members) == []


def test_a_member_opening_a_line_greets_the_next_sentence(members: MembersConfig) -> None:
    # `w9`-002: "- Fatou, last year Senegal waived ... Could you share ...?" is one
    # request, to Fatou, not the line before it.
    text = ("Dear colleagues,\n\nTwo things I need:\n- Fatou, last year Senegal waived the "
            "formalities very quickly. Could you share the contact of the person who "
            "handled it?\n- BR colleagues: are there coordination issues we should know "
            "about?\n\nGrace\n")
    sentences = [c.sentence for c in extract_actions(ActionInput(
        text, SENT, sender=Address("Grace Mwangi", "grace.mwangi@itu.int")), members=members)]
    assert not any(s.startswith("Fatou, last year") for s in sentences)
