"""A learned gate over the rules' action candidates: keep, drop, or (optionally) re-kind.

The hand-written rules of :mod:`~iscg_mailbot.analyse.actions` find candidates; this
gate, a logistic regression over plain features of each candidate (which rule fired,
its kind, whether an owner or a date was read, where it sits in the message, whether
the message is a reply or forwards mail, the sentence's words), estimates how likely
the candidate is an item a person would have labelled. Candidates under the model's
threshold are dropped; the others keep the model's estimate as their ``confidence``
(shown with the item), so a reader sees how sure the gate was::

    >>> gate = GateModel(weights={"w=thanks": -4.0}, bias=2.0, threshold=0.5)
    >>> round(gate.probability(("w=thanks", "kind=action")), 3)
    0.119

The model is trained from labelled threads by
:mod:`iscg_mailbot.services.action_gate_training` (``iscg-mailbot actions train``);
this module only reads its JSON file and applies it. No randomness and no third-party
code at analysis time: a few dictionary look-ups per candidate.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from pathlib import Path

from iscg_mailbot.errors import ConfigError
from iscg_mailbot.records import ActionCandidate, ActionInput

FORMAT = "iscg-mailbot action gate"
VERSION = 1
# Added to an item's rule name when the gate changed its kind: "could_you (kind by gate)".
KIND_NOTE = "(kind by gate)"
_WORD = re.compile(r"[a-z][a-z'-]*")
# Words of a sentence the model reads: its opening matters most ("please", "i will").
_MAX_WORDS = 40


def gate_features(candidate: ActionCandidate, message: ActionInput, index: int,
                  count: int) -> tuple[str, ...]:
    """The features of the ``index``-th of a message's ``count`` candidates.

    >>> from datetime import datetime, timezone
    >>> from iscg_mailbot.records import ActionCandidate, ActionInput
    >>> c = ActionCandidate("action", "Please send comments.", (0, 21), None, None,
    ...                     None, None, 0.8, "please")
    >>> m = ActionInput("Please send comments.", datetime(2027, 3, 1, tzinfo=timezone.utc))
    >>> gate_features(c, m, 0, 1)[:4]
    ('rule=please', 'kind=action', 'rule_kind=please|action', 'owner=none')
    """
    text = candidate.sentence
    words = _WORD.findall(text.lower())[:_MAX_WORDS]
    reply = message.parent_sender is not None or bool(
        re.match(r"\s*(?:re|aw|sv)\s*:", message.subject, re.IGNORECASE))
    length = max(len(message.new_text), 1)
    features = [
        f"rule={candidate.rule}", f"kind={candidate.kind}",
        f"rule_kind={candidate.rule}|{candidate.kind}",
        f"owner={candidate.owner_kind or 'none'}",
        f"owner_kind={candidate.owner_kind or 'none'}|{candidate.kind}",
        f"due={candidate.due is not None}", f"due_words={candidate.due_text is not None}",
        f"reply={reply}", f"reply_kind={reply}|{candidate.kind}",
        f"forwarded={message.forwarded}", f"automatic={message.automatic}",
        f"index={min(index, 3)}", f"count={min(count, 5)}",
        f"last={index == count - 1}",
        f"place={min(int(5 * candidate.span[0] / length), 4)}",
        f"words={min(len(words) // 8, 5)}",
        f"asks={text.rstrip().endswith('?')}",
        f"first={words[0] if words else ''}",
        f"first2={' '.join(words[:2])}",
    ]
    features.extend(f"w={word}" for word in dict.fromkeys(words))
    return tuple(features)


def _sigmoid(value: float) -> float:
    if value >= 0:
        return 1.0 / (1.0 + math.exp(-value))
    exp = math.exp(value)
    return exp / (1.0 + exp)


@dataclass(frozen=True)
class GateModel:
    """Weights of a logistic regression over :func:`gate_features`, and its threshold.

    ``kinds`` (optional) holds one weight table per kind ("action", "question",
    "note"): a kept candidate whose most likely kind differs from the rules' by a
    probability of at least ``kind_threshold`` takes that kind. Empty: kinds are left
    as the rules said.
    """

    weights: Mapping[str, float]
    bias: float
    threshold: float
    kinds: Mapping[str, Mapping[str, float]] = field(default_factory=dict)
    kind_bias: Mapping[str, float] = field(default_factory=dict)
    kind_threshold: float = 1.0
    about: Mapping[str, object] = field(default_factory=dict)

    @cached_property
    def _table(self) -> dict[str, tuple[float, ...]]:
        """Per feature: its weight for the gate, then for each kind (one look-up each)."""
        names = sorted(self.kinds)
        features = set(self.weights).union(*(self.kinds[k] for k in names))
        return {f: (self.weights.get(f, 0.0), *(self.kinds[k].get(f, 0.0) for k in names))
                for f in features}

    def _scores(self, features: Sequence[str]) -> list[float]:
        """The gate's log-odds, then each kind's score, summed over the features."""
        base = (self.bias, *(self.kind_bias.get(k, 0.0) for k in sorted(self.kinds)))
        table = self._table
        rows = [table[f] for f in features if f in table]
        if not rows:
            return list(base)
        return [b + s for b, s in zip(base, map(sum, zip(*rows, strict=True)), strict=True)]

    def probability(self, features: Sequence[str]) -> float:
        """The model's estimate that a candidate with these features is an item."""
        return _sigmoid(self._scores(features)[0])

    def kind_for(self, features: Sequence[str], kind: str) -> str:
        """The kind to give a kept candidate the rules read as ``kind``."""
        return self._kind(self._scores(features), kind)

    def _kind(self, scores: list[float], kind: str) -> str:
        names = sorted(self.kinds)
        if kind not in names:
            return kind
        kinds = dict(zip(names, scores[1:], strict=True))
        top = max(kinds.values())
        best = max(names, key=lambda k: kinds[k])
        share = 1.0 / sum(math.exp(s - top) for s in kinds.values())
        return best if best != kind and share >= self.kind_threshold else kind

    def apply(self, candidates: Sequence[ActionCandidate],
              message: ActionInput) -> list[ActionCandidate]:
        """The candidates the model keeps, each with the model's estimate as confidence."""
        kept: list[ActionCandidate] = []
        for index, candidate in enumerate(candidates):
            scores = self._scores(gate_features(candidate, message, index, len(candidates)))
            estimate = _sigmoid(scores[0])
            if estimate < self.threshold:
                continue
            kind = self._kind(scores, candidate.kind)
            # The rule column says when the kind is the model's, not the rule's.
            rule = candidate.rule if kind == candidate.kind else f"{candidate.rule} {KIND_NOTE}"
            kept.append(replace(candidate, confidence=round(estimate, 3), kind=kind,
                                rule=rule))
        return kept

    def to_json(self) -> str:
        """The model as a JSON document (sorted keys: the same model, the same bytes)."""
        return json.dumps({
            "format": FORMAT, "version": VERSION, "about": dict(self.about),
            "threshold": self.threshold, "bias": self.bias,
            "weights": dict(sorted(self.weights.items())),
            "kind_threshold": self.kind_threshold,
            "kind_bias": dict(sorted(self.kind_bias.items())),
            "kinds": {k: dict(sorted(w.items())) for k, w in sorted(self.kinds.items())},
        }, indent=1, sort_keys=True) + "\n"


