"""Every table of a database after an import, this tree against a baseline: the same?

For each archive (the shipped sample archive, and ``--mbox`` files such as
``/tmp/corpus/corpus-20000.mbox``) and each database (SQLite, and PostgreSQL unless
``--sqlite-only``), the code of this tree and of ``--baseline`` (a git revision,
unpacked with ``git archive``) each import it into a fresh database in a process of
its own and analyse it there (serially, as ``bench/import_cpu.py`` does, so that every
id is given in the same order). Then every table the database holds (migrations'
version, the search index and SQLite's FTS tables included) is read back, each row
rendered with ``repr`` and the rows sorted, and the two trees' tables compared: row
count and a SHA-256 of the rows, ids included as they are, except those of
:data:`RENUMBERED` (the analysis's items: their ids follow its transactions, whose
size follows the clock, and differ between two runs of one tree). Values the clock
wrote (a datetime within the import's run, ``counted_on`` = the run's day) and the
commit counter of ``data_versions`` are masked and counted, so they are the only thing
left out. Prints one line a table and
"same: yes/no" a database.

Usage: python bench/db_dump.py [--baseline main] [--mbox FILE ...] [--sqlite-only]
       [--postgres postgresql+psycopg://postgres@127.0.0.1:5432/test]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def child(tree: str, url: str, archive: str) -> None:
    """Import and analyse ``archive`` into ``url`` with the code of ``tree``."""
    sys.path.insert(0, tree)
    os.chdir(tree)  # config/ of that tree
    from iscg_mailbot.services import analysis, ingest
    from iscg_mailbot.services.app import App
    from iscg_mailbot.settings.main import Settings

    app = App.open(Settings(database={"url": url}), check_schema=False)
    app.upgrade_schema()
    stored = ingest.import_archive(app, Path(archive)).stored
    analysis.analyse_pending(app)
    app.close()
    print(json.dumps({"stored": stored}))


#: Counters that count commits: the analysis's transactions are as many as the clock
#: makes them (see :data:`RENUMBERED`).
COMMIT_COUNTERS = {"data_versions.version"}  # store/versions.py


def _masked(value: Any, column: str, began: datetime, ended: datetime) -> bool:
    """Whether the clock wrote ``value`` during the run (not the mail or the analysis);
    ``column`` is "table.column"."""
    if column in COMMIT_COUNTERS:
        return True
    column = column.split(".")[-1]
    if isinstance(value, datetime):
        aware = value if value.tzinfo else value.replace(tzinfo=UTC)
        return began <= aware <= ended
    if isinstance(value, str) and len(value) >= 19 and value[4] == "-" and value[10] in " T":
        try:  # SQLite hands back what the dialect did not convert (raw SQL) as text
            parsed = datetime.fromisoformat(value)
        except ValueError:
            return False
        return _masked(parsed, column, began, ended)
    return column == "counted_on" and isinstance(value, date | str) and str(value) in {
        str(began.date()), str(ended.date())}


#: Tables whose ids follow the analysis's transactions, whose size follows the clock
#: (about a second of work each): the same rows get other ids from run to run, on one
#: tree as on two. Their ids are renumbered in the order of their rows' other values,
#: and every column pointing at them follows (referenced tables first).
RENUMBERED = ("action_items", "action_item_shares")


def _rows(connection: Any, name: str, began: datetime, ended: datetime,
          remap: dict[str, dict[str, dict[Any, int]]]) -> tuple[list[str], list[list[Any]], dict[str, int]]:
    """The table's columns, its rows (clock values masked, renumbered ids mapped) and
    how many values were masked a column."""
    from sqlalchemy import text

    result = connection.execute(text(f'SELECT * FROM "{name}"'))
    columns = list(result.keys())
    masked = dict.fromkeys(columns, 0)
    mapped = remap.get(name, {})
    rows = []
    for row in result:
        cells = []
        for column, value in zip(columns, row, strict=True):
            if column in mapped and value is not None:
                value = ("renumbered", mapped[column][value])
            elif _masked(value, f"{name}.{column}", began, ended):
                masked[column] += 1
                value = "<clock>"
            cells.append(value)
        rows.append(cells)
    return columns, rows, masked


def _renumbering(connection: Any, names: list[str], began: datetime,
                 ended: datetime) -> dict[str, dict[str, dict[Any, int]]]:
    """Table -> column -> old id -> new id, for the ids of :data:`RENUMBERED` tables and
    every column that points at them."""
    from sqlalchemy import inspect

    inspector = inspect(connection)
    pointing = {name: {fk["constrained_columns"][0]: fk["referred_table"]
                       for fk in inspector.get_foreign_keys(name)
                       if fk["referred_table"] in RENUMBERED}
                for name in inspector.get_table_names()}
    remap: dict[str, dict[str, dict[Any, int]]] = {}
    for table in RENUMBERED:
        columns, rows, _ = _rows(connection, table, began, ended, remap)
        key = columns.index("id")
        order = sorted(rows, key=lambda row: repr(row[:key] + row[key + 1:]))
        new = {row[key]: n for n, row in enumerate(order)}
        remap.setdefault(table, {})["id"] = new
        for name in names:
            for column, referred in pointing.get(name, {}).items():
                if referred == table:
                    remap.setdefault(name, {})[column] = new
    return remap


def dump(url: str, began: datetime, ended: datetime) -> dict[str, dict[str, Any]]:
    """Table -> rows, SHA-256 of the sorted rows, and how many values were masked."""
    from sqlalchemy import create_engine, inspect, text

    engine = create_engine(url)
    tables: dict[str, dict[str, Any]] = {}
    with engine.connect() as connection:
        names = inspect(connection).get_table_names()
        if engine.dialect.name == "sqlite":  # FTS virtual tables are not reflected
            names = [row[0] for row in connection.execute(text(
                "SELECT name FROM sqlite_master WHERE type = 'table'"))]
        remap = _renumbering(connection, names, began, ended)
        for name in sorted(names):
            _, rows, masked = _rows(connection, name, began, ended, remap)
            lines = sorted("\t".join(repr(value) for value in row) for row in rows)
            digest = hashlib.sha256("\n".join(lines).encode("utf-8", "surrogatepass"))
            tables[name] = {"rows": len(lines), "sha256": digest.hexdigest(),
                            "masked": {c: n for c, n in masked.items() if n},
                            "renumbered": sorted(remap.get(name, {}))}
    engine.dispose()
    return tables


def run(tree: str, url: str, archive: Path) -> dict[str, dict[str, Any]]:
    """Import into ``url`` with ``tree``'s code; dump it."""
    began = datetime.now(UTC) - timedelta(seconds=1)
    subprocess.run([sys.executable, __file__, "--child", tree, url, str(archive)],
                   check=True, cwd=tree, stdout=subprocess.DEVNULL)
    return dump(url, began, datetime.now(UTC) + timedelta(seconds=1))


