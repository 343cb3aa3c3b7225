"""PyYAML's own problem texts, as editor.core.frontmatter passes them on ("YAML error:
{problem} ({context})"), for editor.ui.core_wording to word in the UI language.

Each template is PyYAML's exact English (problem and context together, so the translation can
say what went wrong and what to do as one sentence); {fields} stand where PyYAML puts a value,
always a repr such as '\\t', ':' or '<scalar>'. The list holds what front matter mistakes
really produce with the core's SafeLoader (a colon in a title, an unclosed quote or bracket, a
tab, a value starting with @ ` * & | > - ? ] ..., a stray line, it's inside single quotes, a
Windows path in double quotes, {{ liquid }} values) and the rest of the scanner, parser and
composer problems a hand-edited front matter can reach; tests/ui/test_core_wording_yaml.py
makes each one from a real broken front matter. Directive (%YAML), !!binary, merge (<<) and
!!omap/!!pairs problems are left in PyYAML's words, as is anything not listed here.
Templates may hold literal braces ("'}'"): core_wording fills only the {word} fields.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

YAML_PROBLEMS = [
    # scanner.py
    QT_TRANSLATE_NOOP("CoreMessages", "mapping values are not allowed here"),
    QT_TRANSLATE_NOOP(  # a tab is the common case of the next template: its own advice
        "CoreMessages",
        "found character '\\t' that cannot start any token (while scanning for the next token)",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "found character {char} that cannot start any token (while scanning for the next token)",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "could not find expected ':' (while scanning a simple key)"),
    QT_TRANSLATE_NOOP("CoreMessages", "sequence entries are not allowed here"),
    QT_TRANSLATE_NOOP("CoreMessages", "mapping keys are not allowed here"),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "found unexpected end of stream (while scanning a quoted scalar)"
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "found unexpected document separator (while scanning a quoted scalar)"
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "found unknown escape character {char} (while scanning a double-quoted scalar)",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "expected escape sequence of {count} hexadecimal numbers, but found {found} "
        "(while scanning a double-quoted scalar)",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "expected alphabetic or numeric character, but found {found} (while scanning an alias)",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "expected alphabetic or numeric character, but found {found} (while scanning an anchor)",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "expected a comment or a line break, but found {found} (while scanning a block scalar)",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "expected chomping or indentation indicators, but found {found} "
        "(while scanning a block scalar)",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "expected indentation indicator in the range 1-9, but found 0 "
        "(while scanning a block scalar)",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "expected URI, but found {found} (while parsing a tag)"),
    QT_TRANSLATE_NOOP("CoreMessages", "expected '>', but found {found} (while parsing a tag)"),
    # parser.py
    QT_TRANSLATE_NOOP(
        "CoreMessages", "expected <block end>, but found {found} (while parsing a block mapping)"
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "expected <block end>, but found {found} (while parsing a block collection)",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "expected the node content, but found {found} (while parsing a block node)",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "expected the node content, but found {found} (while parsing a flow node)"
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "expected ',' or ']', but got {found} (while parsing a flow sequence)"
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "expected ',' or '}', but got {found} (while parsing a flow mapping)"
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "found undefined tag handle {found} (while parsing a node)"),
    QT_TRANSLATE_NOOP("CoreMessages", "expected '<document start>', but found {found}"),
    # composer.py
    QT_TRANSLATE_NOOP("CoreMessages", "found undefined alias {anchor}"),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "second occurrence (found duplicate anchor {anchor}; first occurrence)"
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "but found another document (expected a single document in the stream)"
    ),
    # constructor.py (SafeConstructor)
    QT_TRANSLATE_NOOP("CoreMessages", "found unhashable key (while constructing a mapping)"),
    # editor.core.frontmatter's own problems in PyYAML's form (alias checks, no problem text)
    QT_TRANSLATE_NOOP("CoreMessages", "an alias refers to the list or mapping that contains it"),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "aliases expand to more than {budget} values (an alias bomb?)"
    ),
]

# The tokens PyYAML names in {found} (its token ids, as repr): words a writer knows.
YAML_TOKENS = {
    "'<scalar>'": QT_TRANSLATE_NOOP("CoreMessages", "'<scalar>'"),
    "'<stream end>'": QT_TRANSLATE_NOOP("CoreMessages", "'<stream end>'"),
    "'<block end>'": QT_TRANSLATE_NOOP("CoreMessages", "'<block end>'"),
    "'<block mapping start>'": QT_TRANSLATE_NOOP("CoreMessages", "'<block mapping start>'"),
    "'<block sequence start>'": QT_TRANSLATE_NOOP("CoreMessages", "'<block sequence start>'"),
    "'<document start>'": QT_TRANSLATE_NOOP("CoreMessages", "'<document start>'"),
    "'<document end>'": QT_TRANSLATE_NOOP("CoreMessages", "'<document end>'"),
    "'<alias>'": QT_TRANSLATE_NOOP("CoreMessages", "'<alias>'"),
    "'<anchor>'": QT_TRANSLATE_NOOP("CoreMessages", "'<anchor>'"),
    "'<tag>'": QT_TRANSLATE_NOOP("CoreMessages", "'<tag>'"),
    "'<directive>'": QT_TRANSLATE_NOOP("CoreMessages", "'<directive>'"),
}

# What PyYAML puts in each field: a short repr (of a character, a token such as '<scalar>'
# or an anchor name) or a number. Narrow, so matching stays linear.
_REPR = r"'[^\n]{1,200}?'|\"[^\n]{1,200}?\""
YAML_FIELD_PATTERNS = {
    "found": _REPR,
    "anchor": _REPR,
    "count": r"\d{1,2}",
    "budget": r"[\d,]{1,20}",
}
