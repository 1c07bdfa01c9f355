"""Evaluate the whole pipeline on an independent evaluation set (``eval/README.md``).

Each thread of the set becomes real RFC 822 messages (:func:`eval_set.to_rfc822`) that
go through the same code as the list's mail: parse, store and thread
(:func:`ingest.store_raw_batch`), then analysis (:func:`analysis.analyse_pending`:
topics, action items, closures), in a throw-away SQLite database, with the topic list,
rules and members of the configuration in use. The stored result is then scored
against the labels (:mod:`eval_scores`), for the dev and the held-out split apart.

    iscg-mailbot topics evaluate --set eval
    iscg-mailbot actions evaluate --set eval --json
"""

from __future__ import annotations

import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from iscg_mailbot.errors import MailbotError
from iscg_mailbot.records import DONE, Provenance, RawMessage
from iscg_mailbot.services import eval_scores
from iscg_mailbot.services.analysis import analyse_pending
from iscg_mailbot.services.app import App
from iscg_mailbot.services.eval_scores import ActionScores, PredictedItem, TopicScores
from iscg_mailbot.services.eval_set import DEV, SPLITS, EvalSet, EvalThread, read_set, to_rfc822
from iscg_mailbot.services.ingest import IngestReport, store_raw_batch
from iscg_mailbot.settings.loaded import ConfigFiles
from iscg_mailbot.settings.main import DatabaseConfig, Settings
from iscg_mailbot.store import topics as topic_store
from iscg_mailbot.store.database import connect, upgrade
from iscg_mailbot.store.messages import ensure_list
from iscg_mailbot.store.models import AnalysisFailure, Message, Thread
from iscg_mailbot.store.models_action_shares import ActionShare
from iscg_mailbot.store.models_actions import ActionItem

BATCH = 500


@dataclass
class PipelineOutput:
    """What the pipeline stored for the set: topics per thread, items per message."""

    topics: dict[str, set[str]] = field(default_factory=dict)
    items: dict[tuple[str, str], list[PredictedItem]] = field(default_factory=dict)
    # Per thread, per topic tagged: the evidence, to show with a topic miss.
    evidence: dict[str, dict[str, str]] = field(default_factory=dict)
    stored: int = 0
    quarantined: int = 0
    # Threads whose analysis raised, one line each: scored as the pipeline left them
    # (no items, no topics), so the figures would drop with no word of why.
    failed: list[str] = field(default_factory=list)


@dataclass
class EvalReport:
    """Scores per split (``dev``, ``held-out``) and what could not be read."""

    source: str
    threads: dict[str, int]
    topics: dict[str, TopicScores]
    actions: dict[str, ActionScores]
    problems: list[str]
    stored: int
    quarantined: int
    # The problems that are threads whose analysis raised: their figures are not the
    # rules' (``actions evaluate`` exits 1 on them).
    failed: list[str] = field(default_factory=list)


def evaluate_set(settings: Settings, path: Path) -> EvalReport:
    """Run the set at ``path`` through the pipeline and score both splits.

    Raises ConfigError when the path holds no evaluation file or no readable thread.
    """
    loaded = read_set(path)
    output = run_pipeline(settings, loaded)
    order = ConfigFiles(settings.config_dir).topics().ids()
    by_split = {split: [t for t in loaded.threads if t.split == split] for split in SPLITS}
    return EvalReport(
        source=str(path),
        threads={split: len(threads) for split, threads in by_split.items()},
        topics={split: eval_scores.score_topics(threads, output.topics, order,
                                                output.evidence)
                for split, threads in by_split.items()},
        actions={split: eval_scores.score_actions(threads, output.items)
                 for split, threads in by_split.items()},
        problems=[*loaded.problems, *output.failed],
        stored=output.stored,
        quarantined=output.quarantined,
        failed=output.failed,
    )


def raise_on_analysis_failures(report: EvalReport) -> None:
    """Raise MailbotError when a thread's analysis raised: the figures, already shown,
    count it as unanalysed, so they are not the rules' figures."""
    if report.failed:
        raise MailbotError(f"analysis failed on {len(report.failed)} thread(s) of "
                           f"{report.source} (named above); the figures count them as "
                           "unanalysed")


def run_pipeline(settings: Settings, loaded: EvalSet) -> PipelineOutput:
    """Ingest and analyse the set in a fresh SQLite database; read back what was stored."""
    with analysed_set(settings, loaded) as (app, report):
        output = read_back(app, loaded.threads)
        output.failed = analysis_failures(app)
    output.stored, output.quarantined = report.stored, report.quarantined
    return output


