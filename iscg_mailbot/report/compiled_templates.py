"""The digest's templates compiled once and kept on disk between commands.

Jinja2 compiles a template (parses it, writes Python source, compiles that) the first
time an environment loads it: ~30 ms for the digest's three templates, in every
``digest preview`` process (issue 17). Jinja's bytecode cache keeps the compiled code
in a directory and loads it again (~1 ms) while the template's source is the same
(Jinja compares a checksum of it, so an edited template or a ``<config_dir>/templates``
override is compiled afresh). The compiled code also depends on the environment's
options and on Jinja itself, so the directory's name carries Jinja's version and the
source of ``report/render.py``, where the environment is made. A directory that cannot
be made or written is simply not used: the templates are then compiled as before.

>>> render_digest(digest, member, compiled=compiled_templates(cache_dir))  # doctest: +SKIP
"""

from __future__ import annotations

import contextlib
import hashlib
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket, FileSystemBytecodeCache

_RENDER_SOURCE = Path(__file__).with_name("render.py")


class KeptTemplates(FileSystemBytecodeCache):
    """Jinja's file-system bytecode cache, which never fails a render for a write."""

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):  # a full or read-only disk: compiled next time
            super().dump_bytecode(bucket)


def compiled_templates(cache_dir: Path) -> str | None:
    """The directory under ``cache_dir`` that keeps the templates compiled by this Jinja
    for this ``render.py``, or None when it cannot be made."""
    key = hashlib.sha256(jinja2.__version__.encode() + b"\0" + _RENDER_SOURCE.read_bytes())
    directory = cache_dir / f"digest-templates-{key.hexdigest()[:16]}"
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return str(directory)
