"""The preview page: one stable structure, the post's parts, pictures from the site only."""

from __future__ import annotations

import base64
import hashlib
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from editor.core.post import Post
from editor.core.site import Site
from editor.render.blocks import VOID_ELEMENTS
from editor.render.page import body_blocks, page_css, render_page
from editor.render.pipeline import render_body

SAMPLE_SITE = Path(__file__).resolve().parents[2] / "resources" / "sample_site"
PICTURE = SAMPLE_SITE / "assets" / "img" / "newsdao_breakingnews.jpg"


class Node:
    def __init__(self, tag: str, attrs: dict[str, str | None], parent: Node | None) -> None:
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Node] = []
        self.text = ""

    def all(self) -> list[Node]:
        found = [self]
        for child in self.children:
            found += child.all()
        return found

    def text_content(self) -> str:
        return self.text + "".join(child.text_content() for child in self.children)


class Tree(HTMLParser):
    """A small DOM: enough to check nesting, ids and attributes of the page."""

    def __init__(self, page: str) -> None:
        super().__init__()
        self.root = Node("#document", {}, None)
        self.current = self.root
        self.feed(page)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, dict(attrs), self.current)
        self.current.children.append(node)
        if tag not in VOID_ELEMENTS:
            self.current = node

    def handle_endtag(self, tag: str) -> None:
        assert self.current.tag == tag, f"</{tag}> closes <{self.current.tag}>"
        self.current = self.current.parent

    def handle_data(self, data: str) -> None:
        self.current.text += data

    def by_id(self, element_id: str) -> Node:
        matches = [node for node in self.root.all() if node.attrs.get("id") == element_id]
        assert len(matches) == 1, f"{len(matches)} elements with id {element_id}"
        return matches[0]

    def tags(self, name: str) -> list[Node]:
        return [node for node in self.root.all() if node.tag == name]


def _site_with_post(tmp_path: Path, body: str, front_matter: str = "title: 시험\n") -> Post:
    (tmp_path / "_config.yml").write_text("title: test\n", encoding="utf-8")
    (tmp_path / "assets" / "img").mkdir(parents=True)
    shutil.copy(PICTURE, tmp_path / "assets" / "img" / "있는 사진.jpg")
    (tmp_path / "_posts").mkdir()
    path = tmp_path / "_posts" / "2024-01-01-test.md"
    path.write_text(f"---\n{front_matter}---\n\n{body}\n", encoding="utf-8")
    return Post.load(path)


def _file_of(url: str) -> Path:
    parts = urlsplit(url)
    assert parts.scheme == "file", url
    return Path(unquote(parts.path))


@pytest.fixture
def reference_page(reference_post: Path, sample_site: Path) -> str:
    return render_page(Post.load(reference_post), Site(sample_site))


def test_page_is_well_nested_with_one_container_per_block(
    reference_page: str, reference_post: Path
) -> None:
    tree = Tree(reference_page)
    body = tree.by_id("pe-body")
    blocks = body.children
    assert blocks and all(node.tag == "div" for node in blocks)
    assert [node.attrs["class"] for node in blocks] == ["pe-block"] * len(blocks)
    assert [node.attrs["data-block"] for node in blocks] == [str(i) for i in range(len(blocks))]
    assert body.text.strip() == ""  # nothing between the containers
    expected = body_blocks(render_body(Post.load(reference_post).body), None)
    assert len(blocks) == len(expected)


def test_page_parts_exist_once_in_order(reference_page: str) -> None:
    tree = Tree(reference_page)
    ids = [node.attrs.get("id") for node in tree.root.all() if node.attrs.get("id", "") != ""]
    parts = [i for i in ids if i in ("pe-notice", "pe-feature", "pe-header", "pe-image", "pe-body")]
    assert parts == ["pe-notice", "pe-feature", "pe-header", "pe-image", "pe-body"]
    for part in parts:
        tree.by_id(part)


