# ruff: noqa: E501  (one message per line reads best here)
"""Korean for the strings the i18n_edges change added, until the lead merges them into
resources/translations/post_editor_ko.ts (then the real catalog answers first and this is
only a fallback). Tests install ``proposed_translator()`` next to the real catalogs.

Wording follows post_editor_ko.ts (the PublishPlan context already words the check problems).
"""

from __future__ import annotations

from PySide6.QtCore import QTranslator

PROPOSED: dict[tuple[str, str], str] = {
    ("HistoryDialog", "(no differences)"): "(차이 없음)",
    ("HistoryDialog", "The saved version from {when} is damaged."): "{when}에 저장한 버전이 손상되었습니다.",
    ("HistoryDialog", "Could not read the saved version: {reason}"): "저장된 버전을 읽을 수 없습니다: {reason}",
    ("Dialogs", "in the window"): "창의 글",
    ("Dialogs", "on disk"): "디스크의 파일",
    ("Dialogs", "recovered"): "복구용 사본",
    ("Dialogs", "(no differences)"): "(차이 없음)",
    ("FindReplaceBar", "Replaced 1 match"): "1개 바꿈",
    ("FindReplaceBar", "Replaced {count} matches"): "{count}개 바꿈",
    ("CoreMessages", "This looks like a binary file, not a post: it holds a NUL character (at character {offset})."): "글이 아니라 바이너리 파일로 보입니다: NUL 문자가 들어 있습니다 ({offset}번째 문자).",
    ("CoreMessages", "The file is not readable text: byte {byte} ({value}) is not valid UTF-8, and the file is not UTF-16 (no byte order mark) or Korean CP949/EUC-KR either."): "읽을 수 있는 텍스트가 아닙니다: {byte}번째 바이트({value})가 올바른 UTF-8이 아니고, UTF-16(바이트 순서 표시 없음)이나 한국어 CP949/EUC-KR도 아닙니다.",
    ("CoreMessages", "The file is not readable text: its bytes are not valid UTF-8, and the file is not UTF-16 (no byte order mark) or Korean CP949/EUC-KR either."): "읽을 수 있는 텍스트가 아닙니다: 올바른 UTF-8이 아니고, UTF-16(바이트 순서 표시 없음)이나 한국어 CP949/EUC-KR도 아닙니다.",
    ("CoreMessages", "{reason} Opened for viewing only; it cannot be saved."): "{reason} 읽기 전용으로 열었으며 저장할 수 없습니다.",
    ("CoreMessages", "{char} (line {line}, column {column}) cannot be stored in {encoding}; remove it or save the file as UTF-8."): "{char}({line}행 {column}열)은(는) {encoding}로 저장할 수 없습니다. 그 글자를 지우거나 파일을 UTF-8로 저장하세요.",
    ("CoreMessages", "Cannot save {path}: {detail}"): "{path}을(를) 저장할 수 없습니다: {detail}",
    ("CoreMessages", "Cannot save this post: {detail}"): "이 글을 저장할 수 없습니다: {detail}",
    ("CoreMessages", "Cannot save: the post has no file name yet."): "저장할 수 없습니다: 글에 아직 파일 이름이 없습니다.",
    ("CoreMessages", "This post has no file yet: use Save As."): "이 글은 아직 파일이 없습니다. 다른 이름으로 저장을 쓰세요.",
    ("CoreMessages", "Could not save {path}: {reason}. The file on disk was not changed."): "{path}을(를) 저장하지 못했습니다: {reason}. 디스크의 파일은 바뀌지 않았습니다.",
    ("CoreMessages", "Could not save {path}: it is not a regular file."): "{path}을(를) 저장하지 못했습니다: 일반 파일이 아닙니다.",
    ("CoreMessages", "the disk is full"): "디스크가 가득 찼습니다",
    ("CoreMessages", "the disk quota is used up"): "디스크 할당량을 다 썼습니다",
    ("CoreMessages", "the file is larger than this disk or account allows"): "이 디스크나 계정이 허용하는 것보다 파일이 큽니다",
    ("CoreMessages", "the disk is read-only"): "디스크가 읽기 전용입니다",
    ("CoreMessages", "permission denied"): "권한이 없습니다",
    ("CoreMessages", "the folder no longer exists"): "폴더가 더 이상 없습니다",
    ("CoreMessages", "a folder has that name"): "같은 이름의 폴더가 있습니다",
    ("CoreMessages", "the disk reported an input/output error"): "디스크가 입출력 오류를 알렸습니다",
    ("CoreMessages", "line {line}, column {column}: {message}"): "{line}행 {column}열: {message}",
    ("CoreMessages", "front matter is too long to read ({size} characters; the limit is {limit})"): "머리말이 너무 길어 읽지 않습니다 ({size}자, 한도 {limit}자)",
    ("CoreMessages", "YAML cannot hold the control character U+{code}"): "YAML에는 제어 문자 U+{code}을(를) 쓸 수 없습니다",
    ("CoreMessages", "{name} is not allowed: front matter may hold plain data only"): "{name}은(는) 쓸 수 없습니다: 머리말에는 일반 데이터만 둘 수 있습니다",
    ("CoreMessages", "YAML error: nested too deeply"): "YAML 오류: 너무 깊이 중첩되었습니다",
    ("CoreMessages", "front matter must be `key: value` lines, but this is a list"): "머리말은 `키: 값` 줄이어야 하는데 목록입니다",
    ("CoreMessages", "front matter must be `key: value` lines, but this is a single value"): "머리말은 `키: 값` 줄이어야 하는데 값 하나입니다",
    ("CoreMessages", "front matter is not `key: value` lines"): "머리말이 `키: 값` 줄이 아닙니다",
    ("CoreMessages", "front matter holds several YAML documents"): "머리말에 YAML 문서가 여러 개 있습니다",
    ("CoreMessages", "YAML error: {problem}"): "YAML 오류: {problem}",
    ("CoreMessages", "; a value that starts with [ or { is read as a list; quote the whole value"): ". [ 또는 {로 시작하는 값은 목록으로 읽히니 값 전체를 따옴표로 감싸세요",
    ("CoreMessages", "; a line that is not `key: value` must be indented to continue the value above, or the whole value quoted"): ". `키: 값` 형식이 아닌 줄은 들여 써서 위 값을 잇거나 값 전체를 따옴표로 감싸야 합니다",
    ("CoreMessages", "front matter starts with --- but is never closed"): "머리말이 ---로 시작하지만 닫히지 않았습니다",
    ("CoreMessages", "no front matter: Jekyll will not treat this file as a post"): "머리말이 없습니다. Jekyll이 이 파일을 글로 다루지 않습니다",
    ("CoreMessages", "key {key} appears more than once; the last one wins"): "키 {key}: 여러 번 나옵니다. 마지막 값이 쓰입니다",
    ("CoreMessages", "no title in the front matter"): "머리말에 제목(title)이 없습니다",
    ("CoreMessages", "image {url} points outside the site folder"): "이미지 {url}이(가) 사이트 폴더 밖을 가리킵니다",
    ("CoreMessages", "image {url} not found (no file {path})"): "이미지 {url}을(를) 찾을 수 없습니다 ({path} 파일 없음)",
    ("CoreMessages", "<{tag}> is not an HTML tag (write &lt; for <)"): "<{tag}>: HTML 태그가 아닙니다 (<는 &lt;로 쓰세요)",
    ("CoreMessages", "<{tag}> is never closed"): "<{tag}> 태그가 닫히지 않았습니다",
    ("CoreMessages", "</{tag}> closes a tag that is not open"): "</{tag}>: 열리지 않은 태그를 닫습니다",
    ("CoreMessages", "<{open}> is not closed before </{tag}>"): "<{open}> 태그가 </{tag}> 앞에서 닫히지 않았습니다",
    ("CoreMessages", "`{shown}` looks like a tag but is not HTML, so the page shows it as text (a space missing after `{start}`?)"): "`{shown}`: 태그처럼 보이지만 HTML이 아니어서 페이지에 글자로 나옵니다 (`{start}` 뒤에 빈칸이 빠졌나요?)",
}  # fmt: skip


class ProposedKorean(QTranslator):
    """PROPOSED as a catalog (None for anything else, so other catalogs and English apply)."""

    def translate(self, context, source_text, disambiguation=None, n=-1) -> str | None:
        return PROPOSED.get((context, source_text))

    def isEmpty(self) -> bool:  # noqa: N802 (Qt's name)
        return False


def proposed_translator() -> QTranslator:
    return ProposedKorean()
