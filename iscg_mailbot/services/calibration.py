"""The list's conventions chosen from a few labelled threads of its own mail
(``iscg-mailbot actions calibrate --set PATH``; docs/secretariat.md, "Conventions of
your list").

The sample (the evaluation format of eval/README.md) is ingested and analysed once, as
``actions evaluate`` does (:func:`evaluation.analysed_set`, with the configuration in
use), and its messages read once (:func:`extraction.read_all`); then, for each
combination of the five conventions, the action items alone are deleted and extracted
again with that combination in the context (:func:`extraction.extract_read_again`:
topics and the search index do not depend on the conventions; the same items and
scores as a fresh run with the combination in ``actions.yaml``), read back
(:func:`evaluation.read_back_items`) and scored by the evaluator's own scorer
(:func:`eval_scores.score_actions`) over every thread of the sample: a list's own
sample has no held-out part. The 72 combinations of a 10-thread sample take a few
seconds.

The best combination has the highest strict F1, then the highest closure accuracy (the
share of item shares whose closing agrees); among combinations as good, the one nearest
the configuration in use (the fewest keys changed), so that a convention the sample
cannot decide stays as configured.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete

from iscg_mailbot.conventions import Conventions
from iscg_mailbot.errors import ConfigError
from iscg_mailbot.services import evaluation
from iscg_mailbot.services.actions import extraction
from iscg_mailbot.services.actions.context import Context, load_context
from iscg_mailbot.services.app import App
from iscg_mailbot.services.eval_scores import ActionScores, PredictedItem, score_actions
from iscg_mailbot.services.eval_set import EvalSet, EvalThread, read_set
from iscg_mailbot.settings.actions import convention_values
from iscg_mailbot.settings.main import Settings
from iscg_mailbot.store.models_action_shares import ActionShare
from iscg_mailbot.store.models_actions import ActionItem, ThreadOpenItems

#: A convention whose values read fewer items of the sample differently than this
#: cannot be told from the sample: the figures warn.
MIN_CHANGED = 3

Items = dict[tuple[str, str], list[PredictedItem]]


@dataclass(frozen=True)
class Tried:
    """One combination of conventions, the sample's scores and items under it."""

    conventions: Conventions
    scores: ActionScores
    items: Items

    def rank(self) -> tuple[float, float]:
        """What "better" means: strict F1, then the share of closures agreeing."""
        return (round(self.scores.strict.f1, 9), round(self.scores.closure.accuracy, 9))


@dataclass(frozen=True)
class Calibration:
    """Every combination tried, best first; the one in use; what each key changes."""

    source: str
    threads: int
    tried: list[Tried]
    current: Tried
    # Per key: items of the sample read differently by another value of it (the other
    # keys as in the best combination), the most over its other values.
    changed: dict[str, int]
    # Keys on which combinations scored as well as the best differ: the values tied,
    # the best's first.
    undecided: dict[str, list[str]]
    # Entries of the sample that could not be read, one line each (skipped, shown).
    problems: list[str] = dataclasses.field(default_factory=list)

    @property
    def best(self) -> Tried:
        """The combination chosen."""
        return self.tried[0]


def combinations() -> list[Conventions]:
    """Every combination of the conventions' values (the defaults' first)."""
    values = convention_values()
    return [Conventions(**dict(zip(values, chosen, strict=True)))
            for chosen in itertools.product(*values.values())]


def calibrate_set(settings: Settings, path: Path) -> Calibration:
    """:func:`calibrate` on the labelled sample at ``path`` (a folder or a YAML file);
    entries that cannot be read are skipped and listed in its ``problems``.

    Raises ConfigError (one line) when it holds no readable thread, or no labelled item
    (every combination would score nought: nothing to choose from).
    """
    loaded = read_set(path)
    if not any(m.actions for t in loaded.threads for m in t.messages):
        raise ConfigError(f"{path}: no action item labelled in its {len(loaded.threads)} "
                          "thread(s): label each message's items (eval/README.md)")
    return dataclasses.replace(calibrate(settings, loaded.threads, source=str(path)),
                               problems=loaded.problems)