def test_header_shows_title_date_and_categories(tmp_path: Path) -> None:
    post = _site_with_post(
        tmp_path,
        "본문",
        "title: '<script>x</script> & 제목'\ndate: 2023-09-29 10:00:00 +0900\n"
        "categories:\n  - News\n  - 경제\n",
    )
    tree = Tree(render_page(post, Site(tmp_path)))
    header = tree.by_id("pe-header")
    assert header.children[0].tag == "h1"
    assert header.children[0].text_content() == "<script>x</script> & 제목"
    assert [n.text_content() for n in header.all() if n.attrs.get("class") == "pe-category"] == [
        "News",
        "경제",
    ]
    assert [n.attrs["datetime"] for n in tree.tags("time")] == ["2023-09-29"]
    assert tree.tags("title")[0].text_content() == "<script>x</script> & 제목"
    assert len(tree.tags("script")) == 1


def test_feature_text_is_rendered_markdown(reference_page: str) -> None:
    feature = Tree(reference_page).by_id("pe-feature")
    headings = [node for node in feature.all() if node.tag == "h2"]
    assert [node.text_content() for node in headings] == ["whereispost 실시간 뉴스 속보입니다."]
    assert "자동차, 조선, 이차전지" in feature.text_content()


def test_empty_parts_stay_in_place_but_empty(tmp_path: Path) -> None:
    tree = Tree(render_page(_site_with_post(tmp_path, "본문"), Site(tmp_path)))
    for part in ("pe-notice", "pe-feature", "pe-image"):
        assert tree.by_id(part).children == [] and tree.by_id(part).text == ""


def test_broken_front_matter_shows_a_notice_and_the_body(tmp_path: Path) -> None:
    post = _site_with_post(tmp_path, "본문은 보입니다.", "title: [깨진 제목] 뒤\n")
    assert post.meta_error
    tree = Tree(render_page(post, Site(tmp_path)))
    assert "Front matter could not be read" in tree.by_id("pe-notice").text_content()
    assert "본문은 보입니다." in tree.by_id("pe-body").text_content()


def test_rgba_colour_reaches_the_page_unchanged(reference_page: str, reference_post: Path) -> None:
    source = reference_post.read_text(encoding="utf-8")
    assert reference_page.count("background-color: #21538527;") == source.count(
        "background-color: #21538527;"
    )
    assert source.count("#21538527") == 8


def test_content_security_policy_allows_only_the_page_script(reference_page: str) -> None:
    tree = Tree(reference_page)
    head = tree.tags("head")[0]
    assert head.children[1].attrs["http-equiv"] == "Content-Security-Policy"  # before any load
    policy = dict(
        (directive.split(" ", 1) + [""])[:2]
        for directive in head.children[1].attrs["content"].split("; ")
    )
    (script,) = tree.tags("script")
    assert "src" not in script.attrs
    digest = base64.b64encode(hashlib.sha256(script.text.encode()).digest()).decode()
    assert policy["script-src"] == f"'sha256-{digest}'"
    assert policy["default-src"] == "'none'"
    for directive in ("object-src", "frame-src", "child-src", "form-action", "connect-src"):
        assert policy[directive] == "'none'", directive
    assert policy["img-src"] == "file: data:"
    assert "http" not in head.children[1].attrs["content"]
    assert "window.postEditor" in script.text


def test_site_pictures_load_from_the_site_folder(tmp_path: Path) -> None:
    post = _site_with_post(
        tmp_path,
        '![있음](/assets/img/있는%20사진.jpg)\n\n<img src="/assets/img/있는 사진.jpg" alt="b">',
        "title: t\nimage: /assets/img/있는 사진.jpg\n",
    )
    tree = Tree(render_page(post, Site(tmp_path)))
    sources = [node.attrs["src"] for node in tree.tags("img")]
    assert len(sources) == 3
    for source in sources:
        assert _file_of(source) == (tmp_path / "assets/img/있는 사진.jpg").resolve()


