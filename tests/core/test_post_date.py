"""Front matter dates: what Jekyll reads, and values that keep the YAML plain."""

from __future__ import annotations

import datetime as dt

import pytest

from editor.core.post import Post
from editor.core.post_date import (
    default_day,
    parse_post_date,
    site_zone,
    with_day,
    yaml_value,
)

KST = dt.timezone(dt.timedelta(hours=9))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023-09-29", dt.date(2023, 9, 29)),
        ("2023-09-29 10:00", dt.datetime(2023, 9, 29, 10, 0)),
        ("2023-09-29 10:00:05 +0900", dt.datetime(2023, 9, 29, 10, 0, 5, tzinfo=KST)),
        ("2023-09-29T10:00:00+09:00", dt.datetime(2023, 9, 29, 10, tzinfo=KST)),
        ("2023-09-29 10:00:00Z", dt.datetime(2023, 9, 29, 10, tzinfo=dt.UTC)),
        ("  2023-9-1  ", dt.date(2023, 9, 1)),
    ],
)
def test_dates_jekyll_reads(text, expected) -> None:
    assert parse_post_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "yesterday",
        "2023-13-01",
        "2023-02-30",
        "2023-09-29 25:00",
        "2023-09-29 10:00 +2500",
        "29.09.2023",
        "2023-09-29 10:00:00 +0900 extra",
    ],
)
def test_what_jekyll_would_not_read(text) -> None:
    assert parse_post_date(text) is None
    with pytest.raises(ValueError):
        yaml_value(text)


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("2023-09-30", "date: 2023-09-30\n"),
        ("2023-09-30 11:00:00 +0900", "date: 2023-09-30 11:00:00 +0900\n"),
        ("2023-09-30 11:00", "date: 2023-09-30 11:00\n"),
        ("2023-09-30 11:00:00", "date: 2023-09-30 11:00:00\n"),
        ("2023-09-30 11:00:00 +09:00", "date: 2023-09-30 11:00:00+09:00\n"),
    ],
)
def test_a_typed_date_is_written_as_a_plain_yaml_scalar(typed, written) -> None:
    post = Post.from_text("---\ntitle: a\ndate: 2023-09-29 10:00:00 +0900\n---\nbody\n", None)
    post.set_meta("date", yaml_value(typed))
    assert post.front_matter_text == "title: a\n" + written
    assert "'" not in post.front_matter_text


def test_with_day_keeps_time_and_zone_as_written() -> None:
    day = dt.date(2024, 1, 2)
    assert with_day("2023-09-29 10:00:00 +0900", day) == "2024-01-02 10:00:00 +0900"
    assert with_day("2023-09-29T10:00:00+09:00", day) == "2024-01-02T10:00:00+09:00"
    assert with_day("2023-09-29", day) == "2024-01-02"
    assert with_day("2023-09-29 10:00", day) == "2024-01-02 10:00"  # no zone: none added


def test_with_day_for_no_date_writes_the_day_alone() -> None:
    """No invented time of day and no zone of this computer: Jekyll reads a bare day as its
    start in the site's `timezone`."""
    day = dt.date(2024, 1, 2)
    assert with_day("", day) == "2024-01-02"
    assert with_day("garbage", day) == "2024-01-02"
    assert with_day("2023-13-40 10:00", day) == "2024-01-02"


def test_default_day_is_the_file_names_else_today_in_the_sites_zone() -> None:
    late_utc = dt.datetime(2026, 11, 27, 20, 30, tzinfo=dt.UTC)  # already the 28th in Seoul
    assert default_day("2023-09-29-digital.md", "Asia/Seoul", late_utc) == dt.date(2023, 9, 29)
    assert default_day(None, "Asia/Seoul", late_utc) == dt.date(2026, 11, 28)
    assert default_day("untitled.md", "America/New_York", late_utc) == dt.date(2026, 11, 27)
    assert default_day("2023-02-30-bad.md", "UTC", late_utc) == dt.date(2026, 11, 27)
    assert site_zone("Not/AZone") is None and site_zone(None) is None
    assert site_zone("Asia/Seoul").utcoffset(late_utc.replace(tzinfo=None)) == dt.timedelta(hours=9)
