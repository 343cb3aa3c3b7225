"""The date and slug of a post being published: ``_posts/YYYY-MM-DD-<slug>.md``."""

from __future__ import annotations

import re
from datetime import date, datetime, time, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from editor.publish.slug import (
    SLUG_MODES,
    SlugError,
    check_slug,
    jekyll_slugify,
    next_number_slug,
    romanized_slug,
    truncate_slug,
)
from editor.publish.wording import Refusal

_DATE_TEXT = re.compile(
    r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})"
    r"(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?"
    r"\s*(Z|[+-]\d{2}:?\d{2})?\s*$"
)
_DATED_NAME = re.compile(r"^(\d{4}-\d{1,2}-\d{1,2})-(.+)\.(?:md|markdown)$")


class DateError(Refusal):
    """A date that Jekyll would not read."""


def site_zone(site) -> tzinfo:
    """The site's ``timezone`` from _config.yml, else this computer's zone."""
    zone = getattr(site, "timezone", None)
    if isinstance(zone, tzinfo):
        return zone
    if zone:
        try:
            return ZoneInfo(str(zone))
        except (ZoneInfoNotFoundError, ValueError):
            pass
    return datetime.now().astimezone().tzinfo


def parse_date(value, zone: tzinfo) -> datetime:
    """A front matter or --date value as an aware datetime in the site's zone."""
    if isinstance(value, datetime):
        when = value
    elif isinstance(value, date):
        when = datetime.combine(value, time())
    else:
        match = _DATE_TEXT.match(str(value))
        if not match:
            example = "2024-07-22 or 2024-07-22 10:30:00 +0900"
            raise DateError(f"{value!r} is not a date like {example}", "date-format", value=value)
        y, mo, d, h, mi, s, offset = match.groups()
        try:
            when = datetime(int(y), int(mo), int(d), int(h or 0), int(mi or 0), int(s or 0))
        except ValueError as error:
            message = f"{value!r} is not a real date: {error}"
            raise DateError(message, "date-invalid", value=value) from None
        if offset:
            text = "+0000" if offset == "Z" else offset.replace(":", "")
            when = datetime.strptime(
                when.strftime("%Y-%m-%d %H:%M:%S") + text, "%Y-%m-%d %H:%M:%S%z"
            )
    if when.tzinfo is None:
        return when.replace(tzinfo=zone)
    return when.astimezone(zone)


def format_date(when: datetime) -> str:
    """The form Jekyll's own ``jekyll post`` writes: ``2024-07-22 10:30:00 +0900``."""
    return when.strftime("%Y-%m-%d %H:%M:%S %z")


def existing_slug(post_path: Path | None) -> str | None:
    """The slug of a file already named ``YYYY-MM-DD-<slug>.md`` (republishing keeps it)."""
    if post_path is None:
        return None
    match = _DATED_NAME.match(Path(post_path).name)
    return match.group(2) if match else None


def _title_slug(title: str) -> str:
    slug = truncate_slug(jekyll_slugify(title))
    return slug or truncate_slug(romanized_slug(title))


def choose_slug(post, site, mode: str, explicit: str | None) -> tuple[str, str]:
    """``(slug, mode used)``; raises SlugError with a message the writer can act on."""
    if explicit is not None:
        return check_slug(explicit), "given"
    if mode not in SLUG_MODES:
        message = f"unknown slug mode {mode!r}; choose one of {', '.join(SLUG_MODES)}"
        raise SlugError(message, "slug-mode-unknown", mode=mode)
    meta_slug = post.meta.get("slug") if isinstance(post.meta, dict) else None
    title = str(post.title or "")
    if mode == "auto":
        kept = existing_slug(getattr(post, "path", None))
        if kept:
            return check_slug(kept), "existing"
        mode = "front-matter" if meta_slug else "number" if next_number_slug(site) else "title"
    if mode == "front-matter":
        if not meta_slug:
            message = "the front matter has no `slug:`; choose another slug mode"
            raise SlugError(message, "slug-no-front-matter")
        return check_slug(str(meta_slug)), mode
    if mode == "number":
        number = next_number_slug(site)
        if number is None:
            message = "this site does not name its posts by number; choose another mode"
            raise SlugError(message, "slug-no-number")
        return number, mode
    slug = truncate_slug(romanized_slug(title)) if mode == "romanized" else _title_slug(title)
    return check_slug(slug), mode
