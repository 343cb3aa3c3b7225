"""The steps of ``make_plan``: check, name, images, target, git. Writes nothing."""

from __future__ import annotations

import os
import re
from datetime import datetime
from pathlib import Path

from editor.core.checks import check_post
from editor.core.image_store import (
    UnsafePathError,
    choose_image_target,
    ensure_safe_target,
    is_inside,
)
from editor.publish import gitops
from editor.publish.earlier import earlier_publication, same_title
from editor.publish.images import find_image_refs, resolve_image, rewrite_refs
from editor.publish.naming import choose_slug, format_date, parse_date, site_zone
from editor.publish.permalink import post_url
from editor.publish.plan import FileWrite, GitStep, ImageCopy, Problem, PublishPlan
from editor.publish.wording import Phrase, Refusal

MAX_IMAGE_BYTES = 50 * 1024 * 1024
_DATED_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})-.+\.(?:md|markdown)$")


def fill_plan(
    plan: PublishPlan,
    post,
    site,
    draft: bool,
    overwrite: bool,
    commit: bool,
    push: bool,
    date: str | None,
    slug: str | None,
    slug_mode: str,
    now: datetime | None,
    recorded: Path | None = None,
) -> None:
    plan.title = str(post.title or "")
    source = post_path(post)
    plan.source = Path(os.path.abspath(source)) if source is not None else None
    run_checks(plan, post, site)
    if plan.errors:
        return
    published = copy_of(post)
    date_given = date is not None or has_date(published) or bool(dated_file_name(source))
    plan.slug, plan.slug_mode = choose_slug(post, site, slug_mode, slug)
    when = publish_date(plan, published, site, date, now, draft)
    folder = Path(site.drafts_dir if draft else site.posts_dir)
    name = f"{plan.slug}.md" if draft else f"{when:%Y-%m-%d}-{plan.slug}.md"
    set_target(plan, site, published, Path(os.path.abspath(folder / name)), when)
    plan_images(plan, published, site, Path(post.path).parent if source else None)
    if plan.errors:
        return
    if plan.slug_mode != "given":  # a name the writer typed is used as given
        follow_earlier(plan, published, site, recorded, date_given)
    warn_same_title(plan, site)
    plan_post_write(plan, published.to_bytes(), overwrite)
    plan_draft_move(plan, post, site, draft)
    if commit and (plan.writes or plan.removals or any(not c.reuse for c in plan.copies)):
        plan_git(plan, push)
    elif push and plan.ok and gitops.repo_root(plan.site_root) is not None:
        plan_pending_push(plan)


def has_date(post) -> bool:
    meta = post.meta if isinstance(post.meta, dict) else {}
    return meta.get("date") not in (None, "")


def set_target(plan: PublishPlan, site, published, target: Path, when: datetime | None) -> None:
    """The file to write and, for a post (not a draft), its address on the site."""
    plan.target = target
    ensure_inside_site(plan, target)
    if when is not None and not plan.draft:
        meta = published.meta if isinstance(published.meta, dict) else {}
        plan.url = post_url(getattr(site, "permalink", None), when, plan.slug, meta)


def follow_earlier(
    plan: PublishPlan, published, site, recorded: Path | None, date_given: bool
) -> None:
    """Publishing the same post again updates its earlier file (editor.publish.earlier)
    instead of adding a copy under a new name (a new number, a changed title or date).

    A date the writer chose (``date_given``) stands; otherwise the post keeps the earlier
    file's date, so publishing the same content again changes nothing.
    """
    folder = Path(site.drafts_dir if plan.draft else site.posts_dir)
    earlier = earlier_publication(folder, plan.title, published.body, plan.source, recorded)
    name_date = dated_file_name(earlier)
    if earlier is None or earlier == plan.target or not (plan.draft or name_date):
        return
    plan.slug = earlier.stem.split("-", 3)[-1] if name_date else earlier.stem
    plan.slug_mode = "published-before"
    when = None
    if not plan.draft:
        zone = site_zone(site)
        when, value = (
            (parse_date(plan.date, zone), None) if date_given else file_date(earlier, zone)
        )
        if when is None:  # the earlier file is dated by its name only: so is this one
            when = parse_date(name_date, zone)
            published.unset_meta("date")
        elif not date_given:
            published.set_meta("date", value)  # as it is written there: the same bytes
        plan.date = format_date(when)
    plan.url = None
    set_target(plan, site, published, earlier, when)


