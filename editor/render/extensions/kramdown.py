"""The Python-Markdown extension that makes Python-Markdown read Markdown as kramdown does
(kramdown 2.4 with kramdown-parser-gfm 1.1, options as Jekyll 4.3 sets them).

Pipeline, in order:

1. ``liquid``: Liquid output tags go first, as Jekyll renders Liquid before Markdown.
2. ``normalize_whitespace`` -> ``KramdownSourcePreprocessor``: kramdown's line endings; block
   HTML taken out and stashed (kramdown_html) and fences protected (rouge_code) *before*
   tabs are expanded, so raw HTML and code keep them.
3. Block processors, highest priority first, in kramdown's block-parser order: fenced code,
   indented code, ATX header, setext header, rule, list, HTML inside lists/quotes, quote,
   footnote definition, table, link definition, paragraph end (GFM), paragraph
   (kramdown_blocks, kramdown_lists, kramdown_footnotes, rouge_code).
4. All inline patterns -> one ``KramdownInlineProcessor``: kramdown's span parser, header ids,
   footnote numbering (kramdown_inline, kramdown_spans, kramdown_convert).
5. Postprocessors put the parked span HTML and stashed blocks back.

Each top-level block renders from its own source lines; cross-block state is only what
kramdown shares too: link and footnote definitions, header-id counts, footnote numbers.
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
from .kramdown_html import (
    KramdownHtmlBlockPreprocessor,
    NestedHtmlBlockProcessor,
    StashedBlockProcessor,
)
from .kramdown_ial import BlockIalProcessor
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
        self.md = md
        self.span_stash: list[str] = []
        self.footnotes = FootnoteState()
        md.kramdown_glued = []  # see kramdown_tree.mark_no_block_boundary
        md.kramdown_alds = {}  # {:name: ...} attribute list definitions
        self._register_preprocessors(md)
        self._register_block_processors(md)
        for name in [item.name for item in md.inlinePatterns._priority]:
            md.inlinePatterns.deregister(name)
        inline = KramdownInlineProcessor(md, self.span_stash, self.footnotes)
        md.treeprocessors.register(inline, "inline", 20)
        md.postprocessors.register(SpanHtmlPostprocessor(md, self.span_stash), "kd_spans", 35)
        md.postprocessors.register(FenceSentinelPostprocessor(md), "fence_sentinels", 5)
        md.is_block_level = lambda tag: isinstance(tag, str) and tag.lower() not in SPAN_ELEMENTS

    @staticmethod
    def _register_preprocessors(md: Markdown) -> None:
        md.preprocessors.register(LiquidPreprocessor(md), "liquid", 40)
        md.preprocessors.deregister("html_block")
        source = KramdownSourcePreprocessor(md, KramdownHtmlBlockPreprocessor(md))
        md.preprocessors.register(source, "normalize_whitespace", 30)

    def _register_block_processors(self, md: Markdown) -> None:
        parser = md.parser
        for name in ("olist", "ulist", "indent"):  # lists gather their own indented lines
            parser.blockprocessors.deregister(name)
        ours = [  # (processor, Python-Markdown's name where we replace one, priority)
            (StashedBlockProcessor(parser), "stashed_block", 95),
            (FencedCodeProcessor(parser), "fenced_code", 85),
            (KramdownCodeBlockProcessor(parser), "code", 80),
            (AtxHeaderProcessor(parser), "hashheader", 70),
            (KramdownSetextProcessor(parser), "setextheader", 60),
            (KramdownHRProcessor(parser), "hr", 50),
            (KramdownListProcessor(parser), "list", 40),
            (NestedHtmlBlockProcessor(parser), "block_html", 38),
            (KramdownBlockQuoteProcessor(parser), "quote", 20),
            (FootnoteDefinitionProcessor(parser, self.footnotes), "footnote_definition", 17),
            (KramdownTableProcessor(parser), "table", 16),
            (BlockStartReferenceProcessor(parser), "reference", 15),
            (BlockIalProcessor(parser), "block_ial", 14),
            (ListInterruptsParagraphProcessor(parser), "list_interrupts_paragraph", 12),
        ]
        for processor, name, priority in ours:
            parser.blockprocessors.register(processor, name, priority)

    def reset(self) -> None:
        self.md.kramdown_alds.clear()
        self.span_stash.clear()
        self.footnotes.reset()
