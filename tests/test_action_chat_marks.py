"""Chat-tool marks in informal mail (action round 23, `w26`, `w11`, `w18`, `w23` dev):
an @-mention opening a sentence addresses the member ("@Ahmed can you add the logo?",
`w26`; "@Elena: exists ...", `w11`), parties bundled with "+" ("could BR + TSB pls
...", `w26`; "TSB + BDT" in `w23`'s tables), open and ticked check boxes ("[ ] BR: add
the dates by 3/7", "[x] GS: slides posted", `w26`), and a weekday that says which way a
date in figures is read ("4/11 (Friday)", `w26`), a member addressed with no mark after
the name ("... - Lucia can you raise ...?", `w18`) or after a colon ("On that: Ahmed,
are ...?", `w21`; "...; Lucia, can we ...?", `w24`), and a delivery for a member the
sender says is away ("Klaus is sick ... His slides attached", `w26`; staff on leave in
`w8`, `w20`, `w24`), and Bureaux or Sectors named as the alternatives a question asks
("is it TSB or BDT who ...?", `w26`; "anyone in ITU-D or ITU-R", `w12`). Minimal pairs of our own wording; the
first assertion of each test failed before.
"""

from __future__ import annotations

import time
from datetime import date, datetime, timedelta, timezone

from iscg_mailbot.analyse.action_dates import find_dates
from iscg_mailbot.analyse.actions import extract_actions, find_questions
from iscg_mailbot.analyse.chat_marks import plain_marks
from iscg_mailbot.analyse.closure_items import detect_closure
from iscg_mailbot.analyse.terse_words import spelt_out
from iscg_mailbot.records import ActionInput, Address, OpenItem
from iscg_mailbot.settings.members import MembersConfig
from tests.letter_items import OMAR, OMAR_SENT


def _items(text: str, members: MembersConfig) -> list[tuple[str, str | None]]:
    """(kind, owner) of the items and questions of ``text`` sent by Omar to the list, read
    as the pipeline reads it (shorthand and chat marks written out)."""
    message = ActionInput(spelt_out(f"Hi all,\n\n{text}\n\nOmar"), OMAR_SENT, sender=OMAR)
    found = extract_actions(message, members=members)
    return [(c.kind, c.owner) for c in found + find_questions(message, found, members)]


def test_a_mention_opening_a_sentence_addresses_the_member(members: MembersConfig) -> None:
    assert _items("That's TSB's page. @Ahmed can you add the BDT logo please?",
                  members) == [("action", "Ahmed El-Sayed")]
    assert _items("@Zhang Wei does TSAG have anything similar planned?",
                  members) == [("question", "Zhang Wei")]
    # Named in passing, not addressed: the request is still the Bureau's.
    assert _items("Thanks @Ahmed for the page, could BDT send its logo by 7 May?",
                  members) == [("action", "BDT")]


def test_mentions_joined_are_addressed_together(members: MembersConfig) -> None:
    assert _items("@James + @Klaus could you send your slides by 26 November?",
                  members) == [("action", "James Whitfield, Klaus Brenner")]
    assert _items("@James could you send your slides by 26 November?",
                  members) == [("action", "James Whitfield")]


def test_a_mention_is_written_as_a_name_and_addresses_are_left_alone() -> None:
    assert plain_marks("@Ahmed can you add it?") == "Ahmed, can you add it?"
    assert plain_marks("@Elena: is there a Recommendation?") == "Elena: is there a Recommendation?"
    assert plain_marks("- @Zhang Wei Could you check?") == "- Zhang Wei, Could you check?"
    assert plain_marks("Write to ahmed.elsayed@itu.int can you") == (
        "Write to ahmed.elsayed@itu.int can you")
    assert plain_marks("see https://x.example/@Team and @ITU_D") == (
        "see https://x.example/@Team and @ITU_D")


def test_parties_bundled_with_a_plus_are_asked_together(members: MembersConfig) -> None:
    assert _items("Could BR + TSB please send names by 28 March?",
                  members) == [("action", "BR, TSB")]
    assert _items("Could BR please send names for the SG2 + WP 5D session by 28 March?",
                  members) == [("action", "BR")]
    assert plain_marks("Could BR + TSB send one?") == "Could BR and TSB send one?"
    assert plain_marks("intro + conclusions, ctrl+F5") == "intro + conclusions, ctrl+F5"


