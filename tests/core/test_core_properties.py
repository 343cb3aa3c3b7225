"""Property tests (hypothesis): round trips, single-key edits, open -> edit -> save fuzzing.

HYPO_N=2000 in the environment runs more examples (the default keeps the suite fast).
"""

from __future__ import annotations

import os
import string
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from editor.core.checks import check_post
from editor.core.frontmatter import FrontMatterError, parse, remove_key, set_key, split
from editor.core.post import Post
from editor.core.textio import SaveError, TextFormat, encode, restore_newlines, split_lines, to_lf

EXAMPLES = int(os.environ.get("HYPO_N", "150"))
SETTINGS = settings(
    max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)

keys = st.text(string.ascii_lowercase + "_", min_size=1, max_size=12)
# Text as writers type it: Korean, ASCII, punctuation YAML cares about, but no control codes.
words = st.text(
    st.sampled_from(list("가나다라 마바사 abcXYZ 019 :#-[]{}'\",&*!|>%@`?.…")), max_size=30
)
scalars = st.one_of(words, st.integers(-(10**6), 10**6), st.booleans(), st.none())
values = st.one_of(scalars, st.lists(words, max_size=4))
mappings = st.dictionaries(keys, values, min_size=1, max_size=6)
newlines = st.sampled_from(["\n", "\r\n"])
bodies = st.text(st.sampled_from(list("본문 text <p>&nbsp;</p> ---\n\r\t*_`#")), max_size=200)


def dumped(meta: dict, flow: bool | None, newline: str) -> str:
    """Block mapping (as front matter always is); lists flow or block as asked."""
    parts = []
    for key, value in meta.items():
        if isinstance(value, list) and flow:
            inline = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=60)
            key_text = yaml.safe_dump(key).removesuffix("...\n").strip()
            parts.append(f"{key_text}: {inline}")
        else:
            parts.append(
                yaml.safe_dump({key: value}, allow_unicode=True, default_flow_style=False, width=60)
            )
    return "".join(parts).replace("\n", newline)


def key_line_ranges(yaml_text: str) -> dict[str, tuple[int, int]]:
    """Lines [start, end) of each top-level key, from PyYAML's nodes (an independent oracle)."""
    node = yaml.compose(yaml_text, Loader=yaml.SafeLoader)
    starts = [(key.value, key.start_mark.line) for key, _ in node.value]
    total = len(split_lines(yaml_text))
    ends = [line for _, line in starts[1:]] + [total]
    return {key: (line, end) for (key, line), end in zip(starts, ends, strict=True)}


@SETTINGS
@given(mappings, st.sampled_from([None, False, True]), newlines, bodies, st.booleans())
def test_generated_posts_round_trip(meta, flow, newline, body, bom) -> None:  # noqa: ANN001
    text = "---" + newline + dumped(meta, flow, newline) + "---" + newline + body
    fmt = TextFormat("utf-8", b"\xef\xbb\xbf" if bom else b"", newline)
    data = encode(text, fmt)
    post = Post.from_bytes(data)
    assert post.to_bytes() == data
    assert post.meta == meta
    assert post.body == body


@SETTINGS
@given(mappings, st.sampled_from([None, False]), newlines, st.data())
def test_single_key_edit_changes_only_that_key(meta, flow, newline, data) -> None:  # noqa: ANN001
    yaml_text = dumped(meta, flow, newline)
    key = data.draw(st.one_of(st.sampled_from(sorted(meta)), keys), label="key")
    value = data.draw(values, label="value")
    result = set_key(yaml_text, key, value)
    expected = dict(meta)
    expected[key] = value
    assert parse(result) == expected
    before, after = split_lines(yaml_text), split_lines(result)
    if key in meta:
        start, end = key_line_ranges(yaml_text)[key]
        tail = len(before) - end
        assert after[:start] == before[:start]
        assert after[len(after) - tail :] == before[end:]
    else:
        assert "".join(after).startswith("".join(before))
    assert newline == "\r\n" or "\r" not in result


@SETTINGS
@given(mappings, st.data())
def test_remove_key_removes_only_that_key(meta, data) -> None:  # noqa: ANN001
    yaml_text = dumped(meta, None, "\n")
    key = data.draw(st.sampled_from(sorted(meta)))
    result = remove_key(yaml_text, key)
    expected = {k: v for k, v in meta.items() if k != key}
    assert (parse(result) if result.strip() else {}) == expected
    start, end = key_line_ranges(yaml_text)[key]
    before = split_lines(yaml_text)
    assert split_lines(result) == before[:start] + before[end:]


fuzz_files = st.one_of(
    st.binary(max_size=300),
    st.builds(
        lambda head, body, tail: b"---\n" + head + b"\n---\n" + body + tail,
        st.binary(max_size=80),
        st.binary(max_size=80),
        st.sampled_from([b"", b"\n", b"\r\n"]),
    ),
    st.builds(
        lambda text, enc: text.encode(enc, "ignore"),
        st.text(max_size=120),
        st.sampled_from(["utf-8", "utf-16", "cp949", "utf-8-sig"]),
    ),
)