def test_missing_remote_and_blocked_pictures_become_placeholders(tmp_path: Path) -> None:
    post = _site_with_post(
        tmp_path,
        "![없음](/assets/img/없는.png)\n\n"
        '<img src="https://tracker.example/pixel.gif" width="1" height="1">\n\n'
        '<img src="//cdn.example/a.png">\n\n'
        '<img src="file:///etc/passwd">\n\n'
        "![탈출](/../../../etc/passwd)\n\n"
        "![상대](assets/img/있는 사진.jpg)\n\n"
        "끝 문단",
    )
    page = render_page(post, Site(tmp_path))
    tree = Tree(page)
    assert tree.tags("img") == []
    boxes = [n for n in tree.root.all() if "pe-img-placeholder" in n.attrs.get("class", "")]
    kinds = [box.attrs["class"].split()[-1] for box in boxes]
    assert (
        kinds
        == ["pe-img-missing", "pe-img-remote", "pe-img-remote"]
        + ["pe-img-blocked"]
        + ["pe-img-missing"] * 2
    )
    shown = [box.attrs["data-src"] for box in boxes]
    assert shown[:3] == [
        "/assets/img/없는.png",
        "https://tracker.example/pixel.gif",
        "//cdn.example/a.png",
    ]
    assert "https://tracker.example/pixel.gif" in boxes[1].text_content()
    assert "끝 문단" in tree.by_id("pe-body").text_content()
    assert "/etc/passwd" not in " ".join(str(n.attrs.get("src")) for n in tree.root.all())


def test_base_url_serves_site_pictures_and_widens_img_src(tmp_path: Path) -> None:
    post = _site_with_post(tmp_path, "![있음](/assets/img/있는 사진.jpg)")
    page = render_page(post, Site(tmp_path), base_url="http://127.0.0.1:8123/")
    tree = Tree(page)
    assert [n.attrs["src"] for n in tree.tags("img")] == [
        "http://127.0.0.1:8123/assets/img/%EC%9E%88%EB%8A%94%20%EC%82%AC%EC%A7%84.jpg"
    ]
    assert "img-src http://127.0.0.1:8123 data:" in page


def test_body_html_argument_is_used_as_given(tmp_path: Path) -> None:
    post = _site_with_post(tmp_path, "무시되는 본문")
    tree = Tree(render_page(post, Site(tmp_path), body_html="<p>주어진</p>\n<p>본문</p>"))
    blocks = tree.by_id("pe-body").children
    assert [block.text_content() for block in blocks] == ["주어진", "본문"]


def test_page_without_a_site_still_renders(reference_post: Path) -> None:
    tree = Tree(render_page(Post.load(reference_post), None))
    assert tree.tags("img") == []  # no site: site pictures cannot be found
    assert "Noto Sans CJK KR" in tree.by_id("pe-theme-css").text


def test_bundled_css_has_korean_fonts(sample_site: Path) -> None:
    css = page_css(Site(sample_site))
    assert '"Noto Sans CJK KR"' in css
    assert '"Noto Serif CJK KR"' in css


def test_site_built_css_is_used_with_absolute_urls(tmp_path: Path) -> None:
    post = _site_with_post(tmp_path, "본문")
    css_dir = tmp_path / "_site" / "assets" / "css"
    (css_dir.parent / "fonts").mkdir(parents=True)
    css_dir.mkdir()
    (css_dir / "style.css").write_text(
        "body { color: #123456; }\n"
        "@font-face { src: url('../fonts/a b.woff2?v=1#x') format('woff2'); }\n"
        ".logo { background: url(/assets/img/logo.png); }\n"
        ".remote { background: url(https://cdn.example/x.png); }\n"
        "/* </style><script>alert(1)</script> */\n",
        encoding="utf-8",
    )
    site = Site(tmp_path)
    css = page_css(site)
    assert "#123456" in css and "Noto Sans CJK KR" not in css
    built = (tmp_path / "_site").resolve()
    assert f'url("{(built / "assets/fonts/a b.woff2").as_uri()}?v=1#x")' in css
    assert f'url("{(built / "assets/img/logo.png").as_uri()}")' in css
    assert "url(https://cdn.example/x.png)" in css
    tree = Tree(render_page(post, site))
    assert len(tree.tags("script")) == 1
    assert "#123456" in tree.by_id("pe-theme-css").text


