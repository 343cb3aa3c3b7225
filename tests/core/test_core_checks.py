"""checks: each kind of problem, at its line and column in the file."""

from __future__ import annotations

import time
from pathlib import Path

from editor.core.checks import Problem, check_post
from editor.core.html_tags import mask_code, scan
from editor.core.post import Post
from editor.core.site import Site

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"
HEAD = "---\ntitle: t\n---\n"  # the body starts on line 4


def problems(text: str, site: Site | None = None) -> list[tuple[int, int, str, str]]:
    found = check_post(Post.from_text(text), site)
    return [(p.line, p.column, p.severity, p.message) for p in found]


def test_clean_reference_post(reference_post: Path, sample_site: Path) -> None:
    assert check_post(Post.load(reference_post), Site(sample_site)) == []


def test_yaml_error_position() -> None:
    assert problems("---\ntitle: [예산 효율화] 2024\n---\n")[0][:3] == (2, 17, "error")


def test_unreadable_bytes() -> None:
    found = check_post(Post.from_bytes(b"---\ntitle: x\n---\n\xff\xfe\xfa"))
    assert found == [Problem(1, 1, found[0].message, "error")]
    assert "not valid UTF-8" in found[0].message


def test_missing_title_and_front_matter() -> None:
    assert problems("---\nlayout: post\n---\n") == [
        (1, 1, "warning", "no title in the front matter")
    ]
    assert problems("본문\n")[0][2:] == (
        "warning",
        "no front matter: Jekyll will not treat this file as a post",
    )
    assert problems("---\ntitle: x\n")[0][:3] == (1, 1, "error")


def test_duplicate_key_warning() -> None:
    assert problems("---\ntitle: a\ntitle: b\n---\n") == [
        (3, 1, "warning", "key 'title' appears more than once; the last one wins")
    ]


def test_unclosed_and_stray_tags() -> None:
    body = "<div>\n<p><b><span>빨강</b></p>\n</i>\n"
    assert problems(HEAD + body) == [
        (4, 1, "error", "<div> is never closed"),
        (5, 7, "error", "<span> is not closed before </b>"),
        (6, 1, "warning", "</i> closes a tag that is not open"),
    ]


def test_optional_end_tags_and_void_elements_are_fine() -> None:
    body = (
        "<table><tr><td>a<td>b</table>\n<p>one<p>two\n<br><img src=x><hr/><br/>\n<ul><li>x</ul>\n"
    )
    assert problems(HEAD + body) == []


def test_tag_like_text_that_is_not_html() -> None:
    found = problems(HEAD + '<pdata-ke-size="size16">&nbsp;</p>\n')
    assert found[0][:3] == (4, 1, "error")
    assert (
        '`<pdata-ke-size="size16">` looks like a tag but is not HTML, so the page shows'
        in (found[0][3])
    )
    assert "List<String>" not in str(problems(HEAD + "`List<String>` 은 코드\n"))
    assert problems(HEAD + "제네릭 List<String> 설명\n") == [
        (4, 9, "warning", "<String> is not an HTML tag (write &lt; for <)")
    ]


def test_code_is_not_scanned() -> None:
    body = "```html\n<div>\n```\n\n~~~\n<span>\n~~~\n`<b>` <!-- <i> -->\n"
    body += "{% highlight html %}\n<div>\n{% endhighlight %}\n<script>if (a<b) x()</script>\n"
    assert problems(HEAD + body) == []


def test_autolinks_and_custom_elements_are_fine() -> None:
    body = "<https://example.com> <me@example.com> <my-widget></my-widget> <svg><path/></svg>\n"
    assert problems(HEAD + body) == []


def test_mask_code_keeps_offsets() -> None:
    text = "a `<b>` c\n```\n<x>\n```\n"
    masked = mask_code(text)
    assert len(masked) == len(text) and masked.count("\n") == text.count("\n")
    assert "<" not in masked


def test_crlf_columns_and_lines() -> None:
    text = "---\r\ntitle: t\r\n---\r\n\r\nx <div>\r\n"
    assert problems(text) == [(5, 3, "error", "<div> is never closed")]


