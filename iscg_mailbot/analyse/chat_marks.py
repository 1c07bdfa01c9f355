"""Chat-tool marks in mail read as the plain words they stand for.

Groups used to Teams, Slack or GitHub write mail as they chat: "@Ahmed can you add the
logo?", "@James + @Klaus could you send your slides?", and to-do lists as check boxes
("[ ] BR: add the dates by 3/7", "[x] GS: slides posted"). The readers know a name
addressed at the opening of a sentence ("Ahmed, can you ...") and a bulleted list
("To do: BR: add the dates ..."); :func:`plain_marks` writes the marks as those, before the
message is read (with :func:`~iscg_mailbot.analyse.terse_words.spelt_out`):

- an @-mention opening a sentence or a list line is the name addressed, with a comma
  after it when none follows ("@Zhang Wei does TSAG ...?" -> "Zhang Wei, does TSAG
  ...?"); mentions joined by "+" / "&" / "," / "and" are addressed together
  ("@James + @Klaus could you" -> "James and Klaus, could you"); elsewhere the "@"
  before a name is dropped ("thoughts, @Chen?");
- "+" between names or acronyms is "and" ("could BR + TSB pls ..." -> "could BR and TSB
  pls ...");
- an open check box is a bullet of work to do ("[ ] BR: dates by 3/7" -> "- To do: BR:
  dates by 3/7"); a ticked one is work reported done, which owes nothing ("[x] GS: post
  the slides" -> "- Done: GS: post the slides").

Addresses, handles inside words and paths ("lucia@itu.int", "/@team") are left alone.

>>> plain_marks("Hi! @Ahmed can you add the logo pls? Thx @Lucia")
'Hi! Ahmed, can you add the logo pls? Thx Lucia'
>>> plain_marks("[ ] @James + @Klaus: slides by 11/26\\n[x] GS: agenda posted")
'- To do: James and Klaus: slides by 11/26\\n- Done: GS: agenda posted'
"""

from __future__ import annotations

import re

# The capitalised words that end a name written after "@" ("@James Could you ...").
_NOT_NAME = frozenset({
    "could", "can", "would", "will", "please", "pls", "plz", "any", "do", "does", "did", "is",
    "are", "was", "thanks", "thank", "thx", "what", "when", "where", "who", "which", "how",
    "why", "shall", "should", "may", "might", "just", "also", "quick", "as", "fyi", "here",
    "there", "yes", "no", "ok", "okay", "sure", "great", "see", "i", "we", "you", "re", "and",
    "or", "for", "to", "the", "if", "btw", "asap", "welcome", "hi", "hello", "hey", "dear",
})
# One word of a name: a capital and its letters ("Zhang", "Tomás", "O'Neil", "El-Sayed"),
# or an acronym ("BDT", "SG2") as the whole name.
_WORD = r"[A-Z\u00C0-\u00DE](?:[^\W_]|['\u2019-])*"
# A name after "@": its first word, then capitalised words and the particles of names
# ("João Pereira da Silva"); "_" or a digit after an acronym is a handle ("@ITU_D").
_MENTION = re.compile(r"(?<![\w@./:\\-])@(?P<name>" + _WORD
                      + r"(?:[ \t]+(?:(?:da|de|del|dos|van|von|di|la|le|el|al|bin)[ \t]+)?"
                      + _WORD + r"){0,4})(?!\w)")
# Between two mentions addressed together.
_JOIN = re.compile(r"[ \t]*(?:\+|&|,|/|\band\b)[ \t]*(?=@)")
_STOPS = frozenset(".!?;:)\n")
# "+" between two names or acronyms is "and": "could BR + TSB pls ...", "TSB + BDT slide".
# Found by the "+" with a capital after it; the word before is then looked at alone (a
# pattern that matched the word first was tried from each of its letters: quadratic).
# (From the start of a run of blanks only: tried from each blank of a long run, it was
# quadratic, 25 s for 50,000 spaces.)
_PLUS = re.compile(r"(?<![ \t])[ \t]+\+[ \t]+(?=@?[A-Z\u00C0-\u00DE])")
_WORD_BEFORE = re.compile(r"[\w'\u2019-]{1,40}$")
_BOX = re.compile(r"^(?P<indent>[ \t]*)(?:[-*][ \t]*)?\[(?P<tick>[ xX\u2713\u2714]?)\][ \t]*",
                  re.MULTILINE)


def _name(raw: str) -> str:
    """The name of a mention (as written): its words up to the first that is no part of
    a name."""
    end = 0
    for number, word in enumerate(re.finditer(r"\S+", raw)):
        if number and (word.group().lower() in _NOT_NAME or word.group().isupper()):
            break
        end = word.end()
    return raw[:end]


def _opens(text: str, at: int) -> bool:
    """Whether ``at`` opens a sentence or a line: nothing but marks, bullets, emoji and
    spaces since the line's start or the last stop ("That's us (TSB). @Ahmed can ...")."""
    index = at - 1
    while index >= 0 and not text[index].isalnum() and text[index] not in _STOPS:
        index -= 1
    return index < 0 or text[index] in _STOPS


def _mentions(text: str) -> str:
    out: list[str] = []
    position = 0
    for first in _MENTION.finditer(text):
        if first.start() < position:
            continue  # part of a run already written
        out.append(text[position:first.start()])
        names = [_name(first.group("name"))]
        end = first.start() + 1 + len(names[0])
        if not _opens(text, first.start()):
            out.append(names[0])  # named, not addressed: the "@" is dropped
            position = end
            continue
        while (join := _JOIN.match(text, end)) and (more := _MENTION.match(text, join.end())):
            names.append(_name(more.group("name")))
            end = more.start() + 1 + len(names[-1])
        out.append(names[0] if len(names) == 1 else
                   ", ".join(names[:-1]) + " and " + names[-1])
        rest = text[end:end + 2]
        if rest[:1] in (" ", "\t") and (rest[1:2].isalnum()):
            out.append(",")  # "@Ahmed can you" -> "Ahmed, can you"
        position = end
    out.append(text[position:])
    return "".join(out)


def _capital_before(text: str, end: int) -> bool:
    """Whether the word ending at ``end`` holds a capital or a digit (a name, an
    acronym, "SG2"), not a common word ("intro + conclusions")."""
    word = _WORD_BEFORE.search(text, max(0, end - 40), end)
    return word is not None and any(c.isupper() or c.isdigit() for c in word.group())


def _box(match: re.Match[str]) -> str:
    ticked = match.group("tick").strip() != ""
    return match.group("indent") + ("- Done: " if ticked else "- To do: ")


def plain_marks(text: str) -> str:
    """``text`` with its @-mentions and check boxes written as plain mail (the module's
    doc)."""
    if "@" in text:
        text = _mentions(text)
    if "+" in text:
        text = _PLUS.sub(lambda plus: " and " if _capital_before(text, plus.start())
                         else plus.group(), text)
    if "[" in text:
        text = _BOX.sub(_box, text)
    return text


__all__ = ["plain_marks"]
