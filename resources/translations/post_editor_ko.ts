<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko" sourcelanguage="en">
<context>
    <name>Autosaver</name>
    <message>
        <location filename="../../editor/ui/autosave.py" line="+125"/>
        <source>an unknown error</source>
        <translation>알 수 없는 오류</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The recovery copy could not be written: {reason}. Your text is still here; save the post to keep it.</source>
        <translation>복구용 사본을 쓰지 못했습니다: {reason}. 글은 아직 창에 남아 있으니 글을 저장해 보관하세요.</translation>
    </message>
</context>
<context>
    <name>CoreMessages</name>
    <message>
        <location filename="../../editor/ui/core_wording.py" line="+28"/>
        <source>This looks like a binary file, not a post: it holds a NUL character (at character {offset}).</source>
        <translation>글이 아니라 바이너리 파일로 보입니다: NUL 문자가 들어 있습니다 ({offset}번째 문자).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The file is not readable text: byte {byte} ({value}) is not valid UTF-8, and the file is not UTF-16 (no byte order mark) or Korean CP949/EUC-KR either.</source>
        <translation>읽을 수 있는 텍스트가 아닙니다: {byte}번째 바이트({value})가 올바른 UTF-8이 아니고, UTF-16(바이트 순서 표시 없음)이나 한국어 CP949/EUC-KR도 아닙니다.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The file is not readable text: its bytes are not valid UTF-8, and the file is not UTF-16 (no byte order mark) or Korean CP949/EUC-KR either.</source>
        <translation>읽을 수 있는 텍스트가 아닙니다: 올바른 UTF-8이 아니고, UTF-16(바이트 순서 표시 없음)이나 한국어 CP949/EUC-KR도 아닙니다.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{reason} Opened for viewing only; it cannot be saved.</source>
        <translation>{reason} 읽기 전용으로 열었으며 저장할 수 없습니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No such file: {path}</source>
        <translation>{path} 파일이 없습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} is a folder, not a post</source>
        <translation>{path}은(는) 글이 아니라 폴더입니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Permission denied: cannot read {path}</source>
        <translation>권한이 없어 {path}을(를) 읽을 수 없습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot read {path}: {reason}</source>
        <translation>{path}을(를) 읽을 수 없습니다: {reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{char} (line {line}, column {column}) cannot be stored in {encoding}; remove it or save the file as UTF-8.</source>
        <translation>{char}({line}행 {column}열)은(는) {encoding}로 저장할 수 없습니다. 그 글자를 지우거나 파일을 UTF-8로 저장하세요.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot save {path}: {detail}</source>
        <translation>{path}을(를) 저장할 수 없습니다: {detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot save this post: {detail}</source>
        <translation>이 글을 저장할 수 없습니다: {detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot save: the post has no file name yet.</source>
        <translation>저장할 수 없습니다: 글에 아직 파일 이름이 없습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This post has no file yet: use Save As.</source>
        <translation>이 글은 아직 파일이 없습니다. “다른 이름으로 저장”을 사용하세요.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not save {path}: {reason}. The file on disk was not changed.</source>
        <translation>{path}을(를) 저장하지 못했습니다: {reason}. 디스크의 파일은 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not save {path}: it is not a regular file.</source>
        <translation>{path}을(를) 저장하지 못했습니다: 일반 파일이 아닙니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the disk is full</source>
        <translation>디스크가 가득 찼습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the disk quota is used up</source>
        <translation>디스크 할당량을 다 썼습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file is larger than this disk or account allows</source>
        <translation>이 디스크나 계정이 허용하는 것보다 파일이 큽니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the disk is read-only</source>
        <translation>디스크가 읽기 전용입니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>permission denied</source>
        <translation>권한이 없습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the folder no longer exists</source>
        <translation>폴더가 더 이상 없습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a folder has that name</source>
        <translation>같은 이름의 폴더가 있습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the disk reported an input/output error</source>
        <translation>디스크가 입출력 오류를 알렸습니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>line {line}, column {column}: {message}</source>
        <translation>{line}행 {column}열: {message}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>front matter is too long to read ({size} characters; the limit is {limit})</source>
        <translation>머리말이 너무 길어 읽지 않습니다 ({size}자, 한도 {limit}자)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>YAML cannot hold the control character U+{code}</source>
        <translation>YAML에는 제어 문자 U+{code}을(를) 쓸 수 없습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is not allowed: front matter may hold plain data only</source>
        <translation>{name}은(는) 쓸 수 없습니다: 머리말에는 일반 데이터만 둘 수 있습니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>YAML error: nested too deeply</source>
        <translation>YAML 오류: 너무 깊이 중첩되었습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>front matter must be `key: value` lines, but this is a list</source>
        <translation>머리말은 `키: 값` 줄이어야 하는데 목록입니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>front matter must be `key: value` lines, but this is a single value</source>
        <translation>머리말은 `키: 값` 줄이어야 하는데 값 하나입니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>front matter is not `key: value` lines</source>
        <translation>머리말이 `키: 값` 줄이 아닙니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>front matter holds several YAML documents</source>
        <translation>머리말에 YAML 문서가 여러 개 있습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a `{fence}` line ends the front matter here; the lines after it would become part of the post body (indent it or remove it)</source>
        <translation>`{fence}` 줄이 여기서 머리말을 끝냅니다. 그 아래 줄은 본문이 됩니다(들여쓰거나 지우세요)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>YAML error: {problem}</source>
        <translation>YAML 오류: {problem}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>; a value that starts with [ or { is read as a list; quote the whole value</source>
        <translation>. [ 또는 {로 시작하는 값은 목록으로 읽히니 값 전체를 따옴표로 감싸세요</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>; a line that is not `key: value` must be indented to continue the value above, or the whole value quoted</source>
        <translation>. `키: 값` 형식이 아닌 줄은 들여 써서 위 값을 잇거나 값 전체를 따옴표로 감싸야 합니다</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>front matter starts with --- but is never closed</source>
        <translation>머리말이 ---로 시작하지만 닫히지 않았습니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no front matter: Jekyll will not treat this file as a post</source>
        <translation>머리말이 없습니다. Jekyll이 이 파일을 글로 다루지 않습니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>key {key} appears more than once; the last one wins</source>
        <translation>키 {key}: 여러 번 나옵니다. 마지막 값이 쓰입니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no title in the front matter</source>
        <translation>머리말에 제목(title)이 없습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>image {url} points outside the site folder</source>
        <translation>이미지 {url}이(가) 사이트 폴더 밖을 가리킵니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>image {url} not found (no file {path})</source>
        <translation>이미지 {url}을(를) 찾을 수 없습니다 ({path} 파일 없음)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>date {value} is not a real date: Jekyll stops the whole site&apos;s build or moves the post to another day</source>
        <translation>날짜 {value}은(는) 달력에 없는 날짜입니다: Jekyll이 사이트 전체 빌드를 멈추거나 글을 다른 날로 옮깁니다</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;{tag}&gt; is not an HTML tag (write &amp;lt; for &lt;)</source>
        <translation>&lt;{tag}&gt;: HTML 태그가 아닙니다 (&lt;는 &amp;lt;로 쓰세요)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;{tag}&gt; is never closed</source>
        <translation>&lt;{tag}&gt; 태그가 닫히지 않았습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;/{tag}&gt; closes a tag that is not open</source>
        <translation>&lt;/{tag}&gt;: 열리지 않은 태그를 닫습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;{open}&gt; is not closed before &lt;/{tag}&gt;</source>
        <translation>&lt;{open}&gt; 태그가 &lt;/{tag}&gt; 앞에서 닫히지 않았습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>`{shown}` looks like a tag but is not HTML, so the page shows it as text (a space missing after `{start}`?)</source>
        <translation>`{shown}`: 태그처럼 보이지만 HTML이 아니어서 페이지에 글자로 나옵니다 (`{start}` 뒤에 빈칸이 빠졌나요?)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/core_wording_yaml.py" line="+22"/>
        <source>mapping values are not allowed here</source>
        <translation>여기에는 콜론(:)이 올 수 없습니다. 값에 `: `이 들어 있으면 값 전체를 따옴표로 감싸고, 아니면 들여쓰기를 확인하세요</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>found character &apos;\t&apos; that cannot start any token (while scanning for the next token)</source>
        <translation>탭 문자는 쓸 수 없습니다. YAML은 빈칸으로만 들여 쓰니 탭을 빈칸으로 바꾸세요</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>found character {char} that cannot start any token (while scanning for the next token)</source>
        <translation>{char} 문자로는 값을 시작할 수 없습니다. 값 전체를 따옴표로 감싸세요</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>could not find expected &apos;:&apos; (while scanning a simple key)</source>
        <translation>이 줄에 `키: 값`의 콜론(:)이 없습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sequence entries are not allowed here</source>
        <translation>여기에는 목록 항목(`- `)이 올 수 없습니다. 목록은 키 다음 줄부터 `- 항목`으로 들여 쓰고, 값이 -로 시작하면 값 전체를 따옴표로 감싸세요</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mapping keys are not allowed here</source>
        <translation>여기에는 `? ` 키가 올 수 없습니다. 값이 ?로 시작하면 값 전체를 따옴표로 감싸세요</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>found unexpected end of stream (while scanning a quoted scalar)</source>
        <translation>따옴표로 시작한 값이 머리말 끝까지 닫히지 않았습니다. 같은 따옴표로 값을 닫으세요</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>found unexpected document separator (while scanning a quoted scalar)</source>
        <translation>따옴표로 시작한 값이 닫히기 전에 문서 구분 줄(--- 또는 ...)이 나왔습니다. 같은 따옴표로 값을 닫으세요</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>found unknown escape character {char} (while scanning a double-quoted scalar)</source>
        <translation>큰따옴표 안에서 \ 뒤의 {char}은(는) 알 수 없는 이스케이프입니다. 역슬래시는 \\처럼 두 번 쓰거나 값을 작은따옴표로 감싸세요</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>expected escape sequence of {count} hexadecimal numbers, but found {found} (while scanning a double-quoted scalar)</source>
        <translation>큰따옴표 안의 \x, \u, \U 뒤에는 16진수 {count}자리가 와야 하는데 {found}이(가) 있습니다. 역슬래시는 \\처럼 두 번 쓰거나 값을 작은따옴표로 감싸세요</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>expected alphabetic or numeric character, but found {found} (while scanning an alias)</source>
        <translation>*로 시작하는 값은 별칭으로 읽히는데 * 뒤에 {found}이(가) 있습니다. 값 전체를 따옴표로 감싸세요</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>expected alphabetic or numeric character, but found {found} (while scanning an anchor)</source>
        <translation>&amp; 기호로 시작하는 값은 앵커로 읽히는데 &amp; 기호 뒤에 {found}이(가) 있습니다. 값 전체를 따옴표로 감싸세요</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>expected a comment or a line break, but found {found} (while scanning a block scalar)</source>
        <translation>| 또는 &gt;로 시작하는 값은 여러 줄 글이라 같은 줄에 글이 올 수 없습니다({found}). 글을 다음 줄부터 들여 쓰거나 값 전체를 따옴표로 감싸세요</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>expected chomping or indentation indicators, but found {found} (while scanning a block scalar)</source>
        <translation>| 또는 &gt; 바로 뒤에 {found}이(가) 올 수 없습니다. 값이 | 나 &gt;로 시작하면 값 전체를 따옴표로 감싸세요</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>expected indentation indicator in the range 1-9, but found 0 (while scanning a block scalar)</source>
        <translation>| 또는 &gt; 뒤의 들여쓰기 숫자는 1~9여야 하는데 0입니다. 값이 | 나 &gt;로 시작하면 값 전체를 따옴표로 감싸세요</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>expected URI, but found {found} (while parsing a tag)</source>
        <translation>!로 시작하는 값은 태그로 읽히는데 ! 뒤에 {found}이(가) 있습니다. 값 전체를 따옴표로 감싸세요</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expected &apos;&gt;&apos;, but found {found} (while parsing a tag)</source>
        <translation>!&lt;로 시작한 태그가 &gt;로 닫히지 않았습니다({found}). 값이 !로 시작하면 값 전체를 따옴표로 감싸세요</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>expected &lt;block end&gt;, but found {found} (while parsing a block mapping)</source>
        <translation>값이 끝난 뒤에 내용이 더 있습니다(찾은 것: {found}). 따옴표로 시작한 값은 닫는 따옴표에서 끝나니 안의 따옴표는 다른 따옴표로 바꾸거나 작은따옴표 안에서는 &apos;&apos;로 두 번 쓰세요. 아니면 들여쓰기를 확인하세요</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>expected &lt;block end&gt;, but found {found} (while parsing a block collection)</source>
        <translation>목록 뒤에 내용이 더 있습니다(찾은 것: {found}). 목록 항목(`- `)과 키의 들여쓰기를 맞추세요</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>expected the node content, but found {found} (while parsing a block node)</source>
        <translation>값이 와야 할 자리에 {found}이(가) 있습니다. 값이 이 문자로 시작하면 값 전체를 따옴표로 감싸세요</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>expected the node content, but found {found} (while parsing a flow node)</source>
        <translation>[ ] 또는 { } 안에서 항목이 와야 할 자리에 {found}이(가) 있습니다. 쉼표가 겹치거나 남지 않았는지 확인하세요</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>expected &apos;,&apos; or &apos;]&apos;, but got {found} (while parsing a flow sequence)</source>
        <translation>[ ] 목록 안에서 쉼표(,)나 닫는 ]가 와야 할 자리에 {found}이(가) 있습니다. 목록을 ]로 닫았는지 확인하세요</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>expected &apos;,&apos; or &apos;}&apos;, but got {found} (while parsing a flow mapping)</source>
        <translation>{ } 안에서 쉼표(,)나 닫는 }가 와야 할 자리에 {found}이(가) 있습니다. }로 닫았는지 확인하세요</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>found undefined tag handle {found} (while parsing a node)</source>
        <translation>!로 시작하는 값은 태그로 읽히는데 {found} 태그는 정의되지 않았습니다. 값 전체를 따옴표로 감싸세요</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expected &apos;&lt;document start&gt;&apos;, but found {found}</source>
        <translation>여기에는 문서 시작(---)이 와야 하는데 {found}이(가) 있습니다. %나 ...로 시작하는 줄을 확인하세요</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>found undefined alias {anchor}</source>
        <translation>정의되지 않은 별칭 {anchor}입니다. *로 시작하는 값은 별칭으로 읽히니 값 전체를 따옴표로 감싸세요</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>second occurrence (found duplicate anchor {anchor}; first occurrence)</source>
        <translation>앵커 {anchor}이(가) 두 번 나옵니다. &amp; 기호로 시작하는 값은 앵커로 읽히니 값 전체를 따옴표로 감싸세요</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>but found another document (expected a single document in the stream)</source>
        <translation>--- 줄 뒤에 YAML 문서가 하나 더 있습니다. 머리말에는 문서를 하나만 둘 수 있습니다</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>found unhashable key (while constructing a mapping)</source>
        <translation>목록이나 { }는 키가 될 수 없습니다. {{ }} 같은 Liquid 값은 값 전체를 따옴표로 감싸세요</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an alias refers to the list or mapping that contains it</source>
        <translation>별칭이 자신을 담은 목록이나 매핑을 가리킵니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>aliases expand to more than {budget} values (an alias bomb?)</source>
        <translation>별칭을 펼치면 값이 {budget}개를 넘습니다(별칭 폭탄?)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&apos;&lt;scalar&gt;&apos;</source>
        <translation>값</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;&lt;stream end&gt;&apos;</source>
        <translation>머리말 끝</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;&lt;block end&gt;&apos;</source>
        <translation>블록 끝</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;&lt;block mapping start&gt;&apos;</source>
        <translation>들여 쓴 `키: 값`</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;&lt;block sequence start&gt;&apos;</source>
        <translation>들여 쓴 목록 항목(`- `)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;&lt;document start&gt;&apos;</source>
        <translation>--- 줄</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;&lt;document end&gt;&apos;</source>
        <translation>... 줄</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;&lt;alias&gt;&apos;</source>
        <translation>별칭(*)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;&lt;anchor&gt;&apos;</source>
        <translation>앵커(&amp;)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;&lt;tag&gt;&apos;</source>
        <translation>태그(!)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;&lt;directive&gt;&apos;</source>
        <translation>지시문(%)</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../editor/ui/dialogs.py" line="+18"/>
        <source>Markdown posts (*.md *.markdown);;All files (*)</source>
        <translation>마크다운 글 (*.md *.markdown);;모든 파일 (*)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Unsaved changes</source>
        <translation>저장하지 않은 변경</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the changes to {name} before closing?</source>
        <translation>닫기 전에 {name}의 변경 내용을 저장할까요?</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Open Post</source>
        <translation>글 열기</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save Post As</source>
        <translation>다른 이름으로 글 저장</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export HTML</source>
        <translation>HTML 내보내기</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HTML (*.html)</source>
        <translation>HTML 파일 (*.html)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Jekyll Site Folder</source>
        <translation>Jekyll 사이트 폴더</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Editor Font</source>
        <translation>편집기 글꼴</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>in the window</source>
        <translation>창의 글</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>on disk</source>
        <translation>디스크의 파일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>recovered</source>
        <translation>복구용 사본</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(no differences)</source>
        <translation>(차이 없음)</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Recover unsaved text</source>
        <translation>저장하지 않은 글 복구</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Post Editor closed without saving {name}. A copy from {saved_at} was kept.
Show Details compares it with the file.</source>
        <translation>Post Editor가 {name}을(를) 저장하지 않고 종료되었습니다. {saved_at}에 만든 사본이 남아 있습니다.
자세히 보기에서 파일과 비교할 수 있습니다.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Restore</source>
        <translation>복구</translation>
    </message>
    <message>
        <location line="-118"/>
        <location line="+119"/>
        <source>Discard</source>
        <translation>버리기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Later</source>
        <translation>나중에</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>File changed on disk</source>
        <translation>디스크의 파일이 바뀜</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} was changed by another program. Show Details for the differences.</source>
        <translation>다른 프로그램이 {name}을(를) 바꾸었습니다. 달라진 부분은 자세히 보기에서 확인하세요.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reload</source>
        <translation>다시 불러오기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep Mine</source>
        <translation>내 것 유지</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>File deleted on disk</source>
        <translation>디스크에서 파일이 지워짐</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} was deleted or moved by another program. The text is still here: Save writes it back, Save As puts it elsewhere.</source>
        <translation>다른 프로그램이 {name} 파일을 지우거나 옮겼습니다. 글은 여기에 그대로 있습니다: 저장하면 다시 쓰고, 다른 이름으로 저장하면 다른 곳에 둡니다.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Save as UTF-8?</source>
        <translation>UTF-8로 저장할까요?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is stored as {encoding}, which cannot hold some characters of the text (an emoji, for one). Save it as UTF-8, which holds them all and which Jekyll reads?</source>
        <translation>{name} 파일은 {encoding}(으)로 저장되어 있어 글의 일부 문자(이모지 등)를 담을 수 없습니다. 모든 문자를 담을 수 있고 Jekyll이 읽는 UTF-8로 저장할까요?</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Save as UTF-8</source>
        <translation>UTF-8로 저장</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Overwrite changes on disk?</source>
        <translation>디스크의 변경 내용을 덮어쓸까요?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} was changed on disk by another program. Save over it anyway?</source>
        <translation>다른 프로그램이 디스크의 {name}을(를) 바꾸었습니다. 그래도 덮어써서 저장할까요?</translation>
    </message>
    <message>
        <location filename="../../editor/ui/safety.py" line="+172"/>
        <source>an untitled post</source>
        <translation>제목 없는 글</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <location filename="../../editor/ui/document.py" line="+114"/>
        <source>Untitled</source>
        <translation>제목 없음</translation>
    </message>
