"""Tables of actions in plain text: one item per open row (issue 13, action tables).

Meeting reports and status mails carry a table of actions, with pipes, tabs or
space-aligned columns::

    #  | What                                       | Who      | When
    1  | Schedule of the regional briefings         | BR       | 30 Nov
    2  | Nominate co-organisers for the forum       | TSB, BDT | 10.12.

A careful reader takes each open row as an item owned by the row's Who cell and due
on its When cell; a row marked done, closed or cancelled (in a Status column or in
the Due cell) is no item. A table is an action table only when its header names a
task column ("Action", "What", "Task"), an owner column ("Owner", "Who",
"Responsible", "Lead") and a due or status column ("Due", "Deadline", "By when",
"When", "Status"): a meeting schedule ("Date | Meeting | Venue") or a document list
("Doc | Title | Source") yields nothing, and nor does a programme whose When cells are
hours of the day ("09:30 | Opening remarks | SG"). A row whose label cell is empty continues the
row above (a wrapped cell). Everything is read line by line: a table of any length
takes time linear in its length.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from iscg_mailbot.analyse.action_dates import find_dates
from iscg_mailbot.analyse.action_owners import find_mentions, join_owners
from iscg_mailbot.conventions import DEFAULT_CONVENTIONS, Conventions
from iscg_mailbot.records import ActionCandidate, Closure, OpenItem
from iscg_mailbot.settings.members import MembersConfig

# What each header cell names (the whole cell, lower case, without its punctuation).
_HEADERS = {
    "label": re.compile(r"(?:#|no|nr|n°|num(?:ber)?|ap|ai|id|ref|item\s+no|action\s+no)"),
    "task": re.compile(r"(?:action(?:\s+(?:item|point))?s?|what|tasks?|description|"
                       r"items?|activity|deliverables?|to\s+do|follow[- ]up)"),
    "owner": re.compile(r"(?:owners?|who|responsible|responsibility|lead|by\s+whom|"
                        r"assigned\s+to|action\s+by|person|focal\s+point)"),
    "due": re.compile(r"(?:due(?:\s+date)?|deadline|by\s+when|when|target(?:\s+date)?|"
                      r"date\s+due|by)"),
    "status": re.compile(r"(?:status|state|progress)"),
}
_SEPARATOR = re.compile(r"[\s|+:=\-]*")  # "----+-----", "|---|---|"
_SPACES = re.compile(r"\t+ *| {2,}")
_PIPE_SPLIT = re.compile(r"\s*\|\s*")
# A row that creates nothing: its work is done or dropped.
# Also the deed said done ("sent", "submitted", "published") and a tick ("\u2713").
_FINISHED = re.compile(r"^\W*(?:done|closed|completed?|finished|cancell?ed|withdrawn|"
                       r"dropped|superseded|n/?a|sent|submitted|delivered|published|"
                       r"resolved|achieved)\b|^\s*[\u2611\u2713\u2714]", re.IGNORECASE)
_EVERYONE = re.compile(r"(?:all(?:\s+members)?|everyone|everybody|all\s+of\s+us|tous)",
                       re.IGNORECASE)
# "10.12.", "15/12" in a Due cell (a day over 12 first or second tells the order).
_DAY_MONTH = re.compile(r"\b(\d{1,2})([./])(\d{1,2})\b\.?(?![./]?\d)")
_MAX_CELLS = 12
# A When cell that is an hour of the day ("09:30", "10:00-10:45", "14h30"; not "10.12",
# a day): the table is the programme of a meeting ("When | What | Who"), its rows
# sessions, not actions.
_HOUR = re.compile(r"\d{1,2}[:h]\d{2}(?:\s*(?:[-\u2013]|to)\s*\d{1,2}[:h]\d{2})?"
                   r"(?:\s*(?:am|pm|cet|cest|utc|gmt))?", re.IGNORECASE)


@dataclass
class _Row:
    cells: list[str]
    start: int
    end: int


@dataclass(frozen=True)
class _Layout:
    columns: dict[str, int]  # role -> cell index
    piped: bool
    starts: tuple[int, ...]  # where the header's cells start (aligned columns)


def _header_role(cell: str) -> str | None:
    words = re.sub(r"[^\w#°/ -]", " ", cell.lower()).strip()
    words = re.sub(r"\s+", " ", words)
    for role, pattern in _HEADERS.items():
        if pattern.fullmatch(words):
            return role
    return None


def _split(line: str, piped: bool) -> list[str]:
    if piped:
        cells = _PIPE_SPLIT.split(line.strip())
        if cells and cells[0] == "":
            cells = cells[1:]
        if cells and cells[-1] == "":
            cells = cells[:-1]
        return cells
    return _SPACES.split(line.strip())


def _layout(line: str) -> _Layout | None:
    """The columns of a header line, if it heads an action table."""
    if len(line) > 400 or not _may_head(line):
        return None
    piped = line.count("|") >= 2
    cells = _split(line, piped)
    if not 3 <= len(cells) <= _MAX_CELLS:
        return None
    columns: dict[str, int] = {}
    for index, cell in enumerate(cells):
        role = _header_role(cell)
        if role is None or role in columns:
            if role == "label" or role is None:
                continue
            return None
        columns[role] = index
    if "task" not in columns or "owner" not in columns or not (
            "due" in columns or "status" in columns):
        return None
    return _Layout(columns, piped, _starts(line, cells))


def _may_head(line: str) -> bool:
    """False where a line can hold no three cells: fewer than two pipes, no tab and no
    two spaces in a row (``_SPACES`` splits it nowhere). Most lines of prose: tested
    before the header's regexes."""
    return line.count("|") >= 2 or "\t" in line or "  " in line


