"""The benchmarks' generated corpus, two kinds (issue 17, honest measurement).

``repeated`` (the default, on which the issue's baseline was measured): the texts of
``bench/ingest.py``'s ``corpus_messages`` (the sample archive and, when present, the
shared list archives: 1,338 messages) cycled with fresh Message-IDs and each copy's
dates a year later (``bench/ingest.variant``). At 20k messages every text comes ~15
times, and caches keyed by a word, a chunk or a sentence hit on the copies as they would
not on a real archive.

``distinct``: the first copy the same; every later copy (a "cycle") varies the texts
deterministically, as the same list's mail of another year would:

- people: the members of ``config/members.yaml`` permuted within their role (and
  advisory group; the secretariat within its unit), the other writers among themselves:
  full names, first names ("Dear Klaus"), "Ms Solheim", "Yuki SATO" and addresses, in
  the headers and the bodies;
- dates: the Date header and the dates in the text ("24 July 2026", "July 24",
  "01/07/2026", "2026-07-24") move by the cycle's offset, whole weeks (weekdays stay
  right) of about a year a cycle;
- document and meeting numbers: TDs, contributions, Resolutions (not those
  ``config/topics.yaml`` names), ISCG meeting numbers, commit hashes; study groups,
  Questions and working parties replaced by others whose entries in
  ``config/itu_bodies.yaml`` give the same topics (unlisted ones by unlisted ones);
- wording: greetings and sign-offs (in the writer's register), contractions, British or
  American spelling, and words of a lexicon of near-synonyms (none a word of a topic's
  phrase), chosen afresh in each line;
- sentence order: two sentences of a paragraph of new text swap places when neither
  leans on the other (no "this", "also", "but" ... at their start, no list, no colon);
- quoting: a reply's quoted text is its parent's (any ancestor's) text as varied, line
  for line (a quoted paragraph whose sentences moved, as moved).

Subjects get the deterministic changes only (names, dates, numbers), so a thread's
replies keep its subject. ``python bench/corpus.py`` prints, for both kinds, the share
of distinct sentences and, with ``--analyse``, the action items found a message, topics
a thread and the analysis CPU a message (a serial import, bench/analysis.py's child).

Usage: python bench/corpus.py [--messages 4000] [--analyse] [--corpus-cache DIR]
"""

from __future__ import annotations

import argparse
import base64
import email
import hashlib
import json
import mailbox
import os
import quopri
import random
import re
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from email import policy as email_policy
from email.header import decode_header, make_header
from email.utils import format_datetime, formataddr, getaddresses, parsedate_to_datetime
from functools import cached_property, wraps
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

KINDS = ("repeated", "distinct")
#: The chance that a line of five words or more that nothing else changed gets a typo.
TYPOS = 0.5
#: Part of the distinct corpus's cache file name: bump it when the variation changes.
DISTINCT_VERSION = 1


def add_corpus_option(parser: argparse.ArgumentParser, several: bool = False) -> None:
    """``--corpus repeated|distinct`` (``several``: a comma-separated list of them, each
    measured in the same run), the same in every benchmark writing the corpus."""
    parser.add_argument(
        "--corpus", default="repeated", type=_kinds if several else _kind,
        help="repeated: the ~1,338 texts cycled with fresh ids only (the issue's baseline); "
             "distinct: every copy after the first varies its texts (bench/corpus.py)"
             + ("; several, comma-separated, are measured one after the other" if several
                else ""))


def _kind(value: str) -> str:
    if value not in KINDS:
        raise argparse.ArgumentTypeError(f"not one of {', '.join(KINDS)}: {value}")
    return value


def _kinds(value: str) -> list[str]:
    return [_kind(v.strip()) for v in value.split(",") if v.strip()]


def kinds(value: str | list[str]) -> list[str]:
    """The kinds ``--corpus`` asked for, as a list (its default is one string)."""
    return [value] if isinstance(value, str) else value


def cache_name(count: int, kind: str) -> str:
    """The file name of a cached corpus (the repeated one keeps its name of before)."""
    if kind == "repeated":
        return f"corpus-{count}.mbox"
    return f"corpus-{kind}-v{DISTINCT_VERSION}-{count}.mbox"


def messages(count: int, kind: str = "repeated") -> Iterator[bytes]:
    """The corpus's ``count`` messages in order (copy after copy of the base texts)."""
    from bench.ingest import corpus_messages, variant

    if kind not in KINDS:
        raise ValueError(f"unknown corpus kind {kind!r}")
    base = corpus_messages()
    varied = Distinct(base) if kind == "distinct" else None
    for n in range(count):
        cycle = n // len(base)
        raw = base[n % len(base)]
        yield variant(raw, cycle) if varied is None else varied.variant(n % len(base), cycle)


def write_mbox(path: Path, count: int, kind: str = "repeated") -> Path:
    box = mailbox.mbox(path)
    box.lock()
    for raw in messages(count, kind):
        box.add(raw)
    box.flush()
    box.unlock()
    box.close()
    return path


# --- the variation ---------------------------------------------------------------------

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_MONTH = {m.lower(): i + 1 for i, m in enumerate(_MONTHS)}
_MONTH.update({m[:3].lower(): i + 1 for i, m in enumerate(_MONTHS)})
_MONTH["sept"] = 9
_MONTH_RE = r"(January|February|March|April|May|June|July|August|September|October|" \
            r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
_DAY_MONTH = re.compile(r"\b(\d{1,2})(st|nd|rd|th)? " + _MONTH_RE + r"\b(\.?)(,? (\d{4}))?")
_MONTH_DAY = re.compile(r"\b" + _MONTH_RE + r"(\.?) (\d{1,2})(st|nd|rd|th)?\b(,? (\d{4}))?")
_MONTH_YEAR = re.compile(r"\b" + _MONTH_RE + r" (\d{4})\b")
_SLASHED = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")

