"""Compiles the parser's modules with Cython when the machine can; pyproject.toml holds everything else.

The parser is written and tested as plain Python. Compiled by Cython (as pydantic 1 and aiohttp do with
theirs) the same source runs about 1.4 times faster, which the large-corpus speed target needs. The
build is optional: without Cython, without a C compiler, or with NATO_VIEWER_NO_COMPILE=1 set, the
package installs as pure Python and works the same, only slower. Next to the compiled modules the build
writes the SHA-256 of each source it compiled; `nato_viewer.core.parsing` runs a compiled module only
while its source still has that digest, so an edited checkout never runs stale compiled code.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

HERE = Path(__file__).resolve().parent
PARSING = Path("nato_viewer", "core", "parsing")
# Must match nato_viewer/core/parsing/__init__.py (which cannot be imported here: the build may run on
# a Python without the package's dependencies).
MANIFEST = "compiled-sources.txt"
NOT_COMPILED = {"__init__.py", "version.py"}  # the package hook itself; a once-per-run digest


def _sources() -> list[Path]:
    return sorted(p for p in (HERE / PARSING).glob("*.py") if p.name not in NOT_COMPILED)


class BuildParser(build_ext):
    """build_ext that builds on every core and records the digest of each source it compiled."""

    def initialize_options(self):
        super().initialize_options()
        self._built: set[str] = set()

    def finalize_options(self):
        super().finalize_options()
        if self.parallel is None:
            self.parallel = os.cpu_count() or 1

    def build_extension(self, ext):
        # Every failure (no compiler, no Python headers, a compiler error) leaves that module as Python
        # source, which the package then imports; the install itself must not fail.
        try:
            super().build_extension(ext)
        except Exception as exc:
            print(f"nato_viewer: {ext.name} stays pure Python ({type(exc).__name__}: {exc})", file=sys.stderr)
        else:
            self._built.add(ext.name)  # only these get a digest: an older build's file must not pass

    def run(self):
        super().run()
        built = [ext for ext in self.extensions if ext.name in self._built]
        if not built:
            return
        lines = []
        for ext in built:
            name = ext.name.rpartition(".")[2] + ".py"
            lines.append(f"{hashlib.sha256((HERE / PARSING / name).read_bytes()).hexdigest()}  {name}\n")
        target = Path(self.get_ext_fullpath(built[0].name)).parent / MANIFEST
        target.write_text("".join(lines), encoding="utf-8")
        print(f"nato_viewer: compiled {len(built)} parser modules", file=sys.stderr)


def _extensions() -> list[Extension]:
    if os.environ.get("NATO_VIEWER_NO_COMPILE"):
        return []
    try:
        from Cython.Build import cythonize
    except ImportError:
        print("nato_viewer: Cython is not available; the parser stays pure Python", file=sys.stderr)
        return []
    extensions = [
        Extension(
            ".".join((*PARSING.parts, path.stem)),
            [str(PARSING / path.name)],
            # -O1: the compiled code is mostly calls into the interpreter, which -O2 does not make
            # faster, and it halves the build time.
            extra_compile_args=[] if sys.platform == "win32" else ["-O1", "-g0"],
        )
        for path in _sources()
    ]
    try:
        return cythonize(
            extensions,
            build_dir="build/cython",  # the generated C stays out of the source tree
            # annotation_typing off: the annotations document the code; enforced by Cython they would
            # reject a tuple where `list` is written, which Python accepts.
            compiler_directives={"language_level": 3, "annotation_typing": False},
            quiet=True,
        )
    except Exception as exc:  # a Cython that cannot translate the source: install the source as it is
        print(f"nato_viewer: not compiling the parser ({type(exc).__name__}: {exc})", file=sys.stderr)
        return []


setup(ext_modules=_extensions(), cmdclass={"build_ext": BuildParser})
