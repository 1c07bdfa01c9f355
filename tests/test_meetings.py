"""The meetings calendar: the file and its errors, meeting-tied deadlines, convening
letters on the list, and ``meetings list/accept`` on the shipped sample archive."""

from __future__ import annotations

import json
import shutil
from datetime import date, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from iscg_mailbot.analyse.meeting_dates import date_from_meetings, find_meeting_due
from iscg_mailbot.analyse.meeting_notices import find_convening
from iscg_mailbot.cli import cli
from iscg_mailbot.errors import ConfigError
from iscg_mailbot.records import ActionCandidate
from iscg_mailbot.services.app import App
from iscg_mailbot.settings.main import load_settings
from iscg_mailbot.settings.meetings import Meeting, MeetingsConfig, load_meetings
from iscg_mailbot.store.models_actions import ActionItem
from tests.sample_config import analysed_sample, invoke

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "config" / "meetings.yaml"

CALENDAR = MeetingsConfig(meetings=(
    Meeting(id="tsag-26", body="TSAG", start=date(2026, 6, 1)),
    Meeting(id="tsag-27", body="TSAG", start=date(2027, 1, 25), end=date(2027, 1, 29)),
    Meeting(id="rag-27", body="RAG", start=date(2027, 3, 1)),
    Meeting(id="tdag-27", body="TDAG", start=date(2027, 5, 10)),
    Meeting(id="council-27", body="Council", start=date(2027, 6, 9)),
    Meeting(id="iscg-2026-11-04", body="ISCG", start=date(2026, 11, 4)),
    Meeting(id="wrc-27", body="WRC", start=date(2027, 10, 18)),
    Meeting(id="sg17-27", body="itu-t sg 17", start=date(2027, 2, 2)),
))
SENT = date(2026, 9, 1)


# --- the file --------------------------------------------------------------------------


def test_shipped_calendar_has_sources_and_published_dates() -> None:
    calendar = load_meetings(SHIPPED)
    assert all(m.source for m in calendar.meetings)
    pp = calendar.next_of("PP", date(2026, 1, 1))
    assert pp is not None and (pp.start, pp.end, pp.place) == (
        date(2026, 11, 9), date(2026, 11, 27), "Doha, Qatar")
    council = calendar.next_of("Council", date(2026, 1, 1))
    assert council is not None and (council.start, council.end) == (
        date(2026, 4, 28), date(2026, 5, 8))
    # Nothing in 2026-2027 was found published for the advisory groups: not guessed.
    assert calendar.next_of("TSAG", date(2026, 1, 1)) is None


