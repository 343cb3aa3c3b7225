"""Incremental rendering: re-render only the top-level blocks that changed.

Each block is rendered on its own (with the document's reference and abbreviation
definitions in front, as they act document-wide) and cached by its text. What crosses
blocks is settled afterwards, so the joined result equals a full render:

* header ids: a block rendered alone numbers duplicate ids (``x``, ``x-1``) by itself;
  the ids are renumbered across the document with kramdown's rule (a counter per base id,
  explicit ids left alone). The rule is probed from the renderer once; a renderer whose
  duplicate-id rule is unknown falls back to a full render when blocks share an id.
* what the splitter cannot settle renders the whole document at once, as a single block:
  footnotes (numbered across the document, listed at its end), conflicting or doubtful
  reference definitions, definitions the renderer does not read as such (abbreviations),
  kramdown attribute list definitions, Liquid tags (run over the whole text first), fences
  inside list items with blank lines, and lines the renderer's text-keyed "no blank line
  here" sets would couple across blocks (see ``_shared_boundary_lines``).

The joined block HTML equals ``render_body(text)`` exactly (tests/render/
test_incremental_equivalence.py checks it with hypothesis and the corpus). ``verify``
renders whole to catch a rule added to the renderer later; the worker calls it when idle.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from editor.render.block_split import (
    Definitions,
    SourceBlock,
    collect_definitions,
    fence_in_container,
    normalise_newlines,
    split_blocks,
)

RenderFunction = Callable[[str], str]

_HEADING_ID = re.compile(r'(<h[1-6]\b[^>]*?\sid=")([^"]*)(")', re.IGNORECASE)
_EXPLICIT_ID = re.compile(r"\{:?[^}\n]*#([^\s}.#]+)|\bid\s*=\s*[\"']([^\"']+)")
_BARE_HEADING = re.compile(r"<h[1-6](?![^>]*\sid=)[^>]*>")  # a heading with no id
_MARKDOWN_HEADING = re.compile(r"^ {0,3}(?:#|=+[ \t]*$|-+[ \t]*$)", re.MULTILINE)
# Jekyll runs Liquid over the whole body before Markdown (extensions/liquid.py): its tags
# can span blank lines, and removing them can open or close fences far away.
_LIQUID = re.compile(r"\{\{.*?\}\}|\{%-?\s*(?:raw|comment)\s*-?%\}", re.DOTALL)
# kramdown attribute list definitions ({:name: .class}) act on the whole document
_ATTRIBUTE_DEFINITION = re.compile(r"^ {0,3}\{:[A-Za-z0-9_][A-Za-z0-9_-]*:", re.MULTILINE)
_SETEXT_UNDERLINE = re.compile(r"[-=]+[ \t]*$")
_NUMBERED = re.compile(r"(.*)-(\d+)")

ID_SCHEME_NONE = "none"  # the renderer makes no header ids
ID_SCHEME_KRAMDOWN = "kramdown"  # x, x-1, x-2: a counter per base id
ID_SCHEME_UNKNOWN = "unknown"


@dataclass
class RenderUpdate:
    """One render of the whole text: every block's HTML plus the patch from the last one.

    Applying ``replace(start, delete_count, new_htmls)`` to the previous ``htmls`` gives
    this ``htmls``. ``full_render`` means the document was rendered as one block.
    """

    htmls: list[str]
    start: int
    delete_count: int
    new_htmls: list[str]
    rendered_blocks: int
    line_ranges: list[tuple[int, int]] = field(default_factory=list)
    full_render: bool = False
    seq: int = -1
    render_ms: float = 0.0
    error: str | None = None

    @property
    def html(self) -> str:
        """The joined HTML, as a full render returns it."""
        return join_blocks(self.htmls)


def join_blocks(htmls: list[str]) -> str:
    return "\n".join(html for html in htmls if html)


@dataclass(frozen=True)
class _RenderedBlock:
    html: str
    auto_ids: tuple[str, ...]  # header ids this block got when rendered alone
    bases: tuple[str, ...]  # the same ids without the block-local duplicate numbering
    explicit_ids: frozenset[str]
    # holds a Markdown heading whose id is empty (punctuation or emoji only): the renderer
    # writes no id for the first such heading and -1, -2 ... for the next ones
    empty_id_heading: bool = False


def _heading_ids(html: str) -> list[str]:
    return [match.group(2) for match in _HEADING_ID.finditer(html)]


def probe_id_scheme(render: RenderFunction) -> str:
    """How ``render`` numbers duplicate header ids, learnt from a tiny document."""
    ids = _heading_ids(render("# Probe\n\n# Probe\n\n# Probe\n"))
    if not ids:
        return ID_SCHEME_NONE
    if len(ids) == 3 and ids[1:] == [f"{ids[0]}-1", f"{ids[0]}-2"]:
        return ID_SCHEME_KRAMDOWN
    return ID_SCHEME_UNKNOWN


def _explicit_ids(source: str) -> frozenset[str]:
    if "#" not in source and "id" not in source:
        return frozenset()
    return frozenset(a or b for a, b in _EXPLICIT_ID.findall(source))


def _bases(ids: list[str]) -> tuple[str, ...]:
    """Undo kramdown's duplicate numbering inside one block: x, x-1 -> x, x."""
    counts: dict[str, int] = {}
    bases = []
    for header_id in ids:
        numbered = _NUMBERED.fullmatch(header_id)
        if numbered and counts.get(numbered.group(1), -2) + 1 == int(numbered.group(2)):
            base = numbered.group(1)
            counts[base] += 1
        else:
            base = header_id
            counts.setdefault(base, 0)
        bases.append(base)
    return tuple(bases)


