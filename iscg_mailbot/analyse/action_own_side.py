"""Words that name the sender's own side: the organisation they write for ("Example
Telecom will submit a contribution", from a member of Example Telecom Inc.) or the
country of the administration they represent ("we agreed that Senegal would review
the French version", from a member of the Administration du Sénégal). Such a
commitment is the sender's own, as "we will" is.

The organisation comes from ``members.yaml``; a country is read from it by name
("..., Germany", "Administration du Sénégal") or by its adjective ("Brazilian
Administration")::

    >>> sorted(own_names("Brazilian Administration (example)"))
    ['brazil', 'brazilian']
    >>> sorted(own_names("Example Telecom Inc. (Sector Member)"))
    ['example telecom']
    >>> speaks_for("Senegal", own_names("Administration du Sénégal (exemple)"))
    True
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Country adjectives as administrations name themselves ("Japanese Administration").
_ADJECTIVES = {
    "algerian": "algeria", "american": "united states", "argentine": "argentina",
    "argentinian": "argentina", "australian": "australia", "austrian": "austria",
    "bangladeshi": "bangladesh", "belgian": "belgium", "brazilian": "brazil",
    "british": "united kingdom", "canadian": "canada", "chilean": "chile",
    "chinese": "china", "colombian": "colombia", "czech": "czechia", "danish": "denmark",
    "dutch": "netherlands", "egyptian": "egypt", "ethiopian": "ethiopia",
    "finnish": "finland", "french": "france", "german": "germany", "ghanaian": "ghana",
    "greek": "greece", "hungarian": "hungary", "indian": "india",
    "indonesian": "indonesia", "iranian": "iran", "irish": "ireland", "italian": "italy",
    "japanese": "japan", "kenyan": "kenya", "korean": "korea", "malaysian": "malaysia",
    "mexican": "mexico", "moroccan": "morocco", "nigerian": "nigeria",
    "norwegian": "norway", "pakistani": "pakistan", "peruvian": "peru",
    "philippine": "philippines", "polish": "poland", "portuguese": "portugal",
    "russian": "russia", "rwandan": "rwanda", "saudi": "saudi arabia",
    "senegalese": "senegal", "singaporean": "singapore", "spanish": "spain",
    "swedish": "sweden", "swiss": "switzerland", "tanzanian": "tanzania",
    "thai": "thailand", "tunisian": "tunisia", "turkish": "turkiye", "ugandan": "uganda",
    "vietnamese": "viet nam",
}
_COUNTRIES = frozenset(_ADJECTIVES.values())
# "Administration du Sénégal", "Ministry of Communications of Kenya".
_OF_COUNTRY = re.compile(r"\b(?:du|de\s+la|de|d'|of|of\s+the)\s*([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)\s*$")
_LEGAL = re.compile(r"\s+(?:Inc|Ltd|LLC|plc|GmbH|S\.?A|AG|Co|Corp)\.?$", re.IGNORECASE)
# Names too general to stand for one organisation.
_GENERIC = re.compile(r"^(?:the\s+)?(?:national\s+)?(?:administration|ministry|government|"
                      r"regulator|university|secretariat)$", re.IGNORECASE)
# What may stand around the name in a subject: "Senegal", "the Example Telecom team".
_AROUND = re.compile(r"(?i:\b(?:the|and|also|itself|team|delegation|side|as\s+well|"
                     r"administration|ministry|government|regulator|experts|authorities)\b)|[\s,]")


def _fold(text: str) -> str:
    """Lower case without accents: "Sénégal" -> "senegal"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c))
                    .casefold().split())


@lru_cache(maxsize=256)
def own_names(organisation: str) -> frozenset[str]:
    """The names (folded) that stand for this organisation or its country."""
    names: set[str] = set()
    plain = re.sub(r"\([^()]*\)", " ", organisation)
    for part in (p.strip() for p in plain.split(",")):
        part = _LEGAL.sub("", part).strip()
        if not part:
            continue
        folded = _fold(part)
        words = folded.split()
        if folded in _COUNTRIES:
            names.add(folded)
        of = _OF_COUNTRY.search(part)
        if of is not None:
            names.add(_fold(of.group(1)))
        country = [_ADJECTIVES[w] for w in words if w in _ADJECTIVES]
        if country:
            names.add(country[0])
        elif len(words) >= 2 and of is None and not _GENERIC.match(part):
            names.add(folded)
    # "the German administration", "Brazilian experts": the country's adjective too.
    names.update(a for a, c in _ADJECTIVES.items() if c in names)
    return frozenset(names)


def speaks_for(words: str, names: frozenset[str]) -> bool:
    """Whether ``words`` (a subject) name nothing but one of ``names``."""
    if not names:
        return False
    folded = _fold(words)
    for name in names:
        index = folded.find(name)
        if index < 0 or (index and folded[index - 1].isalnum()) or (
                index + len(name) < len(folded) and folded[index + len(name)].isalnum()):
            continue
        rest = folded[:index] + " " + folded[index + len(name):]
        if not _AROUND.sub("", rest):
            return True
    return False
