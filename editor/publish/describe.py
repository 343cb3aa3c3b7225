"""What a plan will do, as structured lines, and the English text --dry-run prints.

``plan_lines(plan)`` gives one ``PlanLine(kind, fields)`` per line of the plan's text, in
order; ``plan_diffs(plan)`` the unified diffs of the files it replaces. The CLI prints
``describe_plan(plan)``: each line through ``ENGLISH`` (its wording is a stable interface,
checked byte for byte by tests/publish/test_publish_describe.py), then the diffs. The
Publish dialog formats the same lines through its translated templates
(editor/ui/publish_text.py), so a new kind needs a template on both sides.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass, field

from editor.publish.plan import PublishPlan, unified_diff

# kind -> the English line; fields fill it in with str.format.
ENGLISH = {
    "heading": "Publish {title!r} into {site}",
    "file": "  file: {path}",
    "slug": "  slug: {slug} ({mode})   date: {date}",
    "slug-undated": "  slug: {slug} ({mode})   date: none yet (the day it is published)",
    "url": "  url:  {url}",
    "problem": "  {problem}",
    "nothing": "Nothing to do: the same content is already published.",
    "steps": "Steps:",
    "write": "  write {path}",
    "replace": "  replace {path}",
    "reuse": "  reuse {path} (same content as {source})",
    "copy": "  copy {source} -> {path}",
    "remove": "  remove {path} (the draft moves to _posts)",
    "git": "  git {command}",
    "conflict": "conflict: {path} exists with other content; "
    "use --overwrite (or confirm in the dialog) to replace it",
    "refused": "Refused: nothing will be written.",
}


@dataclass(frozen=True)
class PlanLine:
    """One line of a plan: ``kind`` is a key of ENGLISH; ``fields`` fill its template.
    Paths are relative to the site where they are inside it; a "problem" line holds the
    Problem itself; a "git" line holds ``args`` besides the shell-quoted ``command``."""

    kind: str
    fields: dict[str, object] = field(default_factory=dict, hash=False)


def _summary(plan: PublishPlan) -> list[PlanLine]:
    # "draft": the dialog says "save the draft" (the CLI's English line does not use it)
    fields = {"title": plan.title, "site": plan.site_root, "draft": plan.draft}
    lines = [PlanLine("heading", fields)]
    if plan.target is not None:
        lines.append(PlanLine("file", {"path": plan.relative(plan.target)}))
        fields = {"slug": plan.slug, "mode": plan.slug_mode, "date": plan.date}
        lines.append(PlanLine("slug" if plan.date else "slug-undated", fields))
    if plan.url:
        lines.append(PlanLine("url", {"url": plan.url}))
    return lines


def _actions(plan: PublishPlan) -> list[PlanLine]:
    lines: list[PlanLine] = []
    for write in plan.writes:
        kind = "replace" if write.existing is not None else "write"
        lines.append(PlanLine(kind, {"path": plan.relative(write.target)}))
    for copy in plan.copies:
        fields = {"path": plan.relative(copy.target), "source": copy.source}
        lines.append(PlanLine("reuse" if copy.reuse else "copy", fields))
    for removal in plan.removals:
        lines.append(PlanLine("remove", {"path": plan.relative(removal)}))
    for step in plan.git_steps:
        lines.append(PlanLine("git", {"command": shlex.join(step.args), "args": step.args}))
    return lines


def plan_lines(plan: PublishPlan) -> list[PlanLine]:
    """Every line of the plan's text, in order, without the diffs."""
    lines = _summary(plan)
    lines += [PlanLine("problem", {"problem": problem}) for problem in plan.problems]
    actions = _actions(plan)
    if plan.unchanged:
        lines.append(PlanLine("nothing"))
    if actions:
        lines.append(PlanLine("steps"))
        lines += actions
    for conflict in plan.conflicts:
        lines.append(PlanLine("conflict", {"path": plan.relative(conflict.target)}))
    if not plan.ok:
        lines.append(PlanLine("refused"))
    return lines


def plan_diffs(plan: PublishPlan) -> list[str]:
    """The unified diff of each file the plan replaces or conflicts with (no final newline)."""
    diffs = [w for w in plan.writes + plan.conflicts if w.existing is not None]
    return [
        unified_diff(write.existing, write.data, plan.relative(write.target)).rstrip("\n")
        for write in diffs
    ]


def english_line(line: PlanLine) -> str:
    return ENGLISH[line.kind].format(**line.fields)


def describe_plan(plan: PublishPlan) -> str:
    lines = [english_line(line) for line in plan_lines(plan)]
    for diff in plan_diffs(plan):
        lines += ["", diff]
    return "\n".join(lines) + "\n"
