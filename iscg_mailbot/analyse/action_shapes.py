"""Shapes of a sentence that decide who owes it, for :mod:`~iscg_mailbot.analyse.action_who`:
a party asked to pass a request on ("Could BR ask WP 5D to ...?"), a name closing the
sentence ("..., Sofia."), a verb after "and" sharing the sentence's subject ("I am
checking with X and will reply"), "with me" (the sender joins the work), a member or a
body addressed by name ("Klaus, could you ...", "BDT, could you ..."; "Yuki, Priya: please ..."),
parties joined by "and" / "," ("TSB and BR are invited", but "For ITU-D, BDT will")."""

from __future__ import annotations

import re

from iscg_mailbot.analyse.action_owners import OwnerMention
from iscg_mailbot.settings.action_phrases import BODY_ROLES

# Between a party and the verb of asking it is asked to use: "Could BR ask WP 5D to",
# "grateful if the advisory group representatives could encourage their offices to".
ASKED_TO_ASK = re.compile(r"^(?:\s+(?:representatives?|colleagues|members|team|staff|"
                           r"secretariat))?\s+(?:could|can|would|might|will)\s+"
                           r"(?:please\s+|kindly\s+|also\s+)?$", re.IGNORECASE)
ADVERB_GAP = re.compile(r"\s+(?:please\s+|kindly\s+|also\s+)?", re.IGNORECASE)
MODAL_LEAD = re.compile(r"\b(?:could|can|would|will)\s+(?:the\s+)?$", re.IGNORECASE)
YOU_TO_ASK = re.compile(r"\b(?:could|can|would|will)\s+you\s+(?:please\s+|kindly\s+|also\s+)?$",
                         re.IGNORECASE)
TRAILING_NAME = re.compile(r"\s*[.?!]*\s*")
# "... and will reply": a verb sharing the subject of the one before "and".
AND_LEAD = re.compile(r"\band\s+(?:then\s+|also\s+)?$", re.IGNORECASE)
OPENS_WITH_SENDER = re.compile(r"^\W*(?:(?:so|but|also|meanwhile|for\s+now)\s*,?\s+)?"
                                r"(?P<who>I|[Ww]e)\b")
WITH_ME = re.compile(r"\b(?:together\s+)?with\s+me\b", re.IGNORECASE)
# "our experts", "my colleagues": the sender's people, not the readers.
OUR_PEOPLE = re.compile(r"\b(?:our|my)\s+(?:\w+\s+)?$", re.IGNORECASE)
# A label before the party a sentence speaks to: "Question to BR:", "Attn TSB:", "Une
# question pour le BR:"; the sender's own announcement of it, "My question to BDT:", "I
# want to ask TSB:" (`w14`, `w31`).
# A connective may open it: "And BDT, could you ...", "Also, TSB: please ...".
LABEL_LEAD = re.compile(r"\W*(?:(?:and|also|finally|lastly|separately|in\s+addition)\b[\s,]*)?"
                        r"(?:(?:(?:(?:a|one|quick|short|another|my|our)\s+)?(?:question|request|"
                        r"note|reminder|action)s?\s+)?(?:to|for)\s+"
                        r"(?:the\s+)?|(?:attn|attention)\s*[.:]?\s*(?:the\s+)?|"
                        r"(?:I|we)(?:(?:\s+would|['’]d)\s+like|\s+(?:want|wish))\s+to\s+"
                        r"(?:also\s+)?ask\s+"
                        r"(?:the\s+)?|"
                        # the same in French, Spanish, Portuguese: "Une question pour le BR:"
                        r"(?:(?:une|una|uma|otra|autre|outra)\s+)?(?:question|pregunta|pergunta)s?\s+"
                        r"(?:pour|para|à|a|al|ao)\s+(?:(?:le|la|les|el|los|o)\s+|l['’]\s*)?|"
                        # a body's role-holder opening the sentence: "The TSAG rep, could
                        # you ...?" (with BODY_VOCATIVE after the name)
                        r"the\s+)?",
                        re.IGNORECASE)
# Between a name and the request addressed to it: "Klaus, could you" / "María: please".
# A hyphen typed between spaces is a dash ("Sofia - could you ..."), as an en dash is.
VOCATIVE_GAP = re.compile(r"^(?:\s*[,:\u2013\u2014]|\s+-(?=\s))\s*(?:(?:could|can|would|will)\s+)?$",
                          re.IGNORECASE)
