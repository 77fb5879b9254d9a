"""Parser cost in CPU instructions per MB, counted by valgrind's callgrind: a figure that does not move
with the load of the machine, unlike seconds (use it to compare two versions of the parser).

    .venv/bin/python benchmarks/bench_parse_instructions.py [FOLDER] [--files N] [--step K] [--root DIR]

FOLDER is the unpacked large corpus (default /tmp/whb); every K-th file from the 8th on is parsed, N of
them (default 60, step 144: about 0.7 MB), after a warm-up that builds the lexicons and regexes. The
count is the difference between a run with the warm-up only and a run with the warm-up and the files.
`--root` parses with the nato_viewer of another checkout (e.g. a `git worktree` of an older commit).
Needs valgrind (Debian package valgrind); takes a few minutes. Prints figures only.
"""

from __future__ import annotations

import argparse
import glob
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Run inside valgrind: the warm-up, then the chosen files (none when N is 0).
_CHILD = """
import glob, os, sys
sys.path.insert(0, os.environ["NV_ROOT"])
from nato_viewer.core.batch import parse_one
files = sorted(glob.glob(os.path.join(os.environ["NV_FOLDER"], "**", "*.*"), recursive=True))
for path in files[1:2000:400]:
    parse_one(path)
for path in files[7::int(os.environ["NV_STEP"])][:int(os.environ["NV_FILES"])]:
    parse_one(path)
"""


def corpus_sample(folder: str, step: int, count: int) -> list[str]:
    """The files the child parses (same listing as in _CHILD)."""
    files = sorted(glob.glob(os.path.join(folder, "**", "*.*"), recursive=True))
    return files[7::step][:count]


def instructions(root: str, folder: str, step: int, count: int) -> int:
    env = dict(os.environ, NV_ROOT=root, NV_FOLDER=folder, NV_STEP=str(step), NV_FILES=str(count))
    run = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, "-c", _CHILD],
        env=env, capture_output=True, text=True, check=False)
    found = re.search(r"Collected\s*:\s*(\d+)", run.stderr)
    if run.returncode != 0 or not found:
        sys.exit(f"valgrind failed:\n{run.stderr[-2000:]}")
    return int(found.group(1))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", nargs="?", default="/tmp/whb", help="the unpacked large corpus")
    ap.add_argument("--files", type=int, default=60, help="how many files to parse (default 60)")
    ap.add_argument("--step", type=int, default=144, help="take every K-th file (default 144)")
    ap.add_argument("--root", default=str(ROOT), help="checkout whose parser is measured (default: this one)")
    args = ap.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed (Debian: apt-get install valgrind)")
    if not Path(args.folder).is_dir():
        sys.exit(f"no folder {args.folder}: unpack ../shared/corpus-large there first (see docs/benchmarks.md)")
    sample = corpus_sample(args.folder, args.step, args.files)
    mb = sum(os.path.getsize(p) for p in sample) / 1e6
    print(f"{len(sample)} files, {mb:.2f} MB, parser of {args.root}", flush=True)
    base = instructions(args.root, args.folder, args.step, 0)
    full = instructions(args.root, args.folder, args.step, len(sample))
    per_mb = (full - base) / 1e6 / mb
    print(f"instructions  {(full - base) / 1e6:,.0f} M for {mb:.2f} MB = {per_mb:,.0f} M per MB "
          f"(warm-up alone {base / 1e6:,.0f} M)")


if __name__ == "__main__":
    main()
