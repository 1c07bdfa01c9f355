"""Requests that are somebody else's business: asked of the membership at large, asked by
outsiders, decided long ago, or quoted only as background.

Formal mail pastes or reports text written for others (a Circular, a press release, a
Council record, a note verbale, a request on another list). Its requests read like the
list's own but owe the list nothing:

- :func:`asks_the_membership`: pasted or forwarded, "Administrations are invited to
  nominate experts", "Governments and industry are urged to ..."; anywhere, "TSB
  Circular 318 invites Member States and Sector Members to reply by 31 October", "The
  Working Group ... encourages industry to participate": the membership at large is
  asked (by others); no party on the list owes it. A
  party of the list asked to pass it on ("ITU-D SG1 is invited to encourage
  administrations to submit ...") is asked itself, and stays.
- :func:`outsiders_ask`: "Regulators ask which frequency bands ...", "Operators in our
  Sahel project ask whether ...", "Several francophone administrations ask me who ...",
  "The Mission would be grateful to be informed whether ...", "Researchers in the ML
  challenge ask for real measurements": the question is somebody else's, reported or
  pasted; the sender's own question, if any, is its own sentence.
- :func:`records_a_decision`: "Council also adopted Decision 640 ... and decided that
  CWG-SFP would start its work ...", "PP-22 confirmed these arrangements, and in 2025
  the Group agreed that ...", "At its meeting of 3 December, the Group had already
  agreed that ...": a record of what a governing body decided, or of what the Group
  decided in an earlier year or before (the pluperfect), is history; the decisions of
  the meeting a summary reports ("The Group agreed that the General Secretariat would
  circulate ...") stay items.
- :func:`quoted_as_background`: "(Background, from the ETSI EE list, not addressed to
  us: "Please send comments ...")", "which I quote only as background": the writer
  says the request is not the list's.
- :func:`others_deadline`: "The organisers need session descriptions by 2 May (their
  deadline for the programme)", "I understand that is the applicants' deadline", "**
  Call for papers ** Submission deadline: 30 September", "Deadline for abstracts: 31
  January": a deadline the sentence gives to others, or a call for papers', dates
  nothing the list owes (a request of the list's own is its own item).

    >>> from iscg_mailbot.records import ActionCandidate, ActionInput
    >>> said = ActionCandidate(kind="action", span=(0, 60), owner="ISCG", owner_kind="group",
    ...     sentence="Regulators ask which bands should be reserved.",
    ...     due=None, due_text=None, confidence=0.65, rule="we_request")
    >>> drop_outside_requests([said], ActionInput(said.sentence, None))
    []
"""

from __future__ import annotations

import re
from datetime import datetime

from iscg_mailbot.records import ActionCandidate, ActionInput

# The membership at large, as Circulars and press releases address it.
_MEMBERSHIP = (r"(?:Member\s+States|[Aa]dministrations|Sector\s+Members|Associates|Academia"
               r"|[Gg]overnments|[Ii]ndustry|[Rr]egulators|[Oo]perators"
               r"|(?:[Pp]ermanent\s+)?[Mm]issions?|the\s+membership)")
_MEMBERS = rf"{_MEMBERSHIP}(?:\s*(?:,|and|as\s+well\s+as)\s*(?:the\s+)?{_MEMBERSHIP})*"
_ASKED_VERB = (r"(?:invited|urged|encouraged|requested|asked|called\s+upon|expected)\s+to\b")
# "Administrations (wishing to propose speakers) are (kindly) invited to ...": the
# membership as the subject of the passive request, at the sentence's (or a numbered
# paragraph's) start.
_ASKED_PASSIVE = re.compile(
    rf"^\W*(?:\d+(?:\.\d+)*\s+)?(?:(?:all|the|interested|national|their)\s+)?{_MEMBERS}"
    rf"(?:\s+(?:of|from|in|wishing|interested|that|which|who)\b[^.;:]{{0,60}}?)?"
    rf"\s+(?:are|is)\s+(?:(?:also|hereby|kindly|strongly|therefore|further)\s+)*"
    rf"{_ASKED_VERB}")
