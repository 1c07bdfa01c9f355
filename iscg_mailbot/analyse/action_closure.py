"""What a reply says about the work asked of it, by the structure of its sentences.

Beyond the configured closure phrases ("done", "we have sent the liaison"), a sentence
reports completion when it says the thing asked for has arrived or gone:

- ``delivered``: a delivery verb in the past or perfect, active or passive ("was sent
  to the Secretary-General", "has been uploaded", "we submitted", "BDT has provided");
- ``attached``: the thing is enclosed ("please find attached TSB's input", "attached
  is our reply");
- ``confirmed``: a confirmation ("Confirmed.", "Yes, we confirm", "Done for BDT").

Acceptance is not completion: "Sure, will do", "we will send it", "noted" report
nothing (a future or an acknowledgement). A question is answered by a reply with
something to say (:func:`is_substantive`), not by "Thanks!" or another question.

    >>> delivery_statement("The input was sent to the Secretary-General yesterday.")
    'delivered'
    >>> delivery_statement("Sure, will do.") is None
    True
"""

from __future__ import annotations

import re

from iscg_mailbot.analyse.closure_reading import signature_line, without_signature
from iscg_mailbot.analyse.closure_words import gate_words, words_of
from iscg_mailbot.analyse.text_gates import (
    FoldedPattern,
    GatedPattern,
    folded,
    top_alternatives,
)

