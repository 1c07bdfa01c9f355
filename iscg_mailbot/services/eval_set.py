"""The independent evaluation set: YAML threads (``eval/README.md``) read into records
and written out as the RFC 822 messages a list member would have received.

A thread is *held out* when ``int(sha1(id).hexdigest(), 16) % 3 == 0`` and *dev*
otherwise (:func:`split_of`). A bad entry is reported as one problem line naming the
file, the thread and the key, and skipped; the other threads are still read.

    >>> split_of("w1-001") in ("dev", "held-out")
    True
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import yaml

from iscg_mailbot.errors import ConfigError

DEV, HELD_OUT = "dev", "held-out"
SPLITS = (DEV, HELD_OUT)
KINDS = ("action", "question", "note")
DEFAULT_TO = "int-sect-team@lists.itu.int"
# Message-IDs of the set live in a domain that can never be real mail.
ID_DOMAIN = "eval.iscg-mailbot.invalid"
_REPLY_PREFIX = re.compile(r"^\s*(?:re|aw|sv|rif|r|ré|antw|odp|vs|ynt)\s*:", re.IGNORECASE)
_SAFE = re.compile(r"[^A-Za-z0-9_.-]+")


def split_of(thread_id: str) -> str:
    """``held-out`` for about a third of the ids (by SHA-1), ``dev`` for the rest."""
    return HELD_OUT if int(hashlib.sha1(thread_id.encode()).hexdigest(), 16) % 3 == 0 else DEV


@dataclass(frozen=True)
class EvalItem:
    """An item a message creates: kind, canonical owners (possibly none), due date."""

    kind: str
    owners: tuple[str, ...]
    due: date | None
    what: str = ""


@dataclass(frozen=True)
class EvalClosure:
    """A message completing item ``item`` (``m1#0``), or only ``owner``'s share of it."""

    message: str
    index: int
    owner: str | None = None


@dataclass(frozen=True)
class EvalMessage:
    """One message of a thread, as written in the set."""

    id: str
    sender: str
    date: datetime
    body: str
    to: str = DEFAULT_TO
    cc: str | None = None
    subject: str | None = None
    in_reply_to: str | None = None
    headers: tuple[tuple[str, str], ...] = ()
    actions: tuple[EvalItem, ...] = ()
    closes: tuple[EvalClosure, ...] = ()


@dataclass(frozen=True)
class EvalThread:
    """A labelled thread: its topics and its messages in the order written."""

    id: str
    subject: str
    topics: tuple[str, ...]
    messages: tuple[EvalMessage, ...]
    source: str = ""

    @property
    def split(self) -> str:
        return split_of(self.id)

    def message_id(self, message: str) -> str:
        """The Message-ID (without brackets) given to message ``message`` of this thread."""
        return f"{_SAFE.sub('_', self.id)}.{_SAFE.sub('_', message)}@{ID_DOMAIN}"


@dataclass
class EvalSet:
    """The threads read, and one line per entry that could not be read."""

    threads: list[EvalThread] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


class _Bad(ValueError):
    """An entry of the set that cannot be read (the message names the key)."""


def _files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    folder = path / "threads" if (path / "threads").is_dir() else path
    return sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")])


def load_eval_set(path: Path) -> EvalSet:
    """Read a set: a YAML file, a folder of them, or a folder with ``threads/*.yaml``.

    Raises FileNotFoundError when there is nothing to read; a malformed entry is a
    problem line, not an exception.
    """
    files = _files(path)
    if not files:
        raise FileNotFoundError(f"{path}: no *.yaml evaluation files found")
    result = EvalSet()
    seen: set[str] = set()
    for file in files:
        try:
            data = yaml.safe_load(file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
            result.problems.append(f"{file}: cannot be read: {_first_line(exc)}")
            continue
        entries = data.get("threads") if isinstance(data, dict) else None
        if not isinstance(entries, list):
            result.problems.append(f"{file}: expected a mapping with a 'threads' list")
            continue
        for position, entry in enumerate(entries):
            label = f"{file}: threads[{position}]"
            try:
                thread = _thread(entry, str(file))
            except _Bad as exc:
                name = entry.get("id") if isinstance(entry, dict) else None
                result.problems.append(f"{label}{f' ({name})' if name else ''}: {exc}")
                continue
            if thread.id in seen:
                result.problems.append(f"{label}: id {thread.id!r} used twice; skipped")
                continue
            seen.add(thread.id)
            result.threads.append(thread)
    return result


def read_set(path: Path) -> EvalSet:
    """:func:`load_eval_set`, for a command: the set at ``path`` (a YAML file or a
    folder), its unreadable entries as problem lines; ConfigError (one line) when it
    holds no evaluation file or no readable thread (``actions evaluate``, ``actions
    calibrate``, ``actions train``, ``overlaps evaluate``)."""
    try:
        loaded = load_eval_set(path)
    except (FileNotFoundError, NotADirectoryError) as exc:
        raise ConfigError(str(exc)) from None
    if not loaded.threads:
        raise ConfigError(f"{path}: no readable thread"
                          + (f" ({loaded.problems[0]})" if loaded.problems else ""))
    return loaded


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _text(entry: Mapping[str, Any], key: str, *, required: bool = True) -> str | None:
    value = entry.get(key)
    if value is None:
        if required:
            raise _Bad(f"{key!r} is missing")
        return None
    if isinstance(value, list):  # "to: [a, b]"
        return ", ".join(str(v) for v in value)
    return str(value)


def _thread(entry: Any, source: str) -> EvalThread:
    if not isinstance(entry, dict):
        raise _Bad("expected a mapping")
    thread_id = _text(entry, "id")
    assert thread_id is not None
    subject = _text(entry, "subject") or ""
    topics = entry.get("topics") or []
    if not isinstance(topics, list):
        raise _Bad("'topics' must be a list of topic ids")
    raw_messages = entry.get("messages")
    if not isinstance(raw_messages, list) or not raw_messages:
        raise _Bad("'messages' must be a non-empty list")
    messages: list[EvalMessage] = []
    for position, raw in enumerate(raw_messages):
        try:
            messages.append(_message(raw, position, messages))
        except _Bad as exc:
            raise _Bad(f"messages[{position}]: {exc}") from None
    _check_closures(messages)
    return EvalThread(thread_id, subject, tuple(str(t) for t in topics), tuple(messages), source)


def _message(raw: Any, position: int, earlier: list[EvalMessage]) -> EvalMessage:
    if not isinstance(raw, dict):
        raise _Bad("expected a mapping")
    message_id = _text(raw, "id", required=False) or f"m{position + 1}"
    when = _datetime(raw.get("date"))
    headers = raw.get("headers") or {}
    if not isinstance(headers, dict):
        raise _Bad("'headers' must be a mapping of header name to value")
    parent = _text(raw, "in_reply_to", required=False)
    if parent is not None and parent not in {m.id for m in earlier}:
        raise _Bad(f"in_reply_to {parent!r} is not an earlier message of the thread")
    return EvalMessage(
        id=message_id,
        sender=_text(raw, "from") or "",
        date=when,
        body=str(raw.get("body") or ""),
        to=_text(raw, "to", required=False) or DEFAULT_TO,
        cc=_text(raw, "cc", required=False),
        subject=_text(raw, "subject", required=False),
        in_reply_to=parent if parent is not None else (earlier[-1].id if earlier else None),
        headers=tuple((str(k), str(v)) for k, v in headers.items()),
        actions=tuple(_item(a, i) for i, a in enumerate(raw.get("actions") or [])),
        closes=tuple(_closure(c, i) for i, c in enumerate(raw.get("closes") or [])),
    )


def _datetime(value: Any) -> datetime:
    if isinstance(value, datetime):
        when = value
    else:
        try:
            when = datetime.fromisoformat(str(value))
        except ValueError:
            raise _Bad(f"'date' {value!r} is not an ISO date-time such as "
                       "2026-10-05T09:12:00+02:00") from None
    if when.tzinfo is None:
        raise _Bad(f"'date' {value!r} has no UTC offset (write e.g. +02:00)")
    return when


def _due(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise _Bad(f"due {value!r} is not YYYY-MM-DD") from None


def _owners(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    parts = value if isinstance(value, list) else str(value).split(",")
    return tuple(str(p).strip() for p in parts if str(p).strip())


def _item(raw: Any, position: int) -> EvalItem:
    if not isinstance(raw, dict):
        raise _Bad(f"actions[{position}]: expected a mapping")
    kind = str(raw.get("kind") or "action")
    if kind not in KINDS:
        raise _Bad(f"actions[{position}]: kind {kind!r} is not one of {', '.join(KINDS)}")
    try:
        due = _due(raw.get("due"))
    except _Bad as exc:
        raise _Bad(f"actions[{position}]: {exc}") from None
    return EvalItem(kind, _owners(raw.get("owner")), due, str(raw.get("what") or ""))


def _closure(raw: Any, position: int) -> EvalClosure:
    item = raw.get("item") if isinstance(raw, dict) else raw
    message, _, index = str(item or "").partition("#")
    if not message or not index.isdigit():
        raise _Bad(f"closes[{position}]: item {item!r} is not <message id>#<index>")
    owner = raw.get("owner") if isinstance(raw, dict) else None
    return EvalClosure(message, int(index), str(owner) if owner else None)


def _check_closures(messages: list[EvalMessage]) -> None:
    seen: dict[str, int] = {}
    for message in messages:
        for closure in message.closes:
            count = seen.get(closure.message)
            if count is None or closure.index >= count:
                raise _Bad(f"message {message.id}: closes {closure.message}#{closure.index}, "
                           "which is not an item of an earlier message")
        seen[message.id] = len(message.actions)


# --- RFC 822 ---------------------------------------------------------------------


def _ancestors(thread: EvalThread, message: EvalMessage) -> list[str]:
    by_id = {m.id: m for m in thread.messages}
    chain: list[str] = []
    parent = message.in_reply_to
    while parent is not None and parent not in chain:
        chain.append(parent)
        parent = by_id[parent].in_reply_to
    return list(reversed(chain))


def _subject(thread: EvalThread, message: EvalMessage) -> str:
    if message.subject is not None:
        return message.subject
    if message.in_reply_to is None or _REPLY_PREFIX.match(thread.subject):
        return thread.subject
    return f"Re: {thread.subject}"


def to_rfc822(thread: EvalThread, message: EvalMessage) -> bytes:
    """The message as bytes on the wire: headers of the set, the body as written.

    Replies carry In-Reply-To and References built from the thread's order (or the
    message's ``in_reply_to``). A ``Content-Type`` among the extra headers sets the
    body's charset (legacy charsets are encoded as such); other extra headers are added
    as they are.
    """
    mail = EmailMessage()
    mail["From"] = message.sender
    mail["To"] = message.to
    if message.cc:
        mail["Cc"] = message.cc
    mail["Date"] = format_datetime(message.date)
    mail["Subject"] = _subject(thread, message)
    mail["Message-ID"] = f"<{thread.message_id(message.id)}>"
    ancestors = _ancestors(thread, message)
    if ancestors:
        mail["In-Reply-To"] = f"<{thread.message_id(ancestors[-1])}>"
        mail["References"] = " ".join(f"<{thread.message_id(a)}>" for a in ancestors)
    charset, cte = "utf-8", None
    for name, value in message.headers:
        lowered = name.lower()
        if lowered == "content-type":
            found = re.search(r"charset\s*=\s*\"?([\w.:-]+)", value, re.IGNORECASE)
            charset = found.group(1) if found else charset
        elif lowered == "content-transfer-encoding":
            cte = value.strip().lower()
    body = message.body if message.body.endswith("\n") else message.body + "\n"
    try:
        body.encode(charset)
    except (LookupError, UnicodeEncodeError):
        charset = "utf-8"  # the writer's charset cannot hold the text: keep every character
    if cte not in (None, "7bit", "8bit", "quoted-printable", "base64"):
        cte = None
    mail.set_content(body, charset=charset, cte=cte)
    for name, value in message.headers:
        if name.lower() not in ("content-type", "content-transfer-encoding", "mime-version"):
            mail[name] = value
    return bytes(mail)


def thread_messages(threads: Iterable[EvalThread]) -> list[tuple[EvalThread, EvalMessage]]:
    """Every (thread, message) pair, in the order of the set."""
    return [(thread, message) for thread in threads for message in thread.messages]
