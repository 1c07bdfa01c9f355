"""Threading: turn the References/In-Reply-To/subject facts of messages into thread trees.

:mod:`iscg_mailbot.thread.jwz` is pure (``ThreadRef`` records in, ``ThreadNode`` trees
out); storing the result is :mod:`iscg_mailbot.store.threads`.
"""
