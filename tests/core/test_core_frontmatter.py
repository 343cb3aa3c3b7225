"""frontmatter: splitting, safe bounded parsing, and edits that touch only one key."""

from __future__ import annotations

import datetime
import time

import pytest

from editor.core.frontmatter import (
    NODE_BUDGET,
    FrontMatterError,
    duplicate_keys,
    parse,
    remove_key,
    set_key,
    split,
)

SAMPLE = """title: 디지털 전환 민관 1235억 원 투자!
categories:
  - News
excerpt: >
  자동차, 조선, 이차전지 등 … # not a comment inside a folded scalar
feature_text: >
  ## whereispost 실시간 뉴스 속보입니다.

  자동차, 조선 …

# a comment between keys
image: '/assets/img/newsdao_breakingnews.jpg'   # trailing comment
layout:       post
tags: [a, b]
"""

BILLION_LAUGHS = """a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""


def changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    old, new = before.splitlines(), after.splitlines()
    return [line for line in old if line not in new], [line for line in new if line not in old]


# ----------------------------------------------------------------------------- split


@pytest.mark.parametrize(
    "text",
    [
        "---\ntitle: x\n---\nbody\n",
        "---\r\ntitle: x\r\n---\r\nbody",
        "---   \ntitle: x\n...\nbody",
        "---\n---\n",
        "---\ntitle: x\n---",
        "no front matter\n---\nx: 1\n---\n",
        "---\nnever closed\n",
        "",
        "----\nx: 1\n----\n",
    ],
)
def test_split_parts_join_back(text: str) -> None:
    parts = split(text)
    assert parts.opening + parts.yaml_text + parts.closing + parts.body == text


def test_split_finds_jekyll_front_matter() -> None:
    parts = split("---\r\ntitle: x\r\n---\r\n\r\nbody\n---\nnot yaml\n")
    assert parts.has_front_matter
    assert (parts.opening, parts.yaml_text, parts.closing) == ("---\r\n", "title: x\r\n", "---\r\n")
    assert parts.body == "\r\nbody\n---\nnot yaml\n"


@pytest.mark.parametrize("text", ["---\nnever closed\n", "----\nx\n----\n", "text\n---\n", "---"])
def test_split_without_front_matter(text: str) -> None:
    parts = split(text)
    assert not parts.has_front_matter
    assert parts.body == text


# ----------------------------------------------------------------------------- parse


def test_parse_sample() -> None:
    meta = parse(SAMPLE)
    assert meta["categories"] == ["News"]
    assert meta["excerpt"].endswith("# not a comment inside a folded scalar\n")
    assert meta["feature_text"] == "## whereispost 실시간 뉴스 속보입니다.\n자동차, 조선 …\n"
    assert meta["image"] == "/assets/img/newsdao_breakingnews.jpg"


def test_parse_empty_is_empty_dict() -> None:
    assert parse("") == {}
    assert parse("# only a comment\n") == {}


def test_broken_title_names_line_and_column_in_file() -> None:
    with pytest.raises(FrontMatterError) as caught:
        parse("layout: post\ntitle: [예산 효율화] 2024년 예산\n", first_line=2)
    error = caught.value
    assert (error.line, error.column) == (3, 17)  # at "2024년", after the list
    assert "quote the whole value" in error.message
    assert str(error).startswith("line 3, column 17: ")


def test_unindented_continuation_points_at_its_own_line() -> None:
    with pytest.raises(FrontMatterError) as caught:
        parse("title: 1. 첫째\n2. 둘째\n3. 셋째\ncategories: [a]\n")
    assert caught.value.line == 3  # file line of "2. 둘째" (front matter starts on line 2)
    assert "indented" in caught.value.message


def test_python_tags_are_refused() -> None:
    with pytest.raises(FrontMatterError, match=r"!!python/object/apply:os.system is not allowed"):
        parse('x: !!python/object/apply:os.system ["echo hacked"]\n')


def test_billion_laughs_fails_fast_with_a_clear_message() -> None:
    started = time.perf_counter()
    with pytest.raises(FrontMatterError, match="alias bomb") as caught:
        parse(BILLION_LAUGHS)
    assert time.perf_counter() - started < 1.0
    assert caught.value.line >= 2
    assert f"{NODE_BUDGET:,}" in caught.value.message


def test_small_aliases_still_work() -> None:
    assert parse("a: &x [1, 2]\nb: *x\n") == {"a": [1, 2], "b": [1, 2]}


def test_recursive_alias_is_refused() -> None:
    with pytest.raises(FrontMatterError, match="refers to the list or mapping that contains it"):
        parse("a: &x [1, *x]\n")


def test_deep_nesting_is_an_error_not_a_crash() -> None:
    with pytest.raises(FrontMatterError):
        parse("a: " + "[" * 5000 + "]" * 5000 + "\n")


def test_non_mapping_front_matter() -> None:
    with pytest.raises(FrontMatterError, match="is a list"):
        parse("- a\n- b\n")


def test_tabs_in_yaml_are_an_error_with_position() -> None:
    with pytest.raises(FrontMatterError) as caught:
        parse("title: x\n\tcategories: y\n")
    assert caught.value.line == 3


def test_duplicate_keys_are_reported() -> None:
    assert duplicate_keys("title: a\nx: 1\ntitle: b\n") == [("title", 2)]
    assert parse("title: a\ntitle: b\n") == {"title": "b"}


# ----------------------------------------------------------------------------- set_key


@pytest.mark.parametrize(
    ("key", "value", "old_line", "new_lines"),
    [
        ("title", "새 제목", "title: 디지털 전환 민관 1235억 원 투자!", ["title: 새 제목"]),
        ("title", "[예산 효율화] 2024", None, ["title: '[예산 효율화] 2024'"]),
        ("image", "/x.jpg", None, ["image: '/x.jpg'   # trailing comment"]),
        ("layout", "page", "layout:       post", ["layout:       page"]),
        ("tags", ["c", "d, e"], "tags: [a, b]", ["tags: [c, 'd, e']"]),
        ("categories", ["경제", "News"], None, ["  - 경제"]),  # "  - News" stays
    ],
)
def test_set_key_rewrites_only_that_key(
    key: str, value: object, old_line: str | None, new_lines: list[str]
) -> None:
    result = set_key(SAMPLE, key, value)
    assert parse(result)[key] == value
    removed, added = changed_lines(SAMPLE, result)
    assert added == new_lines
    if old_line:
        assert removed == [old_line]
    others = {k: v for k, v in parse(SAMPLE).items() if k != key}
    assert {k: v for k, v in parse(result).items() if k != key} == others


def test_set_folded_scalar_keeps_folded_style() -> None:
    result = set_key(SAMPLE, "excerpt", "짧은 요약\n")
    assert "excerpt: >\n  짧은 요약\nfeature_text: >" in result
    multi = set_key(SAMPLE, "feature_text", "첫 줄\n둘째 줄\n")
    assert "feature_text: >\n  첫 줄\n\n  둘째 줄\n\n# a comment between keys" in multi
    assert parse(multi)["feature_text"] == "첫 줄\n둘째 줄\n"


def test_set_folded_without_final_newline_strips() -> None:
    result = set_key(SAMPLE, "excerpt", "요약")
    assert "excerpt: >-\n  요약\n" in result
    assert parse(result)["excerpt"] == "요약"


def test_block_list_keeps_its_indent() -> None:
    unindented = "tags:\n- a\n- b\ntitle: t\n"
    assert set_key(unindented, "tags", ["x"]) == "tags:\n- x\ntitle: t\n"


def test_quoted_style_is_kept() -> None:
    text = 'layout:       post\ntitle:        "require"\n'
    assert set_key(text, "title", "새 글") == 'layout:       post\ntitle:        "새 글"\n'


def test_new_key_is_appended_plain_when_possible() -> None:
    day = datetime.date(2024, 1, 2)
    assert set_key("title: a\n", "date", day) == "title: a\ndate: 2024-01-02\n"
    assert set_key("title: a", "x", "yes") == "title: a\nx: 'yes'\n"  # 'yes' would read as text
    assert set_key("", "title", "안녕") == "title: 안녕\n"
    assert set_key("title: a\r\n", "b", 1) == "title: a\r\nb: 1\r\n"


def test_set_key_values_of_many_types_read_back() -> None:
    values = [None, True, 3, 2.5, "", "  spaces  ", "a: b", "#x", "줄\n바꿈", [], {}, {"a": [1]}]
    for value in values:
        assert parse(set_key(SAMPLE, "title", value))["title"] == value


def test_crlf_front_matter_stays_crlf() -> None:
    text = SAMPLE.replace("\n", "\r\n")
    result = set_key(text, "categories", ["a", "b"])
    assert "\n" not in result.replace("\r\n", "")
    assert parse(result)["categories"] == ["a", "b"]


def test_alias_value_is_replaced_in_place() -> None:
    text = "a: &x [1]\nb: *x\nc: 3\n"
    assert set_key(text, "b", 2) == "a: &x [1]\nb: 2\nc: 3\n"


def test_duplicate_key_edits_the_last_one() -> None:
    assert set_key("t: a\nx: 1\nt: b\n", "t", "c") == "t: a\nx: 1\nt: c\n"


def test_broken_yaml_is_not_edited() -> None:
    with pytest.raises(FrontMatterError):
        set_key("title: [a] b\n", "title", "x")


def test_flow_mapping_front_matter_is_refused_plainly() -> None:
    with pytest.raises(FrontMatterError, match="edit it as raw text"):
        set_key("{title: a}\n", "title", "b")


# ----------------------------------------------------------------------------- remove_key


def test_remove_key_deletes_only_its_lines() -> None:
    result = remove_key(SAMPLE, "feature_text")
    removed, added = changed_lines(SAMPLE, result)
    assert added == []
    assert removed == [
        "feature_text: >",
        "  ## whereispost 실시간 뉴스 속보입니다.",
        "  자동차, 조선 …",
    ]
    assert "# a comment between keys" in result
    assert "feature_text" not in parse(result)


def test_remove_block_list_and_missing_key() -> None:
    assert remove_key("a: 1\ncategories:\n  - x\n  - y\nb: 2\n", "categories") == "a: 1\nb: 2\n"
    assert remove_key("a: 1\n", "zzz") == "a: 1\n"
    assert remove_key("a: 1", "a") == ""


def test_values_yaml_cannot_hold_are_refused_plainly() -> None:
    with pytest.raises(FrontMatterError, match="cannot write 'k'"):
        set_key("a: 1\n", "k", object())
    with pytest.raises(FrontMatterError, match="YAML cannot hold this key"):
        set_key("a: 1\n", "x" * 2000, 1)
    assert set_key("tags:\n  - x\n", "tags", ("b", "c")) == "tags:\n  - b\n  - c\n"


def test_positions_count_only_cr_and_lf_as_line_breaks() -> None:
    # PyYAML counts U+2028 and U+0085 as line breaks; editors and `check` output do not.
    with pytest.raises(FrontMatterError) as caught:
        parse("a: x\u2028y\u0085z\nb: [x] y\n", first_line=2)
    assert caught.value.line == 2  # the first line, where PyYAML itself sees the problem
    with pytest.raises(FrontMatterError) as caught:
        parse("a: '\u2028'\nb: [x] y\n", first_line=2)
    assert (caught.value.line, caught.value.column) == (3, 8)
    assert duplicate_keys("a: '\u2028'\nt: 1\nt: 2\n") == [("t", 2)]
