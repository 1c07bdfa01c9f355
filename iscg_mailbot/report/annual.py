"""The annual report to the advisory groups, as data: per area of mutual interest (topic)
the threads, liaison statements by Sector pair, documents and resolutions discussed, action
items completed, open and overdue; key issues; participation by Sector and advisory group.

:func:`build_annual_report` is pure (facts in, :class:`AnnualReport` out); the renderers
(:mod:`~iscg_mailbot.report.annual_render`, :mod:`~iscg_mailbot.report.annual_docx`)
turn it into Markdown, HTML and Word. :func:`areas_matrix` is the secretariat's
"updated list of areas of mutual interest": activity per topic per Sector and group.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from iscg_mailbot.analyse.sectors import SECTORS, entity_sectors, leading_sector, member_sector
from iscg_mailbot.settings.members import MembersConfig
from iscg_mailbot.store.annual import ItemFacts, ThreadFacts

GROUP_SECTOR = {"RAG": "ITU-R", "TSAG": "ITU-T", "TDAG": "ITU-D"}
GROUP_NAMES = {
    "RAG": "Radiocommunication Advisory Group",
    "TSAG": "Telecommunication Standardization Advisory Group",
    "TDAG": "Telecommunication Development Advisory Group",
}
UNTAGGED = "(no topic)"
AREA_COLUMNS = (*SECTORS, "RAG", "TSAG", "TDAG")


@dataclass(frozen=True)
class ThreadLine:
    """A thread as the report lists it."""

    id: int
    subject: str
    sector: str
    messages: int
    last_activity: date | None


@dataclass(frozen=True)
class TopicSection:
    """One area of mutual interest in the year."""

    topic: str
    title: str
    threads: tuple[ThreadLine, ...]
    liaisons: tuple[tuple[str, int], ...]       # ("ITU-T -> ITU-D", 2)
    documents: tuple[tuple[str, int], ...]      # ("TSAG-TD409", 3), Questions included
    resolutions: tuple[tuple[str, int], ...]
    completed: int
    open: int
    overdue: int
    sectors: tuple[str, ...]


@dataclass(frozen=True)
class KeyIssue:
    """Something the advisory groups should know: a stalled thread, a long-overdue item,
    a possible duplication of effort."""

    kind: str  # "stalled" | "overdue" | "overlap"
    text: str


@dataclass(frozen=True)
class AnnualReport:
    """Everything the annual report says, ready to render."""

    year: int
    for_group: str | None
    list_name: str
    as_of: date
    sections: tuple[TopicSection, ...]
    issues: tuple[KeyIssue, ...]
    participation_sector: tuple[tuple[str, int], ...]   # messages per Sector
    participation_group: tuple[tuple[str, int], ...]    # messages per advisory group
    participants: int
    threads: int
    messages: int
    liaisons: int
    completed: int
    open: int
    overdue: int
    areas: Mapping[str, Mapping[str, int]] = field(default_factory=dict)

    @property
    def addressee(self) -> str:
        """Who the report is for, in words."""
        if self.for_group is None:
            return "RAG, TSAG and TDAG"
        return self.for_group


@dataclass(frozen=True)
class OverlapNote:
    """A possible duplication of effort found in the year (from the duplication watch)."""

    topic: str
    text: str


def _is_liaison(facts: ThreadFacts, entities: Sequence[tuple[str, str, int]]) -> bool:
    if any(label == "LIAISON" for label, _, _ in entities):
        return True
    if any(label == "DOCUMENT" and "-LS" in key.upper() for label, key, _ in entities):
        return True
    subject = facts.subject.lower()
    return "liaison" in subject or subject.startswith("ls ") or " ls " in f" {subject} "


def thread_sector(facts: ThreadFacts, entities: Sequence[tuple[str, str, int]],
                  members: MembersConfig) -> str:
    """The Sector leading a thread (see :func:`leading_sector`), or "other"."""
    return leading_sector(members.by_address(facts.starter), entities) or "other"


def _pair(facts: ThreadFacts, entities: Sequence[tuple[str, str, int]], lead: str) -> str:
    named = entity_sectors(entities)
    others = [sector for sector, _ in named.most_common() if sector != lead]
    return f"{lead} -> {others[0] if others else 'all'}"


def _keys(entities: Sequence[tuple[str, str, int]], labels: set[str]) -> Counter[str]:
    found: Counter[str] = Counter()
    for label, key, count in entities:
        if label in labels:
            found[key] += count
    return found


def _item_counts(chosen: Sequence[ItemFacts], year: int, as_of: date) -> tuple[int, int, int]:
    """Items completed in ``year``, still open, and open past their due day on ``as_of``."""
    done = sum(1 for i in chosen if i.status == "done"
               and i.closed_at is not None and i.closed_at.year == year)
    still = [i for i in chosen if i.status == "open"]
    late = sum(1 for i in still if i.due is not None and i.due < as_of)
    return done, len(still), late


def _by_count(counter: Counter[str]) -> tuple[tuple[str, int], ...]:
    """Most first, then by name: the order every count table of the report uses."""
    return tuple(sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])))


def _section(topic: str, chosen: Sequence[ThreadFacts], *, title: str,
             sector_of: Mapping[int, str],
             entities: Mapping[int, Sequence[tuple[str, str, int]]],
             counts: tuple[int, int, int]) -> TopicSection:
    """One area of mutual interest: its threads, liaisons, documents and resolutions."""
    liaisons: Counter[str] = Counter()
    documents: Counter[str] = Counter()
    resolutions: Counter[str] = Counter()
    for facts in chosen:
        found = entities.get(facts.id, ())
        if _is_liaison(facts, found):
            liaisons[_pair(facts, found, sector_of[facts.id])] += 1
        documents += _keys(found, {"DOCUMENT", "QUESTION"})
        resolutions += _keys(found, {"RESOLUTION"})
    lines = tuple(ThreadLine(f.id, f.subject, sector_of[f.id], f.messages,
                             f.last_activity.date() if f.last_activity else None)
                  for f in chosen)
    done, still, late = counts
    return TopicSection(
        topic=topic, title=title, threads=lines, liaisons=_by_count(liaisons),
        documents=tuple(documents.most_common(10)),
        resolutions=tuple(resolutions.most_common(10)),
        completed=done, open=still, overdue=late,
        sectors=tuple(sorted({line.sector for line in lines})))


def _participation(senders: Sequence[tuple[int, str]], kept: set[int],
                   members: MembersConfig) -> tuple[Counter[str], Counter[str], int]:
    """Messages per Sector and per advisory group of their senders, and the senders."""
    by_sector: Counter[str] = Counter()
    by_group: Counter[str] = Counter()
    people: set[str] = set()
    for thread_id, address in senders:
        if thread_id not in kept:
            continue
        people.add(address)
        member = members.by_address(address)
        by_sector[member_sector(member) or "other"] += 1
        by_group[(member.group if member and member.group else "none")] += 1
    return by_sector, by_group, len(people)


def _for_group(threads: Sequence[ThreadFacts], for_group: str | None,
               sector_of: Mapping[int, str],
               entities: Mapping[int, Sequence[tuple[str, str, int]]]) -> list[ThreadFacts]:
    """The threads that involve ``for_group``'s Sector (leading it or naming it); all
    threads without a group."""
    if for_group is None:
        return list(threads)
    wanted = GROUP_SECTOR[for_group]
    return [t for t in threads if sector_of[t.id] == wanted
            or wanted in entity_sectors(entities.get(t.id, ()))]


def _sections(threads: Sequence[ThreadFacts], topics: Mapping[int, Sequence[str]],
              titles: Mapping[str, str], sector_of: Mapping[int, str],
              entities: Mapping[int, Sequence[tuple[str, str, int]]],
              items_by_thread: Mapping[int, list[ItemFacts]],
              year: int, as_of: date) -> list[TopicSection]:
    """One section per topic, the busiest first and the untagged threads last."""
    by_topic: dict[str, list[ThreadFacts]] = defaultdict(list)
    for facts in threads:
        for topic in topics.get(facts.id, ()) or (UNTAGGED,):
            by_topic[topic].append(facts)
    ordered = sorted(by_topic.items(), key=lambda kv: (kv[0] == UNTAGGED, -len(kv[1]), kv[0]))
    return [_section(topic, chosen, title=titles.get(topic, topic), sector_of=sector_of,
                     entities=entities,
                     counts=_item_counts([i for f in chosen for i in items_by_thread[f.id]],
                                         year, as_of))
            for topic, chosen in ordered]


def build_annual_report(
    *, year: int, for_group: str | None, list_name: str, as_of: date,
    threads: Sequence[ThreadFacts], topics: Mapping[int, Sequence[str]],
    titles: Mapping[str, str], entities: Mapping[int, Sequence[tuple[str, str, int]]],
    senders: Sequence[tuple[int, str]], items: Sequence[ItemFacts], members: MembersConfig,
    stalled_after_days: int = 30, overlaps: Sequence[OverlapNote] = (),
) -> AnnualReport:
    """The report of ``year`` (as it stands on ``as_of``), for one advisory group or all.

    For one group only the threads that involve its Sector (leading it or naming it)
    are counted.
    """
    sector_of = {t.id: thread_sector(t, entities.get(t.id, ()), members) for t in threads}
    threads = _for_group(threads, for_group, sector_of, entities)
    kept = {t.id for t in threads}
    items = [i for i in items if i.thread_id in kept]
    items_by_thread: dict[int, list[ItemFacts]] = defaultdict(list)
    for item in items:
        items_by_thread[item.thread_id].append(item)
    sections = _sections(threads, topics, titles, sector_of, entities, items_by_thread,
                         year, as_of)
    issues = _issues(threads, items_by_thread, as_of, stalled_after_days, overlaps)
    by_sector, by_group, participants = _participation(senders, kept, members)
    done, still, late = _item_counts(items, year, as_of)
    return AnnualReport(
        year=year, for_group=for_group, list_name=list_name, as_of=as_of,
        sections=tuple(sections), issues=tuple(issues),
        participation_sector=_by_count(by_sector), participation_group=_by_count(by_group),
        participants=participants, threads=len(threads),
        messages=sum(t.messages for t in threads),
        liaisons=sum(1 for t in threads if _is_liaison(t, entities.get(t.id, ()))),
        completed=done, open=still, overdue=late,
        areas=areas_matrix(threads, topics, senders, members, entities))


def _issues(threads: Sequence[ThreadFacts], items_by_thread: Mapping[int, list[ItemFacts]],
            as_of: date, stalled_after_days: int,
            overlaps: Sequence[OverlapNote]) -> list[KeyIssue]:
    issues = []
    quiet_since = as_of - timedelta(days=stalled_after_days)
    month_ago = as_of - timedelta(days=30)
    # One line per thread: the long-overdue items if any, else that it went quiet.
    for facts in threads:
        still = [i for i in items_by_thread.get(facts.id, ()) if i.status == "open"]
        late = sorted((i for i in still if i.due is not None and i.due < month_ago),
                      key=lambda i: i.due or as_of)
        last = facts.last_activity.date() if facts.last_activity else None
        subject = " ".join(facts.subject.split())
        if late:
            owners = sorted({i.owner for i in late if i.owner})
            issues.append(KeyIssue("overdue", (
                f"'{subject}': {len(late)} item(s) overdue by more than a month (the oldest "
                f"due {late[0].due}); owners: {', '.join(owners) or 'not named'}.")))
        elif still and last is not None and last < quiet_since:
            issues.append(KeyIssue("stalled", (
                f"'{subject}': {len(still)} open item(s), no message since {last}.")))
    issues.extend(KeyIssue("overlap", note.text) for note in overlaps)
    return issues


def areas_matrix(threads: Sequence[ThreadFacts], topics: Mapping[int, Sequence[str]],
                 senders: Sequence[tuple[int, str]], members: MembersConfig,
                 entities: Mapping[int, Sequence[tuple[str, str, int]]] | None = None,
                 ) -> dict[str, dict[str, int]]:
    """Messages per topic per Sector (of their sender, or the Sector a non-member's thread
    names most) and per advisory group of the sender: {topic: {column: count}}."""
    kept = {t.id: t for t in threads}
    matrix: dict[str, dict[str, int]] = {}
    for thread_id, address in senders:
        if thread_id not in kept:
            continue
        member = members.by_address(address)
        sector = member_sector(member)
        if sector is None and entities is not None:
            named = entity_sectors(entities.get(thread_id, ()))
            sector = named.most_common(1)[0][0] if named else None
        for topic in topics.get(thread_id, ()) or (UNTAGGED,):
            row = matrix.setdefault(topic, dict.fromkeys(AREA_COLUMNS, 0))
            if sector is not None:
                row[sector] += 1
            if member is not None and member.group in GROUP_SECTOR:
                row[member.group] += 1
    return dict(sorted(matrix.items(), key=lambda kv: (kv[0] == UNTAGGED, kv[0])))


__all__ = [
    "AREA_COLUMNS",
    "AnnualReport",
    "KeyIssue",
    "OverlapNote",
    "TopicSection",
    "areas_matrix",
    "build_annual_report",
    "thread_sector",
]
