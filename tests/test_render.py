"""Rendering of the digest: golden text, escaping of hostile list content, template overrides."""

from __future__ import annotations

import re
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest

from iscg_mailbot.report.render import href, render_digest, wrap
from tests.digest_samples import CHAIR, HOSTILE_SENDER, REPRESENTATIVE, empty_digest, seeded_digest

SAMPLES = Path(__file__).resolve().parent / "samples"


class _Collector(HTMLParser):
    """Collects the tags, attributes and text of an HTML document."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.extend(attrs)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse_html(html: str) -> _Collector:
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return collector


def test_text_of_seeded_week_matches_golden_file() -> None:
    rendered = render_digest(seeded_digest(), CHAIR)
    assert rendered.text == (SAMPLES / "digest_seeded.expected.txt").read_text(encoding="utf-8")


def test_empty_week_gives_short_digest_with_open_actions() -> None:
    rendered = render_digest(empty_digest(), REPRESENTATIVE)
    assert rendered.text == (SAMPLES / "digest_empty.expected.txt").read_text(encoding="utf-8")
    assert rendered.subject == (
        "[ITU Inter-Sector Coordination Group] Digest 4 Mar – 10 Mar 2024: no traffic")
    assert "No messages reached the list this week." in rendered.html


def test_subject_counts_messages_threads_and_overdue_actions() -> None:
    rendered = render_digest(seeded_digest(), CHAIR)
    assert rendered.subject == ("[ITU Inter-Sector Coordination Group] Digest 4 Mar – 10 Mar "
                                "2024: 6 messages in 3 threads, 1 overdue action")


def test_html_holds_sections_in_order_and_overdue_action_first() -> None:
    html = render_digest(seeded_digest(), CHAIR).html
    titles = re.findall(r"<h2[^>]*>([^<]+)", html)
    assert [t.strip() for t in titles] == ["Spectrum and WRC", "Artificial intelligence", "Other",
                                           "Open action items", "Awaiting a reply"]
    rows = re.findall(r'<tr class="action"[^>]*>\s*<td[^>]*>([^<]+)</td>', html)
    assert rows == ["Kenji Watanabe", "Henrik Solberg", "Marc Dubois"]
    assert html.index("overdue</strong>") < html.index("Henrik Solberg</td>")


def test_html_escapes_script_subject_and_crafted_sender() -> None:
    html = render_digest(seeded_digest(hostile=True), CHAIR).html
    parsed = parse_html(html)
    # The only tags are the template's own: nothing from the list became markup.
    assert "script" not in parsed.tags and "img" not in parsed.tags
    assert not [name for name, _ in parsed.attributes if name.startswith("on")]
    text = "".join(parsed.text)
    assert "<script>alert('x')</script> WRC Bcc: victim@example.com" in text
    assert '<img src=x onerror=alert(1)>' in text
    # The right-to-left override of the crafted name is gone; it cannot flip the line.
    assert "\u202e" not in html and "\u202e" in HOSTILE_SENDER


def test_html_is_self_contained() -> None:
    html = render_digest(seeded_digest(), CHAIR).html
    parsed = parse_html(html)
    assert not {"script", "link", "img", "iframe", "object", "style"} & set(parsed.tags)
    sources = [value for name, value in parsed.attributes if name in {"src", "background"}]
    assert sources == []
    links = [value for name, value in parsed.attributes if name == "href"]
    assert links and all(link and link.startswith("https://lists.example.org/") for link in links)


def test_non_latin_text_renders_in_text_and_html() -> None:
    rendered = render_digest(seeded_digest(), CHAIR)
    for phrase in ("التنسيق بين القطاعات بشأن الذكاء الاصطناعي", "关于ISCG会议日程的建议",
                   "我们建议把安全议题放在第一天。"):
        assert phrase in rendered.text
        assert phrase in rendered.html
    assert '<meta charset="utf-8">' in rendered.html
    # Right-to-left content is isolated so it cannot reorder the surrounding layout.
    assert re.search(r'dir="auto">[^<]*<a[^>]*>|dir="auto">التنسيق', rendered.html)


def test_more_open_actions_than_listed_are_counted() -> None:
    digest = seeded_digest()
    digest = replace(digest, counts=replace(digest.counts, open_actions=10))
    rendered = render_digest(digest, CHAIR)
    assert "… and 7 more open action items." in rendered.text
    assert "… and 7 more open action items." in rendered.html


def test_unsafe_link_targets_are_dropped() -> None:
    digest = seeded_digest()
    section = digest.sections[0]
    bad = replace(section.threads[0], url="javascript:alert(1)")
    digest = replace(digest, sections=(replace(section, threads=(bad,)),))
    rendered = render_digest(digest, CHAIR)
    assert "javascript" not in rendered.html and "javascript" not in rendered.text
    assert href("JAVASCRIPT:x") == "" and href("https://a.example/x") == "https://a.example/x"


def test_wrap_keeps_urls_whole_and_indents() -> None:
    url = "https://lists.example.org/" + "x" * 90
    assert wrap(f"see {url} now", 40, "  | ").split("\n") == ["  | see", f"  | {url}", "  | now"]


def test_templates_from_config_dir_override_the_package(tmp_path: Path) -> None:
    override = tmp_path / "templates" / "digest"
    override.mkdir(parents=True)
    (override / "subject.txt").write_text("Weekly: {{ digest.counts.messages }} messages\n")
    rendered = render_digest(seeded_digest(), CHAIR, config_dir=tmp_path)
    assert rendered.subject == "Weekly: 6 messages"
    # Templates not overridden still come from the package.
    assert rendered.text == (SAMPLES / "digest_seeded.expected.txt").read_text(encoding="utf-8")


def test_override_templates_run_sandboxed(tmp_path: Path) -> None:
    from jinja2.exceptions import SecurityError

    override = tmp_path / "templates" / "digest"
    override.mkdir(parents=True)
    (override / "subject.txt").write_text("{{ digest.__class__.__init__.__globals__ }}")
    with pytest.raises(SecurityError):
        render_digest(seeded_digest(), CHAIR, config_dir=tmp_path)
