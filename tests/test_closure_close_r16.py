"""Closure round close-r16 (issue 13; minimal pairs: each test of a fix fails on `main`
f72e843, the pairs - the thing still missing, the thing awaited, the group's reply
reported - pass on both), from the dev misses of all seventeen writers.
Threads run through the whole pipeline (``run_pipeline``).

- The owner's deed told by another: the asker ("Omar sent his form to me directly last
  week") or the chair ("João's text for rule (5) reached Klaus on 12 May", Klaus being
  whom it was for) closes the owner's item, or the share of the one named of an item
  asked of several; the thing still missing ("Omar has not sent his form") does not.
- A liaison's request to a study group is met by the group's reply, not by a Bureau's
  list attached meanwhile in answer to another question, nor by the liaison
  registered for the meeting; the group's reply reported ("The ITU-D SG1 reply ... was
  sent", "SG1 agreed a reply LS today. It was sent ...") still meets it.
"""

from __future__ import annotations

import pytest

from iscg_mailbot.services.evaluation import PipelineOutput
from tests.eval_threads import run_threads, thread

NADIA = "Nadia Haddad <nadia.haddad@itu.int>"
JAMES = "James Whitfield <james.whitfield@example-telecom.com>"
INGRID = "Ingrid Solheim <ingrid.solheim@example.no>"
SOFIA = "Sofia Lindqvist <sofia.lindqvist@itu.int>"
GRACE = "Grace Mwangi <grace.mwangi@itu.int>"
PIERRE = "Pierre Lefebvre <pierre.lefebvre@itu.int>"


FORMS = ("Dear James and Omar,\n\nTo renew your accounts, please fill in the attached "
         "form and send it back to me by Wednesday 25 August.\n\nNadia\n")
JAMES_DONE = "Done - form attached.\nJames\n"
OMAR_TOLD = ("Dear all,\n\nOmar sent his form to me directly last week - his account is "
             "renewed.\n\nNadia\n")
OMAR_MISSING = ("Dear all,\n\nOmar has not sent his form yet - his account will lapse on "
                "1 September.\n\nNadia\n")
TEXT_ASKED = ("Dear all,\n\nJo\u00e3o, could you propose a text for rule (5) on rotating "
              "time slots and send it to Klaus by 10 May?\n\nIngrid\n")
TEXT_REACHED = ("Dear all,\n\nTo sum up: Jo\u00e3o's text for rule (5) reached Klaus on 12 "
                "May, thank you Jo\u00e3o.\n\nIngrid\n")
TEXT_AWAITED = ("Dear all,\n\nTo sum up: Klaus is waiting for Jo\u00e3o's text for rule (5)."
                "\n\nIngrid\n")
LIAISON = ("Dear colleagues,\n\nPlease see below the LS from WP 6A. BDT, in addition, could "
           "you let us know which African countries are still in the transition according "
           "to your tracker?\n\nSofia\n\nLIAISON STATEMENT\nSource: ITU-R Working Party 6A\n"
           "To: ITU-D Study Group 1 (for action)\n\nAction requested: ITU-D SG1 is invited to "
           "provide case studies on the transition and the use of the digital dividend.\n"
           "Deadline: 30 June 2027\n")
LIST_ATTACHED = ("Dear Sofia,\n\nAccording to our tracker (March 2027), 11 African countries "
                 "have not completed the transition; the list is attached.\n\nGrace\n")
REPLY_SENT = ("Dear all,\n\nThe ITU-D SG1 reply LS with six case studies (incl. Senegal) was "
              "sent to WP 6A on 28 June.\n\nPierre\n")
REPLY_AGREED = ("Dear all,\n\nSG1 agreed a reply LS to WP 6A today. It was sent this "
                "afternoon.\n\nPierre\n")

THREADS = [
    thread("r-001", "Account renewal", (NADIA, FORMS), (JAMES, JAMES_DONE),
           (NADIA, OMAR_TOLD)),
    thread("r-002", "Account renewal, again", (NADIA, FORMS), (JAMES, JAMES_DONE),
           (NADIA, OMAR_MISSING)),
    thread("r-003", "Rule (5)", (INGRID, TEXT_ASKED), (INGRID, TEXT_REACHED)),
    thread("r-004", "Rule (5), again", (INGRID, TEXT_ASKED), (INGRID, TEXT_AWAITED)),
    thread("r-005", "FW: LS from WP 6A", (SOFIA, LIAISON), (GRACE, LIST_ATTACHED)),
    thread("r-006", "FW: LS from WP 6A, again", (SOFIA, LIAISON), (GRACE, LIST_ATTACHED),
           (PIERRE, REPLY_SENT)),
    thread("r-007", "FW: LS from WP 6A, once more", (SOFIA, LIAISON),
           (PIERRE, REPLY_AGREED)),
]


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory) -> PipelineOutput:
    return run_threads(tmp_path_factory.mktemp("close-r16"), THREADS)


def _closers(output: PipelineOutput, thread: str, message: str
             ) -> list[tuple[tuple[str, ...], str | None, dict[str, str]]]:
    return [(item.owners, item.closed_by, dict(item.share_closers))
            for item in output.items.get((thread, message), [])]


def test_the_asker_telling_an_owners_deed_closes_that_share(output: PipelineOutput) -> None:
    assert _closers(output, "r-001", "m1") == [
        (("James Whitfield", "Omar Khalil"), "m3",
         {"James Whitfield": "m2", "Omar Khalil": "m3"})]


def test_the_asker_telling_the_thing_missing_closes_nothing(output: PipelineOutput) -> None:
    assert _closers(output, "r-002", "m1") == [
        (("James Whitfield", "Omar Khalil"), None, {"James Whitfield": "m2"})]


def test_the_owners_thing_reaching_whom_it_was_for_closes_it(output: PipelineOutput) -> None:
    assert [closer for _, closer, _ in _closers(output, "r-003", "m1")] == ["m2"]
    assert [closer for _, closer, _ in _closers(output, "r-004", "m1")] == [None]


def test_a_bureaus_list_attached_does_not_meet_the_groups_liaison(
        output: PipelineOutput) -> None:
    closers = {owners: closer for owners, closer, _ in _closers(output, "r-005", "m1")}
    assert closers == {("BDT",): "m2", ("ITU-D SG1",): None}


def test_the_groups_reply_reported_meets_its_liaison(output: PipelineOutput) -> None:
    closers = {owners: closer for owners, closer, _ in _closers(output, "r-006", "m1")}
    assert closers == {("BDT",): "m2", ("ITU-D SG1",): "m3"}
    closers = {owners: closer for owners, closer, _ in _closers(output, "r-007", "m1")}
    assert closers[("ITU-D SG1",)] == "m2"
