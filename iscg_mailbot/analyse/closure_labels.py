"""A reply that labels its share: "For BR: we already reserve 30% of the seats",
"BDT: A = 46%; B = 4 outputs", "TSB's view: we are not opposed, but ...".

A request put to several owners ("Please send me your figures", "Would the three
Bureaux consider ...?") is answered one share at a time, and a sender often heads the
answer with the share it gives: the name of the body it speaks for and a colon. The
label says which request the reply answers even when the reply shares no word with it
(figures for "your figures") or holds a promise beside what it reports ("..., and we
will keep it in 2028"); every writer who uses the form labels the owner's share closed
by it. Not a label: a question or a request put to the body ("TSB: could you confirm
...?", "BDT: please ..."), an answer put off ("For BDT: I will check and revert").
"""

from __future__ import annotations

import re

from iscg_mailbot.analyse.action_owners import find_mentions
from iscg_mailbot.analyse.closure_reply import Reply
from iscg_mailbot.analyse.closure_speaker import owner_parts
from iscg_mailbot.settings.members import MembersConfig

# "For BR:", "BDT:", "TSB's view:", "For the BDT side:"; the name at most three words.
# In other languages and forms too: "Pour le BDT :", "Desde la BDT:", "From the ITU-T
# side:" (the twenty-second writer's replies in French, Spanish and English). After the
# one the reply turns to ("Ingrid, from BR: only one", "Dear Lucia, for TSB ..."), with
# any one word naming the share ("TSB's list:", "TSAG outlook:", "BR speaker:"); headed
# "for"/"from", the label needs no colon ("For BR I will present it myself", "For BDT,
# we agree ...", "For RAG (agreed with Fatou): ...") (the thirty-second, thirty-fifth,
# thirty-sixth and thirty-seventh writers).
_LABEL = re.compile(
    r"^\W*(?P<turned>(?:(?:dear|hi|hello)\s+)?(?:(?-i:[A-Z])[\w.'-]*\s+){0,2}?(?-i:[A-Z])[\w'-]*\s*,\s*)?"
    r"(?:(?P<prep>for|pour|para|por|desde|from)\s+(?:(?:the|le|la|el|del)\s+|l['\u2019])?)?"
    r"(?P<who>(?-i:[A-Z])[\w/-]*(?:\s+(?-i:[A-Z0-9])[\w/-]*){0,2}?)"
    r"(?:['\u2019]s)?(?:\s+(?P<word>(?-i:[a-z])[\w-]*))?"
    r"(?:(?P<colon>\s*:)\s+|(?(prep)(?:\s*\([^()\n]{1,80}\)\s*:\s+|\s*,\s+|\s+)|(?!)))(?P<rest>\S)",
    re.IGNORECASE)
# A Sector's name stands for its Bureau in a label ("From the ITU-T side: ...").
_SECTOR_BUREAU = {"itu-r": "br", "itu-t": "tsb", "itu-d": "bdt"}
# The words that name a share in a label without its colon ("For BR's part, ...", "For
# the BDT side we agree"); with its colon any one word does ("TSB's list: ..."), but
# without it "For BR staff the deadline is Friday" or "For BR-related questions, contact
# Ahmed" is a sentence about the Bureau, not its answer.
_SHARE_WORDS = frozenset({"view", "answer", "reply", "position", "side", "part", "input",
                          "figure", "figures"})
# What follows the label asks the body rather than answering for it.
_ASKS = re.compile(r"^\W*(?:please|could|can|would|will|may|kindly|do|does|is|are)\b",
                   re.IGNORECASE)
# What follows the label says the answer is still to come ("for TSB: to be confirmed").
_TO_COME = re.compile(r"^\W*(?:to\s+be\s+(?:confirmed|decided|announced|named)|tb[acd]\b)",
                      re.IGNORECASE)


def _loose(label: re.Match[str]) -> bool:
    """Whether a label without its colon names its share by a word that names none."""
    word = label.group("word")
    return label.group("colon") is None and word is not None \
        and word.lower() not in _SHARE_WORDS


def labelled_share(reply: Reply, owner: str | None, speaks_for: frozenset[str],
                   members: MembersConfig | None) -> bool:
    """Whether a sentence of ``reply`` opens with the label of a share of an item of
    several owners (``owner``) that the sender speaks for (``speaks_for``:
    :func:`owner_parts` names), and answers after it now: not a question, not a
    request, not an answer put off or left for later."""
    parts = owner_parts(owner)
    if len([p for p in (owner or "").split(",") if p.strip()]) < 2 or not parts & speaks_for:
        return False
    read = reply.answer
    held = set(read.says) | set(read.promised)
    for sentence, clauses in reply.sentences:
        match = _LABEL.match(sentence.text)
        if match is None or sentence.text.rstrip().endswith("?") \
                or _loose(match) \
                or _ASKS.match(sentence.text[match.start("rest"):]) \
                or _TO_COME.match(sentence.text[match.start("rest"):]):
            continue
        named = {p for m in find_mentions(match.group("who"), members)
                 for p in owner_parts(m.owner)}
        named |= {_SECTOR_BUREAU[p] for p in named if p in _SECTOR_BUREAU}
        if not named & parts & speaks_for:
            continue
        texts = [c.text for c in clauses]
        if any(t in read.put_off or t in read.pending for t in texts):
            return False  # "For BDT: I will check with the regional office and revert"
        if match.group("colon") is None and (read.put_off or read.pending):
            # A label without its colon heads a whole answer only: "For BDT we need one
            # more week ... We will send it by 24 April" answers nothing yet.
            return False
        # A label after a vocative or without its colon heads a statement only: a promise
        # there ("Ingrid, for TSB: I will ask Klaus", "For BDT I will not coordinate",
        # "Ingrid, for TSAG: Andrés and I will join" of a request for inputs) is no
        # answer read by the label.
        plain = match.group("colon") is not None and match.group("turned") is None
        if any(t in (held if plain else read.says) for t in texts):
            return True
        # A label and the people it gives ("BDT: Grace Mwangi."): a line of names the
        # answer's reading takes for a signature's (the twenty-third writer; "For TSB:
        # Ahmed El-Sayed, with me as back-up" was read already).
        rest = sentence.text[match.start("rest"):]
        if any(m.kind == "member" for m in find_mentions(rest, members)):
            return True
    return False
