"""Find HTML tags in a Markdown body and report unbalanced ones and tag-like text that is not HTML.

Code is masked first (fenced blocks, inline code spans, HTML comments, Liquid `highlight` and
`raw` blocks, the content of <script>/<style>/<textarea>), keeping every offset, so that
`List<String>` inside backticks is left alone while the same text in prose is reported:
kramdown would swallow it as an unknown tag.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


VOID = _words("area base br col embed hr img input link meta param source track wbr")
# End tags the HTML parser adds by itself: leaving them out is legal and common in pastes.
OPTIONAL_END = _words(
    "p li dt dd tr td th thead tbody tfoot option optgroup colgroup caption rb rt rp html head body"
)
HTML_ELEMENTS = (
    VOID
    | OPTIONAL_END
    | _words(
        """a abbr acronym address article aside audio b bdi bdo big blink blockquote button
        canvas center cite code data datalist del details dfn dialog dir div dl em fieldset
        figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 header hgroup i
        iframe ins kbd label legend main map mark marquee menu meter nav nobr noframes noscript
        object ol output picture pre progress q ruby s samp script search section select slot
        small span strike strong style sub summary sup table template textarea time title tt u
        ul var video xmp math mi mo mn ms mtext mrow msup msub mfrac msqrt mroot mtable mtr mtd
        semantics annotation svg g path circle ellipse line polyline polygon rect text tspan
        defs use symbol marker lineargradient radialgradient stop clippath mask pattern image
        foreignobject filter desc"""
    )
)
RAW_TEXT = ("script", "style", "textarea")

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})[^\n]*\n.*?(?:^ {0,3}\1[`~]*[ \t]*$|\Z)", re.M | re.S)
# A code span may wrap lines but never crosses a blank line (that ends the paragraph).
_CODE_SPAN = re.compile(r"(`+)(?!`)(?:(?!\n[ \t]*\n).)+?(?<!`)\1(?!`)", re.S)
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_LIQUID = re.compile(
    r"\{%-?\s*(highlight|raw)\b[^%{}]*%\}.*?(?:\{%-?\s*end\1\s*-?%\}|\Z)", re.S | re.IGNORECASE
)
_RAW_ELEMENT = re.compile(
    r"<(script|style|textarea)\b[^<>]*>(.*?)(?:</\1\s*>|\Z)", re.S | re.IGNORECASE
)
# Names and unquoted values never hold "<", so a failed match stops at the next "<": the scan
# stays linear on hostile text such as "<a b <a b <a b ..." (quadratic otherwise).
_TAG = re.compile(
    r"<(/?)([A-Za-z][A-Za-z0-9:_-]*)"
    r"((?:\s+[^\s\"'<>/=]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?)*)\s*(/?)>"
)
_LONGEST_TAG = 16_384
_TAG_LIKE = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9_-]*)(=)?")
_AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s@<>]+@[^\s@<>]+)>")


@dataclass(frozen=True)
class TagIssue:
    offset: int  # character offset in the scanned text
    message: str
    severity: str  # "error" | "warning"


def _blank(match: re.Match, group: int = 0) -> str:
    """The matched text with everything but line breaks turned into spaces (offsets kept)."""
    return re.sub(r"[^\r\n]", " ", match.group(group))


def mask_code(text: str) -> str:
    """Same length as `text`, with code and comments blanked out."""
    text = _LIQUID.sub(_blank, text)
    text = _FENCE.sub(_blank, text)
    text = _COMMENT.sub(_blank, text)
    text = _CODE_SPAN.sub(_blank, text)

    def blank_content(match: re.Match) -> str:
        start, end = match.span(2)
        inner = re.sub(r"[^\r\n]", " ", match.group(2))
        whole = match.group(0)
        return whole[: start - match.start()] + inner + whole[end - match.start() :]

    return _RAW_ELEMENT.sub(blank_content, text)


def _tag_like_issue(text: str, offset: int) -> TagIssue | None:
    """A `<name` that is not a well-formed tag: `<pdata-ke-size="x">` or `List<String>`."""
    if _AUTOLINK.match(text, offset):
        return None
    like = _TAG_LIKE.match(text, offset)
    if like is None:
        return None
    name = like.group(2)
    end = text.find(">", offset, offset + 200)
    shown = text[offset : end + 1 if end != -1 else offset + 40].split("\n")[0]
    if like.group(3):
        return TagIssue(
            offset,
            f"`{shown}` looks like a tag but is not HTML, so the page shows it as text "
            f"(a space missing after `<{name[:1]}`?)",
            "error",
        )
    return None


def scan(text: str) -> list[TagIssue]:
    """Issues in `text` (a post body): unclosed and stray tags, tag-like text, unknown tags."""
    masked = mask_code(text)
    issues: list[TagIssue] = []
    open_tags: list[tuple[str, int]] = []
    position = 0
    while (offset := masked.find("<", position)) != -1:
        position = offset + 1
        tag = _TAG.match(masked, offset, offset + _LONGEST_TAG)
        if tag is None:
            issue = _tag_like_issue(masked, offset)
            if issue is not None:
                issues.append(issue)
            continue
        position = tag.end()
        closing, name, self_closing = tag.group(1), tag.group(2).lower(), tag.group(4)
        if name not in HTML_ELEMENTS and "-" not in name and ":" not in name:
            message = f"<{tag.group(2)}> is not an HTML tag (write &lt; for <)"
            issues.append(TagIssue(offset, message, "warning"))
            continue
        if closing:
            issues += _close(open_tags, name, offset)
        elif not self_closing and name not in VOID:
            open_tags.append((name, offset))
    issues += [
        TagIssue(at, f"<{name}> is never closed", "error")
        for name, at in open_tags
        if name not in OPTIONAL_END
    ]
    return sorted(issues, key=lambda issue: issue.offset)


def _close(open_tags: list[tuple[str, int]], name: str, offset: int) -> list[TagIssue]:
    if name in VOID:
        return []  # </br> and friends: browsers shrug
    if not any(open_name == name for open_name, _ in open_tags):
        return [TagIssue(offset, f"</{name}> closes a tag that is not open", "warning")]
    issues = []
    while open_tags:
        open_name, at = open_tags.pop()
        if open_name == name:
            break
        if open_name not in OPTIONAL_END:
            issues.append(TagIssue(at, f"<{open_name}> is not closed before </{name}>", "error"))
    return issues
