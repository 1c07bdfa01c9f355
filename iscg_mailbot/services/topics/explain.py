"""``topics explain``: which phrases of the topic list fire on a text or a thread, and
every topic's score against its threshold (tagged or not)."""

from __future__ import annotations

from dataclasses import dataclass

from iscg_mailbot.records import ThreadTags
from iscg_mailbot.services.app import App
from iscg_mailbot.services.topics.loading import tagger_for, with_model
from iscg_mailbot.services.topics.texts import find_thread, thread_texts


@dataclass(frozen=True)
class Explanation:
    """Scores of every topic with evidence, tagged or not, and the thresholds."""

    verdict: ThreadTags
    thresholds: dict[str, float]
    names: dict[str, str]


def _explanation(app: App, verdict: ThreadTags) -> Explanation:
    config = tagger_for(app).config
    return Explanation(
        verdict=verdict,
        thresholds={topic.id: config.threshold(topic) for topic in config.topics},
        names={topic.id: topic.name for topic in config.topics},
    )


def explain_text(app: App, text: str, subject: str = "") -> Explanation:
    """Which phrases of the current topic list fire on a text, and the scores."""
    return _explanation(app, tagger_for(app).explain(subject, [text]))


def explain_thread(app: App, thread_id: int) -> Explanation:
    """The same for a stored thread (its subject and its messages' new text)."""
    with app.session() as session:
        find_thread(session, thread_id)
        [thread] = thread_texts(session, [thread_id])
    verdict = tagger_for(app).explain(thread.subject, thread.texts)
    return _explanation(app, with_model(app, [thread], [verdict])[0])
