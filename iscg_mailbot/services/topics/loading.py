"""The topic list, its tagger and the trained model, as the application holds them.

The application object (services/app.py) reads ``topics.yaml`` and the ITU-structure
table once and builds the tagger from them at its first use; every service of this
package takes them from here, never from the files. The model ``topics train`` saved is
read from the data directory and read again when a new one is saved.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from iscg_mailbot.analyse import textcat
from iscg_mailbot.errors import ConfigError
from iscg_mailbot.records import ThreadTags, ThreadText
from iscg_mailbot.services.app import App
from iscg_mailbot.settings.topics import TopicsConfig

if TYPE_CHECKING:
    # spaCy comes in with the tagger, on first use: commands that never tag start fast.
    from iscg_mailbot.analyse.topics import TopicTagger


def topics_file(app: App) -> Path:
    """Where the topic list lives (for messages; the list itself: :func:`load_config`)."""
    return app.config.topics_path


def load_config(app: App) -> TopicsConfig:
    """The validated topic list, read once by the application object (ConfigError
    naming file, key and fix)."""
    return app.config.topics()


def tagger_for(app: App) -> TopicTagger:
    """The tagger of the loaded topic list and ITU-structure table (built once, kept by
    the application object until it reloads its configuration)."""
    return app.tagger()


def names(app: App) -> dict[str, str]:
    """Topic names by id; ids stand for themselves when the list cannot be read."""
    try:
        return {topic.id: topic.name for topic in load_config(app).topics}
    except ConfigError:
        return {}


# --- the trained model (``topics train``) -------------------------------------------
# Rules first; a model trained on people's decisions adds, for the topics where
# cross-validation showed it helps, the topics the rules missed. Without a model on
# disk (or with no topic enabled) tagging is the rules alone.

MODEL_DIR = "topic-model"
_models: dict[tuple[str, int], textcat.TopicModel | None] = {}


def model_dir(app: App) -> Path:
    """Where ``topics train`` keeps the model: ``<data_dir>/topic-model``."""
    return Path(app.settings.data_dir) / MODEL_DIR


def model_for(app: App) -> textcat.TopicModel | None:
    """The saved model if it enables some topic (None otherwise); reloaded when a new
    model is saved."""
    meta = model_dir(app) / textcat.META_FILE
    try:
        stamp = meta.stat().st_mtime_ns
    except OSError:
        return None
    key = (str(meta.resolve()), stamp)
    if key not in _models:
        _models.clear()
        _models[key] = textcat.load_model(model_dir(app))
    return _models[key]


def with_model(app: App, threads: Sequence[ThreadText],
               results: Sequence[ThreadTags]) -> list[ThreadTags]:
    """The rules' verdicts plus the topics the trained model adds (none without one)."""
    model = model_for(app)
    if model is None:
        return list(results)
    return textcat.add_model_tags(model, threads, results)