_QUOTE = re.compile(r"^((?:[ \t]*>)+[ \t]?)")
_HEX = re.compile(r"\b(?=[0-9a-f]*[a-f])(?=[0-9a-f]*[0-9])[0-9a-f]{12,40}\b")
_TD = re.compile(r"\b(TD|LS|C)( ?)(\d{1,4})\b(?!/\d|\.\d)")
_CONTRIB = re.compile(r"\bC(\d{2})/(\d{1,3})\b")
_RESOLUTION = re.compile(r"\b(Resolutions?|Res\.) (\d{1,3})\b")
_ISCG_MEETING = re.compile(r"\bISCG-(\d{2})/(\d)\b")
_SG = re.compile(r"\bSG ?(\d{1,2})\b")
_QUESTION = re.compile(r"\b(Question |Q)(\d{1,2})/(\d{1,2})\b")
_WP = re.compile(r"\bWP ?(\d)([A-F])\b")

#: Greeting lines: a salutation, whom (a few words at most), a comma or nothing.
_GREETING = re.compile(r"^(Dear|Hi|Hello|Hey|Good morning|Good afternoon)(\s+)"
                       r"([^\s,!:]+(?: [^\s,!:]+){0,3})([,!:]?)\s*$")
_FORMAL_HELLO = ("Dear", "Dear", "Hello", "Good morning")
_INFORMAL_HELLO = ("Hi", "Hello", "Hey", "Hi")
_ALL = {"all": ("all", "colleagues", "everyone"), "colleagues": ("colleagues", "all"),
        "everyone": ("everyone", "all", "folks"), "folks": ("folks", "all", "everyone")}
_FORMAL_BYE = ("Best regards,", "Kind regards,", "Regards,", "With best regards,",
               "Best wishes,", "With kind regards,", "Many thanks and best regards,")
_INFORMAL_BYE = ("Thanks,", "Cheers,", "Thanks!", "Best,", "Regards,", "Thanks again,",
                 "Thank you,", "Many thanks,")
_BYE = {line.lower(): group for group in (_FORMAL_BYE, _INFORMAL_BYE) for line in group}

#: Near-synonyms, each group's words interchangeable in most sentences; no modal verb,
#: no word the action rules turn on (please, will, need, ask ...).
_LEXICON: tuple[tuple[str, ...], ...] = (
    ("maybe", "perhaps", "possibly"), ("really", "truly", "genuinely"), ("big", "large"),
    ("huge", "enormous", "massive"), ("problem", "issue"), ("problems", "issues"),
    ("difficult", "tricky"), ("easy", "simple", "straightforward"), ("quick", "fast"),
    ("obvious", "evident"), ("obviously", "clearly", "evidently"),
    ("interesting", "intriguing"), ("entire", "whole"), ("often", "frequently"),
    ("usually", "typically", "generally"), ("basically", "essentially", "fundamentally"),
    ("actually", "in fact", "really"), ("probably", "most likely", "presumably"),
    ("certainly", "definitely", "surely"), ("currently", "at the moment", "presently"),
    ("recently", "lately"), ("quickly", "rapidly", "swiftly"), ("idea", "notion"),
    ("for example", "for instance", "e.g."), ("therefore", "thus", "hence"),
    ("discussion", "conversation", "debate"), ("discussions", "conversations", "debates"),
    ("topic", "subject", "theme"), ("mostly", "largely", "mainly"),
    ("slightly", "somewhat", "a bit"), ("completely", "entirely", "fully", "totally"),
    ("happy", "glad", "pleased"), ("agree", "concur"), ("suggest", "propose"),
    ("suggestion", "proposal"), ("useful", "helpful", "valuable"),
    ("important", "significant", "crucial"), ("several", "a number of", "various"),
    ("a lot of", "lots of", "plenty of"), ("people", "folks"),
    ("anyway", "in any case", "anyhow"), ("indeed", "in fact"), ("similar", "comparable"),
    ("different", "distinct"), ("possible", "feasible"),
    ("especially", "particularly", "notably"), ("sure", "certain"),
    ("comments", "remarks", "feedback"), ("slides", "deck"), ("soon", "shortly"),
    ("fine", "okay", "OK"), ("thanks for", "thank you for", "many thanks for"),
    ("unfortunately", "sadly", "regrettably"), ("apparently", "seemingly"),
    ("exactly", "precisely"), ("roughly", "approximately"), ("eventually", "ultimately"),
    ("initially", "at first", "originally"), ("honestly", "frankly"), ("nearly", "almost"),
    ("current", "present"), ("previous", "prior"), ("email", "e-mail"),
    ("kind of", "sort of"), ("absolutely", "definitely"),
    ("don't", "do not"), ("doesn't", "does not"), ("didn't", "did not"),
    ("isn't", "is not"), ("aren't", "are not"), ("wasn't", "was not"),
    ("can't", "cannot"), ("it's", "it is"), ("that's", "that is"),
    ("there's", "there is"), ("I'm", "I am"), ("we're", "we are"), ("I've", "I have"),
    ("we've", "we have"), ("haven't", "have not"), ("hasn't", "has not"),
    ("wouldn't", "would not"), ("couldn't", "could not"), ("shouldn't", "should not"),
    ("organise", "organize"), ("organised", "organized"), ("organising", "organizing"),
    ("prioritise", "prioritize"), ("recognise", "recognize"), ("realise", "realize"),
    ("realised", "realized"), ("finalise", "finalize"), ("finalised", "finalized"),
    ("summarise", "summarize"), ("behaviour", "behavior"), ("favour", "favor"),
    ("analyse", "analyze"), ("optimise", "optimize"), ("apologise", "apologize"),
)
#: A contraction stays one before a pronoun ("isn't it", not "is not it"); a long form
#: becomes one only before a word ("it is." stays).
_PRONOUN = re.compile(r"\s+(it|you|we|they|he|she|I|that|there|this)\b", re.IGNORECASE)
_SHORT = re.compile(r"\w+'\w+|cannot")


_SHARED: dict[str, Any] = {}


def _shared(function: Any) -> Any:
    """A property read once for all corpora (what it reads is the tree's configuration
    and code, not the base messages)."""
    @wraps(function)
    def get(self: Any) -> Any:
        if function.__name__ not in _SHARED:
            _SHARED[function.__name__] = function(self)
        return _SHARED[function.__name__]

    return property(get)


