"""Command line entry point.

With no subcommand it opens the window; `check`, `meta`, `render` and `publish` work on
files without Qt. Each subcommand lives in ``editor/commands/<name>.py`` and exposes
``add_arguments(parser)`` and ``run(args) -> int``; only the chosen one is imported so
that scripting thousands of posts never pays for Qt or for the other commands.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from editor import __version__

COMMANDS: dict[str, str] = {
    "check": "report problems in posts as FILE:LINE:COL: message",
    "meta": "print or edit front matter, keeping the file's formatting",
    "render": "write a post's HTML (body fragment, or the full page with --page)",
    "publish": "export a post into a Jekyll site repository",
}


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="post-editor",
        description="Write Jekyll posts with a live preview. Subcommands: "
        + ", ".join(COMMANDS)
        + " (post-editor COMMAND --help).",
    )
    parser.add_argument("--version", action="version", version=f"post-editor {__version__}")
    parser.add_argument("file", nargs="?", help="post to open")
    parser.add_argument("--site", help="Jekyll site folder (the one with _config.yml)")
    parser.add_argument(
        "--selftest", action="store_true", help="open the sample post offscreen and check it"
    )
    return parser


def _run_command(name: str, argv: list[str]) -> int:
    module = importlib.import_module(f"editor.commands.{name}")
    parser = argparse.ArgumentParser(prog=f"post-editor {name}", description=COMMANDS[name])
    module.add_arguments(parser)
    args = parser.parse_args(argv)
    try:
        return int(module.run(args))
    except BrokenPipeError:
        # `post-editor render x | head` closes stdout early; that is not an error.
        return 0
    except KeyboardInterrupt:
        return 130


def _display_available() -> bool:
    """False on Linux/BSD with neither X11 nor Wayland (an ssh session): Qt would abort.
    A chosen QT_QPA_PLATFORM (offscreen, vnc, eglfs...) is the writer's call."""
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return True
    names = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    return any(os.environ.get(name) for name in names)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in COMMANDS:
        return _run_command(argv[0], argv[1:])
    args = _gui_parser().parse_args(argv)
    if not args.selftest and not _display_available():
        print(
            "post-editor: no display to open the window on (DISPLAY and WAYLAND_DISPLAY are "
            "not set). Without a window these work: " + ", ".join(COMMANDS) + " "
            "(post-editor COMMAND --help).",
            file=sys.stderr,
        )
        return 2
    from editor.app import run_gui  # Qt is imported only when a window is wanted

    return run_gui(file=args.file, site=args.site, selftest=args.selftest)


if __name__ == "__main__":
    sys.exit(main())