_DELIVERY_VERBS = (
    r"sent|submitted|circulated|uploaded|posted|shared|provided|forwarded|transmitted|"
    r"published|distributed|issued|delivered|returned|completed|finali[sz]ed|prepared|"
    r"updated|added|included|filed|registered|nominated|designated|appointed|made\s+available"
)
# The end of a headline of the deed ("BR slides attached"): the clause's end, or what
# the thing holds ("(9 events)", ": ISCG-27/25 rev.1"), not a purpose or a place
# ("posted to the SharePoint" is read by the other forms), or a mark that ends it ("BR
# section uploaded \u2705", "BR quote attached \U0001f4ce (Director approved)": the
# twenty-sixth writer's check marks and emojis, whatever follows them).
_MARK = r"[\u2190-\u21ff\u2300-\u23ff\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff]"
_HEADLINE_END = r"(?:\W*$|\s*[(:]|\s+[-\u2013\u2014]\s|\s*" + _MARK + ")"
_STATEMENT_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("delivered", re.compile(
        r"\b(?:was|were|has\s+been|have\s+been|had\s+been|(?:is|are)\s+now|(?:is|are)\s+already)"
        r"\s+(?:\w+ly\s+|just\s+|now\s+|already\s+)?(?:" + _DELIVERY_VERBS + r")\b"
        r"|\b(?:have|has)\s+(?:\w+ly\s+|just\s+|now\s+|already\s+)?(?:" + _DELIVERY_VERBS
        + r"|confirmed|done)\b"
        r"|\b(?:I|we)\s+(?:\w+ly\s+|just\s+|already\s+)?(?:" + _DELIVERY_VERBS + r")\b(?!\s+to\b)"
        r"|\bpassed\s+(?:it\s+|them\s+)?on\b"
        # The state the deed left: "TSB rows of the tracker are updated", "the roster is
        # updated (attached)" -- not "is updated weekly".
        r"|\b(?:is|are)\s+(?:now\s+|all\s+)?(?:updated|completed|finali[sz]ed)\b"
        r"(?!\s+(?:weekly|monthly|daily|regularly|every|each|once|twice|annually|yearly|by\b))"
        # A headline of the deed, the thing and its participle: "TSB lines updated.",
        # "Lucia, TSB rows updated.", "Documents for AI 3 and AI 4 posted: ISCG-27/25"
        # (the sixth and twelfth writers); not "to be updated", "not yet posted".
        # (\W*+: punctuation before the thing is never one of its words, else a run of
        # "- - -" is split every way at every dash, the square of its length.)
        r"|(?:^|[:;\u2013\u2014-]\s|^\W*(?-i:[A-Z])[\w'-]+,\s)\W*+"
        r"(?:(?!(?:will|shall|be|being|been|not|nothing|no|to|yet|still|is|are|was|were|"
        r"has|have|once|when|if)\b)[\w'\u2019/.-]+\s+){1,7}"
        r"(?:updated|posted|uploaded|circulated|corrected|submitted)" + _HEADLINE_END +
        # The thing went: "it went to ITU-D SG1 on 2 July", "our reply has gone to SG5",
        # "The ITU-D SG1 reply went out this morning" (the thirteenth writer).
        r"|\b(?:it|this|(?:the|our|its|their|\w+['\u2019]s)\s+[\w-]+)\s+(?:[\w/.-]+\s+){0,3}"
        r"(?:went|(?:has|have)\s+(?:now\s+|already\s+)?gone)\s+(?:(?:out\s+)?to\b|out\b(?!\s+of\b))"
        # Other languages: "a été envoyé", "avons transmis", "fue enviado", "hemos
        # enviado", "foi enviado", "wurde ... übermittelt".
        r"|\b(?:a|ont)\s+(?:d\u00e9j\u00e0\s+)?\u00e9t\u00e9\s+(?:envoy|transmis|soumis|"
        r"publi|diffus|communiqu)\w*|\b(?:avons|ai)\s+(?:d\u00e9j\u00e0\s+)?(?:envoy|transmis|"
        r"soumis)\w*|\b(?:fue|fueron|ha\s+sido|han\s+sido|foi|foram)\s+(?:enviad|remitid|"
        r"presentad|publicad)\w*|\b(?:hemos|he|se)\s+(?:enviado|remitido|envi\u00f3)\b"
        r"|\bwurden?\s+(?:\w+\s+){0,4}(?:gesendet|versandt|verschickt|\u00fcbermittelt|"
        r"eingereicht)\b"
        # "... and sent today" after the thing: "la respuesta de la CE 2, aprobada por el
        # Grupo de Relator y enviada hoy por la BDT" (the twenty-second writer).
        r"|\b(?:y|e|et)\s+(?:enviad|remitid|envoy|transmis)\w*\s+(?:hoy|ayer|hoje|ontem|"
        r"aujourd'hui|hier)\b"
        # The state the deed left, now: "The recording ... is now available on the
        # SharePoint site", "the draft CPM Report is now public" (the nineteenth and
        # twentieth writers); not "is available in English only" (no "now": a fact).
        r"|\b(?:is|are)\s+now\s+(?:(?:publicly|freely|also)\s+)?"
        r"(?:available|public|online|accessible)\b",
        re.IGNORECASE)),
    # A reply opening with the deed: "Circulated to both teams", "Checked.", "Added as
    # item 5", "Passed to the co-rapporteurs".
    # Also after a name or a thanks and a dash ("Nadia - sent you my details", "Thanks
    # Amara - shared with ..."), and other languages' participles ("Enviado hoy al relator").
    ("done", re.compile(
        r"^\W*(?:(?:(?:(?:many\s+)?thanks|thank\s+you|merci|gracias)\s+)?(?:[^\W\d_]+\s+)?"
        r"[-\u2013\u2014]\s+)?"
        r"(?:(?:now\s+|all\s+)?(?:circulated|checked|added|done|shared|sent(?!\s+from\s+my)|forwarded|"
        r"uploaded|posted|passed\s+(?:on|to)|submitted|updated|corrected|fixed|booked|"
        r"registered|included|scheduled|approved|agreed|noted\s+and\s+(?:done|added)|"
        r"enviad[oa]s?|remitid[oa]s?|envoy\u00e9e?s?|transmise?s?|compartid[oa]s?))\b",
        re.IGNORECASE)),
    ("attached", re.compile(
        r"\bplease\s+(?:find|see)\s+(?:\w+['\u2019]?s?\s+){0,5}?(?:attached|enclosed|herewith)\b"
        r"|\bplease\s+find\s+(?:attached|enclosed|herewith|below)\b"
        r"|\b(?:attached|enclosed)\s+(?:is|are|please\s+find|you\s+will\s+find)\b"
        r"|\b(?:is|are)\s+(?:now\s+)?(?:attached|enclosed)\b"
        r"|\b(?:I|we)\s+(?:hereby\s+|herewith\s+)?(?:attach|enclose)\b"
        r"|^\W*here\s+(?:is|are)\b|\b(?:ci-joint|voici|veuillez\s+trouver|adjunto|adjunta|"
        r"adjuntamos|anbei|in\s+allegato|em\s+anexo|segue\s+em\s+anexo)\b"
        # Other languages' "is attached": "Sa biographie est jointe", "en pièce jointe",
        # "se adjunta", "im Anhang", "beigefügt", "segue anexo".
        r"|\b(?:est|sont)\s+(?:ci-)?joint(?:e|s|es)?\b|\ben\s+pi[\u00e8e]ces?\s+jointes?\b"
        r"|\bdocument\s+joint\b|\bim\s+anhang\b|\bbeigef\u00fcgt\b|\bsegue\s+anexo\b"
        # "I am attaching the list", "TSB's part is in the attached draft".
        r"|\b(?:I|we)\s*(?:am|are|'m|\u2019m|'re|\u2019re)\s+(?:also\s+)?attaching\b"
        r"|\b(?:is|are)\s+(?:now\s+|all\s+)?in\s+the\s+attached\b"
        # A body's reply reported: "SG16 approved its reply", "SG17 agreed its reply to
        # ITU-D SG2 on 5 September", "SG1 sent its reply to SG12 today", "SG3 agreed
        # today its reply", "ITU-D SG2 sent its feedback to SG17", "The reply liaison of
        # ITU-D SG1 ... was approved by the SG1 management team" (the fourteenth,
        # fifteenth and seventeenth writers).
        r"|\b(?:approved|agreed|adopted|sent)\s+(?:(?:today|yesterday|this\s+(?:morning|"
        r"afternoon|week)|on\s+\d{1,2}\s+\w+)\s+)?(?:its|their|the|our)\s+"
        r"(?:reply|response|answer|feedback)\b"
        r"|\b(?:reply|response)(?:\s+(?:liaison|LS))?\s+(?:of|from)\s+[^.;]{1,80}?\b"
        r"(?:was|were|has\s+been|have\s+been)\s+(?:approved|adopted|agreed)\b"
        # A clause that is only the thing and "attached": "Bios attached.", "Sorry for the
        # delay - BR slides attached.", after a name ("Lucia, BDT list attached") and
        # before what it holds ("Three circulars attached (Kerala, Maharashtra and Delhi)",
        # the twelfth and thirteenth writers).
        r"|(?:^|[:;\u2013\u2014-]\s|^\W*(?-i:[A-Z])[\w'-]+,\s)\W*+"
        r"(?:(?!(?:will|shall|be|not|nothing|no|to)\b)[\w'\u2019/.()-]+\s+){1,4}"
        r"(?:attached|enclosed)" + _HEADLINE_END +
        # The participle first: "A day late, sorry: attached the two paragraphs" (the
        # fifth and fifteenth writers), or alone, the thing being the one quoted above
        # it or asked: "Attached.", "Attached (CSV, 12 venues)", "Attached: WP 5D draft
        # vocabulary list" (the sixth and twenty-fourth writers); not "attached for your
        # information", nor before a comma ("BDT youth events attached, one day late"
        # then closed BDT's other items too).
        r"|(?:^|[:;\u2013\u2014-]\s)\W*+(?:attached|enclosed)(?:\s+(?:the|our|my|both)\b|"
        + _HEADLINE_END + ")"
        # A group's reply reported in a headline, with or without its auxiliary: "Reply
        # LS from ITU-D SG2 sent to SG17 this morning", "Q5/2 reply LS went to WP 5A
        # today", "SG17's reply LS was approved today - attached" (the eighteenth and
        # twentieth writers); not "the reply LS will be sent", "... not yet approved",
        # "to be agreed". (Each try reads at most 80 characters past "reply".)
        r"|\b(?:reply|response)\s+(?:liaison(?:\s+statement)?|LS)\b"
        r"(?:(?!\b(?:will|shall|would|should|must|not|be|once|when|if|yet|still|until|"
        r"before|after)\b)[^.;?!]){0,80}?"
        r"\b(?:sent|went|transmitted|submitted|approved|adopted|agreed)\b"
        # The thing said first, "attached" last after a comma or a dash: "Hiroshi asked
        # me to send the TSB text - attached.", "We have a two-page note on this,
        # attached." (the fourteenth and twentieth writers).
        r"|(?:,|\s[-\u2013\u2014])\s*(?:attached|enclosed)\W*$",
        re.IGNORECASE)),
    ("confirmed", re.compile(
        r"^\W*(?:(?:yes|yes,\s+indeed|indeed)\W+)?(?:confirmed|done|(?:I|we)\s+(?:can\s+)?"
        r"(?:hereby\s+)?confirm)\b"
        # "Done." in other languages, as the whole clause, or before the share it did or
        # a dash or colon: "Hecho.", "Listo - Colombia is now in the pilot group", "C'est
        # fait pour le RAG : ...", "Feito.", "Erledigt f\u00fcr BDT." (the sixth, seventh
        # and twenty-third writers). Not inside a sentence ("el hecho de que", "listo para
        # la reuni\u00f3n": the share a capitalised name).
        r"|^\W*(?:hecho|listo|c['\u2019]est\s+fait|feito|erledigt|fatto)"
        r"(?:\s+(?:para|pour|por|f\u00fcr|per)\s+(?:(?:el|la|le|les|o|a|die|das|den|der)\s+)?"
        r"(?-i:[A-Z])[\w/-]*)?(?:\W*$|\s*[-\u2013\u2014:]\s)",
        re.IGNORECASE)),
    # The headline of a deed with the one it went to: "Form sent to Pierre.", "BR list
    # sent to the host (2 arrivals)", "Links and a short guide sent to M. Issoufou, with
    # a test offered", "BDT list sent too" (the seventh, ninth, thirteenth, twenty-third
    # and thirty-second writers); not a thing described by where it went ("Comments
    # sent to me by Friday will be included", "The letter sent to members asked ..."),
    # and tried last (a group's reply LS "sent to SG17" is read as such above). The verb
    # after is looked for in the next 160 characters: each "sent to" of a long clause read
    # to its end was the square of its length. A thing sent on for others' work ("Draft
    # sent to the chair for comments") does not do an item asking no sending ("Please
    # review the draft"; ``closure_state.other_state``).
    ("sent", re.compile(
        r"(?:^|[:;\u2013\u2014-]\s|^\W*(?-i:[A-Z])[\w'-]+,\s)\W*+"
        r"(?:(?!(?:will|shall|be|being|been|not|nothing|no|to|yet|still|is|are|was|were|"
        r"has|have|once|when|if)\b)[\w'\u2019/.-]+\s+){1,7}"
        r"(?:sent|forwarded|circulated|submitted)\s+(?:to|too)\b"
        r"(?![^.;?!,:(]{0,160}\b(?:is|are|was|were|will|shall|should|must|can|could|would|may|"
        r"might|\w+ed)\b)",
        re.IGNORECASE)),
)
# The delivery verbs as the words their matches hold ("made" of "made available",
# "finali" of "finalised"). The anchored statements ("Done.", "Confirmed") fail at once
# and are searched as they are; the others in groups of their alternatives, each group
# behind the words its matches hold (most clauses hold none).
_DELIVERY_WORDS = tuple(w.split("[")[0].split("\\")[0] for w in _DELIVERY_VERBS.split("|"))
# The "attached" statement's alternatives searched apart, each group behind the words
# its matches hold: a clause saying "there" or "below" lets the whole statement's gate
# through, and its last alternative ("BR slides attached") is tried at every position.
# Only where the leftmost match starts is read, and the leftmost of the groups' matches
# starts where the whole pattern's would (``tests/test_text_gates.py``).
_ATTACHED_GROUPS: tuple[tuple[tuple[str, ...], tuple[int, ...]], ...] = (
    (("please",), (0, 1)),
    (("attach", "enclos"), (2, 3, 4, 13, 14, 17, 18, 20)),
    (("here",), (5,)),
    (("joint", "voici", "veuillez", "adjunt", "anbei", "allegato", "anexo", "anhang",
      "beigefügt", "approved", "agreed", "adopted", "sent"), (6, 7, 8, 9, 10, 11, 12, 15, 16)),
    (("sent", "went", "transmitted", "submitted", "approved", "adopted", "agreed"), (19,)),
)

