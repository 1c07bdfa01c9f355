"""The kinds and states of an action item, as stored (``action_items.kind`` and
``status``) and as the command line accepts them.

A module of their own, re-exported by :mod:`iscg_mailbot.records`: the ORM models and
the queries read them without creating the records' dataclasses (start-up time of
every command).
"""

ACTION, NOTE, QUESTION = "action", "note", "question"
ACTION_KINDS = (ACTION, NOTE, QUESTION)
OPEN, DONE, DROPPED = "open", "done", "dropped"
ACTION_STATUSES = (OPEN, DONE, DROPPED)