def test_body_blocks_match_the_page_blocks(reference_post: Path, sample_site: Path) -> None:
    post = Post.load(reference_post)
    site = Site(sample_site)
    blocks = body_blocks(render_body(post.body), site)
    page = render_page(post, site)
    wrapped = re.findall(r'<div class="pe-block" data-block="\d+">(.*?)</div>\n', page, re.S)
    assert len(blocks) > 20
    joined = "".join(
        f'<div class="pe-block" data-block="{i}">{b}</div>\n' for i, b in enumerate(blocks)
    )
    assert joined in page
    assert wrapped  # the regex saw containers at all


def test_date_comes_from_the_file_name_when_front_matter_has_none(reference_page: str) -> None:
    assert [node.attrs["datetime"] for node in Tree(reference_page).tags("time")] == ["2023-09-29"]


def test_tistory_wrapper_div_is_unwrapped_into_blocks(tmp_path: Path) -> None:
    body = (
        '<div class="tt_article_useless_p_margin contents_style">\n'
        '<p data-ke-size="size16">하나</p>\n<p data-ke-size="size16">둘</p>\n'
        '<div style="border: 1px solid #ccc;"><p>셋</p><p>넷</p></div>\n</div>'
    )
    post = _site_with_post(tmp_path, body)
    blocks = Tree(render_page(post, Site(tmp_path))).by_id("pe-body").children
    assert [block.text_content() for block in blocks] == ["하나", "둘", "셋넷"]


def test_wrapper_styled_by_the_site_css_is_kept(tmp_path: Path) -> None:
    post = _site_with_post(tmp_path, '<div class="contents_style"><p>하나</p><p>둘</p></div>')
    css_dir = tmp_path / "_site" / "assets" / "css"
    css_dir.mkdir(parents=True)
    (css_dir / "style.css").write_text(".contents_style p { margin: 0; }", encoding="utf-8")
    blocks = Tree(render_page(post, Site(tmp_path))).by_id("pe-body").children
    assert len(blocks) == 1 and blocks[0].children[0].attrs["class"] == "contents_style"


@pytest.mark.jekyll
def test_site_built_by_jekyll_with_minima_gives_its_css(tmp_path: Path) -> None:
    if shutil.which("jekyll") is None:
        pytest.skip("needs Debian's jekyll")
    site_root = tmp_path / "site"
    shutil.copytree(SAMPLE_SITE, site_root)
    with (site_root / "_config.yml").open("a", encoding="utf-8") as config:
        config.write("theme: minima\n")
    build = subprocess.run(
        ["jekyll", "build", "--quiet"], cwd=site_root, capture_output=True, text=True, timeout=120
    )
    if build.returncode != 0 and "minima" in build.stderr:
        pytest.skip("jekyll-theme-minima is not installed")
    assert build.returncode == 0, build.stderr
    built = (site_root / "_site" / "assets" / "main.css").read_text(encoding="utf-8")
    site = Site(site_root)
    css = page_css(site)
    assert css == built  # minima's CSS has no relative url()s to rewrite
    assert ".site-header" in css
    post = Post.load(next((site_root / "_posts").glob("*.md")))
    assert Tree(render_page(post, site)).by_id("pe-theme-css").text.strip() == built.strip()


def test_liquid_baseurl_prefix_in_picture_paths(tmp_path: Path) -> None:
    post = _site_with_post(tmp_path, '<img src="{{ site.baseurl }}/assets/img/있는 사진.jpg">')
    (source,) = [node.attrs["src"] for node in Tree(render_page(post, Site(tmp_path))).tags("img")]
    assert _file_of(source) == (tmp_path / "assets/img/있는 사진.jpg").resolve()