# The "delivered" statement's alternatives the same way: the English deeds behind the
# delivery verbs, and apart those tried at every word of a clause holding a delivery verb
# ("it ... went to", the other languages' forms), each behind its own words.
_DELIVERED_GROUPS: tuple[tuple[tuple[str, ...], tuple[int, ...]], ...] = (
    ((*_DELIVERY_WORDS, "confirmed", "done"), (0, 1, 2, 4, 5)),
    (("passed",), (3,)),
    (("went", "gone"), (6,)),
    (("envoy", "transmis", "soumis", "publi", "diffus", "communiqu", "enviad", "remitid",
      "presentad", "publicad", "envi\u00f3", "gesendet", "versandt", "verschickt",
      "\u00fcbermittelt", "eingereicht"), (7, 8, 9, 10, 11, 12)),
    (("available", "public", "online", "accessible"), (13,)),
)

_GROUPS = {"delivered": _DELIVERED_GROUPS, "attached": _ATTACHED_GROUPS,
           "sent": ((("sent", "forwarded", "circulated", "submitted"), (0,)),)}


def _split_statement(pattern: re.Pattern[str],
                     groups: tuple[tuple[tuple[str, ...], tuple[int, ...]], ...]
                     ) -> tuple[GatedPattern, ...]:
    parts = top_alternatives(pattern.pattern)
    if sorted(i for _, group in groups for i in group) != list(range(len(parts))):
        raise ValueError("each alternative of the statement must be in one group")
    return tuple(GatedPattern(re.compile("|".join(parts[i] for i in group), pattern.flags),
                              words) for words, group in groups)


