"""A seeded week of ISCG traffic as a Digest record, shared by the render and delivery tests.

Content is fictional; one thread is in Arabic and one in Chinese so that non-Latin text
goes through every template, and ``hostile=True`` plants markup and header-breaking
characters where list content appears.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from iscg_mailbot.records import (
    Digest,
    DigestAction,
    DigestAwaiting,
    DigestCounts,
    DigestSection,
    DigestThread,
)
from iscg_mailbot.settings.members import Member

START = datetime(2024, 3, 3, 23, 0, tzinfo=UTC)   # Mon 4 Mar 2024 00:00 Geneva
END = datetime(2024, 3, 10, 23, 0, tzinfo=UTC)    # Mon 11 Mar 2024 00:00 Geneva
ARCHIVE = "https://lists.example.org/archive/"

CHAIR = Member.model_validate({"name": "Amina Diallo", "address": "amina.diallo@example.org",
                               "role": "chair", "advisory_group": "none",
                               "organisation": "ISCG"})
REPRESENTATIVE = Member.model_validate({"name": "Henrik Solberg",
                                        "address": "henrik.solberg@example.org",
                                        "role": "representative", "advisory_group": "RAG",
                                        "topics_only": ["spectrum", "ai"]})

HOSTILE_SUBJECT = "<script>alert('x')</script> WRC\r\nBcc: victim@example.com"
HOSTILE_SENDER = "Eve \"<img src=x onerror=alert(1)>\"\u202e\u200bmoc.elpmaxe@eve"


def seeded_digest(*, hostile: bool = False) -> Digest:
    """The digest of the week 4-10 March 2024 for the whole list."""
    wrc = DigestThread(
        thread_id=11,
        subject=HOSTILE_SUBJECT if hostile else "WRC-27 agenda item 1.7: coordination of inputs",
        participants=("Amina Diallo", HOSTILE_SENDER if hostile else "Henrik Solberg"),
        message_count=5,
        new_messages=3,
        excerpt=("Dear colleagues,\nplease find attached the RAG contribution; comments "
                 "before Friday would allow the secretariat to consolidate the inputs."),
        latest_sender=HOSTILE_SENDER if hostile else "Henrik Solberg",
        last_activity=datetime(2024, 3, 8, 13, 5, tzinfo=UTC),
        started_in_period=False,
        url=ARCHIVE + "11",
    )
    arabic = DigestThread(
        thread_id=12,
        subject="التنسيق بين القطاعات بشأن الذكاء الاصطناعي",
        participants=("Fatima Al-Sayed",),
        message_count=1,
        new_messages=1,
        excerpt="نرجو منكم مراجعة المسودة قبل الاجتماع القادم.",
        latest_sender="Fatima Al-Sayed",
        last_activity=datetime(2024, 3, 5, 9, 30, tzinfo=UTC),
        started_in_period=True,
        url=None,
    )
    chinese = DigestThread(
        thread_id=13,
        subject="关于ISCG会议日程的建议",
        participants=("Wei Zhang", "Marc Dubois"),
        message_count=2,
        new_messages=2,
        excerpt="我们建议把安全议题放在第一天。",
        latest_sender="Marc Dubois",
        last_activity=datetime(2024, 3, 6, 16, 0, tzinfo=UTC),
        started_in_period=True,
        url=ARCHIVE + "13",
    )
    return Digest(
        list_key="int-sect-team",
        list_name="ITU Inter-Sector Coordination Group",
        list_address="int-sect-team@lists.itu.int",
        period_start=START,
        period_end=END,
        period_key="2024-03-04/2024-03-11",
        timezone="Europe/Zurich",
        generated_at=datetime(2024, 3, 11, 6, 0, tzinfo=UTC),
        sections=(
            DigestSection(topic_id="spectrum", title="Spectrum and WRC", threads=(wrc,)),
            DigestSection(topic_id="ai", title="Artificial intelligence", threads=(arabic,)),
            DigestSection(topic_id=None, title="Other", threads=(chinese,)),
        ),
        actions=(
            DigestAction(description="Circulate the draft liaison statement to SG17.",
                         owner="Kenji Watanabe", due=date(2024, 3, 1), overdue=True,
                         thread_subject="Liaison to SG17", url=ARCHIVE + "7"),
            DigestAction(description="Send RAG comments on the WRC-27 inputs.",
                         owner=HOSTILE_SENDER if hostile else "Henrik Solberg",
                         due=date(2024, 3, 15), overdue=False,
                         thread_subject=wrc.subject, url=ARCHIVE + "11"),
            DigestAction(description="Book the room for the June meeting.",
                         owner="Marc Dubois", due=None, overdue=False),
        ),
        awaiting_reply=(
            DigestAwaiting(thread_id=12, subject=arabic.subject, last_sender="Fatima Al-Sayed",
                           since=arabic.last_activity or START, url=None),
        ),
        counts=DigestCounts(messages=6, active_threads=3, new_threads=2, participants=5,
                            open_actions=3, overdue_actions=1, awaiting_reply=1),
    )


def empty_digest() -> Digest:
    """A week without traffic but with one open action item."""
    full = seeded_digest()
    return Digest(
        list_key=full.list_key, list_name=full.list_name, list_address=full.list_address,
        period_start=full.period_start, period_end=full.period_end,
        period_key=full.period_key, timezone=full.timezone, generated_at=full.generated_at,
        actions=full.actions[2:],
        counts=DigestCounts(open_actions=1),
        topic_filter="only: spectrum, ai",
    )
