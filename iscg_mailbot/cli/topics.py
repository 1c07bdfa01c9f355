"""Commands of topic tagging: ``tag THREAD +topic -topic`` and the ``topics`` group
(check, explain, retag, stats, suggest, evaluate)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

from iscg_mailbot.cli.base import CliState, cli, pass_state
from iscg_mailbot.cli.eval_output import print_eval_figures
from iscg_mailbot.cli.output import echo_json, print_table
from iscg_mailbot.cli.params import TOPIC, Since, normalise_topic
from iscg_mailbot.errors import MailbotError

# Each command imports the services it calls (start-up time: see cli/base.py).
if TYPE_CHECKING:
    from iscg_mailbot.services import topics as topic_service

SINCE = Since()


def _print_view(view: topic_service.ThreadTopicsView) -> None:
    click.echo(f"Thread {view.thread_id}: {view.subject}")
    if not view.topics:
        click.echo("topics: none")
    for topic in view.topics:
        score = f"score {topic.score:g}" if topic.score is not None else "no automatic score"
        click.echo(f"  {topic.topic} ({topic.name}): {topic.source}, {score}")
        for item in topic.evidence:
            sign = "-" if item.get("negative") else "+"
            click.echo(
                f"      {sign} {item.get('phrase')!s} x{item.get('count')} in "
                f"{item.get('where')}: {item.get('points')}"
            )
    if view.removed:
        click.echo(f"  removed by hand: {', '.join(view.removed)}")
    if view.entities:
        names = ", ".join(f"{e.key} x{e.count}" for e in view.entities)
        click.echo(f"entities: {names}")


@cli.command(context_settings={"ignore_unknown_options": True})
@click.argument("thread_id", type=int)
@click.argument("changes", nargs=-1, type=click.UNPROCESSED, required=True)
@click.option("--note", help="Why (kept with the decision).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_state
def tag(state: CliState, thread_id: int, changes: tuple[str, ...], note: str | None,
        as_json: bool) -> None:
    """Set (+topic) or remove (-topic) topics of a thread by hand; ~topic forgets the
    decision. Decisions survive every re-tag.

    Example: iscg-mailbot tag 42 +cybersecurity -events
    """
    from iscg_mailbot.services import topics as topic_service

    add: list[str] = []
    remove: list[str] = []
    forget: list[str] = []
    for change in changes:
        sign, topic = change[:1], change[1:]
        if sign not in {"+", "-", "~"} or not topic:
            raise click.BadParameter(
                f"{change!r}: write +topic to add, -topic to remove, ~topic to forget",
                param_hint="CHANGES",
            )
        {"+": add, "-": remove, "~": forget}[sign].append(normalise_topic(topic))
    view = topic_service.set_manual_tags(
        state.app(), thread_id, add, remove, forget, note=note
    )
    if as_json:
        echo_json(view)
        return
    _print_view(view)


@cli.group()
def topics() -> None:
    """Topics of mutual interest: check the list, explain, re-tag, tune."""


@topics.command("check")
@pass_state
def topics_check(state: CliState) -> None:
    """Validate config/topics.yaml: unknown keys, a phrase in two topics, empty topics."""
    from iscg_mailbot.services import topics as topic_service

    app = state.app(check_schema=False)  # the file only: no database needed
    path = topic_service.topics_file(app)
    problems = topic_service.check(app)
    if problems:
        for line in problems:
            click.echo(line)
        raise MailbotError(f"{len(problems)} problem(s) in {path}")
    click.echo(f"{path}: OK")


@topics.command("explain")
@click.argument("text", required=False)
@click.option("--thread", "thread_id", type=int, help="Explain a stored thread instead.")
@click.option("--subject", default="", help="Subject to go with TEXT.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_state
def topics_explain(state: CliState, text: str | None, thread_id: int | None, subject: str,
                   as_json: bool) -> None:
    """Which phrases fire on TEXT (or on --thread ID) and the scores per topic."""
    from iscg_mailbot.services import topics as topic_service

    if (text is None) == (thread_id is None):
        raise click.UsageError("give either TEXT or --thread ID")
    if thread_id is not None:
        result = topic_service.explain_thread(state.app(), thread_id)
    else:
        # A text needs the topic list only, not the database.
        result = topic_service.explain_text(state.app(check_schema=False), text or "", subject)
    if as_json:
        echo_json(result)
        return
    _print_explanation(result)


def _print_explanation(result: topic_service.Explanation) -> None:
    """The evidence table of ``topics explain``, then why a topic above its threshold was
    left out (a passing mention, a weak phrase with no second signal) and which weak
    phrases belong to another topic's name, then the entities named."""
    verdict = result.verdict
    scored = [*verdict.tags, *verdict.rejected]
    if not scored:
        click.echo("no topic phrase fired")
    rows = []
    # Topics left out because the subject says the thread is a personal note (a farewell).
    personal = {note.split(":", 1)[0] for note in verdict.notes if ": personal note:" in note}
    for tag_ in scored:
        threshold = result.thresholds.get(tag_.topic, 0.0)
        mark = ("TAGGED" if tag_ in verdict.tags else "passing" if tag_.passing
                else "personal note" if tag_.topic in personal
                else "weak only" if tag_.score >= threshold else "below")
        for item in tag_.evidence:
            rows.append([tag_.topic, f"{tag_.score:g}/{threshold:g} {mark}",
                         ("-" if item.negative else "+") + item.phrase, item.where, item.count,
                         f"{item.points:g}", ", ".join(item.forms)])
    if rows:
        print_table(["topic", "score/threshold", "phrase", "where", "count", "points",
                     "matched"], rows)
    for tag_ in verdict.rejected:
        if tag_.passing:
            click.echo(f"{tag_.topic}: {tag_.passing}")
    # Weak phrases without a second signal, or inside another topic's name.
    for note in verdict.notes:
        click.echo(note)
    if verdict.entities:
        click.echo("entities: " + ", ".join(f"{e.key} x{e.count}" for e in verdict.entities))