def _rewrite_ids(block: _RenderedBlock, new_ids: list[str]) -> str:
    replacements = iter(new_ids)

    def replace(match: re.Match[str]) -> str:
        if match.group(2) in block.explicit_ids:
            return match.group(0)
        return match.group(1) + next(replacements) + match.group(3)

    return _HEADING_ID.sub(replace, block.html)


def minimal_patch(old: list[str], new: list[str]) -> tuple[int, int, list[str]]:
    """(start, delete_count, inserted) turning ``old`` into ``new``; common ends are kept."""
    limit = min(len(old), len(new))
    start = 0
    while start < limit and old[start] == new[start]:
        start += 1
    end = 0
    while end < limit - start and old[-1 - end] == new[-1 - end]:
        end += 1
    return start, len(old) - start - end, new[start : len(new) - end]


class IncrementalRenderer:
    """Keeps each block's HTML from the last update and renders only what changed."""

    def __init__(self, render: RenderFunction | None = None) -> None:
        if render is None:
            from editor.render.pipeline import render_body

            render = render_body
        self._render = render
        self._id_scheme = probe_id_scheme(render)
        self._cache: dict[tuple[str, str], _RenderedBlock] = {}
        self._htmls: list[str] = []
        self._silent_contexts: set[str] = set()  # definitions known to render to nothing
        self._whole_only = False  # set when verify() found a difference
        self._last_was_full = False

    @property
    def id_scheme(self) -> str:
        return self._id_scheme

    def update(self, text: str) -> RenderUpdate:
        started = time.perf_counter()
        text = normalise_newlines(text)
        line_count = text.count("\n") + 1
        blocks = split_blocks(text)
        definitions = collect_definitions(blocks)
        htmls = None
        if not self._must_render_whole(text, blocks, definitions):
            # None when blocks share header ids under an unknown numbering rule
            htmls, rendered = self._by_blocks(blocks, definitions, text, line_count)
        full = htmls is None
        if full:
            htmls, rendered = self._full(text, blocks)
            ranges = [(0, line_count)]
        else:
            ranges = [(block.start_line, block.end_line) for block in blocks]
        start, delete_count, inserted = minimal_patch(self._htmls, htmls)
        self._htmls = htmls
        self._last_was_full = full
        elapsed = (time.perf_counter() - started) * 1000
        return RenderUpdate(
            htmls, start, delete_count, inserted, rendered, ranges, full, render_ms=elapsed
        )

    def verify(self, text: str) -> RenderUpdate | None:
        """Render ``text`` whole and compare it with the last update (meant for idle time).

        None when they agree. Otherwise this renderer renders whole documents from now on,
        and the returned update corrects the last one (its ``error`` says what happened):
        a renderer rule that crosses blocks and that the splitter does not know yet.
        """
        text = normalise_newlines(text)
        if self._last_was_full:
            return None  # the last update was a full render already
        started = time.perf_counter()
        full = self._render(text)
        if join_blocks(self._htmls) == full:
            return None
        self._whole_only = self._last_was_full = True
        self._cache = {(text, "full"): _RenderedBlock(full, (), (), frozenset())}
        start, delete_count, inserted = minimal_patch(self._htmls, [full])
        self._htmls = [full]
        elapsed = (time.perf_counter() - started) * 1000
        return RenderUpdate(
            [full],
            start,
            delete_count,
            inserted,
            rendered_blocks=1,
            line_ranges=[(0, text.count("\n") + 1)],
            full_render=True,
            render_ms=elapsed,
            error="the incremental preview differed from a full render; rendering whole now",
        )

    def _must_render_whole(
        self, text: str, blocks: list[SourceBlock], definitions: Definitions
    ) -> bool:
        return (
            self._whole_only
            or self._needs_full_render(definitions)
            or _shared_boundary_lines(blocks)
            or _has_liquid(text)
            or _has_attribute_definitions(text)
            or fence_in_container(blocks)
        )

    def _needs_full_render(self, definitions: Definitions) -> bool:
        if definitions.has_footnotes or definitions.uncertain:
            return True
        if _conflicting_references(definitions):
            return True
        context = definitions.context_text()
        if context and context not in self._silent_contexts:
            if self._render(context).strip():
                return True  # the renderer does not read them all as definitions
            self._silent_contexts = {context}
        return False

    def _full(self, text: str, blocks: list[SourceBlock]) -> tuple[list[str], int]:
        key = (text, "full")
        rendered = 0
        if key not in self._cache:
            self._cache = {key: _RenderedBlock(self._render(text), (), (), frozenset())}
            rendered = len(blocks)
        return [self._cache[key].html], rendered

    def _by_blocks(
        self, blocks: list[SourceBlock], definitions: Definitions, text: str, line_count: int
    ) -> tuple[list[str] | None, int]:
        context = definitions.context_text()
        cache: dict[tuple[str, str], _RenderedBlock] = {}
        rendered = 0
        parts = []
        last = blocks[-1] if blocks else None
        for block in blocks:
            # A block is rendered with the line break after it (kramdown's table and
            # paragraph rules look at line ends); the last one with all that follows it, as
            # an unclosed HTML block or fence keeps the trailing blank lines.
            source = (
                _source_with_tail(block, text, line_count) if block is last else block.text + "\n\n"
            )
            needs_context = bool(definitions.abbreviations) or "[" in block.text
            key = (source, context if needs_context else "")
            part = cache.get(key) or self._cache.get(key)
            if part is None:
                part = self._render_block(source, key[1])
                rendered += 1
            cache[key] = part
            parts.append(part)
        self._cache = cache  # keeps only what the current document uses
        return self._settle_ids(parts), rendered

    def _render_block(self, text: str, context: str) -> _RenderedBlock:
        html = self._render(f"{context}\n\n{text}" if context else text)
        if self._id_scheme == ID_SCHEME_NONE:
            return _RenderedBlock(html, (), (), frozenset())
        explicit = _explicit_ids(text)
        auto_ids = [i for i in _heading_ids(html) if i not in explicit]
        empty = bool(_BARE_HEADING.search(html) and _MARKDOWN_HEADING.search(text))
        return _RenderedBlock(html, tuple(auto_ids), _bases(auto_ids), explicit, empty)

    def _settle_ids(self, parts: list[_RenderedBlock]) -> list[str] | None:
        """Renumber duplicate header ids across blocks as one render of the document would."""
        if self._id_scheme == ID_SCHEME_NONE:
            return [part.html for part in parts]
        if sum(part.empty_id_heading for part in parts) > 1:
            return None  # empty ids are numbered across blocks, and the first has no id
        used: dict[str, int] = {}
        htmls = []
        for part in parts:
            new_ids = []
            for base, own_id in zip(part.bases, part.auto_ids, strict=True):
                if not base:
                    new_ids.append(own_id)  # only this block has empty ids: already right
                elif base in used:
                    if self._id_scheme != ID_SCHEME_KRAMDOWN:
                        return None
                    used[base] += 1
                    new_ids.append(f"{base}-{used[base]}")
                else:
                    used[base] = 0
                    new_ids.append(base)
            same = tuple(new_ids) == part.auto_ids
            htmls.append(part.html if same else _rewrite_ids(part, new_ids))
        return htmls


