"""The Korean proposed for editor/ui/core_wording_yaml.py (context "CoreMessages"), until the
lead copies it into resources/translations/post_editor_ko.ts. Like the catalog's other YAML
messages, a problem ends without a full stop: frontmatter's hint may follow (". [ 또는 {로 ...").
"""

KOREAN = {
    # scanner.py
    "mapping values are not allowed here": (
        "여기에는 콜론(:)이 올 수 없습니다. 값에 `: `이 들어 있으면 값 전체를 따옴표로 감싸고, "
        "아니면 들여쓰기를 확인하세요"
    ),
    "found character '\\t' that cannot start any token (while scanning for the next token)": (
        "탭 문자는 쓸 수 없습니다. YAML은 빈칸으로만 들여 쓰니 탭을 빈칸으로 바꾸세요"
    ),
    "found character {char} that cannot start any token (while scanning for the next token)": (
        "{char} 문자로는 값을 시작할 수 없습니다. 값 전체를 따옴표로 감싸세요"
    ),
    "could not find expected ':' (while scanning a simple key)": (
        "이 줄에 `키: 값`의 콜론(:)이 없습니다"
    ),
    "sequence entries are not allowed here": (
        "여기에는 목록 항목(`- `)이 올 수 없습니다. 목록은 키 다음 줄부터 `- 항목`으로 들여 "
        "쓰고, 값이 -로 시작하면 값 전체를 따옴표로 감싸세요"
    ),
    "mapping keys are not allowed here": (
        "여기에는 `? ` 키가 올 수 없습니다. 값이 ?로 시작하면 값 전체를 따옴표로 감싸세요"
    ),
    "found unexpected end of stream (while scanning a quoted scalar)": (
        "따옴표로 시작한 값이 머리말 끝까지 닫히지 않았습니다. 같은 따옴표로 값을 닫으세요"
    ),
    "found unexpected document separator (while scanning a quoted scalar)": (
        "따옴표로 시작한 값이 닫히기 전에 문서 구분 줄(--- 또는 ...)이 나왔습니다. 같은 "
        "따옴표로 값을 닫으세요"
    ),
    "found unknown escape character {char} (while scanning a double-quoted scalar)": (
        "큰따옴표 안에서 \\ 뒤의 {char}은(는) 알 수 없는 이스케이프입니다. 역슬래시는 "
        "\\\\처럼 두 번 쓰거나 값을 작은따옴표로 감싸세요"
    ),
    "expected escape sequence of {count} hexadecimal numbers, but found {found} "
    "(while scanning a double-quoted scalar)": (
        "큰따옴표 안의 \\x, \\u, \\U 뒤에는 16진수 {count}자리가 와야 하는데 {found}이(가) "
        "있습니다. 역슬래시는 \\\\처럼 두 번 쓰거나 값을 작은따옴표로 감싸세요"
    ),
    "expected alphabetic or numeric character, but found {found} (while scanning an alias)": (
        "*로 시작하는 값은 별칭으로 읽히는데 * 뒤에 {found}이(가) 있습니다. 값 전체를 "
        "따옴표로 감싸세요"
    ),
    "expected alphabetic or numeric character, but found {found} (while scanning an anchor)": (
        "& 기호로 시작하는 값은 앵커로 읽히는데 & 기호 뒤에 {found}이(가) 있습니다. 값 전체를 "
        "따옴표로 감싸세요"
    ),
    "expected a comment or a line break, but found {found} (while scanning a block scalar)": (
        "| 또는 >로 시작하는 값은 여러 줄 글이라 같은 줄에 글이 올 수 없습니다({found}). "
        "글을 다음 줄부터 들여 쓰거나 값 전체를 따옴표로 감싸세요"
    ),
    "expected chomping or indentation indicators, but found {found} "
    "(while scanning a block scalar)": (
        "| 또는 > 바로 뒤에 {found}이(가) 올 수 없습니다. 값이 | 나 >로 시작하면 값 전체를 "
        "따옴표로 감싸세요"
    ),
    "expected indentation indicator in the range 1-9, but found 0 "
    "(while scanning a block scalar)": (
        "| 또는 > 뒤의 들여쓰기 숫자는 1~9여야 하는데 0입니다. 값이 | 나 >로 시작하면 값 "
        "전체를 따옴표로 감싸세요"
    ),
    "expected URI, but found {found} (while parsing a tag)": (
        "!로 시작하는 값은 태그로 읽히는데 ! 뒤에 {found}이(가) 있습니다. 값 전체를 "
        "따옴표로 감싸세요"
    ),
    "expected '>', but found {found} (while parsing a tag)": (
        "!<로 시작한 태그가 >로 닫히지 않았습니다({found}). 값이 !로 시작하면 값 전체를 "
        "따옴표로 감싸세요"
    ),
    # parser.py
    "expected <block end>, but found {found} (while parsing a block mapping)": (
        "값이 끝난 뒤에 내용이 더 있습니다(찾은 것: {found}). 따옴표로 시작한 값은 닫는 "
        "따옴표에서 끝나니 안의 따옴표는 다른 따옴표로 바꾸거나 작은따옴표 안에서는 ''로 "
        "두 번 쓰세요. 아니면 들여쓰기를 확인하세요"
    ),
    "expected <block end>, but found {found} (while parsing a block collection)": (
        "목록 뒤에 내용이 더 있습니다(찾은 것: {found}). 목록 항목(`- `)과 키의 들여쓰기를 맞추세요"
    ),
    "expected the node content, but found {found} (while parsing a block node)": (
        "값이 와야 할 자리에 {found}이(가) 있습니다. 값이 이 문자로 시작하면 값 전체를 "
        "따옴표로 감싸세요"
    ),
    "expected the node content, but found {found} (while parsing a flow node)": (
        "[ ] 또는 { } 안에서 항목이 와야 할 자리에 {found}이(가) 있습니다. 쉼표가 겹치거나 "
        "남지 않았는지 확인하세요"
    ),
    "expected ',' or ']', but got {found} (while parsing a flow sequence)": (
        "[ ] 목록 안에서 쉼표(,)나 닫는 ]가 와야 할 자리에 {found}이(가) 있습니다. 목록을 "
        "]로 닫았는지 확인하세요"
    ),
    "expected ',' or '}', but got {found} (while parsing a flow mapping)": (
        "{ } 안에서 쉼표(,)나 닫는 }가 와야 할 자리에 {found}이(가) 있습니다. }로 "
        "닫았는지 확인하세요"
    ),
    "found undefined tag handle {found} (while parsing a node)": (
        "!로 시작하는 값은 태그로 읽히는데 {found} 태그는 정의되지 않았습니다. 값 전체를 "
        "따옴표로 감싸세요"
    ),
    "expected '<document start>', but found {found}": (
        "여기에는 문서 시작(---)이 와야 하는데 {found}이(가) 있습니다. %나 ...로 시작하는 "
        "줄을 확인하세요"
    ),
    # composer.py
    "found undefined alias {anchor}": (
        "정의되지 않은 별칭 {anchor}입니다. *로 시작하는 값은 별칭으로 읽히니 값 전체를 "
        "따옴표로 감싸세요"
    ),
    "second occurrence (found duplicate anchor {anchor}; first occurrence)": (
        "앵커 {anchor}이(가) 두 번 나옵니다. & 기호로 시작하는 값은 앵커로 읽히니 값 전체를 "
        "따옴표로 감싸세요"
    ),
    "but found another document (expected a single document in the stream)": (
        "--- 줄 뒤에 YAML 문서가 하나 더 있습니다. 머리말에는 문서를 하나만 둘 수 있습니다"
    ),
    # constructor.py
    "found unhashable key (while constructing a mapping)": (
        "목록이나 { }는 키가 될 수 없습니다. {{ }} 같은 Liquid 값은 값 전체를 따옴표로 감싸세요"
    ),
    # editor.core.frontmatter
    "an alias refers to the list or mapping that contains it": (
        "별칭이 자신을 담은 목록이나 매핑을 가리킵니다"
    ),
    "aliases expand to more than {budget} values (an alias bomb?)": (
        "별칭을 펼치면 값이 {budget}개를 넘습니다(별칭 폭탄?)"
    ),
    # token names in {found}
    "'<scalar>'": "값",
    "'<stream end>'": "머리말 끝",
    "'<block end>'": "블록 끝",
    "'<block mapping start>'": "들여 쓴 `키: 값`",
    "'<block sequence start>'": "들여 쓴 목록 항목(`- `)",
    "'<document start>'": "--- 줄",
    "'<document end>'": "... 줄",
    "'<alias>'": "별칭(*)",
    "'<anchor>'": "앵커(&)",
    "'<tag>'": "태그(!)",
    "'<directive>'": "지시문(%)",
}