# A member addressed with no mark after the name, as quick mail writes it: "Lucia can you
# raise the request ...?" (`w18`), "Elena please confirm" (`w26`, "@Elena pls confirm").
_BARE_VOCATIVE = re.compile(r"[ \t]+(?:(?:could|can|would|will)[ \t]+you|please)\b",
                            re.IGNORECASE)
# A dash that opens a new part of a sentence: "Translations needed - Lucia can you ...".
_AFTER_DASH = re.compile(r"\s[-\u2013\u2014]\s+$")


def bare_vocative(text: str, start: int, end: int) -> bool:
    """Whether the member named at ``start``-``end`` is addressed: with no mark after the
    name, at the opening of the sentence or of a part after a dash, before "can you" or
    "please"; or with a comma, opening the part after a colon or a semicolon, before a
    question or a request ("On that: Ahmed, are the E.800-series texts in Spanish?",
    `w21`; "It runs to three pages; Lucia, can we have three?", `w24`), or the part
    after a dash ("Sorry to butt in - Lucia, will the briefing be online?")."""
    if _BARE_VOCATIVE.match(text, end):
        return start <= 6 or bool(_AFTER_DASH.search(text, max(0, start - 4), start))
    return bool(_AFTER_COLON.search(text, max(0, start - 3), start)
                or _AFTER_DASH.search(text, max(0, start - 4), start)) and bool(
        _ASKS_AFTER_COMMA.match(text, end))


_AFTER_COLON = re.compile(r"[:;][ \t]*$")
_ASKS_AFTER_COMMA = re.compile(
    r"[ \t]*,[ \t]*(?:could|can|would|will|do|does|did|is|are|has|have|please|what|which|"
    r"when|where|who|how)\b", re.IGNORECASE)
# A body addressed as a person is: "BDT, could you ...", "BDT and TSB, could you ...",
# "TSB colleagues, is there ...?", "BR, which bands ...?". The comma alone is not enough
# ("BDT, as agreed, will ..." is BDT acting): a request or question must open right after.
# The people of a body as a label: "TSB colleagues: which SG5 Recommendations ...?".
# "RAG, TSAG and TDAG representatives: please check ..." (`w20`-019, -032; the groups'
# representatives are the groups, as `w2`, `w8`-`w10`, `w12`, `w13` and `w19` label them),
# as are their reps ("RAG, TSAG and TDAG reps: please add ...", `w32`-036).
PEOPLE_LABEL = re.compile(r"\s+(?:colleagues|team|friends|" + BODY_ROLES
                          + r")\s*:", re.IGNORECASE)
BODY_VOCATIVE = re.compile(
    r"(?:\s+(?:colleagues|team|friends|" + BODY_ROLES + r"))?\s*,\s*"
    # an aside between the name and the request: "BDT, in addition, could you ..."
    r"(?:(?:also|too|in\s+addition|separately|finally|as\s+well)\s*,\s*)?"
    r"(?:(?:could|can|would|will)\s+you\b|please\b|"
    r"(?:do|did)\s+you\b|(?:is|are)\s+there\b|(?:which|what|when|where|how|who)\b|"
    r"(?:does|do|did|has|have)\s+(?:the\s+)?(?:ITU|SG|WP|it|your|any)\b)",
    re.IGNORECASE)

# What joins parties named together: "TSB and BR", "TSB, BR", "TSB/BR"; in the other
# languages the list writes, "and" with the article or the preposition and article the
# second party takes ("Pedimos à TSB e ao BDT que ...", "a TSB y al BDT", "le TSB et
# l'UIT-D", "BR und TSB").
CONNECTOR = re.compile(
    # "the TSAG rep and the BR focal point": a body's role-holder stands for the body.
    # The spaces before the joint are taken once ("*+"): given back one at a time for
    # ",?\s*" to retake, a gap of n spaces cost n squared steps (20,000: 30 s).
    r"^(?:\s+" + BODY_ROLES + r")?\s*+(?:,|and|&|/|\+|as\s+well\s+as|,\s*and|"
    r",?\s*(?:y|e|et|und)(?:\s+(?:a\s+la|à\s+la|al|ao|aos|au|aux|a|à|la|le|les|el|los|las|"
    r"o|os|der|die|dem|den)|\s+l['’])?)\s*(?:the\s+)?$", re.IGNORECASE)