</context>
<context>
    <name>FindReplaceBar</name>
    <message>
        <location filename="../../editor/ui/find_replace.py" line="+76"/>
        <source>Find</source>
        <translation>찾기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace with</source>
        <translation>바꿀 내용</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Match case</source>
        <translation>대소문자 구분</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whole word</source>
        <translation>단어 단위</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regex</source>
        <translation>정규식</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Previous</source>
        <translation>이전</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next</source>
        <translation>다음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace</source>
        <translation>바꾸기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace all</source>
        <translation>모두 바꾸기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Find…</source>
        <translation>찾기(&amp;F)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Replace…</source>
        <translation>바꾸기(&amp;R)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Find &amp;Next</source>
        <translation>다음 찾기(&amp;N)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Find &amp;Previous</source>
        <translation>이전 찾기(&amp;P)</translation>
    </message>
    <message>
        <location line="+121"/>
        <source>Invalid regular expression: {error}</source>
        <translation>잘못된 정규식: {error}</translation>
    </message>
    <message>
        <location line="+31"/>
        <location line="+7"/>
        <source>No matches</source>
        <translation>찾는 내용 없음</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Replaced 1 match</source>
        <translation>1개 바꿈</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replaced {count} matches</source>
        <translation>{count}개 바꿈</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>1 match</source>
        <translation>1개 찾음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} matches</source>
        <translation>{count}개 찾음</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>{index} of {count}</source>
        <translation>{count}개 중 {index}번째</translation>
    </message>
    <message>
        <location line="+30"/>
        <location line="+16"/>
        <source>Invalid replacement: {error}</source>
        <translation>잘못된 바꿀 내용: {error}</translation>
    </message>
