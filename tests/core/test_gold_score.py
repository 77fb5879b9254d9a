"""Regression guard: the parser's score on ../shared/gold must not drop below the last recorded figures.

Raise the floors in FLOORS when the parser improves (docs/parser-score.md has the latest scorer output).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys

# Last recorded figures (minus a small margin for rounding).
FLOORS = {
    "score": 0.94,
    "events": 0.76,
    "quotes": 0.97,
    "speakers": 0.96,
    "figures": 0.97,
    "countries": 0.97,
    "pledging": 0.88,
    "people": 0.97,
}
SEED_FLOOR = 0.95


def run_scorer(shared, tmp_path, docs):
    from nato_viewer.core.export import export
    from nato_viewer.core.parsing.pipeline import parse_file

    parsed = [parse_file(p) for folder in docs for p in sorted(folder.glob("*.txt"))]
    out = tmp_path / "parsed.json"
    out.write_text(json.dumps(export(parsed, []), ensure_ascii=False), encoding="utf-8")
    gold = shared / "gold"
    args = [sys.executable, str(shared / "tools" / "score.py"), str(out), str(gold)]
    for folder in docs:
        args += ["--docs", str(folder)]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def f1_of(output: str, key: str) -> float:
    m = re.search(rf"^{key}\s+P [\d.]+ R [\d.]+ F1 ([\d.]+)", output, re.M)
    assert m, f"no {key} line in scorer output"
    return float(m.group(1))


def test_gold_score_does_not_regress(shared, tmp_path):
    out = run_scorer(shared, tmp_path, [shared / "seeds", shared / "corpus"])
    score = float(re.search(r"^score: ([\d.]+)", out, re.M).group(1))
    assert score >= FLOORS["score"], out[-800:]
    for key, floor in FLOORS.items():
        if key != "score":
            assert f1_of(out, key) >= floor, f"{key} dropped below {floor}\n{out[-800:]}"
    spans = re.search(r"^spans valid\s+(\d+)/(\d+)", out, re.M)
    if spans:
        assert spans.group(1) == spans.group(2), "some quote or figure spans do not point at their text"


def test_seed_score(shared, tmp_path):
    seed_gold = tmp_path / "gold"
    seed_gold.mkdir()
    for g in (shared / "gold").glob("000_*.json"):
        (seed_gold / g.name).write_text(g.read_text(encoding="utf-8"), encoding="utf-8")
    from nato_viewer.core.export import export
    from nato_viewer.core.parsing.pipeline import parse_file

    docs = [parse_file(p) for p in sorted((shared / "seeds").glob("*.txt"))]
    out_json = tmp_path / "seed.json"
    out_json.write_text(json.dumps(export(docs, [])), encoding="utf-8")
    out = subprocess.run(
        [sys.executable, str(shared / "tools" / "score.py"), str(out_json), str(seed_gold), "--docs", str(shared / "seeds")],
        capture_output=True, text=True, check=True,
    ).stdout
    score = float(re.search(r"^score: ([\d.]+)", out, re.M).group(1))
    assert score >= SEED_FLOOR, out
    spans = re.search(r"^spans valid\s+(\d+)/(\d+)", out, re.M)
    assert spans and spans.group(1) == spans.group(2), out
