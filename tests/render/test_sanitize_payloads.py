"""Issue #6's payload catalogue at the HTML level: nothing dangerous survives sanitize_html,
and the rest of the post around the payload still renders."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor.core.post import Post
from editor.core.site import Site
from editor.render.page import render_page
from editor.render.pipeline import render_body
from editor.render.sanitize import sanitize_html, sanitize_style

SAMPLE_SITE = Path(__file__).resolve().parents[2] / "resources" / "sample_site"
BEFORE = "첫 문단은 그대로 남습니다."
AFTER = "마지막 문단도 그대로 남습니다."

# Elements that must never reach the preview, whatever they carry.
FORBIDDEN_TAGS = {
    "script", "style", "iframe", "frame", "object", "embed", "meta", "base", "link",
    "form", "button", "svg", "math", "body", "html", "head", "textarea", "select",
}  # fmt: skip
# Attribute values that would run, navigate, read a local file or reach the network.
FORBIDDEN_IN_VALUES = ["javascript:", "data:text", "file:", "url(", "127.0.0.1", "/etc/passwd"]

# (name, Markdown/HTML payload); each sits between two ordinary paragraphs.
PAYLOADS = [
    ("script", "<script>alert('x')</script>"),
    ("script-in-p", "<p>a<script>document.title='pwned'</script>b</p>"),
    ("img-onerror", "<img src=x onerror=alert(1)>"),
    ("svg-onload", '<svg onload="alert(1)"><circle r="5"/></svg>'),
    ("body-onload", '<body onload="alert(1)">'),
    ("a-javascript", '<a href="javascript:alert(1)">click</a>'),
    ("a-javascript-entity", '<a href="jav&#x09;ascript:alert(1)">click</a>'),
    ("md-javascript", "[click](javascript:alert(1))"),
    ("md-img-javascript", "![pic](javascript:alert(1))"),
    ("a-data-html", '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>'),
    ("iframe-srcdoc", '<iframe srcdoc="<script>alert(1)</script>"></iframe>'),
    ("iframe-file", '<iframe src="file:///etc/passwd"></iframe>'),
    ("object", '<object data="http://127.0.0.1:9/x.swf"></object>'),
    ("embed", '<embed src="http://127.0.0.1:9/x.swf">'),
    ("meta-refresh", '<meta http-equiv="refresh" content="0;url=http://127.0.0.1:9/">'),
    ("base-href", '<base href="http://127.0.0.1:9/">'),
    ("link-stylesheet", '<link rel="stylesheet" href="http://127.0.0.1:9/x.css">'),
    ("style-import", "<style>@import url(http://127.0.0.1:9/x.css); p { color: red }</style>"),
    (
        "inline-url-background",
        '<p style="background: url(http://127.0.0.1:9/bg.png); color: #ee2323;">배경</p>',
    ),
    ("inline-url-escaped", '<p style="background-image: u\\72l(http://127.0.0.1:9/b.png)">x</p>'),
    ("img-file", '<img src="file:///etc/passwd">'),
    (
        "form",
        '<form action="http://127.0.0.1:9/steal" method="post"><input name="q">'
        '<button formaction="http://127.0.0.1:9/">go</button></form>',
    ),
    ("fence-info-markup", '```"><script>alert(1)</script>\nprint(1)\n```'),
    ("fence-info-attribute", '``` html" onmouseover="alert(1)\n<b>code</b>\n```'),
    (
        # what a renderer that pastes the info string into a class attribute would emit
        "fence-info-naive-output",
        '<div class="language-x"><script>alert(1)</script>" onmouseover="alert(1)'
        ' highlighter-rouge"><pre class="highlight"><code>print(1)</code></pre></div>',
    ),
]


class _Elements(HTMLParser):
    """Every start tag of a fragment with its attributes."""

    def __init__(self, fragment: str) -> None:
        super().__init__()
        self.elements: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.feed(fragment)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, attrs))


# Attributes that only hold text for the reader (placeholders name the address they refuse).
INERT_ATTRIBUTES = {"data-src", "aria-label", "title", "alt"}


def dangerous_parts(fragment: str, inert: frozenset[str] = frozenset()) -> list[str]:
    """Elements, event handlers and attribute values that must not reach the preview."""
    found = []
    for tag, attrs in _Elements(fragment).elements:
        if tag in FORBIDDEN_TAGS:
            found.append(f"<{tag}>")
        for name, value in attrs:
            if name in inert:
                continue
            if name.startswith("on") or name in ("srcdoc", "action", "formaction"):
                found.append(f"{tag}[{name}]")
            # browsers ignore tabs and newlines inside URLs, and CSS escapes hide url(
            lowered = re.sub(r"[\s\\]", "", value or "").lower()
            found += [f"{tag}[{name}]={value!r}" for bad in FORBIDDEN_IN_VALUES if bad in lowered]
    return found


def _sanitised_post(payload: str) -> str:
    markdown = f"{BEFORE}\n\n{payload}\n\n{AFTER}\n"
    return sanitize_html(render_body(markdown))


@pytest.mark.parametrize(("name", "payload"), PAYLOADS, ids=[p[0] for p in PAYLOADS])
def test_payload_is_defused_and_the_post_still_renders(name: str, payload: str) -> None:
    raw = render_body(f"{BEFORE}\n\n{payload}\n\n{AFTER}\n")
    output = sanitize_html(raw)
    assert dangerous_parts(output) == []
    assert BEFORE in output
    assert AFTER in output


@pytest.mark.parametrize(("name", "payload"), PAYLOADS, ids=[p[0] for p in PAYLOADS])
def test_payload_is_defused_in_the_preview_page(name: str, payload: str) -> None:
    post = Post.from_text(f"---\ntitle: t\n---\n\n{BEFORE}\n\n{payload}\n\n{AFTER}\n")
    page = render_page(post, Site(SAMPLE_SITE))
    body = page[page.index('<div id="pe-body"') : page.index("</article>")]
    assert dangerous_parts(body, frozenset(INERT_ATTRIBUTES)) == []
    assert BEFORE in body and AFTER in body
    assert page.count("<script") == 1 and page.count("<meta") == 4
    assert "<base" not in page and "<link" not in page


def test_the_checker_sees_each_raw_html_payload() -> None:
    """Guards the test above: unsanitised, every raw-HTML payload is caught as dangerous."""
    for name, payload in PAYLOADS:
        if name.startswith(("md-", "fence-")):
            continue  # dangerous only after Markdown (or harmless there): covered above
        assert dangerous_parts(payload), name


def test_script_contents_are_removed_not_shown() -> None:
    output = _sanitised_post("<p>a<script>document.title='pwned'</script>b</p>")
    assert "pwned" not in output
    assert "<p>ab</p>" in output


def test_inline_url_background_loses_only_that_declaration() -> None:
    output = _sanitised_post(
        '<p style="background: url(http://127.0.0.1:9/bg.png); color: #ee2323;">배경</p>'
    )
    assert '<p style="color: #ee2323;">배경</p>' in output


def test_data_urls_are_kept_only_for_pictures() -> None:
    picture = '<img src="data:image/png;base64,iVBORw0KGgo=">'
    assert sanitize_html(picture) == picture
    assert "data:" not in sanitize_html('<img src="data:text/html,<b>x</b>">')
    assert "data:" not in sanitize_html('<img src="data:image/svg+xml,<svg onload=x>">')
    assert "data:" not in sanitize_html('<a href="data:image/png;base64,AAAA">x</a>')


def test_post_cannot_take_the_page_s_own_ids() -> None:
    output = sanitize_html('<div id="pe-body">x</div><h2 id="section-1">y</h2>')
    assert 'id="pe-body"' not in output
    assert 'id="section-1"' in output


def test_links_never_open_new_windows() -> None:
    output = sanitize_html('<a href="https://example.com" target="_blank">x</a>')
    assert "target" not in output
    assert 'href="https://example.com"' in output


@pytest.mark.parametrize(
    "style",
    [
        "background-image: url(http://127.0.0.1:9/x.png)",
        "background: URL( 'http://127.0.0.1:9/x.png' )",
        "width: expression(alert(1))",
        "behavior: url(x.htc)",
        "-moz-binding: url(http://127.0.0.1:9/x.xml#x)",
        "position: fixed",
        "background: image-set('http://127.0.0.1:9/x.png' 1x)",
        "color: red\\;background:url(http://127.0.0.1:9/x)",
    ],
)
def test_style_declarations_that_load_or_escape_are_dropped(style: str) -> None:
    assert sanitize_style(style) == ""


def test_style_keeps_safe_declarations_next_to_dropped_ones() -> None:
    style = "color: #1a5490; background: url(http://x/y.png); font-size: 16px; position: fixed"
    assert sanitize_style(style) == "color: #1a5490; font-size: 16px"


_BENIGN = [
    "<p>",
    "</p>",
    "<div>",
    "</div>",
    '<span style="color: #ee2323;">',
    "</span>",
    "<table><tr><td>",
    "본문",
    "\n\n",
    '"',
    "'",
    "<",
    ">",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_BENIGN + [payload for _, payload in PAYLOADS]), max_size=12))
def test_mixed_payloads_never_leave_anything_active(pieces: list[str]) -> None:
    output = sanitize_html("".join(pieces))
    assert dangerous_parts(output) == []
