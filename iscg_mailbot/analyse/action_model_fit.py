"""Fitting the action gate's logistic regressions (numpy; training only).

Plain batch gradient descent on the L2-regularised log loss over binary features. The
examples are visited in an order drawn from ``seed`` (the mini-batches): the same
examples and seed give the same weights, byte for byte once rounded. numpy comes with
spaCy; it is imported here only, so analysis never loads it for the gate.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

# Rounding of the weights written: the model file stays small and exact to compare.
DIGITS = 4
EPOCHS = 60
BATCH = 32
LEARN_RATE = 0.3
MIN_COUNT = 2  # a feature seen fewer times in training is left out (no weight)


def _vocabulary(rows: Sequence[Sequence[str]]) -> list[str]:
    counts: dict[str, int] = {}
    for row in rows:
        for feature in set(row):
            counts[feature] = counts.get(feature, 0) + 1
    return sorted(f for f, n in counts.items() if n >= MIN_COUNT)


def _matrix(rows: Sequence[Sequence[str]], vocabulary: list[str]) -> Any:
    import numpy as np

    index = {f: i for i, f in enumerate(vocabulary)}
    matrix = np.zeros((len(rows), len(vocabulary)), dtype=np.float64)
    for r, row in enumerate(rows):
        for feature in row:
            column = index.get(feature)
            if column is not None:
                matrix[r, column] = 1.0
    return matrix


def fit_classes(rows: Sequence[Sequence[str]], labels: Sequence[str], *, seed: int = 0,
                l2: float = 0.01) -> tuple[dict[str, dict[str, float]], dict[str, float]]:
    """Softmax regression: per class, its feature weights and its bias.

    With two classes ``"0"``/``"1"`` this is the logistic regression of the gate: the
    weights of ``"1"`` minus those of ``"0"`` (see :func:`fit_binary`).
    """
    import numpy as np

    classes = sorted(set(labels))
    vocabulary = _vocabulary(rows)
    x = _matrix(rows, vocabulary)
    y = np.zeros((len(rows), len(classes)))
    y[np.arange(len(rows)), [classes.index(label) for label in labels]] = 1.0
    weights = np.zeros((len(vocabulary), len(classes)))
    bias = np.log(y.mean(axis=0) + 1e-6)
    order = np.random.default_rng(seed)
    for _ in range(EPOCHS):
        for batch in np.array_split(order.permutation(len(rows)),
                                    max(1, len(rows) // BATCH)):
            scores = x[batch] @ weights + bias
            scores -= scores.max(axis=1, keepdims=True)
            probs = np.exp(scores)
            probs /= probs.sum(axis=1, keepdims=True)
            error = probs - y[batch]
            weights -= LEARN_RATE * (x[batch].T @ error / len(batch) + l2 * weights)
            bias -= LEARN_RATE * error.mean(axis=0)
    table = {c: {f: round(float(w), DIGITS) for f, w in zip(vocabulary, weights[:, k], strict=True)
                 if round(float(w), DIGITS)}
             for k, c in enumerate(classes)}
    return table, {c: round(float(b), DIGITS) for c, b in zip(classes, bias, strict=True)}


def fit_binary(rows: Sequence[Sequence[str]], labels: Sequence[bool], *, seed: int = 0,
               l2: float = 0.01) -> tuple[dict[str, float], float]:
    """Logistic regression: the weight of each feature and the bias (log-odds of True)."""
    if len(set(labels)) < 2:
        raise ValueError("the gate needs candidates that are items and some that are not")
    table, bias = fit_classes(rows, ["1" if label else "0" for label in labels],
                              seed=seed, l2=l2)
    features = sorted(set(table["1"]) | set(table["0"]))
    weights = {f: round(table["1"].get(f, 0.0) - table["0"].get(f, 0.0), DIGITS)
               for f in features}
    return ({f: w for f, w in weights.items() if w},
            round(bias["1"] - bias["0"], DIGITS))
