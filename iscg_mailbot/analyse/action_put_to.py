"""Whom a request or question is put to, where the names in it mislead.

A Bureau asked through one of its staff: "Amara: could BDT share the report?".

A request or question opening with a member's name is the member's ("Sofia, could you
...?"), but when the sentence then asks a Bureau itself, as its verb's subject ("Pierre,
could BDT name a focal point?", "Sofia/Rajesh: does BR collect such rules?", "Hiroshi,
one factual question: how many meetings did TSB host?", "Amara: ¿puede BDT activar el
mapa?"), the name only says who is to read it and the Bureau owes the answer. Most
writers' dev parts label it so (`w3`, `w6`, `w7`, `w9`, `w11`, `w13`, `w16`, `w17`;
`w1`, `w4`, `w11` once each give the person), and the extractor already did for "Name,
could BDT confirm ...?" read by the request rules; not for a question rule, a colon or
a label after the name, or a Spanish, Portuguese or French modal.

A sentence that also speaks to the person ("Sofia, could you ask whether BR ...?") stays
theirs, as does a state the Bureau is in ("Pierre, has BDT received it?").

A question to whoever knows ("Does anyone know whether the challenge is still running?",
"Is anybody aware of ...?") is nobody's: no Sector, product or earlier paragraph makes it
a Bureau's (`w1`, `w8`, `w15`, `w16`, `w17` dev label it so; "anyone in ITU-D" and
"anyone from BR" ask the Bureau, :func:`asks_whoever_knows`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from iscg_mailbot.analyse.action_leads import put_by_leads
from iscg_mailbot.analyse.action_who import Owners
from iscg_mailbot.records import ActionCandidate, ActionInput
from iscg_mailbot.settings.members import MembersConfig

_BUREAUX = frozenset({"TSB", "BR", "BDT"})
# The verb whose subject the Bureau is: an auxiliary or modal right before it ("could
# BDT", "did TSB", "¿podría el BR", "pode o BDT", "le BDT pourrait" is not read).
_ASKS_BUREAU = re.compile(
    r"(?:\b(?:could|can|would|will|does|do|did|is|are)|(?:\u00bf|\b)(?:podr\u00eda|puede|"
    r"poder\u00eda|poderia|pode|pourrait|peut))\s+(?:(?:el|la|o|a|le|the)\s+)?$",
    re.IGNORECASE)
# The person spoken to after all: "could you", "¿podrías", "pourriez-vous".
_SECOND_PERSON = re.compile(
    r"\b(?:you|your|podr\u00edas|puedes|pourriez|vous)\b", re.IGNORECASE)


_ANYONE_KNOWS = re.compile(
    r"\b(?:any|some)(?:one|body)\s+(?:(?:here|else)\s+)?(?:knows?|aware)\b", re.IGNORECASE)


def asks_whoever_knows(text: str) -> bool:
    """Whether a question is put to whoever knows ("Does anyone know whether ...?")."""
    return _ANYONE_KNOWS.search(text) is not None


def _asked_bureau(owners: Owners) -> str | None:
    """The one Bureau a sentence asks as its verb's subject, or None."""
    asked = {m.owner for m in owners.mentions if m.owner in _BUREAUX
             and _ASKS_BUREAU.search(owners.text, max(0, m.start - 30), m.start)}
    return next(iter(asked)) if len(asked) == 1 else None


def bureaux_behind_names(candidates: list[ActionCandidate], message: ActionInput,
                         members: MembersConfig | None) -> list[ActionCandidate]:
    """The items owed by the members a sentence opens with, given to the Bureau the
    sentence asks instead (see the module's docstring); first, those that name nobody
    put to the parties of the lead above them ("Two questions for TSB and BR:", see
    :mod:`~iscg_mailbot.analyse.action_leads`)."""
    candidates = put_by_leads(candidates, message.new_text, members)
    if members is None:
        return candidates
    result = []
    for candidate in candidates:
        text = candidate.sentence
        if (candidate.owner and candidate.owner_kind == "member"
                and any(b in text for b in _BUREAUX) and not _SECOND_PERSON.search(text)):
            owners = Owners(text, message, members)
            named = owners.vocative()
            bureau = _asked_bureau(owners) if named is not None else None
            if bureau is not None and named is not None and named.owner == candidate.owner:
                candidate = replace(candidate, owner=bureau, owner_kind="group")
        result.append(candidate)
    return result


__all__ = ["asks_whoever_knows", "bureaux_behind_names"]