_STATEMENTS: tuple[tuple[str, re.Pattern[str], tuple[GatedPattern, ...] | None], ...] = tuple(
    (name, pattern,
     _split_statement(pattern, _GROUPS[name]) if name in _GROUPS else None)
    for name, pattern in _STATEMENT_PATTERNS
)
# "will be sent", "once it has been sent", "if you have sent": not (yet) done.
_NOT_YET = re.compile(
    r"\b(?:will|shall|would|should|must|once|when|if|after|until|before|not|n't|never|yet|"
    r"soon|going\s+to|plan\s+to|about\s+to)\b(?:\W+\w+){0,3}\W*$",
    re.IGNORECASE,
)
# Searched before each statement found (a lower-case copy in an ASCII clause).
_NOT_YET_FOLDED = FoldedPattern(_NOT_YET)


def _is_anchored(pattern: re.Pattern[str]) -> bool:
    """Whether a pattern matches only at the start of a text (each alternative "^...")."""
    return not pattern.flags & re.MULTILINE and all(
        alternative.startswith("^") for alternative in top_alternatives(pattern.pattern))


# The statements (and groups of the "attached" one) anchored at the start of the clause
# ("Done.", "Here is ...", "Confirmed"), in the order they are tried: each is one quick
# try at the start of a clause, its gate is not needed.
_ANCHORED: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, pattern) for name, whole, gates in _STATEMENTS
    for pattern in ((whole,) if gates is None else (g.pattern for g in gates))
    if _is_anchored(pattern))