def file_date(path: Path, zone) -> tuple[datetime | None, object]:
    """The front matter date of the post file at ``path`` (parsed, and its YAML value), if
    it has a readable one."""
    from editor.core.post import Post

    try:
        value = Post.load(path).meta.get("date")
        return (parse_date(value, zone), value) if value else (None, None)
    except (OSError, ValueError, AttributeError):
        return None, None


def warn_same_title(plan: PublishPlan, site) -> None:
    """Another post in the site with this title: the writer should know before adding one."""
    if plan.target is None:
        return
    folders = [Path(site.posts_dir), Path(site.drafts_dir)]
    others = same_title(folders, plan.title, {plan.target, *filter(None, [plan.source])})
    if others:
        paths = ", ".join(plan.relative(path) for path in others)
        message = f"a post with the same title is already in the site: {paths}"
        plan.problems.append(
            Problem("warning", message, code="same-title", fields={"paths": paths})
        )


class UnsafeTargetError(Refusal, UnsafePathError):
    """A target outside the site or through a symlink, with the path for the dialog."""


def ensure_inside_site(plan: PublishPlan, path: Path) -> None:
    try:
        ensure_safe_target(plan.site_root, path)
    except UnsafePathError as error:
        raise UnsafeTargetError(str(error), "unsafe-path", path=plan.relative(path)) from None


def post_path(post) -> Path | None:
    path = getattr(post, "path", None)
    return Path(path) if path else None


def copy_of(post):
    """A copy to edit (date, image links) so the writer's open document is not changed."""
    return type(post).from_bytes(post.to_bytes(), post_path(post))


def run_checks(plan: PublishPlan, post, site) -> None:
    if getattr(post, "read_only_reason", None):
        reason = post.read_only_reason
        plan.error(
            f"this post cannot be published as it is: {reason}", None, "read-only", reason=reason
        )
        return
    if getattr(post, "meta_error", None):
        error = post.meta_error
        where = {"row": getattr(error, "line", 1), "column": getattr(error, "column", 1)}
        detail = getattr(error, "message", str(error))
        message = f"the front matter cannot be read: {error}"
        plan.error(message, None, "front-matter", detail=detail, **where)
        return
    # Without the site: the image check would call a local image "missing" that the
    # publish copies in; plan_images checks images itself.
    for found in check_post(post, None):
        severity = "error" if found.severity == "error" else "warning"
        plan.problems.append(Problem(severity, found.message, found.line, found.column, "check"))
    if not str(post.title or "").strip() and not any(
        "title" in p.message.lower() for p in plan.errors
    ):
        plan.error("the post has no title: add `title:` to the front matter", None, "no-title")


def dated_file_name(path: Path | None) -> str | None:
    """The date of a file named ``YYYY-MM-DD-<slug>.md``, else None."""
    match = _DATED_NAME.match(path.name) if path is not None else None
    return match.group(1) if match else None


def published_date(site, slug: str, zone) -> datetime | None:
    """The front matter date of the one post in _posts named ``<date>-<slug>.md``, if any."""
    from editor.core.post import Post

    matches = [
        path
        for path in Path(site.posts_dir).glob(f"*-{glob_escape(slug)}.md")
        if dated_file_name(path) and path.name.split("-", 3)[-1] == f"{slug}.md"
    ]
    if len(matches) != 1 or matches[0].is_symlink():
        return None
    try:
        value = Post.load(matches[0]).meta.get("date")
        return parse_date(value, zone) if value else None
    except (OSError, ValueError):
        return None


def glob_escape(text: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in text)


