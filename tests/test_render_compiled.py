"""The digest's templates compiled once and kept on disk (report/compiled_templates.py):
the same mail as templates compiled afresh, the kept code really used, an edited
template compiled again, and a cache directory that cannot be made or written never
failing a render."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import jinja2
import pytest
from jinja2.sandbox import SandboxedEnvironment

from iscg_mailbot.report import compiled_templates as kept_module
from iscg_mailbot.report.compiled_templates import compiled_templates
from iscg_mailbot.report.render import RenderedMail, make_environment, render_digest
from tests.digest_samples import CHAIR, seeded_digest


def _as_a_new_process(**options: Any) -> RenderedMail:
    """A render with no environment (and so no compiled template) kept in memory."""
    make_environment.cache_clear()
    return render_digest(seeded_digest(), CHAIR, **options)


@pytest.fixture(autouse=True)
def _forget_environments() -> Any:
    yield
    make_environment.cache_clear()


def _no_compiling(*_args: Any, **_kwargs: Any) -> Any:
    raise AssertionError("a template was compiled")


def test_kept_templates_give_the_same_mail_without_compiling(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    compiled_afresh = _as_a_new_process()
    kept = compiled_templates(tmp_path)
    assert kept is not None
    assert _as_a_new_process(compiled=kept) == compiled_afresh  # compiles, keeps
    assert len(list(Path(kept).iterdir())) == 3  # subject, text and HTML
    monkeypatch.setattr(SandboxedEnvironment, "compile", _no_compiling)
    assert _as_a_new_process(compiled=kept) == compiled_afresh


def test_an_edited_template_is_compiled_again(tmp_path: Path) -> None:
    override = tmp_path / "config" / "templates" / "digest"
    override.mkdir(parents=True)
    kept = compiled_templates(tmp_path / "cache")
    (override / "subject.txt").write_text("Before: {{ digest.counts.messages }}\n")
    assert _as_a_new_process(config_dir=tmp_path / "config", compiled=kept).subject == "Before: 6"
    (override / "subject.txt").write_text("After: {{ digest.counts.messages }}\n")
    assert _as_a_new_process(config_dir=tmp_path / "config", compiled=kept).subject == "After: 6"


def test_a_directory_that_cannot_be_made_or_written_is_not_used(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    compiled_afresh = _as_a_new_process()
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("")
    assert compiled_templates(not_a_folder) is None

    def full_disk(*_args: Any, **_kwargs: Any) -> Any:
        raise OSError(28, "No space left on device")

    kept = compiled_templates(tmp_path / "cache")
    assert kept is not None
    monkeypatch.setattr(tempfile, "NamedTemporaryFile", full_disk)  # how Jinja writes
    assert _as_a_new_process(compiled=kept) == compiled_afresh
    assert list(Path(kept).iterdir()) == []


def test_the_directory_is_per_jinja_version_and_render_module(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The environment's options (in render.py) and Jinja decide the compiled code.
    now = compiled_templates(tmp_path)
    other_render = tmp_path / "render.py"
    other_render.write_text("# another environment\n")
    monkeypatch.setattr(kept_module, "_RENDER_SOURCE", other_render)
    assert compiled_templates(tmp_path) != now
    monkeypatch.undo()
    monkeypatch.setattr(jinja2, "__version__", "0.0")
    assert compiled_templates(tmp_path) != now
