"""``topics train``: a model learnt from people's decisions, for the topics where it helps.

Rules first; the model trained here adds, for the topics where cross-validation showed
it helps, the topics the rules missed (services/topics/loading.py applies it).
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from iscg_mailbot.analyse import textcat
from iscg_mailbot.records import ThreadText
from iscg_mailbot.services.app import App
from iscg_mailbot.services.topics.loading import model_dir, tagger_for
from iscg_mailbot.services.topics.texts import RETAG_BATCH, thread_texts
from iscg_mailbot.store import topics as store


def _is_model_only(state: store.TopicState) -> bool:
    """An automatic tag that only the model gave (not a person's word, not the rules')."""
    return bool(state.evidence) and all(
        item.get("where") == textcat.MODEL_WHERE for item in state.evidence
    )


def training_examples(session: Session) -> list[textcat.TrainingExample]:
    """Threads with manual decisions, labelled by people's decisions only.

    ``tag`` records one decision per (thread, topic), not that a person reviewed the
    whole thread, so a label is what a person said or plainly saw: a topic added by hand
    is present, one removed by hand is absent, and an automatic tag the rules gave and
    the person left on a thread they decided on is present (it was shown to them and
    kept). Every other topic is unknown for that thread, not absent: topics the thread
    does not carry (nobody said it is not about them) and tags the trained model alone
    gave (taking them as labels would teach the model its own guesses).
    """
    return [example for example, _thread in _labelled_threads(session)]


def _labelled_threads(
    session: Session,
) -> list[tuple[textcat.TrainingExample, ThreadText]]:
    """Each thread with manual decisions: its training example and its texts."""
    labelled = sorted(store.manual_decisions(session))
    examples = []
    for start in range(0, len(labelled), RETAG_BATCH):
        chunk = labelled[start:start + RETAG_BATCH]
        states = store.topic_states(session, chunk)
        for thread in thread_texts(session, chunk):
            present, absent = set(), set()
            for topic, state in states.get(thread.thread_id, {}).items():
                if state.manual is True:
                    present.add(topic)
                elif state.manual is False:
                    absent.add(topic)
                elif state.auto_score is not None and not _is_model_only(state):
                    present.add(topic)
            examples.append((textcat.TrainingExample(
                thread.thread_id, textcat.thread_document(thread), frozenset(present),
                frozenset(absent)), thread))
    return examples


def train(app: App, *, folds: int = 3, epochs: int = 10, seed: int = 0,
          min_threads: int = 20, min_positives: int = 3) -> textcat.TrainResult:
    """Train the model on people's decisions, cross-validate it against the rules per
    topic, and save it to :func:`model_dir` with the topics it may add.

    Raises :class:`textcat.NotEnoughLabels` with too few labelled threads.
    """
    tagger = tagger_for(app)
    with app.session() as session:
        labelled = _labelled_threads(session)
    examples = [example for example, _thread in labelled]
    inputs = [thread for _example, thread in labelled]
    rules = {r.thread_id: frozenset(t.topic for t in r.tags) for r in tagger.tag_threads(inputs)}
    result = textcat.train_topic_model(
        examples, rules, [topic.id for topic in tagger.config.topics],
        folds=folds, epochs=epochs, seed=seed, min_threads=min_threads,
        min_positives=min_positives,
    )
    model_dir(app).parent.mkdir(parents=True, exist_ok=True)
    textcat.save_model(result, model_dir(app))
    return result