# "... invites Member States and Sector Members to reply", "encourages industry to
# participate": a finite verb (a document or body speaking), not "to encourage ...",
# the task of a party that is asked to pass the call on.
_ASKS_MEMBERS = re.compile(
    rf"(?<!\bto\s)\b(?:invites|encourages|urges|requests|calls\s+(?:up)?on)\s+"
    rf"(?:(?:all|the|interested|national)\s+)?{_MEMBERS}\s+to\b")
# "Regulators ask which ...", "Several francophone administrations ask me who ...",
# "The Mission would be grateful to be informed whether ...".
# Askers outside the list besides the membership: researchers, universities, users.
_OUTSIDERS = (rf"(?:{_MEMBERS}|[Rr]esearchers|[Uu]niversities|[Uu]sers|[Cc]itizens"
              rf"|the\s+public)")
_OUTSIDERS_ASK = re.compile(
    rf"^\W*(?:(?:several|many|some|a\s+few|two|three|the|our|their|national)\s+)?"
    rf"(?:[A-Z][\w-]*\s+|[a-z][\w-]*\s+){{0,2}}?{_OUTSIDERS}"
    rf"(?:\s+(?:of|from|in)\b[^.;:,]{{0,40}}?)?\s+"
    rf"(?:(?:also|often|keep|now|have|has|repeatedly)\s+)*"
    rf"(?:ask(?:s|ed)?|wonder|want\s+to\s+know|would\s+(?:be\s+grateful|appreciate|welcome)"
    rf"|request(?:s|ed)?\s+(?:to\s+be\s+informed|information))\b")
# The sender's own asking in the same sentence keeps it.
_OWN_ASK = re.compile(r"\b(?:please|kindly|could\s+(?:you|we)|can\s+(?:you|we)|would\s+you"
                      r"|I\s+would\s+be\s+grateful|we\s+would\s+be\s+grateful)\b|\?",
                      re.IGNORECASE)

# A governing body deciding: Council, the Plenipotentiary Conference, the world
# conferences and assemblies, as their records are reported.
_GOVERNING = (r"(?:Council(?:\s+\d{4})?|Councillors|(?:the\s+)?Plenipotentiary(?:\s+Conference)?"
              r"|PP-?\d{2}|the\s+Conference|WTSA-?\d{2}|WTDC-?\d{2}|WRC-?\d{2}|RA-?\d{2})")
_DECIDED = (r"(?:decided|agreed|adopted|approved|requested|instructed|resolved|invited"
            r"|confirmed|concluded|revised|welcomed|endorsed|noted)")
# (Bounded punctuation before the body: "\W*" after "[,;]\s*" tried every split of a run
# of ", , , ...": minutes for 25,000 characters. "as Council requested" is a reference
# the sentence's own work follows, not the record: "TSB will report by May, as Council
# requested.")
_GOVERNING_DECIDED = re.compile(
    rf"(?:^|[,;]|\b(?:and|when)\s)\W{{0,8}}{_GOVERNING}(?:\s*\([^)]{{0,40}}\))?"
    rf"(?:\s+(?:also|further|then|already|subsequently|finally))*\s+{_DECIDED}\b")
# "had (already) agreed", "had decided": an earlier decision recalled.
# "As we had agreed at the last call, BR will send ...": an earlier decision cited for
# the work that follows, not recalled as history.
_HAD_DECIDED = (r"had\s+(?:already\s+|previously\s+|also\s+)?"
                r"(?:agreed|decided|requested|instructed|asked|resolved)\b")
