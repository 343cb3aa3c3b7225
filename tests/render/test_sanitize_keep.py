"""What Tistory posts need survives the sanitiser unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.render.pipeline import render_body
from editor.render.sanitize import sanitize_html

REFERENCE = (
    Path(__file__).resolve().parents[2]
    / "resources/sample_site/_posts/2023-09-29-digital-transformation.md"
)

UNCHANGED = [
    '<b><span style="color: #ee2323;">빨간 글씨</span></b>',
    '<b><span style="background-color: #21538527;">15% 파랑 배경</span></b>',
    '<span style="color: #1a5490; font-size: 16px;">파랑</span>',
    '<p data-ke-size="size16">&nbsp;</p>',
    '<h2 data-ke-size="size26">제목</h2>',
    '<h3 id="heading-1" data-ke-size="size23">소제목</h3>',
    '<p style="text-align: center;">가운데</p>',
    '<table style="width: 100%;"><tbody><tr><td style="text-align: center; height: 17px;"'
    ' colspan="2" rowspan="3">셀</td></tr></tbody></table>',
    '<figure class="imageblock alignCenter" data-ke-mobilestyle="widthOrigin">'
    '<img src="/assets/img/x.jpg" alt="사진" width="600" height="400" title="t">'
    "<figcaption>설명</figcaption></figure>",
    '<a href="https://newsdao.kr/2899" rel="dofollow">출처</a>',
    '<a href="mailto:a@example.com">메일</a> <a href="#fn:1">1</a> <a href="../other/">상대</a>',
    '<ul><li>하나</li></ul><ol start="3"><li>셋</li></ol>',
    "<blockquote><p>인용</p></blockquote><hr>",
    '<pre><code class="language-python">print("&lt;b&gt;")</code></pre>',
    "<p>x<sup>2</sup> H<sub>2</sub>O <del>a</del> <ins>b</ins> <mark>c</mark> <kbd>Ctrl</kbd>"
    " <s>d</s> <u>e</u> <i>f</i> <em>g</em> <strong>h</strong><br></p>",
    '<div class="highlighter-rouge"><div class="highlight"><pre class="highlight"><code>'
    '<span class="k">def</span></code></pre></div></div>',
    '<font color="#ee2323" size="3">옛 태그</font>',
]


@pytest.mark.parametrize("fragment", UNCHANGED)
def test_tistory_markup_passes_unchanged(fragment: str) -> None:
    assert sanitize_html(fragment) == fragment


def test_reference_post_loses_only_whitespace_level_detail() -> None:
    body = REFERENCE.read_text(encoding="utf-8").split("---\n", 2)[2]
    rendered = render_body(body)
    cleaned = sanitize_html(rendered)
    assert cleaned.count("#21538527") == rendered.count("#21538527") > 0
    assert cleaned.count("color: #ee2323;") == rendered.count("color: #ee2323;") > 0
    assert cleaned.count("color: #1a5490;") == rendered.count("color: #1a5490;") > 0
    assert cleaned.count('data-ke-size="size16"') == rendered.count('data-ke-size="size16"')
    assert cleaned.count("<td") == rendered.count("<td") == 18
    assert 'href="https://newsdao.kr/2899"' in cleaned


def test_task_list_checkbox_stays_a_disabled_checkbox() -> None:
    output = sanitize_html('<li><input type="checkbox" checked disabled> 할 일</li>')
    assert 'type="checkbox"' in output
    assert 'checked=""' in output
    assert "disabled" in output
    text_box = sanitize_html('<input type="text" name="q">')
    assert sorted(text_box.removeprefix("<input ").removesuffix(">").split()) == [
        'disabled="disabled"',
        'type="checkbox"',
    ]


def test_non_html_tags_keep_their_text() -> None:
    output = sanitize_html('<pdata-ke-size="size16">본문</pdata-ke-size>')
    assert "본문" in output
    assert "pdata" not in output
