"""Closure round close-r21 (issue 13; minimal pairs: each test of a fix fails on `main`
e561d37, its pair passes on both), from the dev misses of w13-w23.

A reply labelled with the share it gives answers that share of a request put to several
owners (``closure_labels.labelled_share``), now also when:

- the label is in French or Spanish or names a side ("Pour le BDT :", "Desde la BDT:",
  "From the ITU-T side:"; a Sector's name stands for its Bureau);
- the label is followed by the people asked for and nothing else ("BDT: Grace Mwangi."),
  which the answer's reading takes for a line of a signature.
"""

from __future__ import annotations

import pytest

from iscg_mailbot.analyse.closure_labels import labelled_share
from iscg_mailbot.analyse.closure_reply import reply_of
from iscg_mailbot.analyse.closure_speaker import speaker_of
from iscg_mailbot.records import Address
from iscg_mailbot.services.evaluation import PipelineOutput
from iscg_mailbot.settings.members import MembersConfig, load_members
from tests.eval_threads import ROOT, run_threads, thread

INGRID = "Ingrid Solheim <ingrid.solheim@example.no>"
PIERRE = "Pierre Lefebvre <pierre.lefebvre@itu.int>"

PIERRE_ADDRESS = Address("Pierre Lefebvre", "pierre.lefebvre@itu.int")
CHEN = Address("Chen Lihua", "chen.lihua@itu.int")
TOMAS = Address("Tom\u00e1s Herrera", "tomas.herrera@itu.int")


@pytest.fixture(scope="module")
def members() -> MembersConfig:
    return load_members(ROOT / "config" / "members.yaml")


def _labels(text: str, owner: str, sender: Address, members: MembersConfig) -> bool:
    return labelled_share(reply_of(text), owner, speaker_of(sender, members).speaks_for,
                          members)


@pytest.mark.parametrize(("text", "owner", "sender", "closes"), [
    # Labels in French and Spanish, and a side.
    (("Ch\u00e8re Lucia,\n\nPour le BDT : Pierre Lefebvre, Amara Diallo et Grace Mwangi "
     "(tous trois en pr\u00e9sentiel).\n\nBien cordialement,\nPierre\n"),
     "BR, TSB, BDT", PIERRE_ADDRESS, True),
    (("Hola Andr\u00e9s,\n\nDesde la BDT: las Directrices de la UIT sobre protecci\u00f3n de "
     "la infancia en l\u00ednea tratan exactamente ese caso.\n\nSaludos,\nTom\u00e1s\n"),
     "TSB, BDT", TOMAS, True),
    ("Desde la BDT: \u00bfpodr\u00edan confirmar la fecha?\n\nTom\u00e1s\n",
     "TSB, BDT", TOMAS, False),
    (("Dear Andr\u00e9s,\n\nFrom the ITU-T side: Recommendation ITU-T X.1147 is the "
     "closest text.\n\nLihua\n"), "TSB, BDT", CHEN, True),
    # The Sector is not the sender's: BR's share is not TSB's to give.
    (("Dear Andr\u00e9s,\n\nFrom the ITU-T side: Recommendation ITU-T X.1147 is the "
     "closest text.\n\nLihua\n"), "BR, BDT", CHEN, False),
    # A label and the people asked for.
    ("BDT: Grace Mwangi. Sorry for the delay - mission week.\n\nPierre\n",
     "BR, TSB, BDT", PIERRE_ADDRESS, True),
    ("BDT: Grace Mwangi.\n\nPierre\n", "BR, TSB, BDT", PIERRE_ADDRESS, True),
    ("BDT: I will check with Grace Mwangi and revert.\n\nPierre\n", "BR, TSB, BDT", PIERRE_ADDRESS, False),
    ("BDT: could Grace Mwangi do it?\n\nPierre\n", "BR, TSB, BDT", PIERRE_ADDRESS, False),
])
def test_labels_in_other_languages_and_a_label_before_names(
        text: str, owner: str, sender: Address, closes: bool,
        members: MembersConfig) -> None:
    assert _labels(text, owner, sender, members) is closes


ASK = ("Dear all,\n\n- BR, TSB, BDT: please give me the name of one pen-holder each, "
       "by Fri 18 Jan.\n\nThanks,\nIngrid\n")
NAMED = "BDT: Grace Mwangi. Sorry for the delay - mission week.\n\nPierre\n"
LATER = "BDT: I will check with Grace Mwangi and revert.\n\nPierre\n"

THREADS = [
    thread("r21-001", "Pen-holders", (INGRID, ASK), (PIERRE, NAMED)),
    thread("r21-002", "Pen-holders", (INGRID, ASK), (PIERRE, LATER)),
]


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory) -> PipelineOutput:
    return run_threads(tmp_path_factory.mktemp("close-r21"), THREADS)


def _bdt_closer(output: PipelineOutput, ident: str) -> str | None:
    item = next(i for i in output.items[(ident, "m1")] if "pen-holder" in i.sentence)
    return item.closer_for("BDT")


def test_a_label_before_the_name_closes_the_units_share(output: PipelineOutput) -> None:
    assert _bdt_closer(output, "r21-001") == "m2"
    assert _bdt_closer(output, "r21-002") is None
