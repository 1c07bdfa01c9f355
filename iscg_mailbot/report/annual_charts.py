"""Charts of the annual report (matplotlib, Agg backend: no display needed), as PNG bytes."""

from __future__ import annotations

import io
from collections.abc import Sequence

import matplotlib

matplotlib.use("Agg")  # before pyplot: a server has no display

import matplotlib.pyplot as plt

from iscg_mailbot.report.annual import AnnualReport


def _png(labels: Sequence[str], values: Sequence[int], title: str, xlabel: str) -> bytes:
    figure, axes = plt.subplots(figsize=(6.4, 0.35 * max(len(labels), 3) + 1.2), dpi=110)
    try:
        positions = range(len(labels))
        axes.barh(list(positions), list(values), color="#1f5fa8")
        axes.set_yticks(list(positions), labels=list(labels))
        axes.invert_yaxis()
        axes.set_xlabel(xlabel)
        axes.set_title(title)
        for position, value in zip(positions, values, strict=True):
            axes.text(value, position, f" {value}", va="center", fontsize=8)
        figure.tight_layout()
        buffer = io.BytesIO()
        # No timestamp in the file: the same report gives the same bytes.
        figure.savefig(buffer, format="png", metadata={"Software": None})
        return buffer.getvalue()
    finally:
        plt.close(figure)


def threads_by_topic_chart(report: AnnualReport, top: int = 12) -> bytes:
    """Threads per area of mutual interest (the largest ``top``)."""
    sections = [s for s in report.sections][:top]
    return _png([s.title[:40] for s in sections], [len(s.threads) for s in sections],
                f"Threads per area of mutual interest, {report.year}", "threads")


def participation_chart(report: AnnualReport) -> bytes:
    """Messages per Sector of their senders."""
    labels = [label for label, _ in report.participation_sector]
    values = [count for _, count in report.participation_sector]
    return _png(labels, values, f"Messages by Sector, {report.year}", "messages")
