"""The tagger cache's key covers the code of every part of the files it is built from
(services.tagger_cache): a model of topics.yaml or itu_bodies.yaml defined in a module
the key does not read would let a changed reading of the file reuse a stale tagger."""

from __future__ import annotations

import sys
import typing
from pathlib import Path

from pydantic import BaseModel

from iscg_mailbot.services import tagger_cache
from iscg_mailbot.settings.itu_bodies import ItuBodies
from iscg_mailbot.settings.topics import TopicsConfig

PACKAGE = Path(tagger_cache.__file__).resolve().parents[1]


def _models(model: type[BaseModel], seen: set[type[BaseModel]]) -> set[type[BaseModel]]:
    """``model`` and every model its fields hold, however nested (tuples, unions)."""
    if model in seen:
        return seen
    seen.add(model)
    for field in model.model_fields.values():
        pending: list[object] = [field.annotation]
        while pending:
            kind = pending.pop()
            pending += typing.get_args(kind)
            if isinstance(kind, type) and issubclass(kind, BaseModel):
                _models(kind, seen)
    return seen


def test_the_key_reads_every_module_defining_a_part_of_the_tagger_files() -> None:
    files = {Path(sys.modules[model.__module__].__file__ or "").resolve()
             for root in (TopicsConfig, ItuBodies) for model in _models(root, set())}
    read = {path.resolve() for pattern in tagger_cache._BUILT_BY
            for path in PACKAGE.glob(pattern)}
    assert sorted(str(f.relative_to(PACKAGE)) for f in files - read) == []