def _conflicting_references(definitions: Definitions) -> bool:
    labels: dict[str, str] = {}
    for line in definitions.references:
        label, _, target = line.partition("]:")
        label = " ".join(label.lstrip("[").lower().split())
        if labels.setdefault(label, target.strip()) != target.strip():
            return True  # which definition wins differs between renderers: render it whole
    return False


def _shared_boundary_lines(blocks: list[SourceBlock]) -> bool:
    """Whether a line that may start or end a table or setext header occurs inside a block.

    The renderer remembers "no blank line here" by the line's text, document-wide: a line
    that directly follows (or precedes) an HTML block or a split paragraph starts (or ends)
    no table and no setext header anywhere else either. A block rendered alone cannot see
    that, so documents where such a line also starts or ends another block render whole.
    """
    firsts, lasts = set(), set()
    for block in blocks:
        first, _, rest = block.text.partition("\n")
        if "|" in first or _SETEXT_UNDERLINE.match(rest.partition("\n")[0]):
            firsts.add(first)
        last = block.text.rpartition("\n")[2]
        if "|" in last:
            lasts.add(last)
    if not firsts and not lasts:
        return False
    for block in blocks:
        if "\n" in block.text:
            lines = block.text.split("\n")
            if not firsts.isdisjoint(lines[1:]) or not lasts.isdisjoint(lines[:-1]):
                return True
    return False


def _has_liquid(text: str) -> bool:
    """Whether the Liquid pass changes ``text``: then the document renders whole."""
    return ("{{" in text or "{%" in text) and _LIQUID.search(text) is not None


def _source_with_tail(block: SourceBlock, text: str, line_count: int) -> str:
    """The block's text and the (blank) lines that follow it up to the end of ``text``."""
    after = line_count - block.end_line
    if after <= 0:
        return block.text
    return "\n".join([block.text, *text.rsplit("\n", after)[1:]])


def _has_attribute_definitions(text: str) -> bool:
    return "{:" in text and _ATTRIBUTE_DEFINITION.search(text) is not None
