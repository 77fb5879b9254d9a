"""Reading documents from disk: decoding, front matter, HTML masking, and clear errors for bad files."""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import os
import re
import stat
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path

SUFFIXES = (".txt", ".md", ".markdown", ".text", ".html", ".htm")
MAX_BYTES = 64 * 1024 * 1024  # larger files are refused with a message, not parsed


class LoadError(Exception):
    """A file that cannot be read as a document; str() is the one-line reason for the user."""


@dataclass
class RawDocument:
    path: str
    text: str  # the whole decoded file
    scan: str  # same length: front matter and markup blanked to spaces
    body_start: int
    front_matter: dict[str, str] = field(default_factory=dict)
    front_matter_spans: dict[str, tuple[int, int]] = field(default_factory=dict)
    encoding: str = "utf-8"
    sha256: str = ""
    size: int = 0
    mtime: float = 0.0
    is_html: bool = False


def iter_files(paths: list[str | os.PathLike], errors: list[tuple[str, str]] | None = None):
    """Document files under the given paths (files as given, folders recursively, sorted)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = []
            for root, dirs, files in os.walk(path, onerror=None):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in files:
                    if name.lower().endswith(SUFFIXES) and not name.startswith("."):
                        found.append(Path(root) / name)
            yield from sorted(found)
        elif path.exists():
            yield path
        elif errors is not None:
            errors.append((str(path), "no such file or folder"))


def decode(data: bytes) -> tuple[str, str]:
    """Text and encoding name. UTF-8 (with or without BOM) and UTF-16 with a BOM; else cp1252/latin-1."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if not head:
        return False
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in head:
        return True
    control = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return control > len(head) * 0.05


_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


_FM = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_FM_LINE = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$", re.M)
_TAG = re.compile(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->|<[^<>]{1,2000}>", re.S | re.I)


def front_matter(text: str) -> tuple[dict[str, str], dict[str, tuple[int, int]], int]:
    """Keys and values of a YAML front matter (flat `key: value` lines, quoted values that continue on
    indented lines), their spans, and where the body starts."""
    m = _FM.match(text)
    if not m:
        return {}, {}, 0
    values: dict[str, str] = {}
    spans: dict[str, tuple[int, int]] = {}
    block_start, block = m.start(1), m.group(1)
    # the lines of the block and where each starts in `text` (split in C: a front matter is read per file)
    lines = block.split("\n")
    starts = list(accumulate(map((1).__add__, map(len, lines)), initial=block_start))
    k = 0
    while k < len(lines):
        line = _FM_LINE.match(lines[k])
        k += 1
        if not line:
            continue
        key = line.group(1).lower()
        vs = starts[k - 1] + line.start(2)
        ve = starts[k - 1] + line.end(2)
        raw = line.group(2)
        if raw[:1] in ("'", "\"") and not _closed(raw):
            # a quoted scalar folded over the next, indented lines
            while k < len(lines) and lines[k][:1] in (" ", "\t") and not _closed(raw):
                nxt = lines[k]
                raw = raw[:-1] if raw.endswith("\\") else raw + "\n"
                raw += nxt.strip()
                ve = starts[k] + len(nxt.rstrip())
                k += 1
            raw = raw.replace("\n", " ")
        value = raw
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            quote = value[0]
            value, vs, ve = value[1:-1], vs + 1, ve - 1
            value = _unescape_yaml(value) if quote == '"' else value.replace("''", "'")
        values[key] = value
        spans[key] = (vs, ve)
    return values, spans, m.end()


def _closed(raw: str) -> bool:
    """True when a quoted YAML scalar that starts `raw` is closed on it."""
    if raw[0] == "'":
        return "'" in raw[1:].replace("''", "")
    return _DQ_CLOSED.match(raw, 1) is not None


# a double quote that no backslash escapes, after the opening one
_DQ_CLOSED = re.compile(r'(?:[^"\\]|\\.)*+"', re.S)


_YAML_ESCAPES = {"_": "\u00a0", "n": "\n", "t": "\t", '"': '"', "\\": "\\", "/": "/", "0": "", "N": "\u0085",
                 "L": "\u2028", "P": "\u2029", " ": " "}


def _unescape_yaml(value: str) -> str:
    """The escapes of a YAML double-quoted scalar ("President\\_Doe" has a no-break space)."""
    def sub(m: re.Match) -> str:
        code = m.group(1)
        if code[0] in "xuU":
            try:
                return chr(int(code[1:], 16))
            except ValueError:
                return m.group(0)
        return _YAML_ESCAPES.get(code, m.group(0))

    if "\\" not in value:
        return value  # (most values) no escape
    return _YAML_ESCAPE.sub(sub, value)


_YAML_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)")


