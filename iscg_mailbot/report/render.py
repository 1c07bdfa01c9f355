"""Render a :class:`~iscg_mailbot.records.Digest` as subject, plain text and HTML.

Templates live in ``iscg_mailbot/report/templates/digest/`` (``subject.txt``,
``body.txt``, ``body.html``); a file of the same name under
``<config_dir>/templates/digest/`` replaces the packaged one, so the secretariat can
restyle the digest without touching the code. Templates run in Jinja2's sandbox
(they are edited outside the code review) with autoescaping on for ``.html``, so
every value from the list is escaped unless a template explicitly opts out.

>>> rendered = render_digest(digest, member)          # doctest: +SKIP
>>> rendered.subject, rendered.text[:40], rendered.html[:15]   # doctest: +SKIP
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from jinja2 import ChoiceLoader, FileSystemLoader, PackageLoader, StrictUndefined, pass_context
from jinja2.runtime import Context
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup, escape

from iscg_mailbot.records import Digest
from iscg_mailbot.report.compiled_templates import KeptTemplates
from iscg_mailbot.settings.members import Member
from iscg_mailbot.text import printable, shorten

TEMPLATE_DIR = "digest"
#: Bounds on what one digest shows, whatever the list holds: threads per section,
#: participants named per thread, threads awaiting a reply, characters of an action.
MAX_SECTION_THREADS = 50
MAX_PARTICIPANTS = 12
MAX_AWAITING = 30
MAX_DESCRIPTION = 600


@dataclass(frozen=True)
class RenderedMail:
    """A digest ready to be composed into a message: one-line subject, text and HTML."""

    subject: str
    text: str
    html: str


def clean(value: Any) -> str:
    """Text safe to show in a body: bidi controls and control characters removed."""
    return printable("" if value is None else str(value))


def one_line(value: Any) -> str:
    """``clean`` text on one line (whitespace runs collapsed), at most
    :data:`~iscg_mailbot.text.MAX_SHOWN` characters, cut at a word with "…"."""
    return shorten(_flat(value))


def _flat(value: Any) -> str:
    return " ".join(clean(value).split())


def wrap(value: Any, width: int = 76, indent: str = "") -> str:
    """Wrap each line of ``value`` to ``width`` columns, prefixing every line with ``indent``.

    Long words (URLs) are never broken; blank lines are kept.
    """
    lines: list[str] = []
    for line in clean(value).split("\n"):
        if not line.strip():
            lines.append(indent.rstrip())
            continue
        lines.extend(textwrap.wrap(line, width=width, initial_indent=indent,
                                   subsequent_indent=indent, break_long_words=False,
                                   break_on_hyphens=False))
    return "\n".join(lines)


def href(value: Any) -> str:
    """A link target, or ``""`` unless it is an http(s) or mailto URL (never ``javascript:``)."""
    url = _flat(value)  # never shortened: a cut URL leads elsewhere
    return url if url.lower().startswith(("https://", "http://", "mailto:")) else ""


def nl2br(value: Any) -> Markup:
    """HTML: escape ``value`` and turn its newlines into ``<br>`` (for clients without pre-wrap)."""
    return Markup("<br>\n").join(escape(line) for line in clean(value).split("\n"))


@pass_context
def local(context: Context, value: datetime | None, fmt: str = "%a %-d %b %Y %H:%M") -> str:
    """Format an aware datetime in the digest's time zone (``""`` for None)."""
    if value is None:
        return ""
    return _strftime(value.astimezone(ZoneInfo(context["digest"].timezone)), fmt)


def day(value: date | None, fmt: str = "%a %-d %b %Y") -> str:
    """Format a date (``""`` for None); ``%-d`` is the day without a leading zero."""
    return "" if value is None else _strftime(value, fmt)


