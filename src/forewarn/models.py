"""The records that travel through the pipeline.

Every record is a plain dataclass. Offsets (``start``/``end``) are character offsets into
``Article.body`` — the cleaned text — so ``article.body[start:end]`` is always the exact words a
mention, a place, a time expression or an event's evidence came from.

``to_dict()`` gives the JSON shape that the CLI prints and that other tools rely on (see the
contracts in ARCHITECTURE.md); fields may be added, never renamed or dropped.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "QUADS",
    "Alert",
    "STATUSES",
    "Actor",
    "Article",
    "Evidence",
    "Event",
    "Mention",
    "Origin",
    "Place",
    "RawItem",
    "Reject",
    "RemovedSpan",
    "TimeRef",
    "sha256_hex",
]

#: PLOVER's four quad classes, as forewarn spells them.
QUADS = ("verbal-cooperation", "material-cooperation", "verbal-conflict", "material-conflict")

#: What an event's ``status`` may be. ``prevented`` implies it was planned and did not happen.
STATUSES = ("happened", "planned", "prevented", "denied", "hypothetical", "historical")


def sha256_hex(data: bytes | str) -> str:
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()


def _plain(value: Any) -> Any:
    """Turn dataclasses, dates and tuples into JSON-ready values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


class _Record:
    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass(slots=True, frozen=True)
class Origin(_Record):
    """Where a raw input came from: a file path, a URL, a WARC record, a line of a JSONL file."""

    path: str | None = None
    url: str | None = None
    record: str | None = None  # WARC record id or "line N" inside a JSONL file

    def label(self) -> str:
        where = self.path or self.url or "<stdin>"
        return f"{where}:{self.record}" if self.record else where


@dataclass(slots=True)
class RawItem(_Record):
    """Bytes as they arrived, with their origin and whatever the container told us about them."""

    data: bytes
    origin: Origin
    #: ``html`` or ``text`` when the container says so (a JSONL record's field); else sniffed.
    kind: str | None = None
    #: Metadata given alongside the bytes (JSONL ``id``, ``url``, ``title``, ``published``).
    id: str | None = None
    url: str | None = None
    title: str | None = None
    published: dt.date | None = None
    sha256: str = ""

    def __post_init__(self) -> None:
        if not self.sha256:
            self.sha256 = sha256_hex(self.data)


@dataclass(slots=True)
class RemovedSpan(_Record):
    """A piece of the input the cleaner dropped, kept so nothing disappears silently.

    ``at`` is the offset in the body where the piece stood (for display); ``text`` is the piece.
    """

    text: str
    reason: str
    at: int


@dataclass(slots=True)
class Article(_Record):
    id: str
    body: str
    origin: Origin
    raw_sha256: str
    title: str | None = None
    published: dt.date | None = None
    site: str | None = None
    author: str | None = None
    language: str | None = None
    url: str | None = None
    removed: list[RemovedSpan] = field(default_factory=list)
    #: The id of the article this one duplicates, when it is a copy.
    duplicate_of: str | None = None
    #: How sure the cleaner is that the page is an article at all (HTML only; None: not judged).
    article_confidence: float | None = None
    #: Doubts about the page as a whole, e.g. ``"not-an-article"`` (a listing, a shop, an index).
    flags: list[str] = field(default_factory=list)

    @property
    def body_sha256(self) -> str:
        return sha256_hex(" ".join(self.body.split()).lower())

    def ref(self) -> dict[str, Any]:
        """The short reference printed with every event."""
        ref: dict[str, Any] = {"id": self.id, "title": self.title,
                               "published": self.published.isoformat() if self.published else None}
        if self.origin.path:
            ref["path"] = self.origin.path
        if self.url or self.origin.url:
            ref["url"] = self.url or self.origin.url
        return ref


@dataclass(slots=True)
class Mention(_Record):
    """A stretch of the body that names something: an entity, a role phrase, a pronoun."""

    text: str
    start: int
    end: int
    label: str


@dataclass(slots=True)
class Actor(_Record):
    """Who acts, who is acted on, or who says so.

    ``text`` is the words in the article; ``name`` the resolved name (``None`` when unresolved);
    ``country`` an ISO 3166-1 alpha-3 code; ``sector`` a PLOVER sector code (GOV, MIL, SPY, …).
    """

    text: str
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(slots=True)
class Place(_Record):
    text: str
    name: str | None = None
    country: str | None = None  # ISO3
    lat: float | None = None
    lon: float | None = None
    start: int | None = None
    end: int | None = None


@dataclass(slots=True)
class TimeRef(_Record):
    """A time expression and, when the publication date allows, its value.

    ``value`` is TimeML-style ISO 8601 at the given ``granularity``: ``day`` 2019-12-29,
    ``week`` 2019-W52, ``month`` 2019-12, ``quarter`` 2019-Q3, ``half`` 2019-H1, ``season``
    2019-SU, ``year`` 2019, ``decade`` 201 (the 2010s), ``century`` 20, ``ref`` PRESENT_REF /
    PAST_REF / FUTURE_REF; ``None`` when it cannot be resolved (no publication date).
    """

    text: str
    value: str | None = None
    granularity: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(slots=True)
class Evidence(_Record):
    """The exact words an event came from: the sentence and the trigger inside it."""

    text: str
    start: int
    end: int
    trigger: str
    trigger_start: int
    trigger_end: int


@dataclass(slots=True)
class Event(_Record):
    type: str
    mode: str | None
    quad: str
    status: str
    actors: list[Actor]
    recipients: list[Actor]
    evidence: Evidence
    article_id: str
    location: Place | None = None
    date: TimeRef | None = None
    attribution: list[Actor] = field(default_factory=list)
    confidence: float = 0.5
    #: The id of the pattern that fired, so every event can be traced to its rule.
    rule: str | None = None
    id: str = ""
    #: Evidence of other mentions of the same happening in the article that this event borrowed
    #: a missing location, date or participant from (``forewarn.code.link``).
    linked: list[Evidence] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.id:
            key = f"{self.article_id}:{self.evidence.trigger_start}:{self.type}:{self.mode}"
            self.id = sha256_hex(key)[:16]


@dataclass(slots=True)
class Reject(_Record):
    """An input that was not turned into an article, and why."""

    input: str
    reason: str  # a short code: "binary", "empty", "not-found", "bad-json", …
    detail: str
    at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.timezone.utc))

    def line(self) -> str:
        return f"{self.input}: {self.reason}: {self.detail}"


@dataclass(slots=True)
class Alert(_Record):
    """A warning raised by a watch rule on an event, or by an unusual rise in a series of counts."""

    id: str
    kind: str  # "rule" or "spike"
    rule: str  # the rule's name, or the spike series' family ("spike:country-type")
    message: str
    payload: dict[str, Any]
    event_id: str | None = None
    series: str | None = None
    day: dt.date | None = None
    created_at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.timezone.utc))