def analysis_failures(app: App) -> list[str]:
    """One line per stored thread whose analysis raised ("thread 'Subject': analysis
    failed (NameError: ...); scored as analysed so far"), in thread order."""
    with app.session() as session:
        rows = session.execute(select(Thread.subject, AnalysisFailure.reason)
                               .join(AnalysisFailure, AnalysisFailure.thread_id == Thread.id)
                               .order_by(Thread.id)).all()
    return [f"thread {subject!r}: analysis failed ({reason}); scored without its analysis"
            for subject, reason in rows]


@contextmanager
def analysed_set(settings: Settings, loaded: EvalSet) -> Iterator[tuple[App, IngestReport]]:
    """The set ingested and analysed in a throw-away SQLite database, open for reading."""
    with tempfile.TemporaryDirectory(prefix="iscg-eval-") as folder:
        url = f"sqlite:///{Path(folder) / 'eval.db'}"
        engine = connect(url)
        app = App(settings.model_copy(update={"database": DatabaseConfig(url=url)}), engine)
        try:
            upgrade(engine)
            report = _ingest(app, loaded.threads)
            analyse_pending(app)
            yield app, report
        finally:
            app.close()


def stored_thread_ids(app: App, threads: list[EvalThread]) -> dict[str, set[int]]:
    """The stored thread id(s) each thread of the set ended up in, by Message-ID."""
    where = {thread.message_id(m.id): thread.id for thread in threads for m in thread.messages}
    found: dict[str, set[int]] = defaultdict(set)
    with app.session() as session:
        for message_id, thread_pk in session.execute(select(Message.message_id,
                                                            Message.thread_id)):
            if message_id in where and thread_pk is not None:
                found[where[message_id]].add(thread_pk)
    return dict(found)


def _ingest(app: App, threads: list[EvalThread]) -> IngestReport:
    config = app.settings.lists[0]
    report = IngestReport(source="eval")
    raws = [
        RawMessage(to_rfc822(thread, message), Provenance(archive_path=f"eval:{thread.id}"))
        for thread in threads for message in thread.messages
    ]
    for start in range(0, len(raws), BATCH):
        with app.session() as session:
            list_id = ensure_list(session, config.id, config.address, config.name).id
            store_raw_batch(session, list_id, raws[start:start + BATCH], report,
                            app.settings.max_message_bytes)
    return report


def read_back(app: App, threads: list[EvalThread]) -> PipelineOutput:
    """What the pipeline stored for these threads of the set: topics per thread, items
    (with the replies that closed them) per message."""
    output = PipelineOutput()
    with app.session() as session:
        rows = session.execute(select(Message.id, Message.message_id, Message.thread_id)).all()
        pk_to_key = _set_keys(((pk, mid) for pk, mid, _ in rows), threads)
        stored_threads: dict[str, set[int]] = defaultdict(set)
        for pk, _mid, thread_pk in rows:
            if pk in pk_to_key and thread_pk is not None:
                stored_threads[pk_to_key[pk][0]].add(thread_pk)
        topics = topic_store.effective_topics(
            session, {t for ts in stored_threads.values() for t in ts})
        states = topic_store.topic_states(
            session, {t for ts in stored_threads.values() for t in ts})
        for thread_id, stored in stored_threads.items():
            output.topics[thread_id] = {topic for t in stored for topic in topics.get(t, ())}
            output.evidence[thread_id] = {
                topic: ", ".join(f"{e.get('phrase')} x{e.get('count')} ({e.get('where')})"
                                 for e in state.evidence)
                for t in stored for topic, state in states.get(t, {}).items()}
        output.items = _items(session, pk_to_key)
    return output


def read_back_items(app: App, threads: list[EvalThread]
                    ) -> dict[tuple[str, str], list[PredictedItem]]:
    """:func:`read_back`'s items alone (``actions calibrate``: the topics do not change
    between its combinations)."""
    with app.session() as session:
        stored = session.execute(select(Message.id, Message.message_id))
        return _items(session, _set_keys(((pk, mid) for pk, mid in stored), threads))


def _set_keys(stored: Iterable[tuple[int, str]], threads: list[EvalThread]
              ) -> dict[int, tuple[str, str]]:
    """Stored message id -> (thread id, message id) in the set, for the set's messages
    among these (stored id, Message-ID) pairs."""
    where = {thread.message_id(m.id): (thread.id, m.id)
             for thread in threads for m in thread.messages}
    return {pk: where[mid] for pk, mid in stored if mid in where}