def mask_markup(text: str, start: int = 0) -> str:
    """`text` with HTML tags, scripts and styles blanked to spaces (line breaks kept), same length."""
    return text[:start] + _TAG.sub(lambda m: _blank_keep_lines(m.group(0)), text[start:])


def _blank_keep_lines(text: str) -> str:
    """Spaces for every character but line breaks: same length."""
    return "\n".join(" " * len(line) for line in text.split("\n"))


_INLINE_TAG = re.compile(
    r"</?(?:u|b|i|em|strong|span|a|br|sup|sub|div|p|img|figure|figcaption|iframe|table|tr|td|th|ul|ol|li|h[1-6]|hr|blockquote|font|center|section|picture|source|video)\b[^<>]{0,2000}>",
    re.I,
)


def mask_inline_tags(text: str, start: int = 0) -> str:
    """Markdown often carries inline HTML (<u>, <br>): blank those tags, same length."""
    return text[:start] + _INLINE_TAG.sub(lambda m: " " * len(m.group(0)), text[start:])


def is_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or len(re.findall(r"</?(p|div|span|a|br|body|h\d)\b", head)) >= 3


def load(path: str | os.PathLike, max_bytes: int = MAX_BYTES) -> RawDocument:
    """Read one file as a document, or raise LoadError with a one-line reason."""
    # os calls on the path as given, not a Path object (its parsing costs more than reading a small file);
    # Path's own reading of "" (the current folder) and of a trailing slash is kept
    p = os.fspath(path)
    if not isinstance(p, str) or not p or p.endswith(("/", os.sep)):
        p = Path(path)
    try:
        st = os.stat(p)
    except FileNotFoundError:
        raise LoadError("file not found (deleted or moved?)") from None
    except OSError as exc:
        raise LoadError(f"cannot read: {exc.strerror or exc}") from None
    if stat.S_ISDIR(st.st_mode):
        raise LoadError("is a folder, not a file")
    if st.st_size > max_bytes:
        raise LoadError(f"too large ({st.st_size / 1e6:.0f} MB; the limit is {max_bytes / 1e6:.0f} MB)")
    try:
        with open(p, "rb", buffering=0) as f:
            data = f.read()
    except FileNotFoundError:
        raise LoadError("file not found (deleted or moved?)") from None
    except PermissionError:
        raise LoadError("permission denied") from None
    except OSError as exc:
        raise LoadError(f"cannot read: {exc.strerror or exc}") from None
    return load_bytes(str(path), data, st.st_mtime)


def load_bytes(path: str, data: bytes, mtime: float = 0.0) -> RawDocument:
    if not data.strip():
        raise LoadError("empty file")
    if looks_binary(data):
        raise LoadError("binary file, not text")
    text, encoding = decode(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    fm, fm_spans, body_start = front_matter(text)
    scan = text
    # Keep the front matter's line breaks so sentence splitting never joins across it.
    if body_start:
        scan = _blank_keep_lines(text[:body_start]) + text[body_start:]
    html = is_html(text[body_start:body_start + 2000])  # it reads no further
    if html:
        scan = mask_markup(scan, body_start)
    elif "<" in scan:
        scan = mask_inline_tags(scan, body_start)
    if not scan.strip():
        raise LoadError("no text after the front matter")
    return RawDocument(
        path=path,
        text=text,
        scan=scan,
        body_start=body_start,
        front_matter=fm,
        front_matter_spans=fm_spans,
        encoding=encoding,
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        mtime=mtime,
        is_html=html,
    )


_ISO_IN_NAME = re.compile(r"(?<!\d)((?:19|20)\d\d)[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)")


def date_in_name(name: str) -> dt.date | None:
    m = _ISO_IN_NAME.search(Path(name).name)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def parse_iso_date(value: str | None) -> dt.date | None:
    """A front matter date: "2024-02-15", "2024-02-15T10:00:00Z", "2024/02/15"."""
    if not value:
        return None
    m = re.match(r"\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})", value)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
