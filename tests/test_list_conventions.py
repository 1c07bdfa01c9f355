"""The list's conventions (config/actions.yaml ``before``, ``requests_to_all``,
``staff_i_will``, ``staff_asked``, ``commitments``): each setting's values on short threads through the
whole pipeline, and a wrong value refused at load."""

from __future__ import annotations

import dataclasses
import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml

from iscg_mailbot.conventions import DEFAULT_CONVENTIONS
from iscg_mailbot.errors import ConfigError
from iscg_mailbot.services.eval_scores import PredictedItem
from iscg_mailbot.services.eval_set import load_eval_set
from iscg_mailbot.services.evaluation import run_pipeline
from iscg_mailbot.settings.actions import convention_values, load_actions_config
from iscg_mailbot.settings.main import Settings
from tests.eval_threads import thread

ROOT = Path(__file__).resolve().parents[1]
HIROSHI = "Hiroshi Takemura <hiroshi.takemura@itu.int>"  # TSB staff
INGRID = "Ingrid Solheim <ingrid.solheim@example.no>"  # the chair, no secretariat unit
ELENA = "Elena Petrova <elena.petrova@itu.int>"  # TSB staff


def _one(ident: str, sender: str, text: str) -> dict[str, object]:
    """A thread of one message to the list."""
    return thread(ident, ident, (sender, f"{text}\n\nBest regards"))


THREADS = [
    _one("c-001", INGRID, "Hiroshi, please send the table before 30 June."),
    _one("c-002", INGRID, "Hiroshi, please send the slides before the meeting on 4 May."),
    _one("c-003", INGRID, "Colleagues, please send your comments by 14 May."),
    _one("c-004", INGRID, "All members are invited to send their views by 14 May."),
    _one("c-005", HIROSHI, "Dear all,\n\nI will circulate the draft by 5 May."),
    _one("c-006", INGRID, "Dear all,\n\nI will circulate the agenda by 5 May."),
    _one("c-007", HIROSHI, "Dear all,\n\nWe will prepare the contribution."),
    # One of a Bureau's staff asked by the greeting, by a reply, by name; two greeted.
    _one("c-008", INGRID, "Dear Hiroshi,\n\nWill the webinar on port security be recorded?"),
    thread("c-009", "c-009", (HIROSHI, "Dear all,\n\nThe webinar programme is attached."),
           (INGRID, "Thanks. Will the webinar be recorded?\n\nBest regards")),
    _one("c-010", INGRID, "Dear Hiroshi, dear Elena,\n\nWill the webinar be recorded?"),
    _one("c-011", INGRID, "Elena, could you tell me whether the webinar will be recorded?"),
    # One of them greeted beside the list itself, which is nobody in particular.
    _one("c-012", INGRID, "Dear Hiroshi, dear ISCG colleagues,\n\nWill the webinar be recorded?"),
]

Runs = dict[str, dict[str, list[PredictedItem]]]

SETTINGS = {
    "default": "",
    "events": "before: events\n",
    "first": "before: day_before\nrequests_to_all: ISCG\nstaff_i_will: unit\ncommitments: drop\n",
    "second": "before: that_day\nrequests_to_all: nobody\n",
    "third": "requests_to_all: members_invited\n",
    "fourth": "staff_asked: person\n",
}


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Runs:
    """Per settings, the items of each thread's one message."""
    result: Runs = {}
    for name, lines in SETTINGS.items():
        folder = tmp_path_factory.mktemp(name)
        config = folder / "config"
        shutil.copytree(ROOT / "config", config)
        with (config / "actions.yaml").open("a", encoding="utf-8") as handle:
            handle.write("\n" + lines)
        (folder / "threads.yaml").write_text(yaml.safe_dump({"threads": THREADS}),
                                             encoding="utf-8")
        settings = Settings(config_dir=str(config), data_dir=str(folder / "data"))
        output = run_pipeline(settings, load_eval_set(folder / "threads.yaml"))
        result[name] = {thread_id: items for (thread_id, _), items in output.items.items()}
    return result


def _dues(items: dict[str, list[PredictedItem]], thread_id: str) -> list[date | None]:
    return [item.due for item in items.get(thread_id, [])]


def _owners(items: dict[str, list[PredictedItem]], thread_id: str) -> list[tuple[str, ...]]:
    return [item.owners for item in items.get(thread_id, [])]