@topics.command("retag")
@click.option("--since", type=SINCE, help="Only threads active since a date or an age (14d).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_state
def topics_retag(state: CliState, since: datetime | None, as_json: bool) -> None:
    """Re-apply config/topics.yaml to stored threads; print what changed per topic."""
    from iscg_mailbot.services import topics as topic_service

    report = topic_service.retag(state.app(), since=since)
    if as_json:
        echo_json({"threads": report.threads, "renamed": report.renamed,
                   "changes": [{"topic": t, "added": a, "removed": r}
                               for t, a, r in report.changes()]})
        return
    click.echo(f"re-tagged {report.threads} threads")
    if report.renamed:
        click.echo(f"moved {report.renamed} tags from former topic ids")
    if report.changes():
        print_table(["topic", "added", "removed"], [list(c) for c in report.changes()])
    else:
        click.echo("no topic changed")


@topics.command("stats")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_state
def topics_stats(state: CliState, as_json: bool) -> None:
    """Threads per topic and hits per phrase, including phrases that never fire."""
    from iscg_mailbot.services import topics as topic_service

    result = topic_service.stats(state.app())
    if as_json:
        echo_json(result)
        return
    click.echo(f"{result.threads} threads")
    print_table(["topic", "threads", "auto", "added by hand", "removed by hand"],
                [[t.topic, t.threads, t.auto, t.manual_added, t.manual_removed]
                 for t in result.topics])
    print_table(["topic", "phrase", "kind", "threads", "hits"],
                [[p.topic, p.phrase, p.kind, p.threads, p.hits] for p in result.phrases
                 if p.threads])
    never = result.never_fired()
    if never:
        click.echo(f"never fired ({len(never)}):")
        for topic in dict.fromkeys(p.topic for p in never):
            click.echo(f"  {topic}: " + ", ".join(p.phrase for p in never if p.topic == topic))


@topics.command("suggest")
@click.argument("topic", type=TOPIC)
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_state
def topics_suggest(state: CliState, topic: str, limit: int, as_json: bool) -> None:
    """Words and phrases distinctive of TOPIC's threads that the list does not have yet."""
    from iscg_mailbot.services import topics as topic_service

    found = topic_service.suggest(state.app(), topic, limit=limit)
    if as_json:
        echo_json(found)
        return
    if not found:
        click.echo(f"nothing to suggest: too few threads carry {topic!r}")
        return
    print_table(["term", "threads of topic", "other threads", "score"],
                [[s.term, s.in_topic, s.elsewhere, f"{s.score:.2f}"] for s in found])


@topics.command("evaluate")
@click.option("--set", "eval_set", type=click.Path(exists=True, path_type=Path),
              help="Score an evaluation set (eval/README.md) run through the whole pipeline.")
@click.option("--misses", is_flag=True, help="With --set: list the dev split's misses (and show the dev split alone).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_state
def topics_evaluate(state: CliState, eval_set: Path | None, misses: bool, as_json: bool) -> None:
    """Precision, recall and F1 of the automatic tags against the decisions made with
    `tag` (per topic, over the threads where that topic was decided), or with --set
    against an evaluation set (dev and held-out splits)."""
    if eval_set is not None:
        from iscg_mailbot.services import evaluation  # the whole pipeline: only when asked

        report = evaluation.evaluate_set(state.settings, eval_set)
        figures = evaluation.topic_figures(report, misses=misses)
        echo_json(figures) if as_json else print_eval_figures(figures, "topics")
        evaluation.raise_on_analysis_failures(report)
        return
    from iscg_mailbot.services import topics as topic_service

    result = topic_service.evaluate(state.app())
    if as_json:
        payload: dict[str, object] = {
            "labelled_threads": result.labelled_threads,
            "decisions": result.decisions,
            "topics": _quality_rows(result.evaluation),
        }
        if result.combined is not None:
            payload["model_topics"] = list(result.model_topics)
            payload["combined"] = _quality_rows(result.combined)
        echo_json(payload)
        return
    if not result.decisions:
        click.echo("no manual decisions yet: label threads with `iscg-mailbot tag`")
        return
    click.echo(f"{result.decisions} decisions on {result.labelled_threads} threads")
    _print_quality(result.evaluation)
    if result.combined is not None:
        click.echo("rules + trained model (used for: " + ", ".join(result.model_topics) + ")")
        _print_quality(result.combined)


def _quality_rows(evaluation: topic_service.Quality) -> list[dict[str, object]]:
    return [{"topic": q.topic, "tp": q.true_positives, "fp": q.false_positives,
             "fn": q.false_negatives, "precision": round(q.precision, 3),
             "recall": round(q.recall, 3), "f1": round(q.f1, 3)}
            for q in (*evaluation.topics, evaluation.micro)]


def _print_quality(evaluation: topic_service.Quality) -> None:
    print_table(
        ["topic", "tp", "fp", "fn", "precision", "recall", "F1"],
        [[q.topic, q.true_positives, q.false_positives, q.false_negatives,
          f"{q.precision:.2f}", f"{q.recall:.2f}", f"{q.f1:.2f}"]
         for q in (*evaluation.topics, evaluation.micro)],
    )


# --- topics train (the model backing up the rules) --------------------------------


@topics.command("train")
@click.option("--epochs", type=click.IntRange(min=1), default=10, show_default=True)
@click.option("--folds", type=click.IntRange(min=2), default=3, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_state
def topics_train(state: CliState, epochs: int, folds: int, as_json: bool) -> None:
    """Train a text classifier on the decisions made with `tag`; use it per topic only
    where cross-validation shows rules OR model beats the rules alone."""
    from iscg_mailbot.services import topics as topic_service

    app = state.app()
    result = topic_service.train(app, epochs=epochs, folds=folds)
    rows = [{"topic": r.topic, "labelled_threads": r.labelled_threads,
             "positives": r.positives, "f1_rules": r.f1_rules,
             "f1_combined": r.f1_combined, "used": r.used, "threshold": r.threshold,
             "skipped": r.skipped} for r in result.topics]
    if as_json:
        echo_json({"labelled_threads": result.labelled_threads, "folds": result.folds,
                   "model_dir": str(topic_service.model_dir(app)), "topics": rows})
        return
    click.echo(f"trained on {result.labelled_threads} labelled threads "
               f"({result.folds}-fold cross-validation)")
    print_table(
        ["topic", "labelled threads", "positives", "F1 rules", "F1 combined", "used"],
        [[r.topic, r.labelled_threads, r.positives, f"{r.f1_rules:.2f}",
          "-" if r.skipped else f"{r.f1_combined:.2f}",
          ("yes" if r.used else "no") if not r.skipped else f"no ({r.skipped})"]
         for r in result.topics if r.positives or r.skipped is None],
    )
    used = [r.topic for r in result.topics if r.used]
    click.echo(f"model saved to {topic_service.model_dir(app)}; used for: "
               + (", ".join(used) if used else "no topic (the rules alone decide)"))