def _starts(line: str, cells: list[str]) -> tuple[int, ...]:
    """Where each of a header's cells starts in its line (aligned columns are cut there)."""
    starts: list[int] = []
    position = 0
    for cell in cells:
        found = line.find(cell, position)
        starts.append(found)
        position = found + len(cell)
    return tuple(starts)


def _cells(line: str, layout: _Layout) -> list[str] | None:
    """The row's cells, or None when the line is not a row of the table."""
    width = len(layout.starts)
    if layout.piped:
        if "|" not in line:
            return None
        cells = _split(line, True)
    else:
        cells = [c for c in _SPACES.split(line.rstrip()) if c] if line.strip() else []
        if len(cells) != width or line[:1].isspace() != (line.find(cells[0]) > 0):
            # Cut at the header's column starts (an empty or a long cell).
            bounds = [*layout.starts[1:], len(line)]
            cells = [line[s:e].strip() for s, e in zip(layout.starts, bounds, strict=True)]
            cells[0] = line[:bounds[0]].strip()
    return (cells + [""] * width)[:width] if len(cells) <= width + 1 else None


def _rows(lines: list[tuple[int, str]], first: int, layout: _Layout) -> tuple[list[_Row], int]:
    """The rows from line ``first`` on, and the index of the line after the table."""
    rows: list[_Row] = []
    index = first
    label = layout.columns.get("label", 0 if "task" in layout.columns and layout.columns[
        "task"] != 0 else None)
    while index < len(lines):
        start, line = lines[index]
        if not line.strip():
            break
        index += 1
        if _SEPARATOR.fullmatch(line) or _layout(line) is not None:
            continue  # a rule, or the header again (a table pasted in pages)
        cells = _cells(line, layout)
        if cells is None:
            index -= 1
            break
        if not layout.piped and cells[label or 0] and not any(
                cells[layout.columns[r]] for r in ("owner", "due", "status")
                if r in layout.columns):
            index -= 1
            break  # prose after the table: no owner, date or status in their columns
        if rows and label is not None and not cells[label]:
            previous = rows[-1]  # a wrapped cell: the row above goes on
            previous.cells = [f"{a} {b}".strip() for a, b in zip(previous.cells, cells,
                                                                 strict=True)]
            previous.end = start + len(line)
            continue
        rows.append(_Row(cells, start, start + len(line)))
    return rows, index


