"""A list under a request that says what one thing holds, not several things owed.

"Could each Bureau send me a half-page, by 8 January, covering:" above "- standards
work; - capacity building; - awareness campaigns" asks for one half-page; the bullets
are its contents, not three items. "Please send by 25 September:" above "- the list of
outputs; - the indicators to drop" asks for each thing listed (action_scope makes one
item of each).

    >>> lists_contents("Could BR send a short note, including:")
    True
    >>> lists_contents("Could BR send the following by Friday:")
    False
"""

from __future__ import annotations

import re

_CONTENTS = re.compile(r"\b(?:covering|including|addressing|about|on\s+the\s+following"
                       r"(?:\s+(?:topics|points|issues|aspects))?)\s*:\s*$", re.IGNORECASE)


def lists_contents(intro: str) -> bool:
    """Whether a request ending with ":" introduces the contents of the one thing it
    asks for ("covering:", "including:", "on the following points:")."""
    return _CONTENTS.search(intro) is not None


__all__ = ["lists_contents"]