def _seed(*parts: object) -> random.Random:
    return random.Random(hashlib.sha1("\x1f".join(map(str, parts)).encode()).hexdigest())


def _case_like(word: str, model: str) -> str:
    if model[:1].isupper() and word[:1].islower():
        return word[:1].upper() + word[1:]
    return word


class Distinct:
    """Varies the base messages per cycle (see the module's docstring)."""

    def __init__(self, base: list[bytes]) -> None:
        self.base = base
        self._lines: dict[tuple[int, str], dict[str, str]] = {}
        self._paragraphs: dict[tuple[int, str], dict[str, list[str]]] = {}
        self._parent: dict[str, str] = {}
        self._cycle_maps: dict[int, _Maps] = {}

    # -- what is fixed for the whole corpus --------------------------------------------

    @cached_property
    def people(self) -> tuple[list[list[tuple[str, str, tuple[str, ...]]]],
                              list[tuple[str, tuple[str, ...]]]]:
        """Groups of members (name, address, aliases) who may stand in for each other,
        and the other writers (name, address)."""
        import yaml

        data = yaml.safe_load((ROOT / "config" / "members.yaml").read_text("utf-8"))
        groups: dict[tuple[str, str, str], list[tuple[str, str, tuple[str, ...]]]] = {}
        known: set[str] = set()
        for m in data["members"]:
            role = str(m.get("role", ""))
            unit = str(m.get("organisation", "")) if role == "secretariat" else ""
            key = (role, str(m.get("advisory_group", "")), unit)
            aliases = tuple(str(a).lower() for a in m.get("aliases") or ())
            groups.setdefault(key, []).append((str(m["name"]), str(m["address"]).lower(), aliases))
            known.add(str(m["address"]).lower())
            known.update(aliases)
        others: dict[str, str] = {}
        for raw in self.base:
            head = raw.partition(b"\n\n")[0].decode("utf-8", "replace")
            field = re.search(r"^From:[ \t]*(.*(?:\n[ \t].*)*)", head, re.MULTILINE)
            if not field:
                continue
            [(name, address)] = getaddresses([_decoded(field.group(1))])[:1] or [("", "")]
            name = name.strip().strip('"')
            words = name.split()
            if (address.lower() in known or not 2 <= len(words) <= 3
                    or not all(re.fullmatch(r"[A-Z][\w'.-]*[a-z][\w'.-]*", w) for w in words)):
                continue
            others.setdefault(address.lower(), name)
        by_name: dict[str, list[str]] = {}
        for address, name in sorted(others.items()):
            by_name.setdefault(name, []).append(address)
        pool = sorted((name, tuple(addresses)) for name, addresses in by_name.items())
        return [sorted(g) for g in groups.values()], pool

    @_shared
    def bodies(self) -> dict[str, list[list[str]]]:
        """Study groups, Questions and working parties, by kind, in classes whose members
        give the same evidence (config/itu_bodies.yaml: same Sectors, same topics)."""
        import yaml

        data = yaml.safe_load((ROOT / "config" / "itu_bodies.yaml").read_text("utf-8"))
        evidence: dict[str, set[tuple[str, tuple[str, ...]]]] = {}
        for entry in data["bodies"]:
            sector, _, name = str(entry["body"]).partition(" ")
            key = name.replace(" ", "")
            evidence.setdefault(key, set()).add((sector, tuple(sorted(entry.get("topics") or ()))))
        names: dict[str, list[str]] = {
            "SG": [f"SG{n}" for n in range(1, 22)],
            "Q": [f"Q{q}/{sg}" for sg in range(1, 22) for q in range(1, 30)],
            "WP": [f"WP{n}{x}" for n in range(1, 8) for x in "ABCDEF"],
        }
        classes: dict[str, list[list[str]]] = {}
        for kind, all_names in names.items():
            by: dict[Any, list[str]] = {}
            for name in all_names:
                sg = name.split("/")[1] if kind == "Q" else ""
                by.setdefault((frozenset(evidence.get(name, ())), sg), []).append(name)
            classes[kind] = [sorted(c) for c in by.values() if len(c) > 1]
        return classes

    @_shared
    def protected_words(self) -> set[str]:
        """The words of the topics' phrases: the lexicon leaves them alone."""
        import yaml

        words: set[str] = set()

        def walk(node: object) -> None:
            if isinstance(node, dict):
                for key, value in node.items():
                    if key == "phrase" and isinstance(value, str):
                        words.update(w.lower() for w in re.findall(r"[\w'-]+", value))
                    else:
                        walk(value)
            elif isinstance(node, list):
                for value in node:
                    walk(value)

        walk(yaml.safe_load((ROOT / "config" / "topics.yaml").read_text("utf-8")))
        return words

    @_shared
    def lexicon(self) -> tuple[re.Pattern[str], dict[str, tuple[str, ...]]]:
        groups: dict[str, tuple[str, ...]] = {}
        for group in _LEXICON:
            kept = tuple(w for w in group
                         if not set(re.findall(r"[\w-]+", w.lower())) & self.protected_words)
            if len(set(kept)) < 2:
                continue
            for word in kept:
                groups.setdefault(word.lower(), kept)
        words = sorted(groups, key=len, reverse=True)
        alternation = "|".join(re.escape(w).replace("'", "['’]") for w in words)
        return re.compile(r"(?<![\w'=/.-])(?:\b(an?|An?) )?(" + alternation + r")(?![\w'=/:-])",
                          re.IGNORECASE), groups

    @_shared
    def protected_resolutions(self) -> set[int]:
        text = (ROOT / "config" / "topics.yaml").read_text("utf-8") + \
            (ROOT / "config" / "itu_bodies.yaml").read_text("utf-8")
        return {int(n) for n in re.findall(r"\bRes(?:olution|\.)? (\d{1,3})\b", text)}

    # -- one cycle's maps ----------------------------------------------------------------

    def maps(self, cycle: int) -> _Maps:
        if cycle not in self._cycle_maps:
            self._cycle_maps[cycle] = _Maps(self, cycle)
        return self._cycle_maps[cycle]

    # -- one message -------------------------------------------------------------------

    def variant(self, index: int, cycle: int) -> bytes:
        raw = self.base[index]
        if cycle == 0:
            return raw
        maps = self.maps(cycle)
        head, sep, body = raw.partition(b"\n\n")
        fields = _fields(head.decode("utf-8", "surrogateescape"))
        key = _field(fields, "message-id") or f"#{index}"
        parent = _ids(_field(fields, "in-reply-to"))[-1:] or _ids(_field(fields, "references"))[-1:]
        if parent:
            self._parent[key] = parent[0]
        when = self._date(fields)
        out: list[str] = []
        for field in fields:
            name = field.split(":", 1)[0].lower()
            if name == "date" and when is not None:
                field = "Date: " + format_datetime(when + timedelta(days=maps.days))
            elif name in ("message-id", "in-reply-to", "references"):
                # The ids of the cycle, as bench/ingest.variant writes them (not the
                # addresses of the other fields, which it rewrites too).
                field = re.sub(r"<([^<>\s]+)>", lambda m: f"<c{cycle}.{m.group(1)}>", field)
            elif name in ("from", "to", "cc", "reply-to", "sender"):
                field = _address_field(field, maps)
            elif name == "subject":
                field = maps.fixed(field, when)
            out.append(field)
        text_head = "\n".join(out)
        body_text = self._body(head.decode("utf-8", "surrogateescape"), body, key, cycle, when)
        if body_text is None:
            return text_head.encode("utf-8", "surrogateescape") + sep + body
        new_head, new_body = body_text
        return _header_fix(text_head, new_head).encode("utf-8", "surrogateescape") + sep + new_body

    @staticmethod
    def _date(fields: list[str]) -> datetime | None:
        value = _field(fields, "date")
        try:
            return parsedate_to_datetime(value) if value else None
        except (TypeError, ValueError):
            return None

    def _ancestors(self, key: str, cycle: int) -> list[tuple[dict[str, str], dict[str, list[str]]]]:
        found = []
        seen = {key}
        while key in self._parent and len(found) < 30:
            key = self._parent[key]
            if key in seen:
                break
            seen.add(key)
            if (cycle, key) in self._lines:
                found.append((self._lines[(cycle, key)], self._paragraphs[(cycle, key)]))
        return found

    def _body(self, head: str, body: bytes, key: str, cycle: int,
              when: datetime | None) -> tuple[str, bytes] | None:
        """The head's content fields (charset, encoding) and the body, varied; None when
        the message has no text to vary."""
        lines: dict[str, str] = {}
        paragraphs: dict[str, list[str]] = {}
        self._lines[(cycle, key)] = lines
        self._paragraphs[(cycle, key)] = paragraphs
        ancestors = self._ancestors(key, cycle)
        rng = _seed("body", cycle, key)

        def vary(text: str) -> str:
            return self._vary_text(text, cycle, when, rng, ancestors, lines, paragraphs)

        ctype = (_field(_fields(head), "content-type") or "text/plain").lower()
        if ctype.startswith("text/plain"):
            return _recode(head, body, vary)
        if not ctype.startswith("multipart/"):
            return None
        message = email.message_from_bytes(head.encode("utf-8", "surrogateescape") + b"\n\n" + body,
                                           policy=email_policy.compat32)
        if not sum(_vary_part(part, vary) for part in message.walk()):
            return None
        whole = message.as_bytes(policy=email_policy.compat32)
        return "", whole.partition(b"\n\n")[2]

    # -- the text ----------------------------------------------------------------------

    def _vary_text(self, text: str, cycle: int, when: datetime | None, rng: random.Random,
                   ancestors: list[tuple[dict[str, str], dict[str, list[str]]]],
                   lines: dict[str, str], paragraphs: dict[str, list[str]]) -> str:
        state = _Text(self.maps(cycle), when, rng, ancestors, lines, paragraphs)
        source = text.split("\n")
        out: list[str] = []
        i = 0
        while i < len(source):
            # A paragraph: consecutive non-blank lines with the same quote prefix.
            prefix = _prefix(source[i])
            j = i
            while (j < len(source) and source[j].strip(" \t>") and _prefix(source[j]) == prefix):
                j += 1
            if j == i:
                out.append(source[i])
                i += 1
                continue
            if source[i].rstrip() == "--":
                state.in_signature = True
            content = [line[len(prefix):] for line in source[i:j]]
            out.extend(prefix + line for line in self._paragraph(content, prefix, state))
            i = j
        return "\n".join(out)

    def _paragraph(self, content: list[str], prefix: str, state: _Text) -> list[str]:
        """A paragraph varied: as an ancestor's quoted text was (whole or line by line),
        or afresh."""
        whole = "\n".join(content)
        varied = next((p[whole] for _, p in state.ancestors if whole in p), None)
        if varied is not None:
            state.paragraphs[whole] = varied
            return varied
        prose = not state.in_signature
        moved = None if prefix or state.in_signature else self._swap(content, state.rng)
        varied, fresh = [], []
        for line in moved or content:
            found = None if moved else next((m[line] for m, _ in state.ancestors if line in m), None)
            fresh.append(found is None)
            varied.append(self._vary_line(line, state.maps, state.when, state.rng, prose)
                          if found is None else found)
        if prose and all(fresh):
            # The words sentence by sentence (a sentence runs over lines).
            joined = self._prose("\n".join(varied), state.rng)
            if joined.count("\n") == len(varied) - 1:
                varied = joined.split("\n")
        elif prose:
            varied = [self._prose(line, state.rng) if new else line
                      for line, new in zip(varied, fresh, strict=True)]
        if not moved:
            state.lines.update(zip(content, varied, strict=True))
        state.paragraphs[whole] = varied
        return varied

    _LEANS = re.compile(r"^(This|That|These|Those|It|They|He|She|Also|And|But|So|Or|Then|"
                        r"However|Therefore|Thus|Otherwise|Instead|Still|Yet|Which|Both|"
                        r"Here|There|Such|Again|Similarly|Likewise|In that|For that|"
                        r"Anyway|Hence|Plus|Besides|Moreover|Furthermore|Finally|Once)\b")

    def _swap(self, content: list[str], rng: random.Random) -> list[str] | None:
        """The paragraph's first two sentences swapped, reflowed to its width; None when
        that would not read well (one sentence, a list, a colon, a sentence leaning on
        the one before it) or a coin says no."""
        if len(content) < 2 or rng.random() < 0.5:
            return None
        if any(re.match(r"\s*([-*•+]|\d+[.)]|[a-z][.)])\s", line) or line.startswith((" ", "\t"))
               for line in content):
            return None
        text = " ".join(line.strip() for line in content)
        sentences = re.split(r"(?<=[a-z0-9)][.!?])\s+(?=[A-Z])", text)
        if len(sentences) < 2 or ":" in text or "http" in text:
            return None
        first, second = sentences[0], sentences[1]
        if (self._LEANS.match(second) or self._LEANS.match(first) or not first.endswith(".")
                or not second.endswith((".", "!")) or len(first.split()) < 4
                or len(second.split()) < 4):
            return None
        moved = " ".join([second, first, *sentences[2:]])
        width = max(len(line) for line in content)
        out: list[str] = []
        line = ""
        for word in moved.split():
            if line and len(line) + 1 + len(word) > width:
                out.append(line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        out.append(line)
        return out

    def _vary_line(self, line: str, maps: _Maps, when: datetime | None, rng: random.Random,
                   prose: bool) -> str:
        varied = maps.fixed(line, when)
        if not prose:
            return varied
        bye = _BYE.get(varied.strip().lower())
        if bye is not None:
            return rng.choice(bye)
        greeting = _GREETING.match(varied)
        if greeting:
            hello, space, whom, mark = greeting.groups()
            formal = hello in ("Dear", "Good morning", "Good afternoon")
            hello = rng.choice(_FORMAL_HELLO if formal else _INFORMAL_HELLO)
            choices = _ALL.get(whom.lower())
            if choices:
                whom = rng.choice(choices)
            return f"{hello}{space}{whom}{mark or ','}"
        return varied

    def _prose(self, text: str, rng: random.Random) -> str:
        """The words of each sentence varied (see _words); a sentence of five words or
        more that came back as it was gets a typo, at the rate of TYPOS."""
        parts = re.split(r"((?<=[.!?])\s+)", text)
        for k in range(0, len(parts), 2):
            sentence = parts[k]
            if sentence.startswith((">", "|")) or not re.search(r"[a-z]", sentence):
                continue
            new = self._words(sentence, rng)
            if new == sentence and len(sentence.split()) >= 5 and rng.random() < TYPOS:
                new = self._typo(new, rng)
            parts[k] = new
        return "".join(parts)

    def _words(self, varied: str, rng: random.Random) -> str:
        """Words of the lexicon drawn afresh; when none came out different, one is made
        to (a sentence with one of its words never comes back as it was)."""
        pattern, groups = self.lexicon
        slots = list(pattern.finditer(varied))
        picks = [rng.choice(groups[m.group(2).lower().replace("’", "'")]) for m in slots]
        if slots and all(p.lower() == m.group(2).lower() for p, m in zip(picks, slots, strict=True)):
            k = rng.randrange(len(slots))
            word = slots[k].group(2).lower().replace("’", "'")
            picks[k] = rng.choice([w for w in groups[word] if w.lower() != word] or [word])
        out, at = [], 0
        for match, pick in zip(slots, picks, strict=True):
            article, word = match.group(1), match.group(2)
            new = _case_like(pick, word)
            after = varied[match.end():]
            if "'" in word or "’" in word:
                if _PRONOUN.match(after):
                    new = word
            elif _SHORT.fullmatch(new) and not re.match(r"\s+[A-Za-z]", after):
                new = word
            if article:
                vowel = new[:1].lower() in "aeio" or new.lower().startswith(("un", "hon"))
                new = f"{_case_like('an' if vowel else 'a', article)} {new}"
            out.append(varied[at:match.start()] + new)
            at = match.end()
        out.append(varied[at:])
        return "".join(out)

    def _typo(self, line: str, rng: random.Random) -> str:
        """Two letters of a word swapped, as typing does: a word of six letters or more
        that no code or configuration of the product mentions (no rule turns on it)."""
        words = [m for m in re.finditer(r"(?<![\w@./:-])[a-z]{6,}(?![\w@/:-])", line)
                 if m.group(0) not in self.code_words]
        if not words:
            return line
        match = rng.choice(words)
        word = match.group(0)
        i = rng.randrange(1, len(word) - 2)
        typo = word[:i] + word[i + 1] + word[i] + word[i + 2:]
        return line[:match.start()] + typo + line[match.end():]

    @_shared
    def code_words(self) -> set[str]:
        """Every word of the product's string literals (docstrings left out: they are
        prose), configuration and shipped data: the words a rule may turn on."""
        import ast

        texts: list[str] = []
        for path in (ROOT / "iscg_mailbot").rglob("*.py"):
            tree = ast.parse(path.read_text("utf-8"))
            docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                          if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef,
                                               ast.AsyncFunctionDef))
                          and node.body and isinstance(node.body[0], ast.Expr)
                          and isinstance(node.body[0].value, ast.Constant)}
            texts.extend(node.value for node in ast.walk(tree)
                         if isinstance(node, ast.Constant) and isinstance(node.value, str)
                         and id(node) not in docstrings)
        for path in [*(ROOT / "config").glob("*"), *(ROOT / "iscg_mailbot" / "data").rglob("*")]:
            if path.is_file() and path.suffix != ".mbox":
                try:
                    texts.append(path.read_text("utf-8"))
                except (OSError, UnicodeDecodeError):
                    continue
        return {w.lower() for text in texts for w in re.findall(r"[A-Za-z]+", text)}


