"""The learned gate over the rules' action candidates (analyse/action_model.py): what it
drops and keeps in stored mail, its switch in actions.yaml, its training.

The gate here is fitted on a handful of made-up candidates by the same code that
``actions train`` uses, so that it has a clear opinion: sentences about lunch are not
items, requests to send comments are.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from sqlalchemy import Engine, select

from iscg_mailbot.analyse.action_model import (
    KIND_NOTE,
    GateModel,
    gate_features,
    model_from_json,
)
from iscg_mailbot.analyse.action_model_fit import fit_binary, fit_classes
from iscg_mailbot.cli import cli
from iscg_mailbot.errors import ConfigError
from iscg_mailbot.records import ActionCandidate, ActionInput
from iscg_mailbot.services.action_gate_training import helps
from iscg_mailbot.services.actions import extraction, list_actions
from iscg_mailbot.services.actions.context import load_context
from iscg_mailbot.services.app import App
from iscg_mailbot.services.configcheck import check_configuration
from iscg_mailbot.services.eval_set import DEV, split_of
from iscg_mailbot.settings.actions import SHIPPED_GATE_MODEL
from iscg_mailbot.store.models_actions import ActionItem
from tests.action_samples import action_app, mail, store

ROOT = Path(__file__).resolve().parents[1]

LUNCH = "Vegetarian for me, please."
REQUEST = "Please send your comments on the draft by Friday 11 September."
BODY = f"Dear all,\n\n{REQUEST}\n\n{LUNCH}\n\nBest regards,\nKlaus\n"


def _rows() -> tuple[list[tuple[str, ...]], list[bool]]:
    """Features of made-up candidates: lunch orders are not items, requests are."""
    rows, labels = [], []
    for n, dish in enumerate(("Vegetarian", "Fish", "Chicken", "Pasta", "Salad") * 4):
        for text, item in ((f"{dish} for me, please.", False),
                           (f"Please send your comments on item {n} by Friday.", True)):
            candidate = ActionCandidate("action", text, (0, len(text)), None, None, None,
                                        None, 0.8, "please_do")
            rows.append(gate_features(candidate, ActionInput(text, None), 0, 1))
            labels.append(item)
    return rows, labels


def lunch_gate(threshold: float = 0.5) -> GateModel:
    rows, labels = _rows()
    weights, bias = fit_binary(rows, labels, seed=1)
    return GateModel(weights, bias, threshold)


def gated_app(engine: Engine, tmp_path: Path, switch: str) -> App:
    app = action_app(engine, tmp_path)
    (tmp_path / "config" / "gate.json").write_text(lunch_gate().to_json(), encoding="utf-8")
    with (tmp_path / "config" / "actions.yaml").open("a", encoding="utf-8") as file:
        file.write(f"gate: {switch}\ngate_model: gate.json\n")
    return app


def stored(app: App) -> dict[str, float]:
    with app.session() as session:
        return {i.sentence: i.confidence for i in session.scalars(select(ActionItem))}


def test_the_gate_drops_a_clear_non_item_and_keeps_a_clear_item(engine: Engine,
                                                                 tmp_path: Path) -> None:
    app = gated_app(engine, tmp_path, "true")
    extraction.extract_for_messages(app, store(app, mail("m1", "Klaus <k@example.de>",
                                                         "2026-09-07T10:00:00+02:00", BODY)))
    items = stored(app)
    assert set(items) == {REQUEST}
    assert items[REQUEST] > 0.5  # the gate's estimate, shown as the item's confidence


def test_a_kind_set_by_the_gate_says_so_where_the_item_is_shown(engine: Engine,
                                                                tmp_path: Path) -> None:
    app = action_app(engine, tmp_path)
    gate = GateModel({}, 3.0, 0.0, kinds={"action": {}, "question": {"w=comments": 4.0}},
                     kind_bias={"action": 0.0, "question": 0.0}, kind_threshold=0.6)
    (tmp_path / "config" / "gate.json").write_text(gate.to_json(), encoding="utf-8")
    with (tmp_path / "config" / "actions.yaml").open("a", encoding="utf-8") as file:
        file.write("gate: true\ngate_model: gate.json\n")
    extraction.extract_for_messages(app, store(app, mail("m1", "Klaus <k@example.de>",
                                                         "2026-09-07T10:00:00+02:00", BODY)))
    rows = {row.sentence: row for row in list_actions(app, kinds=("action", "question"))}
    assert rows[REQUEST].kind == "question"
    assert rows[REQUEST].rule.endswith(KIND_NOTE)
    assert rows[REQUEST].confidence == pytest.approx(0.953, abs=0.001)  # sigmoid(3)
    assert rows[LUNCH].kind == "action" and not rows[LUNCH].rule.endswith(KIND_NOTE)


def test_with_the_switch_off_the_rules_alone_decide(engine: Engine, tmp_path: Path) -> None:
    app = gated_app(engine, tmp_path, "false")
    extraction.extract_for_messages(app, store(app, mail("m1", "Klaus <k@example.de>",
                                                         "2026-09-07T10:00:00+02:00", BODY)))
    assert set(stored(app)) == {REQUEST, LUNCH}


def test_the_switch_is_validated_and_a_missing_model_is_reported(engine: Engine,
                                                                 tmp_path: Path) -> None:
    app = gated_app(engine, tmp_path, "maybe")
    with pytest.raises(ConfigError, match="gate"):
        load_context(app)
    (tmp_path / "config" / "actions.yaml").write_text(
        "gate: true\ngate_model: missing.json\n", encoding="utf-8")
    app.reload_config()
    with pytest.raises(ConfigError, match=r"missing\.json"):
        _ = load_context(app).gate
    assert any("missing.json" in p for p in check_configuration(app.settings).problems)


def test_the_shipped_model_loads_and_keeps_a_plain_request(engine: Engine,
                                                           tmp_path: Path) -> None:
    app = action_app(engine, tmp_path)
    (tmp_path / "config" / "actions.yaml").write_text("gate: true\n", encoding="utf-8")
    gate = load_context(app).gate
    assert gate is not None
    extraction.extract_for_messages(app, store(app, mail("m1", "Klaus <k@example.de>",
                                                         "2026-09-07T10:00:00+02:00", BODY)))
    assert REQUEST in stored(app)


def test_the_shipped_model_is_trained_on_the_thirteen_writers_and_shipped_off() -> None:
    """Session 35 (docs/evaluation.md, "the learned gate retrained on thirteen writers"):
    retrained with ``actions train --set eval --seed 0`` on every writer's dev part;
    leaving one writer out chose dropping under 0.4 and the rules' kinds, and it stays
    off: with each writer's settings chosen without it, it helped 2 of 13 writers and
    cost `w1` more than 0.01 of strict F1, short of the 9 of 13 asked."""
    model = model_from_json(SHIPPED_GATE_MODEL.read_text(encoding="utf-8"))
    writers = {p.name.split("-", 1)[0] for p in (ROOT / "eval" / "threads").glob("*.yaml")}
    groups = model.about["groups"]
    assert isinstance(groups, list) and len(groups) >= 13 and set(groups) <= writers
    assert model.threshold == pytest.approx(0.4)
    assert model.kinds == {} and model.kind_threshold > 1.0  # the rules' kinds stay
    config = yaml.safe_load((ROOT / "config" / "actions.yaml").read_text(encoding="utf-8"))
    assert config["gate"] is False


def test_training_is_reproducible_with_a_seed() -> None:
    rows, labels = _rows()
    first = GateModel(*fit_binary(rows, labels, seed=3), 0.5).to_json()
    assert GateModel(*fit_binary(rows, labels, seed=3), 0.5).to_json() == first
    assert model_from_json(first).to_json() == first
    kinds = ["question" if "comments" in " ".join(r) else "action" for r in rows]
    assert fit_classes(rows, kinds, seed=3) == fit_classes(rows, kinds, seed=3)


def test_a_file_that_is_not_a_model_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="actions train"):
        model_from_json('{"weights": {}}', "gate.json")


def _writer_file(folder: Path, writer: str, dishes: tuple[str, ...]) -> None:
    """Dev threads of one writer: each asks for comments (an item) and orders lunch."""
    threads = []
    for n, dish in enumerate(dishes):
        thread_id = f"{writer}-{n:03d}"
        if split_of(thread_id) != DEV:
            continue
        body = (f"Dear all,\n\nPlease send your comments on draft {n} by 20 October 2026.\n\n"
                f"{dish} for me, please.\n\nKlaus\n")
        threads.append({"id": thread_id, "subject": f"Draft {n}", "topics": [],
                        "messages": [{"id": "m1", "from": "Klaus <klaus@example.de>",
                                      "date": "2026-10-05T09:12:00+02:00", "body": body,
                                      "actions": [{"kind": "action", "owner": [],
                                                   "due": "2026-10-20"}]}]})
    (folder / f"{writer}-01.yaml").write_text(yaml.safe_dump({"threads": threads}),
                                              encoding="utf-8")


def test_actions_train_chooses_on_writer_folds_and_is_reproducible(tmp_path: Path) -> None:
    folder = tmp_path / "set"
    folder.mkdir()
    _writer_file(folder, "a", ("Fish", "Chicken", "Pasta", "Salad", "Soup", "Rice") * 2)
    _writer_file(folder, "b", ("Vegetarian", "Curry", "Pizza", "Noodles", "Beef") * 2)
    config = tmp_path / "config"
    config.mkdir()
    for name in ("topics.yaml", "actions.yaml", "members.yaml"):
        (config / name).write_text((ROOT / "config" / name).read_text(encoding="utf-8"),
                                   encoding="utf-8")
    # The made-up writers label "Please send your comments" to everyone with no owner:
    # the list's convention that reads it so (the default gives it to the ISCG).
    with (config / "actions.yaml").open("a", encoding="utf-8") as handle:
        handle.write("\nrequests_to_all: members_invited\n")
    (config / "iscg-mailbot.toml").write_text(f'data_dir = "{tmp_path / "data"}"\n',
                                              encoding="utf-8")
    runner = CliRunner()
    outputs = []
    for name in ("one.json", "two.json"):
        result = runner.invoke(cli, ["--config", str(config), "actions", "train",
                                     "--set", str(folder), "--output",
                                     str(tmp_path / name), "--seed", "2", "--json"])
        assert result.exit_code == 0, result.output
        outputs.append((tmp_path / name).read_bytes())
    assert outputs[0] == outputs[1]
    figures = json.loads(result.output)
    assert figures["choice"]["threshold"] > 0  # dropping lunch orders helps both writers
    assert [f["writer"] for f in figures["folds"]] == ["a", "b"]
    for fold in figures["folds"]:
        assert fold["strict_f1"][1] > fold["strict_f1"][0]


def test_a_setting_counts_only_if_it_helps_most_writers_and_hurts_none() -> None:
    assert helps([0.02, 0.01, -0.004])  # two of three better, the third within 0.005
    assert not helps([0.02, 0.01, -0.02])  # one writer loses two points: refused
    assert not helps([0.02, 0.0, 0.0])  # one writer of three is not most
