"""Write one YAML value in the style its key already uses (helper of frontmatter.set_key).

Each candidate text is parsed back and kept only if it yields exactly the value asked for, so a
style that cannot hold a value (a plain scalar that would read as a list, a folded block for
text with leading spaces ...) silently gives way to one that can: plain, then single quotes,
then double quotes with escapes.
"""

from __future__ import annotations

import datetime
import math

import yaml

KEEP = "keep"  # style hint for render_value: write the value in the style the key has now
_WIDE = 10**9  # never fold long lines: a post's excerpt stays on one line
_SCALARS = (str, int, float, bool, datetime.date, type(None))


def _reads_back(snippet: str, expected: object) -> bool:
    try:
        loaded = yaml.safe_load(snippet)
    except (yaml.YAMLError, RecursionError):
        return False
    return same_value(loaded, expected)


def same_value(left: object, right: object) -> bool:
    """Equality that tells 1 from True and 1.0, keeps key order, and counts NaN equal to NaN."""
    if type(left) is not type(right):
        return False
    if isinstance(left, dict):
        return list(left) == list(right) and all(same_value(left[k], right[k]) for k in left)
    if isinstance(left, list):
        return len(left) == len(right) and all(map(same_value, left, right))
    if isinstance(left, float) and math.isnan(left):
        return math.isnan(right)
    return left == right


def _double_quoted(text: str) -> str:
    dumped = yaml.safe_dump(text, default_style='"', allow_unicode=True, width=_WIDE)
    return dumped.rstrip("\n").removesuffix("\n...").rstrip("\n")


def _string_candidates(text: str, preferred: str | None) -> list[str]:
    plain = text
    single = "'" + text.replace("'", "''") + "'"
    double = _double_quoted(text)
    by_style = {None: plain, "'": single, '"': double}
    order = [preferred, None, "'", '"']
    seen: list[str] = []
    for style in order:
        candidate = by_style.get(style)
        if candidate is not None and candidate not in seen:
            seen.append(candidate)
    return seen


def inline_scalar(value: object, preferred: str | None = None, in_flow: bool = False) -> str | None:
    """One-line YAML for a scalar, or None when it has no one-line form."""
    if isinstance(value, str):
        candidates = _string_candidates(value, preferred)
    elif value is None:
        candidates = ["null"] if in_flow else ["", "null"]
    else:
        dumped = yaml.safe_dump(value, allow_unicode=True, width=_WIDE, default_flow_style=True)
        candidates = [dumped.split("\n", 1)[0]]
    for candidate in candidates:
        if "\n" in candidate or "\r" in candidate:
            continue
        snippet = f"k: [{candidate}]\n" if in_flow else f"k: {candidate}\n"
        if _reads_back(snippet, {"k": [value] if in_flow else value}):
            return candidate
    return None


def render_key(key: str) -> str:
    for candidate in (key, "'" + key.replace("'", "''") + "'", _double_quoted(key)):
        if "\n" not in candidate and _reads_back(f"{candidate}: 1\n", {key: 1}):
            return candidate
    raise ValueError("YAML cannot hold this key (too long, or not text)")


# ----------------------------------------------------------------------------- old style


def _old_style(events: list | None) -> tuple[str, str | None]:
    """("scalar"|"block-seq"|"flow-seq"|"map"|"new", scalar style)."""
    if not events:
        return "new", None
    first = events[0]
    if isinstance(first, yaml.ScalarEvent):
        return "scalar", first.style
    if isinstance(first, yaml.SequenceStartEvent):
        return ("flow-seq" if first.flow_style else "block-seq"), None
    if isinstance(first, yaml.MappingStartEvent):
        return ("flow-map" if first.flow_style else "map"), None
    return "scalar", None  # an alias


def _separator(old_text: str) -> str:
    first_line = old_text.split("\n", 1)[0].split("\r", 1)[0]
    if first_line.strip():
        return first_line[: len(first_line) - len(first_line.lstrip(" \t"))] or " "
    return " "


def _block_indent(old_text: str, events: list | None, kind: str) -> int:
    if kind == "block-seq" and events:
        return events[0].start_mark.column
    for line in old_text.replace("\r", "\n").split("\n")[1:]:
        if line.strip():
            return max(1, len(line) - len(line.lstrip(" ")))
    return 2


# ----------------------------------------------------------------------------- rendering


def _block_scalar(text: str, style: str, indent: int) -> str | None:
    if not text or text.endswith("\n\n"):
        return None
    chomp = "" if text.endswith("\n") else "-"
    lines = text.removesuffix("\n").split("\n")
    if style == ">":
        spaced: list[str] = []
        for line in lines:
            spaced += [line, ""]
        lines = spaced[:-1]
    pad = " " * indent
    body = "\n".join(pad + line if line else "" for line in lines)
    rendered = f" {style}{chomp}\n{body}"
    return rendered if _reads_back("k:" + rendered + "\n", {"k": text}) else None


def _block_list(items: list, indent: int) -> str | None:
    parts = []
    for item in items:
        scalar = inline_scalar(item) if isinstance(item, _SCALARS) else None
        if scalar is None:
            return None
        parts.append(" " * indent + "- " + scalar)
    return "\n" + "\n".join(parts)


def _flow_list(items: list, separator: str) -> str | None:
    parts = []
    for item in items:
        scalar = inline_scalar(item, in_flow=True) if isinstance(item, _SCALARS) else None
        if scalar is None:
            return None
        parts.append(scalar)
    return separator + "[" + ", ".join(parts) + "]"


def _dumped_block(value: object, indent: int) -> str:
    dumped = yaml.safe_dump(
        value, allow_unicode=True, default_flow_style=False, sort_keys=False, width=_WIDE
    )
    lines = dumped.rstrip("\n").split("\n")
    return "\n" + "\n".join(" " * indent + line for line in lines)


def _render_list(value: list, kind: str, separator: str, indent: int) -> str:
    if not value:
        return separator + "[]"
    if kind == "flow-seq":
        rendered = _flow_list(value, separator)
    else:
        rendered = _block_list(value, indent if kind == "block-seq" else 2)
    return rendered if rendered is not None else _dumped_block(value, 2)


def _render_scalar(value: object, style: str | None, separator: str, indent: int) -> str:
    if isinstance(value, str) and style in ("|", ">"):
        block = _block_scalar(value, style, indent)
        if block is not None:
            return block
    inline = inline_scalar(value, style if style in ("'", '"') else None)
    if inline is None:
        return _dumped_block(value, 2)  # only reached by odd scalars; verified by the caller
    return separator + inline if inline else ""


def render_value(
    value: object, old_text: str, old_events: list | None, newline: str, style_hint=KEEP
) -> str:
    """Text that goes right after the key's colon (no final line break).

    ``style_hint`` (a PyYAML scalar style: None for plain, "'", '"', "|", ">") replaces the
    scalar style the key has now. A form that edits a value keystroke by keystroke passes the
    style the key had when the file was read, so a value that needed quotes for a moment
    (``Hello `` with its trailing space) does not stay quoted once it no longer needs them.
    """
    kind, style = _old_style(old_events)
    if style_hint != KEEP and kind in ("scalar", "new"):
        style = style_hint
    separator = _separator(old_text)
    indent = _block_indent(old_text, old_events, kind)
    if isinstance(value, list):
        rendered = _render_list(value, kind, separator, indent)
    elif isinstance(value, dict):
        rendered = separator + "{}" if not value else _dumped_block(value, 2)
    else:
        rendered = _render_scalar(value, style, separator, indent)
    return rendered.replace("\n", newline) if newline != "\n" else rendered
