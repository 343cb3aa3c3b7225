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
    KramdownSetextProcessor,
    KramdownTableProcessor,
    ListInterruptsParagraphProcessor,
)
from .kramdown_footnotes import FootnoteDefinitionProcessor, FootnoteState
from .kramdown_html import KramdownHtmlBlockPreprocessor, NestedHtmlBlockProcessor
from .kramdown_inline import KramdownInlineProcessor, SpanHtmlPostprocessor
from .kramdown_lists import KramdownListProcessor
from .kramdown_tree import SPAN_ELEMENTS
from .liquid import LiquidPreprocessor
from .rouge_code import FencedCodeProcessor, FenceSentinelPostprocessor, KramdownCodeBlockProcessor


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
        md.kramdown_no_boundary = set()  # see kramdown_tree.mark_no_block_boundary
        md.kramdown_no_boundary_after = set()  # last lines of blocks an HTML block follows
        html_blocks = KramdownHtmlBlockPreprocessor(md)
        md.preprocessors.register(LiquidPreprocessor(md), "liquid", 40)
        md.preprocessors.deregister("normalize_whitespace")
        md.preprocessors.deregister("html_block")
        md.preprocessors.register(
            KramdownSourcePreprocessor(md, html_blocks), "normalize_whitespace", 30
        )
        md.parser.blockprocessors.register(KramdownTableProcessor(md.parser), "table", 16)
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
        md.postprocessors.register(SpanHtmlPostprocessor(md, self.span_stash), "kd_spans", 35)
        md.parser.blockprocessors.register(FencedCodeProcessor(md.parser), "fenced_code", 85)
        md.parser.blockprocessors.register(KramdownCodeBlockProcessor(md.parser), "code", 80)
        md.parser.blockprocessors.deregister("indent")  # lists gather their own indented lines
        md.postprocessors.register(FenceSentinelPostprocessor(md), "fence_sentinels", 5)
        md.parser.blockprocessors.register(AtxHeaderProcessor(md.parser), "hashheader", 70)
        md.parser.blockprocessors.register(BlockStartReferenceProcessor(md.parser), "reference", 15)
        md.parser.blockprocessors.register(KramdownHRProcessor(md.parser), "hr", 50)
        md.parser.blockprocessors.register(KramdownSetextProcessor(md.parser), "setextheader", 60)
        md.parser.blockprocessors.register(NestedHtmlBlockProcessor(md.parser), "block_html", 38)
        md.parser.blockprocessors.register(KramdownBlockQuoteProcessor(md.parser), "quote", 20)
        md.parser.blockprocessors.deregister("olist")
        md.parser.blockprocessors.deregister("ulist")
        md.parser.blockprocessors.register(KramdownListProcessor(md.parser), "list", 40)
        md.is_block_level = lambda tag: isinstance(tag, str) and tag.lower() not in SPAN_ELEMENTS

    def reset(self) -> None:
        self.span_stash.clear()
        self.footnotes.reset()