def compare(label: str, ours: dict[str, Any], theirs: dict[str, Any]) -> bool:
    """Print one line a table; True when every table is the same."""
    same = ours.keys() == theirs.keys()
    for name in sorted(ours.keys() | theirs.keys()):
        a, b = theirs.get(name), ours.get(name)
        equal = a is not None and b is not None and a["rows"] == b["rows"] and (
            a["sha256"] == b["sha256"])
        same = same and equal
        rows = b["rows"] if b else "-"
        masked = ", ".join(f"{c} {n}" for c, n in (b or {}).get("masked", {}).items())
        renumbered = ", ".join((b or {}).get("renumbered", []))
        print(f"  {name:36} {rows!s:>8} rows  {'same' if equal else 'DIFFERENT'}"
              + (f"  (clock masked: {masked})" if masked else "")
              + (f"  (renumbered: {renumbered})" if renumbered else ""))
    print(f"{label}: same: {'yes' if same else 'no'}")
    return same


def _database(args: argparse.Namespace, kind: str, folder: Path, tag: str,
              made: list[str]) -> str:
    """A fresh, empty database of ``kind`` named after ``tag``; a PostgreSQL one's name
    goes into ``made``, for :func:`_drop` to drop once compared."""
    if kind == "sqlite":
        return f"sqlite:///{folder}/{tag}.db"
    from bench.e2e import postgres_database

    name = f"dump_{tag}_{os.getpid()}"
    made.append(name)
    return postgres_database(args.postgres, True, name)


def _drop(args: argparse.Namespace, made: list[str]) -> None:
    """Drop the PostgreSQL databases this run made (an import of the 20k corpus leaves
    ~800 MB each)."""
    from bench.e2e import postgres_database

    for name in made:
        postgres_database(args.postgres, False, name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default="main", help="git revision to compare")
    parser.add_argument("--mbox", type=Path, nargs="*", default=[],
                        help="archives to import besides the sample archive")
    parser.add_argument("--sqlite-only", action="store_true")
    parser.add_argument("--postgres", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    sys.path.insert(0, str(ROOT))
    from iscg_mailbot.services.demo import sample_archive

    print(f"baseline {args.baseline}; {time.strftime('%Y-%m-%d %H:%M')}")
    verdicts = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        base = folder / "baseline"
        base.mkdir()
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.baseline],
                                 check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(base)], input=archive, check=True)
        kinds = ["sqlite"] if args.sqlite_only else ["sqlite", "postgresql"]
        made: list[str] = []
        try:
            for n, mbox in enumerate([sample_archive(), *args.mbox]):
                for kind in kinds:
                    theirs = run(str(base), _database(args, kind, folder, f"base{n}", made), mbox)
                    ours = run(str(ROOT), _database(args, kind, folder, f"ours{n}", made), mbox)
                    verdicts.append(compare(f"{mbox.name}, {kind}", ours, theirs))
        finally:
            _drop(args, made)
    print(f"every database the same: {'yes' if all(verdicts) else 'no'}")


if __name__ == "__main__":
    main()
