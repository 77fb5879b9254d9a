"""`nato-viewer`: the app with no verb (or with paths), and the verbs parse, index, search and brief.

Each verb lives in its own module exposing `add_arguments(parser)` and `run(args) -> int`;
modules are imported only when their verb is used, so `parse` never loads Qt.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

VERBS = {
    "parse": ("nato_viewer.core.parse_cli", "parse files and folders and print what they report"),
    "index": ("nato_viewer.core.library_cli", "add files and folders to the library"),
    "search": ("nato_viewer.core.search_cli", "search the library"),
    "brief": ("nato_viewer.qt.brief_cli", "write a briefing sheet (PDF or HTML)"),
}


def _verb_parser(verb: str):
    """The parser of one verb (only that verb's module is imported)."""
    module_name, helptext = VERBS[verb]
    module = importlib.import_module(module_name)
    parser = argparse.ArgumentParser(prog=f"nato-viewer {verb}", description=helptext)
    module.add_arguments(parser)
    return parser, module


def _app_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="nato-viewer",
        description="Open the nato_viewer window. Verbs without a display: "
        + ", ".join(VERBS) + " (nato-viewer VERB --help).",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or folders to open (default: the library)")
    parser.add_argument("--lang", choices=["fr", "en"], help="interface language (default: the system's)")
    parser.add_argument("--db", metavar="PATH", help="library database (default: in the user's data folder)")
    parser.add_argument("--reset-settings", action="store_true", help="forget window layout and preferences")
    return parser


def has_display() -> bool:
    if sys.platform != "linux":
        return True
    if os.environ.get("QT_QPA_PLATFORM", "").split(":")[0] in ("offscreen", "minimal", "vnc", "eglfs", "linuxfb"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in VERBS:
        parser, module = _verb_parser(argv[0])
        args = parser.parse_args(argv[1:])
        args.verb = argv[0]
        try:
            return int(module.run(args) or 0)
        except KeyboardInterrupt:
            print("interrupted", file=sys.stderr)
            return 130
        except BrokenPipeError:
            return 0
    if argv and argv[0] in ("-h", "--help"):
        _app_parser().print_help()
        print("\nverbs:")
        for verb, (_module, helptext) in VERBS.items():
            print(f"  {verb:<8} {helptext}")
        return 0
    args = _app_parser().parse_args(argv)
    if not has_display():
        print(
            "nato-viewer: no display found (DISPLAY is not set); the window cannot open. "
            "Without a display use: nato-viewer parse|index|search|brief (see nato-viewer VERB --help).",
            file=sys.stderr,
        )
        return 2
    from nato_viewer.qt.app import run

    return int(run(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
