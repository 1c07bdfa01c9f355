"""Real servers started by the tests: Dovecot (IMAP) and an SMTP sink."""
