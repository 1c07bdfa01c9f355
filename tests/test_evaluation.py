"""The evaluation harness: set loading, RFC 822 messages, the real pipeline, the scores.

``tests/data/eval_synthetic/threads.yaml`` is a small set in the format of
``eval/README.md``. The scores are computed by running it through parse, store, thread
and analysis; the tests change a label on purpose and check the score moves.
"""

from __future__ import annotations

import email
import json
from email import policy
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from iscg_mailbot.cli import cli
from iscg_mailbot.services.eval_scores import PredictedItem, match_items, score_topics
from iscg_mailbot.services.eval_set import (
    DEV,
    HELD_OUT,
    EvalItem,
    load_eval_set,
    split_of,
    to_rfc822,
)
from iscg_mailbot.services.evaluation import EvalReport, evaluate_set
from iscg_mailbot.settings.main import Settings

ROOT = Path(__file__).resolve().parents[1]
SYNTHETIC = ROOT / "tests" / "data" / "eval_synthetic"


def settings(tmp_path: Path) -> Settings:
    return Settings(config_dir=str(ROOT / "config"), data_dir=str(tmp_path / "data"))


def edited_set(tmp_path: Path, edit: Any) -> Path:
    """A copy of the synthetic set with ``edit(threads_by_id)`` applied."""
    data = yaml.safe_load((SYNTHETIC / "threads.yaml").read_text(encoding="utf-8"))
    edit({t["id"]: t for t in data["threads"]})
    path = tmp_path / "set" / "threads.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> EvalReport:
    return evaluate_set(settings(tmp_path_factory.mktemp("eval")), SYNTHETIC)


def test_split_is_by_sha1_of_the_id() -> None:
    assert split_of("t-002") == HELD_OUT  # int(sha1("t-002"), 16) % 3 == 0
    assert split_of("t-001") == DEV
    loaded = load_eval_set(SYNTHETIC)
    assert {t.split for t in loaded.threads} == {DEV, HELD_OUT}


def test_bad_entries_are_named_and_the_rest_is_read(tmp_path: Path) -> None:
    def edit(threads: dict[str, Any]) -> None:
        threads["t-001"]["messages"][0]["date"] = "2026-10-05 09:12"  # no UTC offset
        threads["t-004"]["messages"][1]["closes"] = [{"item": "m9#0"}]

    loaded = load_eval_set(edited_set(tmp_path, edit))
    assert sorted(t.id for t in loaded.threads) == ["t-002", "t-003", "t-005", "t-006", "t-010"]
    assert len(loaded.problems) == 2
    assert "(t-001): messages[0]: 'date' '2026-10-05 09:12' has no UTC offset" in (
        loaded.problems[0])
    assert "closes m9#0, which is not an item of an earlier message" in loaded.problems[1]


def test_messages_are_real_rfc822_with_threading_headers_and_charset() -> None:
    thread = next(t for t in load_eval_set(SYNTHETIC).threads if t.id == "t-004")
    first = email.message_from_bytes(to_rfc822(thread, thread.messages[0]),
                                     policy=policy.default)
    reply = email.message_from_bytes(to_rfc822(thread, thread.messages[1]),
                                     policy=policy.default)
    assert first.get_content_charset() == "iso-8859-1"
    assert "Lucía" in first.get_content()
    assert first["Date"] == "Fri, 09 Oct 2026 11:00:00 +0200"
    assert reply["Subject"] == "Re: [int-sect-team] Child online protection survey"
    assert reply["In-Reply-To"] == f"<{thread.message_id('m1')}>"
    assert reply["References"] == f"<{thread.message_id('m1')}>"
    auto = next(t for t in load_eval_set(SYNTHETIC).threads if t.id == "t-003")
    assert email.message_from_bytes(to_rfc822(auto, auto.messages[0]))[
        "Auto-Submitted"] == "auto-replied"


