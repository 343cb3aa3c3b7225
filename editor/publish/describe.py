"""``PublishPlan.describe()``: the text --dry-run prints and the dialog shows."""

from __future__ import annotations

import shlex

from editor.publish.plan import PublishPlan, unified_diff


def _summary(plan: PublishPlan) -> list[str]:
    lines = [f"Publish {plan.title!r} into {plan.site_root}"]
    if plan.target is not None:
        lines.append(f"  file: {plan.relative(plan.target)}")
        lines.append(f"  slug: {plan.slug} ({plan.slug_mode})   date: {plan.date}")
    if plan.url:
        lines.append(f"  url:  {plan.url}")
    return lines


def _actions(plan: PublishPlan) -> list[str]:
    lines: list[str] = []
    for write in plan.writes:
        verb = "replace" if write.existing is not None else "write"
        lines.append(f"{verb} {plan.relative(write.target)}")
    for copy in plan.copies:
        if copy.reuse:
            lines.append(f"reuse {plan.relative(copy.target)} (same content as {copy.source})")
        else:
            lines.append(f"copy {copy.source} -> {plan.relative(copy.target)}")
    for removal in plan.removals:
        lines.append(f"remove {plan.relative(removal)} (the draft moves to _posts)")
    for step in plan.git_steps:
        lines.append(f"git {shlex.join(step.args)}")
    return lines


def describe_plan(plan: PublishPlan) -> str:
    lines = _summary(plan)
    lines += [f"  {problem}" for problem in plan.problems]
    actions = _actions(plan)
    if plan.unchanged:
        lines.append("Nothing to do: the same content is already published.")
    if actions:
        lines.append("Steps:")
        lines += [f"  {action}" for action in actions]
    for conflict in plan.conflicts:
        lines.append(
            f"conflict: {plan.relative(conflict.target)} exists with other content; "
            "use --overwrite (or confirm in the dialog) to replace it"
        )
    if not plan.ok:
        lines.append("Refused: nothing will be written.")
    diffs = [w for w in plan.writes + plan.conflicts if w.existing is not None]
    for write in diffs:
        lines.append("")
        lines.append(
            unified_diff(write.existing, write.data, plan.relative(write.target)).rstrip("\n")
        )
    return "\n".join(lines) + "\n"
