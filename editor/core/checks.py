"""Problems in a post, each with its line and column in the file.

Errors: unreadable bytes, broken front matter YAML, front matter never closed, tags never
closed, tag-like text that is not HTML (`<pdata-ke-size="size16">`: kramdown prints it as
text), site images that do not exist (or point outside the site). Warnings: no title, no
front matter, duplicate keys, stray closing tags, unknown tag names (`List<String>` in prose).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from editor.core import frontmatter, html_tags
from editor.core.post import Post
from editor.core.post_date import parse_post_date
from editor.core.site import Site
from editor.core.textio import split_lines

# The images the preview page shows: inline `![a](url)` (a Liquid `{{ site.baseurl }}` prefix
# and `<url with spaces>` included), reference images `![a][ref]`, `![a][]`, `![a]`, and <img>.
_LIQUID = r"\{\{[^{}\n]{0,200}\}\}"
# Character classes stop at the next `<` or `[`, so hostile text ("<img " * 40_000) scans in
# linear time; the rare alt text with brackets inside is the price.
_BODY_IMAGE = re.compile(
    rf"!\[[^\[\]\n]*\]\(\s*(?:<(?P<angle>[^<>\n]+)>|(?P<md>(?:{_LIQUID}|[^)\s<>])+))"
    r"|!\[(?P<label>[^\[\]\n]*)\](?:\[(?P<ref>[^\[\]\n]*)\])?"
    rf"|<img\b[^<>]*?\bsrc\s*=\s*(?P<q>[\"']?)(?P<html>(?:{_LIQUID}|[^\"'\s<>])+)",
    re.IGNORECASE,
)
_REFERENCE = re.compile(
    r"^ {0,3}\[(?P<label>[^\]\n]+)\]:[ \t]*(?:<(?P<angle>[^>\n]+)>|(?P<url>\S+))", re.MULTILINE
)


@dataclass(frozen=True)
class Problem:
    """``message`` is English (the ``check`` CLI prints it: a stable interface); ``code`` names
    what it says and ``fields`` what it mentions, for a UI that words it in its own language:
    "unreadable" (detail), "front-matter-unclosed", "no-front-matter", "front-matter"
    (detail: the FrontMatterError's message), "duplicate-key" (key), "no-title",
    "tag" (detail: html_tags' message), "image-outside-site" (url), "image-missing" (url, path),
    "bad-date" (value).
    Neither takes part in equality: two problems are the same by place, words and severity."""

    line: int  # 1-based, in the file
    column: int  # 1-based
    message: str
    severity: str  # "error" | "warning"
    code: str = field(default="", compare=False)
    fields: dict = field(default_factory=dict, compare=False, hash=False)


def check_post(post: Post, site: Site | None = None) -> list[Problem]:
    """Every problem found, sorted by position. Never raises for bad content."""
    if post.read_only_reason is not None:
        detail = post.decode_error or post.read_only_reason
        return [Problem(1, 1, detail, "error", "unreadable", {"detail": detail})]
    problems = _front_matter_problems(post)
    problems += _tag_problems(post)
    if site is not None:
        problems += _image_problems(post, site)
    return sorted(problems, key=lambda problem: (problem.line, problem.column))


def _front_matter_problems(post: Post) -> list[Problem]:
    if post.front_matter_text is None:
        if frontmatter.unclosed_front_matter(post.text()):
            message = "front matter starts with --- but is never closed"
            return [Problem(1, 1, message, "error", "front-matter-unclosed")]
        message = "no front matter: Jekyll will not treat this file as a post"
        return [Problem(1, 1, message, "warning", "no-front-matter")]
    if post.meta_error is not None:
        error = post.meta_error
        fields = {"detail": error.message}
        return [Problem(error.line, error.column, error.message, "error", "front-matter", fields)]
    problems = []
    first = post.front_matter_first_line
    for key, line in frontmatter.duplicate_keys(post.front_matter_text):
        message = f"key {key!r} appears more than once; the last one wins"
        problems.append(Problem(first + line, 1, message, "warning", "duplicate-key", {"key": key}))
    if not post.title:
        message = "no title in the front matter"
        problems.append(Problem(first - 1, 1, message, "warning", "no-title"))
    problems += _date_problems(post)
    return problems


# A date written the ISO way (what the form and Jekyll's docs use) that is no real day or
# time: 2023-02-30, 2023-13-01, 10:75. Other spellings Ruby's Time.parse may read are left
# alone: a false alarm would be worse than none.
_ISO_DATE_START = re.compile(r"\s*\d{4}-\d{1,2}-\d{1,2}(?![\d])")


def _date_problems(post: Post) -> list[Problem]:
    value = (post.meta or {}).get("date")
    if not isinstance(value, str) or not _ISO_DATE_START.match(value):
        return []
    if parse_post_date(value) is not None:
        return []
    message = (
        f"date {value.strip()} is not a real date: Jekyll stops the whole site's build or"
        " moves the post to another day"
    )
    fields = {"value": value.strip()}
    return [Problem(_key_line(post, "date"), 1, message, "error", "bad-date", fields)]


class _Positions:
    """Offset in the body -> (line, column) in the file."""

    def __init__(self, body: str, first_line: int) -> None:
        self.starts = [0]
        for line in split_lines(body):
            self.starts.append(self.starts[-1] + len(line))
        self.first_line = first_line

    def at(self, offset: int) -> tuple[int, int]:
        low, high = 0, len(self.starts) - 1
        while low < high:  # last line start <= offset
            middle = (low + high + 1) // 2
            if self.starts[middle] <= offset:
                low = middle
            else:
                high = middle - 1
        return self.first_line + low, offset - self.starts[low] + 1


def _tag_problems(post: Post) -> list[Problem]:
    positions = _Positions(post.body, post.body_first_line)
    problems = []
    for issue in html_tags.scan(post.body):
        line, column = positions.at(issue.offset)
        fields = {"detail": issue.message}
        problems.append(Problem(line, column, issue.message, issue.severity, "tag", fields))
    return problems


def _image_problems(post: Post, site: Site) -> list[Problem]:
    found: list[tuple[int, int, str]] = []
    if post.image and post.front_matter_text is not None:
        found.append((_key_line(post, "image"), 1, post.image))
    feature = post.meta.get("feature_text") if isinstance(post.meta, dict) else None
    if isinstance(feature, str) and post.front_matter_text is not None:
        line = _key_line(post, "feature_text")
        found += [(line, 1, url) for _, url in _images_in(feature)]
    positions = _Positions(post.body, post.body_first_line)
    found += [(*positions.at(offset), url) for offset, url in _images_in(post.body)]
    problems = []
    for line, column, url in found:
        missing = _missing_image(url, site)
        if missing:
            message, code, fields = missing
            problems.append(Problem(line, column, message, "error", code, fields))
    return problems


def _key_line(post: Post, key: str) -> int:
    """The file line of a top-level front matter key (the fence line if not found)."""
    text = post.front_matter_text or ""
    match = re.search(rf"(?:^|(?<=[\r\n])){re.escape(key)}\s*:", text)
    start = match.start() if match else 0
    return frontmatter.file_position(text, start, post.front_matter_first_line)[0]


def _images_in(markdown: str) -> list[tuple[int, str]]:
    """(offset, url) of each image outside code; reference images take their definition's url."""
    masked = html_tags.mask_code(markdown)
    references: dict[str, str] = {}
    for match in _REFERENCE.finditer(masked):
        label = " ".join(match.group("label").split()).lower()
        references.setdefault(label, match.group("angle") or match.group("url"))
    found = []
    for match in _BODY_IMAGE.finditer(masked):
        for group in ("angle", "md", "html"):
            if match.group(group):
                found.append((match.start(group), match.group(group)))
                break
        else:
            label = match.group("ref") or match.group("label")
            url = references.get(" ".join(label.split()).lower())
            if url:
                found.append((match.start(), url))
    return found


def _missing_image(url: str, site: Site) -> tuple[str, str, dict] | None:
    """(message, code, fields) when a site image is missing or outside the site, else None."""
    url = url.strip()
    if not url.startswith(("/", "{{")) or url.startswith("//"):
        return None  # remote or relative to the page: not a site path
    path = site.resolve_site_path(url)
    if path is None:
        if "{{" in url and not re.match(r"\{\{\s*site\.(baseurl|url)\s*\}\}", url):
            return None  # other Liquid: only Jekyll knows where it points
        return f"image {url} points outside the site folder", "image-outside-site", {"url": url}
    if not path.is_file():
        fields = {"url": url, "path": str(path)}
        return f"image {url} not found (no file {path})", "image-missing", fields
    return None
