"""Closure: an acceptance is no answer to a request put as a question; a refusal is.

"Sofia, could you take 10 minutes on the RAG preparations?" - "Happy to do the RAG
point, Ingrid." takes the request on; the deed is still to come. The same words answer
a question about willingness ("Would the Bureaux be willing to give an interview?" -
"Happy to do the interview for TSB").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# The owner says no to a request put as a question ("Could BR give a briefing ...?"):
# "BR cannot commit to a presentation", "It will not be possible this time" (every
# writer labels an owner's refusal closing its share, whatever it offers instead).
REFUSAL = re.compile(r"\b(?:cannot|can't|can\u2019t|(?:is|are|am)\s+(?:not\s+able|unable)\s+to|"
                     r"won't\s+be\s+(?:able|possible)|not\s+(?:be\s+)?possible)\b|"
                     r"^\W*(?:unfortunately|sadly)\s+not\b", re.IGNORECASE)

# The owner takes on a request put as a question ("Sofia, could you take 10 minutes on
# the RAG preparations?", "Could the TDAG vice-chairs kindly help publicise the
# request?"): "Happy to do the RAG point", "Con gusto, Sofia, lo difundiremos" accept it,
# and the deed is still to come (the twenty-first and twenty-second writers label the
# item open until it is done). A question about willingness ("Would the Bureaux be
# willing to give an interview?", ``_WILLING``) is answered by the same words.
_ACCEPTANCE = re.compile(
    r"^\W*(?:(?:yes|sure|ok(?:ay)?|of\s+course|certainly)\W+)?(?:(?:I\s+am|I'm|I\u2019m|we\s+are|"
    r"we're|we\u2019re)\s+)?(?:happy|glad|pleased|delighted)\s+to\b"
    r"|^\W*(?:con\s+(?:mucho\s+)?gusto|avec\s+plaisir|with\s+pleasure|volontiers|gerne|"
    r"com\s+(?:todo\s+o\s+)?prazer)\b", re.IGNORECASE)
_WILLING = re.compile(r"\b(?:willing|able|available|interested|prepared|ready|like|mind|"
                      r"consider|agree|open\s+to|possible)\b", re.IGNORECASE)


def accepts_request(item_sentence: str, says: Sequence[str], promised: Sequence[str]) -> bool:
    """Whether all a reply says (``says``, ``promised``) accepts a request to do something
    put as a question (``_ACCEPTANCE``), not a question about willingness. The caller
    rules out a question asking to say something ("could you confirm ...?")."""
    clauses = (*says, *promised)
    return bool(clauses) and item_sentence.rstrip().endswith("?") \
        and all(_ACCEPTANCE.match(c) for c in clauses) \
        and not _WILLING.search(item_sentence)
