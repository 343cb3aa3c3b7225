"""Front matter dates: what Jekyll reads, and values that keep the YAML plain."""

from __future__ import annotations

import datetime as dt

import pytest

from editor.core.post import Post
from editor.core.post_date import parse_post_date, with_day, yaml_value

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
    now = dt.datetime(2024, 5, 6, 7, 8, 9, tzinfo=KST)
    assert with_day("", day, now) == "2024-01-02 07:08:09 +0900"
    assert with_day("garbage", day, now) == "2024-01-02 07:08:09 +0900"