def publish_date(
    plan: PublishPlan, published, site, override: str | None, now, draft: bool
) -> datetime | None:
    """The post's date; None for a draft that has none (the plan then says "none yet").

    A date the writer set explicitly always wins: ``override`` (``--date`` or the dialog's
    Date field, written into the front matter) or a non-empty front matter ``date``. A post
    already named ``YYYY-MM-DD-<slug>.md``, or republished under a slug already in _posts,
    keeps that date. Otherwise the date is the day of publishing, written in. A draft
    (``draft``) is never given a date: it returns None, so a draft published weeks later
    carries the day it is published, not the day it was drafted.
    """
    zone = site_zone(site)
    meta = published.meta if isinstance(published.meta, dict) else {}
    if override is not None:
        when = parse_date(override, zone)
        published.set_meta("date", format_date(when))
    elif meta.get("date") not in (None, ""):
        when = parse_date(meta["date"], zone)
    elif draft:
        plan.date = ""
        return None
    elif name_date := dated_file_name(post_path(published)):
        # Jekyll takes the date from a dated file name; the new file keeps that date.
        when = parse_date(name_date, zone)
    elif earlier := published_date(site, plan.slug, zone):
        # Published before under this slug: keep that date, so publishing again updates
        # that post (or shows the difference) instead of adding a copy dated today.
        when = earlier
        published.set_meta("date", format_date(when))
    else:
        when = (now or datetime.now(zone)).astimezone(zone)
        published.set_meta("date", format_date(when))
    plan.date = format_date(when)
    return when


def plan_images(plan: PublishPlan, published, site, post_dir: Path | None) -> None:
    """Copy images from outside the site; rewrite their links in the published copy."""
    pending: dict[Path, bytes] = {}
    replacements = []
    for ref in find_image_refs(published.body):
        line = published.body_first_line + ref.line - 1
        new_url = plan_one_image(plan, site, ref.url, post_dir, pending, line)
        if new_url is not None and new_url != ref.url:
            replacements.append((ref, new_url))
    meta = published.meta if isinstance(published.meta, dict) else {}
    plan_cover_image(plan, published, site, post_dir, pending, meta.get("image"))
    if replacements:
        published.set_body(rewrite_refs(published.body, replacements))


def plan_cover_image(plan, published, site, post_dir, pending, cover) -> None:
    """Front matter ``image: url`` or, as Chirpy writes it, ``image: {path: url, alt: ...}``."""
    url = cover.get("path") if isinstance(cover, dict) else cover
    if not isinstance(url, str) or not url.strip():
        return
    new_url = plan_one_image(plan, site, url.strip(), post_dir, pending, None)
    if new_url is None or new_url == url.strip():
        return
    published.set_meta("image", {**cover, "path": new_url} if isinstance(cover, dict) else new_url)


def plan_one_image(plan, site, url, post_dir, pending, line) -> str | None:
    found = resolve_image(url, post_dir, plan.site_root)
    where = "" if line else " (front matter `image`)"
    cover = line is None
    if found.kind == "missing":
        plan.error(f"image not found: {url}{where}", line, "image-missing", url=url, cover=cover)
        return None
    if found.kind == "site" and found.path not in plan.site_images:
        plan.site_images.append(found.path)  # git may not have it yet (a pasted image)
    if found.kind == "remote" or not found.rewrite:
        return None
    if found.kind == "site":
        return (
            "/"
            + Path(os.path.realpath(found.path))
            .relative_to(os.path.realpath(plan.site_root))
            .as_posix()
        )
    try:
        if found.path.stat().st_size > MAX_IMAGE_BYTES:
            message = f"image larger than 50 MB: {found.path}{where}"
            plan.error(message, line, "image-too-large", path=found.path, cover=cover)
            return None
        data = found.path.read_bytes()
    except OSError as error:
        message = f"cannot read image {found.path}: {error.strerror}{where}"
        fields = {"path": found.path, "reason": error.strerror, "cover": cover}
        plan.error(message, line, "image-unreadable", **fields)
        return None
    target, site_url, reuse = choose_image_target(site, data, found.path.name, pending)
    if not reuse:
        pending[target] = data
    if not any(c.target == target for c in plan.copies):
        plan.copies.append(ImageCopy(found.path, target, site_url, reuse))
    return site_url


