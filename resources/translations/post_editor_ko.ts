<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko" sourcelanguage="en">
<context>
    <name>LanguageChoice</name>
    <message>
        <location filename="../../editor/ui/i18n.py" line="+42"/>
        <source>System language</source>
        <translation>시스템 언어</translation>
    </message>
</context>
<context>
    <name>MarkdownEdit</name>
    <message>
        <location filename="../../editor/ui/markdown_edit.py" line="+167"/>
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
    <name>SpellCheck</name>
    <message>
        <location filename="../../editor/ui/spell.py" line="+124"/>
        <source>Check &amp;Spelling</source>
        <translation>맞춤법 검사(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Underline misspelt Korean and English words</source>
        <translation>맞춤법이 틀린 한국어·영어 단어에 밑줄을 긋습니다</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Loading the spelling dictionaries…</source>
        <translation>맞춤법 사전을 불러오는 중…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>No {languages} dictionary: those words are not checked.</source>
        <translation>{languages} 사전이 없어서 그 언어의 단어는 검사하지 않습니다.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Korean</source>
        <translation>한국어</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>English</source>
        <translation>영어</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Spell check is off: no dictionary could be loaded ({reason})</source>
        <translation>맞춤법 검사를 껐습니다. 사전을 불러올 수 없습니다 ({reason})</translation>
    </message>
    <message>
        <location line="+46"/>
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
</TS>
