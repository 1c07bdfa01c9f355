"""The search query language: any user string, read one way for both engines.

One parser (:func:`_terms`), then an FTS5 MATCH expression (:func:`fts5_query`) or a
PostgreSQL tsquery built from its terms (:func:`tsquery`): words must all match;
``"quoted words"`` match as a phrase; ``-word`` excludes; ``OR`` between two terms accepts
either; ``cyber*`` matches words starting with "cyber". Characters that mean something to
FTS5 or to ``to_tsquery`` are never passed to them raw. :func:`query_problem` says why a
query can find nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

#: A query keeps at most this many characters and terms: longer ones only exhaust the
#: engines' parsers (FTS5's stack, PostgreSQL's max_stack_depth) and find nothing more.
MAX_QUERY_CHARACTERS = 1000
MAX_QUERY_TERMS = 32
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_query(words: str) -> str:
    """The user's query without control characters (PostgreSQL text cannot hold NUL),
    cut to :data:`MAX_QUERY_CHARACTERS` and :data:`MAX_QUERY_TERMS` whitespace-separated
    terms (quoted phrases may count as several; they still match as phrases)."""
    cleaned = _CONTROL.sub(" ", words)[:MAX_QUERY_CHARACTERS]
    return " ".join(cleaned.split()[:MAX_QUERY_TERMS])


_TERM = re.compile(r'(?P<neg>-)?"(?P<phrase>[^"]*)"|(?P<word>\S+)')
_WORD = re.compile(r"\w+")
_PREFIX = re.compile(r"\w\*+[^\w*]*$")  # a star right after a word, at the end


@dataclass(frozen=True)
class _Term:
    words: tuple[str, ...]
    negated: bool
    prefix: bool = False  # the last word may be the start of a longer one ("cyber*")


def _terms(query: str) -> list[_Term | str]:
    """Terms and the "OR" operators between them, from any user string."""
    parsed: list[_Term | str] = []
    for match in _TERM.finditer(query):
        prefix = False
        if match.group("phrase") is not None:
            words = tuple(_WORD.findall(match.group("phrase")))
            negated = bool(match.group("neg"))
        else:
            raw = match.group("word")
            if raw == "OR":
                parsed.append("OR")
                continue
            if raw == "AND":
                # Every word must match anyway; PostgreSQL drops "and" as a stop word.
                continue
            negated = raw.startswith("-") and len(raw) > 1
            words = tuple(_WORD.findall(raw))
            # "cyber*": a prefix, when the star follows a word ("*" alone asks nothing).
            prefix = _PREFIX.search(raw) is not None
        if words:
            parsed.append(_Term(words, negated, prefix))
    return parsed


def query_problem(query: str) -> str | None:
    """Why ``query`` cannot find anything, whatever is stored, or None.

    >>> query_problem("spectrum -draft") is None
    True
    >>> query_problem("*")
    'the search query has no word to look for'
    >>> query_problem("-draft")
    'the search query only excludes words (-draft); add a word to look for'
    """
    terms = [term for term in _terms(clean_query(query)) if isinstance(term, _Term)]
    if not terms:
        return "the search query has no word to look for"
    if all(term.negated for term in terms):
        return (f"the search query only excludes words ({query.strip()}); "
                "add a word to look for")
    return None


def _fts5_term(term: _Term) -> str:
    quoted = '"' + " ".join(word.replace('"', '""') for word in term.words) + '"'
    return f"{quoted} *" if term.prefix else quoted


def fts5_query(query: str) -> str | None:
    """The FTS5 MATCH expression for a user query, or None when it asks for nothing.

    >>> fts5_query('liaison "spectrum sharing" OR SG17; -draft (x*')
    '("liaison" AND ("spectrum sharing" OR "SG17") AND "x" *) NOT "draft"'
    >>> fts5_query("room AND joint")
    '"room" AND "joint"'
    """
    positive, negative = _combine(query, _fts5_term, " OR ")
    if not positive:
        return None  # FTS5 cannot search for "everything except"
    expression = " AND ".join(f"({p})" if " OR " in p else p for p in positive)
    for excluded in negative:
        expression = f"({expression}) NOT {excluded}"
    return expression


def _combine(query: str, render: Callable[[_Term], str],
             either: str) -> tuple[list[str], list[str]]:
    """The rendered positive terms (each joined with the terms OR'ed to it by
    ``either``) and the rendered excluded ones."""
    positive: list[str] = []
    negative: list[str] = []
    pending_or = False
    for term in _terms(query):
        if term == "OR":
            pending_or = bool(positive)
            continue
        assert isinstance(term, _Term)
        rendered = render(term)
        if term.negated:
            negative.append(rendered)
        elif pending_or:
            positive[-1] = f"{positive[-1]}{either}{rendered}"
            pending_or = False
        else:
            positive.append(rendered)
    return positive, negative


def tsquery(query: str) -> tuple[str, dict[str, str]] | None:
    """A PostgreSQL tsquery expression (SQL, with its bind values) for a user query, or
    None when it asks for nothing: the same reading as :func:`fts5_query`. Each term is
    its own ``phraseto_tsquery`` (words, phrases) or ``to_tsquery`` of one quoted lexeme
    with ``:*`` (prefixes; ``\\w`` words hold no quote or operator), joined with the
    tsquery operators ``&&``, ``||`` and ``!!``.

    >>> tsquery('liaison OR SG17 -draft cyber*')
    ("((phraseto_tsquery('english', :t0) || phraseto_tsquery('english', :t1)) && to_tsquery('english', :t3)) && !! phraseto_tsquery('english', :t2)", {'t0': 'liaison', 't1': 'SG17', 't2': 'draft', 't3': "'cyber':*"})
    """
    values: dict[str, str] = {}

    def render(term: _Term) -> str:
        name = f"t{len(values)}"
        if term.prefix and len(term.words) == 1:
            values[name] = f"'{term.words[0]}':*"
            return f"to_tsquery('english', :{name})"
        values[name] = " ".join(term.words)
        return f"phraseto_tsquery('english', :{name})"

    positive, negative = _combine(query, render, " || ")
    if not positive:
        return None
    expression = " && ".join(f"({p})" if " || " in p else p for p in positive)
    if len(positive) > 1 or " || " in expression:
        expression = f"({expression})"
    for excluded in negative:
        expression = f"{expression} && !! {excluded}"
    return expression, values
