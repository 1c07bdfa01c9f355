"""What is read is what was sent (issue 12, points 5-6), on real message files.

* A UTF-8 part with one invalid byte is read as UTF-8 with one U+FFFD, not as
  Windows-1252 mojibake; a part whose declared charset is wrong throughout still falls
  back.
* Subject joining keeps version markers apart (the ksummit-2025 ``[PATCH] [v2]`` review
  and the ``[v3]`` posting), and never joins two replies whose References name
  different missing roots.
"""

from __future__ import annotations

import mailbox
from pathlib import Path

from iscg_mailbot.parse.message import parse_message
from iscg_mailbot.parse.subjects import normalise_subject
from iscg_mailbot.records import Provenance, RawMessage, ThreadRef
from iscg_mailbot.thread.jwz import build_threads

SAMPLES = Path(__file__).resolve().parent / "samples"
RELIABILITY = SAMPLES / "reliability"


def _parse(data: bytes) -> str:
    return parse_message(RawMessage(data, Provenance())).body_text


def test_one_invalid_byte_does_not_garble_a_utf8_part() -> None:
    # A real 3GPP list message (utf-8, quoted-printable) with one byte 0xFF added.
    text = _parse((RELIABILITY / "utf8-one-bad-byte.eml").read_bytes())
    assert "I’ve just copied the updated CRs to 26.442/443/444/452 to the Inbox" in text
    assert "S4-211109 • S4-211294" in text
    assert "Thank you\ufffd, best regards," in text
    assert text.count("\ufffd") == 1
    assert "â€" not in text  # no mojibake anywhere


def test_latin1_labelled_utf8_still_falls_back() -> None:
    data = (RELIABILITY / "flanker-8bitmime.eml").read_bytes()
    assert "Превел" in _parse(data)
    mislabelled = data.replace("Превел".encode(), "Genève et Zürich".encode("latin-1"))
    assert "Genève et Zürich" in _parse(mislabelled)


def _refs(messages: list[bytes]) -> list[ThreadRef]:
    refs = []
    for data in messages:
        parsed = parse_message(RawMessage(data, Provenance()))
        refs.append(ThreadRef(parsed.message_id, parsed.in_reply_to, parsed.references,
                              parsed.normalised_subject, parsed.subject.lower().startswith("re"),
                              parsed.date))
    return refs


def _ksummit() -> list[bytes]:
    # Two replies in the [v2] review (whose posting is not in the archive), the [v3]
    # posting and one reply to it: ksummit-2025, messages 905, 906, 929 and 930.
    box = mailbox.mbox(RELIABILITY / "patch-v2-v3.mbox")
    try:
        return [box.get_bytes(key) for key in box.iterkeys()]
    finally:
        box.close()


def _threads(messages: list[bytes]) -> list[set[str]]:
    return sorted((set(root.walk()) for root in build_threads(_refs(messages))), key=len)


def test_version_markers_stay_in_the_subject_key() -> None:
    assert normalise_subject("Re: [PATCH] [v2] Documentation: x") != normalise_subject(
        "[PATCH] [v3] Documentation: x")
    assert normalise_subject("Re: [PATCH v2 1/3] x") == normalise_subject("[PATCH v2 1/3] x")
    assert normalise_subject("Re: [int-sect-team] LS on IMT-2030") == "ls on imt-2030"


def test_patch_v2_review_is_not_merged_into_the_v3_posting() -> None:
    messages = _ksummit()
    threads = _threads(messages)
    assert len(threads) == 2
    v2, v3 = ({r.message_id for r in _refs(messages[:2])},
              {r.message_id for r in _refs(messages[2:])})
    assert sorted(threads, key=sorted) == sorted([v2, v3], key=sorted)


def test_replies_naming_different_missing_roots_are_not_joined_by_subject() -> None:
    # Same subject once the version tags are gone: only the References tell them apart.
    v2_reply, v3_reply = _ksummit()[0], _ksummit()[3]
    messages = [data.replace(b"[PATCH] [v2] ", b"[PATCH] ").replace(b"[PATCH] [v3] ", b"[PATCH] ")
                for data in (v2_reply, v3_reply)]
    refs = _refs(messages)
    assert refs[0].normalised_subject == refs[1].normalised_subject
    assert refs[0].references[0] != refs[1].references[0]
    assert len(_threads(messages)) == 2
