"""A Jekyll site folder: its _config.yml, posts, image folder and the categories/tags in use."""

from __future__ import annotations

import re
from collections import Counter
from functools import cached_property
from pathlib import Path
from urllib.parse import unquote, urlsplit

from editor.core import frontmatter
from editor.core.frontmatter import FrontMatterError
from editor.core.textio import DecodeError, decode, is_temp_file

CONFIG_NAME = "_config.yml"
DEFAULT_IMAGE_DIR = "assets/img"
POST_SUFFIXES = {".md", ".markdown", ".mkd", ".mkdn", ".mdown", ".html", ".htm"}
_LIQUID_PREFIX = re.compile(r"^\{\{\s*site\.(?:baseurl|url)\s*\}\}")
_BODY_IMAGE = re.compile(
    r"!\[[^\]\n]*\]\(\s*<?([^)\s>]+)|<img\b[^>]*?\bsrc\s*=\s*[\"']?([^\"'\s>]+)", re.IGNORECASE
)
_CONFIG_MAX_CHARS = 1_000_000
_FRONT_MATTER_PEEK = 64 * 1024  # front matter sits at the top; never read whole 10 MB posts


class Site:
    """The folder holding _config.yml. Nothing here writes to disk."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root).resolve()
        self.config: dict = {}
        self.config_error: FrontMatterError | None = None
        self._meta_cache: dict[Path, tuple[tuple[int, int], dict]] = {}
        self._load_config()

    @classmethod
    def find(cls, start: Path) -> Site | None:
        """Walk up from a file or folder to the folder holding _config.yml."""
        start = Path(start).resolve()
        folder = start if start.is_dir() else start.parent
        for candidate in (folder, *folder.parents):
            if (candidate / CONFIG_NAME).is_file():
                return cls(candidate)
        return None

    def _load_config(self) -> None:
        path = self.root / CONFIG_NAME
        try:
            text, _ = decode(path.read_bytes())
            loaded = frontmatter.load_yaml(text, first_line=1, max_chars=_CONFIG_MAX_CHARS)
        except FileNotFoundError:
            return
        except (OSError, DecodeError) as error:
            self.config_error = FrontMatterError(f"cannot read {CONFIG_NAME}: {error}")
            return
        except FrontMatterError as error:
            self.config_error = error
            return
        if isinstance(loaded, dict):
            self.config = loaded
        elif loaded is not None:
            self.config_error = FrontMatterError(f"{CONFIG_NAME} is not `key: value` lines")

    # ------------------------------------------------------------------ folders and settings

    @property
    def posts_dir(self) -> Path:
        return self.root / "_posts"

    @property
    def drafts_dir(self) -> Path:
        return self.root / "_drafts"

    @property
    def timezone(self) -> str | None:
        value = self.config.get("timezone")
        return str(value) if value else None

    @property
    def permalink(self) -> str:
        return str(self.config.get("permalink") or "date")  # Jekyll's default style

    @property
    def baseurl(self) -> str:
        return str(self.config.get("baseurl") or "").rstrip("/")

    @cached_property
    def image_dir(self) -> Path:
        """assets/img, unless the posts keep their images mostly in another site folder.

        Each folder counts the posts that use it or a folder below it; the deepest folder used
        by at least half of the posts with local images wins (so `img/<post>/` sub-folders
        give `img`).
        """
        users: Counter[Path] = Counter()
        posts_with_images = 0
        for path in self.post_files():
            folders: set[Path] = set()
            for url in _image_urls(_read_text(path)):
                resolved = self.resolve_site_path(url)
                if resolved is not None and resolved.parent != self.root:
                    relative = resolved.parent.relative_to(self.root)
                    folders.update([relative, *list(relative.parents)[:-1]])
            users.update(folders)
            posts_with_images += bool(folders)
        popular = [folder for folder, count in users.items() if count * 2 >= posts_with_images]
        if not popular:
            return self.root / DEFAULT_IMAGE_DIR
        best = max(popular, key=lambda folder: (len(folder.parts), users[folder], str(folder)))
        return self.root / best

    def post_files(self) -> list[Path]:
        """Posts in _posts and _drafts (sub-folders too), sorted; temp files left out."""
        files = []
        for folder in (self.posts_dir, self.drafts_dir):
            if folder.is_dir():
                files += [
                    path
                    for path in folder.rglob("*")
                    if path.suffix.lower() in POST_SUFFIXES
                    and path.is_file()
                    and not is_temp_file(path)
                    and not path.name.startswith(".")
                ]
        return sorted(files)

    # ------------------------------------------------------------------ categories and tags

    def _meta_of(self, path: Path) -> dict:
        try:
            stat = path.stat()
        except OSError:
            return {}
        stamp = (stat.st_mtime_ns, stat.st_size)
        cached = self._meta_cache.get(path)
        if cached and cached[0] == stamp:
            return cached[1]
        parts = frontmatter.split(_read_text(path, _FRONT_MATTER_PEEK))
        try:
            meta = frontmatter.parse(parts.yaml_text) if parts.has_front_matter else {}
        except FrontMatterError:
            meta = {}
        self._meta_cache[path] = (stamp, meta)
        return meta

    def _count(self, *keys: str) -> list[str]:
        counts: Counter[str] = Counter()
        for path in self.post_files():
            meta = self._meta_of(path)
            value = next((meta[key] for key in keys if key in meta), None)
            if isinstance(value, list):
                counts.update(str(item) for item in value if item is not None)
            elif value is not None:
                counts.update(str(value).split())
        return [name for name, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]

    def categories_in_use(self) -> list[str]:
        """Categories used by the site's posts, most used first."""
        return self._count("categories", "category")

    def tags_in_use(self) -> list[str]:
        """Tags used by the site's posts, most used first."""
        return self._count("tags", "tag")

    # ------------------------------------------------------------------ paths

    def resolve_site_path(self, url_path: str) -> Path | None:
        """ "/assets/img/x.jpg" -> the file inside root (existing or not); None if outside.

        Accepts `{{ site.baseurl }}/...` and the site's own baseurl prefix. Remote URLs,
        relative paths and anything that escapes the root (.., symlinks) give None.
        """
        url = _LIQUID_PREFIX.sub("", url_path.strip())
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or not parts.path.startswith("/"):
            return None
        path = unquote(parts.path)
        if self.baseurl and (path == self.baseurl or path.startswith(self.baseurl + "/")):
            path = path[len(self.baseurl) :] or "/"
        if "\x00" in path:
            return None
        candidate = (self.root / path.lstrip("/")).resolve()
        return candidate if candidate.is_relative_to(self.root) else None


def _read_text(path: Path, limit: int | None = None) -> str:
    try:
        with path.open("rb") as handle:
            data = handle.read(limit) if limit else handle.read()
    except OSError:
        return ""
    try:
        return decode(data)[0]
    except DecodeError:
        # A peek may cut a multi-byte character in half; the front matter is still readable.
        return data.decode("utf-8", "ignore") if limit else ""


def _image_urls(text: str) -> list[str]:
    parts = frontmatter.split(text)
    urls = [first or second for first, second in _BODY_IMAGE.findall(parts.body)]
    image = re.search(r"^image:\s*['\"]?([^'\"\s]+)", parts.yaml_text, re.MULTILINE)
    if image:
        urls.append(image.group(1))
    return urls
