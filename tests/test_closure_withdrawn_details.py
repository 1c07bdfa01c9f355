"""A detail of a request let go is not the request withdrawn (session 42, lead's read).

"No need to send the original by post, a scan is fine" lets go of how the form comes,
not of the form: the request stays open. "Pierre, no need to send the BDT practice."
withdraws it."""

from __future__ import annotations

import pytest

from iscg_mailbot.analyse.closure_withdrawn import withdrawal, withdrawn_shares

FORM = "Could TSB send me the signed participation form by 12 May?"


@pytest.mark.parametrize("clauses", [
    [("There is no need to send the original signed form by post, a scan of the signed "
      "form by e-mail is fine.")],
    ["BR, there is no need to prepare speaker notes for the form", "the form alone is fine."],
    ["No need to send the signed form in colour; black and white will do."],
])
def test_a_detail_let_go_leaves_the_request_open(clauses: list[str]) -> None:
    assert withdrawn_shares(clauses, "TSB", FORM, None) is None


@pytest.mark.parametrize("clauses", [
    ["The signed participation form is no longer needed: the workshop is cancelled."],
    ["I withdraw the request.", "Thanks all the same, the form is no longer needed."],
])
def test_a_request_withdrawn_is_still_closed(clauses: list[str]) -> None:
    assert withdrawn_shares(clauses, "TSB", FORM, None) == ()


def test_the_following_clause_is_read_only_for_what_suffices() -> None:
    assert withdrawal("No need to send the form.")
    assert not withdrawal("No need to send the form by post", "a scan is fine.")
