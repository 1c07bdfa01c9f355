"""Storage: SQLAlchemy 2 models, sessions, and idempotent writes of each stage's output."""
