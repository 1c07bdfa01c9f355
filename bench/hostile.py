"""Hostile-input timing of the analysis: does any reading grow faster than the text?

Each input repeats a short fragment typical of one rule family (dates with their lead
words, "please ... by", party lists, quoted header lines, "Re:" chains, colons and dashes,
semicolons, bullets, brackets, URLs, long words without spaces) to 25,000 and to 50,000
characters, and runs it through the public analysis: ``extract_actions``,
``find_questions``, ``detect_closure`` and ``answers_question`` against a few open items,
the tagger's ``tag_threads`` and the plain scorer of ``topics explain``. A reading whose
time grows more than ~2.5x when the text doubles is super-linear (docs/reliability.md).

    python bench/hostile.py                 # every fragment, every step
    python bench/hostile.py --only date --steps actions,questions --sizes 25000,50000
"""

from __future__ import annotations

import argparse
import signal
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from types import FrameType

from iscg_mailbot.analyse.actions import extract_actions, find_questions
from iscg_mailbot.analyse.closure_items import answers_question, detect_closure
from iscg_mailbot.analyse.topics import TopicTagger
from iscg_mailbot.conventions import Conventions
from iscg_mailbot.records import ActionInput, Address, OpenItem, ThreadText
from iscg_mailbot.settings.itu_bodies import load_itu_bodies
from iscg_mailbot.settings.members import load_members
from iscg_mailbot.settings.topics import load_topics

CONFIG = Path(__file__).resolve().parents[1] / "config"
SENT = datetime(2027, 4, 7, 9, 0, tzinfo=UTC)
LIST = Address("ISCG", "iscg@itu.int")

# name -> fragment repeated (a trailing item sentence is added to each input).
FRAGMENTS: dict[str, str] = {
    "date_on": "; on 1 June x",
    "date_by": "please send it by 3 May 2027, ",
    "date_numeric": "by 12/05 and 13.06.2027 ",
    "date_leap": "by 29/02 or 29 February ",
    "date_weekday": "on Friday at 11:00 ",
    "date_before_event": "before our meeting on 20 July ",
    "date_month": "TSB will send it in June ",
    "date_from": "from 1 June to 3 June ",
    "closes": "the survey closes on 3 May. ",
    "closes_items": "Could BR check it? Our survey closes on 3 May. ",
    "asked_items": "Could BR check it? ",
    "asked_and_questions": "Could BR check it? Is it ready? ",
    "please_by": "please could TSB review by ",
    "please": "please ",
    "party_list": "TSB, BR and BDT ",
    "party_and": "TSB and ",
    "one_from": "and one from ",
    "header_quoted": "> From: Sofia <s@itu.int>\n> Sent: 1 June 2027\n",
    "re_chain": "Re: ",
    "fw_chain": "Fwd: RE: ",
    "colon": "Note: ",
    "colons": ":",
    "dash": "-",
    "dash_words": "TSB - send - ",
    "semicolon": "; ",
    "semicolon_words": "TSB to send it; ",
    "bullets": "\n- TSB: please send x",
    "bullets_star": "\n* ",
    "list_frames": "By Friday, kindly:\n- BR: send x;\n",
    "numbered": "\n1. BR to check. ",
    "brackets": "(",
    "brackets_pair": "(TSB) [BR] ",
    "url": "https://www.itu.int/en/ITU-T/Pages/x.aspx ",
    "url_nospace": "https://itu.int/",
    "longword": "a",
    "longword_digits": "x1",
    "dots": ". ",
    "commas": ", ",
    "questions": "could BR check? ",
    "wh": "which ",
    "will": "I will ",
    "done": "done. ",
    "thanks": "thanks, ",
    "quote_marks": "\"",
    "apostrophes": "'s ",
    "topic_words": "cybersecurity malware security ",
    "spaces": " ",
    "newlines": "\n",
    "emails": "sofia@itu.int ",
    "ai_items": "AI 5 - Lucia to find a room. ",
    "sent_to": "sent to Klaus and BR ",
    # Fragments of the readings added in the conventions/terse/closure rounds.
    "clipped": "Comments welcome by 5/3 pls, ",
    "clipped_words": "Comments on the draft text ",
    "terse": "pls send u r input til 5/3 b4 TSAG ",
    "before_day": "before 30 June, ",
    "before_meeting": "before the meeting ",
    "recalled": "it is recalled that, ",
    "role_change": "I will take over Rajesh's files and questions may ",
    "round_over": "no objection so far and ",
    "yes_no": "Yes, is it ready if ",
}
# Each input is one item's sentence around the fragments, then a request of its own.
HEAD = "TSB will send it "
TAIL = ". Could TSB send it?"
STEPS = ("actions", "conventions", "questions", "closure", "answers", "tag", "explain")
ITEMS = [OpenItem(1, "TSB", "bureau", "TSB to send the draft report by 30 June."),
         OpenItem(2, "BR", "bureau", "Could BR check the survey?"),
         OpenItem(3, "Sofia Lindqvist", "member", "Sofia to book a room.")]


