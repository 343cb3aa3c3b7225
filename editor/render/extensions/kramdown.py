"""The Python-Markdown extension that makes Python-Markdown read Markdown as kramdown does.

Liquid output tags go first (liquid), as Jekyll renders Liquid before Markdown.
It keeps Python-Markdown's block parser (paragraphs, headers, lists, quotes, code blocks,
tables) and swaps the parts where kramdown differs:

- ``normalize_whitespace`` -> ``KramdownSourcePreprocessor``: kramdown's line-ending rules,
  and block HTML taken out (kramdown_html) *before* tabs are expanded, so raw HTML keeps them;
- all inline patterns -> one ``KramdownInlineProcessor`` (kramdown_inline / kramdown_spans);
- tables and paragraph ends by kramdown's rules (kramdown_blocks), lists (kramdown_lists);
- ``md.is_block_level``: every tag that is not one of kramdown's span elements, as kramdown
  decides where an HTML block starts.
"""

from __future__ import annotations

from markdown import Markdown, util
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

from .kramdown_blocks import (
    AtxHeaderProcessor,
    BlockStartReferenceProcessor,
    KramdownBlockQuoteProcessor,
    KramdownHRProcessor,
    KramdownTableProcessor,
    ListInterruptsParagraphProcessor,
)
from .kramdown_footnotes import FootnoteDefinitionProcessor, FootnoteState
from .kramdown_html import KramdownHtmlBlockPreprocessor
from .kramdown_inline import KramdownInlineProcessor, SpanHtmlPostprocessor
from .kramdown_lists import KramdownListProcessor
from .kramdown_tree import SPAN_ELEMENTS
from .liquid import LiquidPreprocessor
from .rouge_code import FencedCodeProcessor, FenceSentinelPostprocessor, RougeCodeTreeprocessor


class KramdownSourcePreprocessor(Preprocessor):
    """Normalise the source as kramdown's adapt_source does, then take out block HTML."""

    def __init__(self, md: Markdown, html_blocks: KramdownHtmlBlockPreprocessor) -> None:
        super().__init__(md)
        self.html_blocks = html_blocks

    def run(self, lines: list[str]) -> list[str]:
        source = "\n".join(lines).replace(util.STX, "").replace(util.ETX, "")
        source = source.replace("\r\n", "\n").replace("\r", "\n")
        lines = self.html_blocks.run(source.split("\n"))
        source = "\n".join(lines).expandtabs(self.md.tab_length)
        return [("" if not line.strip(" ") else line) for line in source.split("\n")]


class KramdownExtension(Extension):
    """Register kramdown's block HTML, span parser and header ids with a Markdown instance."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.registerExtension(self)
        self.span_stash: list[str] = []
        self.footnotes = FootnoteState()
        # first lines of source lines that follow a non-blank line: no table starts there
        lines_inside_blocks: set[str] = set()
        html_blocks = KramdownHtmlBlockPreprocessor(md, lines_inside_blocks)
        md.preprocessors.register(LiquidPreprocessor(md), "liquid", 40)
        md.preprocessors.deregister("normalize_whitespace")
        md.preprocessors.deregister("html_block")
        md.preprocessors.register(
            KramdownSourcePreprocessor(md, html_blocks), "normalize_whitespace", 30
        )
        md.parser.blockprocessors.register(
            KramdownTableProcessor(md.parser, lines_inside_blocks), "table", 16
        )
        md.parser.blockprocessors.register(
            ListInterruptsParagraphProcessor(md.parser), "list_interrupts_paragraph", 12
        )
        md.parser.blockprocessors.register(
            FootnoteDefinitionProcessor(md.parser, self.footnotes), "footnote_definition", 17
        )
        for name in [item.name for item in md.inlinePatterns._priority]:
            md.inlinePatterns.deregister(name)
        md.treeprocessors.deregister("inline")
        md.treeprocessors.register(
            KramdownInlineProcessor(md, self.span_stash, self.footnotes), "inline", 20
        )
        md.treeprocessors.register(RougeCodeTreeprocessor(md), "rouge_code", 25)
        md.postprocessors.register(SpanHtmlPostprocessor(md, self.span_stash), "kd_spans", 35)
        md.parser.blockprocessors.register(FencedCodeProcessor(md.parser), "fenced_code", 85)
        md.postprocessors.register(FenceSentinelPostprocessor(md), "fence_sentinels", 5)
        md.parser.blockprocessors.register(AtxHeaderProcessor(md.parser), "hashheader", 70)
        md.parser.blockprocessors.register(BlockStartReferenceProcessor(md.parser), "reference", 15)
        md.parser.blockprocessors.register(KramdownHRProcessor(md.parser), "hr", 50)
        md.parser.blockprocessors.register(KramdownBlockQuoteProcessor(md.parser), "quote", 20)
        md.parser.blockprocessors.deregister("olist")
        md.parser.blockprocessors.deregister("ulist")
        md.parser.blockprocessors.register(KramdownListProcessor(md.parser), "list", 40)
        md.is_block_level = lambda tag: isinstance(tag, str) and tag.lower() not in SPAN_ELEMENTS

    def reset(self) -> None:
        self.span_stash.clear()
        self.footnotes.reset()
