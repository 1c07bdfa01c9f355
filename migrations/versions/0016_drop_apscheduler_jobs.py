"""Drop ``apscheduler_jobs``: the worker's schedule is no longer stored.

Why: APScheduler's SQLAlchemyJobStore kept the worker's jobs (and their next run
times) beside ``digest_runs`` and the outbox, two records of the same schedule that the
worker had to reconcile after a restart. The worker now keeps its jobs in memory and
derives a digest missed while it was down from ``digest_runs`` and the outbox
(``services/schedule.py``), so the table has nothing left to say. Its rows are
pickled job states, rebuilt from the configuration at every start; dropping them
loses nothing. The downgrade recreates the empty table as revision 0004 made it.

Revision ID: 0016
Revises: 0015
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016"
down_revision: str | Sequence[str] | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("apscheduler_jobs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_apscheduler_jobs_next_run_time"))
    op.drop_table("apscheduler_jobs")


def downgrade() -> None:
    op.create_table(
        "apscheduler_jobs",
        sa.Column("id", sa.Unicode(length=191), nullable=False),
        sa.Column("next_run_time", sa.Float(precision=25), nullable=True),
        sa.Column("job_state", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_apscheduler_jobs")),
    )
    with op.batch_alter_table("apscheduler_jobs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_apscheduler_jobs_next_run_time"),
                              ["next_run_time"], unique=False)
