"""iscg-mailbot: digest and triage bot for the ITU ISCG mailing list."""

__version__ = "0.1.0"