if any(gates is None and not _is_anchored(whole) for _, whole, gates in _STATEMENTS):
    raise ValueError("an ungated statement must be anchored at the start of the clause")
if any(p.groups or p.flags != _ANCHORED[0][1].flags for _, p in _ANCHORED):
    raise ValueError("the anchored statements are tried in one pattern: no groups, same flags")
# All of them tried in one match: at the start, the first alternative that matches.
_ANCHORED_ONE = re.compile("|".join(f"(?P<a{i}>{p.pattern})" for i, (_, p) in enumerate(_ANCHORED)),
                           _ANCHORED[0][1].flags)


# The same gate asked of the clause's words (:func:`words_of`), read once a clause: a
# word of its own in every match of each statement: the verbs ("finali" as "finalised"
# or "finalized"), "please", the attaching words ("attach" as "attached", "attaching",
# ...), and for the stems of other languages the word before them ("a \u00e9t\u00e9
# envoy\u00e9", "avons transmis", "fue enviada", "hemos enviado"). No substring test: a
# few of them a clause cost more than the trie search they replaced.
_ANY_STATEMENT_WORDS = gate_words((
    *(w for w in _DELIVERY_WORDS if w != "finali"), "finalised", "finalized", "confirmed",
    "done", "passed", "went", "gone", "\u00e9t\u00e9", "avons", "ai", "fue", "fueron", "sido",
    "foi", "foram", "enviado", "remitido", "envi\u00f3", "gesendet", "versandt", "verschickt",
    "\u00fcbermittelt", "eingereicht", "hoy", "ayer", "hoje", "ontem", "aujourd", "hier",
    "please", "attached", "enclosed", "attach", "enclose", "attaching",
    "joint", "jointe", "joints", "jointes", "voici", "veuillez", "adjunto", "adjunta",
    "adjuntamos", "anbei", "allegato", "anexo", "anhang", "beigef\u00fcgt", "approved", "agreed", "adopted",
    "available", "public", "online", "accessible"))