def _due(cell: str, sent: datetime | None) -> tuple[date | None, str | None]:
    mentions = [m for m in find_dates(cell, sent) if m.value is not None]
    if mentions:
        return mentions[0].value, mentions[0].text
    match = _DAY_MONTH.search(cell)
    if match and sent is not None:
        day, month = int(match.group(1)), int(match.group(3))
        if match.group(2) == "/" and month > 12 >= day:
            day, month = month, day
        for year in (sent.year, sent.year + 1):
            try:
                value = date(year, month, day)
            except ValueError:
                return None, None
            if (value - sent.date()).days >= -31:
                return value, match.group(0)
    return None, None


def _owner(cell: str, members: MembersConfig | None,
           conventions: Conventions) -> tuple[str | None, str | None]:
    mentions = find_mentions(cell, members)
    if mentions:
        kinds = {m.kind for m in mentions}
        return join_owners(mentions), ("member" if kinds == {"member"} else "group")
    if _EVERYONE.fullmatch(cell.strip()):
        everyone = conventions.requests_to_all
        return (None, None) if everyone == "nobody" else ("ISCG", "group")
    text = cell.strip(" -\u2013")
    return (text, "member") if text and not text.lower() in ("tbd", "tbc", "?") else (None, None)


Tables = tuple[list[ActionCandidate], list[tuple[int, int]]]


def _numbered_lines(text: str) -> list[tuple[int, str]]:
    """Each line of ``text`` with the offset it starts at."""
    lines: list[tuple[int, str]] = []
    position = 0
    for line in text.split("\n"):
        lines.append((position, line))
        position += len(line) + 1
    return lines


def table_items(text: str, sent: datetime | None, members: MembersConfig | None = None,
                conventions: Conventions = DEFAULT_CONVENTIONS) -> Tables:
    """One action per open row of each action table in ``text``, in text order, and the
    tables' spans (header to last row)."""
    if "|" not in text and "  " not in text and "\t" not in text:
        return [], []
    regions: list[tuple[int, int]] = []
    lines = _numbered_lines(text)
    items: list[ActionCandidate] = []
    index = 0
    while index < len(lines):
        line = lines[index][1]
        layout = _layout(line) if "|" in line or "\t" in line or "  " in line else None
        if layout is None:
            index += 1
            continue
        header = lines[index][0]
        rows, index = _rows(lines, index + 1, layout)
        if "due" in layout.columns and any(
                _HOUR.fullmatch(row.cells[layout.columns["due"]]) for row in rows):
            continue  # a meeting's programme, left to the sentence reader
        if rows:
            regions.append((header, rows[-1].end))
        for row in rows:
            item = _item(row, layout, sent, members, conventions)
            if item is not None:
                items.append(item)
    return items, regions


def _item(row: _Row, layout: _Layout, sent: datetime | None, members: MembersConfig | None,
          conventions: Conventions) -> ActionCandidate | None:
    columns = layout.columns
    task = row.cells[columns["task"]]
    status = row.cells[columns["status"]] if "status" in columns else ""
    due_cell = row.cells[columns["due"]] if "due" in columns else ""
    if not task or _FINISHED.search(status) or _FINISHED.search(due_cell):
        return None
    owner, owner_kind = _owner(row.cells[columns["owner"]], members, conventions)
    due, due_text = _due(due_cell, sent)
    label = row.cells[columns["label"]] if "label" in columns else ""
    sentence = f"{label.rstrip('.')}. {task}" if label else task
    return ActionCandidate("action", sentence, (row.start, row.end), owner, owner_kind, due,
                           due_text, 0.9, "action_table")


def with_tables(candidates: list[ActionCandidate], tables: Tables) -> list[ActionCandidate]:
    """The items with those the tables give in place of any read from the tables' lines."""
    items, regions = tables
    if not regions:
        return candidates
    starts = [start for start, _ in regions]  # in text order, not overlapping
    kept = []
    for candidate in candidates:
        at = bisect_right(starts, candidate.span[1] - 1) - 1  # the last row starting inside
        if at >= 0 and regions[at][1] > candidate.span[0]:
            continue  # read from a table's row
        kept.append(candidate)
    return sorted(kept + items, key=lambda c: c.span[0])




