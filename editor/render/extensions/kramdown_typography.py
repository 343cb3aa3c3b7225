"""kramdown's smart quotes and typographic symbols (parser/kramdown/smart_quotes.rb,
typographic_symbol.rb), with Ruby's regex semantics (\\s, \\w, \\d are ASCII there).

Which quote a ``"`` or ``'`` becomes depends on the character before it -- which is why the
span parser stops one character early for quotes -- and on what follows: kramdown tries
these rules in order at that position and takes the first that matches.
"""

from __future__ import annotations

import re

SQ_PUNCT = r"""[!"#$%'()*+,\-./:;<=>?@\[\\\]^_`{|}~]"""
SQ_CLOSE = r"[^ \\\t\r\n\[{(-]"
SQ_RULES: list[tuple[re.Pattern[str], list[int | str]]] = [
    (re.compile(r"""("|')(?=[_*]{1,2}[^ \t\r\n\f\v])"""), ["lquote1"]),
    (re.compile(rf"""("|')(?={SQ_PUNCT}(?!\.\.)\B)"""), ["rquote1"]),
    (re.compile(r"""([ \t\r\n\f\v]?)"'(?=[A-Za-z0-9_])"""), [1, "ldquo", "lsquo"]),
    (re.compile(r"""([ \t\r\n\f\v]?)'"(?=[A-Za-z0-9_])"""), [1, "lsquo", "ldquo"]),
    (re.compile(r"""([ \t\r\n\f\v]?)'(?=[0-9][0-9]s)"""), [1, "rsquo"]),
    (re.compile(r"""([ \t\r\n\f\v])('|")(?=[A-Za-z0-9_])"""), [1, "lquote2"]),
    (re.compile(rf"""({SQ_CLOSE})('|")"""), [1, "rquote2"]),
    (re.compile(r"""("|')(?=[ \t\r\n\f\v]|s\b|$)""", re.M), ["rquote1"]),
    (re.compile(r"(.?)'", re.S), [1, "lsquo"]),
    (re.compile(r'(.?)"', re.S), [1, "ldquo"]),
]
_QUOTE_KIND = {"'": ("lsquo", "rsquo"), '"': ("ldquo", "rdquo")}

TYPOGRAPHIC_SYMS = {
    "---": "mdash",
    "--": "ndash",
    "...": "hellip",
    "\\<<": "&lt;&lt;",
    "\\>>": "&gt;&gt;",
    "<< ": "laquo_space",
    " >>": "raquo_space",
    "<<": "laquo",
    ">>": "raquo",
}
TYPOGRAPHIC_RE = re.compile("|".join(re.escape(k) for k in TYPOGRAPHIC_SYMS))

QUOTE_NAMES = frozenset({"lsquo", "rsquo", "ldquo", "rdquo"})


def smart_quotes_at(src: str, pos: int) -> tuple[list[str], int]:
    """Apply the first matching rule at ``pos``: pieces in order and the new position.

    A piece is a quote name (``ldquo`` ...) or ``"="`` followed by plain text to keep.
    """
    m, substs = next((m, subst) for rule, subst in SQ_RULES if (m := rule.match(src, pos)))
    pieces = []
    for subst in substs:
        if isinstance(subst, int):
            pieces.append("=" + (m.group(subst) or ""))
        elif subst[-1].isdigit():
            opening, closing = _QUOTE_KIND[m.group(int(subst[-1]))]
            pieces.append(opening if subst.startswith("l") else closing)
        else:
            pieces.append(subst)
    return pieces, m.end()