class _TimedOut(Exception):
    pass


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise _TimedOut


def _runners() -> dict[str, Callable[[str], object]]:
    members = load_members(CONFIG / "members.yaml")
    tagger = TopicTagger(load_topics(CONFIG / "topics.yaml"),
                         bodies=load_itu_bodies(CONFIG / "itu_bodies.yaml"))

    other = Conventions(before="that_day", requests_to_all="ISCG", staff_i_will="unit",
                        commitments="drop")

    def questions(text: str) -> object:
        message = ActionInput(text, SENT)
        return find_questions(message, extract_actions(message, members=members), members)

    return {
        "actions": lambda text: extract_actions(ActionInput(text, SENT), members=members),
        "questions": questions,
        "conventions": lambda text: extract_actions(
            ActionInput(text, SENT, to=(LIST,), list_address=LIST.address, conventions=other),
            members=members),
        "closure": lambda text: detect_closure(text, ITEMS, members=members),
        "answers": lambda text: answers_question(text, ITEMS[1].sentence, members=members),
        "tag": lambda text: tagger.tag_threads([ThreadText(1, "ITU work", (text,))]),
        "explain": lambda text: tagger.explain("ITU work", [text]),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help="fragments whose name holds this")
    parser.add_argument("--steps", default=",".join(STEPS))
    parser.add_argument("--sizes", default="25000,50000")
    parser.add_argument("--timeout", type=int, default=30, help="seconds per run")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    runners = _runners()
    for run in runners.values():  # models and caches loaded before any timing
        run("Could TSB send it by 3 May? The survey closes on 3 May.")
    steps = [s for s in args.steps.split(",") if s]
    signal.signal(signal.SIGALRM, _alarm)
    print(f"{'fragment':18} {'step':9} " + " ".join(f"{s:>8}" for s in sizes) + "   ratio")
    flagged = []
    for name, fragment in FRAGMENTS.items():
        if args.only not in name:
            continue
        for step in steps:
            times: list[float | None] = []
            for size in sizes:
                text = HEAD + (fragment * (size // len(fragment) + 1))[:size] + TAIL
                signal.alarm(args.timeout)
                started = time.perf_counter()
                try:
                    runners[step](text)
                    times.append(time.perf_counter() - started)
                except _TimedOut:
                    times.append(None)
                finally:
                    signal.alarm(0)
                if times[-1] is None:
                    break
            shown = " ".join(f"{t:8.2f}" if t is not None else "   >time" for t in times)
            ratio = (times[-1] / max(times[0], 0.05)
                     if len(times) == len(sizes) and None not in times else None)
            slow = times[-1] is None or (ratio is not None and ratio > 2.5 and times[-1] > 0.3)
            mark = "  <-- super-linear" if slow else ""
            print(f"{name:18} {step:9} {shown} "
                  f"{(f'{ratio:6.1f}' if ratio is not None else '     -')}{mark}", flush=True)
            if slow:
                flagged.append((name, step))
    print(f"{len(flagged)} flagged: {flagged}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