def test_an_open_check_box_is_work_to_do(members: MembersConfig) -> None:
    text = ("Action list:\n[x] GS: post the slides on SharePoint (done, thx Nadia)\n"
            "[ ] BR: add the WP 5D meeting dates to the joint calendar by 7 March\n"
            "[ ] BDT + TSB: joint fellowship criteria - by end of Q2")
    assert _items(text, members) == [("action", "BR"), ("action", "BDT, TSB")]
    # Ticked: reported done, owing nothing.
    assert _items(text.replace("[ ]", "[x]"), members) == []


def test_a_weekday_picks_the_reading_of_a_date_in_figures() -> None:
    sent = datetime(2031, 3, 20, 10, tzinfo=timezone(timedelta(hours=1)))

    def due(text: str) -> date | None:
        return find_dates(text, sent)[0].value

    assert due("Please vote by 4/11 (Friday).") == date(2031, 4, 11)
    assert due("Please vote by Fri 4/11.") == date(2031, 4, 11)
    # No weekday, or one that day-first reading has: day first, as ITU writes it (a
    # day-first reading months away against a month-first one within weeks is
    # date_orders' other reading: tests/test_action_due_forms.py).
    assert due("Please vote by 5/6.") == date(2031, 6, 5)
    assert due("Please vote by Tue 4/11.") == date(2031, 11, 4)
    assert due("Please vote by Thu 4/11.") == date(2031, 11, 4)


def test_a_member_addressed_with_no_mark_after_the_name(members: MembersConfig) -> None:
    # A request for work put as a question ("raise the request"): an action since the
    # act-roles round, as `w18`-027 labels it; the owner is what this test is about.
    assert _items("Translations needed - Lucia can you raise the request with the "
                  "conference department?", members) == [("action", "Lucia Bianchi")]
    assert _items("Lucia can you raise the request with the conference department?",
                  members) == [("action", "Lucia Bianchi")]
    # Named as the one who acts, not addressed: no request to her.
    assert _items("Translations needed - Lucia will raise the request with the "
                  "conference department.", members) == [("action", "Lucia Bianchi")]


def test_a_delivery_for_an_absent_member_is_their_share(members: MembersConfig) -> None:
    by_name = {m.name: m for m in members.members}
    zhang = by_name["Zhang Wei"]
    item = OpenItem(1, "James Whitfield, Klaus Brenner", "member",
                    "James and Klaus, could you send your slides by 26 November?")

    def shares(reply: str) -> list[tuple[str, ...]]:
        return [c.owners for c in detect_closure(reply, [item], sender=Address(
            zhang.name, zhang.address), members=members)]

    assert shares("Klaus is sick this week, he asked me to cover. His slides are attached.") == [
        ("Klaus Brenner",)]
    # Klaus not said to be away: Zhang Wei's attachment is no share of theirs.
    assert shares("Klaus is right about the bands. His slides are attached.") == []


def test_bureaux_named_as_alternatives_are_both_asked(members: MembersConfig) -> None:
    assert _items("Quick one: the webinar page - is it TSB or BDT who maintains it?",
                  members) == [("question", "TSB, BDT")]
    assert _items("So: is anyone in ITU-D or ITU-R working on guidance for network sunsets?",
                  members) == [("question", "BDT, BR")]
    assert _items("Could TSB or BDT send the list of focal points?",
                  members) == [("question", "TSB, BDT")]
    # Study groups as the alternatives: whoever in them knows, nobody asked by name.
    assert _items("Has anyone in SG20 or ITU-D Q5/2 documented such deployments?",
                  members) == [("question", None)]
    # One Bureau named beside the other, not as its alternative: neither is asked.
    assert _items("Is the ITU-D page linked from the ITU-R page?", members) == [
        ("question", None)]


def test_a_member_addressed_after_a_colon_or_semicolon(members: MembersConfig) -> None:
    assert _items("On that: Ahmed, are the E.800 texts available in Spanish?",
                  members) == [("question", "Ahmed El-Sayed")]
    assert _items("It runs to three pages; Lucia, can we have three?",
                  members) == [("question", "Lucia Bianchi")]
    # Named after the colon as the one acting, not asked: his own item, as before.
    assert _items("Two items: Ahmed, as agreed, will send the list.",
                  members) == [("action", "Ahmed El-Sayed")]


def test_long_runs_are_read_in_linear_time() -> None:
    # A "+" pattern that matched the word before it first was tried from each of its
    # letters: 30 s for these 20,000 characters.
    started = time.process_time()
    for text in ("A" * 20000 + " x + b", "A1" * 10000 + "+", "@A " * 20000,
                 "[ ] " * 20000, " + A" * 20000):
        plain_marks(text)
    assert time.process_time() - started < 4.0