def test_the_pipeline_runs_and_both_splits_are_scored(baseline: EvalReport) -> None:
    assert baseline.stored == 12 and baseline.quarantined == 0
    assert baseline.threads == {DEV: 5, HELD_OUT: 2}
    held = baseline.actions[HELD_OUT]
    # Both held-out items are plain "X is invited/requested to ... by <date>" sentences.
    assert (held.strict.correct, held.strict.expected) == (2, 2)
    assert baseline.topics[DEV].micro.expected == 5


def test_a_wrong_topic_label_lowers_precision_and_a_missing_one_recall(
    tmp_path: Path, baseline: EvalReport
) -> None:
    def edit(threads: dict[str, Any]) -> None:
        threads["t-001"]["topics"] = []  # what the tagger finds is now "wrong"
        threads["t-003"]["topics"] = ["governance"]  # an out-of-office: never tagged

    report = evaluate_set(settings(tmp_path), edited_set(tmp_path, edit))
    before, after = baseline.topics[DEV], report.topics[DEV]
    assert after.micro.precision < before.micro.precision
    assert after.micro.recall < before.micro.recall
    assert after.per_topic["governance"].recall == 0.0
    assert any(m.startswith("t-003 ") and "missed governance" in m for m in after.misses)


def test_a_wrong_owner_or_date_breaks_strict_but_not_the_other_fields(
    tmp_path: Path, baseline: EvalReport
) -> None:
    def edit(threads: dict[str, Any]) -> None:
        threads["t-010"]["messages"][0]["actions"][0]["owner"] = ["BR"]
        threads["t-002"]["messages"][0]["actions"][0]["due"] = "2026-10-31"

    held = evaluate_set(settings(tmp_path), edited_set(tmp_path, edit)).actions[HELD_OUT]
    assert held.strict.correct == baseline.actions[HELD_OUT].strict.correct - 2
    assert held.owner.correct == 1 and held.due.correct == 1
    assert held.kind.correct == 2
    assert len(held.misses) == 2  # computed for every split; the shells show dev only


def test_a_labelled_closure_counts_only_when_the_same_reply_closes(
    tmp_path: Path, baseline: EvalReport
) -> None:
    def edit(threads: dict[str, Any]) -> None:
        # Label the thank-you note of t-004 as closing the review: the pipeline rightly
        # leaves the item open, so the closure is not found and accuracy drops.
        threads["t-004"]["messages"][1]["closes"] = [{"item": "m1#0"}]

    dev = evaluate_set(settings(tmp_path), edited_set(tmp_path, edit)).actions[DEV]
    base = baseline.actions[DEV].closure
    assert dev.closure.labelled == base.labelled + 1
    assert dev.closure.agree == base.agree - 1
    assert dev.closure.found == base.found


def test_matching_pairs_items_of_a_message_by_agreement() -> None:
    gold = [EvalItem("action", ("TSB",), None), EvalItem("action", ("BDT",), None)]
    found = [PredictedItem("action", ("BDT",), None), PredictedItem("action", ("TSB",), None)]
    assert match_items(gold, found) == [(0, 1), (1, 0)]


def test_macro_f1_averages_topics_that_occur() -> None:
    threads = load_eval_set(SYNTHETIC).threads
    perfect = {t.id: set(t.topics) for t in threads}
    assert score_topics(threads, perfect, ["imt", "ai"]).macro_f1 == 1.0
    perfect["t-003"] = {"ai"}
    assert score_topics(threads, perfect, ["imt", "ai"]).per_topic["ai"].precision == 0.0


def cli_config(tmp_path: Path) -> Path:
    """A configuration folder with the shipped rules and a data folder under tmp_path."""
    config = tmp_path / "config"
    config.mkdir(parents=True)
    for name in ("topics.yaml", "actions.yaml", "members.yaml"):
        (config / name).write_text((ROOT / "config" / name).read_text(encoding="utf-8"),
                                   encoding="utf-8")
    (config / "iscg-mailbot.toml").write_text(
        f'data_dir = "{tmp_path / "data"}"\n', encoding="utf-8")
    return config