@dataclass
class _Text:
    """What varying one message's text needs: the cycle's maps, its date, its random
    draws, its ancestors' varied lines and paragraphs and its own (filled here)."""

    maps: _Maps
    when: datetime | None
    rng: random.Random
    ancestors: list[tuple[dict[str, str], dict[str, list[str]]]]
    lines: dict[str, str]
    paragraphs: dict[str, list[str]]
    in_signature: bool = False


class _Maps:
    """One cycle's deterministic changes: people, dates, numbers."""

    def __init__(self, corpus: Distinct, cycle: int) -> None:
        self.cycle = cycle
        self.days = 364 * cycle + 7 * _seed("days", cycle).randrange(9)
        groups, others = corpus.people
        names: dict[str, str] = {}
        addresses: dict[str, str] = {}
        rng = _seed("people", cycle)
        for group in groups:
            order = list(group)
            rng.shuffle(order)
            for (name, address, aliases), (to_name, to_address, _) in zip(group, order, strict=True):
                self._person(names, name, to_name, member=True)
                for from_address in (address, *aliases):
                    addresses[from_address] = to_address
        order = list(others)
        rng.shuffle(order)
        for (name, own), (to_name, to_own) in zip(others, order, strict=True):
            self._person(names, name, to_name, member=False)
            for address in own:
                addresses[address] = to_own[0]
        self.names = names
        self.addresses = addresses
        self._names = re.compile(
            r"(?<![\w.@-])(" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
            + r")(?![\w@-])") if names else None
        self._addresses = re.compile(
            r"(?<![\w.+-])(" + "|".join(re.escape(a) for a in sorted(addresses, key=len, reverse=True))
            + r")(?![\w@+-]|\.\w)", re.IGNORECASE) if addresses else None
        self.bodies: dict[str, str] = {}
        for kind_classes in corpus.bodies.values():
            for members in kind_classes:
                order = list(members)
                _seed("bodies", cycle, members[0]).shuffle(order)
                self.bodies.update(zip(members, order, strict=True))
        self.protected_resolutions = corpus.protected_resolutions

    _WORDS = frozenset({"Will", "Mark", "Bill", "Frank", "Grant", "Guy", "May", "Rob", "Pat",
                        "Art", "Sage", "Max", "Hope", "Joy", "Rich", "Chuck", "Miles",
                        "Jack", "Dick", "Sun"})

    def _person(self, names: dict[str, str], name: str, to: str, member: bool) -> None:
        names.setdefault(name, to)
        words, to_words = name.split(), to.split()
        if words[0] not in self._WORDS and to_words[0] not in self._WORDS:
            names.setdefault(words[0], to_words[0])
        if member and len(words) >= 2:
            names.setdefault(f"{words[0]} {words[-1].upper()}", f"{to_words[0]} {to_words[-1].upper()}")
            for title in ("Mr", "Ms", "Mrs", "Dr", "Prof.", "Mr.", "Ms.", "Dr."):
                names.setdefault(f"{title} {words[-1]}", f"{title} {to_words[-1]}")
            names.setdefault(words[-1].upper(), to_words[-1].upper())

    def number(self, kind: str, value: int, low: int, high: int) -> int:
        return _seed(kind, self.cycle, value).randrange(low, high)

    def fixed(self, text: str, when: datetime | None) -> str:
        """The deterministic changes of a line (names, addresses, dates, numbers)."""
        if self._addresses is not None:
            text = self._addresses.sub(lambda m: self.addresses[m.group(1).lower()], text)
        if self._names is not None:
            text = self._names.sub(lambda m: self.names[m.group(1)], text)
        text = self._dates(text, when)
        text = _TD.sub(lambda m: f"{m.group(1)}{m.group(2)}"
                       f"{self.number(m.group(1), int(m.group(3)), 10, 1600 if m.group(1) == 'TD' else 400)}",
                       text)
        text = _CONTRIB.sub(lambda m: f"C{(int(m.group(1)) + self.cycle) % 100:02d}/"
                            f"{self.number('C', int(m.group(2)), 1, 120)}", text)
        text = _RESOLUTION.sub(self._resolution, text)
        text = _ISCG_MEETING.sub(lambda m: f"ISCG-{(int(m.group(1)) + self.cycle) % 100:02d}/"
                                 f"{m.group(2)}", text)
        text = _SG.sub(lambda m: self._itu_body("SG" + m.group(1), m.group(0)), text)
        text = _QUESTION.sub(self._question, text)
        text = _WP.sub(lambda m: self._itu_body(f"WP{m.group(1)}{m.group(2)}", m.group(0)), text)
        text = _HEX.sub(lambda m: hashlib.sha1(f"{self.cycle}:{m.group(0)}".encode())
                        .hexdigest()[:len(m.group(0))], text)
        return text

    def _resolution(self, match: re.Match[str]) -> str:
        number = int(match.group(2))
        if number in self.protected_resolutions:
            return match.group(0)
        new = number
        for attempt in range(20):
            new = _seed("res", self.cycle, number, attempt).randrange(1, 220)
            if new not in self.protected_resolutions:
                break
        return f"{match.group(1)} {new}"

    def _itu_body(self, key: str, written: str) -> str:
        """A study group's or working party's name as written ("SG17", "WP 5D"), of
        another body of its class."""
        new = self.bodies.get(key)
        if new is None:
            return written
        return new[:2] + (" " if " " in written else "") + new[2:]

    def _question(self, match: re.Match[str]) -> str:
        new = self.bodies.get(f"Q{match.group(2)}/{match.group(3)}")
        if new is None:
            return match.group(0)
        return match.group(1) + new[1:]

    def _dates(self, text: str, when: datetime | None) -> str:
        if not re.search(r"\d", text):
            return text
        return _DateShift(timedelta(days=self.days), when.year if when else 2024).apply(text)


