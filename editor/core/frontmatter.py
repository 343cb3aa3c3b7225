"""Jekyll front matter: split it off, parse it safely, and edit one key without touching the rest.

Parsing uses PyYAML's SafeLoader only (no `!!python/...` tags) and refuses documents whose alias
expansion would exceed NODE_BUDGET nodes ("billion laughs"), so neither time nor memory can
explode. Errors carry the line and column in the *file*.

Editing (`set_key`, `remove_key`) never re-dumps the document. It walks PyYAML's event stream,
whose marks give the exact character span of each top-level key's value, and rewrites only that
span. Everything else - order, quoting, comments, blank lines, folded `>` scalars, alignment such
as `title:        "x"` - stays byte for byte. The new value is written in the style of the old
one (block list stays block with the same indent, flow stays flow, quotes stay, `>` stays `>`),
and the result is parsed again to prove that only that key changed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from editor.core import yaml_style
from editor.core.textio import line_ending, split_lines

NODE_BUDGET = 100_000  # expanded nodes; real front matter has a few dozen
# Pure-Python PyYAML reads ~100 KB of dense YAML per second; real front matter is < 10 KB.
MAX_FRONT_MATTER_CHARS = 100_000
_FENCE = "---"
_CLOSERS = ("---", "...")
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


class FrontMatterError(ValueError):
    """Broken or refused front matter. `line` and `column` are 1-based, counted in the file."""

    def __init__(self, message: str, line: int = 1, column: int = 1) -> None:
        super().__init__(f"line {line}, column {column}: {message}")
        self.message = message
        self.line = line
        self.column = column


@dataclass
class Split:
    opening: str  # e.g. "---\n" ("" when there is no front matter)
    yaml_text: str  # raw text between the delimiters
    closing: str  # e.g. "---\n"
    body: str

    @property
    def has_front_matter(self) -> bool:
        return bool(self.opening)


def _is_fence(line: str, allowed: tuple[str, ...]) -> bool:
    return line.rstrip("\r\n").rstrip(" \t") in allowed


def split(text: str) -> Split:
    """Split off the front matter the way Jekyll finds it. "".join(parts) == text, always."""
    lines = _LINE.finditer(text)  # lazily: a 10 MB body is not split into lines
    first = next(lines, None)
    if first is None or not _is_fence(first.group(), (_FENCE,)) or not line_ending(first.group()):
        return Split("", "", "", text)
    for line in lines:
        if _is_fence(line.group(), _CLOSERS):
            opening, closing = first.group(), line.group()
            return Split(opening, text[first.end() : line.start()], closing, text[line.end() :])
    return Split("", "", "", text)  # never closed: Jekyll treats the file as plain content


def refuse_fence_lines(yaml_text: str, first_line: int = 2) -> None:
    """Raise FrontMatterError at a `---` or `...` line inside the YAML: saved as it is, that
    line would close the front matter and the lines after it would become the body."""
    for number, line in enumerate(split_lines(yaml_text)):
        if _is_fence(line, _CLOSERS):
            raise FrontMatterError(
                f"a `{line.strip()}` line ends the front matter here; the lines after it would "
                "become part of the post body (indent it or remove it)",
                first_line + number,
                1,
            )


def unclosed_front_matter(text: str) -> bool:
    """True when the file starts with `---` but no closing `---` follows."""
    first = split_lines(text[:200])[:1]
    return bool(first) and _is_fence(first[0], (_FENCE,)) and not split(text).has_front_matter


# ----------------------------------------------------------------------------- parsing


class _BoundedSafeLoader(yaml.SafeLoader):
    """SafeLoader that refuses alias expansion beyond NODE_BUDGET nodes before constructing."""

    def get_single_node(self):  # noqa: ANN201 - PyYAML's own signature
        node = super().get_single_node()
        if node is not None:
            _check_expanded_size(node)
        return node

    def construct_yaml_timestamp(self, node):  # noqa: ANN001, ANN201 - PyYAML's signature
        """A date-shaped value that is no real date (2023-02-30) stays text, as Ruby's YAML
        (Jekyll's) keeps it: PyYAML raised ValueError, which no caller expected, and the post
        could not even be opened to fix it. `check` reports the date."""
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)


_BoundedSafeLoader.add_constructor(
    "tag:yaml.org,2002:timestamp", _BoundedSafeLoader.construct_yaml_timestamp
)


def _check_expanded_size(root: yaml.Node) -> None:
    sizes: dict[int, int] = {}
    visiting: set[int] = set()

    def size(node: yaml.Node) -> int:
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in visiting:
            raise yaml.MarkedYAMLError(
                problem="an alias refers to the list or mapping that contains it",
                problem_mark=node.start_mark,
            )
        visiting.add(key)
        total = 1
        if isinstance(node, yaml.SequenceNode):
            total += sum(size(child) for child in node.value)
        elif isinstance(node, yaml.MappingNode):
            total += sum(size(k) + size(v) for k, v in node.value)
        visiting.discard(key)
        sizes[key] = total
        if total > NODE_BUDGET:
            raise yaml.MarkedYAMLError(
                problem=f"aliases expand to more than {NODE_BUDGET:,} values (an alias bomb?)",
                problem_mark=node.start_mark,
            )
        return total

    size(root)


def _hint(yaml_text: str, error: yaml.MarkedYAMLError) -> str:
    lines = yaml_text.splitlines()
    for mark in (error.problem_mark, error.context_mark):
        line = lines[mark.line] if mark is not None and mark.line < len(lines) else ""
        if re.match(r"\s*[^\s:#][^:#]*:\s+[\[{]", line):
            return "; a value that starts with [ or { is read as a list; quote the whole value"
    if "simple key" in (error.context or ""):
        return (
            "; a line that is not `key: value` must be indented to continue the value above, "
            "or the whole value quoted"
        )
    return ""


def _plain_message(error: yaml.YAMLError, yaml_text: str) -> str:
    if isinstance(error, yaml.constructor.ConstructorError) and "tag" in (error.problem or ""):
        tag = re.search(r"'([^']*)'", error.problem or "")
        name = tag.group(1).replace("tag:yaml.org,2002:", "!!") if tag else "this tag"
        return f"{name} is not allowed: front matter may hold plain data only"
    if isinstance(error, yaml.MarkedYAMLError):
        text = error.problem or "invalid YAML"
        if error.context:
            text += f" ({error.context})"
        return "YAML error: " + text + _hint(yaml_text, error)
    return f"YAML error: {error}"


def file_position(text: str, index: int, first_line: int = 1) -> tuple[int, int]:
    """(line, column), 1-based, of a character index, counting only \\r\\n, \\r and \\n as
    line breaks - PyYAML's own marks also count U+0085, U+2028 and U+2029."""
    before = text[:index]
    lines = split_lines(before)
    if not lines:
        return first_line, 1
    last = lines[-1]
    if line_ending(last):
        return first_line + len(lines), 1
    return first_line + len(lines) - 1, len(last) + 1


def load_yaml(
    yaml_text: str, first_line: int = 1, max_chars: int = MAX_FRONT_MATTER_CHARS
) -> object:
    """Safe, bounded yaml load of any document; raises FrontMatterError with file positions."""
    if len(yaml_text) > max_chars:
        raise FrontMatterError(
            f"front matter is too long to read ({len(yaml_text):,} characters; "
            f"the limit is {max_chars:,})",
            first_line,
            1,
        )
    try:
        return yaml.load(yaml_text, Loader=_BoundedSafeLoader)  # noqa: S506 - a SafeLoader
    except yaml.reader.ReaderError as error:
        line, column = file_position(yaml_text, error.position, first_line)
        message = f"YAML cannot hold the control character U+{error.character:04X}"
        raise FrontMatterError(message, line, column) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        if "simple key" in (getattr(error, "context", None) or "") and error.context_mark:
            mark = error.context_mark  # the line that lacks its `:`, not the one after it
        line, column = file_position(yaml_text, mark.index if mark else 0, first_line)
        raise FrontMatterError(_plain_message(error, yaml_text), line, column) from None
    except RecursionError:
        raise FrontMatterError("YAML error: nested too deeply", first_line, 1) from None


def parse(yaml_text: str, first_line: int = 2) -> dict:
    """Parse front matter (safe loader, bounded aliases). {} when empty."""
    data = load_yaml(yaml_text, first_line)
    if data is None:
        return {}
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else "a single value"
        raise FrontMatterError(
            f"front matter must be `key: value` lines, but this is {kind}", first_line, 1
        )
    return data


def duplicate_keys(yaml_text: str) -> list[tuple[str, int]]:
    """Top-level keys written more than once, with the 0-based line of each repeat."""
    try:
        entries = _top_level_entries(yaml_text)
    except (yaml.YAMLError, FrontMatterError, RecursionError):
        return []
    seen: set[str] = set()
    repeats = []
    for entry in entries:
        if entry.key in seen:
            repeats.append((entry.key, entry.key_line))
        seen.add(entry.key)
    return repeats


# ----------------------------------------------------------------------------- editing


@dataclass
class _Entry:
    key: str
    key_start: int  # index of the key's first character
    key_line: int  # 0-based line of the key
    value_events: list  # the value's events, in order

    @property
    def value_start(self) -> int:
        return self.value_events[0].start_mark.index


def _top_level_entries(yaml_text: str) -> list[_Entry]:
    events = list(yaml.parse(yaml_text, Loader=yaml.SafeLoader))
    body = events[2:-2]  # drop stream start, document start ... document end, stream end
    if not body:
        return []
    if not isinstance(body[0], yaml.MappingStartEvent):
        raise FrontMatterError("front matter is not `key: value` lines", 1, 1)
    if body[0].flow_style:
        raise FrontMatterError("front matter is one {…} mapping; edit it as raw text", 1, 1)
    if len(events) > 4 and not isinstance(events[-2], yaml.DocumentEndEvent):
        raise FrontMatterError("front matter holds several YAML documents", 1, 1)
    entries: list[_Entry] = []
    index = 1
    while index < len(body) - 1:
        key_event = body[index]
        value_end = _event_span_end(body, index + 1)
        if isinstance(key_event, yaml.ScalarEvent):
            entries.append(
                _Entry(
                    key_event.value,
                    key_event.start_mark.index,
                    file_position(yaml_text, key_event.start_mark.index, 0)[0],
                    body[index + 1 : value_end],
                )
            )
        index = value_end
    return entries


def _event_span_end(events: list, start: int) -> int:
    """Index just past the node that starts at events[start]."""
    depth = 0
    index = start
    while True:
        event = events[index]
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1
        index += 1
        if depth == 0:
            return index


def _value_end(yaml_text: str, events: list) -> int:
    """Index just past the value's last character (block scalars lose trailing blank lines)."""
    end = events[0].end_mark.index
    flow_depth = 0
    for event in events:
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            flow_depth += 1 if event.flow_style or flow_depth else 0
        if isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent)):
            end = max(end, event.end_mark.index)
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)) and flow_depth:
            end = max(end, event.end_mark.index)
            flow_depth -= 1
    if isinstance(events[-1], yaml.ScalarEvent) and events[-1].style in ("|", ">"):
        content = yaml_text[:end].rstrip(" \t\r\n")
        line_end = re.compile(r"[\r\n]|$").search(yaml_text, len(content)).start()
        end = min(end, line_end)
    return end


