"""Configuration errors name the file, the key and the fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from iscg_mailbot.errors import ConfigError
from iscg_mailbot.settings.main import load_settings

ROOT = Path(__file__).resolve().parents[1]


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "iscg-mailbot.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_config_is_valid() -> None:
    settings = load_settings(ROOT / "config")
    assert settings.lists[0].address == "int-sect-team@lists.itu.int"


def test_missing_default_file_gives_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ISCG_CONFIG", raising=False)
    settings = load_settings()
    assert settings.database_url.startswith("sqlite:///")


def test_explicit_missing_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="configuration file not found"):
        load_settings(tmp_path / "nope.toml")


def test_unknown_key_names_file_and_key(tmp_path: Path) -> None:
    path = write(tmp_path, '[database]\nurll = "sqlite://"\n')
    with pytest.raises(ConfigError) as info:
        load_settings(path)
    assert str(info.value) == f"{path}: database.urll: unknown key; remove it or check its spelling"


def test_plaintext_imap_refused_off_loopback(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        '[[mailboxes]]\nname = "m"\nlist = "int-sect-team"\nhost = "imap.example.org"\n'
        'security = "plain"\nusername = "u"\npassword_env = "P"\n',
    )
    with pytest.raises(ConfigError, match=r"mailboxes\.0: security = 'plain' sends the password"):
        load_settings(path)


def test_mailbox_must_name_a_known_list(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        '[[mailboxes]]\nname = "m"\nlist = "other"\nhost = "imap.example.org"\nusername = "u"\n',
    )
    with pytest.raises(ConfigError, match="names list 'other', which is not defined"):
        load_settings(path)


@pytest.mark.parametrize(("toml", "key", "value"), [
    ('[digest]\nfrom_address = "iscg-bot"\n', "digest.from_address", "iscg-bot"),
    ('[digest]\nreply_to = "Secretariat <sec@example.org>"\n', "digest.reply_to",
     "Secretariat <sec@example.org>"),
    ('[[lists]]\nid = "iscg"\naddress = "int-sect-team"\n', "lists.0.address", "int-sect-team"),
])
def test_addresses_must_look_like_addresses(tmp_path: Path, toml: str, key: str,
                                            value: str) -> None:
    """Caught when the file is read, not when the first digest is refused by the server."""
    path = write(tmp_path, toml)
    with pytest.raises(ConfigError) as info:
        load_settings(path)
    assert str(info.value) == (
        f"{path}: {key}: {value!r} is not an e-mail address; write local@domain")


def test_bad_toml_is_one_line(tmp_path: Path) -> None:
    path = write(tmp_path, "[database\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings(path)


def test_database_url_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ISCG_DATABASE_URL", "postgresql+psycopg://x@h/db")
    assert load_settings(ROOT / "config").database_url == "postgresql+psycopg://x@h/db"


def test_password_from_env_and_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    secret = tmp_path / "secret"
    secret.write_text("s3cret\n")
    path = write(
        tmp_path,
        '[[mailboxes]]\nname = "m"\nlist = "int-sect-team"\nhost = "imap.example.org"\n'
        f'username = "u"\npassword_env = "ISCG_TEST_PW"\npassword_file = "{secret}"\n',
    )
    mailbox = load_settings(path).mailboxes[0]
    monkeypatch.delenv("ISCG_TEST_PW", raising=False)
    assert mailbox.password() == "s3cret"
    monkeypatch.setenv("ISCG_TEST_PW", "from-env")
    assert mailbox.password() == "from-env"


def test_config_check_command_lists_every_file(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from iscg_mailbot.cli import cli

    ok = CliRunner().invoke(cli, ["--config", str(ROOT / "config"), "config", "check"])
    assert ok.exit_code == 0, ok.output
    for name in ("iscg-mailbot.toml", "topics.yaml", "members.yaml", "actions.yaml"):
        assert f"{name}: " in ok.output
    broken = tmp_path / "config"
    broken.mkdir()
    (broken / "iscg-mailbot.toml").write_text(
        '[[mailboxes]]\nname = "m"\nlist = "int-sect-team"\nhost = "imap.example.org"\n'
        'username = "u"\npassword_env = "ISCG_TEST_UNSET_PASSWORD"\n'
    )
    (broken / "members.yaml").write_text("members:\n  - name: X\n")
    result = CliRunner().invoke(cli, ["--config", str(broken), "config", "check"])
    assert result.exit_code == 1
    assert "mailbox 'm': no password; set the environment variable ISCG_TEST_UNSET_PASSWORD" in result.output
    assert "members.yaml" in result.output.split("error:", 1)[1]


def test_parse_processes_zero_means_the_cpus_and_negative_is_refused(tmp_path: Path) -> None:
    assert load_settings(write(tmp_path, "parse_processes = 1\n")).parse_processes_effective == 1
    automatic = load_settings(write(tmp_path, "parse_processes = 0\n")).parse_processes_effective
    assert 1 <= automatic <= 4
    with pytest.raises(ConfigError) as info:
        load_settings(write(tmp_path, "parse_processes = -1\n"))
    assert str(info.value).startswith(f"{tmp_path / 'iscg-mailbot.toml'}: parse_processes: ")
    assert "greater than or equal to 0" in str(info.value)
