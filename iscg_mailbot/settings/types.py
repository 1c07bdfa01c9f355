"""Field types shared by the configuration files (iscg-mailbot.toml, members.yaml)."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator

# A deliberately loose check: the address must look like local@domain.tld. Full RFC 5322
# validation would reject nothing a secretariat is likely to type and accept nothing more.
ADDRESS_PATTERN = r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$"


def check_address(value: str) -> str:
    """``value`` if it looks like an e-mail address; ValueError saying how to write one."""
    if not re.match(ADDRESS_PATTERN, value):
        raise ValueError(f"{value!r} is not an e-mail address; write local@domain")
    return value


EmailAddress = Annotated[str, AfterValidator(check_address)]
"""A configured e-mail address (a list's, the digest's sender or reply-to)."""
