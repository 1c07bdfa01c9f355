"""Commands that bring mail in and show what is stored: db, demo, sync, import, threads, status."""

from __future__ import annotations
