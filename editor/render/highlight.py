"""Code highlighting with Pygments, written the way rouge (Jekyll's highlighter) writes it.

kramdown hands each code block to rouge, which wraps it as
``<div class="highlight"><pre class="highlight"><code>...</code></pre></div>`` and marks tokens
with short classes (``k``, ``s``, ``c1`` ...). Pygments uses the same short names, so we lex
with Pygments and format like rouge: consecutive tokens of one class merged, plain text (and
white space, which rouge's lexers mostly leave unmarked) without a span, only ``& < >``
escaped. Lexers differ in places, so token boundaries can differ from rouge's; text and
wrappers are the same.
"""

from __future__ import annotations

import builtins
import re
from functools import lru_cache

from pygments.formatters import HtmlFormatter
from pygments.lexer import (
    ExtendedRegexLexer,
    Lexer,
    LexerContext,
    bygroups,
    default,
    include,
)
from pygments.lexers import get_lexer_by_name
from pygments.styles import get_all_styles
from pygments.token import (
    STANDARD_TYPES,
    Comment,
    Keyword,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Text,
    Whitespace,
    _TokenType,
)
from pygments.util import ClassNotFound

PLAIN_LANGUAGES = frozenset({"plaintext", "text", "plain", "txt"})

# rouge's "github" theme (rouge 3.30, MIT licence), as `rougify style github` prints it.
ROUGE_GITHUB_CSS = """\
.highlight table td { padding: 5px; }
.highlight table pre { margin: 0; }
.highlight .cm { color: #999988; font-style: italic; }
.highlight .cp { color: #999999; font-weight: bold; }
.highlight .c1 { color: #999988; font-style: italic; }
.highlight .cs { color: #999999; font-weight: bold; font-style: italic; }
.highlight .c, .highlight .ch, .highlight .cd, .highlight .cpf {
  color: #999988; font-style: italic; }
.highlight .err { color: #a61717; background-color: #e3d2d2; }
.highlight .gd { color: #000000; background-color: #ffdddd; }
.highlight .ge { color: #000000; font-style: italic; }
.highlight .gr { color: #aa0000; }
.highlight .gh { color: #999999; }
.highlight .gi { color: #000000; background-color: #ddffdd; }
.highlight .go { color: #888888; }
.highlight .gp { color: #555555; }
.highlight .gs { font-weight: bold; }
.highlight .gu { color: #aaaaaa; }
.highlight .gt { color: #aa0000; }
.highlight .kc { color: #000000; font-weight: bold; }
.highlight .kd { color: #000000; font-weight: bold; }
.highlight .kn { color: #000000; font-weight: bold; }
.highlight .kp { color: #000000; font-weight: bold; }
.highlight .kr { color: #000000; font-weight: bold; }
.highlight .kt { color: #445588; font-weight: bold; }
.highlight .k, .highlight .kv { color: #000000; font-weight: bold; }
.highlight .mf { color: #009999; }
.highlight .mh { color: #009999; }
.highlight .il { color: #009999; }
.highlight .mi { color: #009999; }
.highlight .mo { color: #009999; }
.highlight .m, .highlight .mb, .highlight .mx { color: #009999; }
.highlight .sa { color: #000000; font-weight: bold; }
.highlight .sb { color: #d14; }
.highlight .sc { color: #d14; }
.highlight .sd { color: #d14; }
.highlight .s2 { color: #d14; }
.highlight .se { color: #d14; }
.highlight .sh { color: #d14; }
.highlight .si { color: #d14; }
.highlight .sx { color: #d14; }
.highlight .sr { color: #009926; }
.highlight .s1 { color: #d14; }
.highlight .ss { color: #990073; }
.highlight .s, .highlight .dl { color: #d14; }
.highlight .na { color: #008080; }
.highlight .bp { color: #999999; }
.highlight .nb { color: #0086B3; }
.highlight .nc { color: #445588; font-weight: bold; }
.highlight .no { color: #008080; }
.highlight .nd { color: #3c5d5d; font-weight: bold; }
.highlight .ni { color: #800080; }
.highlight .ne { color: #990000; font-weight: bold; }
.highlight .nf, .highlight .fm { color: #990000; font-weight: bold; }
.highlight .nl { color: #990000; font-weight: bold; }
.highlight .nn { color: #555555; }
.highlight .nt { color: #000080; }
.highlight .vc { color: #008080; }
.highlight .vg { color: #008080; }
.highlight .vi { color: #008080; }
.highlight .nv, .highlight .vm { color: #008080; }
.highlight .ow { color: #000000; font-weight: bold; }
.highlight .o { color: #000000; font-weight: bold; }
.highlight .w { color: #bbbbbb; }
.highlight { background-color: #f8f8f8; }
"""


