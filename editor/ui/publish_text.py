"""The publish plan in the UI language: the dialog's wording of editor.publish.describe's lines.

``plan_text(plan)`` is what the Publish dialog shows: every ``PlanLine`` through the templates
below (translated in the "PublishPlan" context), then the diffs unchanged. The CLI keeps its
own English (``describe_plan``); these English sources are for the dialog, so they speak of
its check boxes instead of command-line options. Problems with a ``code`` get a template from
``PROBLEMS``; the checks of editor.core (code "check") are worded by editor.ui.core_wording.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from editor.publish.describe import PlanLine, plan_diffs, plan_lines
from editor.publish.plan import Problem, PublishPlan
from editor.ui.core_wording import message_text

CONTEXT = "PublishPlan"

LINES = {
    "heading": QT_TRANSLATE_NOOP("PublishPlan", "Publish “{title}” into {site}"),
    "draft-heading": QT_TRANSLATE_NOOP("PublishPlan", "Save the draft “{title}” into {site}"),
    "file": QT_TRANSLATE_NOOP("PublishPlan", "  file: {path}"),
    "slug": QT_TRANSLATE_NOOP("PublishPlan", "  slug: {slug} ({mode})   date: {date}"),
    "slug-undated": QT_TRANSLATE_NOOP(
        "PublishPlan", "  slug: {slug} ({mode})   date: none yet (the day it is published)"
    ),
    "url": QT_TRANSLATE_NOOP("PublishPlan", "  address: {url}"),
    "nothing": QT_TRANSLATE_NOOP(
        "PublishPlan", "Nothing to do: the same content is already published."
    ),
    "steps": QT_TRANSLATE_NOOP("PublishPlan", "Steps:"),
    "write": QT_TRANSLATE_NOOP("PublishPlan", "  write {path}"),
    "replace": QT_TRANSLATE_NOOP("PublishPlan", "  replace {path}"),
    "reuse": QT_TRANSLATE_NOOP("PublishPlan", "  reuse {path} (same content as {source})"),
    "copy": QT_TRANSLATE_NOOP("PublishPlan", "  copy {source} → {path}"),
    "remove": QT_TRANSLATE_NOOP("PublishPlan", "  remove {path} (the draft moves to _posts)"),
    "git": QT_TRANSLATE_NOOP("PublishPlan", "  run: git {command}"),
    "conflict": QT_TRANSLATE_NOOP(
        "PublishPlan",
        "conflict: {path} exists with other content; tick “Replace” to replace it",
    ),
    "refused": QT_TRANSLATE_NOOP("PublishPlan", "Cannot publish: nothing will be written."),
}

GIT_STEPS = {
    "add": QT_TRANSLATE_NOOP("PublishPlan", "  git: stage {paths}"),
    "commit": QT_TRANSLATE_NOOP("PublishPlan", "  git: commit “{message}”"),
    "push": QT_TRANSLATE_NOOP("PublishPlan", "  git: push the branch {branch} to {remote}"),
}

SLUG_MODES = {
    "given": QT_TRANSLATE_NOOP("PublishPlan", "typed in"),
    "existing": QT_TRANSLATE_NOOP("PublishPlan", "kept from the file name"),
    "published-before": QT_TRANSLATE_NOOP("PublishPlan", "already published under this name"),
    "front-matter": QT_TRANSLATE_NOOP("PublishPlan", "front matter"),
    "number": QT_TRANSLATE_NOOP("PublishPlan", "next number"),
    "title": QT_TRANSLATE_NOOP("PublishPlan", "title"),
    "romanized": QT_TRANSLATE_NOOP("PublishPlan", "romanised title"),
}

PROBLEMS = {
    "read-only": QT_TRANSLATE_NOOP(
        "PublishPlan", "this post cannot be published as it is: {reason}"
    ),
    "front-matter": QT_TRANSLATE_NOOP(
        "PublishPlan", "the front matter cannot be read (line {row}, column {column}): {detail}"
    ),
    "no-title": QT_TRANSLATE_NOOP(
        "PublishPlan", "the post has no title: add `title:` to the front matter"
    ),
    "image-missing": QT_TRANSLATE_NOOP("PublishPlan", "image not found: {url}"),
    "image-too-large": QT_TRANSLATE_NOOP("PublishPlan", "image larger than 50 MB: {path}"),
    "image-unreadable": QT_TRANSLATE_NOOP("PublishPlan", "cannot read image {path}: {reason}"),
    "symlink": QT_TRANSLATE_NOOP("PublishPlan", "refusing to replace the symbolic link {path}"),
    "unsafe-path": QT_TRANSLATE_NOOP(
        "PublishPlan", "refusing a path outside the site or through a symbolic link: {path}"
    ),
    "not-git": QT_TRANSLATE_NOOP(
        "PublishPlan", "{root} is not a git repository: untick Commit and Push"
    ),
    "no-git-identity": QT_TRANSLATE_NOOP(
        "PublishPlan", "git does not know who you are: set user.name and user.email first"
    ),
    "detached-head": QT_TRANSLATE_NOOP(
        "PublishPlan", "the site repository is not on a branch (detached HEAD): cannot push"
    ),
    "no-remote": QT_TRANSLATE_NOOP("PublishPlan", "the site repository has no remote to push to"),
    "slug-empty": QT_TRANSLATE_NOOP(
        "PublishPlan", "the slug is empty: type one in Slug or add `slug:` to the front matter"
    ),
    "slug-separator": QT_TRANSLATE_NOOP(
        "PublishPlan", "slug “{slug}”: it contains a path separator"
    ),
    "slug-control": QT_TRANSLATE_NOOP(
        "PublishPlan", "slug “{slug}”: it contains a control character (NUL, tab, newline...)"
    ),
    "slug-dot": QT_TRANSLATE_NOOP(
        "PublishPlan", "slug “{slug}”: it starts or ends with a dot or a space"
    ),
    "slug-device": QT_TRANSLATE_NOOP(
        "PublishPlan", "slug “{slug}”: a reserved device name on Windows; choose another"
    ),
    "slug-windows-char": QT_TRANSLATE_NOOP(
        "PublishPlan", "slug “{slug}”: it contains a character Windows forbids in file names"
    ),
    "slug-too-long": QT_TRANSLATE_NOOP(
        "PublishPlan", "the slug is longer than {limit} bytes; shorten it"
    ),
    "slug-mode-unknown": QT_TRANSLATE_NOOP("PublishPlan", "unknown slug mode “{mode}”"),
    "slug-no-front-matter": QT_TRANSLATE_NOOP(
        "PublishPlan", "the front matter has no `slug:`; choose another slug mode"
    ),
    "slug-no-number": QT_TRANSLATE_NOOP(
        "PublishPlan", "this site does not name its posts by number; choose another slug mode"
    ),
    "date-format": QT_TRANSLATE_NOOP(
        "PublishPlan", "“{value}” is not a date like 2024-07-22 or 2024-07-22 10:30:00 +0900"
    ),
    "date-invalid": QT_TRANSLATE_NOOP("PublishPlan", "“{value}” is not a real date"),
    "same-title": QT_TRANSLATE_NOOP(
        "PublishPlan", "a post with the same title is already in the site: {paths}"
    ),
}
# What applying a plan says: progress labels, results, errors (editor.publish.wording.Phrase
# codes from apply.py, gitops.py, journal.py and planning.py's git steps).
SAID = {
    "progress-write": QT_TRANSLATE_NOOP("PublishPlan", "write {name}"),
    "progress-copy": QT_TRANSLATE_NOOP("PublishPlan", "copy {name}"),
    "progress-remove": QT_TRANSLATE_NOOP("PublishPlan", "remove {name}"),
    "git-stage": QT_TRANSLATE_NOOP("PublishPlan", "stage the post and its images"),
    "git-commit": QT_TRANSLATE_NOOP("PublishPlan", "commit “{message}”"),
    "git-push": QT_TRANSLATE_NOOP("PublishPlan", "push {branch} to {remote}"),
    "nothing-to-commit": QT_TRANSLATE_NOOP("PublishPlan", "git: nothing new to commit"),
    "committed": QT_TRANSLATE_NOOP("PublishPlan", "committed {commit} “{message}”"),
    "pushed": QT_TRANSLATE_NOOP("PublishPlan", "pushed {branch} to {remote}"),
    "recovered": QT_TRANSLATE_NOOP("PublishPlan", "recovered an interrupted publish: {detail}"),
    "not-published": QT_TRANSLATE_NOOP("PublishPlan", "nothing was published: {reason}"),
    "push-error": QT_TRANSLATE_NOOP("PublishPlan", "committed, but the push failed: {reason}"),
    "push-rejected": QT_TRANSLATE_NOOP(
        "PublishPlan",
        "The push was rejected: {remote}/{branch} has commits that are not here. "
        "Your commit is kept locally; nothing was forced. To publish it, run:",
    ),
    "push-failed": QT_TRANSLATE_NOOP(
        "PublishPlan", "git push failed (your commit is kept): {detail}"
    ),
    "stale-changed": QT_TRANSLATE_NOOP(
        "PublishPlan", "{path} changed since the plan was made; open Publish again"
    ),
    "stale-appeared": QT_TRANSLATE_NOOP(
        "PublishPlan", "{path} appeared since the plan was made; open Publish again"
    ),
    "stale-gone": QT_TRANSLATE_NOOP(
        "PublishPlan", "{path} is gone since the plan was made; open Publish again"
    ),
    "journal-unreadable": QT_TRANSLATE_NOOP(
        "PublishPlan", "could not read the publish journal {path}: {reason}"
    ),
    "journal-kept": QT_TRANSLATE_NOOP(
        "PublishPlan", "publish journal {path} left in place, could not recover: {reason}"
    ),
    "recovery-committed": QT_TRANSLATE_NOOP(
        "PublishPlan", "an interrupted publish had already committed to git: kept it, cleaned up"
    ),
    "recovery-rolled-back": QT_TRANSLATE_NOOP(
        "PublishPlan", "rolled back an interrupted publish of {count} file(s)"
    ),
    "recovery-restored": QT_TRANSLATE_NOOP("PublishPlan", "restored {name}"),
    "recovery-removed": QT_TRANSLATE_NOOP("PublishPlan", "removed the half-published {name}"),
    "recovery-unstage-failed": QT_TRANSLATE_NOOP(
        "PublishPlan", "could not unstage the published paths in git: {reason}"
    ),
}

SEVERITIES = {
    "error": QT_TRANSLATE_NOOP("PublishPlan", "error"),
    "warning": QT_TRANSLATE_NOOP("PublishPlan", "warning"),
}
LINE_NUMBER = QT_TRANSLATE_NOOP("PublishPlan", "line {line}: ")
COVER_IMAGE = QT_TRANSLATE_NOOP("PublishPlan", " (front matter `image`)")


def _tr(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


def check_message(message: str) -> str:
    """A message of editor.core (a check's problem, a front matter error, a post's read-only
    reason) in the UI language, when core_wording knows its wording; else as it is. The plan
    keeps only the check's English message (not its code), so it is recognised by wording."""
    return message_text(message)


