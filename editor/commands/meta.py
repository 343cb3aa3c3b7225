"""`post-editor meta FILE... [--json] [--set KEY=YAML_VALUE]... [--unset KEY]...`

Without --set/--unset it prints each post's front matter: the raw YAML as written (several
files get a `==> FILE <==` header each), or with --json the parsed values (one file: its object;
several: an object keyed by file name). Dates print as ISO strings.

--set and --unset edit the files in place, in the order given, under the format-preserving
rules: only that key's lines change; other keys keep their order, quoting, comments and folded
`>` style. The value is YAML, so `--set categories='[경제]'` writes a list, and a text holding
`: ` or starting with `[` must be quoted: `--set 'title="[속보] 제목"'`. Saves are atomic.

A post whose front matter is broken, or whose bytes cannot be decoded, is never changed: it
gets `FILE:LINE:COL: error: MESSAGE` on stderr and the exit status is 1. Bad usage gives 2.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from pathlib import Path

from editor.core.frontmatter import FrontMatterError, load_yaml
from editor.core.post import Post
from editor.core.textio import EncodeError, SaveError, to_lf


class _Operation(argparse.Action):
    """Keeps --set and --unset in the order they were given."""

    def __call__(self, parser, namespace, values, option_string=None) -> None:  # noqa: ANN001
        operations = list(getattr(namespace, "operations", None) or [])
        operations.append((self.dest, values))
        namespace.operations = operations


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help="posts to read or edit")
    parser.add_argument("--json", action="store_true", help="print the front matter as JSON")
    parser.add_argument(
        "--set", dest="set", action=_Operation, metavar="KEY=YAML_VALUE", help="set one key"
    )
    parser.add_argument(
        "--unset", dest="unset", action=_Operation, metavar="KEY", help="remove one key"
    )
    parser.set_defaults(operations=[])
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = (
        "examples:\n"
        "  post-editor meta _posts/*.md --json\n"
        "  post-editor meta _posts/*.md --set categories='[경제]'\n"
        "  post-editor meta post.md --set 'title=\"[속보] 제목\"' --unset feature_text\n"
        "Values are YAML; only the edited key's lines change. Broken posts are never changed\n"
        "(exit 1, FILE:LINE:COL: error: ... on stderr)."
    )


def parse_assignment(text: str) -> tuple[str, object]:
    """ "KEY=YAML_VALUE" -> (key, value). Raises ValueError with a plain message."""
    key, equals, value_text = text.partition("=")
    if not equals or not key.strip():
        raise ValueError(f"--set needs KEY=VALUE, got {text!r}")
    try:
        value = load_yaml(value_text)
    except FrontMatterError as error:
        raise ValueError(
            f"the value for {key!r} is not valid YAML ({error.message}); quote it, "
            f"e.g. --set '{key}=\"...\"'"
        ) from None
    return key.strip(), value


def _error(file: str, line: int, column: int, message: str) -> None:
    print(f"{file}:{line}:{column}: error: {' '.join(message.split())}", file=sys.stderr)


def _load(file: str) -> Post | None:
    """The post, or None after printing why it cannot be used."""
    try:
        post = Post.load(Path(file))
    except OSError as error:
        _error(file, 1, 1, error.strerror or str(error))
        return None
    if post.read_only_reason is not None:  # why it is not text, as `check` says it
        _error(file, 1, 1, post.decode_error or post.read_only_reason)
        return None
    if post.meta_error is not None:
        error = post.meta_error
        _error(file, error.line, error.column, error.message + " (file not changed)")
        return None
    return post


def _edit(file: str, post: Post, operations: list[tuple[str, object]]) -> bool:
    before = post.to_bytes()
    try:
        for kind, argument in operations:
            if kind == "set":
                post.set_meta(*argument)
            else:
                post.unset_meta(argument)
        if post.to_bytes() != before:
            post.save()
    except FrontMatterError as error:
        _error(file, error.line, error.column, error.message + " (file not changed)")
        return False
    except EncodeError as error:  # e.g. an emoji set into a CP949 post
        line, column = error.fields.get("line", 1), error.fields.get("column", 1)
        _error(file, line, column, f"{error} (file not changed)")
        return False
    except SaveError as error:
        _error(file, 1, 1, str(error))
        return False
    return True


def _jsonable(value: object) -> object:
    if isinstance(value, dict):
        return {str(key): _jsonable(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_jsonable(item) for item in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.decode("latin-1")
    return value


def _print_raw(file: str, post: Post, with_header: bool) -> None:
    if with_header:
        print(f"==> {file} <==")
    text = to_lf(post.front_matter_text or "")
    print(text, end="" if text.endswith("\n") or not text else "\n")


def run(args: argparse.Namespace) -> int:
    operations: list[tuple[str, object]] = []
    try:
        for kind, text in args.operations:
            operations.append((kind, parse_assignment(text) if kind == "set" else text))
    except ValueError as error:
        print(f"post-editor meta: {error}", file=sys.stderr)
        return 2
    status = 0
    collected: dict[str, object] = {}
    for file in args.files:
        post = _load(file)
        if post is None or (operations and not _edit(file, post, operations)):
            status = 1
            collected[file] = None
            continue
        if args.json:
            collected[file] = _jsonable(post.meta)
        elif not operations:
            _print_raw(file, post, len(args.files) > 1)
    if args.json:
        output = collected[args.files[0]] if len(args.files) == 1 else collected
        print(json.dumps(output, ensure_ascii=False, indent=2))
    return status
