"""Plain data classes for everything the parser reads off a document.

Every fact keeps the `[start, end)` span of the characters it came from, as
Python `str` indices into the whole decoded file (front matter included).
Dates are ISO strings: "YYYY-MM-DD", "YYYY-MM" or "YYYY".
"""

from __future__ import annotations

import copyreg
from dataclasses import asdict, dataclass, field, fields
from operator import attrgetter

Span = tuple[int, int]


def _pickled_as_arguments(cls):
    """Pickle instances of the dataclass `cls` as `cls(*field values)`.

    Parsed documents travel from the worker processes to the parent as pickles (batch.parse_many).
    The default pickle of an object is its attribute dict: every field name goes with every value,
    and the parent rebuilds a dict per object and copies it into the instance, interning each name.
    Field values in order, passed to the dataclass's own __init__, make a smaller pickle that the
    parent reads in half the instructions; the object built is the same (same fields, same values,
    same types), and so are copy.copy and deepcopy.
    """
    names = [f.name for f in fields(cls)]
    values = attrgetter(*names) if len(names) > 1 else (lambda obj: (getattr(obj, names[0]),))

    def __reduce__(self):
        if type(self) is not cls:  # a subclass may have fields of its own: pickle it as usual
            return copyreg.__newobj__, (type(self),), self.__dict__
        return cls, values(self)

    cls.__reduce__ = __reduce__
    return cls


EVENT_KINDS = (
    "meeting",
    "statement",
    "decision",
    "pledge",
    "projection",
    "contract",
    "exercise",
    "operation",
    "accession",
    "appointment",
    "other",
)
PRECISIONS = ("day", "month", "year", "year_end", "before", "ongoing", "range")
FIGURE_KINDS = ("money", "percent", "count")
QUALIFIERS = ("more_than", "less_than", "about", "up_to", "at_least")
COUNTRY_ROLES = ("pledging", "recipient", "host", "mentioned")
LANGUAGES = ("fr", "en")


@_pickled_as_arguments
@dataclass
class DateExpr:
    """A date expression found in the text, resolved to a start (and end) with a precision.

    `anchor` is the ISO date a relative expression was resolved against
    ("cette année", "last week"); None for an absolute date.
    """

    text: str
    span: Span
    start: str
    end: str | None
    precision: str
    anchor: str | None = None


@_pickled_as_arguments
@dataclass
class Quote:
    id: str
    text: str  # the words inside the quotation marks, exactly as written
    span: Span  # span of `text` (without the marks)
    speaker: str | None = None  # full name as given elsewhere in the text, or the title/body as written
    speaker_role: str | None = None
    speaker_span: Span | None = None  # where the attribution names the speaker, if it does
    verb: str | None = None  # the speech verb ("a déclaré", "said")
    event_id: str | None = None


@_pickled_as_arguments
@dataclass
class Figure:
    id: str
    kind: str  # money | percent | count
    value: float
    text: str  # as written, with unit and qualifier words
    span: Span
    unit: str | None = None  # ISO 4217 for money
    counted: str | None = None  # the counted noun for counts
    qualifier: str | None = None  # one of QUALIFIERS
    event_id: str | None = None


@_pickled_as_arguments
@dataclass
class Mention:
    text: str
    span: Span


@_pickled_as_arguments
@dataclass
class CountryMention:
    """One place where the text names a state (name, adjective, demonym, capital, venue)."""

    code: str  # ISO 3166-1 alpha-2
    text: str
    span: Span
    role: str  # role read at this mention: pledging | recipient | host | mentioned
    event_id: str | None = None


@_pickled_as_arguments
@dataclass
class Country:
    """A state the document refers to, with every role it plays and what it pledged."""

    code: str
    roles: list[str]
    mentions: list[CountryMention] = field(default_factory=list)
    pledged: list[str] = field(default_factory=list)  # short phrases: what it gives or commits
    event_ids: list[str] = field(default_factory=list)


@_pickled_as_arguments
@dataclass
class Person:
    name: str  # the fullest form the text gives
    role: str | None = None  # title as given ("secrétaire général de l'OTAN")
    mentions: list[Mention] = field(default_factory=list)
    organisation: str | None = None
    country: str | None = None  # ISO code when the title names one ("ministre ukrainien")


@_pickled_as_arguments
@dataclass
class Organisation:
    name: str
    mentions: list[Mention] = field(default_factory=list)


@_pickled_as_arguments
@dataclass
class Event:
    id: str
    kind: str  # one of EVENT_KINDS
    start: str | None  # ISO date
    end: str | None
    precision: str  # one of PRECISIONS
    title: str  # one short line for lists and the timeline
    summary: str  # the sentence (or clause) it was read from
    span: Span  # span of that sentence or clause
    main: bool = False  # the event the document mainly reports
    date_text: str | None = None  # original wording of the date ("cette année")
    date_span: Span | None = None
    anchor: str | None = None  # what a relative date was resolved against
    quote_ids: list[str] = field(default_factory=list)
    figure_ids: list[str] = field(default_factory=list)
    country_codes: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    db_id: int | None = None  # the library's id, once stored


@_pickled_as_arguments
@dataclass
class Document:
    path: str
    text: str  # the whole decoded file, front matter included
    language: str = "en"
    date: str | None = None
    date_source: str | None = None  # text | front_matter | file_name | none
    date_span: Span | None = None
    title: str = ""
    title_span: Span | None = None
    body_start: int = 0  # first character after a front matter
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    countries: list[Country] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    organisations: list[Organisation] = field(default_factory=list)
    dates: list[DateExpr] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    sha256: str = ""
    size: int = 0
    mtime: float = 0.0

    @property
    def name(self) -> str:
        return self.path.replace("\\", "/").rsplit("/", 1)[-1]

    def main_event(self) -> Event | None:
        for event in self.events:
            if event.main:
                return event
        return self.events[0] if self.events else None

    def pledging(self) -> list[Country]:
        return [c for c in self.countries if "pledging" in c.roles]

    def to_dict(self) -> dict:
        return asdict(self)


@_pickled_as_arguments
@dataclass
class ParseError:
    """A file that could not be parsed, with a one-line reason for the user."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"