def delivery_statement(sentence: str, words: frozenset[str] | None = None) -> str | None:
    """The name of the completion a sentence reports, or None (questions report none).
    ``words``: :func:`words_of` the sentence, when the caller has them."""
    if sentence.rstrip().endswith("?"):
        return None
    if _ANY_STATEMENT_WORDS.isdisjoint(words_of(sentence) if words is None else words):
        # An anchored statement matches at the start, where nothing is before it to
        # negate it (``_NOT_YET`` of an empty text); the first of them in their order.
        match = _ANCHORED_ONE.match(sentence)
        return _ANCHORED[int(match.lastgroup[1:])][0] if match and match.lastgroup else None
    return _gated_statement(sentence, folded(sentence))


def _gated_statement(sentence: str, lowered: str) -> str | None:
    """:func:`delivery_statement` of a clause holding one of the statements' words."""
    for name, pattern, gates in _STATEMENTS:
        if gates is None:
            match = pattern.search(sentence)
            start = match.start() if match else None
        else:  # the leftmost match of the groups whose words the sentence holds
            start = None
            for gate in gates:
                if gate.may_match(lowered) and (match := gate.pattern.search(sentence)) \
                        and (start is None or match.start() < start):
                    start = match.start()
        if start is not None and not _NOT_YET_FOLDED.found(sentence[:start]):
            return name
    return None


def not_yet(before: str) -> bool:
    """Whether the text before a statement makes it not (yet) done ("will be", "once it
    has been", "if you have")."""
    return _NOT_YET_FOLDED.found(before)


# What delivery_statement names a thing delivered (not a confirmation, not "done").
DELIVERIES = frozenset({"attached", "delivered", "sent"})


# Replies that say nothing to a question: thanks, acknowledgements, acceptance,
# greetings and sign-offs, each optionally with a name ("Thanks, Ingrid!").
_ACK_WORDS = (
    r"(?:many\s+)?thanks?(?:\s+(?:a\s+lot|again|so\s+much|very\s+much|you(?:\s+very\s+much)?))?|"
    r"thank\s+you(?:\s+(?:very\s+much|so\s+much|again))?|much\s+appreciated|noted(?:\s+with\s+thanks)?|"
    r"well\s+noted|received|sure|of\s+course|ok(?:ay)?|will\s+do|\+1|great|perfect|excellent|"
    r"fine(?:\s+(?:with|for)\s+(?:me|us))?|good(?:\s+idea)?|bonne\s+id[ée]e|happy\s+to(?:\s+help)?|"
    r"(?:a\s+)?lovely\s+(?:idea|initiative)|very\s+(?:interesting|useful|welcome)|wonderful|"
    r"sounds\s+good|with\s+pleasure|bien\s+re[çc]u|excelente|perfekt|danke|obrigad[oa]|merci|"
    r"(?:muchas\s+)?gracias|(?:we|I)(?:'ll|\s+will)\s+(?:revert|come\s+back|get\s+back|look\s+into\s+it|check)|"
    r"dear|hi|hello|best|(?:best|kind|warm)\s+regards|regards|cheers|"
    # Wishes say nothing either: "Will do, Ingrid. All the best Klaus!" (the fourteenth
    # writer; farewells and wishes close the replies of every writer).
    r"all\s+the\s+best|(?:good|best\s+of)\s+luck|safe\s+travels?|congratulations|"
    r"have\s+a\s+(?:good|nice|great|lovely)\s+(?:weekend|day|trip|evening)|"
    r"bonne\s+(?:route|chance|continuation)|buena\s+suerte|"
    r"(?:(?:warm|season's|season’s)\s+)?greetings(?:\s+from\s+(?:the\s+)?\w+(?:\s+\w+)?)?"
)
_NAME = r"(?-i:[A-Z][\w'.-]*)(?:\s+(?-i:[A-Z][\w'.-]*)){0,3}"
# A greeting of several people is several of them: "Dear Amara, dear Pierre,".
_GREETED = r"(?:dear|hi|hello)\s+" + _NAME + r"\W+"
# Not an answer in a word ("yes"): that is no name, nor what one is thanked for.
_NOT_AN_ANSWER = r"(?!(?:yes|no|agreed|confirmed|correct|indeed)\b)"
_ACKNOWLEDGEMENT = re.compile(
    r"^\W*(?:" + _GREETED + r")*(?:(?:" + _ACK_WORDS + r")(?:\W+(?:" + _ACK_WORDS + r"))*)?"
    # (thanked for doing something, in up to four words each beginning with a letter:
    # "Thanks for asking - yes", "Thanks for checking it is 42" answer)
    r"(?:\W*(?:for\s+(?:this|that|the\s+\w+|your\s+\w+|"
    r"\w+ing(?:\s+" + _NOT_AN_ANSWER + r"[^\W\d_][\w'-]*){0,4})|all|colleagues|everyone))?"
    r"(?:\W+" + _NAME + r")?\W*$|^\W*" + _NOT_AN_ANSWER + _NAME + r"\W*$",
    re.IGNORECASE,
)