def test_cli_prints_both_splits_but_only_dev_with_misses(tmp_path: Path) -> None:
    config = cli_config(tmp_path)
    runner = CliRunner()
    result = runner.invoke(cli, ["--config", str(config), "actions", "evaluate", "--set",
                                 str(SYNTHETIC), "--misses", "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    # Misses are for tuning: the held-out split is left out altogether, figures included.
    assert set(figures["splits"]) == {DEV} and "misses" in figures["splits"][DEV]
    result = runner.invoke(cli, ["--config", str(config), "actions", "evaluate", "--set",
                                 str(SYNTHETIC), "--json"])
    assert set(json.loads(result.stdout)["splits"]) == {DEV, HELD_OUT}
    result = runner.invoke(cli, ["--config", str(config), "topics", "evaluate", "--set",
                                 str(SYNTHETIC)])
    assert result.exit_code == 0, result.output
    assert "--- dev: 5 threads" in result.stdout and "--- held-out: 2 threads" in result.stdout
    result = runner.invoke(cli, ["--config", str(config), "actions", "evaluate", "--set",
                                 str(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr.startswith("error: ") and "no *.yaml evaluation files" in result.stderr


def test_a_liaison_statement_forwarded_below_a_header_is_read_once(
    baseline: EvalReport,
) -> None:
    # t-005: the first message of its thread (subject "Re: ...", no In-Reply-To) holds
    # an LS below an Outlook header: its item is found with owner and deadline; the
    # reply quoting the same LS below "-----Original Message-----" adds nothing.
    dev = baseline.actions[DEV]
    assert (dev.forwarded.expected, dev.forwarded.correct, dev.forwarded_strict) == (1, 1, 1)
    assert not any(m.startswith("t-005 m2") for m in dev.misses)


def test_per_owner_closures_are_scored_share_by_share(tmp_path: Path,
                                                       baseline: EvalReport) -> None:
    # t-006: "Done for BDT" (below a Spanish on-behalf-of header block) then TSB's list
    # attached: each share closed by its own reply, the quoted request read once.
    assert baseline.actions[DEV].closure.labelled == 3
    assert baseline.actions[DEV].closure.found == 3

    def edit(threads: dict[str, Any]) -> None:
        threads["t-006"]["messages"][2]["closes"] = []  # now TSB's share is labelled open

    dev = evaluate_set(settings(tmp_path), edited_set(tmp_path, edit)).actions[DEV]
    assert dev.closure.wrong == baseline.actions[DEV].closure.wrong + 1
    assert any("(TSB's share) closed by m3, want open" in m for m in dev.misses)


def test_a_thread_whose_analysis_raises_is_named_in_the_problems(
    tmp_path: Path, baseline: EvalReport, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rule that raises (a merge leaving a name undefined did) makes its thread score as
    unanalysed: the report names the thread and the error, so the drop in the figures is
    not read as a change of the rules."""
    from iscg_mailbot.analyse import actions

    real = actions.date_from_earlier_days

    def broken(candidates: Any, text: str, sent: Any) -> Any:
        if "Quokka" in text:
            raise NameError("name '_deadline_before' is not defined")
        return real(candidates, text, sent)

    monkeypatch.setattr(actions, "date_from_earlier_days", broken)

    def edit(threads: dict[str, Any]) -> None:
        message = threads["t-001"]["messages"][0]
        message["body"] = "The Quokka room is free.\n\n" + message["body"]

    report = evaluate_set(settings(tmp_path), edited_set(tmp_path, edit))
    assert not [p for p in baseline.problems if "analysis failed" in p]
    [problem] = [p for p in report.problems if "analysis failed" in p]
    assert "Input on the e-waste guidelines" in problem
    assert "NameError: name '_deadline_before' is not defined" in problem

    # The commands print the figures, then fail: they are not the rules' figures.
    edited = edited_set(tmp_path, edit)
    for part in ("actions", "topics"):
        result = CliRunner().invoke(cli, ["--config", str(cli_config(tmp_path / part)), part,
                                          "evaluate", "--set", str(edited)])
        assert result.exit_code == 1, result.output
        assert "--- held-out:" in result.stdout
        assert "analysis failed (NameError" in result.stdout
        assert result.stderr.startswith("error: analysis failed on 1 thread(s)")
