"""Delivery of rendered digests: build the MIME message, hand it to an SMTP server.

``compose.compose`` makes a multipart/alternative :class:`email.message.EmailMessage`
with headers that list content cannot tamper with; ``smtp.SmtpSender`` sends it and
classifies failures as temporary (4xx, network) or permanent (5xx). Neither touches
the database: the outbox is kept by the service layer.
"""
