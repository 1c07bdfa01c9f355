"""Tables of ``topics evaluate --set`` and ``actions evaluate --set`` (figures from
:mod:`iscg_mailbot.services.evaluation`, already JSON-ready), and of ``actions calibrate
--set`` (:mod:`iscg_mailbot.services.calibration`)."""

from __future__ import annotations

from typing import Any

import click

from iscg_mailbot.cli.output import print_table


def _row(name: str, counts: dict[str, Any]) -> list[object]:
    return [name, counts["correct"], counts["predicted"], counts["expected"],
            f"{counts['precision']:.2f}", f"{counts['recall']:.2f}", f"{counts['f1']:.2f}"]


_HEADERS = ["", "right", "predicted", "expected", "precision", "recall", "F1"]


def print_eval_figures(figures: dict[str, Any], part: str) -> None:
    """Both splits, dev first; problems of the set and dev misses (if any) after."""
    click.echo(f"evaluation set {figures['set']}: {figures['stored']} messages stored, "
               f"{figures['quarantined']} quarantined")
    for split, entry in figures["splits"].items():
        if part == "topics":
            macro = entry["macro"]
            click.echo(f"--- {split}: {entry['threads']} threads; macro P {macro['precision']:.2f}"
                       f" R {macro['recall']:.2f} F1 {macro['f1']:.2f}")
            rows = [_row(topic, c) for topic, c in entry["topics"].items()
                    if c["predicted"] or c["expected"]]
            print_table(["topic", *_HEADERS[1:]], [*rows, _row("(micro)", entry["micro"])])
        else:
            click.echo(f"--- {split}: {entry['threads']} threads, {entry['messages']} messages")
            print_table(["field", *_HEADERS[1:]],
                        [_row(name, c) for name, c in entry["fields"].items()])
            closure, forwarded = entry["closure"], entry["forwarded"]
            click.echo(f"closure: accuracy {closure['accuracy']:.2f} ({closure['agree']}/"
                       f"{closure['shares']} item shares); labelled closures found "
                       f"{closure['found']}/{closure['labelled']}; wrong or early "
                       f"{closure['wrong']}")
            click.echo(f"forwarded items: {forwarded['found']}/{forwarded['items']} found "
                       f"with their owners, {forwarded['strict']} strict")
        for miss in entry.get("misses", []):
            click.echo(f"  {miss}")
    for problem in figures["problems"]:
        click.echo(f"skipped: {problem}")


def _combination(label: str, entry: dict[str, Any]) -> list[object]:
    strict, closure = entry["strict"], entry["closure"]
    return [label, ", ".join(entry["conventions"].values()),
            f"{strict['precision']:.2f}", f"{strict['recall']:.2f}", f"{strict['f1']:.2f}",
            f"{strict['correct']}/{strict['predicted']}/{strict['expected']}",
            f"{closure['accuracy']:.2f} ({closure['agree']}/{closure['shares']})"]


def print_calibration(figures: dict[str, Any]) -> None:
    """The best combination against the one in use, the margin, warnings, the YAML."""
    click.echo(f"sample {figures['set']}: {figures['threads']} threads, "
               f"{figures['messages']} messages; {figures['combinations']} combinations "
               "of conventions tried")
    keys = ", ".join(figures["current"]["conventions"])  # named once: Conventions' fields
    print_table(["", keys, "strict P", "R", "F1", "right/pred/exp", "closures"],
                [_combination("in use", figures["current"]),
                 _combination("best", figures["best"])])
    margin = figures["margin"]
    click.echo(f"margin: strict F1 {margin['strict_f1']:+.3f} ({margin['strict_correct']:+d} "
               f"items right), closures {margin['closure_accuracy']:+.3f} "
               f"({margin['closure_agree']:+d} shares agreeing)")
    click.echo("items of the sample another value reads differently: " + ", ".join(
        f"{key} {count}" for key, count in figures["changed_items"].items()))
    for warning in figures["warnings"]:
        click.echo(f"warning: {warning}")
    for problem in figures["problems"]:
        click.echo(f"skipped: {problem}")
    click.echo("to paste into config/actions.yaml:")
    for line in figures["yaml"]:
        click.echo(f"  {line}")