# The label an item's sentence opens with: "3. Send ..." (a table's row), "AP 9/2029
# General Secretariat to ...", "Action 4: ...".
_ITEM_LABEL = re.compile(r"^\W*(?:(?:AP|AI|action(?:\s+(?:item|point))?|item|no\.?|#)\s*)?"
                         r"(\d{1,3})(?:/\d{2,4})?(?:[.:)]\s|\s+-\s|\s+(?=[A-Z]))",
                         re.IGNORECASE)
_ROW_LABEL = re.compile(r"^\W*(?:(?:AP|AI|action(?:\s+(?:item|point))?|item|no\.?|#)\s*)?"
                        r"(\d{1,3})(?:/\d{2,4})?\W*$", re.IGNORECASE)


def status_rows(text: str) -> list[tuple[str, tuple[int, int], str]]:
    """The numbered rows of the status tables in ``text`` ("| 3 | closed - slot on
    Tuesday |"): each row's number, span and status."""
    if "|" not in text and "  " not in text and "\t" not in text:
        return []
    lines = _numbered_lines(text)
    found: list[tuple[str, tuple[int, int], str]] = []
    index = 0
    while index < len(lines):
        line = lines[index][1]
        layout = _status_layout(line) if "|" in line or "\t" in line or "  " in line \
            else None
        if layout is None:
            index += 1
            continue
        rows, index = _rows(lines, index + 1, layout)
        for row in rows:
            label = _ROW_LABEL.match(row.cells[layout.columns["label"]])
            if label:
                found.append((label.group(1), (row.start, row.end),
                              row.cells[layout.columns["status"]]))
    return found


def _status_layout(line: str) -> _Layout | None:
    """The columns of a header naming a label and a status column (and no others that
    would make it something else than a table of actions' status)."""
    if len(line) > 400 or not _may_head(line):
        return None
    layout = _layout(line)
    if layout is not None:
        return layout if "label" in layout.columns and "status" in layout.columns else None
    piped = line.count("|") >= 2
    cells = _split(line, piped)
    if not 2 <= len(cells) <= _MAX_CELLS:
        return None
    roles = [_header_role(c) for c in cells]
    if roles.count("label") != 1 or roles.count("status") != 1:
        return None
    starts = _starts(line, cells)
    columns = {r: i for i, r in enumerate(roles) if r in ("label", "status")}
    return _Layout({**columns, "task": columns["status"], "owner": columns["status"]},
                   piped, starts)


def item_label(sentence: str) -> str | None:
    """The number an item's sentence opens with, if it opens with one."""
    match = _ITEM_LABEL.match(sentence)
    return match.group(1) if match else None




def close_by_status_table(text: str, open_items: Sequence[OpenItem],
                          closures: dict[int, Closure]) -> None:
    """Add to ``closures`` the open items whose number a status table in the reply's
    ``text`` marks done: "| 3 | closed |" closes the item read from row 3 of the earlier
    table ("3. Consult the chairs ...") or from "AP 3 ..."; a row that is not marked
    done as a whole ("BR, BDT done - TSB missing", "open") closes nothing, whatever
    the words in it."""
    rows = status_rows(text)
    if not rows:
        return
    unfinished = [span for _, span, status in rows if not _FINISHED.search(status)]
    starts = [start for start, _ in unfinished]  # in text order, not overlapping
    for key, closure in list(closures.items()):
        at = bisect_right(starts, closure.span[1] - 1) - 1
        if at >= 0 and unfinished[at][1] > closure.span[0]:
            del closures[key]  # "done" said in a row not done as a whole
    by_label: dict[str, list[OpenItem]] = {}
    for item in open_items:
        label = item_label(item.sentence)
        if label is not None:
            by_label.setdefault(label, []).append(item)
    for label, span, status in rows:
        items = by_label.get(label, [])
        if len(items) != 1 or not _FINISHED.search(status):
            continue  # not marked done, or no item of that number, or several
        closures.setdefault(items[0].id, Closure(items[0].id, text[span[0]:span[1]],
                                                 status.split()[0].lower(), span))


__all__ = ["close_by_status_table", "item_label", "status_rows", "table_items", "with_tables"]
