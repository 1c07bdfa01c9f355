"""Topic tagging as services, one module per job; this package lists what the shells call.

- :mod:`.loading` — the topic list, its tagger and the trained model, as the
  application object holds them (``load_config``, ``tagger_for``, ``model_for``).
- :mod:`.texts` — stored threads as the tagger reads them.
- :mod:`.tagging` — tag after an import or a sync (``tag_threads_in_session``), and
  ``topics retag`` (``retag``) after the secretariat edited the list.
- :mod:`.decisions` — people's decisions (``set_manual_tags``) and the threads a topic
  or an entity selects (``thread_ids_with_topic``, ``threads_mentioning``).
- :mod:`.explain` — ``topics explain``: which phrases fired and the scores.
- :mod:`.stats` — ``topics stats``: threads per topic, hits per phrase.
- :mod:`.suggest` — ``topics suggest``: phrases worth adding to a topic.
- :mod:`.evaluate` — ``topics evaluate``: the tags against people's decisions.
- :mod:`.check` — ``topics check``: the problems of the list and the ITU table.
- :mod:`.train` — ``topics train``: a model learnt from people's decisions.

Each re-tag rewrites the automatic tags, evidence and entities of its threads, never the
decisions people made.
"""

from iscg_mailbot.services.topics.check import check
from iscg_mailbot.services.topics.decisions import (
    ThreadTopicsView,
    TopicView,
    set_manual_tags,
    thread_ids_with_topic,
    thread_topics,
    threads_mentioning,
    threads_with_topic,
)
from iscg_mailbot.services.topics.evaluate import Quality, TopicEvaluation, evaluate
from iscg_mailbot.services.topics.explain import Explanation, explain_text, explain_thread
from iscg_mailbot.services.topics.loading import (
    MODEL_DIR,
    load_config,
    model_dir,
    model_for,
    tagger_for,
    topics_file,
)
from iscg_mailbot.services.topics.stats import PhraseCount, TopicCount, TopicStats, stats
from iscg_mailbot.services.topics.suggest import Suggestion, suggest
from iscg_mailbot.services.topics.tagging import (
    RetagReport,
    retag,
    retag_threads,
    tag_threads_in_session,
)
from iscg_mailbot.services.topics.texts import DEFAULT_MAX_CHARS, RETAG_BATCH
from iscg_mailbot.services.topics.train import train, training_examples

__all__ = [
    "DEFAULT_MAX_CHARS",
    "MODEL_DIR",
    "RETAG_BATCH",
    "Explanation",
    "PhraseCount",
    "Quality",
    "RetagReport",
    "Suggestion",
    "ThreadTopicsView",
    "TopicCount",
    "TopicEvaluation",
    "TopicStats",
    "TopicView",
    "check",
    "evaluate",
    "explain_text",
    "explain_thread",
    "load_config",
    "model_dir",
    "model_for",
    "retag",
    "retag_threads",
    "set_manual_tags",
    "stats",
    "suggest",
    "tag_threads_in_session",
    "tagger_for",
    "thread_ids_with_topic",
    "thread_topics",
    "threads_mentioning",
    "threads_with_topic",
    "topics_file",
    "train",
    "training_examples",
]
