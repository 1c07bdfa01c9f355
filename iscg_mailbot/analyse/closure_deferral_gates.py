"""The gates of the deferral readings (:func:`~iscg_mailbot.analyse.closure_reading.deferral`):
which clauses can match ``_DEFERS_ANSWER`` ("I will come back to you") and
:data:`~iscg_mailbot.analyse.closure_later.LEAVES_WORK` ("the rest will follow"), read
from the clause's :func:`~iscg_mailbot.analyse.closure_words.words_of`.

    >>> DEFERS_ANSWER_GATE.may_match(frozenset({"we", "will", "hold", "it"}), "We will hold it")
    False
    >>> DEFERS_ANSWER_GATE.may_match(frozenset({"we", "will", "check", "it"}), "We will check it")
    True
"""

from __future__ import annotations

from iscg_mailbot.analyse.closure_later import LEAVES_WORK_WORDS
from iscg_mailbot.analyse.closure_words import gate_words

# The words one of which each match holds, each a word of its own in the match
# (:func:`words_of`; "leav" as "leave" or "leaving"): most clauses hold none.
DEFERS_ANSWER_WORDS = gate_words(("back", "revert", "will", "ll", "checking", "looking",
                                   "consulting", "waiting", "asking", "leave", "leaving", "let",
                                   "pending", "due", "outstanding", "awaited", "yet", "far",
                                   "open", "asked", "confirm", "agenda", "check"))

# Most clauses that hold a word of a gate above hold it outside a match: "will" is in
# most replies, "open", "other", "need", "let" in many. A match holding such a word
# holds another word of its own too, of the branch it is in: "will <verb>" its verb,
# "answer due" its noun, "so far" "so", "for the other ... I will" "for", "need another
# week" "another" or "more"; and a match holding "open" ends with it ("(a) BR - open").
# A clause is searched only when it holds a word that matches alone, or a paired word
# with one of its partners (a superset of each branch's words; the hypothesis test
# tests/test_deferral_gate.py holds the gates to the plain searches). The search of
# the clauses these let through no longer was ~1% of the analysis (perf-r16).
_DEFERS_ANSWER_PAIRS = {
    "will": ("reply", "respond", "answer", "update", "let", "check", "look", "raise", "ask",
             "consult", "find", "get", "contact"),
    "check": ("i", "we"),
    "back": ("come", "get", "you", "report"),
    "let": ("reply", "respond", "answer", "comment", "take", "check", "find", "ask", "consult",
            "look", "see", "verify", "know"),
    "looking": ("into",),
    "leave": ("to",),
    "leaving": ("to",),
    "yet": ("no",),
    "far": ("so",),
    "asked": ("have", "ve"),
    "agenda": ("already", "now"),
    "open": (),  # (see _may_end_open)
    **dict.fromkeys(("pending", "due", "outstanding", "awaited"), (
        "answer", "answers", "reply", "replies", "response", "responses", "input",
        "feedback")),
}
_DEFERS_ANSWER_PAIRS["ll"] = _DEFERS_ANSWER_PAIRS["will"]
_LEAVES_WORK_PAIRS = {
    "will": ("follow", "send", "compile", "share", "circulate", "provide", "prepare",
             "submit", "confirm", "come", "be"),
    **dict.fromkeys(("other", "remaining", "rest"), ("for",)),
    "need": ("another", "more"),  # ("I still need": "still" matches alone)
    "being": ("is", "are"),
    "let": ("me", "us"),
    "working": ("on",),
    "under": ("way",),
    "coming": ("by", "on", "next", "tomorrow", "later", "soon", "shortly"),
    "expect": ("it", "them", "this", "that", "ours"),
    **dict.fromkeys(("sorry", "apologies"), (
        "tomorrow", "week", "monday", "tuesday", "wednesday", "thursday", "friday")),
}


class PairGate:
    """Whether a clause of some :func:`words_of` can match a pattern: it holds a word of
    ``alone``, or a word of ``pairs`` with one of its partners."""

    def __init__(self, words: frozenset[str], pairs: dict[str, tuple[str, ...]]) -> None:
        if not set(pairs) <= words:
            raise ValueError(f"paired words not in the gate: {sorted(set(pairs) - words)}")
        self.alone = words - set(pairs)
        self.paired = frozenset(pairs)
        self.partners = {word: gate_words(partners) if partners else frozenset()
                         for word, partners in pairs.items()}

    def may_match(self, words: frozenset[str], text: str) -> bool:
        if not self.alone.isdisjoint(words):
            return True
        for word in self.paired.intersection(words):  # (mostly none or one)
            if word == "open" and _may_end_open(text):
                return True
            if not self.partners[word].isdisjoint(words):
                return True
        return False


# The characters \W reads in an ASCII text (``re.ASCII`` or not: no other is in it).
_ASCII_NON_WORD = "".join(chr(c) for c in range(128)
                          if not (chr(c).isalnum() or chr(c) == "_"))


def _may_end_open(text: str) -> bool:
    """False when the clause cannot end with "open" and non-word characters
    (``open\\W*$``): an ASCII clause that does not; another is always searched."""
    return not text.isascii() or text.rstrip(_ASCII_NON_WORD).lower().endswith("open")


DEFERS_ANSWER_GATE = PairGate(DEFERS_ANSWER_WORDS, _DEFERS_ANSWER_PAIRS)
LEAVES_WORK_GATE = PairGate(LEAVES_WORK_WORDS, _LEAVES_WORK_PAIRS)


__all__ = ["DEFERS_ANSWER_GATE", "DEFERS_ANSWER_WORDS", "LEAVES_WORK_GATE", "PairGate"]