class _DateShift:
    """The dates of a text moved by ``shift`` (``year`` for those written without one)."""

    def __init__(self, shift: timedelta, year: int) -> None:
        self.shift = shift
        self.year = year

    def apply(self, text: str) -> str:
        parts: list[str] = []
        # Each date is replaced once: a placeholder keeps the later patterns off it.
        for pattern, function in ((_DAY_MONTH, self.day_month), (_MONTH_DAY, self.month_day),
                                  (_MONTH_YEAR, self.month_year), (_SLASHED, self.slashed),
                                  (_ISO, self.iso)):
            def keep(match: re.Match[str], function: Any = function) -> str:
                parts.append(function(match))
                return f"\x00{len(parts) - 1}\x00"

            text = pattern.sub(keep, text)
        return re.sub(r"\x00(\d+)\x00", lambda m: parts[int(m.group(1))], text)

    def moved(self, y: int, m: int, d: int) -> date | None:
        try:
            return date(y, m, d) + self.shift
        except ValueError:
            return None

    @staticmethod
    def month_name(new: date, written: str) -> str:
        name = _MONTHS[new.month - 1]
        return name if len(written) > 3 else name[:3]

    def day_month(self, match: re.Match[str]) -> str:
        day, suffix, month, dot, tail, y = match.groups()
        new = self.moved(int(y) if y else self.year, _MONTH[month.lower()], int(day))
        if new is None:
            return match.group(0)
        suffix = _ordinal(new.day) if suffix else ""
        year = tail.replace(y, str(new.year)) if tail else ""
        return f"{new.day}{suffix} {self.month_name(new, month)}{dot}{year}"

    def month_day(self, match: re.Match[str]) -> str:
        month, dot, day, suffix, tail, y = match.groups()
        new = self.moved(int(y) if y else self.year, _MONTH[month.lower()], int(day))
        if new is None:
            return match.group(0)
        suffix = _ordinal(new.day) if suffix else ""
        day_text = f"{new.day:02d}" if len(day) == 2 and day.startswith("0") else str(new.day)
        year = tail.replace(y, str(new.year)) if tail else ""
        return f"{self.month_name(new, month)}{dot} {day_text}{suffix}{year}"

    def month_year(self, match: re.Match[str]) -> str:
        new = self.moved(int(match.group(2)), _MONTH[match.group(1).lower()], 15)
        if new is None:
            return match.group(0)
        return f"{self.month_name(new, match.group(1))} {new.year}"

    def slashed(self, match: re.Match[str]) -> str:
        d, m, y = (int(g) for g in match.groups())
        short = len(match.group(3)) == 2
        new = self.moved(2000 + y if short else y, m, d)
        if new is None:
            return match.group(0)
        return (f"{new.day:0{len(match.group(1))}d}/{new.month:0{len(match.group(2))}d}/"
                f"{new.year % 100 if short else new.year:02d}")

    def iso(self, match: re.Match[str]) -> str:
        new = self.moved(*(int(g) for g in match.groups()))
        return match.group(0) if new is None else new.isoformat()


