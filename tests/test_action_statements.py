"""Sentences that read like work but owe nothing (minimal pairs; each failed before):
what a meeting will do, and offers not yet taken up."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput, Address
from iscg_mailbot.settings.actions import ActionRules, load_actions_config
from iscg_mailbot.settings.members import MembersConfig

ROOT = Path(__file__).resolve().parents[1]
GENEVA = timezone(timedelta(hours=2))
SENT = datetime(2026, 9, 9, 11, 0, tzinfo=GENEVA)  # a Wednesday


def items(text: str, members: MembersConfig, *, sender: str = "sofia.lindqvist@itu.int",
          rules: ActionRules | None = None, parent_asks: bool = False,
          ) -> list[tuple[str | None, date | None]]:
    member = members.by_address(sender)
    message = ActionInput(text, SENT, sender=Address(member.name if member else "", sender),
                          parent_sender=Address("Chen Lihua", "chen.lihua@itu.int"),
                          parent_asks=parent_asks)
    found = extract_actions(message, rules or ActionRules(), members=members)
    return [(c.owner, c.due) for c in found if c.kind != "note"]


def test_work_a_meeting_will_do_is_no_commitment_of_the_senders_unit(
    members: MembersConfig,
) -> None:
    said = "Thanks. The statement goes to the WP 4A meeting in November; an answer will be drafted there."
    assert items(said, members) == []
    assert items("The answer will be drafted at the Q2/1 rapporteur group meeting in March.",
                 members) == []
    assert items("The new version is expected to be approved at the plenary session in May.",
                 members) == []
    # The unit's own delivery: an item of BR's, as before.
    assert items("An answer will be drafted within two weeks.", members) == [
        ("BR", date(2026, 9, 23))]
    # Delivered to the readers, the meeting's work is still promised to them.
    assert items("The statement goes to the WP 4A meeting in November; an answer will be "
                 "drafted there and copied to this list.", members) == [("BR", None)]
    # "there" with no meeting named is no place of a meeting.
    assert items("The slides will be posted there tomorrow.", members) == [
        ("BR", date(2026, 9, 10))]


DROP = ActionRules(offers="drop")


def test_an_offer_without_a_date_of_its_own_is_no_item_when_offers_are_dropped(
    members: MembersConfig,
) -> None:
    for offer in ("I can forward you the two contributions on this.",
                  "If useful, I can share the Kenyan test results with the group.",
                  "I am happy to present the draft to the group.",
                  "We are happy to host the session in Geneva."):
        assert items(offer, members, rules=DROP) == [], offer
        # Counted as actions by default (the older labelled sentences' convention).
        assert len(items(offer, members)) == 1, offer
    # A promise is not an offer; an offer with its own date is an undertaking.
    assert items("I will forward you the two contributions on this.", members, rules=DROP) == [
        ("Sofia Lindqvist", None)]
    assert items("I can forward you the two contributions by 30 September.", members,
                 rules=DROP) == [("Sofia Lindqvist", date(2026, 9, 30))]


def test_the_deployment_drops_undated_offers() -> None:
    config = load_actions_config(ROOT / "config" / "actions.yaml")
    assert config.rules.offers == "drop"
    assert load_actions_config(ROOT / "no-such-dir" / "actions.yaml").rules.offers == "action"


def test_a_report_that_somebody_has_asked_is_no_item_unless_it_passes_on_a_date(
    members: MembersConfig,
) -> None:
    assert items("UNICEF has asked ITU to promote the new toolkit for schools.", members) == []
    assert items("I have asked the WP 5D secretariat to send the draft to SG13.", members) == []
    assert items("The ministries have asked for a chance to present their results.",
                 members) == []
    # Passed on with a date of its own: a task the list follows.
    assert items("I have asked BDT to prepare an overview of the pilots by 30 October.",
                 members) == [("BDT", date(2026, 10, 30))]
    # Asking now is a request.
    assert items("We ask BDT to prepare an overview of the pilots.", members) == [
        ("BDT", None)]


def test_what_a_document_is_for_is_no_item_unless_someone_or_a_day_is_named(
    members: MembersConfig,
) -> None:
    assert items("The revised handbook is now open for comments.", members) == []
    assert items("The draft outline is attached for review.", members) == []
    assert [c[0] for c in items("The draft outline is sent to TSAG for review.", members)] == [
        "TSAG"]


def test_an_instruction_that_answers_how_or_whom_is_no_new_item(
    members: MembersConfig,
) -> None:
    def reply(text: str, asked: str) -> list[tuple[str | None, date | None]]:
        message = ActionInput(text, SENT, sender=Address("Elena Petrova", "elena.petrova@itu.int"),
                              parent_sender=Address("", "someone@example.org"), parent_asks=True,
                              parent_text=asked)
        return [(c.owner, c.due) for c in extract_actions(message, ActionRules(), members=members)]

    assert reply("Please write to the workshop secretariat at tsbws@itu.int.",
                 "Where should we send our proposal?") == []
    assert reply("Please contact the regional office in Cairo.",
                 "Who can I ask about the venue?") == []
    # A dated request, or one after a question that asks nothing of the kind, stays.
    assert reply("Please send the abstract by 20 November.",
                 "Where should we send our proposal?") != []
    assert reply("Please send the abstract to tsbws@itu.int.",
                 "Could you confirm that the workshop takes place?") != []