def test_missing_images_with_site(tmp_path: Path) -> None:
    root = tmp_path / "site"
    (root / "assets" / "img").mkdir(parents=True)
    (root / "_config.yml").write_text("title: s\n")
    (root / "assets" / "img" / "here.jpg").write_bytes(b"jpg")
    text = (
        "---\ntitle: t\nimage: /assets/img/gone.jpg\n---\n"
        "![a](/assets/img/here.jpg) ![b](/assets/img/missing.png)\n"
        '<img src="/../../etc/passwd"> <img src="https://x/y.jpg"> ![c](rel.jpg)\n'
        "`![d](/in/code.jpg)`\n"
    )
    found = problems(text, Site(root))
    assert [(line, col, sev) for line, col, sev, _ in found] == [
        (3, 1, "error"),
        (5, 33, "error"),
        (6, 11, "error"),
    ]
    assert "image /assets/img/gone.jpg not found" in found[0][3]
    assert "points outside the site folder" in found[2][3]
    assert problems(text) == []  # no site: image paths are not checked


def test_corpus_known_problems() -> None:
    odd = Post.load(CORPUS / "whereispost.github.io/_posts/2024-06-30-696.md")
    messages = [p.message for p in check_post(odd)]
    assert any("<pdata-ke-size" in message for message in messages)
    broken = Post.load(CORPUS / "koreanews.github.io/_posts/2024-07-01-966.md")
    assert check_post(broken)[0].line == 2


def test_scan_is_linear_enough() -> None:
    assert scan("<" * 100_000) == []


def test_code_span_does_not_cross_a_blank_line() -> None:
    body = "a stray ` backtick\n\n<div>\n\nand ` another\n"
    assert problems(HEAD + body) == [(6, 1, "error", "<div> is never closed")]


def test_scan_stays_fast_on_hostile_text() -> None:
    hostile = [
        "<a b " * 40_000,
        "<script " * 40_000,
        "{% highlight " * 40_000,
        '<a b="<a c" ' * 40_000,
        "`a``a```a" * 20_000,
        "<pdata-x=" * 40_000,
    ]
    started = time.perf_counter()
    for text in hostile:
        scan(text)
    assert time.perf_counter() - started < 5


def test_image_key_line_in_cr_only_file(sample_site: Path) -> None:
    found = problems("---\rtitle: t\rimage: /gone.jpg\r---\r", Site(sample_site))
    assert [(line, col, sev) for line, col, sev, _ in found] == [(3, 1, "error")]


def test_image_scan_stays_fast_on_hostile_text(tmp_path: Path) -> None:
    """Picture references are looked for in linear time (`<img ` * 20_000 took 28 s before)."""
    (tmp_path / "_config.yml").write_text("title: s\n")
    hostile = ["<img " * 20_000, '<img src="{{' * 20_000, "![" * 20_000, "![a]({{" * 20_000]
    started = time.perf_counter()
    for body in hostile:
        problems(HEAD + body, Site(tmp_path))
    assert time.perf_counter() - started < 3


def test_a_date_that_is_no_real_day_opens_and_is_reported() -> None:
    """PyYAML raised ValueError for these (the post could not even be opened); Jekyll stops
    the site's build on 2023-13-01 and moves 2023-02-30 to March."""
    for value in ("2023-02-30", "2023-13-01 10:00:00", "2023-09-29 25:00:00 +0900"):
        post = Post.from_text(f"---\ntitle: t\ndate: {value}\n---\nbody\n")
        assert post.meta_error is None and post.meta["date"] == value
        found = check_post(post)
        assert [(p.line, p.severity, p.code) for p in found] == [(3, "error", "bad-date")]
        assert value in found[0].message


def test_real_dates_and_other_spellings_are_not_reported() -> None:
    for value in ("2023-02-28", "2023-09-29 10:00:00 +0900", "'2023-09-29 10:00'", "Sep 29"):
        assert problems(f"---\ntitle: t\ndate: {value}\n---\nbody\n") == []
