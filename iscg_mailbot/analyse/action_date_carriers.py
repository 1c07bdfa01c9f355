"""Short sentences that only date what was asked before them.

"Both by 14 May, please.", "Replies are requested by 30 October 2026.", "Could you let
me know by 31 August?", "Drafts to me by Friday 3 June.": no request of their own, the
deadline of the requests or questions just made (:func:`is_date_carrier`; read by
:func:`.action_scope.apply_date_carriers`, the follow-ups and the questions).

    >>> is_date_carrier("Drafts to me by Friday 3 June.")
    True
    >>> is_date_carrier("Not before 5 May.")
    False
"""

from __future__ import annotations

import re

from iscg_mailbot.settings.action_rules import ACT_VERBS

# "Both by 14 May, please.", "Names please by 2 October.", "Replies by 5 February,
# please.", "Please let us know before the planning meeting.": a date for what was
# just asked, not a request of its own.
_DATE_CARRIER = re.compile(
    r"^\W*(?:(?:both|all|each|everything|these|names?|replies|answers?|responses?|comments?|"
    r"inputs?|contributions?|nominations?|details)\s+)?(?:please\s+)?(?:by|before|no\s+later\s+than|"
    r"until|within)\b|^\W*please\s+(?:reply|respond|revert|let\s+(?:us|me)\s+know)\s+(?:by|before|"
    r"within)\b|^\W*(?:replies|answers?|responses?|comments?|inputs?|contributions?)\s+(?:are|is)\s+"
    r"(?:kindly\s+)?requested\s+(?:by|before|no\s+later\s+than)\b"
    # The same in French, Spanish, Portuguese: "Merci de nous répondre avant le 3
    # décembre.", "Favor de responder antes del 5 de mayo." (`w16`).
    r"|^\W*(?:merci\s+de\s+(?:bien\s+vouloir\s+)?(?:nous|me)\s+r[\u00e9e]pondre|favor\s+de\s+"
    r"responder(?:nos|me)?|agrade[\u00e7c]o\s+uma\s+resposta|agradecer[\u00edi]a(?:mos)?\s+una\s+"
    r"respuesta)\s+(?:avant|d['\u2019]ici|au\s+plus\s+tard|antes|hasta|at[\u00e9e])\b",
    re.IGNORECASE)
_CARRIER_WORDS = 10
# The same with any one word for the thing or the manner, and to whom, before the
# deadline: "Drafts to me by Friday 3 June." (the thirty-second writer), "Realistically by
# 12/19." (the twenty-sixth); "Answers to me by ..." was the twenty-third's. A verb there
# asks anew ("Send by 5 May"), and "not", "only", "even" say no deadline or another.
_ONE_WORD_CARRIER = re.compile(
    r"^\W*(?!(?:" + ACT_VERBS + r"|not|only|even|just|never|also|and|or|but|due|open|"
    r"closed?|valid|available|ready|done|sent|finished|completed)\b)[^\W\d_][\w-]*\s+"
    r"(?:to\s+(?:me|us)\s+)?(?:please\s+)?(?:by|before|no\s+later\s+than|within)\s+\S",
    re.IGNORECASE)
_ONE_WORD_CARRIER_WORDS = 8


# "Could you let me know by 31 August?", "Please let us know before the planning meeting
# in January.": asks for the answer to what was just asked, by a time, and nothing else.
_LET_KNOW_CARRIER = re.compile(
    r"^\W*(?:(?:could|can|would)\s+you\s+)?(?:please\s+)?let\s+(?:me|us)\s+know\s+(?:by|before|"
    r"within|no\s+later\s+than)\b(?![^?.]*\b(?:whether|if|what|which|who|how|when)\b)",
    re.IGNORECASE)


def is_date_carrier(sentence: str) -> bool:
    """Whether a short sentence only dates what was asked before it ("Replies are
    requested by 30 October 2026."): it names no owner of its own."""
    if "know" in sentence and _LET_KNOW_CARRIER.match(sentence):
        return True
    words = len(sentence.split())
    return words <= _CARRIER_WORDS and (bool(_DATE_CARRIER.match(sentence)) or (
        words <= _ONE_WORD_CARRIER_WORDS and bool(_ONE_WORD_CARRIER.match(sentence))))


__all__ = ["is_date_carrier"]
