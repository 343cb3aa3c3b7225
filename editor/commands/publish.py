"""``post-editor publish FILE --site DIR``: export a post into a Jekyll site, all or nothing."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from editor.publish.slug import SLUG_MODES


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="the post to publish")
    parser.add_argument("--site", required=True, help="the Jekyll site folder (with _config.yml)")
    parser.add_argument(
        "--draft",
        action="store_true",
        help="write _drafts/<slug>.md instead, with no date unless --date gives one",
    )
    parser.add_argument("--dry-run", action="store_true", help="show the plan, write nothing")
    parser.add_argument("--overwrite", action="store_true", help="replace an existing post")
    parser.add_argument(
        "--commit",
        action="store_true",
        help='git commit "Publish: <title>" ("Draft: <title>" with --draft)',
    )
    parser.add_argument("--push", action="store_true", help="commit, then push the branch")
    parser.add_argument(
        "--date",
        help="publish date, e.g. 2024-07-22 or '2024-07-22 10:30 +0900' (default: the front "
        "matter's date, else the file name's, else the day of publishing)",
    )
    parser.add_argument("--slug", help="the file name's slug (checked, used as given)")
    parser.add_argument(
        "--slug-mode",
        choices=SLUG_MODES,
        default=None,
        help="how to name the post (default: the mode last chosen for this site, else auto)",
    )


def _load(args: argparse.Namespace):
    from editor.core.post import Post
    from editor.core.site import Site

    site_root = Path(args.site)
    if not (site_root / "_config.yml").is_file():
        raise ValueError(f"{site_root} is not a Jekyll site: it has no _config.yml")
    site = Site(site_root)
    if site.config_error is not None:
        raise ValueError(f"{site_root / '_config.yml'}: {site.config_error}")
    return Post.load(Path(args.file)), site


def run(args: argparse.Namespace) -> int:
    from editor.publish.apply import apply_plan
    from editor.publish.journal import recover_interrupted_publish
    from editor.publish.plan import make_plan
    from editor.publish.prefs import remembered_publication, remembered_slug_mode

    try:
        post, site = _load(args)
    except (OSError, ValueError) as error:
        print(f"post-editor publish: {error}", file=sys.stderr)
        return 2
    for message in recover_interrupted_publish(site.root):
        print(f"post-editor publish: recovered an interrupted publish: {message}", file=sys.stderr)
    slug_mode = args.slug_mode or remembered_slug_mode(site.root) or "auto"
    plan = make_plan(
        post,
        site,
        draft=args.draft,
        overwrite=args.overwrite,
        commit=args.commit,
        push=args.push,
        date=args.date,
        slug=args.slug,
        slug_mode=slug_mode,
        published_as=remembered_publication(site.root, post.path, args.draft),
    )
    print(plan.describe(), end="")
    if args.dry_run or not plan.ok:
        return 0 if plan.ok else 1
    if plan.unchanged:
        return 0
    result = apply_plan(plan, progress=_progress if len(plan.copies) > 3 else None)
    record_publication(plan, result)
    for message in result.messages:
        print(message)
    if not result.ok:
        print(f"post-editor publish: {result.error}", file=sys.stderr)
        return 1
    print(f"published {plan.relative(plan.target)}" + (f" -> {plan.url}" if plan.url else ""))
    return 0


def _progress(done: int, total: int, label: str) -> None:
    print(f"[{done}/{total}] {label}", file=sys.stderr)


def record_publication(plan, result) -> None:
    """Remember where the post went; a config folder that cannot be written only loses this
    memory (the publish itself is done), so it is said and not an error."""
    from editor.publish.prefs import record_publication as record

    try:
        record(plan, result)
    except (OSError, ValueError) as error:
        print(f"post-editor publish: could not record the publish: {error}", file=sys.stderr)
