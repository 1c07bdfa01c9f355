"""Who a sentence names: ITU bodies (canonical names) and members of the list.

Bodies are rules as data (:data:`BODIES`): a canonical name and a pattern. Acronyms
are matched case-sensitively ("BR" but not "br"), spelled-out names in any case.
Study groups and working parties keep their Sector when it is written ("ITU-T SG17",
"ITU-R WP5D"); a Radiocommunication working party ("WP 5D") is ITU-R by its letter.

Members (from ``members.yaml``) are found by full name (accents optional), by title
and surname ("Ms Petrova"), by address, and by the first or last word of their name
alone when no other member shares it ("Olga, could you ...", "Wei and Priya will").

    >>> [m.owner for m in find_mentions("ITU-T Study Group 17 and TSAG are invited", None)]
    ['ITU-T SG17', 'TSAG']
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from iscg_mailbot.settings.members import Member, MembersConfig, Role

# Canonical name, pattern, and the lower-case words one of which the sentence must hold
# for the pattern to be tried (a set look-up is far cheaper than a regex scan). Longer
# matches win over shorter overlapping ones: "ITU-T SG17" beats "ITU-T" and "General
# Secretariat" beats "Secretariat".
# The Bureaux, the General Secretariat, the advisory groups and the Sectors are also
# matched by their official names in ITU's other languages (French, Spanish, Russian,
# Arabic: the names of the Constitution's and the Sectors' texts; the list writes French
# and Spanish between its English lines: "le Sénégal prie le Secrétariat général de ...")
# and the French
# and Spanish acronyms of the advisory groups (GCR/GAR, GCNT/GANT, GCDT/GADT).
# (Chinese names are not matched: a text's words are runs of letters, and a Chinese
# sentence is one run, which no gate word can pick.)
BODIES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("RAG", (r"\bRAG\b|\bG(?:CR|AR)\b|(?i:radiocommunication\s+advisory\s+group|"
            r"groupe\s+consultatif\s+des\s+radiocommunications|"
            r"grupo\s+asesor\s+de\s+radiocomunicaciones)"),
     ("rag", "gcr", "gar", "radiocommunication", "consultatif", "asesor")),
    ("TSAG", (r"\bTSAG\b|\bGCNT\b|\bGANT\b|"
             r"(?i:telecommunication\s+standardi[sz]ation\s+advisory\s+group|"
             r"groupe\s+consultatif\s+de\s+la\s+normalisation\s+des\s+t[ée]l[ée]communications|"
             r"grupo\s+asesor\s+de\s+normalizaci[óo]n\s+de\s+las\s+telecomunicaciones)"),
     ("tsag", "gcnt", "gant", "telecommunication", "consultatif", "asesor")),
    ("TDAG", (r"\bTDAG\b|\bG(?:CDT|ADT)\b|"
             r"(?i:telecommunication\s+development\s+advisory\s+group|"
             r"groupe\s+consultatif\s+pour\s+le\s+d[ée]veloppement\s+des\s+t[ée]l[ée]communications|"
             r"grupo\s+asesor\s+de\s+desarrollo\s+de\s+las\s+telecomunicaciones)"),
     ("tdag", "gcdt", "gadt", "telecommunication", "consultatif", "asesor")),
    ("ITU-R", r"\b(?:ITU|UIT)-R\b|(?i:radiocommunication\s+sector)", ("itu", "uit", "radiocommunication")),
    ("ITU-T", r"\b(?:ITU|UIT)-T\b|(?i:(?:telecommunication\s+)?standardi[sz]ation\s+sector)",
     ("itu", "uit", "standardization", "standardisation")),
    ("ITU-D", r"\b(?:ITU|UIT)-D\b|(?i:(?:telecommunication\s+)?development\s+sector)",
     ("itu", "uit", "development")),
    ("BR", (r"\bBR\b|(?i:radiocommunication\s+bureau|bureau\s+des\s+radiocommunications|"
           r"oficina\s+de\s+radiocomunicaciones|бюро\s+радиосвязи|"
           "مكتب\\s+الاتصالات\\s+الراديوية)"),
     ("br", "radiocommunication", "radiocommunications", "radiocomunicaciones", "радиосвязи",
      "مكتب")),
    ("TSB", (r"\bTSB\b|(?i:(?:telecommunication\s+)?standardi[sz]ation\s+bureau|"
            r"bureau\s+de\s+la\s+normalisation\s+des\s+t[ée]l[ée]communications|"
            r"oficina\s+de\s+normalizaci[óo]n\s+de\s+las\s+telecomunicaciones|"
            r"бюро\s+стандартизации\s+электросвязи|"
            "مكتب\\s+تقييس\\s+الاتصالات)"),
     ("tsb", "standardization", "standardisation", "normalisation", "normalizacion",
      "стандартизации", "مكتب")),
    ("BDT", (r"\bBDT\b|(?i:(?:telecommunication\s+)?development\s+bureau|"
            r"bureau\s+de\s+d[ée]veloppement\s+des\s+t[ée]l[ée]communications|"
            r"oficina\s+de\s+desarrollo\s+de\s+las\s+telecomunicaciones|"
            r"бюро\s+развития\s+электросвязи|"
            "مكتب\\s+تنمية\\s+الاتصالات)"),
     ("bdt", "development", "developpement", "desarrollo", "развития", "مكتب")),
    ("General Secretariat", (r"(?i:general\s+secretariat|secretary[- ]general|"
                            r"secr[ée]tariat\s+g[ée]n[ée]ral|secretar[íi]a\s+general|"
                            r"генеральн\w+\s+секретариат\w*|"
                            "الأمانة\\s+العامة)|\\bGS\\b"),
     ("general", "gs", "generale", "генеральный", "генерального", "генеральным",
      "генеральном", "الأمانة")),
    ("Secretariat", r"(?i:\b(?:the\s+)?(?:ISCG\s+)?secretariat\b)", ("secretariat",)),
    ("ISCG", r"\bISCG\b|(?i:inter-sector\s+coordination\s+group)", ("iscg", "inter")),
    ("Council", r"\bCouncil\b(?!\s+Working)|\bITU\s+Council\b", ("council",)),
    ("Member States", r"(?i:\bmember\s+states\b)", ("states",)),
    ("Sector Members", r"(?i:\bsector\s+members\b)", ("sector",)),
    # Collective names stand for every body they cover.
    # "Comments from the Sectors": their Bureaux, who answer for them on the list.
    ("BR, TSB, BDT", (r"(?i:\b(?:the\s+)?(?:three\s+|all\s+(?:three\s+)?|ITU\s+)?bureaux\b|"
                      r"\b(?:each|every)\s+(?:of\s+the\s+(?:three\s+)?bureaux|bureau)\b|"
                      r"\b(?:the\s+(?:three\s+)?|all\s+(?:three\s+)?|each\s+of\s+the\s+|your\s+)sectors\b|"
                      r"\b(?:each|every)\s+sector\b(?!\s+members?\b))"),
     ("bureaux", "bureau", "sectors", "sector")),
    ("RAG, TSAG, TDAG",
     (r"(?i:\b(?:the\s+)?(?:three\s+|all\s+|each\s+|every\s+)?(?:sector\s+)?advisory\s+"
      r"groups?\b)(?!\s+(?:of|for)\b)"), ("advisory",)),
    # The secretariat's units named by what they do (see UNITS).
    ("BDT", r"(?i:\b(?:regional|area)\s+offices?\b)", ("regional", "area")),
    ("General Secretariat", r"(?i:\bconference\s+services?\b)", ("conference",)),
)
# Units of the secretariat named by what they do: ITU's regional and area offices are
# BDT's, the conference services the General Secretariat's. Asked to do something
# ("Could the conference service test the set-up?", "Regional Office to collect ground
# passes", "could the regional office co-brand the webinar?") they stand for their
# Bureau; what such a unit will do, told in passing ("The regional office will send the
# invitation letters after that"), is news the writers leave unlabelled (checked by
# :func:`is_unit`).
UNITS = re.compile(r"(?i:\b(?:regional|area)\s+offices?|\bconference\s+services?)\b")

# Bodies whose name is built from the match (study groups, working parties, CWGs, FGs).
_STUDY_GROUP = re.compile(
    r"\b(?:(?P<sector>ITU-[RTD])\s+)?(?:SG|(?i:study\s+group))(?:-|\s*)(?P<n>\d{1,2})\b"
)
# Several study groups of one Sector at once: "ITU-D Study Groups 1 and 2", "SGs 13 and 5".
_STUDY_GROUPS = re.compile(
    r"\b(?:(?P<sector>ITU-[RTD])\s+)?(?:SGs|(?i:study\s+groups))\s+"
    r"(?P<ns>\d{1,2}(?:\s*(?:,|and|&)\s*\d{1,2})+)\b"
)
# A study group in French, Spanish or Portuguese: "la CE 17", "Comisión de Estudio 2 del
# UIT-D", "Commission d'études 2 de l'UIT-D", "UIT-T CE 20" (CE: commission d'études,
# comisión / comissão de estudo).
_STUDY_GROUP_ABROAD = re.compile(
    r"\b(?:(?:UIT|ITU)-(?P<before>[RTD])\s+)?(?:CE|(?i:commission\s+d['’]\s*[ée]tudes?|"
    r"comisi[óo]n\s+de\s+estudios?|comiss[ãa]o\s+de\s+estudos?))\s*(?P<n>\d{1,2})\b"
    r"(?:\s+(?i:del?|de\s+l['’]\s*|da|do)\s*(?:UIT|ITU)-(?P<after>[RTD])\b)?"
)
_WORKING_PARTY = re.compile(
    r"\b(?:(?P<sector>ITU-[RTD])\s+)?(?:WP|(?i:working\s+party))\s*(?P<n>\d{1,2}[A-Z]?(?:/\d{1,2})?)\b"
)
# A Question of a study group: "Q6/2", "ITU-D Q6/2", "Question 26/16".
_QUESTION = re.compile(
    r"\b(?:(?P<sector>ITU-[RTD])\s+)?(?:Q|(?i:question)\s*)(?P<n>\d{1,2}/\d{1,2})(?!\d)"
)
# A named group: Council's ("CWG-Internet"), or ITU-T's ("JCA-AHF", "FG-AI4H", with or
# without their Sector written).
_NAMED_GROUP = re.compile(r"\b(?:ITU-T\s+(?=FG-|JCA-))?(?:CWG|FG|JCA|IRG)-[A-Za-z0-9&-]*[A-Za-z0-9]")
_GROUP_CHAIR = re.compile(
    r"\b(?P<group>RAG|TSAG|TDAG)\s+(?i:(?:vice[- ])?chair(?:man|person|woman)?s?|management\s+team)\b"
)
# Not "vice-chair", "co-chair", "SG2 vice chair": another body's officer, not the ISCG's chair.
_CHAIR = re.compile(
    r"(?i:(?<!-)(?<!vice )\b(?:the\s+)?(?:ISCG\s+)?chair(?:man|person|woman)?\b)(?!\s+of\b)")
_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_TITLES = r"(?:Mr|Ms|Mrs|Miss|Dr|Prof|Professor|Mme|M)\.?"


@dataclass(frozen=True)
class OwnerMention:
    """A body or member named in a sentence, with its offsets."""

    owner: str
    kind: str  # "group" or "member"
    start: int
    end: int


def _accent_pattern(text: str) -> str:
    """A regex matching ``text`` with or without its accents and with any spacing."""
    parts = []
    for char in text:
        if char.isspace():
            parts.append(r"\s+")
            continue
        base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
        if base and base != char:
            parts.append(f"[{re.escape(char)}{re.escape(base)}]")
        else:
            parts.append(re.escape(char))
    return "".join(parts)


def _study_group_name(text: str) -> str:
    match = _STUDY_GROUP.fullmatch(text)
    assert match is not None
    sector = match.group("sector")
    return f"{sector} SG{match.group('n')}" if sector else f"SG{match.group('n')}"


def _study_group_abroad_name(text: str) -> str:
    """ "la CE 2 del UIT-D" -> "ITU-D SG2"; "CE 17" -> "SG17" (as "SG17" alone)."""
    match = _STUDY_GROUP_ABROAD.fullmatch(text)
    assert match is not None
    letter = match.group("before") or match.group("after")
    return f"ITU-{letter} SG{match.group('n')}" if letter else f"SG{match.group('n')}"


def _study_groups_name(text: str) -> str:
    """ "ITU-D Study Groups 1 and 2" -> "ITU-D SG1, ITU-D SG2" (each group an owner)."""
    match = _STUDY_GROUPS.fullmatch(text)
    assert match is not None
    prefix = f"{match.group('sector')} " if match.group("sector") else ""
    return ", ".join(f"{prefix}SG{n}" for n in re.findall(r"\d{1,2}", match.group("ns")))


def _question_name(text: str) -> str:
    match = _QUESTION.fullmatch(text)
    assert match is not None
    sector = match.group("sector")
    return f"{sector} Q{match.group('n')}" if sector else f"Q{match.group('n')}"


def _named_group_name(text: str) -> str:
    """ "JCA-AHF" -> "ITU-T JCA-AHF": joint coordination activities and focus groups are
    ITU-T's, and their canonical spelling carries the Sector ("ITU-T FG-AI4H", as a study
    group's does); "CWG-Internet" is Council's and stays as written."""
    name = text.split()[-1]
    return f"ITU-T {name}" if name.startswith(("JCA-", "FG-")) else name


def _working_party_name(text: str) -> str:
    match = _WORKING_PARTY.fullmatch(text)
    assert match is not None
    sector, number = match.group("sector"), match.group("n")
    if sector is None and number[-1].isalpha():
        sector = "ITU-R"  # 5D, 4A...: only Radiocommunication working parties carry letters
    return f"{sector} WP{number}" if sector else f"WP{number}"


_WORD = re.compile(r"[^\W\d_]+")
# An ASCII text's letters ([^\W\d_] in it: A-Z, a-z); every other byte becomes a space.
_NOT_LETTERS = bytes(c if chr(c).isascii() and chr(c).isalpha() else 32 for c in range(256))


def _words(text: str) -> set[str]:
    """The lower-case words of ``text``, also without accents ("lucía" and "lucia")."""
    lowered = text.lower()
    # (ASCII: its runs of letters by a bytes translation, ~3x cheaper than the search)
    words = set(lowered.encode("ascii").translate(_NOT_LETTERS).decode("ascii").split()
                if lowered.isascii() else _WORD.findall(lowered))
    if not text.isascii():
        words |= {_strip_accents(w) for w in words}
    return words


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@dataclass(frozen=True)
class _Pattern:
    """A pattern, how to name what it matches, and the words that let it be tried."""

    regex: re.Pattern[str]
    name: Callable[[str], tuple[str, str]]
    gate: frozenset[str]


def _fixed(owner: str, kind: str) -> Callable[[str], tuple[str, str]]:
    return lambda _text: (owner, kind)


_CHAIR_WORDS = frozenset({"chair", "chairman", "chairperson", "chairwoman"})
_STATIC: tuple[_Pattern, ...] = (
    _Pattern(_GROUP_CHAIR, lambda t: (t.split()[0], "group"),
             _CHAIR_WORDS | {"management", "chairs"}),
    _Pattern(_STUDY_GROUP, lambda t: (_study_group_name(t), "group"), frozenset({"sg", "study"})),
    _Pattern(_STUDY_GROUP_ABROAD, lambda t: (_study_group_abroad_name(t), "group"),
             frozenset({"ce", "commission", "comision", "comissao"})),
    _Pattern(_STUDY_GROUPS, lambda t: (_study_groups_name(t), "group"),
             frozenset({"sgs", "groups"})),
    _Pattern(_WORKING_PARTY, lambda t: (_working_party_name(t), "group"),
             frozenset({"wp", "working"})),
    _Pattern(_QUESTION, lambda t: (_question_name(t), "group"),
             frozenset({"question", "q"})),
    _Pattern(_NAMED_GROUP, lambda t: (_named_group_name(t), "group"),
             frozenset({"cwg", "fg", "jca", "irg"})),
    *(_Pattern(re.compile(pattern), _fixed(name, "group"), frozenset(gate))
      for name, pattern, gate in BODIES),
)


@dataclass(frozen=True)
class _Matcher:
    patterns: tuple[_Pattern, ...]
    vocatives: tuple[tuple[Member, re.Pattern[str]], ...]
    # For each gate word, the patterns (by position) it lets be tried: a text's words
    # pick its patterns without testing every pattern's gate.
    by_word: dict[str, tuple[int, ...]] = field(default_factory=dict)
    # All the vocatives in one pattern: a text that opens with none (most) tries none.
    any_vocative: re.Pattern[str] | None = None


def _matcher_of(patterns: list[_Pattern],
                vocatives: list[tuple[Member, re.Pattern[str]]]) -> _Matcher:
    by_word: dict[str, list[int]] = {}
    for index, pattern in enumerate(patterns):
        for word in pattern.gate:
            by_word.setdefault(word, []).append(index)
    joined = "|".join("(?:" + p.pattern.replace("(?P<name>", "(?:") + ")" for _, p in vocatives)
    return _Matcher(tuple(patterns), tuple(vocatives),
                    {word: tuple(found) for word, found in by_word.items()},
                    re.compile(joined, re.IGNORECASE) if vocatives else None)


def _name_words(member: Member) -> frozenset[str]:
    words = _words(member.name)
    for address in member.addresses:
        words |= _words(address.split("@")[0])
    return frozenset(words)


def _build_matcher(members: MembersConfig | None) -> _Matcher:
    patterns: list[_Pattern] = list(_STATIC)
    vocatives: list[tuple[Member, re.Pattern[str]]] = []
    if members is None:
        return _matcher_of(patterns, [])
    single_names: dict[str, list[tuple[Member, str]]] = {}
    for member in members.members:
        words = member.name.split()
        forms = [_accent_pattern(member.name)]
        if len(words) > 1:
            forms.append(_TITLES + r"\s+" + _accent_pattern(words[-1]))
        forms.extend(re.escape(a) for a in member.addresses)
        patterns.append(_Pattern(re.compile(r"(?i:\b(?:" + "|".join(forms) + r")\b)"),
                                 _fixed(member.name, "member"), _name_words(member)))
        if len(words) > 1:
            # Either end of the name may be the one used alone: "Olga" for Olga Petrova,
            # "Wei" for Zhang Wei (family name first).
            for word in dict.fromkeys((words[0], words[-1])):
                single_names.setdefault(_strip_accents(word).casefold(), []).append((member, word))
    for found in single_names.values():
        if len({member.name for member, _ in found}) != 1:
            continue  # shared by two members: ambiguous alone
        member, word = found[0]
        given = _accent_pattern(word)
        # Only with its capital, so "grace period" is nobody; not before another capital
        # word, so "Marc Dubois" is matched as a full name.
        patterns.append(_Pattern(
            re.compile(r"\b" + given + r"\b(?!\s+[A-Z])"),
            _fixed(member.name, "member"), frozenset(_words(word))))
        vocatives.append((member, re.compile(
            r"^(?i:(?:hi|dear|hello)\s+)?(?P<name>" + given + r")\s*[,:\u2013]",
            re.IGNORECASE)))
    chairs = [m for m in members.members if m.role is Role.CHAIR]
    if len(chairs) == 1:
        patterns.append(_Pattern(_CHAIR, _fixed(chairs[0].name, "member"), _CHAIR_WORDS))
    return _matcher_of(patterns, vocatives)


_MATCHERS: dict[int, tuple[MembersConfig | None, _Matcher]] = {}
# The same members read again (a fresh but equal MembersConfig: frozen, compared and
# hashed by value) share the matcher built for the first: it depends on nothing else.
# 120 builds per 4,000 messages of the bench corpus before (~1 ms each).
_MATCHERS_BY_VALUE: dict[MembersConfig | None, _Matcher] = {}


def _matcher(members: MembersConfig | None) -> _Matcher:
    key = id(members)
    cached = _MATCHERS.get(key)
    if cached is not None and cached[0] is members:
        return cached[1]
    if len(_MATCHERS) > 8:
        _MATCHERS.clear()
    matcher = _MATCHERS_BY_VALUE.get(members)
    if matcher is None:
        if len(_MATCHERS_BY_VALUE) > 8:
            _MATCHERS_BY_VALUE.clear()
        matcher = _MATCHERS_BY_VALUE[members] = _build_matcher(members)
    _MATCHERS[key] = (members, matcher)
    return matcher


def find_mentions(text: str, members: MembersConfig | None) -> list[OwnerMention]:
    """Bodies and members named in ``text``, left to right, longest match first."""
    matcher = _matcher(members)
    words = _words(text)
    found: list[OwnerMention] = []
    if ("," in text or ":" in text or "\u2013" in text) and (  # every vocative ends with one
            matcher.any_vocative is not None and matcher.any_vocative.match(text)):
        for member, pattern in matcher.vocatives:
            match = pattern.match(text)
            if match:
                found.append(OwnerMention(member.name, "member", match.start("name"),
                                          match.end("name")))
    # The patterns one of whose gate words the text holds, in their order.
    by_word = matcher.by_word
    chosen: set[int] = set()
    for word in by_word.keys() & words:  # (a set operation: a text holds few of them)
        chosen.update(by_word[word])
    patterns = matcher.patterns
    for index in sorted(chosen):
        candidate = patterns[index]
        for match in candidate.regex.finditer(text):
            owner, kind = candidate.name(match.group(0))
            found.append(OwnerMention(owner, kind, match.start(), match.end()))
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[OwnerMention] = []
    for mention in found:
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept


def join_owners(mentions: Sequence[OwnerMention]) -> str:
    """One owner string for several mentions, without repeats ("ITU-T SG17, ITU-T SG20")."""
    return ", ".join(dict.fromkeys(m.owner for m in mentions))


def is_unit(text: str, mention: OwnerMention) -> bool:
    """Whether ``mention`` names a unit of the secretariat by what it does (:data:`UNITS`)."""
    return UNITS.fullmatch(text, mention.start, mention.end) is not None


def find_addresses(text: str) -> list[str]:
    """E-mail addresses written in ``text`` (lower case)."""
    return [m.group(0).lower() for m in _ADDRESS.finditer(text)]