def calibrate(settings: Settings, threads: Sequence[EvalThread], *,
              source: str = "sample") -> Calibration:
    """Score every combination of conventions on these labelled threads."""
    with _analysed(settings, threads) as sample:
        tried = [sample.tried(conventions) for conventions in combinations()]
        in_use = sample.context.config.conventions  # the configuration loaded, validated
    return choose(tried, len(threads), in_use, source=source)


def choose(tried: Sequence[Tried], threads: int, in_use: Conventions, *,
           source: str = "sample") -> Calibration:
    """The combinations tried, best first (ties: the nearest ``in_use``, then the
    values' order), what each key changes and the ties."""
    order = {c: i for i, c in enumerate(combinations())}
    ranked = sorted(tried, key=lambda t: (tuple(-x for x in t.rank()),
                                          _distance(t.conventions, in_use),
                                          order[t.conventions]))
    best = ranked[0]
    undecided: dict[str, list[str]] = {}
    for other in (t for t in ranked[1:] if t.rank() == best.rank()):
        for key in _keys_apart(other.conventions, best.conventions):
            values = undecided.setdefault(key, [getattr(best.conventions, key)])
            if getattr(other.conventions, key) not in values:
                values.append(getattr(other.conventions, key))
    current = next(t for t in ranked if t.conventions == in_use)
    return Calibration(source, threads, ranked, current,
                       _changed(ranked, best.conventions), undecided)


def narrowed(tried: Sequence[Tried], threads: Sequence[EvalThread]) -> list[Tried]:
    """The combinations tried, scored on some of their threads only (each thread is
    read on its own: its items do not depend on the others'), for samples of several
    sizes from one run (bench/calibrate_writers.py)."""
    ids = {t.id for t in threads}
    result = []
    for t in tried:
        items = {key: found for key, found in t.items.items() if key[0] in ids}
        result.append(Tried(t.conventions, score_actions(threads, items), items))
    return result


def try_conventions(settings: Settings, threads: Sequence[EvalThread],
                    tried: Sequence[Conventions]) -> Iterator[Tried]:
    """Each of these combinations on the threads, ingested and analysed once: per
    combination, the items extracted again with it, read back and scored."""
    with _analysed(settings, threads) as sample:
        for conventions in tried:
            yield sample.tried(conventions)


@contextmanager
def _analysed(settings: Settings, threads: Sequence[EvalThread]) -> Iterator[_Sample]:
    """The sample of these threads, open while in the ``with`` block."""
    with evaluation.analysed_set(settings, EvalSet(list(threads))) as (app, _):
        yield _Sample(app, list(threads), load_context(app), extraction.read_all(app))


@dataclass(frozen=True)
class _Sample:
    """The threads ingested and analysed once, their messages read once, and the
    configuration in use (``app``'s, loaded and validated): what does not change
    between combinations."""

    app: App
    threads: list[EvalThread]
    context: Context
    messages: list[extraction.Batch]

    def tried(self, conventions: Conventions) -> Tried:
        """The sample's items extracted again with ``conventions`` in the configuration's
        place (topics and the search index are left as they are: they do not depend on
        the conventions), read back and scored."""
        context = dataclasses.replace(self.context, config=self.context.config.model_copy(
            update=dataclasses.asdict(conventions)))
        _forget_items(self.app)
        extraction.extract_read_again(self.app, self.messages, context)
        items = evaluation.read_back_items(self.app, self.threads)
        return Tried(conventions, score_actions(self.threads, items), items)


def _forget_items(app: App) -> None:
    """The sample's action items, shares and open counts deleted: each combination is
    extracted from scratch, as a fresh pipeline run would (extracting again over the
    last combination's items keeps those closed by replies)."""
    with app.session() as session:  # the sample's own throw-away database
        for table in (ActionShare, ActionItem, ThreadOpenItems):
            session.execute(delete(table))


def score_conventions(settings: Settings, threads: Sequence[EvalThread],
                      tried: Sequence[Conventions]) -> dict[Conventions, ActionScores]:
    """The scores of these threads under each of these combinations (only scored:
    what a combination chosen elsewhere does on threads never read)."""
    return {t.conventions: t.scores for t in try_conventions(settings, threads, tried)}


