"""Scores of the pipeline's output against the evaluation set's labels (pure functions).

Topics are scored over (thread, topic) pairs: micro P/R/F1 over every pair, macro as
the mean over topics that occur in the labels or the output, and per topic.

Action items are matched within each message (the item must come from the message
that creates it): greedily, best agreement first (owners, then due date, then kind).
Then, with *predicted* = items the pipeline found and *expected* = labelled items:

- ``items``: a matched pair is right (an item found in the right message);
- ``kind``: a matched pair of the same kind;
- ``owner``: a matched pair whose non-empty owner sets are equal (predicted = items
  with an owner, expected = labels with an owner);
- ``due``: likewise for due dates;
- ``strict``: right message, same owner set (both empty counts) and same due date.

Closures are scored per (item, owner) share of matched items: the labelled closing
message (the first that closes the whole item or that owner's share, or none) against
the predicted one. ``accuracy`` counts shares where both agree (closed by the same
reply, or both still open); ``found`` counts labelled closures found;
``wrong`` counts predicted closures by another reply than the label's (too early,
or none was labelled).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from iscg_mailbot.parse.quoting import header_block_end
from iscg_mailbot.services.eval_set import EvalItem, EvalMessage, EvalThread


@dataclass
class Counts:
    """Right answers, answers given, answers expected; precision, recall and F1."""

    correct: int = 0
    predicted: int = 0
    expected: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else (
            1.0 if not self.expected else 0.0)

    @property
    def recall(self) -> float:
        return self.correct / self.expected if self.expected else (
            1.0 if not self.predicted else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Counts) -> None:
        self.correct += other.correct
        self.predicted += other.predicted
        self.expected += other.expected


@dataclass(frozen=True)
class PredictedItem:
    """An item the pipeline stored for one message of the set.

    ``closed_by`` is the set's id of the message that closed it (None while open);
    ``share_closers`` maps an owner (as stored) to the message that closed only that
    owner's share.
    """

    kind: str
    owners: tuple[str, ...]
    due: date | None
    sentence: str = ""
    closed_by: str | None = None
    share_closers: tuple[tuple[str, str], ...] = ()

    def closer_for(self, owner: str) -> str | None:
        key = owner_key(owner)
        for name, message in self.share_closers:
            if owner_key(name) == key:
                return message
        return self.closed_by


def owner_key(owner: str) -> str:
    """An owner as compared: case and spacing ignored ("ITU-R WP 5D" = "ITU-R WP5D")."""
    return re.sub(r"\s+", "", owner.casefold())


def owner_set(owners: Iterable[str]) -> frozenset[str]:
    return frozenset(owner_key(o) for o in owners if o.strip())


# --- topics ----------------------------------------------------------------------


@dataclass
class TopicScores:
    """Micro, macro and per-topic P/R/F1 of one split, and its misses."""

    threads: int = 0
    micro: Counts = field(default_factory=Counts)
    per_topic: dict[str, Counts] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)

    @property
    def macro_f1(self) -> float:
        scored = [c for c in self.per_topic.values() if c.expected or c.predicted]
        return sum(c.f1 for c in scored) / len(scored) if scored else 0.0

    @property
    def macro_precision(self) -> float:
        scored = [c for c in self.per_topic.values() if c.expected or c.predicted]
        return sum(c.precision for c in scored) / len(scored) if scored else 0.0

    @property
    def macro_recall(self) -> float:
        scored = [c for c in self.per_topic.values() if c.expected or c.predicted]
        return sum(c.recall for c in scored) / len(scored) if scored else 0.0


def score_topics(threads: Sequence[EvalThread], predicted: dict[str, set[str]],
                 topic_order: Sequence[str] = (),
                 evidence: dict[str, dict[str, str]] | None = None) -> TopicScores:
    """Score predicted topics (by set thread id) against each thread's labels;
    ``evidence`` (per thread, per topic) is shown with the extra topics of a miss."""
    scores = TopicScores(threads=len(threads))
    for topic in topic_order:
        scores.per_topic[topic] = Counts()
    for thread in threads:
        gold, got = set(thread.topics), predicted.get(thread.id, set())
        for topic in gold | got:
            row = scores.per_topic.setdefault(topic, Counts())
            row.correct += topic in gold and topic in got
            row.predicted += topic in got
            row.expected += topic in gold
        if gold != got:
            missing = ", ".join(sorted(gold - got)) or "-"
            shown = (evidence or {}).get(thread.id, {})
            extra = ", ".join(f"{t} [{shown[t]}]" if shown.get(t) else t
                              for t in sorted(got - gold)) or "-"
            scores.misses.append(f"{thread.id} {thread.subject!r}: missed {missing}; "
                                 f"extra {extra}")
    for row in scores.per_topic.values():
        scores.micro.add(row)
    return scores


# --- action items ----------------------------------------------------------------


@dataclass
class ClosureScores:
    """Closure of matched items, counted per (item, owner) share."""

    shares: int = 0
    agree: int = 0
    labelled: int = 0  # labelled closures of all labelled items, matched or not
    found: int = 0
    wrong: int = 0

    @property
    def accuracy(self) -> float:
        return self.agree / self.shares if self.shares else 1.0


@dataclass
class ActionScores:
    """Per-field and strict P/R/F1 of one split, closures, forwarded items, misses."""

    messages: int = 0
    items: Counts = field(default_factory=Counts)
    kind: Counts = field(default_factory=Counts)
    owner: Counts = field(default_factory=Counts)
    due: Counts = field(default_factory=Counts)
    strict: Counts = field(default_factory=Counts)
    closure: ClosureScores = field(default_factory=ClosureScores)
    forwarded: Counts = field(default_factory=Counts)  # correct = found with its owners
    forwarded_strict: int = 0
    misses: list[str] = field(default_factory=list)


_FORWARD_MARK = re.compile(
    r"^\W*(?:-{2,}\s*(?:forwarded\s+message|original\s+message|mensaje\s+reenviado|"
    r"message\s+transf[ée]r[ée]|weitergeleitete\s+nachricht)|begin\s+forwarded\s+message)",
    re.IGNORECASE | re.MULTILINE,
)
_FORWARD_SUBJECT = re.compile(r"^\s*(?:\[[^\]]*\]\s*)?(?:fwd?|tr|wg|rv|enc|i)\s*:",
                              re.IGNORECASE)


def is_forwarding(thread: EvalThread, message: EvalMessage) -> bool:
    """Whether a message of the set forwards other mail: its subject or a separator says
    so, or it starts its thread and holds a mail header block."""
    subject = message.subject if message.subject is not None else (
        thread.subject if message.in_reply_to is None else "")
    if _FORWARD_SUBJECT.match(subject or ""):
        return True
    if _FORWARD_MARK.search(message.body) and "forward" in message.body.lower():
        return True
    # The first message of a thread holding mail below a header block forwards it.
    lines = message.body.splitlines()
    return message.in_reply_to is None and any(
        header_block_end(lines, i) > i for i, line in enumerate(lines) if ":" in line)


def _agreement(gold: EvalItem, item: PredictedItem) -> int:
    return (4 * (owner_set(gold.owners) == owner_set(item.owners))
            + 2 * (gold.due == item.due) + (gold.kind == item.kind))


def match_items(gold: Sequence[EvalItem],
                predicted: Sequence[PredictedItem]) -> list[tuple[int, int]]:
    """Pairs (gold index, predicted index), best agreement first, each used once."""
    pairs = sorted(
        ((i, j) for i in range(len(gold)) for j in range(len(predicted))),
        key=lambda p: (-_agreement(gold[p[0]], predicted[p[1]]), abs(p[0] - p[1]), p),
    )
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    chosen = []
    for i, j in pairs:
        if i not in used_gold and j not in used_pred:
            chosen.append((i, j))
            used_gold.add(i)
            used_pred.add(j)
    return sorted(chosen)


def _describe(kind: str, owners: Iterable[str], due: date | None, text: str) -> str:
    return f"{kind} [{', '.join(owners) or '-'}] {due or '-'} {' '.join(text.split())[:110]!r}"


def _labelled_closer(thread: EvalThread, source: str, index: int, owner: str) -> str | None:
    for message in thread.messages:
        for closure in message.closes:
            if (closure.message, closure.index) == (source, index) and (
                closure.owner is None or not owner
                or owner_key(closure.owner) == owner_key(owner)
            ):
                return message.id
    return None


def score_actions(threads: Sequence[EvalThread],
                  predicted: dict[tuple[str, str], list[PredictedItem]]) -> ActionScores:
    """Score the items found per (thread id, message id) against the labels."""
    scores = ActionScores()
    for thread in threads:
        for message in thread.messages:
            scores.messages += 1
            _score_message(scores, thread, message, predicted.get((thread.id, message.id), []))
    return scores


def _score_message(scores: ActionScores, thread: EvalThread, message: EvalMessage,
                   found: list[PredictedItem]) -> None:
    gold = list(message.actions)
    pairs = match_items(gold, found)
    forwarding = is_forwarding(thread, message)
    for counts in (scores.items, scores.kind, scores.strict):
        counts.expected += len(gold)
        counts.predicted += len(found)
    scores.owner.expected += sum(1 for g in gold if g.owners)
    scores.owner.predicted += sum(1 for p in found if p.owners)
    scores.due.expected += sum(1 for g in gold if g.due is not None)
    scores.due.predicted += sum(1 for p in found if p.due is not None)
    if forwarding:
        scores.forwarded.expected += len(gold)
        scores.forwarded.predicted += len(found)
    matched_gold = {i for i, _ in pairs}
    for i, j in pairs:
        g, p = gold[i], found[j]
        same_owner = owner_set(g.owners) == owner_set(p.owners)
        scores.items.correct += 1
        scores.kind.correct += g.kind == p.kind
        scores.owner.correct += bool(g.owners) and same_owner
        scores.due.correct += g.due is not None and g.due == p.due
        strict = same_owner and g.due == p.due
        scores.strict.correct += strict
        if forwarding:
            scores.forwarded.correct += same_owner
            scores.forwarded_strict += strict
        if not strict or g.kind != p.kind:
            scores.misses.append(f"{thread.id} {message.id}: want "
                                 f"{_describe(g.kind, g.owners, g.due, g.what)}\n"
                                 f"      got  {_describe(p.kind, p.owners, p.due, p.sentence)}")
        _score_closure(scores, thread, message, i, g, p)
    for i, g in enumerate(gold):
        for owner in g.owners or ("",):
            scores.closure.labelled += _labelled_closer(thread, message.id, i, owner) is not None
        if i not in matched_gold:
            scores.misses.append(f"{thread.id} {message.id}: missed "
                                 f"{_describe(g.kind, g.owners, g.due, g.what)}")
    for j in sorted(set(range(len(found))) - {j for _, j in pairs}):
        p = found[j]
        scores.misses.append(f"{thread.id} {message.id}: extra "
                             f"{_describe(p.kind, p.owners, p.due, p.sentence)}")


def _score_closure(scores: ActionScores, thread: EvalThread, message: EvalMessage,
                   index: int, gold: EvalItem, item: PredictedItem) -> None:
    for owner in gold.owners or ("",):
        want = _labelled_closer(thread, message.id, index, owner)
        got = item.closer_for(owner) if owner else item.closed_by
        scores.closure.shares += 1
        scores.closure.agree += want == got
        scores.closure.found += want is not None and want == got
        scores.closure.wrong += got is not None and want != got
        if want != got:
            share = f" ({owner}'s share)" if owner and len(gold.owners) > 1 else ""
            said = _opening(thread, want or got)
            scores.misses.append(f"{thread.id} {message.id}: item {gold.what or gold.kind!r}"
                                 f"{share} closed by {got or 'nothing'}, want {want or 'open'}"
                                 + (f"\n      {want or got}: {said!r}" if said else ""))


_GREETING = re.compile(r"^\s*(?:dear|hi|hello)\b[^\n]*\n+", re.IGNORECASE)


def _opening(thread: EvalThread, message_id: str | None) -> str:
    """The first words of a message's own text, to show with a closure miss."""
    message = next((m for m in thread.messages if m.id == message_id), None)
    if message is None:
        return ""
    text = _GREETING.sub("", message.body, count=1)
    return " ".join(text.split())[:160]
