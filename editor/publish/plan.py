"""Plan a publish: every file write, image copy, removal and git step, as data.

``make_plan`` reads the post and the site and writes nothing; the dialog and ``--dry-run``
show ``plan.describe()``, and ``apply_plan`` carries the plan out all or nothing.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from editor.core.image_store import UnsafePathError
from editor.publish.wording import Refusal


@dataclass(frozen=True)
class FileWrite:
    target: Path
    data: bytes
    existing: bytes | None  # what the target holds now; shown as a diff


@dataclass(frozen=True)
class ImageCopy:
    source: Path
    target: Path
    url: str
    reuse: bool  # identical content already in the site: nothing is copied


@dataclass(frozen=True)
class GitStep:
    args: tuple[str, ...]
    description: str


@dataclass(frozen=True)
class Problem:
    """One finding. ``message`` is the English the CLI prints; ``code`` and ``fields`` let the
    dialog word it in the UI language ("check" problems come from editor.core.checks and have
    only their English message)."""

    severity: str  # "error" | "warning"
    message: str
    line: int | None = None
    column: int | None = None
    code: str = ""
    fields: dict[str, object] = field(default_factory=dict, compare=False, hash=False)

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line else ""
        return f"{self.severity}: {where}{self.message}"


@dataclass
class PublishPlan:
    site_root: Path
    draft: bool = False  # the target is in _drafts (``--draft``)
    title: str = ""
    source: Path | None = None  # the post's own file, if it has one
    target: Path | None = None
    slug: str = ""
    slug_mode: str = ""
    date: str = ""
    url: str | None = None
    writes: list[FileWrite] = field(default_factory=list)
    copies: list[ImageCopy] = field(default_factory=list)
    site_images: list[Path] = field(default_factory=list)  # used images already in the site
    removals: list[Path] = field(default_factory=list)
    git_steps: list[GitStep] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    conflicts: list[FileWrite] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def ok(self) -> bool:
        return not self.errors and not self.conflicts

    @property
    def unchanged(self) -> bool:
        """Nothing to do: the same content is already published."""
        new_copies = [c for c in self.copies if not c.reuse]
        return self.ok and not (self.writes or new_copies or self.removals or self.git_steps)

    def error(
        self, message: str, line: int | None = None, code: str = "", **fields: object
    ) -> None:
        self.problems.append(Problem("error", message, line, code=code, fields=fields))

    def relative(self, path: Path) -> str:
        try:
            return Path(os.path.abspath(path)).relative_to(self.site_root).as_posix()
        except ValueError:
            return str(path)

    def describe(self) -> str:
        from editor.publish.describe import describe_plan

        return describe_plan(self)


def unified_diff(old: bytes, new: bytes, name: str) -> str:
    old_lines = old.decode("utf-8", "replace").splitlines(keepends=True)
    new_lines = new.decode("utf-8", "replace").splitlines(keepends=True)
    diff = difflib.unified_diff(old_lines, new_lines, f"a/{name}", f"b/{name}")
    return "".join(line if line.endswith("\n") else line + "\n" for line in diff)


def make_plan(
    post,
    site,
    *,
    draft: bool = False,
    overwrite: bool = False,
    commit: bool = False,
    push: bool = False,
    date: str | None = None,
    slug: str | None = None,
    slug_mode: str = "auto",
    now: datetime | None = None,
    published_as: Path | None = None,
) -> PublishPlan:
    """Decide everything a publish would do; write nothing.

    ``published_as``: where this source file was last published in this site, as recorded
    (``editor.publish.prefs.remembered_publication``); publishing it again updates that file.
    """
    from editor.publish.planning import fill_plan

    plan = PublishPlan(site_root=Path(os.path.abspath(site.root)), draft=draft)
    try:
        fill_plan(
            plan,
            post,
            site,
            draft,
            overwrite,
            commit or push,
            push,
            date,
            slug,
            slug_mode,
            now,
            published_as,
        )
    except Refusal as refusal:  # SlugError, DateError, UnsafeTargetError
        plan.error(str(refusal), None, refusal.code, **refusal.fields)
    except UnsafePathError as refusal:  # from editor.core: its English message only
        plan.error(str(refusal))
    return plan
