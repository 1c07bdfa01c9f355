"""The member list: loading, look-ups and the problems reported for bad files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from iscg_mailbot.cli import cli
from iscg_mailbot.errors import ConfigError
from iscg_mailbot.settings.members import (
    AdvisoryGroup,
    Role,
    check_members,
    load_members,
    members_path,
)

ROOT = Path(__file__).resolve().parents[1]


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "members.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _topic_ids() -> set[str]:
    import yaml

    data = yaml.safe_load((ROOT / "config" / "topics.yaml").read_text(encoding="utf-8"))
    return {topic["id"] for topic in data["topics"]}


def test_shipped_member_list_loads_and_is_clean() -> None:
    members = load_members(members_path(ROOT / "config"))
    assert len(members.members) >= 10
    assert check_members(members, _topic_ids()) == []
    assert [m.name for m in members.with_role("chair")] == ["Ingrid Solheim"]
    assert {m.role for m in members.members} == set(Role)


def test_shipped_members_are_the_people_of_the_sample_archive() -> None:
    # The demo imports the sample archive: its regular writers should be members so
    # that items and digests are attributed to them.
    import mailbox
    from email.utils import parseaddr

    members = load_members(members_path(ROOT / "config"))
    senders = {parseaddr(str(m["From"]))[1].lower()
               for m in mailbox.mbox(ROOT / "iscg_mailbot" / "data" / "sample-iscg.mbox")}
    unknown = {s for s in senders if members.by_address(s) is None}
    assert len(unknown) <= 3, unknown  # robots and one-off outsiders only
    assert {m.address for m in members.members} <= senders


FIXTURE = ROOT / "tests" / "data" / "action_members.yaml"


def test_lookups_by_address_alias_and_name() -> None:
    members = load_members(FIXTURE)
    kenji = members.by_address("  Kenji.Watanabe@EXAMPLE.org ")
    assert kenji is not None and kenji.advisory_group is AdvisoryGroup.TSAG
    assert kenji.group == "TSAG"
    lucia = members.by_address("lfernandez@example.net")
    assert lucia is not None and lucia.name == "Lucía Fernández"
    assert members.by_name("lucía  fernández") is lucia
    assert members.by_address("nobody@example.org") is None
    assert all(m.digest for m in members.digest_recipients())


def test_topic_preferences() -> None:
    members = load_members(FIXTURE)
    henrik = members.by_name("Henrik Solberg")
    kenji = members.by_name("Kenji Watanabe")
    assert henrik is not None and kenji is not None
    assert henrik.wants_topic("spectrum") and not henrik.wants_topic("gender")
    assert kenji.wants_topic("spectrum") and not kenji.wants_topic("gender")


def test_lenient_spelling_of_roles_groups_and_switches(tmp_path: Path) -> None:
    path = write(tmp_path, """members:
  - name: A Person
    address: A.Person@Example.org
    role: Representative
    advisory_group: tsag
    digest: off
  - name: B Person
    address: b@example.org
    role: chair
""")
    members = load_members(path)
    first, second = members.members
    assert (first.address, first.role, first.advisory_group, first.digest) == (
        "a.person@example.org", Role.REPRESENTATIVE, AdvisoryGroup.TSAG, False)
    assert (second.advisory_group, second.digest, second.topics_only) == (
        AdvisoryGroup.NONE, True, None)


def test_errors_name_file_entry_key_and_fix(tmp_path: Path) -> None:
    path = write(tmp_path, """members:
  - name: A Person
    address: a@example.org
    role: chiar
  - name: B Person
    address: not-an-address
    role: observer
    colour: blue
  - name: C Person
    role: observer
""")
    with pytest.raises(ConfigError) as caught:
        load_members(path)
    lines = str(caught.value).splitlines()
    assert lines == [
        (f"{path}: members[0] (A Person): role: 'chiar' is not allowed; use one of 'chair', "
         "'representative', 'observer' or 'secretariat'"),
        f"{path}: members[1] (B Person): address: not an e-mail address; write local@domain",
        f"{path}: members[1] (B Person): colour: unknown key; remove it or check its spelling",
        f"{path}: members[2] (C Person): address: required key is missing; add it",
    ]
    assert check_members(path) == lines


def test_duplicate_addresses_are_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, """members:
  - {name: A Person, address: a@example.org, role: chair}
  - {name: B Person, address: b@example.org, aliases: [A@example.org], role: observer}
