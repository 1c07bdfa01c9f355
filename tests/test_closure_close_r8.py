"""Closure round close-r8 (issue 13): a question naming a study group is its Bureau's to
answer; a part delivered with the rest dated to come ("will be added next week", "I
expect it next week") or still sought ("Still looking for days 2 and 3", "For the other
venues I'll check") closes nothing; a reply naming who will fill the role asked for
("I will be the TSB speaker") closes it. Threads in our own wording, stored and read by the
pipeline; each first assertion failed on `main`, the others are its pairs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from iscg_mailbot.services.actions import extraction
from iscg_mailbot.services.app import App
from iscg_mailbot.settings.main import Settings
from tests.action_samples import MEMBERS, mail, statuses, store

DELEGATE = "Luis Ramírez <luis@example.gob.mx>"
TSB = "Chen Lihua <chen@example.int>"
BDT = "Pierre Lefebvre <pierre@example.int>"


@pytest.fixture
def app(engine: Engine, tmp_path: Path) -> Iterator[App]:
    config = tmp_path / "config"
    config.mkdir()
    (config / "members.yaml").write_text(
        MEMBERS + "  - {name: Luis Ramírez, address: luis@example.gob.mx, "
                  "role: representative, advisory_group: TDAG}\n", encoding="utf-8")
    (config / "actions.yaml").write_text("timezone: Europe/Zurich\n", encoding="utf-8")
    yield App(settings=Settings(config_dir=str(config)), engine=engine)


def _thread(app: App, subject: str, ask: str, asker: str,
            replies: list[tuple[str, str]]) -> list[dict[str, str]]:
    """The items' statuses after the request and after each reply."""
    extraction.extract_for_messages(app, store(app, mail(
        "a0", asker, "2027-03-01T09:00:00+01:00", ask, subject=subject)))
    found = []
    for n, (sender, body) in enumerate(replies, start=1):
        extraction.extract_for_messages(app, store(app, mail(
            f"a{n}", sender, f"2027-03-0{n + 1}T09:00:00+01:00", body, subject=subject,
            parent="a0")))
        found.append(statuses(app, 50))
    return found


def _of(found: dict[str, str], start: str) -> str:
    [status] = [s for sentence, s in found.items() if sentence.startswith(start)]
    return status


def test_a_question_naming_a_study_group_waits_for_its_bureau(app: App) -> None:
    ask = ("Dear colleagues,\n\nAirtime lending apps that text the contacts of late payers "
           "worry our regulator. Two things:\n\n1. Is ITU-T SG17 working on app permissions?"
           "\n2. Does the ITU-D SG1 report on consumer protection cover such apps?\n\n"
           "Thanks,\nIngrid\n")
    after = _thread(app, "Lending apps", ask, "Ingrid Solheim <ingrid@example.no>", [
        (TSB, ("Dear Ingrid,\n\nYes: SG17 has a draft Recommendation on permissions of "
              "mobile applications, and SG3 a draft Supplement on digital lending.\n\n"
              "Chen\n")),
        (BDT, ("Ingrid, the SG1 report has a section on digital credit covering fees "
              "and complaints, but not the harvesting of contacts.\n\nPierre\n")),
    ])
    assert _of(after[0], "Does the ITU-D SG1 report") == "open"  # TSB spoke for ITU-T
    assert _of(after[0], "Is ITU-T SG17 working") == "done"
    assert _of(after[1], "Does the ITU-D SG1 report") == "done"


def test_a_delegate_answering_their_own_point_leaves_the_bureaus_question(app: App) -> None:
    ask = ("Dear colleagues,\n\nIs there any SG12 text on availability targets for mobile "
           "payment services? And Luis, could you check whether the SG2 report on digital "
           "finance covers outage reporting?\n\nRegards,\nIngrid\n")
    after = _thread(app, "Payment outages", ask, "Ingrid Solheim <ingrid@example.no>", [
        (DELEGATE, ("Hi Ingrid, checked: chapter 5 of the SG2 report has a section on "
                   "service continuity with a reporting template.\n\nLuis\n")),
        (TSB, ("Dear Ingrid,\n\nSG12 has G.1033, which defines availability targets for "
              "digital financial services.\n\nChen\n")),
    ])
    assert _of(after[0], "Is there any SG12 text") == "open"
    assert _of(after[1], "Is there any SG12 text") == "done"