def _ordinal(day: int) -> str:
    if 10 <= day % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


# --- headers and bodies as bytes ----------------------------------------------------------

def _fields(head: str) -> list[str]:
    fields: list[str] = []
    for line in head.split("\n"):
        if line[:1] in (" ", "\t") and fields:
            fields[-1] += "\n" + line
        else:
            fields.append(line)
    return fields


def _field(fields: list[str], name: str) -> str:
    for field in fields:
        key, _, value = field.partition(":")
        if key.strip().lower() == name:
            return value.strip()
    return ""


def _ids(value: str) -> list[str]:
    return ["<" + i + ">" for i in re.findall(r"<([^<>\s]+)>", value)]


def _decoded(value: str) -> str:
    if "=?" not in value:
        return value
    try:
        return str(make_header(decode_header(value)))
    except (UnicodeDecodeError, LookupError, ValueError):
        return value


def _address_field(field: str, maps: _Maps) -> str:
    name, _, value = field.partition(":")
    text = _decoded(value.strip())
    pairs = getaddresses([text])
    if not pairs or any(not address for _, address in pairs):
        return field
    if not any(address.lower() in maps.addresses or (display and maps.fixed(display, None) != display)
               for display, address in pairs):
        return field
    out = []
    for display, address in pairs:
        # The display name as written (comments and all) when getaddresses dropped them.
        written = re.search(r"(\"?)([^<>,\"]*?)\1\s*<" + re.escape(address) + ">", text)
        if written and written.group(2).strip():
            display = written.group(2).strip()
        new_address = maps.addresses.get(address.lower(), address)
        new_display = maps.fixed(display, None) if display else ""
        out.append(formataddr((new_display, new_address), charset="utf-8") if new_display
                   else new_address)
    return f"{name}: " + ",\n ".join(out)