def _items(session: Session, pk_to_key: dict[int, tuple[str, str]]
           ) -> dict[tuple[str, str], list[PredictedItem]]:
    """The stored items of the set's messages (with the replies that closed them), by
    (thread id, message id), in the order of their spans."""
    items: dict[tuple[str, str], list[PredictedItem]] = {}
    shares = _share_closers(session, pk_to_key)
    for item in session.scalars(select(ActionItem).order_by(ActionItem.span_start)):
        key = pk_to_key.get(item.message_pk)
        if key is None:
            continue
        closer = (pk_to_key.get(item.closed_by_message_pk or -1, (None, None))[1]
                  if item.status == DONE else None)
        items.setdefault(key, []).append(PredictedItem(
            kind=item.kind,
            owners=tuple(p.strip() for p in (item.owner or "").split(",") if p.strip()),
            due=item.due,
            sentence=item.sentence,
            closed_by=closer,
            share_closers=shares.get(item.id, ()),
        ))
    return items


def _share_closers(session: Session, pk_to_key: dict[int, tuple[str, str]]
                   ) -> dict[int, tuple[tuple[str, str], ...]]:
    """Per item: (owner, set message id) of each owner's share closed by a reply."""
    found: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for item_id, owner, message_pk in session.execute(
        select(ActionShare.item_id, ActionShare.owner, ActionShare.closed_by_message_pk)
    ):
        if message_pk in pk_to_key:
            found[item_id].append((owner, pk_to_key[message_pk][1]))
    return {item_id: tuple(pairs) for item_id, pairs in found.items()}


# --- plain figures for the shells (JSON-ready) ---------------------------------------


def closure_figures(closure: eval_scores.ClosureScores) -> dict[str, float | int]:
    """Item shares, those whose closing agrees, and the accuracy (three decimals)."""
    return {"shares": closure.shares, "agree": closure.agree,
            "accuracy": round(closure.accuracy, 3)}


def counts_figures(counts: eval_scores.Counts) -> dict[str, float | int]:
    """Right, predicted, expected and P/R/F1 (three decimals), JSON-ready."""
    return {"correct": counts.correct, "predicted": counts.predicted,
            "expected": counts.expected, "precision": round(counts.precision, 3),
            "recall": round(counts.recall, 3), "f1": round(counts.f1, 3)}


def topic_figures(report: EvalReport, *, misses: bool = False) -> dict[str, object]:
    """Per split: micro and macro P/R/F1 and per-topic rows; dev misses when asked
    (never the held-out split's: it is scored, not read)."""
    splits: dict[str, tuple[dict[str, object], object]] = {}
    for split, scores in report.topics.items():
        splits[split] = ({
            "threads": scores.threads,
            "micro": counts_figures(scores.micro),
            "macro": {"precision": round(scores.macro_precision, 3),
                      "recall": round(scores.macro_recall, 3),
                      "f1": round(scores.macro_f1, 3)},
            "topics": {topic: counts_figures(c) for topic, c in scores.per_topic.items()},
        }, scores.misses)
    return _report_figures(report, splits, misses=misses)


def action_figures(report: EvalReport, *, misses: bool = False) -> dict[str, object]:
    """Per split: items, per-field and strict P/R/F1, closures, forwarded items; dev
    misses when asked (never the held-out split's)."""
    splits: dict[str, tuple[dict[str, object], object]] = {}
    for split, scores in report.actions.items():
        closure = scores.closure
        splits[split] = ({
            "threads": report.threads[split],
            "messages": scores.messages,
            "fields": {name: counts_figures(getattr(scores, name))
                       for name in ("items", "kind", "owner", "due", "strict")},
            "closure": {**closure_figures(closure), "labelled": closure.labelled,
                        "found": closure.found, "wrong": closure.wrong},
            "forwarded": {"items": scores.forwarded.expected,
                          "found": scores.forwarded.correct,
                          "strict": scores.forwarded_strict},
        }, scores.misses)
    return _report_figures(report, splits, misses=misses)


def _report_figures(report: EvalReport, splits: dict[str, tuple[dict[str, object], object]],
                    *, misses: bool) -> dict[str, object]:
    """The set, what was stored and the problems, then each split's figures. Asked for
    misses, only the dev split is shown, with its misses: misses are read to tune the rules,
    and the held-out split is scored, never read - not even its figures beside the misses
    one is tuning on (``evaluate`` without ``--misses`` scores both)."""
    shown: dict[str, object] = {}
    for split, (entry, split_misses) in splits.items():
        if misses and split != DEV:
            continue
        if misses:
            entry["misses"] = split_misses
        shown[split] = entry
    return {"set": report.source, "stored": report.stored, "quarantined": report.quarantined,
            "problems": report.problems, "splits": shown}
