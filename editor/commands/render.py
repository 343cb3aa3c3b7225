"""`post-editor render FILE [--site DIR] [--page] [-o OUT]`: a post's HTML.

Without --page it writes the body fragment exactly as render_body returns it (what Jekyll
publishes as `{{ content }}`, not sanitised); with --page the full preview page. This is
also the app's "export HTML". Output goes to stdout, or atomically to OUT.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="the post (Markdown with front matter)")
    parser.add_argument(
        "--site", metavar="DIR", help="Jekyll site folder (default: found above FILE)"
    )
    parser.add_argument(
        "--page", action="store_true", help="write the full preview page, not just the body"
    )
    parser.add_argument(
        "-o", "--output", metavar="OUT", help="write to OUT (atomically) instead of stdout"
    )


def run(args: argparse.Namespace) -> int:
    from editor.core.post import Post

    path = Path(args.file)
    if not path.is_file():
        return _fail(f"{path}: no such file" if not path.exists() else f"{path}: not a file")
    try:
        post = Post.load(path)
    except (OSError, ValueError) as error:
        return _fail(f"{path}: cannot read the post: {error}")
    if post.read_only_reason is not None:  # not text: rendering would print mojibake
        return _fail(f"{path}: {post.decode_error or post.read_only_reason}")
    if getattr(post, "meta_error", None):
        _warn(f"{path}: front matter could not be read ({post.meta_error}); body rendered as is")
    try:
        html = _render(post, path, args)
    except _SiteError as error:
        return _fail(str(error))
    return _write(html, args.output)


class _SiteError(Exception):
    pass


def _render(post: Any, path: Path, args: argparse.Namespace) -> str:
    from editor.render.pipeline import render_body

    body_html = render_body(post.body)
    if not args.page:
        return body_html
    from editor.render.page import render_page

    return render_page(post, _site_for(path, args.site), body_html=body_html)


def _site_for(path: Path, site_dir: str | None) -> Any | None:
    from editor.core.site import Site

    if site_dir is None:
        try:
            return Site.find(path.resolve().parent)
        except (OSError, ValueError):
            return None  # no site around the post: site images show as missing
    if not Path(site_dir).is_dir():
        raise _SiteError(f"{site_dir}: no such folder (--site)")
    try:
        return Site(Path(site_dir))
    except (OSError, ValueError) as error:
        raise _SiteError(f"{site_dir}: cannot open the site: {error}") from error


def _write(html: str, output: str | None) -> int:
    data = html.encode("utf-8")
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return 0
    from editor.core.textio import atomic_write

    try:
        atomic_write(Path(output), data)
    except OSError as error:  # SaveError is an OSError with a plain-words message
        return _fail(str(error))
    return 0


def _warn(message: str) -> None:
    print(f"post-editor render: {message}", file=sys.stderr)


def _fail(message: str) -> int:
    _warn(message)
    return 1