def _colon_end(yaml_text: str, entry: _Entry) -> int:
    """Index just past the `:` that ends the key."""
    # The key may be quoted and hold colons itself: take the last colon before the value.
    return yaml_text.rfind(":", entry.key_start, entry.value_start) + 1


def value_styles(yaml_text: str) -> dict[str, str | None]:
    """Each top-level key's scalar style (None plain, "'", '"', "|", ">"); {} when broken.

    Keys whose value is a list or mapping are left out."""
    try:
        entries = _editable_entries(yaml_text)
    except (FrontMatterError, yaml.YAMLError, RecursionError):
        return {}
    return {
        entry.key: entry.value_events[0].style
        for entry in entries
        if isinstance(entry.value_events[0], yaml.ScalarEvent)
    }


def set_key(
    yaml_text: str,
    key: str,
    value: object,
    newline: str | None = None,
    style: str | None = yaml_style.KEEP,
) -> str:
    """Set one top-level key, rewriting only its own lines; append it when it is new.

    `newline` is used only when `yaml_text` has no line break to copy. Tuples are written
    as lists. `style` (see yaml_style.render_value) is the scalar style to prefer; by default
    the one the key has now, plain for a new key.
    """
    value = _plain_data(value)
    entries = _editable_entries(yaml_text)
    matches = [entry for entry in entries if entry.key == key]
    try:
        if not matches:
            result = _append(yaml_text, key, value, newline, style)
        else:
            entry = matches[-1]  # with duplicate keys the last one is the one YAML keeps
            start = _colon_end(yaml_text, entry)
            end = _value_end(yaml_text, entry.value_events)
            old = yaml_text[start:end]
            newline = _newline_of(yaml_text)
            new = yaml_style.render_value(value, old, entry.value_events, newline, style)
            result = yaml_text[:start] + new + yaml_text[end:]
    except (yaml.YAMLError, ValueError) as error:  # a key YAML cannot hold, a non-YAML value
        raise FrontMatterError(f"cannot write {_short(key)}: {_short(str(error), 120)}") from None
    _verify_edit(yaml_text, result, key, value)
    return result