def _strftime(value: date, fmt: str) -> str:
    # "%-d" is a glibc extension; substitute it so formats behave the same everywhere.
    return value.strftime(fmt.replace("%-d", str(value.day)))


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """``"1 thread"``, ``"3 threads"``."""
    return f"{count} {singular if count == 1 else (plural_form or singular + 's')}"


@lru_cache(maxsize=8)
def make_environment(config_dir: str | None = None,
                     compiled: str | None = None) -> SandboxedEnvironment:
    """The Jinja2 environment: ``<config_dir>/templates`` first (when present), then the
    package; ``compiled``: a directory that keeps the compiled templates between
    processes (report/compiled_templates.py)."""
    loaders: list[Any] = []
    if config_dir is not None:
        override = Path(config_dir) / "templates"
        if override.is_dir():
            loaders.append(FileSystemLoader(str(override)))
    loaders.append(PackageLoader("iscg_mailbot.report", "templates"))
    env = SandboxedEnvironment(
        loader=ChoiceLoader(loaders),
        # Escaping depends on the template's name: .html escapes, .txt stays plain text.
        autoescape=lambda name: name is not None and name.endswith((".html", ".htm")),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=KeptTemplates(compiled) if compiled is not None else None,
    )
    env.filters.update(clean=clean, one_line=one_line, wrap=wrap, nl2br=nl2br, href=href,
                       local=local, day=day)
    env.globals.update(plural=plural)
    return env


def render_digest(digest: Digest, member: Member | None, *, config_dir: str | Path | None = None,
                  compiled: str | None = None) -> RenderedMail:
    """Render ``digest`` for ``member`` (None: a generic preview) with the digest templates
    (``compiled``: where the compiled templates are kept, see :func:`make_environment`).

    The subject is reduced to one line whatever a template or the list content holds.
    """
    env = make_environment(str(config_dir) if config_dir is not None else None, compiled)
    zone = ZoneInfo(digest.timezone)
    hidden = [max(len(section.threads) - MAX_SECTION_THREADS, 0) for section in digest.sections]
    digest = bounded(digest)
    context = {
        "digest": digest,
        # Threads left out of each section by the size bound (the templates say so).
        "hidden_threads": hidden,
        "member": member,
        "first_day": digest.period_start.astimezone(zone).date(),
        # period_end is exclusive: the last day shown is the day before it.
        "last_day": (digest.period_end.astimezone(zone) - timedelta(microseconds=1)).date(),
        "threads": sum(len(section.threads) for section in digest.sections),
    }
    subject = one_line(env.get_template(f"{TEMPLATE_DIR}/subject.txt").render(context))
    text = env.get_template(f"{TEMPLATE_DIR}/body.txt").render(context)
    html = env.get_template(f"{TEMPLATE_DIR}/body.html").render(context)
    return RenderedMail(subject=subject, text=text, html=html)


def bounded(digest: Digest) -> Digest:
    """``digest`` cut to what one mail may show: :data:`MAX_SECTION_THREADS` threads per
    section, :data:`MAX_PARTICIPANTS` names per thread (then "+N more"),
    :data:`MAX_AWAITING` threads awaiting a reply, :data:`MAX_DESCRIPTION` characters
    per action. Subjects and names are shortened where they are shown (``one_line``).
    """
    sections = tuple(
        replace(section, threads=tuple(
            replace(thread, participants=_some(thread.participants))
            for thread in section.threads[:MAX_SECTION_THREADS]))
        for section in digest.sections
    )
    actions = tuple(replace(action, description=shorten(action.description, MAX_DESCRIPTION))
                    for action in digest.actions)
    return replace(digest, sections=sections, actions=actions,
                   awaiting_reply=digest.awaiting_reply[:MAX_AWAITING])


def _some(names: tuple[str, ...]) -> tuple[str, ...]:
    if len(names) <= MAX_PARTICIPANTS:
        return names
    return (*names[:MAX_PARTICIPANTS], f"+{len(names) - MAX_PARTICIPANTS} more")