def problem_message(problem: Problem) -> str:
    """The problem's message in the UI language (core checks keep their English)."""
    if problem.code == "check":
        return check_message(problem.message)
    template = PROBLEMS.get(problem.code)
    if template is None:
        return problem.message
    fields = dict(problem.fields)
    for name in ("detail", "reason"):  # a message of editor.core (front matter, read-only)
        if problem.code in ("front-matter", "read-only") and isinstance(fields.get(name), str):
            fields[name] = check_message(fields[name])
    message = _tr(template).format(**fields)
    return message + (_tr(COVER_IMAGE) if problem.fields.get("cover") else "")


def said_text(said: object) -> str:
    """A message, label or error from applying a plan, in the UI language. Text without a
    known code (git's or the system's own words) is shown as it is."""
    code = getattr(said, "code", "")
    template = SAID.get(code) or PROBLEMS.get(code)
    if template is None:
        return str(said)
    fields = {
        key: said_text(value) if getattr(value, "code", "") else value
        for key, value in said.fields.items()
    }
    text = _tr(template).format(**fields)
    if code == "push-rejected":  # the commands to run stay as they are
        text += "\n" + "\n".join(str(said).split("\n")[1:])
    return text


def problem_text(problem: Problem) -> str:
    """``error: line 7: image not found: x.png`` in the UI language."""
    severity = _tr(SEVERITIES.get(problem.severity, problem.severity))
    where = _tr(LINE_NUMBER).format(line=problem.line) if problem.line else ""
    return f"{severity}: {where}{problem_message(problem)}"


