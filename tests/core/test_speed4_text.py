"""The fourth round's shortcuts in the shared steps (sentence regex, fold, prose view, loader) give what the
plain forms give."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nato_viewer.core import loader
from nato_viewer.core.loader import LoadError, front_matter, load
from nato_viewer.core.parsing import prose as prose_mod
from nato_viewer.core.parsing import text as text_mod
from nato_viewer.core.parsing.context import ParseContext
from nato_viewer.core.parsing.text import fold, split_sentences

# Pieces of press text around sentence ends: abbreviations (any case, accented), initials, numbers and
# digits outside ASCII, opening and closing quotes, list items, headings and every kind of blank.
_WORDS = st.sampled_from([
    "The", "minister", "said", "Mr", "MR", "mR", "Dr", "Mrs", "Gen", "gén", "GÉN", "févr", "U.S", "u.k", "e.g", "No",
    "Sept", "Alliance", "aujourd'hui", "Élysée", "é", "J", "İ", "ß", "ſt", "\u212a", "Ł", "ł", "Σ", "ª", "1", "2.5",
    "2024", "²", "٣", "a", "x" * 5, "abcdefgh", "abcd", "a_b", "«", "»", "“", "”", '"', "(", ")", "[", "’", "#", "-",
    "*", "+", "•", "12", "1)", "|", ">", "_", "",
])
_STOPS = st.sampled_from(["", "", ".", ".", "?", "!", "…", "...", ".»", ".”", ".)", ".'", ",", ";", ":", "!.", "?!"])
_SPACES = st.sampled_from([
    " ", " ", " ", "  ", "\n", "\n\n", "\n \n", " \n", "\n- ", "\n1. ", "\n12) ", "\n  * ", "\n#", "\n>", "\n|",
    "\t", "\u00a0", "\u2028", "\x0c", "", "       ", "        ", "\n\t- ", " « ", ' "', " (",
])
_TEXTS = st.lists(st.tuples(_WORDS, _STOPS, _SPACES).map("".join), max_size=40).map("".join)


@settings(max_examples=1500, deadline=None)
@given(_TEXTS, st.booleans(), st.integers(0, 8))
def test_the_sentence_regex_splits_as_the_candidate_loop(text, wrapped, start):
    start = min(start, len(text))
    assert split_sentences(text, start, None, wrapped) == text_mod._split_at_candidates(text, start, len(text),
                                                                                         wrapped)


def test_the_sentence_regex_on_known_cases():
    text = ("Mr. Doe met GEN. Roe and J. Smith in the U.S. capital. The talks ended. « Next came lunch. » It was "
            "2024. 5 ministers came! « the talks » went on. Then Gén. Roe left.\n\n- An item. Another one  \n\nEnd  ")
    got = [text[s:e] for s, e in split_sentences(text, wrapped=True)]
    assert got == ["Mr. Doe met GEN. Roe and J. Smith in the U.S. capital.", "The talks ended.",
                   "« Next came lunch.", "» It was 2024. 5 ministers came! « the talks » went on.",
                   "Then Gén. Roe left.", "- An item.", "Another one", "End"]
    assert got == [text[s:e] for s, e in text_mod._split_at_candidates(text, 0, len(text), True)]


# Characters outside ASCII that fold alone, in pairs where one folds to the other ("É" to "é" to "e"),
# and that change length in lower case ("İ").
_FOLD_ALPHABET = st.sampled_from(list("aZéÉèÀçœŒßİıﬁ’‘`'\u00a0\u202f\t -–—\n.«»ΣσςЖж\U0001d400\u212a") + ["\ud800"])


def _plain_fold(text: str) -> str:
    """`text.fold` before this round: the characters outside ASCII found one "?" of an ASCII encoding at a time."""
    if text.isascii():
        return text.lower()
    low = text.lower().replace("`", "'").replace("\t", " ")
    if len(low) != len(text):
        return text.translate(text_mod._FOLD_TABLE)
    raw = low.encode("ascii", "replace")
    found = {low[k] for k in range(len(low)) if raw[k] == ord("?")}
    changes = {ch: text_mod._FOLD_TABLE[ord(ch)] for ch in found if ch != "?"}
    changes = {ch: folded for ch, folded in changes.items() if folded != ch}
    if not changes.keys().isdisjoint(changes.values()):
        return text_mod._NON_ASCII_RUN.sub(text_mod._fold_run, low)
    for ch, folded in changes.items():
        low = low.replace(ch, folded)
    return low


@settings(max_examples=500, deadline=None)
@given(st.lists(_FOLD_ALPHABET, max_size=60).map("".join))
def test_fold_finds_every_character_outside_ascii(text):
    assert fold(text) == _plain_fold(text)


def _plain_spaces_at(text: str, positions: list[int]) -> str:
    chars = list(text)
    for k in positions:
        chars[k] = " "
    return "".join(chars)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab\n ", max_size=40), st.data())
def test_spaces_at_the_cuts_is_a_space_at_each_position(text, data):
    positions = sorted(data.draw(st.sets(st.integers(0, max(len(text) - 1, 0)))) if text else [])
    cuts = prose_mod._cuts(positions, len(text))
    assert prose_mod._spaces_at(text, cuts) == _plain_spaces_at(text, positions)


def test_prose_view_has_spaces_at_the_soft_breaks_of_scan_and_folded():
    line = "The ministers of the Alliance met today in Brussels and said"
    text = "\n".join([line] * 6) + "\n<b>x</b> end."
    ctx = ParseContext(text=text, scan=text, language="en", doc_date=None)
    view = prose_mod.prose(ctx)
    soft = [m.start() for m in prose_mod._SOFT_BREAK_RE.finditer(text)]
    assert soft and view.scan.startswith(_plain_spaces_at(text, soft)[:len(line) * 6])
    assert view.folded == fold(view.scan)


def _plain_front_matter(text: str):
    """`loader.front_matter` before this round: lines found by a regex, closing quotes by a loop."""
    m = loader._FM.match(text)
    if not m:
        return {}, {}, 0
    values, spans = {}, {}
    block_start, block = m.start(1), m.group(1)
    lines = list(re.finditer(r"[^\n]*", block))
    lines = [ln for k, ln in enumerate(lines) if k == 0 or ln.start() != lines[k - 1].end() or ln.group(0)]
    k = 0
    while k < len(lines):
        line = loader._FM_LINE.match(lines[k].group(0))
        k += 1
        if not line:
            continue
        key = line.group(1).lower()
        vs = block_start + lines[k - 1].start() + line.start(2)
        ve = block_start + lines[k - 1].start() + line.end(2)
        raw = line.group(2)
        if raw[:1] in ("'", '"') and not _plain_closed(raw):
            while k < len(lines) and lines[k].group(0)[:1] in (" ", "\t") and not _plain_closed(raw):
                nxt = lines[k].group(0)
                raw = raw[:-1] if raw.endswith("\\") else raw + "\n"
                raw += nxt.strip()
                ve = block_start + lines[k].start() + len(nxt.rstrip())
                k += 1
            raw = raw.replace("\n", " ")
        value = raw
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            quote = value[0]
            value, vs, ve = value[1:-1], vs + 1, ve - 1
            value = (re.sub(r"\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)", _plain_unescape, value)
                     if quote == '"' else value.replace("''", "'"))
        values[key] = value
        spans[key] = (vs, ve)
    return values, spans, m.end()


def _plain_closed(raw: str) -> bool:
    if raw[0] == "'":
        return "'" in raw[1:].replace("''", "")
    escaped = False
    for ch in raw[1:]:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == '"':
            return True
    return False


def _plain_unescape(m: re.Match) -> str:
    code = m.group(1)
    if code[0] in "xuU":
        try:
            return chr(int(code[1:], 16))
        except ValueError:
            return m.group(0)
    return loader._YAML_ESCAPES.get(code, m.group(0))


_FM_PIECES = st.sampled_from([
    "title", "date", "lang", "Title", "x-y", ":", ": ", " ", "  ", "\t", "\n", "\n\n", "\n  ", '"', "'", "''", "\\",
    '\\"', "\\n", "\\_", "\\x41", "\\u00e9", "\\xZZ", "a", "b c", "2024-02-15", "é", "#",
])


@settings(max_examples=1000, deadline=None)
@given(st.lists(_FM_PIECES, max_size=30).map("".join), st.sampled_from(["---", "...", "--- "]),
       st.sampled_from(["", "\n", "\nBody text.\n"]))
def test_front_matter_reads_as_the_plain_form(block, close, body):
    text = f"---\n{block}\n{close}{body}"
    assert front_matter(text) == _plain_front_matter(text)
    assert loader._closed('"' + block) == _plain_closed('"' + block)


def test_load_reads_paths_as_a_path_object_does(tmp_path, monkeypatch):
    f = tmp_path / "doc.txt"
    f.write_text("The ministers met. They agreed.\n", encoding="utf-8")
    raw = load(str(f))
    assert raw.text == "The ministers met. They agreed.\n" and raw.path == str(f) and raw.size == f.stat().st_size
    assert load(f).text == raw.text  # a Path
    with pytest.raises(LoadError, match="folder"):
        load(str(tmp_path) + "/")
    with pytest.raises(LoadError, match="folder"):
        load(tmp_path)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(LoadError, match="folder"):
        load("")  # the current folder, as Path("") reads it
    with pytest.raises(LoadError, match="not found"):
        load(str(tmp_path / "gone.txt"))