@settings(max_examples=EXAMPLES * 2, deadline=None)
@given(fuzz_files, keys, values)
def test_fuzz_open_edit_save_never_crashes_or_writes_unread_bytes(data, key, value) -> None:  # noqa: ANN001
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "post.md"
        path.write_bytes(data)
        post = Post.load(path)
        assert all(problem.line >= 1 and problem.column >= 1 for problem in check_post(post))
        body_before = post.body
        edited = True
        try:
            post.set_meta(key, value)
        except FrontMatterError:
            edited = False
            assert post.to_bytes() == data  # a refused edit changes nothing
        try:
            post.save()
        except SaveError:
            assert post.read_only_reason is not None
            assert path.read_bytes() == data
            return
        written = path.read_bytes()
        assert post.read_only_reason is None
        reopened = Post.load(path)
        assert reopened.body == body_before  # the body bytes are the ones read
        assert reopened.text_format.encoding == post.text_format.encoding
        assert written.startswith(post.text_format.bom)
        if edited:
            assert reopened.meta_error is None
            assert reopened.meta[key] == value
        else:
            assert written == data
        assert split(reopened.text()).body == body_before
        assume(True)


HAND_WRITTEN = """title: 디지털 전환 민관 1235억 원 투자! 궁금하지 않나요?
categories:
  - News
# a comment line
excerpt: >
  자동차, 조선, 이차전지 등 …

feature_text: >
  ## whereispost 실시간 뉴스 속보입니다.

  자동차, 조선 …
image: '/assets/img/newsdao_breakingnews.jpg'  # the card image
layout:       post
tags: [a, "b c"]
literal: |
  line one
    indented
empty:
"""


@SETTINGS
@given(st.sampled_from(sorted(parse(HAND_WRITTEN))), values, newlines)
def test_edits_of_hand_written_front_matter(key, value, newline) -> None:  # noqa: ANN001
    yaml_text = HAND_WRITTEN.replace("\n", newline)
    result = set_key(yaml_text, key, value)
    expected = parse(yaml_text)
    expected[key] = value
    assert parse(result) == expected
    start, end = key_line_ranges(yaml_text)[key]
    before, after = split_lines(yaml_text), split_lines(result)
    assert after[:start] == before[:start]
    # The key's own trailing blank and comment lines belong to the next key's block here.
    kept: list[str] = []
    for line in reversed(before[start + 1 : end]):
        if line.strip() and not line.startswith("#"):
            break
        kept.insert(0, line)
    assert after[len(after) - (len(before) - end) - len(kept) :] == kept + before[end:]


yaml_like = st.text(st.sampled_from(list("ab: -#'\"[]{}>|&*!\n\t 가")), max_size=60)


@settings(max_examples=EXAMPLES * 2, deadline=None)
@given(yaml_like, st.one_of(keys, st.text(max_size=5)), values)
def test_set_key_on_any_text_edits_correctly_or_refuses_plainly(yaml_text, key, value) -> None:  # noqa: ANN001
    try:
        result = set_key(yaml_text, key, value)
    except FrontMatterError as error:
        assert error.message and error.line >= 1
        return
    expected = parse(yaml_text, 1)
    expected[key] = value
    assert parse(result, 1) == expected


mixed_lines = st.lists(
    st.tuples(st.text("ab가 ", max_size=4), st.sampled_from(["\n", "\r\n", "\r"])), max_size=12
)


@SETTINGS
@given(mixed_lines, st.data(), newlines)
def test_restore_newlines_keeps_untouched_lines_endings(lines, data, newline) -> None:  # noqa: ANN001
    original = "".join(text + ending for text, ending in lines)
    assume(split_lines(original) == [text + ending for text, ending in lines])
    edited = [text for text, _ in lines]
    position = data.draw(st.integers(0, len(edited)))
    inserted = data.draw(st.text("xyz", min_size=1, max_size=3))
    edited.insert(position, inserted)
    edited_lf = "\n".join(edited) + "\n"
    restored = restore_newlines(original, edited_lf, newline)
    assert to_lf(restored) == edited_lf
    assert restore_newlines(original, to_lf(original), newline) == original
    # Lines far from the insertion are unambiguous: each keeps its own ending.
    restored_lines = split_lines(restored)
    for index, (text, ending) in enumerate(lines):
        if (
            text
            and "x" not in text
            and abs(index - position) > 1
            and lines.count((text, ending)) == 1
        ):
            new_index = index + (index >= position)
            if restored_lines[new_index].rstrip("\r\n") == text and len(set(lines)) == len(lines):
                assert restored_lines[new_index].endswith(ending)


markup = st.lists(
    st.sampled_from([*"<>/ab p`\n\r=\"'!-[]()~{%}", "<b>", "</b>", "<p>", "```\n", "<div>"]),
    max_size=60,
).map("".join)


@SETTINGS
@given(markup)
def test_check_positions_point_inside_the_file(body) -> None:  # noqa: ANN001
    post = Post.from_text("---\ntitle: t\n---\n" + body)
    lines = split_lines(post.text())
    for problem in check_post(post):
        assert 1 <= problem.line <= len(lines) + 1
        if problem.line <= len(lines):
            assert 1 <= problem.column <= len(lines[problem.line - 1].rstrip("\r\n")) + 1