_AS_RECALLED = re.compile(r"\bas\s+(?:[\w-]+\s+){0,4}?" + _HAD_DECIDED, re.IGNORECASE)
_PLUPERFECT = re.compile(r"\b" + _HAD_DECIDED, re.IGNORECASE)
# "in 2025 the Group agreed", "the Group agreed in 2019 that": a decision of a past year.
_IN_YEAR_DECIDED = re.compile(
    r"\bin\s+((?:19|20)\d\d)\b[^.;]{0,60}?\b(?:agreed|decided|requested|instructed)\b"
    r"|\b(?:agreed|decided|requested|instructed)\s+in\s+((?:19|20)\d\d)\b", re.IGNORECASE)
# A request of the sender's own inside the record keeps it.
_ASKING_NOW = re.compile(r"\b(?:please|kindly|(?:is|are)\s+(?:hereby\s+)?(?:invited|requested)"
                         r"\s+to|would\s+be\s+grateful|could\s+you|may\s+wish\s+to)\b",
                         re.IGNORECASE)

_BACKGROUND = re.compile(
    r"\bnot\s+addressed\s+to\s+(?:us|this\s+list|the\s+(?:list|group|ISCG))\b"
    r"|\b(?:quote[sd]?|cite[sd]?|reproduce[sd]?|forward(?:ed|s)?|shared?)\s+(?:\w+\s+){0,2}"
    r"(?:as|for)\s+(?:background|context)\b"
    r"|\b(?:for|as)\s+background\s+only\b", re.IGNORECASE)


# "their deadline", "the applicants' deadline", "not ours"; a call for
# papers' or abstracts' deadline.
_OTHERS_DEADLINE = re.compile(
    r"(?:\btheir|\bthe\s+\w+s['\u2019])\s+(?:own\s+)?deadline\b"
    r"|\bnot\s+ours\b|\bcall\s+for\s+(?:papers|abstracts|contributions\s+to\s+the\s+journal)\b"
    r"|\b(?:deadline\s+for\s+(?:abstracts|papers|full\s+papers|submissions)"
    r"|(?:abstract|paper)\s+(?:submission\s+)?deadline)\b", re.IGNORECASE)


def others_deadline(sentence: str) -> bool:
    """Whether the sentence's deadline is somebody else's (see the module's docstring)."""
    return bool(_OTHERS_DEADLINE.search(sentence))


def asks_the_membership(sentence: str, pasted: bool = True) -> bool:
    """Whether the sentence asks the membership at large (see the module's docstring): a
    body or document asking it ("... invites Member States to ..."), or, in text pasted
    below a separator line or forwarded (``pasted``), the passive ("Administrations are
    invited to ..."). The sender's own passive call to the membership, in a liaison
    statement's manner, is an item (tests/data/action_sentences.yaml, `w5`-005)."""
    return bool((pasted and _ASKED_PASSIVE.search(sentence)) or _ASKS_MEMBERS.search(sentence))


# A line that sets pasted or forwarded text apart: a rule of dashes, underscores or equals
# signs ("---", "---- Text of the letter ----", "-----Original Message-----", "----------
# Forwarded message ---------"), not a PGP armour line nor a signature's "-- ".
_SEPARATOR = re.compile(
    r"^[ \t]*+(?:[-_=*]{3,}(?![^\n]*\bPGP\b)[^\n]*|[^\n]*\b(?:original|forwarded)\s+message\b"
    r"[^\n]*|begin\s+forwarded\s+message[^\n]*)$", re.IGNORECASE | re.MULTILINE)


def pasted_at(text: str, start: int) -> bool:
    """Whether the offset lies below a separator line of the text (pasted or forwarded)."""
    return start > _first_separator(text)


def _first_separator(text: str) -> int:
    """Where the text's first separator line starts (its length when it has none): found
    once a message, not once an item (a search from the top for each item was quadratic
    in a long message of many items). ``[ \t]*+`` above: a line of spaces is read once."""
    first = _SEPARATOR.search(text)
    return len(text) if first is None else first.start()