def model_from_json(text: str, source: str = "gate model") -> GateModel:
    """Read a model written by :meth:`GateModel.to_json`; ConfigError when it is not one."""
    try:
        data = json.loads(text)
        if data.get("format") != FORMAT or data.get("version") != VERSION:
            raise ValueError(f"not a {FORMAT} version {VERSION}")
        return GateModel(
            weights={str(k): float(v) for k, v in data["weights"].items()},
            bias=float(data["bias"]), threshold=float(data["threshold"]),
            kinds={str(k): {str(f): float(w) for f, w in ws.items()}
                   for k, ws in data.get("kinds", {}).items()},
            kind_bias={str(k): float(v) for k, v in data.get("kind_bias", {}).items()},
            kind_threshold=float(data.get("kind_threshold", 1.0)),
            about=dict(data.get("about", {})),
        )
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ConfigError(f"{source}: not a readable action gate model ({exc}); "
                          "retrain it with 'iscg-mailbot actions train'") from None


@lru_cache(maxsize=8)
def _load(path: str, mtime_ns: int) -> GateModel:
    return model_from_json(Path(path).read_text(encoding="utf-8"), path)


def load_gate(path: Path) -> GateModel:
    """The model in the file at ``path``, read once per process (again if it changed)."""
    try:
        stamp = path.stat().st_mtime_ns
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the action gate model ({exc.strerror}); "
                          "set 'gate: false' in actions.yaml or retrain it") from None
    return _load(str(path), stamp)

