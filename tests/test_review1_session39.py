"""Review of session 39's triage merges (review1): minimal pairs of our own wording for
rules that fired too broadly, and linear-time checks of patterns that backtracked on
hostile input. Each first assertion failed on main at e561d37."""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone

from iscg_mailbot.analyse.action_outsiders import drop_outside_requests, records_a_decision
from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.analyse.chat_marks import plain_marks
from iscg_mailbot.analyse.terse_words import spelt_out
from iscg_mailbot.parse.quoting import split_new_text
from iscg_mailbot.records import ActionCandidate, ActionInput, Address

SENT = datetime(2031, 5, 14, 10, 0, tzinfo=timezone(timedelta(hours=2)))
LIST = "iscg@lists.itu.int"


def items(text: str) -> list[tuple[str, str | None]]:
    message = ActionInput(spelt_out("Dear colleagues,\n\n" + text + "\n\nBest regards,\nElena\n"),
                          SENT, sender=Address("Elena Petrova", "elena.petrova@itu.int"),
                          to=(Address("", LIST),), list_address=LIST)
    return [(c.kind, c.owner) for c in extract_actions(message)]


def test_a_decision_cited_for_the_work_that_follows_is_no_record() -> None:
    assert items("TSB will circulate the report by 10 May 2031, as Council requested.") == [
        ("action", "TSB")]
    assert items("As we had agreed at the last call, BR will send the draft by 20 May "
                 "2031.") == [("action", "BR")]
    # The record itself is still history.
    assert items("Council also approved the budget, and decided that CWG-FHR would meet "
                 "twice in 2032.") == []
    assert items("At its meeting of 2 March, the Group had already agreed that BR would "
                 "prepare the calendar.") == []


def test_sharing_as_background_asked_or_promised_is_work() -> None:
    assert items("Could BDT share its study as background for the meeting?") == [
        ("action", "BDT")]
    assert items("BDT will share its study as background for the meeting by 20 May "
                 "2031.") == [("action", "BDT")]
    assert items("From the APT list, which I quote only as background: please send "
                 "comments on the draft by 20 June.") == []


def test_a_line_of_prose_naming_a_mailing_list_is_no_footer() -> None:
    body = ("Dear all,\n\nTSB will open it by 20 May 2031.\n\n____________________\n"
            "Next: the regional mailing list\nBR will host it from June.\n")
    assert "BR will host it" in split_new_text(body)[0]
    footer = ("Dear all,\n\nTSB will open it.\n\n" + "_" * 47 + "\nint-sect-team mailing list"
              "\nint-sect-team@lists.itu.int\nhttps://lists.itu.int/mailman/listinfo/x\n")
    assert split_new_text(footer)[0] == "Dear all,\n\nTSB will open it."
    mailman3 = ("Dear all,\n\nTSB will open it.\n\n" + "_" * 47 + "\nint-sect-team mailing "
                "list -- int-sect-team@lists.itu.int\nTo unsubscribe send an email to "
                "int-sect-team-leave@lists.itu.int\n")
    assert split_new_text(mailman3)[0] == "Dear all,\n\nTSB will open it."


def test_hostile_runs_are_read_in_linear_time() -> None:
    # Each took from 10 s to several minutes on main at e561d37 (", , ," in the record
    # of a decision, spaces before a "+", a line of spaces above many items).
    started = time.process_time()
    records_a_decision(", " * 50000, SENT)
    plain_marks("a" + " " * 100000 + "x +")
    text = " " * 50000 + "x\n" + "Please send it by Friday. " * 2000
    said = [ActionCandidate(kind="action", span=(at, at + 20), owner="ISCG",
                            owner_kind="group", sentence="Please send it by Friday.",
                            due=None, due_text=None, confidence=0.6, rule="we_request")
            for at in range(50002, len(text), 26)]
    drop_outside_requests(said, ActionInput(text, SENT))
    assert time.process_time() - started < 4.0


def test_topics_check_names_placement_settings_that_do_nothing() -> None:
    from iscg_mailbot.settings.topics import TopicsConfig, check_topics

    def problems(negative: dict[str, object], phrase: dict[str, object]) -> list[str]:
        return check_topics(TopicsConfig.model_validate({"topics": [
            {"id": "gov", "name": "Governance", "phrases": [{"phrase": "notes", **phrase}],
             "negatives": [{"phrase": "speaker notes", **negative}]}]}), "topics.yaml")

    assert problems({}, {}) == []
    [line] = problems({"subject_only": True}, {})
    assert line.startswith("topics.yaml: topics[0].negatives[0] (topic 'gov')")
    assert "subject_only" in line and "remove it" in line
    [line] = problems({}, {"only_near": ["call", "Meeting"], "not_near": ["meeting"]})
    assert "topics[0].phrases[0]" in line and "'meeting'" in line
