"""`post-editor check FILE... [--site DIR]`: report problems in posts.

Output, one problem per line on stdout, sorted by file then position (a stable format that
editors and CI can parse, like a compiler's):

    FILE:LINE:COL: SEVERITY: MESSAGE

LINE and COL are 1-based and count characters in the file; SEVERITY is `error` or `warning`;
MESSAGE is a single line. A file that cannot be read at all (missing, a folder, no permission,
binary or undecodable bytes) gets one `FILE:1:1: error: ...` line. Nothing else goes to stdout.

Exit status: 1 if any error was reported, 0 otherwise (warnings alone give 0), 2 for bad usage.

Image paths like `/assets/img/x.jpg` are checked against the site folder: `--site DIR`, or else
the nearest folder above each file that holds `_config.yml`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from editor.core.checks import Problem, check_post
from editor.core.post import Post
from editor.core.site import CONFIG_NAME, Site


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help="posts to check")
    parser.add_argument(
        "--site", metavar="DIR", help="Jekyll site folder (default: found above each file)"
    )
    parser.epilog = (
        "Prints FILE:LINE:COL: SEVERITY: MESSAGE per problem; exit 1 if any error, else 0."
    )


def format_problem(file: str, problem: Problem) -> str:
    message = " ".join(problem.message.split())  # one line, always
    return f"{file}:{problem.line}:{problem.column}: {problem.severity}: {message}"


def problems_for(file: str, site: Site | None) -> list[Problem]:
    """Problems of one file; an unreadable file is one error, never an exception."""
    try:
        post = Post.load(Path(file))
    except OSError as error:
        return [Problem(1, 1, error.strerror or str(error), "error")]
    return check_post(post, site)


def run(args: argparse.Namespace) -> int:
    site = None
    if args.site:
        root = Path(args.site)
        if not (root / CONFIG_NAME).is_file():
            print(f"post-editor check: no {CONFIG_NAME} in {root}", file=sys.stderr)
            return 2
        site = Site(root)
    sites: dict[Path, Site | None] = {}  # one Site per folder, found once
    failed = False
    for file in args.files:
        folder = Path(file).resolve().parent
        if site is None and folder not in sites:
            sites[folder] = Site.find(folder)
        for problem in problems_for(file, site or sites[folder]):
            print(format_problem(file, problem))
            failed = failed or problem.severity == "error"
    return 1 if failed else 0