def _content_fields(head: str) -> list[tuple[str, str]]:
    found = []
    for field in _fields(head):
        key, _, value = field.partition(":")
        if key.strip().lower() in ("content-type", "content-transfer-encoding"):
            found.append((key.strip(), value.strip()))
    return found


def _header_fix(head: str, content: str) -> str:
    """``head`` with its Content-Type and Content-Transfer-Encoding those of
    ``content`` (as ``_recode`` left them)."""
    if not content:
        return head
    new = {k.lower(): (k, v) for k, v in _content_fields(content)}
    fields, seen = [], set()
    for field in _fields(head):
        key = field.split(":", 1)[0].strip().lower()
        if key in new:
            fields.append(f"{new[key][0]}: {new[key][1]}")
            seen.add(key)
        else:
            fields.append(field)
    fields.extend(f"{k}: {v}" for key, (k, v) in new.items() if key not in seen)
    return "\n".join(fields)


def _transfer_decode(body: bytes, encoding: str) -> bytes | None:
    if encoding == "quoted-printable":
        return quopri.decodestring(body)
    if encoding == "base64":
        try:
            return base64.b64decode(body)
        except ValueError:
            return None
    return body


def _transfer_encode(data: bytes, encoding: str) -> bytes:
    if encoding == "quoted-printable":
        return quopri.encodestring(data)
    if encoding == "base64":
        return base64.encodebytes(data)
    return data