def outsiders_ask(sentence: str) -> bool:
    """Whether the sentence reports (or pastes) a question or request of outsiders and
    asks nothing of the sender's own."""
    return bool(_OUTSIDERS_ASK.search(sentence)) and not _OWN_ASK.search(sentence)


def records_a_decision(sentence: str, sent: datetime | None) -> bool:
    """Whether the sentence records an earlier decision (see the module's docstring)."""
    if _ASKING_NOW.search(sentence):
        return False
    if _GOVERNING_DECIDED.search(sentence) or _PLUPERFECT.search(_AS_RECALLED.sub("", sentence)):
        return True
    if sent is None:
        return False
    return any(int(year) < sent.year for match in _IN_YEAR_DECIDED.finditer(sentence)
               for year in match.groups() if year)


# A verb asked or promised ("Could BDT share its study as background ...?", "BDT will
# share it as background for the meeting"): work to do, not the writer's aside.
_ASKED_OR_PROMISED = re.compile(
    r"\b(?:will|shall|could|can|would|please|kindly|to)\s+(?:[\w-]+\s+){0,2}$|['\u2019]ll\s+$",
    re.IGNORECASE)


def quoted_as_background(sentence: str) -> bool:
    """Whether the writer says the request is quoted only as background (not when the
    quoting or sharing is itself asked or promised)."""
    return any(_ASKED_OR_PROMISED.search(sentence, max(0, m.start() - 40), m.start()) is None
               for m in _BACKGROUND.finditer(sentence))


# Words that put a request to the readers themselves: "invites colleagues to ...", "asks
# you to ...", "would ask each Bureau to ...", "asks the Group to ...".
_READERS = re.compile(r"\b(?:you|your|colleagues|members|every(?:one|body)?|all|each|"
                      r"group|ISCG|list|representatives|vice-?chairs)\b", re.IGNORECASE)
# The sender asking: "I would ask ...", "We kindly invite ...", "I would like to request
# ...". A bounded run of words between: linear.
_SENDER_ASKS = re.compile(r"\b(?:I|we)\s+(?:\w+\s+){0,3}?(?:ask|invite|request|urge|"
                          r"encourage|call\s+upon|count\s+on|rely\s+on)\b", re.IGNORECASE)


def asks_no_reader(candidate: ActionCandidate) -> bool:
    """Whether a sentence of asking ("X asks / invites / requests Y to ...", rule
    ``we_request``) asks nobody of the list: no party of it was found in the sentence
    (owner none, before the list's own convention gives it one) and no word puts it to
    the readers. "UNHCR asks whether ITU could give joint guidance", "most
    administrations ask the applicant to provide the study", "the draft asks how to
    count ...", "I would like to invite the three Directors to open the session": the
    request is somebody else's, or put to outsiders (`w7`, `w23`, `w31`, `w33`, `w36`-`w38`
    dev leave them unlabelled). "Could BR ask WP 5D ...", "invites ITU-D SG1 to ..." name
    a party, and stay. So does a request the sender makes with a deadline ("I would ask the
    rapporteurs to send their texts by 10 May", "We invite participants to register by
    ..."): whom the sender asks by a day reads the list, named or not."""
    return (candidate.rule == "we_request" and candidate.owner is None
            and _READERS.search(candidate.sentence) is None
            and not (candidate.due is not None and _SENDER_ASKS.search(candidate.sentence)))


def drop_outside_requests(candidates: list[ActionCandidate],
                          message: ActionInput) -> list[ActionCandidate]:
    """The items less those that are somebody else's business (the module's docstring).
    Questions are left to :mod:`.action_questions`."""
    sent, separator = message.date, _first_separator(message.new_text)
    return [c for c in candidates if c.kind == "question" or not (
        asks_the_membership(c.sentence, c.span[0] > separator) or outsiders_ask(c.sentence)
        or asks_no_reader(c)
        or records_a_decision(c.sentence, sent) or quoted_as_background(c.sentence)
        or (c.rule == "deadline" and others_deadline(c.sentence)))]
