"""Commands of action items and search: actions list/close/reopen/drop/extract, search."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from iscg_mailbot.cli.base import CliState, cli, pass_state
from iscg_mailbot.cli.eval_output import print_calibration, print_eval_figures
from iscg_mailbot.cli.output import (
    SHOWN_BY_DEFAULT,
    echo_json,
    echo_more,
    print_table,
    shorten,
    shown_limit,
)
from iscg_mailbot.cli.params import TOPIC
from iscg_mailbot.errors import MailbotError

# Each command imports the services it calls (start-up time: see cli/base.py).
if TYPE_CHECKING:  # for annotations only: the CLI calls services, never report code
    from iscg_mailbot.services.actions import ActionRow
    from iscg_mailbot.settings.main import Settings

_WIDTH = 70
#: records.ACTION_KINDS, spelled out so that `--help` need not import the records (the
#: biggest module it would load); tests/test_cli_newcomer.py checks both agree.
ACTION_KINDS = ("action", "note", "question")

#: The search syntax, for ``search --help`` and for a query that asks for nothing.
SEARCH_SYNTAX = ('words (all must match; English stemming), "a phrase", -word to exclude, '
                 "a OR b for either, cyber* for words starting with cyber")


def _short(text: str, width: int = _WIDTH) -> str:
    return shorten(text, width)


def _plain(value: Any) -> Any:
    """Dates as ISO text, for JSON (cli.output handles datetimes but not dates)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, date) and not isinstance(value, datetime):
        return value.isoformat()
    return value


def _due(row: ActionRow) -> str:
    if row.due is None:
        return "-"
    return f"{row.due.isoformat()} OVERDUE" if row.overdue else row.due.isoformat()


def _rows(settings: Settings, rows: list[ActionRow]) -> list[list[object]]:
    from iscg_mailbot.services.subjects import shown_subject  # not the thread service's ORM

    return [
        [row.id, row.kind if row.kind != "action" else row.status, _due(row),
         row.owner or "-", shown_subject(settings, row.thread_subject),
         _short(row.sentence, 160)]
        for row in rows
    ]


@cli.group()
def actions() -> None:
    """Action items found in the mail: who owes what, by when."""


@actions.command("list")
@click.option("--open", "open_only", is_flag=True, help="Only open items.")
@click.option("--overdue", is_flag=True, help="Only open items past their due date.")
@click.option("--owner", metavar="NAME", help="Owned by this body or person (TSAG, ITU-T SG17, a name).")
@click.option("--topic", type=TOPIC, metavar="ID",
              help="In threads tagged with this topic (any case).")
@click.option("--due-before", type=click.DateTime(formats=["%Y-%m-%d"]), metavar="DATE",
              help="Due before this day (2026-12-31).")
@click.option("--kind", type=click.Choice([*ACTION_KINDS, "all"]), default="action",
              show_default=True,
              help="Actions, notes ('invited to note'), questions awaiting a reply, or all.")
@click.option("--limit", type=click.IntRange(min=1), metavar="N",
              help=f"At most N items (default {SHOWN_BY_DEFAULT}).")
@click.option("--all", "show_all", is_flag=True, help="All matching items, however many.")
@click.option("--json", "as_json", is_flag=True,
              help="Print JSON: a list of the same items (also at most "
                   f"{SHOWN_BY_DEFAULT} unless --limit or --all).")
@pass_state
def actions_list(state: CliState, open_only: bool, overdue: bool, owner: str | None,
                 topic: str | None, due_before: datetime | None, kind: str,
                 limit: int | None, show_all: bool, as_json: bool) -> None:
    """Action items, overdue first, then by due date.

    Shows 50 items unless --limit N or --all, and says how many more match.
    """
    from iscg_mailbot.services import actions as action_service

    page = action_service.actions_page(
        state.app(), open_only=open_only, overdue=overdue, owner=owner, topic=topic,
        due_before=due_before.date() if due_before else None,
        kinds=ACTION_KINDS if kind == "all" else (kind,), limit=shown_limit(limit, show_all),
    )
    rows = page.rows
    if as_json:
        echo_json(_plain(rows))
        return
    if not rows:
        click.echo("no matching action items")
        return
    print_table(["id", "status", "due", "owner", "thread", "what"], _rows(state.settings, rows),
                one_line={"thread": 32}, main="what")
    echo_more(page.more, "action item")


