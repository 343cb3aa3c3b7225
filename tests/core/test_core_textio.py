"""textio: encodings, BOMs and line endings survive a round trip; nothing is replaced."""

from __future__ import annotations

import pytest

from editor.core.textio import (
    DecodeError,
    EncodeError,
    TextFormat,
    decode,
    dominant_newline,
    encode,
    restore_newlines,
    split_lines,
    to_lf,
)

KOREAN = "제목: 디지털 전환\n본문입니다.\n"


@pytest.mark.parametrize(
    ("data", "encoding", "bom"),
    [
        (KOREAN.encode("utf-8"), "utf-8", b""),
        (b"\xef\xbb\xbf" + KOREAN.encode("utf-8"), "utf-8", b"\xef\xbb\xbf"),
        (b"\xff\xfe" + KOREAN.encode("utf-16-le"), "utf-16-le", b"\xff\xfe"),
        (b"\xfe\xff" + KOREAN.encode("utf-16-be"), "utf-16-be", b"\xfe\xff"),
        (KOREAN.encode("cp949"), "cp949", b""),
        (KOREAN.encode("euc-kr"), "cp949", b""),
    ],
)
def test_each_encoding_round_trips(data: bytes, encoding: str, bom: bytes) -> None:
    text, fmt = decode(data)
    assert text == KOREAN
    assert (fmt.encoding, fmt.bom) == (encoding, bom)
    assert encode(text, fmt) == data


@pytest.mark.parametrize(
    ("text", "newline"),
    [("a\nb\n", "\n"), ("a\r\nb\r\n", "\r\n"), ("a\rb\r", "\r"), ("a\r\nb\r\nc\n", "\r\n")],
)
def test_line_endings_kept_verbatim(text: str, newline: str) -> None:
    decoded, fmt = decode(text.encode())
    assert decoded == text
    assert fmt.newline == newline
    assert encode(decoded, fmt) == text.encode()


def test_no_line_break_means_lf_and_ties_go_to_lf() -> None:
    assert dominant_newline("one line") == "\n"
    assert dominant_newline("a\r\nb\n") == "\n"


def test_invalid_bytes_raise_a_plain_message() -> None:
    with pytest.raises(DecodeError, match=r"byte 0 \(0x80\) is not valid UTF-8"):
        decode(b"\x80\x80\x80")


def test_binary_with_nul_is_refused() -> None:
    with pytest.raises(DecodeError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_utf16_without_bom_is_not_guessed() -> None:
    with pytest.raises(DecodeError):
        decode("abc".encode("utf-16-le"))  # has NUL bytes: never silently read as text


def test_encode_refuses_characters_the_encoding_lacks() -> None:
    fmt = TextFormat("cp949", b"", "\n")
    with pytest.raises(EncodeError, match=r"line 2, column 3.*cp949"):
        encode("가\n나다😀", fmt)


def test_split_lines_only_breaks_on_cr_and_lf() -> None:
    assert split_lines("a\r\nb\x0cc\u2028d\re\nf") == ["a\r\n", "b\x0cc\u2028d\r", "e\n", "f"]
    assert split_lines("") == []


def test_to_lf() -> None:
    assert to_lf("a\r\nb\rc\n") == "a\nb\nc\n"


def test_restore_newlines_keeps_mixed_endings_of_untouched_lines() -> None:
    original = "one\r\ntwo\nthree\r\nfour"
    edited = "one\ntwo\nnew line\nthree\nfour!"
    restored = restore_newlines(original, edited, "\r\n")
    assert restored == "one\r\ntwo\nnew line\r\nthree\r\nfour!"


def test_restore_newlines_unchanged_text_is_identical() -> None:
    original = "a\r\nb\nc\rd"
    assert restore_newlines(original, to_lf(original), "\n") is original


def test_restore_newlines_uniform_file() -> None:
    assert restore_newlines("a\r\nb\r\n", "a\nb\nc\n", "\r\n") == "a\r\nb\r\nc\r\n"
    assert restore_newlines("", "x\ny", "\r\n") == "x\r\ny"


def test_restore_newlines_added_final_newline_gets_file_newline() -> None:
    assert restore_newlines("a\nb\r\nc", "a\nb\nc\n", "\n") == "a\nb\r\nc\n"


def test_restore_newlines_never_merges_cr_and_lf_into_one_break() -> None:
    restored = restore_newlines("a\r\r\n", "x\na\n\n", "\n")
    assert to_lf(restored) == "x\na\n\n"


def test_restore_newlines_large_mixed_file_diffs_only_the_edit() -> None:
    original = "".join(f"{i}\r\n" if i % 2 else f"{i}\n" for i in range(100_000))
    edited = to_lf(original).replace("\n500\n", "\n500 edited\n")
    restored = restore_newlines(original, edited, "\r\n")
    assert restored == original.replace("\n500\n", "\n500 edited\r\n")  # changed: file newline
