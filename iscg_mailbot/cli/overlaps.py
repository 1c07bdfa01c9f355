"""``overlaps list`` and ``overlaps dismiss``: the duplication watch."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from iscg_mailbot.cli.base import CliState, cli, pass_state
from iscg_mailbot.cli.output import echo_json, print_table


@cli.group()
def overlaps() -> None:
    """Possible duplication of effort: Sectors working on one subject in separate threads."""


@overlaps.command("list")
@click.option("--since", type=click.DateTime(formats=["%Y-%m-%d"]), metavar="DATE",
              help="Threads active from this day (default: a year ago).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_state
def overlaps_list(state: CliState, since: datetime | None, as_json: bool) -> None:
    """Pairs of threads that look like the same work in two Sectors, strongest first."""
    from iscg_mailbot.services import overlaps as overlap_service

    rows = overlap_service.list_overlaps(state.app(), since=since.date() if since else None)
    if as_json:
        echo_json(rows)
        return
    if not rows:
        click.echo("no possible overlaps")
        return
    print_table(["id", "threads", "Sectors", "evidence"],
                [[r.id, f"{r.thread_a}: {r.subject_a}\n{r.thread_b}: {r.subject_b}",
                  f"{r.sector_a} / {r.sector_b}", r.evidence] for r in rows])
    click.echo(f"not an overlap? iscg-mailbot overlaps dismiss {rows[0].id}")


@overlaps.command("dismiss")
@click.argument("overlap_id")
@click.option("--note", help="Why it is not duplicated work (kept with the decision).")
@pass_state
def overlaps_dismiss(state: CliState, overlap_id: str, note: str | None) -> None:
    """Dismiss the flag OVERLAP_ID (e.g. 12-40): that pair is never flagged again."""
    from iscg_mailbot.services import overlaps as overlap_service

    pair = overlap_service.dismiss_overlap(state.app(), overlap_id, note=note)
    click.echo(f"dismissed {pair}")


@overlaps.command("evaluate")
@click.option("--set", "eval_set", type=click.Path(path_type=Path, file_okay=False),
              default=Path("eval/overlaps"), show_default=True, metavar="FOLDER",
              help="The labelled set: a folder with threads.yaml and pairs.yaml.")
@click.option("--misses", is_flag=True, help="List the dev part's false and missed pairs, and its flagged pairs no label names.")
@click.option("--without-concepts", is_flag=True,
              help="Score the dev part only, with the subject concepts (a table written "
                   "with the dev threads in view) left out: how the watch fares on "
                   "subjects the table does not know.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_state
def overlaps_evaluate(state: CliState, eval_set: Path, misses: bool, without_concepts: bool,
                      as_json: bool) -> None:
    """Precision and recall of the watch on labelled thread pairs, dev and held out."""
    from iscg_mailbot.services import overlap_eval

    scores = overlap_eval.evaluate_overlaps(
        state.settings, eval_set,
        overlap_eval.rules_without_concepts(state.settings) if without_concepts else None)
    if without_concepts:
        scores = {split: score for split, score in scores.items() if split == "dev"}
    if as_json:
        echo_json(overlap_eval.overlap_figures(scores, misses=misses))
        return
    for split, score in scores.items():
        click.echo(f"{split}: {score.pairs} pairs ({score.positives} overlaps): "
                   f"precision {score.precision:.2f}, recall {score.recall:.2f} "
                   f"({score.found} found, {len(score.false)} false, "
                   f"{len(score.missed)} missed; {len(score.unlabelled)} unlabelled "
                   "pairs flagged)")
    if misses:
        for label, pair in overlap_eval.dev_misses(scores):
            click.echo(f"  dev, {label}: {pair.a} {pair.b}: {pair.why}")
            reason = scores["dev"].reasons.get(pair)
            if reason:
                click.echo(f"    not flagged: {reason}")
        for a, b in scores["dev"].unlabelled:
            click.echo(f"  dev, flagged, not labelled: {a} {b}")