def _keys_apart(one: Conventions, other: Conventions) -> list[str]:
    return [key for key, value in dataclasses.asdict(one).items()
            if getattr(other, key) != value]


def _distance(one: Conventions, other: Conventions) -> int:
    return len(_keys_apart(one, other))


def _changed(tried: Sequence[Tried], best: Conventions) -> dict[str, int]:
    by_conventions = {t.conventions: t.items for t in tried}
    changed = {}
    for key, values in convention_values().items():
        changed[key] = max((_items_apart(by_conventions[best], by_conventions[
            dataclasses.replace(best, **{key: value})]) for value in values
            if value != getattr(best, key)), default=0)
    return changed


def _items_apart(one: Items, other: Items) -> int:
    """Items found under one combination and not under the other (kind, owners, due
    and sentence; closures apart), the larger of the two directions, per message."""
    total = 0
    for key in one.keys() | other.keys():
        mine = Counter(_reading(i) for i in one.get(key, ()))
        theirs = Counter(_reading(i) for i in other.get(key, ()))
        total += max((mine - theirs).total(), (theirs - mine).total())
    return total


def _reading(item: PredictedItem) -> tuple[object, ...]:
    return (item.kind, item.owners, item.due, item.sentence)


# --- plain figures for the shells (JSON-ready) ---------------------------------------


def _figures(tried: Tried) -> dict[str, object]:
    return {"conventions": dataclasses.asdict(tried.conventions),
            "strict": evaluation.counts_figures(tried.scores.strict),
            "closure": evaluation.closure_figures(tried.scores.closure)}


def yaml_lines(conventions: Conventions) -> list[str]:
    """The lines of ``actions.yaml`` that set these conventions."""
    return [f"{key}: {value}" for key, value in dataclasses.asdict(conventions).items()]


def warnings(result: Calibration) -> list[str]:
    """Why the sample may be too small to tell, one line each."""
    best, current = result.best, result.current
    found: list[str] = []
    if best.rank() == current.rank():
        found.append("no combination scores better than the configuration in use on this "
                     "sample: keep it")
    for key, count in result.changed.items():
        value = getattr(best.conventions, key)
        if value != getattr(current.conventions, key) and count < MIN_CHANGED:
            found.append(f"{key}: {value} rests on {count} item(s) of the sample read "
                         f"differently (fewer than {MIN_CHANGED}): too few to tell; label "
                         "more threads where it matters")
        elif count == 0:
            found.append(f"{key}: nothing in the sample depends on it; kept as configured "
                         f"({value})")
    for key, values in result.undecided.items():
        if not result.changed[key]:
            continue  # said above: nothing depends on it
        why = ("as configured" if values[0] == getattr(current.conventions, key)
               else "the first of the values allowed")
        found.append(f"{key}: a tie, {' and '.join(values)} score alike on this sample; "
                     f"{values[0]} is shown ({why})")
    return found


def calibration_figures(result: Calibration) -> dict[str, object]:
    """The best combination against the one in use, the margin, the warnings, the
    lines to paste into ``actions.yaml``, and every combination's figures (best first)."""
    best, current = result.best, result.current
    return {
        "set": result.source,
        "threads": result.threads,
        "messages": best.scores.messages,
        "combinations": len(result.tried),
        "current": _figures(current),
        "best": _figures(best),
        "margin": {
            "strict_f1": round(best.scores.strict.f1 - current.scores.strict.f1, 3),
            "strict_correct": best.scores.strict.correct - current.scores.strict.correct,
            "closure_accuracy": round(best.scores.closure.accuracy
                                      - current.scores.closure.accuracy, 3),
            "closure_agree": best.scores.closure.agree - current.scores.closure.agree,
        },
        "changed_items": result.changed,
        "undecided": result.undecided,
        "warnings": warnings(result),
        "problems": result.problems,
        "yaml": yaml_lines(best.conventions),
        "tried": [_figures(t) for t in result.tried],
    }
