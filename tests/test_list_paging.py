"""Later pages of the lists: the owner test runs in SQL (report/queries.owner_pattern),
so a page is LIMIT and OFFSET and never loads the pages before it. Every page, joined,
is the whole list in the same order, and the owner test in SQL agrees with
``owner_matches`` on both databases."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import Engine, select

from iscg_mailbot.report import queries
from iscg_mailbot.report.threads import list_threads, threads_page
from iscg_mailbot.store.database import session_scope
from iscg_mailbot.store.models import Message
from iscg_mailbot.store.models_actions import ActionItem
from tests.digest_week import seed_actions, seed_week

TODAY = date(2024, 3, 10)
OWNERS = ["TSAG", "RAG, TSAG, TDAG", "ITU-T SG17", "SG1", "sg1 chair", "Olga Petrova",
          "TSAG-TD409 authors", "the TSAG's chair", None, "Petrova-Ivanova", "x_SG1",
          "ITU-T SG1; BR", "Zoë Dupont"]
WANTED = ["TSAG", "sg1", "SG17", "Petrova", "Olga Petrova", "TD409", "RAG, TSAG", " ",
          "ITU-T SG1", "Ivanova", "tsag's", "Zo", "ZOË"]


@pytest.fixture
def items(engine: Engine) -> Engine:
    """Five items per owner, some dated, some not, some done."""
    seed_week(engine)
    seed_actions(engine)
    with session_scope(engine) as session:
        message = session.scalars(select(Message).order_by(Message.id)).first()
        assert message is not None
        for n in range(5 * len(OWNERS)):
            session.add(ActionItem(
                list_id=message.list_id, message_pk=message.id, thread_id=message.thread_id,
                sentence=f"item {n}", span_start=1000 + n, owner=OWNERS[n % len(OWNERS)],
                due=None if n % 3 == 0 else TODAY + timedelta(days=n % 7 - 3),
                status="done" if n % 4 == 0 else "open"))
    return engine


@pytest.mark.parametrize("status", ["open", None])
def test_the_owner_test_in_sql_agrees_with_owner_matches(items: Engine,
                                                         status: str | None) -> None:
    with session_scope(items) as session:
        every = queries.list_actions(session, today=TODAY, status=status, limit=None)
        for wanted in WANTED:
            expected = [row.id for row in every if queries.owner_matches(row.owner, wanted)]
            found = queries.actions_page(session, today=TODAY, status=status, owner=wanted,
                                         limit=None)
            assert [row.id for row in found.rows] == expected, wanted
            assert found.total == len(expected), wanted


@pytest.mark.parametrize("owner", [None, "TSAG", "sg1"])
def test_pages_of_the_action_list_join_into_the_whole_list(items: Engine,
                                                           owner: str | None) -> None:
    with session_scope(items) as session:
        whole = queries.actions_page(session, today=TODAY, status=None, owner=owner,
                                     limit=None)
        assert len(whole.rows) > 7
        for size in (1, 3, 7):
            pages = [queries.actions_page(session, today=TODAY, status=None, owner=owner,
                                          limit=size, offset=start)
                     for start in range(0, len(whole.rows) + size, size)]
            assert [r.id for page in pages for r in page.rows] == [r.id for r in whole.rows]
            assert {page.total for page in pages} == {whole.total}, (owner, size)


def test_a_later_page_reads_only_its_own_rows(items: Engine) -> None:
    """The page after the first 10 items reads 3 ids and builds 3 rows, not 13."""
    with session_scope(items) as session:
        whole = [r.id for r in queries.list_actions(session, today=TODAY, status=None,
                                                    limit=None)]
        page = queries.list_actions(session, today=TODAY, status=None, limit=3, offset=10)
        assert [r.id for r in page] == whole[10:13]


def test_pages_of_the_thread_lists_join_into_the_whole_list(items: Engine) -> None:
    with session_scope(items) as session:
        whole = [t.id for t in list_threads(session)]
        assert len(whole) > 2
        pages = [threads_page(session, limit=2, offset=start)
                 for start in range(0, len(whole) + 2, 2)]
        assert [t.id for page in pages for t in page.rows] == whole
        assert {page.total for page in pages} == {len(whole)}
        open_whole = queries.open_threads_page(session, today=TODAY, limit=None)
        open_pages = [queries.open_threads_page(session, today=TODAY, limit=1, offset=start)
                      for start in range(len(open_whole.rows) + 1)]
        assert [r.thread_id for p in open_pages for r in p.rows] == \
            [r.thread_id for r in open_whole.rows]
        assert {p.total for p in open_pages} == {open_whole.total}