def remove_key(yaml_text: str, key: str) -> str:
    """Delete every line of one top-level key (all copies of it); no-op if it is absent."""
    entries = [entry for entry in _editable_entries(yaml_text) if entry.key == key]
    result = yaml_text
    for entry in reversed(entries):
        line_start = result.rfind("\n", 0, entry.key_start) + 1
        line_start = max(line_start, result.rfind("\r", 0, entry.key_start) + 1)
        end = _value_end(result, entry.value_events)
        match = re.compile(r"[^\r\n]*(\r\n|\r|\n)?").match(result, end)
        result = result[:line_start] + result[match.end() :]
    if entries:
        _verify_edit(yaml_text, result, key, _REMOVED)
    return result


_REMOVED = object()


def _editable_entries(yaml_text: str) -> list[_Entry]:
    parse(yaml_text, 1)  # a clear error with the position first, and the alias bound
    try:
        return _top_level_entries(yaml_text)
    except yaml.YAMLError as error:  # pragma: no cover - parse() above already failed
        raise FrontMatterError(str(error)) from None


def _newline_of(yaml_text: str) -> str:
    if "\r\n" in yaml_text:
        return "\r\n"
    if "\r" in yaml_text:
        return "\r"
    return "\n"


def _append(yaml_text: str, key: str, value: object, newline: str | None, style: str | None) -> str:
    if newline is None or "\n" in yaml_text or "\r" in yaml_text:
        newline = _newline_of(yaml_text)
    prefix = yaml_text
    if prefix and not prefix.endswith(("\n", "\r")):
        prefix += newline
    key_text = yaml_style.render_key(key)
    rendered = yaml_style.render_value(value, "", None, newline, style)
    return prefix + key_text + ":" + rendered + newline


def _verify_edit(before: str, after: str, key: str, value: object) -> None:
    """Prove the edit changed that key only; refuse it (with the file unchanged) otherwise."""
    old = parse(before, 1)
    try:
        new = parse(after, 1)
    except FrontMatterError as error:
        raise FrontMatterError(f"cannot write {_short(key)} safely: {error.message}") from None
    expected = dict(old)
    if value is _REMOVED:
        expected.pop(key, None)
    else:
        expected[key] = value
    if not yaml_style.same_value(new, expected):
        raise FrontMatterError(
            f"cannot write {_short(key)} safely in this front matter; edit it as text"
        )


def _short(text: str, limit: int = 40) -> str:
    shown = repr(text)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def _plain_data(value: object) -> object:
    if isinstance(value, (list, tuple)):
        return [_plain_data(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain_data(item) for key, item in value.items()}
    return value