def git_text(args: tuple[str, ...]) -> str | None:
    """A planned git step in words (the args are those gitops runs), or None if unknown."""
    if args[0] == "add":
        return _tr(GIT_STEPS["add"]).format(paths=" ".join(args[args.index("--") + 1 :]))
    if args[0] == "commit" and "-m" in args:
        return _tr(GIT_STEPS["commit"]).format(message=args[args.index("-m") + 1])
    if args[0] == "push" and len(args) >= 3:
        branch = args[-1].split("refs/heads/", 1)[-1]
        return _tr(GIT_STEPS["push"]).format(branch=branch, remote=args[-2])
    return None


def line_text(line: PlanLine) -> str:
    if line.kind == "problem":
        return "  " + problem_text(line.fields["problem"])
    if line.kind == "git" and (worded := git_text(line.fields["args"])):
        return worded
    fields = dict(line.fields)
    if line.kind == "heading" and fields.get("draft"):
        return _tr(LINES["draft-heading"]).format(**fields)
    if line.kind in ("slug", "slug-undated"):
        fields["mode"] = _tr(SLUG_MODES.get(str(fields["mode"]), str(fields["mode"])))
    return _tr(LINES[line.kind]).format(**fields)


def plan_text(plan: PublishPlan) -> str:
    """The dialog's view of the plan: what --dry-run prints, in the UI language."""
    lines = [line_text(line) for line in plan_lines(plan)]
    for diff in plan_diffs(plan):
        lines += ["", diff]
    return "\n".join(lines) + "\n"