def is_substantive(sentences: list[str]) -> bool:
    """Whether a reply's sentences hold an answer: something beyond thanks, greetings,
    acceptance ("Sure, will do") and further questions."""
    return any(not s.rstrip().endswith("?") and not _ACKNOWLEDGEMENT.match(s)
               for s in without_signature(sentences) if s.strip())


def says_something(clause: str, signoff: bool | None = None) -> bool:
    """``is_substantive([clause])``, its own tests first (most clauses say something,
    so the signature's are read of most of them). ``signoff``: whether the clause
    :func:`~iscg_mailbot.analyse.closure_reading.is_signoff`, when the caller knows."""
    return bool(clause.strip()) and not clause.rstrip().endswith("?") \
        and not _ACKNOWLEDGEMENT.match(clause) and not signature_line(clause, signoff)


# Requests answered by saying something: "confirm", "indicate", "let us know".
_ASKS_TO_SAY = re.compile(
    r"\b(?:confirm|indicate|inform\s+(?:us|me|the\s+\w+|ISCG)|let\s+(?:us|me|\w+)\s+know|"
    r"tell\s+(?:us|me)|advise\s+(?:us|me|whether|if)|clarify|"
    r"(?:share|provide|give)\s+(?:your|their|its|any)\s+views|"
    r"(?:reply|respond|answer)\s+(?:to\s+(?:the|this|our)\s+(?:question|survey|query)|whether|if))\b",
    re.IGNORECASE,
)


def asks_to_say(item_sentence: str) -> bool:
    """Whether an item asks its owner to say something (answered by the owner's reply)."""
    return bool(_ASKS_TO_SAY.search(item_sentence))


# "We will check", "I'll send it by Friday": the owner accepts; the answer is to come.
_PROMISE = re.compile(
    r"\b(?:I|we)\s*(?:will|shall|'ll|\u2019ll|am\s+going\s+to|are\s+going\s+to)\s+"
    r"(?!be\s+(?:happy|glad|pleased))\w+|(?-i:\b[A-Z][\w-]*)\s+will\s+(?!be\b)\w+|"
    r"\bwill\s+do\b|\b(?:will|to)\s+follow\b|"
    r"\bwill\s+(?:revert|come\s+back|get\s+back)\b", re.IGNORECASE)


# Every promise says "will", "shall", "'ll", "going (to)" or "follow".
_GATED_PROMISE = GatedPattern(_PROMISE, ("will", "shall", "'ll", "\u2019ll", "going", "follow"))


def is_acceptance(sentences: list[str]) -> bool:
    """Whether a reply promises the work rather than doing it ("Sure, will do", "BDT
    will check the entries")."""
    return any(_GATED_PROMISE.search(s) for s in sentences)


# The same words asked of the sentence's words (:func:`words_of`): "'ll" is the word
# "ll", and "I"/"we" may stand against the verb ("Iwill").
_PROMISE_WORDS = gate_words(("will", "shall", "ll", "going", "follow", "iwill", "wewill", "ishall",
                           "weshall"))


def promises(sentence: str, words: frozenset[str] | None = None) -> bool:
    """``is_acceptance([sentence])`` (asked of each sentence of most replies).
    ``words``: :func:`words_of` the sentence, when the caller has them."""
    return not _PROMISE_WORDS.isdisjoint(words_of(sentence) if words is None else words) \
        and _PROMISE.search(sentence) is not None