def escape_code(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


_SH_KEYWORDS = (
    "if|fi|else|while|do|done|for|then|return|function|select|continue|until|esac|elif|in"
)
_SH_BUILTIN_WORDS = """
    alias bg bind break builtin caller cd command compgen complete declare dirs disown enable
    eval exec exit export false fc fg getopts hash help history jobs let local logout mapfile
    popd pushd pwd read readonly set shift shopt source suspend test time times trap true type
    typeset ulimit umask unalias unset wait cat tac nl od base32 base64 fmt pr fold head tail
    split csplit wc sum cksum b2sum md5sum sha1sum sha224sum sha256sum sha384sum sha512sum sort
    shuf uniq comm ptx tsort cut paste join tr expand unexpand ls dir vdir dircolors cp dd
    install mv rm shred link ln mkdir mkfifo mknod readlink rmdir unlink chown chgrp chmod touch
    df du stat sync truncate echo printf yes expr tee basename dirname pathchk mktemp realpath
    pwd stty printenv tty id logname whoami groups users who date arch nproc uname hostname
    hostid uptime chcon runcon chroot env nice nohup stdbuf timeout kill sleep factor numfmt seq
    tar grep sudo awk sed gzip gunzip"""
_SH_BUILTINS = "|".join(_SH_BUILTIN_WORDS.split())
_S = r"[ \t\r\n\f\v]"  # Ruby's \s


def _heredoc_start(lexer: ExtendedRegexLexer, match: re.Match[str], ctx: LexerContext):
    kinds = (Operator, Text, String.Heredoc, String.Heredoc, Name.Constant, String.Heredoc)
    for index, kind in enumerate(kinds, 1):
        if match.group(index):
            yield match.start(index), kind, match.group(index)
    ctx.heredoc = match.group(5)
    ctx.stack.append("heredoc")
    ctx.pos = match.end()


def _heredoc_line(lexer: ExtendedRegexLexer, match: re.Match[str], ctx: LexerContext):
    if match.group(1) == getattr(ctx, "heredoc", None):
        yield match.start(), Name.Constant, match.group(0)
        del ctx.stack[-2:]
    else:
        yield match.start(), String.Heredoc, match.group(0)
    ctx.pos = match.end()


class RougeShellLexer(ExtendedRegexLexer):
    """rouge 3.30's shell lexer (lib/rouge/lexers/shell.rb) in Pygments form.

    Jekyll highlights ``bash``/``sh``/``shell``/``zsh`` fences with it; Pygments' own bash lexer
    cuts tokens differently (``echo`` vs rouge's ``echo `` with its space), so its classes
    would not line up with a Jekyll site's CSS. Ruby's ``\\s``/``\\w`` are ASCII.
    """

    name = "rouge-shell"
    flags = re.MULTILINE
    tokens = {
        "basic": [
            (r"#.*$", Comment),
            (rf"\b(?:{_SH_KEYWORDS}){_S}*\b", Keyword),
            (r"\bcase\b", Keyword, "case"),
            (rf"\b(?:{_SH_BUILTINS}){_S}*\b(?![.-])", Name.Builtin),
            (rf"[.](?={_S})", Name.Builtin),
            (r"(\b[A-Za-z0-9_]+)(=)", bygroups(Name.Variable, Operator)),
            (r"[\[\]{}()!=>]", Operator),
            (r"&&|\|\|", Operator),
            (r"<<<", Operator),
            (rf"(<<-?)({_S}*)(['\"]?)(\\?)([A-Za-z0-9_]+)(\3)", _heredoc_start),
        ],
        "heredoc": [
            (r"\n", String.Heredoc, "heredoc_nl"),
            (r"[^$\n\\]+", String.Heredoc),
            include("interp"),
            (r"[$]", String.Heredoc),
        ],
        "heredoc_nl": [
            (rf"{_S}*([A-Za-z0-9_]+){_S}*\n", _heredoc_line),
            default("#pop"),
        ],
        "double_quotes": [
            (r'(?:\$#?)?"', String.Double, "#pop"),
            include("interp"),
            (r'[^"`\\$]+', String.Double),
        ],
        "ansi_string": [
            (r"\\.", String.Escape),
            (r"[^\\']+", String.Single),
            include("single_quotes"),
        ],
        "single_quotes": [(r"'", String.Single, "#pop"), (r"[^']+", String.Single)],
        "data": [
            (rf"{_S}+", Text),
            (r"\\.", String.Escape),
            (r'\$?"', String.Double, "double_quotes"),
            (r"\$'", String.Single, "ansi_string"),
            (r"'", String.Single, "single_quotes"),
            (r"\*", Keyword),
            (r";", Punctuation),
            (r"--?[A-Za-z0-9_-]+", Name.Tag),
            (rf"[^=*{_S[1:-1]}{{}}()$\"'`;\\<]+", Text),
            (r"\d+(?= |\Z)", Number),
            (r"<", Text),
            include("interp"),
        ],
        "curly": [
            (r"}", Keyword, "#pop"),
            (r":-", Keyword),
            (r"[a-zA-Z0-9_]+", Name.Variable),
            (r"[^}:\"`'$]+", Punctuation),
            include("root"),
        ],
        "paren_interp": [
            (r"\)", String.Interpol, "#pop"),
            (r"\(", Operator, "paren_inner"),
            include("root"),
        ],
        "paren_inner": [(r"\(", Operator, "#push"), (r"\)", Operator, "#pop"), include("root")],
        "math": [
            (r"\)\)", Keyword, "#pop"),
            (r"[-+*/%^|&!]|\*\*|\|\|", Operator),
            (r"\d+(#[A-Za-z0-9_]+)?", Number),
            include("root"),
        ],
        "case": [
            (r"\besac\b", Keyword, "#pop"),
            (r"\|", Punctuation),
            (r"\)", Punctuation, "case_stanza"),
            include("root"),
        ],
        "case_stanza": [(r";;", Punctuation, "#pop"), include("root")],
        "backticks": [(r"`", String.Backtick, "#pop"), include("root")],
        "interp": [
            (r"\\$", String.Escape),
            (r"\\.", String.Escape),
            (r"\$\(\(", Keyword, "math"),
            (r"\$\(", String.Interpol, "paren_interp"),
            (r"\$\{#?", Keyword, "curly"),
            (r"`", String.Backtick, "backticks"),
            (r"\$#?(?:[A-Za-z0-9_]+|.)", Name.Variable),
            (r"\$[*@]", Name.Variable),
        ],
        "root": [include("basic"), include("data")],
    }


ROUGE_LEXERS = {name: RougeShellLexer for name in ("shell", "bash", "zsh", "ksh", "sh")}


@lru_cache(maxsize=64)
def find_lexer(language: str) -> Lexer | None:
    """The Pygments lexer for a fence's language name, or None when there is none."""
    name = language.lower()
    if name in PLAIN_LANGUAGES:
        name = "text"
    if name in ROUGE_LEXERS:
        return ROUGE_LEXERS[name](stripnl=False, ensurenl=False)
    try:
        return get_lexer_by_name(name, stripnl=False, ensurenl=False)
    except ClassNotFound:
        return None


_CONSTANT = re.compile(r"[A-Z][A-Z0-9_]*")


def _java_class(css_class: str, text: str, _previous: str) -> str:
    if css_class == "p":  # rouge's Java lexer calls all punctuation an operator
        return "o"
    if css_class == "n" and _CONSTANT.fullmatch(text):  # ... ALL_CAPS names constants
        return "no"
    if css_class == "n" and text[:1].isupper():  # ... and other capitalised names classes
        return "nc"
    return css_class


_PYTHON_BUILTINS = frozenset(
    name for name in dir(builtins) if not name.startswith("_") and name[0].islower()
)


def _python_class(css_class: str, text: str, previous: str) -> str:
    if css_class == "" and text == "\n" and previous == "c1":
        return "c1"  # rouge's comment token takes the line end along
    if css_class == "o" and text == ".":
        return "p"
    if css_class in ("s1", "s2"):
        return "s"
    if text == "print" and css_class == "nb":
        return "k"
    if css_class == "n" and text in _PYTHON_BUILTINS:
        return "nb"  # rouge marks builtin names wherever they appear
    return css_class


def _json_class(css_class: str, text: str, _previous: str) -> str:
    if css_class == "nt":  # rouge: object keys are labels
        return "nl"
    if css_class == "" and text.isspace():  # ... and white space is marked
        return "w"
    return css_class


# Where a Pygments lexer marks tokens differently from rouge's lexer for the same language,
# per language: (pygments class, token text, previous class) -> rouge class.
ROUGE_COMPAT = {
    "java": _java_class,
    "json": _json_class,
    "python": _python_class,
    "py": _python_class,
}


def _css_class(token: _TokenType) -> str:
    if token in Text or token in Whitespace:
        return ""
    while token not in STANDARD_TYPES:
        token = token.parent
    return STANDARD_TYPES[token]


def highlight_tokens(code: str, lexer: Lexer, language: str = "") -> str:
    """Token spans for ``code``, rouge-style."""
    compat = ROUGE_COMPAT.get(language.lower())
    parts: list[str] = []
    last_class, buffer = None, []
    for token, value in lexer.get_tokens(code):
        css_class = _css_class(token)
        if compat is not None:
            css_class = compat(css_class, value, last_class or "")
        if css_class != last_class and buffer:
            parts.append(_span(last_class, "".join(buffer)))
            buffer = []
        last_class = css_class
        buffer.append(value)
    if buffer:
        parts.append(_span(last_class, "".join(buffer)))
    return "".join(parts)


def _span(css_class: str | None, text: str) -> str:
    escaped = escape_code(text)
    return f'<span class="{css_class}">{escaped}</span>' if css_class else escaped


def highlight_block(code: str, language: str) -> str | None:
    """rouge's block output for ``code``, or None when no lexer knows ``language``."""
    lexer = find_lexer(language)
    if lexer is None:
        return None
    body = highlight_tokens(code, lexer, language)
    return f'<div class="highlight"><pre class="highlight"><code>{body}</code></pre></div>'


def pygments_css(style: str = "github") -> str:
    """CSS for the token classes we emit: rouge's github theme, or a Pygments style by name."""
    if style == "github" or style not in set(get_all_styles()):
        return ROUGE_GITHUB_CSS
    return HtmlFormatter(style=style).get_style_defs(".highlight")