def test_bad_calendar_names_file_entry_key_and_fix(tmp_path: Path) -> None:
    path = tmp_path / "meetings.yaml"
    path.write_text(
        "meetings:\n"
        "  - id: tsag-x\n    body: TSAGG\n    start: 2027-01-25\n"
        "  - id: rag-x\n    body: RAG\n    start: 2027-03-05\n    end: 2027-03-01\n"
        "  - id: tdag-x\n    body: TDAG\n    start: next May\n"
        "  - id: Bad Id\n    body: TDAG\n    start: 2027-05-01\n    venue: Geneva\n",
        encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_meetings(path)
    assert str(caught.value).splitlines() == [
        (f"{path}: meetings[0] (tsag-x): body: unknown body 'TSAGG'; use one of RAG, TSAG, "
        "TDAG, Council, ISCG, WRC, WTSA, WTDC, PP, RA or a study group written like 'ITU-T SG17'"),
        (f"{path}: meetings[1] (rag-x): (entry): end 2027-03-01 is before start 2027-03-05; "
        "swap them"),
        f"{path}: meetings[2] (tdag-x): start: not a date; write YYYY-MM-DD",
        (f"{path}: meetings[3] (Bad Id): id: write lower-case letters, digits, '-', '.' or '_' "
        "(e.g. tsag-2027-01)"),
        f"{path}: meetings[3] (Bad Id): venue: unknown key; remove it or check its spelling",
    ]


def test_duplicate_ids_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "meetings.yaml"
    path.write_text("meetings:\n  - {id: a, body: RAG, start: 2027-01-01}\n"
                    "  - {id: a, body: TSAG, start: 2027-02-01}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="id 'a' is used twice; give each meeting its own id"):
        load_meetings(path)


def test_config_check_validates_meetings(tmp_path: Path) -> None:
    config = tmp_path / "config"
    shutil.copytree(ROOT / "config", config)
    (config / "iscg-mailbot.toml").write_text(
        f'[database]\nurl = "sqlite:///{tmp_path / "x.db"}"\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["--config", str(config), "config", "check"])
    assert result.exit_code == 0, result.output
    assert f"{config / 'meetings.yaml'}: 4 meetings (Council, PP, WRC)" in result.stdout
    (config / "meetings.yaml").write_text("meetings:\n  - {id: a, body: XYZ, start: 2027-01-01}\n",
                                          encoding="utf-8")
    result = CliRunner().invoke(cli, ["--config", str(config), "config", "check"])
    assert result.exit_code == 1
    assert f"error: {config / 'meetings.yaml'}: meetings[0] (a): body: unknown body 'XYZ'" \
        in result.stderr


# --- meeting-tied deadlines ------------------------------------------------------------


@pytest.mark.parametrize(("text", "owner", "expected"), [
    ("Comments before the next TSAG meeting, please.", None, (date(2027, 1, 24), "tsag-27")),
    ("TSAG is invited to consider this at its next meeting.", "TSAG", (date(2027, 1, 25), "tsag-27")),
    ("Please send the text in time for RAG.", None, (date(2027, 2, 28), "rag-27")),
    ("Two weeks before the TDAG meeting, circulate the draft.", None,
     (date(2027, 4, 26), "tdag-27")),
    ("Send it 10 days before the next TSAG meeting.", None, (date(2027, 1, 15), "tsag-27")),
    ("By the next meeting of the Council, the report is needed.", None,
     (date(2027, 6, 9), "council-27")),
    ("We will decide at our next meeting.", None, (date(2026, 11, 4), "iscg-2026-11-04")),
    ("Proposals are due prior to WRC-27.", None, (date(2027, 10, 17), "wrc-27")),
    ("Reply before the ITU-T SG17 meeting.", None, (date(2027, 2, 1), "sg17-27")),
])
def test_meeting_phrases_get_a_date_and_their_meeting(
    text: str, owner: str | None, expected: tuple[date, str]
) -> None:
    due = find_meeting_due(text, SENT, CALENDAR, owner=owner)
    assert due is not None
    assert (due.value, due.meeting_id) == expected


@pytest.mark.parametrize(("text", "owner"), [
    ("TSAG is invited to consider this at its next meeting.", None),  # whose meeting?
    ("Comments before the next WTSA.", None),                         # none in the calendar
    ("For TSAG, I will coordinate the reply.", None),                 # no deadline
    ("Proposals are due prior to WRC-23.", None),                     # that one is past
])
def test_no_date_rather_than_a_guess(text: str, owner: str | None) -> None:
    assert find_meeting_due(text, SENT, CALENDAR, owner=owner) is None


def test_the_next_meeting_is_after_the_message_day() -> None:
    due = find_meeting_due("before the next TSAG meeting", date(2026, 6, 1), CALENDAR)
    assert due is not None and due.meeting_id == "tsag-27"
    due = find_meeting_due("before the next TSAG meeting", date(2026, 5, 31), CALENDAR)
    assert due is not None and due.meeting_id == "tsag-26"


def test_explicit_dates_win_over_meetings() -> None:
    dated = ActionCandidate("action", "Send comments before the next TSAG meeting, by 15.09.2026.",
                            (0, 10), "BR", "group", date(2026, 9, 15), "15.09.2026", 0.8, "r")
    undated = ActionCandidate("action", "Send comments before the next TSAG meeting.",
                              (20, 40), "BR", "group", None, "before the next TSAG meeting",
                              0.8, "r")
    result = date_from_meetings([dated, undated], datetime(2026, 9, 1), CALENDAR)
    assert result[0] == dated
    assert (result[1].due, result[1].due_meeting, result[1].due_text) == (
        date(2027, 1, 24), "tsag-27", "before the next TSAG meeting")


# --- convening letters ---------------------------------------------------------------


def test_convening_letter_gives_day_time_zone_and_link() -> None:
    notice = find_convening(
        "ISCG meeting, 3 February 2027",
        "Dear members,\n\nThe next meeting of the Inter-Sector Coordination Group will be\n"
        "held online on Wednesday, 3 February 2027, from 14.00 to 16.30 UTC.\n\n"
        "Join: https://itu.zoom.us/j/987654321?pwd=abc.\n")
    assert notice is not None
    assert (notice.meeting_id, notice.time, notice.timezone, notice.place, notice.online) == (
        "iscg-2027-02-03", "14:00-16:30", "UTC", "online",
        "https://itu.zoom.us/j/987654321?pwd=abc")


def test_a_mention_of_a_meeting_is_no_convening_letter() -> None:
    assert find_convening("Re: AI terms", "I will report on the outcome at the ISCG meeting "
                                          "on 9 September.") is None


# --- on the sample archive ------------------------------------------------------------


@pytest.fixture(scope="module")
def sample_config(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # A TSAG meeting for the sample's "TSAG will be invited to note it at its next
    # meeting" (test data: the shipped file has no published TSAG dates).
    return analysed_sample(tmp_path_factory.mktemp("meetings"),
                           "  - id: tsag-test\n    body: TSAG\n    start: 2027-01-25\n"
                           "    source: test\n")



def test_sample_deadline_at_its_next_meeting_is_dated(sample_config: Path) -> None:
    app = App.open(load_settings(sample_config))
    try:
        with app.session() as session:
            rows = session.execute(
                select(ActionItem.owner, ActionItem.due, ActionItem.due_meeting)
                .where(ActionItem.due_meeting.is_not(None))).all()
    finally:
        app.close()
    # "TSAG will be invited to note it at its next meeting" (the test's TSAG meeting) and
    # "BDT is requested to circulate the draft outline ... before the next Council
    # session" (sent 6 October 2026: the shipped calendar's Council meeting of 7 November).
    assert sorted(tuple(r) for r in rows) == [
        ("BDT", date(2026, 11, 6), "council-26-last"), ("TSAG", date(2027, 1, 25), "tsag-test")]


def test_sample_convening_letters_are_proposed_and_accepted(sample_config: Path) -> None:
    code, out, _ = invoke(sample_config, "meetings", "list", "--json")
    assert code == 0
    rows = {r["id"]: r for r in json.loads(out)}
    assert rows["pp-26"]["status"] == "configured"
    proposed = {k: (v["start"], v["time"], v["timezone"], v["place"])
                for k, v in rows.items() if v["status"] == "proposed"}
    assert proposed == {
        "iscg-2026-09-09": ("2026-09-09", "13:00-16:00", "CEST (Geneva time)", "virtual"),
        "iscg-2026-11-04": ("2026-11-04", "09:30-12:30", "CET", "hybrid"),
    }
    before = (sample_config / "meetings.yaml").read_text(encoding="utf-8")
    code, out, _ = invoke(sample_config, "meetings", "accept", "iscg-2026-11-04")
    assert (code, out) == (0, ("added iscg-2026-11-04 (2026-11-04 09:30-12:30 CET) to the "
                              "meetings calendar\n"))
    after = (sample_config / "meetings.yaml").read_text(encoding="utf-8")
    assert after.startswith(before)  # comments and entries kept as written
    accepted = load_meetings(sample_config / "meetings.yaml").by_id("iscg-2026-11-04")
    assert accepted is not None and (accepted.body, accepted.time, accepted.place) == (
        "ISCG", "09:30-12:30", "hybrid")
    assert "ISCG meeting, 4 November 2026" in accepted.source
    code, out, _ = invoke(sample_config, "meetings", "list", "--json")
    statuses = {r["id"]: r["status"] for r in json.loads(out)}
    assert statuses["iscg-2026-11-04"] == "configured"
    code, _, err = invoke(sample_config, "meetings", "accept", "iscg-2026-11-04")
    assert (code, err) == (1, "error: meeting 'iscg-2026-11-04' is already in the calendar\n")
    code, _, err = invoke(sample_config, "meetings", "accept", "iscg-2030-01-01")
    assert code == 1 and err.startswith("error: no meeting 'iscg-2030-01-01' announced")
