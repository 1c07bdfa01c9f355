"""The HTML digest laid out by a real browser: headless Chromium (Debian's ``chromium``).

A copy of the digest gets a probe script appended (the digest itself has none) that
measures the layout and writes it into the DOM; ``--dump-dom`` returns it. A
screenshot is written too, for a human to look at (``ISCG_SCREENSHOT_DIR``).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from iscg_mailbot.report.render import render_digest
from tests.conftest import require_service
from tests.digest_samples import CHAIR, seeded_digest

PROBE = """<script>
const card = document.getElementById('header').closest('table');
const box = card.getBoundingClientRect();
const inside = [...card.querySelectorAll('table.thread, #actions table, .excerpt')].every(
  (e) => { const r = e.getBoundingClientRect(); return r.left >= box.left - 0.5 && r.right <= box.right + 0.5; });
const rtl = [...document.querySelectorAll('[dir=auto]')].find((e) => e.textContent.includes('التنسيق'));
const cjk = [...document.querySelectorAll('a')].find((e) => e.textContent.includes('关于ISCG'));
document.body.insertAdjacentHTML('beforeend', '<pre id="layout">' + JSON.stringify({
  viewport: innerWidth, scroll: document.documentElement.scrollWidth,
  left: box.left, right: box.right, width: box.width, inside: inside,
  rtl: getComputedStyle(rtl).direction, cjkWidth: cjk.getBoundingClientRect().width,
  sections: document.querySelectorAll('td.section').length,
}) + '</pre>');
</script>"""


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def run_chromium(binary: str, page: Path, width: int, *extra: str) -> str:
    result = subprocess.run(
        [binary, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
         f"--user-data-dir={page.parent / 'profile'}", f"--window-size={width},1800",
         *extra, page.as_uri()],
        capture_output=True, text=True, timeout=90, check=True)
    return result.stdout


def layout(binary: str, page: Path, width: int) -> dict[str, Any]:
    dom = run_chromium(binary, page, width, "--dump-dom")
    found = re.search(r'<pre id="layout">(.*?)</pre>', dom)
    assert found, "the probe did not run"
    measured: dict[str, Any] = json.loads(found.group(1))
    return measured


@pytest.fixture
def browser() -> str:
    binary = chromium()
    require_service(binary is not None, "Chromium not installed (apt-get install chromium)")
    assert binary is not None
    return binary


def test_digest_lays_out_centred_without_overflow(browser: str, tmp_path: Path) -> None:
    html = render_digest(seeded_digest(), CHAIR).html
    assert "<script" not in html
    page = tmp_path / "digest.html"
    page.write_text(html.replace("</body>", PROBE + "</body>"), encoding="utf-8")

    wide = layout(browser, page, 1000)
    assert wide["width"] == 640                      # max-width holds on a desktop client
    assert abs(wide["left"] - (wide["viewport"] - wide["right"])) <= 1   # centred
    assert wide["scroll"] <= wide["viewport"]        # no horizontal scrolling
    assert wide["inside"] is True                    # threads and tables stay in the card
    assert wide["rtl"] == "rtl"                      # Arabic subject laid out right-to-left
    assert wide["cjkWidth"] > 50                     # CJK glyphs take space (not dropped)
    assert wide["sections"] == 3

    narrow = layout(browser, page, 500)  # headless Chromium's narrowest window
    assert narrow["width"] < 500 and narrow["scroll"] <= narrow["viewport"]
    assert narrow["inside"] is True

    shots = Path(os.environ.get("ISCG_SCREENSHOT_DIR", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    clean = tmp_path / "clean.html"
    clean.write_text(html, encoding="utf-8")
    run_chromium(browser, clean, 800, f"--screenshot={shots / 'digest.png'}")
    assert (shots / "digest.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