def _decision(row: ActionRow) -> None:
    note = f" ({row.note})" if row.note else ""
    click.echo(f"item {row.id} is now {row.status}{note}: {_short(row.sentence)}")


@actions.command("close")
@click.argument("item_id", type=int)
@click.option("--note", metavar="TEXT", help="Why (kept with the item).")
@pass_state
def actions_close(state: CliState, item_id: int, note: str | None) -> None:
    """Mark item ITEM_ID done; no later reply changes it."""
    from iscg_mailbot.services import actions as action_service

    _decision(action_service.close_item(state.app(), item_id, note))


@actions.command("reopen")
@click.argument("item_id", type=int)
@click.option("--note", metavar="TEXT", help="Why (kept with the item).")
@pass_state
def actions_reopen(state: CliState, item_id: int, note: str | None) -> None:
    """Open item ITEM_ID again; it is then only closed by hand."""
    from iscg_mailbot.services import actions as action_service

    _decision(action_service.reopen_item(state.app(), item_id, note))


@actions.command("drop")
@click.argument("item_id", type=int)
@click.option("--note", metavar="TEXT", help="Why (kept with the item).")
@pass_state
def actions_drop(state: CliState, item_id: int, note: str | None) -> None:
    """Drop item ITEM_ID (not real work, or no longer relevant)."""
    from iscg_mailbot.services import actions as action_service

    _decision(action_service.drop_item(state.app(), item_id, note))


@actions.command("extract")
@pass_state
def actions_extract(state: CliState) -> None:
    """Extract items again from every stored message (after editing actions.yaml).

    Items closed, reopened or dropped by hand are kept as they are.
    """
    from iscg_mailbot.services.actions import extraction

    report = extraction.reanalyse_all(state.app())
    click.echo(f"{report.messages} messages: {report.added} items added, {report.updated} "
               f"updated, {report.removed} removed, {report.closed} closed by replies")


@actions.command("evaluate")
@click.option("--set", "eval_set", required=True,
              type=click.Path(exists=True, path_type=Path),
              help="The evaluation set (eval/README.md): a folder or a YAML file.")
