"""The service layer: the one place that reads the database, calls the stages and writes.

The CLI and the worker are thin shells over these functions. Each service takes an
:class:`~iscg_mailbot.services.app.App` (settings + engine) and plain arguments, runs
in its own transaction(s) and returns plain report dataclasses.
"""