def _recode(head: str, body: bytes, vary: Any) -> tuple[str, bytes] | None:
    """Decode a text/plain body by its head's fields, vary its text, encode it back the
    same way (in UTF-8 when its charset cannot hold the new text). Returns the content
    fields to write into the head ("" when they stay) and the body."""
    fields = _fields(head)
    ctype = _field(fields, "content-type") or "text/plain"
    encoding = _field(fields, "content-transfer-encoding").lower()
    written = re.search(r"charset=\"?([\w.:-]+)\"?", ctype, re.IGNORECASE)
    charset = written.group(1).lower() if written else "us-ascii"
    codec = "utf-8" if charset in ("us-ascii", "ascii") else charset
    data = _transfer_decode(body, encoding)
    try:
        text = None if data is None else data.decode(codec, "surrogateescape")
    except LookupError:
        text = None
    if text is None:
        return None
    new_text = vary(text)
    try:
        out = new_text.encode(codec, "surrogateescape")
    except UnicodeEncodeError:
        out, charset = new_text.encode("utf-8", "surrogateescape"), "utf-8"
    if charset in ("us-ascii", "ascii") and not out.isascii():
        charset = "utf-8"
    changed = charset != (written.group(1).lower() if written else "us-ascii")
    if changed:
        ctype = (re.sub(r"charset=\"?[\w.:-]+\"?", f'charset="{charset}"', ctype,
                        flags=re.IGNORECASE) if written else f'{ctype}; charset="{charset}"')
    if not out.isascii() and encoding in ("", "7bit"):
        encoding, changed = "8bit", True
    out = _transfer_encode(out, encoding)
    if not changed:
        return "", out
    return f"Content-Type: {ctype}\nContent-Transfer-Encoding: {encoding}", out


def _vary_part(part: Any, vary: Any) -> bool:
    """Vary a text/plain part of a multipart message in place; whether it was."""
    payload = None if part.is_multipart() or part.get_content_type() != "text/plain" \
        else part.get_payload(decode=False)
    if not isinstance(payload, str):
        return False
    try:
        data = payload.encode("ascii", "surrogateescape")
    except UnicodeEncodeError:
        return False
    result = _recode("".join(f"{k}: {v}\n" for k, v in part.items()), data, vary)
    if result is None:
        return False
    new_head, new_payload = result
    for name, value in _content_fields(new_head):
        if name in part:
            part.replace_header(name, value)
        else:
            part[name] = value
    part.set_payload(new_payload.decode("ascii", "surrogateescape"))
    return True


def _prefix(line: str) -> str:
    match = _QUOTE.match(line)
    return match.group(1) if match else ""


# --- sanity check: sentences, items, topics ---------------------------------------------

_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def _own_lines(text: str) -> list[str]:
    """The lines of a message's own text: up to its signature or a quoted original
    below an attribution, quoted lines left out."""
    kept = []
    for line in text.split("\n"):
        if (line.rstrip() == "--" or line.startswith(("____", "-----Original", "Von:", "From:"))
                or re.match(r"On .* wrote:\s*$", line)):
            break
        if not line.startswith(">"):
            kept.append(line.strip())
    return kept


def new_sentences(raw: bytes) -> list[str]:
    """The sentences of a message's own text (see _own_lines), of four words or more."""
    message = email.message_from_bytes(raw, policy=email_policy.compat32)
    out: list[str] = []
    for part in message.walk():
        payload = None if part.is_multipart() or part.get_content_type() != "text/plain" \
            else part.get_payload(decode=True)
        if not isinstance(payload, bytes):
            continue
        text = payload.decode(part.get_content_charset() or "utf-8", "replace")
        for paragraph in "\n".join(_own_lines(text)).split("\n\n"):
            out.extend(s for s in _SENTENCE.split(" ".join(paragraph.split()))
                       if len(s.split()) >= 4)
    return out


def sentence_share(raws: list[bytes]) -> tuple[int, int]:
    """Sentences of the messages' own text, and how many of them are distinct."""
    sentences = [s for raw in raws for s in new_sentences(raw)]
    return len(sentences), len(set(sentences))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--messages", type=int, default=4000)
    parser.add_argument("--analyse", action="store_true",
                        help="also import and analyse each corpus (serial, SQLite) and print "
                             "items a message, topics a thread and analysis CPU a message")
    parser.add_argument("--corpus-cache", type=Path,
                        help="keep the generated corpora here and reuse them")
    args = parser.parse_args()
    from bench.e2e import write_corpus

    print(f"load average {os.getloadavg()[0]:.1f} at the start; {time.strftime('%Y-%m-%d %H:%M')}",
          flush=True)
    with tempfile.TemporaryDirectory() as folder:
        for kind in KINDS:
            mbox = write_corpus(Path(folder) / f"{kind}.mbox", args.messages, args.corpus_cache,
                                kind)
            raws = [m.as_bytes() for m in mailbox.mbox(mbox)]
            total, distinct = sentence_share(raws)
            print(f"{kind:9} {len(raws)} messages: {total} sentences of own text, "
                  f"{distinct} distinct ({100 * distinct / total:.1f}%)", flush=True)
            if not args.analyse:
                continue
            from bench.analysis import _run

            dump = Path(folder) / f"{kind}.json"
            result = _run(str(ROOT), mbox, dump, fixed=True)
            found = json.loads(dump.read_text("utf-8"))
            print(f"{kind:9} {_found(found, result, args.messages)}", flush=True)
    print(f"load average {os.getloadavg()[0]:.1f} at the end", flush=True)


_LATER = re.compile(r"<?c\d+\.")


def _found(found: dict[str, Any], result: dict[str, Any], count: int) -> str:
    """Items a message, topics a thread and analysis CPU a message, on the corpus's
    first copy and on its later copies (bench/analysis.py's split)."""
    from bench.ingest import corpus_messages

    first_messages = min(count, len(corpus_messages()))
    cells = []
    for copy, messages in (("first", first_messages), ("later", count - first_messages)):
        if not messages:
            continue
        later = copy == "later"
        items = sum(1 for i in found["items"] if bool(_LATER.match(i["message_pk"])) == later)
        topics = sum(1 for t in found["topics"] if bool(_LATER.match(t["thread"] or "")) == later)
        threads = result.get("threads", {}).get(copy) or 1
        cpu = result.get("copies", {}).get(copy)
        ms = " ".join(f"{part} {1000 * cpu.get(part, 0.0) / cpu['messages']:.3f}"
                      for part in ("analysis", "extract_actions", "closures", "tag_texts",
                                   "overlap_terms")) + " ms" if cpu else "-"
        cells.append(f"{copy} copy: {items / messages:.3f} items a message, "
                     f"{topics / threads:.3f} topics a thread ({threads}), CPU a message: {ms}")
    whole = 1000 * result["analysis"] / result["stored"]
    return "; ".join(cells) + f"; all: analysis {whole:.2f} ms CPU a message"


if __name__ == "__main__":
    main()