@click.option("--misses", is_flag=True, help="List the dev split's misses (and show the dev split alone).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_state
def actions_evaluate(state: CliState, eval_set: Path, misses: bool, as_json: bool) -> None:
    """Run an evaluation set through the whole pipeline and score its action items (per
    field and strict), closures and forwarded items, for the dev and held-out splits."""
    from iscg_mailbot.services import evaluation  # the whole pipeline: only when asked

    report = evaluation.evaluate_set(state.settings, eval_set)
    figures = evaluation.action_figures(report, misses=misses)
    echo_json(figures) if as_json else print_eval_figures(figures, "actions")
    evaluation.raise_on_analysis_failures(report)


@actions.command("calibrate")
@click.option("--set", "eval_set", required=True, type=click.Path(path_type=Path),
              help="A few labelled threads of the list's own mail (eval/README.md's "
                   "format): a folder or a YAML file.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_state
def actions_calibrate(state: CliState, eval_set: Path, as_json: bool) -> None:
    """Choose the list's conventions (before, requests_to_all, staff_i_will, staff_asked,
    commitments) from labelled threads of its own mail: every combination is scored
    (strict items, closures) and the best is shown against the configuration in use,
    with the lines to paste into actions.yaml."""
    from iscg_mailbot.services import calibration  # the whole pipeline: only when asked

    figures = calibration.calibration_figures(calibration.calibrate_set(state.settings,
                                                                        eval_set))
    echo_json(figures) if as_json else print_calibration(figures)


@actions.command("train")
@click.option("--set", "eval_set", required=True,
              type=click.Path(exists=True, path_type=Path),
              help="The labelled set (eval/README.md); only its dev threads are read.")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Where to write the model [default: action-gate.json in the "
                   "configuration folder].")
@click.option("--seed", type=int, default=0, show_default=True,
              help="The order examples are visited in: the same seed, the same model.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_state
def actions_train(state: CliState, eval_set: Path, output: Path | None, seed: int,
                  as_json: bool) -> None:
    """Train the learned gate over the rules' candidates from a labelled set.

    Settings are chosen leaving one writer out (w1-*.yaml, w2-*.yaml ...); the figures
    of each fold are printed. Use the model with "gate: true" and "gate_model: FILE"
    in actions.yaml.
    """
    from iscg_mailbot.services import action_gate_training  # the pipeline: only when asked

    path = output or Path(state.settings.config_dir) / action_gate_training.MODEL_FILE
    figures = action_gate_training.train_and_save(state.settings, eval_set, path, seed=seed)
    if as_json:
        echo_json(figures)
        return
    click.echo(f"{figures['examples']} candidates; chosen: {figures['choice']}")
    for fold in figures["folds"]:  # type: ignore[attr-defined]
        click.echo(f"  {fold['writer']}: strict F1 {fold['strict_f1'][0]:.3f} -> "
                   f"{fold['strict_f1'][1]:.3f}, items F1 {fold['items_f1'][0]:.3f} -> "
                   f"{fold['items_f1'][1]:.3f}, kind right {fold['kind'][0]} -> "
                   f"{fold['kind'][1]}")
    click.echo(f"model written to {path}")


@cli.command(context_settings={"ignore_unknown_options": True})
# UNPROCESSED and ignore_unknown_options: "-draft" is a word to exclude, not an option.
@click.argument("words", nargs=-1, type=click.UNPROCESSED, required=True)
@click.option("--limit", type=click.IntRange(min=1, max=1000), default=20, show_default=True,
              help="At most this many messages.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_state
def search(state: CliState, words: tuple[str, ...], limit: int, as_json: bool) -> None:
    """Full-text search over messages, best match first.

    All WORDS must match (English stemming: "liaisons" finds "liaison"); "quoted words"
    match as a phrase; -word excludes; OR between two words accepts either; cyber*
    finds words starting with cyber. Example: iscg-mailbot search spectrum -draft
    """
    from iscg_mailbot.services import actions as action_service
    from iscg_mailbot.services.subjects import shown_subject  # not the thread service's ORM

    options = [word for word in words if word.startswith("--")]
    if options:
        raise MailbotError(f"search has no option {options[0]}; a word starting with one "
                           f"dash is excluded (-word). Syntax: {SEARCH_SYNTAX}")
    query = " ".join(words)
    problem = action_service.search_query_problem(query)
    if problem is not None:
        raise MailbotError(f"{problem}. Syntax: {SEARCH_SYNTAX}; "
                           "e.g. iscg-mailbot search spectrum -draft")
    found = action_service.search_page(state.app(), query, 1, limit)
    hits = found.hits
    if as_json:
        echo_json(hits)
        return
    if not hits:
        click.echo(f"no message matches {query}: try fewer words, OR between them, or a "
                   "prefix (cyber*)")
        return
    # The snippet is the point of a search (about 16 words round the [matches]): it is
    # shown whole, wrapped in its cell; sender and subject are cut to leave it room.
    print_table(["thread", "date", "from", "subject", "snippet"],
                [[h.thread_id, h.date, h.sender, shown_subject(state.settings, h.subject),
                  _short(h.snippet, 240)] for h in hits],
                one_line={"from": 20, "subject": 32}, main="snippet")
    if found.total > len(hits):
        total = (f"more than {found.window:,} matching messages (the best of the newest "
                 f"{found.window:,} are found)" if found.beyond_window
                 else f"{found.total:,} matching messages")
        click.echo(f"{len(hits)} of {total}; --limit shows more, extra words narrow the search")