def plan_post_write(plan: PublishPlan, data: bytes, overwrite: bool) -> None:
    target = plan.target
    if target.is_symlink():
        plan.error(f"refusing to replace the symlink {target}", None, "symlink", path=target)
        return
    existing = target.read_bytes() if target.exists() else None
    if existing == data:
        return  # republishing the same content changes nothing
    write = FileWrite(target, data, existing)
    if existing is not None and not overwrite:
        plan.conflicts.append(write)
    else:
        plan.writes.append(write)


def plan_draft_move(plan: PublishPlan, post, site, draft: bool) -> None:
    """Publishing a draft from the site's _drafts moves it: the draft file goes."""
    source = post_path(post)
    if draft or source is None or not source.exists():
        return
    drafts = Path(os.path.abspath(site.drafts_dir))
    if Path(os.path.abspath(source)).parent == drafts and is_inside(plan.site_root, source):
        ensure_inside_site(plan, Path(os.path.abspath(source)))
        plan.removals.append(Path(os.path.abspath(source)))


def plan_git(plan: PublishPlan, push: bool) -> None:
    root = plan.site_root
    if gitops.repo_root(root) is None:
        message = f"{root} is not a git repository: publish without --commit/--push"
        plan.error(message, None, "not-git", root=root)
        return
    if not gitops.has_identity(root):
        message = "git does not know who you are: set user.name and user.email first"
        plan.error(message, None, "no-git-identity")
        return
    adds = [plan.relative(w.target) for w in plan.writes]
    adds += [plan.relative(c.target) for c in plan.copies]
    adds += site_images_to_commit(plan)
    removes = [plan.relative(p) for p in plan.removals if gitops.is_tracked(root, p)]
    paths = sorted(set(adds)) + removes
    # Saving a draft publishes nothing yet: the history should say which it was.
    message = f"{'Draft' if plan.draft else 'Publish'}: {plan.title}"
    if adds:
        said = Phrase("stage the post and its images", "git-stage")
        step = GitStep(("add", "--", *sorted(set(adds))), said)
        plan.git_steps.append(step)
    plan.git_steps.append(
        GitStep(
            ("commit", "--quiet", "--only", "-m", message, "--", *paths),
            Phrase(message, "git-commit", message=message),
        )
    )
    if push:
        plan_push(plan)


def site_images_to_commit(plan: PublishPlan) -> list[str]:
    """The site's images the post uses that git lacks or has in another version: an image
    pasted in the window lands in the site before publishing, and the pushed post needs it."""
    inside = [plan.relative(path) for path in plan.site_images if path.is_file()]
    # One by one: git names changed paths from the repository's root, which may lie above
    # the site (a site in docs/), while `git add` here runs in the site.
    return [
        name
        for name in inside
        if not Path(name).is_absolute() and gitops.changed_paths(plan.site_root, [name])
    ]


def plan_pending_push(plan: PublishPlan) -> None:
    """The post is published already, but a failed push may have left its commit here:
    push what the remote lacks, so publishing again reaches the blog."""
    branch = gitops.current_branch(plan.site_root)
    remote = gitops.push_remote(plan.site_root, branch) if branch else None
    if remote is not None and gitops.has_unpushed_commits(plan.site_root, remote, branch):
        plan_push(plan)


def plan_push(plan: PublishPlan) -> None:
    branch = gitops.current_branch(plan.site_root)
    if branch is None:
        message = "the site repository is not on a branch (detached HEAD): cannot push"
        plan.error(message, None, "detached-head")
        return
    remote = gitops.push_remote(plan.site_root, branch)
    if remote is None:
        plan.error("the site repository has no remote to push to", None, "no-remote")
        return
    plan.git_steps.append(
        GitStep(
            ("push", "--porcelain", remote, f"HEAD:refs/heads/{branch}"),
            Phrase(f"push {branch} to {remote}", "git-push", branch=branch, remote=remote),
        )
    )