""")
    with pytest.raises(ConfigError, match=r"address 'a@example.org' is given to members\[0\] "
                       r"\(A Person\), members\[1\] \(B Person\)"):
        load_members(path)


def test_check_reports_semantic_problems(tmp_path: Path) -> None:
    path = write(tmp_path, """members:
  - {name: A Person, address: a@example.org, role: observer, topics_only: [ai], topics_muted: [ai]}
  - {name: a person, address: b@example.org, role: observer, topics_muted: [nope]}
""")
    problems = check_members(path, known_topics={"ai"})
    assert any("the name 'a person' is used by 2 members" in p for p in problems)
    assert any("no member has role chair" in p for p in problems)
    assert any("topics ai are in both topics_only and topics_muted" in p for p in problems)
    assert any("topics_muted: unknown topic 'nope'; use one of ai" in p for p in problems)


def test_missing_empty_and_malformed_files(tmp_path: Path) -> None:
    missing = tmp_path / "absent.yaml"
    with pytest.raises(ConfigError, match="member list not found"):
        load_members(missing)
    assert load_members(missing, missing_ok=True).members == ()
    assert load_members(write(tmp_path, "")).members == ()
    with pytest.raises(ConfigError, match=r"not valid YAML at line 3, column 1: (did not find )?expected .,. or .\]."):
        load_members(write(tmp_path, "members:\n  - name: [unclosed\n"))
    with pytest.raises(ConfigError, match="expected a mapping"):
        load_members(write(tmp_path, "- just a list\n"))


def test_members_list_command_shows_each_member_and_their_preferences(tmp_path: Path) -> None:
    shipped = CliRunner().invoke(cli, ["--config", str(ROOT / "config"), "members", "list",
                                       "--json"])
    assert shipped.exit_code == 0, shipped.output
    rows = json.loads(shipped.stdout)
    assert len(rows) == len(load_members(members_path(ROOT / "config")).members)
    assert rows[0]["role"] == "chair"

    config = tmp_path / "config"
    config.mkdir()
    (config / "iscg-mailbot.toml").write_text("", encoding="utf-8")
    (config / "members.yaml").write_text(
        "members:\n"
        "  - {name: Ann Lee, address: Ann@Example.org, aliases: [ann@home.example.org],\n"
        "     role: Chair, topics_only: [imt, spectrum]}\n"
        "  - {name: Bo Wu, address: bo@example.org, role: observer, advisory_group: tsag,\n"
        "     digest: off, topics_muted: [events]}\n", encoding="utf-8")
    listed = CliRunner().invoke(cli, ["--config", str(config), "members", "list", "--json"])
    assert json.loads(listed.stdout) == [
        {"name": "Ann Lee", "address": "ann@example.org", "aliases": ["ann@home.example.org"],
         "role": "chair", "advisory_group": None, "organisation": "", "digest": True,
         "topics_only": ["imt", "spectrum"], "topics_muted": []},
        {"name": "Bo Wu", "address": "bo@example.org", "aliases": [], "role": "observer",
         "advisory_group": "TSAG", "organisation": "", "digest": False, "topics_only": None,
         "topics_muted": ["events"]},
    ]
    table = CliRunner().invoke(cli, ["--config", str(config), "members", "list"])
    assert table.exit_code == 0
    lines = table.stdout.splitlines()
    assert any("Ann Lee" in line and "chair" in line and "only imt, spectrum" in line
               for line in lines)
    assert any("ann@home.example.org" in line for line in lines)
    assert any("Bo Wu" in line and "TSAG" in line and " off " in line and "muted events" in line
               for line in lines)

    (config / "members.yaml").unlink()
    missing = CliRunner().invoke(cli, ["--config", str(config), "members", "list"])
    assert missing.exit_code == 1
    assert "members.yaml: member list not found" in missing.stderr
