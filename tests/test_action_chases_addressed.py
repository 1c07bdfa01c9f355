"""A chase put to the people who owe the item, named before it, or opened by what is
still missing, is no new item (minimal pairs; each chase failed before); with a day of
its own it asks anew, and the same words in a first message are a request."""

from __future__ import annotations

from tests.reply_items import found


def test_a_chase_put_to_named_people_is_no_item() -> None:
    assert found("Thanks BR and TSB. Pierre, Grace - any news on the BDT timeline?") == 0
    assert found("Thank you Chen. BDT colleagues, any news on the pilot countries?") == 0
    # Asked of the same people as a request of its own, it is an item.
    assert found("Thanks BR and TSB. Pierre, Grace - could you send the BDT timeline?") == 1


def test_what_is_still_missing_is_a_chase_unless_dated() -> None:
    assert found("Thanks all. Still missing BR - Sofia, could you let me know?") == 0
    assert found("Thanks all. Still missing the BR slides - Sofia, could you send them "
                 "by Monday noon at the latest?") == 1
