"""Action points and request lists as structure (issue 13, act-r22; minimal pairs of our
own wording, the first assertion of each test failed before):

- a minutes line under an action-point label numbered by year or meeting ("AP 9/2029",
  "AP 30/1-1") is read like one under "A1": its owner "to" do something, its date;
- a list introduced by a request that leaves what and of whom to its lines ("Two
  requests:", "By Tuesday 6 March, kindly:", "Action points; ... all due Thu 28 Feb:")
  gives one item per line, owned by the party its label names ("All members:" is the
  ISCG's) and dated by the line or else by the introduction;
- a reply's terse status chase ("... - status?", "Hiroshi - backlog cleared?") is no
  new question, as "any news?" is; a real question in the reply stays one.
"""

from __future__ import annotations

import time
from datetime import date, datetime, timedelta, timezone

from iscg_mailbot.analyse.action_chases import chases
from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput, Address
from iscg_mailbot.settings.members import MembersConfig

SENT = datetime(2029, 3, 1, 9, 0, tzinfo=timezone(timedelta(hours=1)))
LUCIA = Address("Lucia Bianchi", "lucia.bianchi@itu.int")


def items(text: str, members: MembersConfig) -> list[tuple[str | None, date | None]]:
    found = extract_actions(ActionInput(text, SENT, sender=LUCIA), members=members)
    return [(c.owner, c.due) for c in found]


def test_action_point_labelled_by_year(members: MembersConfig) -> None:
    text = ("Dear colleagues,\n\nSummary of yesterday's call.\n\n"
            "AP 9/2029   BR to circulate the updated coordination table - by 30 April.\n"
            "AP 10/2029  TSB and BDT to propose dates for the joint workshop - by 6 April.\n\n"
            "Lucia\n")
    assert items(text, members) == [("BR", date(2029, 4, 30)), ("TSB, BDT", date(2029, 4, 6))]
    # The same lines labelled "A1", "A2" were read already.
    plain = text.replace("AP 9/2029 ", "A1").replace("AP 10/2029", "A2")
    assert items(plain, members) == items(text, members)


def test_action_points_with_a_date_for_the_list(members: MembersConfig) -> None:
    text = ("Thanks for yesterday. Action points; unless marked otherwise, all due\n"
            "Thu 28 Mar:\n\n"
            "AP 30/1-1  GS: revised draft ToR circulated (by Thu 21 Mar).\n"
            "AP 30/1-2  BR and BDT: joint list of 2030 regional workshops.\n"
            "AP 30/1-3  All members: comments on the revised ToR.\n\n"
            "Ingrid\n")
    assert items(text, members) == [("General Secretariat", date(2029, 3, 21)),
                                    ("BR, BDT", date(2029, 3, 28)),
                                    ("ISCG", date(2029, 3, 28))]


def test_two_requests_introduce_their_lines(members: MembersConfig) -> None:
    text = ("Dear colleagues,\n\nTwo requests:\n"
            "- TDAG: the list of regional forums by Friday 15 March;\n"
            "- Bureaux: your one-page updates for item 2 by Friday 22 March.\n\n"
            "Best regards,\nIngrid\n")
    assert items(text, members) == [("TDAG", date(2029, 3, 15)),
                                    ("BR, TSB, BDT", date(2029, 3, 22))]
    # Without the introduction, the lines ask nothing of anyone.
    assert items(text.replace("Two requests:\n", "Two points:\n"), members) == []


def test_kindly_above_the_lines_dates_them(members: MembersConfig) -> None:
    text = ("Dear colleagues,\n\nBy Tuesday 12 March, kindly:\n"
            "  * ISCG members: register on the meeting page;\n"
            "  * Bureaux: send me the names of the staff who will attend.\n\nLucia\n")
    assert items(text, members) == [("ISCG", date(2029, 3, 12)),
                                    ("BR, TSB, BDT", date(2029, 3, 12))]


def test_terse_status_chase_in_a_reply() -> None:
    reply = ActionInput("", None, parent_sender=Address("Ingrid", "ingrid@example.no"))
    for chase in ("SG13 reply to 5D due Mon 10 June - status?", "Hiroshi - backlog cleared?",
                  "Rajesh - on track for tomorrow?", "TSB: chair confirmed?",
                  "Luis - anything from SG2 on the case studies?"):
        assert chases(reply, chase), chase
    for question in ("Is the room confirmed?", "BDT: is the date confirmed?",
                     "Hiroshi - backlog cleared by Friday?"):
        assert not chases(reply, question), question
    # A first message chases nothing.
    assert not chases(ActionInput("", None), "Hiroshi - backlog cleared?")


def test_terse_status_leaves_questions_asking_what_when_who() -> None:
    # review2: a question word among the words before the participle makes it a real
    # question, as an auxiliary first does ("Is the room confirmed?").
    reply = ActionInput("", None, parent_sender=Address("Ingrid", "ingrid@example.no"))
    for question in ("Luis - when was it posted?", "Sofia - what has been done?",
                     "BDT: which files were received?", "BR: how much was received?"):
        assert not chases(reply, question), question
    assert chases(reply, "Rajesh - contribution already sent?")


def test_terse_status_is_linear_on_dashes_and_hyphens() -> None:
    # review2: a run of dashes or hyphenated words before a gate word took seconds
    # (cubic at 16 KB: the name, the dash after it and the words overlapped).
    reply = ActionInput("", None, parent_sender=Address("Ingrid", "ingrid@example.no"))
    for text in ("-" * 20_000 + " sent?", "a-" * 20_000 + " sent", "-" * 20_000 + " any news"):
        started = time.perf_counter()
        chases(reply, text)
        assert time.perf_counter() - started < 1.0, text[:10]


def test_requests_reported_introduce_no_items(members: MembersConfig) -> None:
    # review2: "Requests received so far:" lists what the parties asked, not what they
    # owe; only an introduction that asks ("Two requests from my side:") frames items.
    text = ("Dear colleagues,\n\n{intro}\n- TDAG: a slot on the agenda;\n"
            "- BR: more time for item 3.\n\nBest regards,\nIngrid\n")
    for intro in ("Requests received so far:", "Our requests to TSB were met:"):
        assert items(text.format(intro=intro), members) == [], intro
    assert [owner for owner, _ in items(text.format(intro="Two requests from my side:"),
                                        members)] == ["TDAG", "BR"]