</context>
<context>
    <name>FormatBar</name>
    <message>
        <location filename="../../editor/ui/formatting.py" line="+48"/>
        <source>Bold</source>
        <translation>굵게</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Italic</source>
        <translation>기울임</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+1"/>
        <source>Link</source>
        <translation>링크</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Image link (Markdown)</source>
        <translation>이미지 링크 (마크다운)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Bulleted list</source>
        <translation>글머리 기호 목록</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Numbered list</source>
        <translation>번호 목록</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Quote</source>
        <translation>인용</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Code (inline, or a fenced block)</source>
        <translation>코드 (줄 안, 또는 코드 블록)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Horizontal rule</source>
        <translation>구분선</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Table</source>
        <translation>표</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insert Markdown table</source>
        <translation>마크다운 표 넣기</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Insert HTML table</source>
        <translation>HTML 표 넣기</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Markdown heading (##)</source>
        <translation>마크다운 제목 (##)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Spacer paragraph</source>
        <translation>빈 문단</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Image link: insert Markdown ![alt](url)</source>
        <translation>이미지 링크: 마크다운 ![설명](주소) 넣기</translation>
    </message>
    <message>
        <location filename="../../editor/ui/edit_ops.py" line="+45"/>
        <source>Header 1</source>
        <translation>항목 1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Header 2</source>
        <translation>항목 2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cell</source>
        <translation>내용</translation>
    </message>
</context>
<context>
    <name>FormattingToolbar</name>
    <message>
        <location filename="../../editor/ui/formatting.py" line="+11"/>
        <source>Formatting</source>
        <translation>서식</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>B+colour</source>
        <translation>굵게+색</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Colours are bold</source>
        <translation>색을 입힐 때 굵게</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Text colour</source>
        <translation>글자 색</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Highlight</source>
        <translation>배경 색</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Remove formatting</source>
        <translation>서식 지우기</translation>
    </message>
    <message>
        <location line="+37"/>
        <location line="+19"/>
        <source>Heading</source>
        <translation>제목</translation>
    </message>
    <message>
        <location line="-84"/>
        <source>Insert image file…</source>
        <translation>이미지 파일 넣기…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image file: copy a picture into the site and insert it</source>
        <translation>이미지 파일: 그림을 사이트에 복사해 넣기</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Image file…</source>
        <translation>이미지 파일…</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Markdown heading {level} ({marks})</source>
        <translation>마크다운 제목 {level} ({marks})</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Tistory heading, level {level} (size {size})</source>
        <translation>티스토리 제목, {level}단계 (크기 {size})</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Paragraph size</source>
        <translation>문단 크기</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Size {size}</source>
        <translation>크기 {size}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{tool}: apply the last colour</source>
        <translation>{tool}: 마지막 색 적용</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Select text first, or put the cursor in a word.</source>
        <translation>먼저 글자를 선택하거나 커서를 단어 안에 두세요.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The selection cuts through a tag closed in another paragraph; select less or fix the HTML first.</source>
        <translation>선택 범위가 다른 문단에서 닫히는 태그를 가로지릅니다. 더 좁게 선택하거나 HTML을 먼저 고치세요.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No span or bold/italic markup at the cursor.</source>
        <translation>커서 위치에 span이나 굵게·기울임 서식이 없습니다.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Set a site folder first: images are copied into it.</source>
        <translation>먼저 사이트 폴더를 지정하세요. 이미지는 그 안으로 복사됩니다.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Insert Image</source>
        <translation>이미지 넣기</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Images ({patterns})</source>
        <translation>이미지 ({patterns})</translation>
    </message>
</context>
<context>
    <name>FrontMatterForm</name>
    <message>
        <location filename="../../editor/ui/front_matter_form.py" line="+45"/>
        <source>Choose Image</source>
        <translation>이미지 고르기</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Images (*.png *.jpg *.jpeg *.gif *.webp *.svg)</source>
        <translation>이미지 (*.png *.jpg *.jpeg *.gif *.webp *.svg)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Front matter YAML error at line {line}, column {column}: {message}</source>
        <translation>머리말 YAML 오류 ({line}행 {column}열): {message}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Front matter YAML error: {message}</source>
        <translation>머리말 YAML 오류: {message}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Line {line}, column {column}: {message}</source>
        <translation>{line}행 {column}열: {message}</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Raw YAML</source>
        <translation>YAML 직접 편집</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Front matter</source>
        <translation>머리말</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Categories</source>
        <translation>카테고리</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>태그</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Excerpt</source>
        <translation>요약</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feature text</source>
        <translation>대표 문구</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Choose…</source>
        <translation>고르기…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Image</source>
        <translation>이미지</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>날짜</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Layout</source>
        <translation>레이아웃</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>Saved, but the front matter is not valid YAML (kept as typed): {error}</source>
        <translation>저장했지만 머리말이 올바른 YAML이 아닙니다 (입력한 그대로 둠): {error}</translation>
    </message>
    <message>
        <location filename="../../editor/ui/front_matter_date.py" line="+53"/>
        <source>From the file name, or like {example}</source>
        <translation>파일 이름의 날짜, 또는 {example} 형식</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Pick the day from a calendar</source>
        <translation>달력에서 날짜 고르기</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Not a date Jekyll reads; write it like {example}</source>
        <translation>Jekyll이 읽을 수 없는 날짜입니다. {example}처럼 쓰세요</translation>
    </message>
    <message>
        <location filename="../../editor/ui/front_matter_form.py" line="+44"/>
        <source>Could not apply the change: {error}</source>
        <translation>변경 내용을 적용하지 못했습니다: {error}</translation>
    </message>
</context>
<context>
    <name>GoToLine</name>
    <message>
        <location filename="../../editor/ui/goto_line.py" line="+30"/>
        <source>Go to Line</source>
        <translation>줄로 이동</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line ({first}–{last}):</source>
        <translation>줄 ({first}–{last}):</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../editor/ui/history_dialog.py" line="+42"/>
        <source>Local History</source>
        <translation>로컬 기록</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Restore</source>
        <translation>복원</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The saved version from {when} is damaged.</source>
        <translation>{when}에 저장한 버전이 손상되었습니다.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not read the saved version: {reason}</source>
        <translation>저장된 버전을 읽을 수 없습니다: {reason}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(no differences)</source>
        <translation>(차이 없음)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>now</source>
        <translation>현재</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>saved version</source>
        <translation>저장된 버전</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Local History &amp;Settings…</source>
        <translation>로컬 기록 설정(&amp;S)…</translation>
    </message>
</context>
<context>
    <name>HistoryLimitsDialog</name>
    <message>
        <location line="-49"/>
        <source>Local History Settings</source>
        <translation>로컬 기록 설정</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> versions</source>
        <translation>개 버전</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> days</source>
        <translation>일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>any age</source>
        <translation>기간 제한 없음</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Keep the last</source>
        <translation>최근 버전 보관 수</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep them for</source>
        <translation>보관 기간</translation>
    </message>
</context>
<context>
    <name>LanguageChoice</name>
    <message>
        <location filename="../../editor/ui/i18n.py" line="+104"/>
        <source>System language</source>
        <translation>시스템 언어</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../editor/ui/main_window.py" line="+175"/>
        <source>Outline</source>
        <translation>개요</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>The new language shows after Post Editor restarts.</source>
        <translation>Post Editor를 다시 시작하면 새 언어로 표시됩니다.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Not a Jekyll site</source>
        <translation>Jekyll 사이트가 아님</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{folder} has no _config.yml.</source>
        <translation>{folder}에 _config.yml이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../editor/ui/window_files.py" line="+72"/>
        <source>Could not open</source>
        <translation>열 수 없음</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Could not save</source>
        <translation>저장할 수 없음</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saved {name}</source>
        <translation>{name} 저장함</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Could not export</source>
        <translation>내보낼 수 없음</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Exported {name}</source>
        <translation>{name} 내보냄</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Publish</source>
        <translation>발행</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the site folder first (File &gt; Site Folder).</source>
        <translation>먼저 사이트 폴더를 고르세요 (파일 &gt; 사이트 폴더).</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Published.</source>
        <translation>발행했습니다.</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+13"/>
        <source>Local History</source>
        <translation>로컬 기록</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>There are no saved versions of this post yet.</source>
        <translation>이 글의 저장된 버전이 아직 없습니다.</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="+23"/>
        <source>Read-only: {reason}</source>
        <translation>읽기 전용: {reason}</translation>
    </message>
    <message>
        <location filename="../../editor/ui/widgets.py" line="+42"/>
        <source>&amp;Go to Line…</source>
        <translation>줄로 이동(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../editor/ui/window_menus.py" line="+13"/>
        <source>&amp;System</source>
        <translation>시스템(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Light</source>
        <translation>밝게(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Dark</source>
        <translation>어둡게(&amp;D)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;New from Template</source>
        <translation>템플릿으로 새 글(&amp;N)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Open…</source>
        <translation>열기(&amp;O)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open &amp;Recent</source>
        <translation>최근 파일(&amp;R)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Save</source>
        <translation>저장(&amp;S)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save &amp;As…</source>
        <translation>다른 이름으로 저장(&amp;A)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Export HTML…</source>
        <translation>HTML 내보내기(&amp;E)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Local &amp;History…</source>
        <translation>로컬 기록(&amp;H)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Publish…</source>
        <translation>발행(&amp;P)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Site &amp;Folder…</source>
        <translation>사이트 폴더(&amp;F)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Close</source>
        <translation>닫기(&amp;C)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F&amp;ormat</source>
        <translation>서식(&amp;O)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Undo</source>
        <translation>실행 취소(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo</source>
        <translation>다시 실행(&amp;R)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Theme</source>
        <translation>테마(&amp;T)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Editor &amp;Font…</source>
        <translation>편집기 글꼴(&amp;F)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Zoom &amp;In</source>
        <translation>확대(&amp;I)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Zoom &amp;Out</source>
        <translation>축소(&amp;O)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Reset Zoom</source>
        <translation>원래 크기(&amp;R)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Raw &amp;YAML Front Matter</source>
        <translation>머리말 YAML 직접 편집(&amp;Y)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Show Front &amp;Matter</source>
        <translation>머리말 보기(&amp;M)</translation>
    </message>
</context>
<context>
    <name>MarkdownEdit</name>
    <message>
        <location filename="../../editor/ui/markdown_edit.py" line="+208"/>
        <source>Set a site folder first: images are copied into the site.</source>
        <translation>먼저 사이트 폴더를 지정하세요. 이미지는 사이트 안으로 복사됩니다.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{name} is larger than 50 MB</source>
        <translation>{name} 파일이 50MB보다 큽니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not add image {name}: {error}</source>
        <translation>이미지 {name}을(를) 추가하지 못했습니다: {error}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Image added: {url}</source>
        <translation>이미지를 추가했습니다: {url}</translation>
    </message>
</context>
<context>
    <name>OutlinePanel</name>
    <message>
        <location filename="../../editor/ui/outline_panel.py" line="+67"/>
        <source>(untitled)</source>
        <translation>(제목 없음)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Line {number}</source>
        <translation>{number}행</translation>
    </message>
</context>
<context>
    <name>Palette</name>
    <message>
        <location filename="../../editor/ui/palette.py" line="+21"/>
        <source>Red</source>
        <translation>빨강</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark blue</source>
        <translation>진한 파랑</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orange</source>
        <translation>주황</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Teal</source>
        <translation>청록</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blue</source>
        <translation>파랑</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purple</source>
        <translation>보라</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wine</source>
        <translation>자주</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Indigo</source>
        <translation>남색</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Brown</source>
        <translation>갈색</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark grey</source>
        <translation>진한 회색</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grey</source>
        <translation>회색</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Light grey</source>
        <translation>연한 회색</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>White</source>
        <translation>흰색</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pink</source>
        <translation>분홍</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apricot</source>
        <translation>살구</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mint</source>
        <translation>민트</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sky</source>
        <translation>하늘</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lavender</source>
        <translation>연보라</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blue-grey</source>
        <translation>청회색</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yellow</source>
        <translation>노랑</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Custom highlight colour</source>
        <translation>배경 색 직접 고르기</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Custom text colour</source>
        <translation>글자 색 직접 고르기</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Custom colour…</source>
        <translation>색 직접 고르기…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Text colour</source>
        <translation>글자 색</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Highlight</source>
        <translation>배경 색</translation>
    </message>
</context>
<context>
    <name>Preview</name>
    <message>
        <location filename="../../editor/ui/preview.py" line="+76"/>
        <source>Image not found in the site folder</source>
        <translation>사이트 폴더에 없는 그림</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remote image, not loaded in the preview</source>
        <translation>원격 그림 (미리보기에서는 불러오지 않음)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Embedded frame, not loaded in the preview</source>
        <translation>삽입된 프레임 (미리보기에서는 불러오지 않음)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image without an address the preview may load</source>
        <translation>미리보기에서 불러올 수 있는 주소가 없는 그림</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(no address)</source>
        <translation>(주소 없음)</translation>
    </message>
</context>
<context>
    <name>PublishDialog</name>
    <message>
        <location filename="../../editor/ui/publish_dialog.py" line="+46"/>
        <source>Automatic (file name, front matter slug, numbering, or title)</source>
        <translation>자동 (파일 이름, 머리말의 `slug`, 번호 또는 제목)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Front matter `slug`</source>
        <translation>머리말의 `slug`</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title, as Jekyll slugifies it (Korean kept)</source>
        <translation>제목, Jekyll 방식 슬러그 (한글 유지)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title, romanised to ASCII</source>
        <translation>제목, 로마자(ASCII)로 변환</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next number (sites that name posts by number)</source>
        <translation>다음 번호 (글을 번호로 부르는 사이트)</translation>
    </message>
    <message>
        <location line="+37"/>
        <location line="+59"/>
        <location line="+69"/>
        <source>Publish</source>
        <translation>발행</translation>
    </message>
    <message>
        <location line="-103"/>
        <source>from the slug mode</source>
        <translation>슬러그 방식에 따라 자동</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>from the front matter, else the day of publishing</source>
        <translation>머리말의 날짜, 없으면 발행하는 날</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Now</source>
        <translation>지금</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Publish with today&apos;s date and the current time</source>
        <translation>오늘 날짜와 지금 시각으로 발행</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save as a draft (_drafts/)</source>
        <translation>초안으로 저장 (_drafts/)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace the existing post (see the diff below)</source>
        <translation>기존 글 바꾸기 (아래 차이 참고)</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Commit (“Publish: {title}”)</source>
        <translation>커밋 (“Publish: {title}”)</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>Push the branch</source>
        <translation>브랜치 푸시</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Slug mode:</source>
        <translation>슬러그 방식:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Slug:</source>
        <translation>슬러그:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date:</source>
        <translation>날짜:</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Commit (“Draft: {title}”)</source>
        <translation>커밋 (“Draft: {title}”)</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Save Draft</source>
        <translation>초안 저장</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot publish: {reason}</source>
        <translation>발행할 수 없습니다: {reason}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This post was published before as {path}: tick “Replace” to update it, or type a slug to publish a copy.</source>
        <translation>이 글은 이미 {path}(으)로 발행되었습니다. 고치려면 “기존 글 바꾸기”를 선택하고, 사본으로 발행하려면 슬러그를 입력하세요.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A post with this name exists: tick “Replace” to overwrite it, or change the slug.</source>
        <translation>같은 이름의 글이 이미 있습니다. 덮어쓰려면 “기존 글 바꾸기”를 선택하거나 슬러그를 바꾸세요.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Already published with the same content: nothing to do.</source>
        <translation>같은 내용으로 이미 발행되었습니다. 할 일이 없습니다.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Will write {target} and copy {count} image(s)</source>
        <translation>{target}에 쓰고 이미지 {count}개를 복사합니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Will write {target}</source>
        <translation>{target}에 씁니다</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Saved the draft: {where}</source>
        <translation>초안을 저장했습니다: {where}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Published: {where}</source>
        <translation>발행됨: {where}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Published the files, but git needs you: {error}</source>
        <translation>파일은 발행했지만 git 작업에 확인이 필요합니다: {error}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not published: {error}</source>
        <translation>발행하지 않았습니다: {error}</translation>
    </message>
</context>
<context>
    <name>PublishPlan</name>
    <message>
        <location filename="../../editor/ui/publish_text.py" line="+21"/>
        <source>Publish “{title}” into {site}</source>
        <translation>발행: “{title}” → {site}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the draft “{title}” into {site}</source>
        <translation>초안 저장: “{title}” → {site}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  file: {path}</source>
        <translation>  파일: {path}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  slug: {slug} ({mode})   date: {date}</source>
        <translation>  슬러그: {slug} ({mode})   날짜: {date}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  slug: {slug} ({mode})   date: none yet (the day it is published)</source>
        <translation>  슬러그: {slug} ({mode})   날짜: 아직 없음 (발행하는 날)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>  address: {url}</source>
        <translation>  주소: {url}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing to do: the same content is already published.</source>
        <translation>할 일이 없습니다. 같은 내용으로 이미 발행되었습니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Steps:</source>
        <translation>할 일:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  write {path}</source>
        <translation>  쓰기: {path}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  replace {path}</source>
        <translation>  바꾸기: {path}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  reuse {path} (same content as {source})</source>
        <translation>  재사용: {path} (같은 내용: {source})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  copy {source} → {path}</source>
        <translation>  복사: {source} → {path}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  remove {path} (the draft moves to _posts)</source>
        <translation>  삭제: {path} (초안을 _posts로 옮김)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  run: git {command}</source>
        <translation>  실행: git {command}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>conflict: {path} exists with other content; tick “Replace” to replace it</source>
        <translation>충돌: {path}에 다른 내용이 있습니다. 바꾸려면 “기존 글 바꾸기”를 선택하세요</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot publish: nothing will be written.</source>
        <translation>발행할 수 없습니다. 아무것도 쓰지 않습니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>  git: stage {paths}</source>
        <translation>  git 스테이징: {paths}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  git: commit “{message}”</source>
        <translation>  git 커밋: “{message}”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  git: push the branch {branch} to {remote}</source>
        <translation>  git 푸시: {branch} 브랜치 → {remote}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>typed in</source>
        <translation>직접 입력</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kept from the file name</source>
        <translation>파일 이름 유지</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>already published under this name</source>
        <translation>이미 이 이름으로 발행됨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>front matter</source>
        <translation>머리말</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>next number</source>
        <translation>다음 번호</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>title</source>
        <translation>제목</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>romanised title</source>
        <translation>로마자 제목</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>this post cannot be published as it is: {reason}</source>
        <translation>이 글은 지금 상태로 발행할 수 없습니다: {reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the front matter cannot be read (line {row}, column {column}): {detail}</source>
        <translation>머리말을 읽을 수 없습니다 ({row}행 {column}열): {detail}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the post has no title: add `title:` to the front matter</source>
        <translation>제목이 없습니다. 머리말에 `title:`을 넣으세요</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>image not found: {url}</source>
        <translation>이미지를 찾을 수 없습니다: {url}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>image larger than 50 MB: {path}</source>
        <translation>이미지가 50MB보다 큽니다: {path}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot read image {path}: {reason}</source>
        <translation>이미지를 읽을 수 없습니다: {path} ({reason})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>refusing to replace the symbolic link {path}</source>
        <translation>심볼릭 링크는 바꾸지 않습니다: {path}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>refusing a path outside the site or through a symbolic link: {path}</source>
        <translation>사이트 밖이나 심볼릭 링크를 거치는 경로에는 쓰지 않습니다: {path}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{root} is not a git repository: untick Commit and Push</source>
        <translation>git 저장소가 아닙니다: {root}. 커밋과 푸시를 끄세요</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>git does not know who you are: set user.name and user.email first</source>
        <translation>git 사용자 정보가 없습니다. 먼저 user.name과 user.email을 설정하세요</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the site repository is not on a branch (detached HEAD): cannot push</source>
        <translation>사이트 저장소가 브랜치에 있지 않아(detached HEAD) 푸시할 수 없습니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the site repository has no remote to push to</source>
        <translation>사이트 저장소에 푸시할 원격 저장소가 없습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the slug is empty: type one in Slug or add `slug:` to the front matter</source>
        <translation>슬러그가 비어 있습니다. 슬러그 칸에 적거나 머리말에 `slug:`를 넣으세요</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>slug “{slug}”: it contains a path separator</source>
        <translation>슬러그 “{slug}”: 경로 구분자(/, \)가 들어 있습니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>slug “{slug}”: it contains a control character (NUL, tab, newline...)</source>
        <translation>슬러그 “{slug}”: 제어 문자(NUL, 탭, 줄바꿈 등)가 들어 있습니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>slug “{slug}”: it starts or ends with a dot or a space</source>
        <translation>슬러그 “{slug}”: 점이나 공백으로 시작하거나 끝납니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>slug “{slug}”: a reserved device name on Windows; choose another</source>
        <translation>슬러그 “{slug}”: Windows의 예약된 장치 이름입니다. 다른 슬러그를 고르세요</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>slug “{slug}”: it contains a character Windows forbids in file names</source>
        <translation>슬러그 “{slug}”: Windows 파일 이름에 쓸 수 없는 문자가 들어 있습니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the slug is longer than {limit} bytes; shorten it</source>
        <translation>슬러그가 {limit}바이트보다 깁니다. 줄이세요</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown slug mode “{mode}”</source>
        <translation>알 수 없는 슬러그 방식: “{mode}”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the front matter has no `slug:`; choose another slug mode</source>
        <translation>머리말에 `slug:`가 없습니다. 다른 슬러그 방식을 고르세요</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>this site does not name its posts by number; choose another slug mode</source>
        <translation>이 사이트는 글을 번호로 부르지 않습니다. 다른 슬러그 방식을 고르세요</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“{value}” is not a date like 2024-07-22 or 2024-07-22 10:30:00 +0900</source>
        <translation>“{value}”: 날짜 형식이 아닙니다. 2024-07-22 또는 2024-07-22 10:30:00 +0900처럼 쓰세요</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“{value}” is not a real date</source>
        <translation>“{value}”: 없는 날짜입니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a post with the same title is already in the site: {paths}</source>
        <translation>제목이 같은 글이 이미 사이트에 있습니다: {paths}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>write {name}</source>
        <translation>쓰기: {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>copy {name}</source>
        <translation>복사: {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>remove {name}</source>
        <translation>삭제: {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stage the post and its images</source>
        <translation>글과 이미지 스테이징</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>commit “{message}”</source>
        <translation>커밋: “{message}”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>push {branch} to {remote}</source>
        <translation>푸시: {branch} → {remote}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>git: nothing new to commit</source>
        <translation>git: 새로 커밋할 변경이 없습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>committed {commit} “{message}”</source>
        <translation>커밋했습니다: {commit} “{message}”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pushed {branch} to {remote}</source>
        <translation>푸시했습니다: {branch} → {remote}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>recovered an interrupted publish: {detail}</source>
        <translation>중단된 발행을 정리했습니다: {detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nothing was published: {reason}</source>
        <translation>아무것도 발행하지 않았습니다: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>committed, but the push failed: {reason}</source>
        <translation>커밋은 했지만 푸시하지 못했습니다: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The push was rejected: {remote}/{branch} has commits that are not here. Your commit is kept locally; nothing was forced. To publish it, run:</source>
        <translation>푸시가 거절되었습니다: {remote}/{branch}에 여기 없는 커밋이 있습니다. 커밋은 로컬에 남겨 두었고 강제로 푸시하지 않았습니다. 발행하려면 다음을 실행하세요:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>git push failed (your commit is kept): {detail}</source>
        <translation>git 푸시에 실패했습니다(커밋은 남아 있습니다): {detail}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} changed since the plan was made; open Publish again</source>
        <translation>계획을 세운 뒤 파일이 바뀌었습니다: {path}. 발행 창을 다시 여세요</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} appeared since the plan was made; open Publish again</source>
        <translation>계획을 세운 뒤 파일이 생겼습니다: {path}. 발행 창을 다시 여세요</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} is gone since the plan was made; open Publish again</source>
        <translation>계획을 세운 뒤 파일이 없어졌습니다: {path}. 발행 창을 다시 여세요</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>could not read the publish journal {path}: {reason}</source>
        <translation>발행 기록 파일을 읽을 수 없습니다: {path} ({reason})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>publish journal {path} left in place, could not recover: {reason}</source>
        <translation>복구하지 못해 발행 기록 파일을 그대로 두었습니다: {path} ({reason})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>an interrupted publish had already committed to git: kept it, cleaned up</source>
        <translation>중단된 발행이 이미 git에 커밋되어 있어 그대로 두고 정리했습니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>rolled back an interrupted publish of {count} file(s)</source>
        <translation>중단된 발행을 되돌렸습니다 (파일 {count}개)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>restored {name}</source>
        <translation>되살림: {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>removed the half-published {name}</source>
        <translation>덜 발행된 파일 삭제: {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>could not unstage the published paths in git: {reason}</source>
        <translation>git 스테이징을 되돌리지 못했습니다: {reason}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>error</source>
        <translation>오류</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>warning</source>
        <translation>경고</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>line {line}: </source>
        <translation>{line}행: </translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (front matter `image`)</source>
        <translation> (머리말 `image`)</translation>
    </message>
</context>
<context>
    <name>RecentFilesMenu</name>
    <message>
        <location filename="../../editor/ui/recent_files.py" line="+60"/>
        <source>(none)</source>
        <translation>(없음)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear List</source>
        <translation>목록 지우기</translation>
    </message>
</context>
<context>
    <name>SpellCheck</name>
    <message>
        <location filename="../../editor/ui/spell.py" line="+80"/>
        <source>Check &amp;Spelling</source>
        <translation>영어 철자 검사(&amp;S)</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>No {languages} dictionary: those words are not checked.</source>
        <translation>{languages} 사전이 없어서 그 언어의 단어는 검사하지 않습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Korean</source>
        <translation>한국어</translation>
    </message>
    <message>
        <location line="-85"/>
        <source>Underline misspelt English words as you type</source>
        <translation>입력하는 동안 철자가 틀린 영어 단어에 밑줄을 긋습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check &amp;Korean Spelling</source>
        <translation>맞춤법 검사(&amp;K)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Underline misspelt Korean words (loads the Korean dictionary, about 50 MB)</source>
        <translation>맞춤법이 틀린 한국어 낱말에 밑줄을 긋습니다 (한국어 사전을 불러오며 약 50MB를 씁니다)</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Loading the Korean dictionary…</source>
        <translation>한국어 사전을 불러오는 중…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loading the English dictionary…</source>
        <translation>영어 사전을 불러오는 중…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>no English dictionary is installed</source>
        <translation>영어 사전이 설치되어 있지 않습니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Spell check is off: no dictionary could be loaded ({reason})</source>
        <translation>맞춤법 검사를 껐습니다. 사전을 불러올 수 없습니다 ({reason})</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>(No Suggestions)</source>
        <translation>(추천 단어 없음)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add to Dictionary</source>
        <translation>사전에 추가</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ignore</source>
        <translation>무시</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Could not save “{word}” in the personal word list: {error}</source>
        <translation>“{word}”을(를) 개인 단어 목록에 저장하지 못했습니다: {error}</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../editor/ui/status_bar.py" line="+12"/>
        <source>Ln {line}, Col {column}</source>
        <translation>{line}행, {column}열</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{words} words · {chars} chars ({chars_no_spaces} without spaces) · ~{minutes} min read</source>
        <translation>{words}단어 · {chars}자 (공백 제외 {chars_no_spaces}자) · 약 {minutes}분 분량</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Characters (글자수): with spaces / without spaces</source>
        <translation>글자수: 공백 포함 / 공백 제외</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Characters (글자수): with spaces / without spaces
200-square manuscript pages (원고지): {pages}</source>
        <translation>글자수: 공백 포함 / 공백 제외
200자 원고지: {pages}매</translation>
    </message>
</context>
</TS>
