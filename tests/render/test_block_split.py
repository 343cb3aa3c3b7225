"""split_blocks: top-level blocks that a full render also keeps apart."""

from __future__ import annotations

from editor.render.block_split import collect_definitions, split_blocks


def texts(source: str) -> list[str]:
    return [block.text for block in split_blocks(source)]


def test_paragraphs_split_on_blank_lines_with_line_ranges():
    blocks = split_blocks("one\ntwo\n\n\nthree\n")
    assert [b.text for b in blocks] == ["one\ntwo", "three"]
    assert [(b.start_line, b.end_line) for b in blocks] == [(0, 2), (4, 5)]


def test_crlf_and_whitespace_only_lines_are_blank():
    assert texts("a\r\n  \r\nb") == ["a", "b"]


def test_backtick_fence_keeps_blank_lines_inside():
    source = "intro\n\n```python\nx = 1\n\n\ny = 2\n```\n\nafter"
    assert texts(source) == ["intro", "```python\nx = 1\n\n\ny = 2\n```", "after"]


def test_tilde_fence_and_longer_fence_need_a_matching_close():
    source = "````\n```\n\nstill code\n````\n\n~~~\n\n```\n~~~\n\nend"
    assert texts(source) == ["````\n```\n\nstill code\n````", "~~~\n\n```\n~~~", "end"]


def test_unclosed_fence_is_no_fence_as_kramdown_reads_it():
    source = "a\n\n```\ncode\n\nmore\n\n# heading"
    assert texts(source) == ["a", "```\ncode", "more", "# heading"]


def test_a_block_after_an_end_tag_on_the_same_line_is_followed():
    # after </p> the same line opens a <figure> whose quoted attribute spans a blank line
    source = '<p></p><figure><img alt="a\n\nb"></figure>\n\nnext'
    assert texts(source) == ['<p></p><figure><img alt="a\n\nb"></figure>', "next"]


def test_html_block_runs_to_its_closing_tag_across_blank_lines():
    source = "<div class='x'>\n<div>\n\ninner\n\n</div>\n\n</div>\n\npara"
    assert texts(source) == ["<div class='x'>\n<div>\n\ninner\n\n</div>\n\n</div>", "para"]


def test_multi_line_opening_tag_and_case_are_handled():
    source = '<TABLE\n  style="width: 100%">\n<tr><td>a</td></tr>\n\n</table>\n\nnext'
    assert texts(source) == [source.rsplit("\n\n", 1)[0], "next"]


def test_unclosed_block_tag_runs_to_the_end():
    assert texts("<div>\n\nx\n\ny") == ["<div>\n\nx\n\ny"]


def test_span_tags_do_not_open_html_blocks():
    assert texts("<span>a\n\nb</span>\n\nc") == ["<span>a", "b</span>", "c"]


def test_unknown_tag_names_open_html_blocks_as_in_kramdown():
    # an unknown, unclosed element runs to the end, as kramdown reads it
    assert texts("a\n\n<pdata-ke-size>x\n\ny") == ["a", "<pdata-ke-size>x\n\ny"]
    # but Tistory's broken `<pdata-ke-size='size16'>` is no tag at all: a paragraph
    source = "<pdata-ke-size='size16'>x\n\ny"
    assert texts(source) == ["<pdata-ke-size='size16'>x", "y"]


def test_a_dash_after_the_tag_name_makes_another_element():
    # `<p- ...>` is an unknown element that `</p>` does not close: it runs to the end
    source = '<p- data-ke-size="size16">&nbsp;</p>\n\nnext'
    assert texts(source) == [source]


def test_malformed_start_tag_is_no_html_block():
    assert texts("<p data-ke&nbsp;</p>\n\nnext") == ["<p data-ke&nbsp;</p>", "next"]


def test_html_comment_spans_blank_lines():
    assert texts("<!-- a\n\nb -->\n\nc") == ["<!-- a\n\nb -->", "c"]


def test_tistory_spacers_are_blocks_of_their_own():
    spacer = '<p data-ke-size="size16">&nbsp;</p>'
    assert texts(f"a\n\n{spacer}\n\nb") == ["a", spacer, "b"]


def test_loose_list_with_nested_indent_and_lazy_line_is_one_block():
    source = "- one\nlazy line\n\n- two\n\n    - nested\n\n      more\n\n1. other\n\nafter"
    assert texts(source) == [source.rsplit("\n\n", 1)[0], "after"]


def test_blockquotes_separated_by_blank_lines_stay_together():
    assert texts("> a\n\n> b\n\nc") == ["> a\n\n> b", "c"]


def test_indented_chunks_join_the_previous_block():
    assert texts("para\n\n    code\n\n    more\n\nnext") == ["para\n\n    code\n\n    more", "next"]


def test_definition_list_and_attribute_lines_join_the_previous_block():
    assert texts("term\n\n: meaning\n\nnext") == ["term\n\n: meaning", "next"]


def test_an_attribute_line_joins_both_neighbours():
    # kramdown applies a block IAL to the block before or after it
    assert texts("a\n\n{: .note}\n\nb\n\nc") == ["a\n\n{: .note}\n\nb", "c"]


def test_a_list_that_starts_inside_a_paragraph_chunk_takes_the_next_items():
    assert texts("para\n- one\n\n- two\n\nend") == ["para\n- one\n\n- two", "end"]


def test_table_and_setext_heading_are_single_blocks():
    source = "| a | b |\n|---|---|\n| 1 | 2 |\n\nTitle\n=====\n\nSub\n---"
    assert texts(source) == ["| a | b |\n|---|---|\n| 1 | 2 |", "Title\n=====", "Sub\n---"]


def test_definitions_are_collected_document_wide_but_not_from_code():
    source = (
        "see [x][ref]\n\n[ref]: https://example.com\n\n*[HTML]: Hyper Text\n\n"
        "```\n[fake]: /nope\n```\n\n    [indented]: /nope"
    )
    definitions = collect_definitions(split_blocks(source))
    assert definitions.references == ("[ref]: https://example.com",)
    assert definitions.abbreviations == ("*[HTML]: Hyper Text",)
    assert not definitions.has_footnotes


def test_footnote_definitions_are_noticed():
    definitions = collect_definitions(split_blocks("a[^1]\n\n[^1]: note"))
    assert definitions.has_footnotes


def test_blocks_cover_every_non_blank_line_once():
    source = "a\n\n```\nx\n\n```\n\n<div>\n\n</div>\n\n- l\n\n- m\n\n> q\n\nz\n"
    lines = source.split("\n")
    covered = [i for b in split_blocks(source) for i in range(b.start_line, b.end_line)]
    assert covered == sorted(set(covered))
    assert {i for i, line in enumerate(lines) if line.strip()} <= set(covered)