# The wish a request is put as, right before the party asked: "grateful if", "appreciate
# it if", "wonder if" ("BR would appreciate it if BDT could ..." asks BDT, not BR).
WISH_IF = re.compile(r"\bif\s*$", re.IGNORECASE)


def dash_at(text: str, end: int) -> bool:
    """A dash right after a name: an en or em dash, or a hyphen typed between spaces
    ("BDT - could you ...", as mail clients leave it)."""
    rest = text[end:end + 3]
    return rest.lstrip()[:1] in {"\u2013", "\u2014"} or rest.startswith(" - ")


def opening_names(text: str, mentions: list[OwnerMention], index: int) -> list[OwnerMention]:
    """The member opening ``text`` (``mentions[index]``), with the members named after it
    up to a colon or a dash: "Yuki, Priya: if RAG or TDAG have inputs, please send them",
    "James, Omar and Luis: please send me ..." and "Klaus, Zhang Wei - could one of you
    ...?" speak to all of them, "Sofia, Rajesh has the file" only to Sofia."""
    chain = [mentions[index]]
    for later in mentions[index + 1:]:
        if later.kind != "member" or not CONNECTOR.match(text[chain[-1].end:later.start]):
            break
        chain.append(later)
    while len(chain) > 1 and text[chain[-1].end:chain[-1].end + 2].lstrip()[:1] != ":" and (
            not dash_at(text, chain[-1].end)):
        chain.pop()
    return chain


# A sentence opening that frames what follows: "For ITU-D, ...", "As for BR, ...".
_FRAME = re.compile(r"^\W*(?:for|as\s+for|as\s+regards|regarding|concerning|on\s+behalf\s+of)\s+"
                    r"(?:the\s+)?$", re.IGNORECASE)
_LIST_GOES_ON = re.compile(r"\s*(?:,|:|&|/|\band\b)", re.IGNORECASE)
# A party that is the object of the writer's own verb ("We thank BDT, and RAG is invited
# to ..."): a clause of its own before ", and", no part of the next clause's subject.
_OBJECT_OF_OWN = re.compile(r"\b(?:I|[Ww]e|[Tt]hey)\s+(?:[a-z]+\s+){1,4}(?:the\s+)?$")
_COMMA_AND = re.compile(r"^\s*,\s*and\s+(?:the\s+)?$", re.IGNORECASE)


def chained(text: str, mentions: list[OwnerMention], index: int, forward: bool) -> list[int]:
    """The indices, in the text's order, of the mention at ``index`` and those joined to
    it by "and" / "," / "/" (forward or backward)."""
    chain = [index]
    step = 1 if forward else -1
    while 0 <= index + step < len(mentions):
        left, right = (index, index + step) if forward else (index + step, index)
        if not CONNECTOR.match(text[mentions[left].end:mentions[right].start]):
            break
        if _FRAME.match(text[:mentions[left].start]) and "," in text[
                mentions[left].end:mentions[right].start] and not _LIST_GOES_ON.match(
                text, mentions[right].end):
            break  # "For ITU-D, BDT will advise": ITU-D is the frame, BDT acts
        if not forward and _COMMA_AND.match(text[mentions[left].end:mentions[right].start]) \
                and _OBJECT_OF_OWN.search(text, 0, mentions[left].start):
            break  # "We thank BDT, and RAG is invited": BDT thanked, RAG asked (fix-late)
        index += step
        chain.append(index)
    if not forward:
        chain.reverse()
    return chain


# A lead that dates the sentence by a meeting ("Before RAG, I would appreciate ...",
# "Ahead of TDAG in May I would like to know: ..."): the body it names says when, not
# who is asked (`w13`-015, `w35`-011).
# The runs of spaces are possessive: a lead of "before" and 50 KB of spaces took the
# square of its length (each lazy step re-read the whole run).
TIME_LEAD = re.compile(r"^\s*+(?:before|after|ahead\s+of|prior\s+to|during|until)\s++"
                       r"[^,;:?\n]{1,60}?(?:,\s*+|\s++(?=(?:I|we)\s))", re.IGNORECASE)
