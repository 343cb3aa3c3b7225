"""List user-visible strings in the Qt code that do not go through tr() / translate().

    .venv/bin/python scripts/find_untranslated.py [FILES...]     (default: editor/ui/*.py, app.py)

A string counts as user-visible when it is passed to a Qt text setter or widget constructor
(setText, setWindowTitle, QAction(...), QMessageBox.warning, showMessage,
statusMessage.emit ...) or to a helper whose name says it builds UI (add_action, _menu_item,
ask_...) as a literal, an f-string or a concatenation. Strings in tables (tuples of labels)
are not seen: mark those with QT_TRANSLATE_NOOP and translate them where they are shown. Wrap it:
``self.tr("Saved {name}").format(name=name)`` or
``QCoreApplication.translate("Context", "...")``. Exits 1 when anything is found.
"""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Iterator
from pathlib import Path

TEXT_CALLS = {
    # setters and adders on widgets, actions and menus
    "setText", "setWindowTitle", "setToolTip", "setStatusTip", "setWhatsThis",
    "setPlaceholderText", "setTitle", "setLabelText", "setTabText", "setItemText",
    "setHeaderLabels", "setPrefix", "setSuffix", "setSpecialValueText", "setInformativeText",
    "setDetailedText", "setWindowIconText", "setAccessibleName",
    "addMenu", "addAction", "addTab", "insertTab", "addItem", "addItems", "addRow",
    "addButton", "addSection", "showMessage",
    # dialogs
    "critical", "warning", "information", "question", "about",
    "getOpenFileName", "getOpenFileNames", "getSaveFileName", "getExistingDirectory",
    "getText", "getItem", "getInt", "getColor", "getFont",
    # widgets and actions built with their text
    "QAction", "QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QMenu",
    "QToolButton", "QDockWidget", "QMessageBox", "QCommandLinkButton",
    # our signals carrying text for the status bar
    "emit",
}  # fmt: skip
# Our own helpers that build actions, menus and messages from text (add_action, _menu_item ...).
HELPER_NAME = re.compile(r"action|menu|tool|button|label|message|title|dialog|ask|warn", re.I)
TRANSLATORS = {"tr", "translate", "QT_TR_NOOP", "QT_TRANSLATE_NOOP"}
SHORTCUT = re.compile(r"^(?:(?:Ctrl|Alt|Shift|Meta)\+)+\S+$|^F\d{1,2}$")
WORDS = re.compile(r"[A-Za-z]{2,}")
# Text that is not for people: file filters are, but a bare style sheet or an id is not.
TECHNICAL = re.compile(r"^[\w.-]+$")
MARKUP = re.compile(r"""^<[^<>]+>$|^[\w-]+="[^"]*"$|^[#:;\w\s-]+:\s*[^ ]+;$""")  # tag, attr, CSS


def _call_name(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _literal_text(node: ast.AST) -> str | None:
    """The visible text of a string-ish expression (literal, f-string, +, %), else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value for v in node.values if isinstance(v, ast.Constant))
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Mod):
        parts = [_literal_text(node.left), _literal_text(node.right)]
        found = [part for part in parts if part is not None]
        return " ".join(found) if found else None
    return None


def _is_user_text(text: str) -> bool:
    text = text.strip()
    if not WORDS.search(text) or SHORTCUT.match(text) or MARKUP.match(text):
        return False
    return " " in text or not TECHNICAL.match(text)


def untranslated(path: Path) -> Iterator[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _call_name(node)
        if name not in TEXT_CALLS and not HELPER_NAME.search(name):
            continue
        for argument in [*node.args, *(k.value for k in node.keywords)]:
            text = _literal_text(argument)
            if text is not None and _is_user_text(text):
                yield argument.lineno, text


def main(argv: list[str]) -> int:
    root = Path(__file__).resolve().parent.parent
    files = [Path(a) for a in argv] or sorted((root / "editor/ui").glob("*.py")) + [
        root / "editor/app.py"
    ]
    count = 0
    for path in files:
        if not path.exists():
            continue
        for line, text in untranslated(path):
            count += 1
            shown = path.relative_to(root) if path.is_absolute() else path
            print(f"{shown}:{line}: {text!r}")
    print(f"{count} user-visible string(s) outside tr()", file=sys.stderr)
    return 1 if count else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
