"""A post's front matter `date` as Jekyll reads it: checked, and written back in its style.

Jekyll takes `2023-09-29`, `2023-09-29 10:00`, `2023-09-29 10:00:00 +0900` (its own style)
and ISO 8601 (`2023-09-29T10:00:00+09:00`). YAML reads some of these as timestamps and the
rest as strings; `yaml_value` returns the Python value that keeps the file's YAML plain
(a date or datetime for the timestamp shapes, the text itself for the others), so a date
typed in the form never turns into a quoted string.
"""

from __future__ import annotations

import datetime as _dt
import re
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

_DATE_RE = re.compile(
    r"(?P<y>\d{4})-(?P<mo>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:(?:[Tt]|[ \t]+)(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?"
    r"(?:[ \t]*(?P<tz>Z|[+-]\d{2}(?::?\d{2})?))?)?"
)
# YAML 1.1's timestamp shapes (what a YAML loader turns into date/datetime objects)
_YAML_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_YAML_TIMESTAMP = re.compile(
    r"\d{4}-\d{1,2}-\d{1,2}(?:[Tt]|[ \t]+)\d{1,2}:\d{2}:\d{2}"
    r"(?:[ \t]*(?:Z|[+-]\d{1,2}(?::\d{2})?))?"
)
EXAMPLE = "2023-09-29 10:00:00 +0900"


def parse_post_date(text: str) -> _dt.date | _dt.datetime | None:
    """The date or datetime `text` names, or None when Jekyll would not read it."""
    match = _DATE_RE.fullmatch(text.strip())
    if match is None:
        return None
    try:
        day = _dt.date(int(match["y"]), int(match["mo"]), int(match["d"]))
        if match["h"] is None:
            return day
        clock = _dt.time(int(match["h"]), int(match["mi"]), int(match["s"] or 0))
        zone = _zone(match["tz"])
    except ValueError:  # month 13, hour 25, offset +25:00 ...
        return None
    return _dt.datetime.combine(day, clock, tzinfo=zone)


def yaml_value(text: str) -> object:
    """What to store for a valid date `text` so the YAML stays a plain scalar."""
    text = text.strip()
    parsed = parse_post_date(text)
    if parsed is None:
        raise ValueError(f"not a date Jekyll reads: {text!r}")
    if _YAML_DATE.fullmatch(text) or _YAML_TIMESTAMP.fullmatch(text):
        return parsed  # YAML reads it as a timestamp: write one, not a quoted string
    return text  # Jekyll's own `+0900` style and `HH:MM` are plain strings to YAML


def with_day(text: str, day: _dt.date) -> str:
    """`text` with its calendar day replaced by `day`, keeping time and zone as written.

    Empty or unreadable text becomes the date alone (`2026-11-15`), the form post file names
    use: Jekyll reads it as the start of that day in the site's `timezone`. Inventing a time
    of day, or this computer's zone, would say something the writer never chose.
    """
    match = _DATE_RE.fullmatch(text.strip())
    if match is not None and parse_post_date(text) is not None:
        stripped = text.strip()
        return day.isoformat() + stripped[match.end("d") :]
    return day.isoformat()


_FILE_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})-")


def default_day(
    file_name: str | None, zone_name: str | None, now: _dt.datetime | None = None
) -> _dt.date:
    """The day a calendar shows for a post with no date: the file name's (`2023-09-29-x.md`),
    else today in the site's `timezone` (this computer's zone when unset or unknown)."""
    match = _FILE_DAY.match(file_name or "")
    if match:
        try:
            return _dt.date(*(int(part) for part in match.groups()))
        except ValueError:
            pass
    now = now or _dt.datetime.now(_dt.UTC)
    return now.astimezone(site_zone(zone_name)).date()


def site_zone(zone_name: str | None) -> _dt.tzinfo | None:
    """The site's `timezone` (an IANA name such as Asia/Seoul), or None for this computer's."""
    if not zone_name:
        return None
    try:
        return ZoneInfo(zone_name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _zone(text: str | None) -> _dt.tzinfo | None:
    if text is None:
        return None
    if text == "Z":
        return _dt.UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:] or 0)
    if hours > 23 or minutes > 59:
        raise ValueError(f"bad offset {text}")
    return _dt.timezone(sign * _dt.timedelta(hours=hours, minutes=minutes))
