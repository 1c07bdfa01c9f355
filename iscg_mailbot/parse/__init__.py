"""The parse stage: raw message bytes in, :class:`~iscg_mailbot.records.ParsedMessage` out.

- :mod:`.message` — ``parse_message(raw)``, the stage's one entry point; it raises
  :class:`~iscg_mailbot.errors.UnparseableMessage` (never anything else) for input it
  cannot turn into a message, so the caller can quarantine it with the reason.
- :mod:`.headers` — Message-IDs (cleaned or synthesised), addresses and dates.
- :mod:`.body` — text from any charset, HTML to text, attachment metadata.
- :mod:`.quoting` — new text versus quoted replies and signatures.
- :mod:`.subjects` — subject normalisation for threading.

The stage is pure: no I/O, no database, no configuration.
"""
