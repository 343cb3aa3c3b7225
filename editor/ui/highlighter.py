"""Syntax highlighting for Markdown mixed with Tistory-editor HTML.

Each line is turned into *layers* (start, end, Look) -- block structure first, then the
colours of the open HTML elements, then Markdown inline marks, then the dimmed tags -- and the
layers are merged into as few QTextCharFormats as there are distinct runs. All regexes are
compiled once, formats are cached, and a keystroke rehighlights one line (plus the following
lines only while the carried-over state changes).

State carried between lines (QSyntaxHighlighter's block state): the open code fence and the
stack of open inline elements that style text (``<span style="color: …">``, ``<b>``, ``<h2>``
…), so a span that crosses a line keeps its colour. The pair is interned in a table and the
block state is its index. A blank line closes inline markup, as it does in these posts.

Colours come from :mod:`editor.core.css_color`, never from QColor's string parser, which
reads CSS ``#RRGGBBAA`` as ``#AARRGGBB``.

Spelling: with a checker set (:meth:`MarkdownHighlighter.set_spell_checker`, done by
:mod:`editor.ui.spell`), misspelt prose words get one more layer, a red wavy underline, merged
with the others. Fenced code and front matter are never checked; the word being composed by
an input method (``composing_column``) is left alone until it is committed and finished.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple, Protocol

from PySide6.QtGui import (
    QColor,
    QFont,
    QSyntaxHighlighter,
    QTextBlock,
    QTextCharFormat,
    QTextDocument,
)

from editor.core.css_color import CssColor, legible_on, style_colors, visible_tint_on

Rgba = tuple[int, int, int, int]


class Look(NamedTuple):
    """What a layer changes; None leaves the field to layers below."""

    fg: Rgba | None = None
    bg: Rgba | None = None
    bold: bool | None = None
    italic: bool | None = None
    underline: bool | None = None
    mono: bool | None = None
    misspelt: bool | None = None


class LineChecker(Protocol):
    """What the highlighter needs from a spell checker (editor.core.spell.SpellChecker)."""

    def misspelled_ranges(self, line: str, in_code: bool = False) -> list[tuple[int, int]]: ...


class OpenElement(NamedTuple):
    tag: str
    look: Look


LIGHT = {
    "heading": (0x1F, 0x4E, 0x9C, 255),
    "tag": (0x9A, 0x9A, 0x9A, 255),
    "attr": (0xA8, 0x9A, 0x86, 255),
    "marker": (0xB0, 0x5A, 0x1E, 255),
    "link": (0x1A, 0x5F, 0xB4, 255),
    "image": (0x7A, 0x3E, 0x9D, 255),
    "code_fg": (0x8B, 0x1E, 0x3F, 255),
    "code_bg": (0x00, 0x00, 0x00, 18),
    "quote": (0x4E, 0x7A, 0x4E, 255),
    "misspelt": (0xE0, 0x1B, 0x24, 255),
}
DARK = {
    "heading": (0x8A, 0xB4, 0xF8, 255),
    "tag": (0x80, 0x80, 0x80, 255),
    "attr": (0x90, 0x84, 0x70, 255),
    "marker": (0xE0, 0x9A, 0x5A, 255),
    "link": (0x7A, 0xB7, 0xFF, 255),
    "image": (0xC3, 0x9A, 0xE0, 255),
    "code_fg": (0xE6, 0x9A, 0xB0, 255),
    "code_bg": (0xFF, 0xFF, 0xFF, 20),
    "quote": (0x9C, 0xC4, 0x9C, 255),
    "misspelt": (0xFF, 0x6B, 0x6B, 255),
}

# The dark palette's editor background (editor/ui/theme.py): span colours written for a white
# page, such as #1a5490, are lightened just enough to be read on it, and faint highlights such
# as #21538527 (15 % alpha) get enough alpha to show as a tint.
DARK_EDITOR_BACKGROUND = CssColor(0x1E, 0x1E, 0x1E)

_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^\s{0,3}#{1,6}(?:[ \t]|$)")
_QUOTE = re.compile(r"^\s{0,3}>")
_LIST = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])(?=[ \t])")
_HR = re.compile(r"^\s{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_TAG = re.compile(r"<!--.*?(?:-->|$)|<(/?)([A-Za-z][A-Za-z0-9-]*)((?:\s[^<>]*?)?)\s*(/?)>")
_ATTR = re.compile(r"""([^\s=/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?""")
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_CODE_SPAN = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(
    r"(?<![*\w])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?!\*)|(?<!\w)_(?=\S)(.+?)(?<=\S)_(?!\w)"
)
_LINK = re.compile(r"(!?)\[([^\]\n]*)\]\(([^()\s]*(?:\([^()\s]*\))?[^()\s]*)(?:\s+\"[^\"]*\")?\)")
_STYLE = re.compile(r"""\bstyle\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)

_YAML_KEY = re.compile(r"^\s*[\w-]+\s*:")
_FRONT_MATTER = "front matter"  # a pseudo fence: no Markdown inside

_BOLD_TAGS = {"b", "strong"}
_ITALIC_TAGS = {"i", "em"}
_STYLED_TAGS = {"span", "font", "mark", "u"} | _BOLD_TAGS | _ITALIC_TAGS
_HEADING_TAGS = {f"h{n}" for n in range(1, 7)}
_MAX_DEPTH = 12  # unbalanced HTML must not grow the carried state without bound


def _rgba(color: CssColor | None) -> Rgba | None:
    return None if color is None else (color.r, color.g, color.b, color.alpha_byte)


class MarkdownHighlighter(QSyntaxHighlighter):
    """Highlights a QTextDocument holding a post body (Markdown + inline HTML)."""

    def __init__(self, document: QTextDocument, dark: bool = False) -> None:
        super().__init__(document)
        self._theme = DARK if dark else LIGHT
        self._formats: dict[Look, QTextCharFormat] = {}
        self._states: list[tuple[str, tuple[OpenElement, ...]]] = [("", ())]
        self._state_ids: dict[tuple[str, tuple[OpenElement, ...]], int] = {("", ()): 0}
        self.blocks_highlighted = 0  # for tests and benchmarks: lines (re)highlighted
        self._spell: LineChecker | None = None
        # The column of the word an input method is composing in this block, if any.
        self.composing_column: Callable[[QTextBlock], int | None] = lambda _block: None

    @property
    def spell_checker(self) -> LineChecker | None:
        return self._spell

    def set_spell_checker(self, checker: LineChecker | None) -> None:
        """Underline misspelt words with ``checker``; None turns the underlines off."""
        if checker is self._spell:
            return
        self._spell = checker
        self.rehighlight()

    def set_dark(self, dark: bool) -> None:
        self._theme = DARK if dark else LIGHT
        self._formats.clear()
        self.rehighlight()

    # -- state ------------------------------------------------------------------------------
    def _load_state(self) -> tuple[str, tuple[OpenElement, ...]]:
        index = self.previousBlockState()
        return self._states[index] if 0 <= index < len(self._states) else ("", ())

    def _save_state(self, fence: str, stack: tuple[OpenElement, ...]) -> None:
        key = (fence, stack)
        index = self._state_ids.get(key)
        if index is None:
            index = len(self._states)
            self._states.append(key)
            self._state_ids[key] = index
        self.setCurrentBlockState(index)

    # -- formats ----------------------------------------------------------------------------
    def _format(self, look: Look) -> QTextCharFormat:
        cached = self._formats.get(look)
        if cached is not None:
            return cached
        fmt = QTextCharFormat()
        if look.fg is not None:
            fmt.setForeground(QColor(*look.fg))
        if look.bg is not None:
            fmt.setBackground(QColor(*look.bg))
        if look.bold:
            fmt.setFontWeight(QFont.Weight.Bold)
        if look.italic:
            fmt.setFontItalic(True)
        if look.underline:
            fmt.setFontUnderline(True)
        if look.mono:
            fmt.setFontFixedPitch(True)
            fmt.setFontFamilies(["monospace"])
        if look.misspelt:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
            fmt.setUnderlineColor(QColor(*self._theme["misspelt"]))
        self._formats[look] = fmt
        return fmt

    def _apply(self, length: int, layers: list[tuple[int, int, Look]]) -> None:
        """Merge the layers (later ones win per field) and set one format per run.

        A sweep over the cut points keeps only the layers covering the current run, so a
        line with hundreds of tags costs about as many steps as it has tags.
        """
        layers = [(max(0, s), min(length, e), look) for s, e, look in layers if e > s]
        starts = sorted(range(len(layers)), key=lambda i: layers[i][0])
        cuts = sorted({0, length, *(p for s, e, _ in layers for p in (s, e))})
        active: list[int] = []
        next_start = 0
        for start, end in zip(cuts, cuts[1:], strict=False):
            while next_start < len(starts) and layers[starts[next_start]][0] <= start:
                active.append(starts[next_start])
                next_start += 1
            active = [i for i in active if layers[i][1] > start]
            if not active:
                continue
            merged = [None] * len(Look._fields)
            for index in sorted(active):
                for field, value in enumerate(layers[index][2]):
                    if value is not None:
                        merged[field] = value
            if any(value is not None for value in merged):
                self.setFormat(start, end - start, self._format(Look(*merged)))

    # -- the work ---------------------------------------------------------------------------
    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt's name)
        self.blocks_highlighted += 1
        fence, stack = self._load_state()
        theme = self._theme
        code = Look(fg=theme["code_fg"], bg=theme["code_bg"], mono=True)
        if fence == _FRONT_MATTER or (self.currentBlock().blockNumber() == 0 and text == "---"):
            self._front_matter_line(text, fence)
            return
        if fence:
            self.setFormat(0, len(text), self._format(code))
            closing = _FENCE.match(text)
            closes = closing and closing.group(1)[0] == fence[0] and len(closing.group(1)) >= 3
            self._save_state("" if closes and not text.strip().strip(fence[0]) else fence, ())
            return
        opening = _FENCE.match(text)
        if opening:
            self.setFormat(0, len(text), self._format(code))
            self._save_state(opening.group(1), ())
            return
        if not text.strip():
            self._save_state("", ())
            return
        layers = self._block_layers(text)
        code_spans = [(m.start(), m.end()) for m in _CODE_SPAN.finditer(text)]
        stack = self._html_layers(text, stack, code_spans, layers)
        self._markdown_layers(text, code_spans, layers)
        layers.extend((s, e, code) for s, e in code_spans)
        if self._spell is not None:
            self._spelling_layers(text, layers)
        self._apply(len(text), layers)
        self._save_state("", stack)

    def _spelling_layers(self, text: str, layers: list[tuple[int, int, Look]]) -> None:
        composing = self.composing_column(self.currentBlock())
        misspelt = Look(misspelt=True)
        for start, end in self._spell.misspelled_ranges(text):
            if composing is None or not start <= composing <= end:
                layers.append((start, end, misspelt))

    def _front_matter_line(self, text: str, fence: str) -> None:
        """A YAML front matter line (when the editor holds a whole file): keys dimmed."""
        delimiter = text.rstrip() in ("---", "...")
        if delimiter:
            self.setFormat(0, len(text), self._format(Look(fg=self._theme["marker"])))
        else:
            key = _YAML_KEY.match(text)
            if key:
                self.setFormat(0, key.end(), self._format(Look(fg=self._theme["attr"])))
        closes = delimiter and fence == _FRONT_MATTER
        self._save_state("" if closes else _FRONT_MATTER, ())

    def _block_layers(self, text: str) -> list[tuple[int, int, Look]]:
        theme = self._theme
        if _HR.match(text):
            return [(0, len(text), Look(fg=theme["marker"]))]
        if _ATX.match(text):
            return [(0, len(text), Look(fg=theme["heading"], bold=True))]
        layers: list[tuple[int, int, Look]] = []
        quote = _QUOTE.match(text)
        if quote:
            layers.append((0, len(text), Look(fg=theme["quote"], italic=True)))
            layers.append((0, quote.end(), Look(fg=theme["marker"], bold=True)))
        listed = _LIST.match(text[quote.end() :] if quote else text)
        if listed:
            offset = quote.end() if quote else 0
            layers.append((offset, offset + listed.end(), Look(fg=theme["marker"], bold=True)))
        return layers

    def _html_layers(self, text, stack, code_spans, layers) -> tuple[OpenElement, ...]:
        """Dim tags and entities; colour text by the open elements; return the new stack."""
        tag_look = Look(fg=self._theme["tag"], bold=False, italic=False)
        attr_look = Look(fg=self._theme["attr"], bold=False, italic=False)
        elements = list(stack)
        position = 0
        for match in _TAG.finditer(text):
            if any(s <= match.start() < e for s, e in code_spans):
                continue
            self._content_layer(position, match.start(), elements, layers)
            position = match.end()
            layers.append((match.start(), match.end(), tag_look))
            if match.group(2) is None:  # a comment
                continue
            attributes_at = match.start(3)
            for attr in _ATTR.finditer(match.group(3) or ""):
                if attr.group(2):
                    start = attributes_at + attr.start(2)
                    layers.append((start, start + len(attr.group(2)), attr_look))
            self._update_stack(match, elements)
        self._content_layer(position, len(text), elements, layers)
        for entity in _ENTITY.finditer(text):
            layers.append((entity.start(), entity.end(), tag_look))
        return tuple(elements[-_MAX_DEPTH:])

    def _content_layer(self, start, end, elements, layers) -> None:
        if start >= end or not elements:
            return
        merged: dict[str, object] = {}
        for element in elements:
            merged.update((k, v) for k, v in element.look._asdict().items() if v is not None)
        if merged:
            layers.append((start, end, Look(**merged)))

    def _update_stack(self, match: re.Match[str], elements: list[OpenElement]) -> None:
        closing, name, self_closing = match.group(1), match.group(2).lower(), match.group(4)
        if name not in _STYLED_TAGS and name not in _HEADING_TAGS:
            return
        if closing:
            for depth in range(len(elements) - 1, -1, -1):
                if elements[depth].tag == name:
                    del elements[depth:]
                    break
            return
        if not self_closing:
            elements.append(OpenElement(name, self._element_look(name, match.group(3) or "")))

    def _element_look(self, name: str, attributes: str) -> Look:
        if name in _HEADING_TAGS:
            return Look(fg=self._theme["heading"], bold=True)
        style = _STYLE.search(attributes)
        fg, bg = style_colors(style.group(1) or style.group(2) or "") if style else (None, None)
        if self._theme is DARK:
            fg = legible_on(fg, DARK_EDITOR_BACKGROUND) if fg is not None else None
            bg = visible_tint_on(bg, DARK_EDITOR_BACKGROUND) if bg is not None else None
        return Look(
            fg=_rgba(fg),
            bg=_rgba(bg),
            bold=True if name in _BOLD_TAGS else None,
            italic=True if name in _ITALIC_TAGS else None,
            underline=True if name == "u" else None,
        )

    def _markdown_layers(self, text, code_spans, layers) -> None:
        theme = self._theme
        marker = Look(fg=theme["tag"])

        def outside_code(match: re.Match[str]) -> bool:
            return not any(s <= match.start() < e for s, e in code_spans)

        for match in _STRONG.finditer(text):
            if outside_code(match):
                layers.append((match.start(), match.end(), Look(bold=True)))
                layers.append((match.start(), match.start() + 2, marker))
                layers.append((match.end() - 2, match.end(), marker))
        for match in _EMPHASIS.finditer(text):
            if outside_code(match):
                layers.append((match.start(), match.end(), Look(italic=True)))
                layers.append((match.start(), match.start() + 1, marker))
                layers.append((match.end() - 1, match.end(), marker))
        for match in _LINK.finditer(text):
            if outside_code(match):
                colour = theme["image"] if match.group(1) else theme["link"]
                layers.append((match.start(), match.end(), Look(fg=colour)))
                layers.append((match.start(2), match.end(2), Look(underline=True)))
                layers.append((match.end(2), match.end(), Look(fg=theme["tag"])))