def test_before_a_day_is_read_by_the_lists_convention(runs: Runs) -> None:
    # day_before (default): both the day before.
    assert _dues(runs["default"], "c-001") == [date(2027, 6, 29)]
    assert _dues(runs["default"], "c-002") == [date(2027, 5, 3)]
    # events: an event's day gives the day before, a bare day that day.
    assert _dues(runs["events"], "c-001") == [date(2027, 6, 30)]
    assert _dues(runs["events"], "c-002") == [date(2027, 5, 3)]
    assert _dues(runs["first"], "c-001") == [date(2027, 6, 29)]
    assert _dues(runs["first"], "c-002") == [date(2027, 5, 3)]
    # that_day: both that day.
    assert _dues(runs["second"], "c-001") == [date(2027, 6, 30)]
    assert _dues(runs["second"], "c-002") == [date(2027, 5, 4)]


def test_a_request_to_everyone_is_owned_by_the_lists_convention(runs: Runs) -> None:
    # ISCG (default): the group's, invited or not.
    assert _owners(runs["default"], "c-003") == [("ISCG",)]
    assert _owners(runs["default"], "c-004") == [("ISCG",)]
    # members_invited: the group's only when the members are invited to it.
    assert _owners(runs["third"], "c-003") == [()]
    assert _owners(runs["third"], "c-004") == [("ISCG",)]
    assert _owners(runs["first"], "c-003") == [("ISCG",)]  # ISCG, set explicitly
    assert _owners(runs["first"], "c-004") == [("ISCG",)]
    assert _owners(runs["second"], "c-003") == [()]  # nobody
    assert _owners(runs["second"], "c-004") == [()]


def test_staffs_i_will_is_the_person_or_the_unit(runs: Runs) -> None:
    assert _owners(runs["default"], "c-005") == [("Hiroshi Takemura",)]
    assert _owners(runs["first"], "c-005") == [("TSB",)]
    # The chair works in no secretariat unit: hers either way.
    assert _owners(runs["first"], "c-006") == [("Ingrid Solheim",)]


def test_one_of_a_bureaus_staff_asked_is_the_unit_or_the_person(runs: Runs) -> None:
    # unit (default): greeted or replied to, the Bureau is asked.
    assert _owners(runs["default"], "c-008") == [("TSB",)]
    assert _owners(runs["default"], "c-009") == [("TSB",)]
    # person: the one greeted, or the sender of the message replied to.
    assert _owners(runs["fourth"], "c-008") == [("Hiroshi Takemura",)]
    assert _owners(runs["fourth"], "c-009") == [("Hiroshi Takemura",)]
    assert _owners(runs["default"], "c-012") == [("TSB",)]
    assert _owners(runs["fourth"], "c-012") == [("Hiroshi Takemura",)]
    # Two greeted stand for their Bureau, and a name in the sentence is the person's,
    # under both.
    for name in ("default", "fourth"):
        assert _owners(runs[name], "c-010") == [("TSB",)]
        assert _owners(runs[name], "c-011") == [("Elena Petrova",)]


def test_an_undated_commitment_announced_is_an_item_or_dropped(runs: Runs) -> None:
    assert _owners(runs["default"], "c-007") == [("TSB",)]
    assert _owners(runs["first"], "c-007") == []
    # A commitment with its date stays.
    assert _dues(runs["first"], "c-005") == [date(2027, 5, 5)]


@pytest.mark.parametrize(("key", "allowed"), [
    ("before", "'day_before', 'events' or 'that_day'"),
    ("requests_to_all", "'members_invited', 'ISCG' or 'nobody'"),
    ("staff_i_will", "'person' or 'unit'"),
    ("staff_asked", "'unit' or 'person'"),
    ("commitments", "'item' or 'drop'"),
])
def test_a_wrong_convention_is_refused_at_load_naming_file_key_and_values(
        tmp_path: Path, key: str, allowed: str) -> None:
    path = tmp_path / "actions.yaml"
    path.write_text(f"{key}: sometimes\n", encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        load_actions_config(path)
    message = str(raised.value)
    assert message == f"{path}: {key}: Input should be {allowed}"
    assert "\n" not in message


def test_each_convention_set_in_the_file_reaches_the_extractor(tmp_path: Path) -> None:
    # Every key's other values, and no key set: the defaults the records carry.
    assert load_actions_config(tmp_path / "absent.yaml").conventions == DEFAULT_CONVENTIONS
    for key, values in convention_values().items():
        for value in values[1:]:
            path = tmp_path / "actions.yaml"
            path.write_text(f"{key}: {value}\n", encoding="utf-8")
            conventions = load_actions_config(path).conventions
            assert conventions == dataclasses.replace(DEFAULT_CONVENTIONS, **{key: value})
