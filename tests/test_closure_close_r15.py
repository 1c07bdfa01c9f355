"""Closure round close-r15 (issue 13; minimal pairs: the first case of each fails on
`main` de70039, its pair passes on both), from the dev misses of the fourteenth to
seventeenth writers checked against the earlier ones. Threads run through the whole
pipeline (``run_pipeline``).

- A reply heading its answer with the share it gives ("BDT: 15 (9 workshops, 6
  webinars)", "For BR: we already admit observers ...") answers that owner's share of a request put to
  several, though it shares no word with the request or promises beside what it reports;
  an answer put off under the label ("For BDT: I will check ... and come back") does not.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from iscg_mailbot.services.eval_set import load_eval_set
from iscg_mailbot.services.evaluation import PipelineOutput, run_pipeline
from iscg_mailbot.settings.main import Settings

ROOT = Path(__file__).resolve().parents[1]
LUCIA = "Lucia Bianchi <lucia.bianchi@itu.int>"
GRACE = "Grace Mwangi <grace.mwangi@itu.int>"
SOFIA = "Sofia Lindqvist <sofia.lindqvist@itu.int>"
PRIYA = "Priya Raman <priya.raman@example.gov.in>"


def _message(number: int, sender: str, body: str) -> dict[str, str]:
    return {"id": f"m{number}", "from": sender,
            "date": f"2027-03-0{number}T10:00:00+01:00", "body": body}


def _thread(ident: str, subject: str, *messages: tuple[str, str]) -> dict[str, object]:
    return {"id": ident, "subject": f"[int-sect-team] {subject}", "topics": [],
            "messages": [_message(n, sender, body)
                         for n, (sender, body) in enumerate(messages, start=1)]}


FIGURES = ("Dear colleagues,\n\nTSB, BR and BDT: please send me your figures by Friday "
           "12 March - a short e-mail is enough.\n\nLucia\n")
BDT_FIGURES = "Dear Lucia,\n\nBDT: 15 (9 workshops, 6 webinars).\n\nGrace\n"
BDT_PUT_OFF = ("Dear Lucia,\n\nFor BDT: I will check with the regional offices and come "
               "back to you.\n\nGrace\n")
OBSERVERS = ("Dear colleagues,\n\nWould the three Bureaux consider opening their "
             "courses to observers from academia?\n\nPriya\n")
BR_VIEW = ("Dear Priya,\n\nFor BR: we already admit two observers to each spectrum "
           "management course, and we will continue next year.\n\nSofia\n")

THREADS = [
    _thread("q-001", "Figures for the annual report", (LUCIA, FIGURES), (GRACE, BDT_FIGURES)),
    _thread("q-002", "Figures for the annual report, again", (LUCIA, FIGURES),
            (GRACE, BDT_PUT_OFF)),
    _thread("q-003", "Observers in the courses", (PRIYA, OBSERVERS), (SOFIA, BR_VIEW)),
]


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory) -> PipelineOutput:
    folder = tmp_path_factory.mktemp("close-r15")
    (folder / "threads.yaml").write_text(yaml.safe_dump({"threads": THREADS}),
                                         encoding="utf-8")
    settings = Settings(config_dir=str(ROOT / "config"), data_dir=str(folder / "data"))
    return run_pipeline(settings, load_eval_set(folder / "threads.yaml"))


def _shares(output: PipelineOutput, thread: str, message: str) -> list[dict[str, str]]:
    return [dict(item.share_closers) for item in output.items.get((thread, message), [])]


def test_a_labelled_share_answers_the_request(output: PipelineOutput) -> None:
    assert _shares(output, "q-001", "m1") == [{"BDT": "m2"}]


def test_an_answer_put_off_under_the_label_answers_nothing(output: PipelineOutput) -> None:
    assert _shares(output, "q-002", "m1") == [{}]


def test_a_labelled_share_answers_a_question_beside_a_promise(output: PipelineOutput) -> None:
    assert _shares(output, "q-003", "m1") == [{"BR": "m2"}]
