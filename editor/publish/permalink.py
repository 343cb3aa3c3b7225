"""Where Jekyll 4 puts a post: its URL from the site's ``permalink`` setting (lib/jekyll/url.rb).

Used to tell the writer the address of the published post and, in tests, to find the page
Jekyll built. Returns the unescaped path, as the file appears under ``_site``.
"""

from __future__ import annotations

import re
from datetime import datetime

from editor.publish.slug import jekyll_slugify

STYLES = {
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
    "none": "/:categories/:title:output_ext",
}


def categories_of(meta: dict) -> list[str]:
    """Jekyll's categories: ``categories`` (a list, or a space-separated string) + ``category``."""
    found: list[str] = []
    for key in ("category", "categories"):
        value = meta.get(key)
        if isinstance(value, str):
            found.extend(value.split() if key == "categories" else [value])
        elif isinstance(value, list):
            found.extend(str(item) for item in value if item is not None)
    return found


def _placeholders(when: datetime, slug: str, meta: dict) -> dict[str, str]:
    categories: list[str] = []
    for category in categories_of(meta):
        if category.lower() not in categories:
            categories.append(category.lower())
    slug_source = str(meta["slug"]) if meta.get("slug") else slug
    return {
        "year": when.strftime("%Y"),
        "month": when.strftime("%m"),
        "day": when.strftime("%d"),
        "hour": when.strftime("%H"),
        "minute": when.strftime("%M"),
        "second": when.strftime("%S"),
        "i_day": str(when.day),
        "i_month": str(when.month),
        "short_month": when.strftime("%b"),
        "long_month": when.strftime("%B"),
        "short_year": when.strftime("%y"),
        "y_day": when.strftime("%j"),
        "week": when.strftime("%V"),
        "short_day": when.strftime("%a"),
        "long_day": when.strftime("%A"),
        "title": jekyll_slugify(slug_source, mode="pretty", cased=True),
        "slug": jekyll_slugify(slug_source),
        "name": jekyll_slugify(slug_source),
        "categories": "/".join(categories),
        "slugified_categories": "/".join(jekyll_slugify(c) for c in categories),
        "output_ext": ".html",
    }


def post_url(permalink: str | None, when: datetime, slug: str, meta: dict) -> str:
    """The post's URL path (unescaped) for the site's ``permalink`` style or template."""
    template = str(meta.get("permalink") or permalink or "date")
    template = STYLES.get(template.lstrip(":"), template)
    values = _placeholders(when, slug, meta)

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        for key in (name, name.rstrip("_")):
            if key in values:
                return values[key] + name[len(key) :]
        return match.group(0)

    url = re.sub(r":([a-z_]+)", replace, template)
    url = ("/" + url).replace("..", "/").replace("./", "")
    return re.sub(r"/{2,}", "/", url)


def output_file(url: str) -> str:
    """The file under ``_site`` that serves ``url``."""
    relative = url.lstrip("/")
    return relative + "index.html" if url.endswith("/") else relative
