"""Mail sources: where raw messages come from (an IMAP folder, an archive file).

The contract every source keeps:

* A source yields :class:`~iscg_mailbot.records.RawBatch` objects, in order. Each
  batch holds the raw bytes of some messages, each with its
  :class:`~iscg_mailbot.records.Provenance`, and the
  :class:`~iscg_mailbot.records.MailboxState` reached once the batch is stored.
* The caller stores a batch *and its state* in one transaction before asking for
  the next one. If the process dies in between, the next run starts from the last
  stored state: messages are read at least once, and storing them is idempotent
  (keyed on Message-ID), so nothing is lost and nothing is counted twice.
* A source never changes the mailbox (IMAP folders are opened read-only and bodies
  fetched with ``BODY.PEEK``, so ``\\Seen`` is left alone).
* ``reset=True`` on a batch means the mailbox identity changed (a new UIDVALIDITY)
  and it is being read again from the start.
* Failures the user can act on are :class:`~iscg_mailbot.errors.SourceError`
  (or its subclass :class:`~iscg_mailbot.errors.AuthenticationError`) with one
  readable line, never a password.

Modules: :mod:`iscg_mailbot.source.imap` (``ImapSource.fetch_new``) and
:mod:`iscg_mailbot.source.archive` (``read_archive``).
"""