SURVEY = ("BDT, could you fill in the attached survey on meeting rooms for all regional "
          "offices by 30 June?")
AUDIT = ("BDT, could you send the responses to recommendations 4 and 5 of the audit "
         "report on the operational plan by 17 September?")


@pytest.mark.parametrize(("ask", "partial", "complete"), [
    (SURVEY, ("Four regions have filled in the survey. The Asia-Pacific answers will be "
             "added next week, the office is closed for the holiday."),
     "Asia-Pacific now entered, the survey is complete for all BDT offices."),
    (AUDIT, ("BDT response to recommendation 4 attached. Recommendation 5 needs the "
            "Director's clearance as it touches the operational plan - I expect it next "
            "week."),
     "BDT response to recommendation 5 attached, cleared by the Director."),
])
def test_the_rest_dated_to_come_keeps_the_item_open(app: App, ask: str, partial: str,
                                                    complete: str) -> None:
    after = _thread(app, "Responses", f"Dear colleagues,\n\n{ask}\n\nIngrid\n",
                    "Ingrid Solheim <ingrid@example.no>", [
                        (BDT, f"Ingrid,\n\n{partial}\n\nPierre\n"),
                        (BDT, f"Ingrid,\n\n{complete}\n\nPierre\n"),
                    ])
    assert _of(after[0], ask[:30]) == "open"
    assert _of(after[1], ask[:30]) == "done"


def test_the_rest_still_sought_keeps_the_item_open(app: App) -> None:
    ask = ("Dear colleagues,\n\nCould TSB add names to the stand roster by 2 April, one "
           "person per day of the fair?\n\nIngrid\n")
    after = _thread(app, "Stand roster", ask, "Ingrid Solheim <ingrid@example.no>", [
        (TSB, ("I put my name for day 1. Still looking for days 2 and 3 - the SG meeting "
              "is the same week.\n\nChen\n")),
        (TSB, "Ahmed added himself for days 2 and 3, so TSB is covered.\n\nChen\n"),
    ])
    assert _of(after[0], "Could TSB add names") == "open"
    assert _of(after[1], "Could TSB add names") == "done"


@pytest.mark.parametrize(("reply", "status"), [
    (("We talked about loops with the Nairobi hotel last week. For the other venues "
     "I'll check with our conference services."), "open"),
    # A part answered in the question's own word is an answer (the first writer's
    # convention): "Feasible ... For the rest, we are still looking".
    (("Looped: the Nairobi and Addis venues have induction loops. For the other venues "
     "we are still looking."), "done"),
    ("All our regional venues have induction loops since 2025.", "done"),
])
def test_the_other_venues_left_for_later(app: App, reply: str, status: str) -> None:
    ask = ("Dear colleagues,\n\nCould BDT tell me whether the rooms used for your "
           "regional events have an induction loop?\n\nIngrid\n")
    [after] = _thread(app, "Induction loops", ask, "Ingrid Solheim <ingrid@example.no>",
                      [(BDT, f"Ingrid,\n\n{reply}\n\nPierre\n")])
    assert _of(after, "Could BDT tell me whether") == status


@pytest.mark.parametrize(("reply", "status"), [
    (("Hiroshi is away, so answering for TSB: I will be the TSB speaker in Kigali. I will "
     "cover the SG17 work on routing security."), "done"),
    (("Good news: our colleague Ms Ba will come for the workshop day on 9 June. She will "
     "contact you for the logistics."), "done"),
    # The pairs: a promise to look for somebody names nobody.
    ("I will check who is available in the team and revert by Friday.", "open"),
    ("Happy to help. I will ask around the team and come back to you.", "open"),
])
def test_a_reply_naming_who_will_fill_the_role(app: App, reply: str, status: str) -> None:
    ask = ("Dear colleagues,\n\nCould TSB nominate a speaker for the session on ITU-T "
           "work at the Kigali workshop by 31 August?\n\nIngrid\n")
    [after] = _thread(app, "Kigali workshop", ask, "Ingrid Solheim <ingrid@example.no>",
                      [(TSB, f"Dear Ingrid,\n\n{reply}\n\nChen\n")])
    assert _of(after, "Could TSB nominate a speaker") == status
