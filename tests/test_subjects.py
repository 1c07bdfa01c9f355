"""Subject normalisation for threading: prefixes in many languages, list tags, case."""

from __future__ import annotations

import doctest

import pytest
from hypothesis import given
from hypothesis import strategies as st

from iscg_mailbot.parse import subjects
from iscg_mailbot.parse.subjects import (
    display_subject,
    is_forward_subject,
    is_reply_subject,
    normalise_subject,
)


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        ("Re: LS on IMT-2030", "ls on imt-2030"),
        ("RE: RE: re: LS on IMT-2030", "ls on imt-2030"),
        ("Re[2]: LS", "ls"),
        ("Re(3): LS", "ls"),
        ("Re^2: LS", "ls"),
        ("Fwd: LS", "ls"),
        ("FW: LS", "ls"),
        ("TR: Réunion", "réunion"),
        ("AW: WG: Sitzung", "sitzung"),
        ("SV: VS: Möte", "möte"),
        ("RIF: R: Riunione", "riunione"),
        ("Ré : Réunion", "réunion"),
        ("Réf. : Réunion", "réunion"),
        ("Antw: Odp: Vergadering", "vergadering"),
        ("回复: 答复: 转发: 会议安排", "会议安排"),
        ("RE：全角コロン", "全角コロン"),
        ("[int-sect-team] Re: ISCG meeting", "iscg meeting"),
        ("Re: [int-sect-team] Re: ISCG meeting", "iscg meeting"),
        ("Re: [int-sect-team] AW: Re[2]: [ISCG] FW:  ISCG   meeting ", "iscg meeting"),
        ("[S2-132184/2185]RE: draft", "draft"),
        ("'Re: draft WF on FR2 MIMO OTA'", "draft wf on fr2 mimo ota"),
        ("Liaison statement (fwd)", "liaison statement"),
        ("Re:", ""),
        ("", ""),
    ],
)
def test_normalise_subject_strips_prefixes_tags_and_case(subject: str, expected: str) -> None:
    assert normalise_subject(subject) == expected


@pytest.mark.parametrize(
    "subject",
    [
        "Resolution: 1 on IMT",  # "Res" and "Re" are prefixes only before a colon
        "Report: ITU-R WP 5D",
        "Regarding: agenda",
        "Free: trial",  # "Fw"/"Fwd" inside a word
        "Ire: anger",
    ],
)
def test_words_that_start_like_prefixes_are_kept(subject: str) -> None:
    assert normalise_subject(subject) == subject.casefold()


def test_none_is_an_empty_subject() -> None:
    assert normalise_subject(None) == ""
    assert not is_reply_subject(None)
    assert not is_forward_subject(None)


@pytest.mark.parametrize(
    ("subject", "reply", "forward"),
    [
        ("Re: LS", True, False),
        ("[int-sect-team] RE: LS", True, False),
        ("AW: LS", True, False),
        ("回复: 会议", True, False),
        ("Re: Fwd: LS", True, False),
        ("Fwd: Re: LS", False, True),
        ("[int-sect-team] Fwd: LS from ITU-T SG17", False, True),
        ("TR: LS", False, True),
        ("LS from ITU-T SG17 (fwd)", False, True),
        ("LS from ITU-T SG17", False, False),
        ("[int-sect-team] LS from ITU-T SG17", False, False),
    ],
)
def test_reply_and_forward_detection(subject: str, reply: bool, forward: bool) -> None:
    assert is_reply_subject(subject) is reply
    assert is_forward_subject(subject) is forward


def test_docstring_examples() -> None:
    assert doctest.testmod(subjects).failed == 0


@given(st.text())
def test_normalise_subject_never_raises_on_any_text(subject: str) -> None:
    result = normalise_subject(subject)
    assert result == result.strip()
    assert "  " not in result
    assert result.casefold() == result
    assert isinstance(is_reply_subject(subject), bool)
    assert isinstance(is_forward_subject(subject), bool)


@pytest.mark.parametrize(("subject", "shown"), [
    ("[int-sect-team] LS on IMT-2030", "LS on IMT-2030"),
    ("RE: [int-sect-team] AW: Re[2]: LS on IMT-2030", "LS on IMT-2030"),
    ("[INT-SECT-TEAM] Fwd: ITU-D SG1 report", "ITU-D SG1 report"),
    ("Ré : [iscg] Réunion du groupe", "Réunion du groupe"),
    ("[ACTION] LS on IMT-2030", "[ACTION] LS on IMT-2030"),  # another tag is the writer's
    ("Re: [ACTION] LS on IMT-2030", "[ACTION] LS on IMT-2030"),
    ("Re: Re:", "Re: Re:"),  # nothing left: shown as written
    ("", ""),
    (None, ""),
])
def test_display_subject_drops_markers_and_the_lists_own_tags(subject: str | None,
                                                              shown: str) -> None:
    assert display_subject(subject, ["int-sect-team", "iscg"]) == shown


@given(st.lists(st.sampled_from(
    ["Re: ", "Fwd: ", "FW:", "AW: ", "[iscg] ", "[PATCH v2] ", "(fwd)", " ", "x", '"', "回复: "]
), max_size=12).map("".join))
def test_normalise_and_forward_reads_as_the_two_functions(subject: str) -> None:
    # normalise_subject is normalise_and_forward's first half (the tests above pin it);
    # the second must be what is_forward_subject, which reads the markers itself, says.
    from iscg_mailbot.parse.subjects import normalise_and_forward

    assert normalise_and_forward(subject) == (normalise_subject(subject), is_forward_subject(subject))


@given(st.lists(st.sampled_from(["Re:", "RE :", "Fwd:", "AW:", "[iscg]", "(fwd)", "x", " ", "：",
                                 "回复:", "TR:", "Ré :"]), max_size=6).map(" ".join))
def test_reply_subjects_cached_as_read(subject: str) -> None:
    """The importing process's cache of the reply test answers as the test reads."""
    assert is_reply_subject(subject) == is_reply_subject.__wrapped__(subject)
    assert is_reply_subject(subject) == is_reply_subject.__wrapped__(subject)  # (a hit)
