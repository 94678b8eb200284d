"""The API's input and output models (separate, as the API contract)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, Field, model_validator

__all__ = ["ActorOut", "ActorSummary", "ActorsPage", "ArticleOut", "Edge", "EventOut", "EventsPage",
           "IngestIn", "IngestOut", "Problem", "Stats"]


class ActorOut(BaseModel):
    text: str
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    start: int | None = None
    end: int | None = None


class PlaceOut(BaseModel):
    text: str
    name: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    start: int | None = None
    end: int | None = None


class TimeOut(BaseModel):
    text: str
    value: str | None = None
    granularity: str | None = None
    start: int | None = None
    end: int | None = None


class EvidenceOut(BaseModel):
    text: str
    start: int
    end: int
    trigger: str
    trigger_start: int
    trigger_end: int


class ArticleRef(BaseModel):
    id: str
    title: str | None = None
    published: str | None = None
    path: str | None = None
    url: str | None = None
    site: str | None = None


class EventOut(BaseModel):
    """One event: the same record ``forewarn events --format json`` prints."""

    id: str
    type: str
    mode: str | None
    quad: str
    status: str
    actors: list[ActorOut]
    recipients: list[ActorOut]
    evidence: EvidenceOut
    article_id: str
    location: PlaceOut | None = None
    date: TimeOut | None = None
    attribution: list[ActorOut] = []
    confidence: float
    rule: str | None = None
    article: ArticleRef


class EventsPage(BaseModel):
    items: list[EventOut]
    next: str | None = Field(None, description="The URL of the next page, or null on the last one.")
    limit: int = Field(description="The page size used (requests above the cap are capped).")


class RemovedOut(BaseModel):
    text: str
    reason: str
    at: int


class ArticleOut(BaseModel):
    id: str
    title: str | None = None
    published: dt.date | None = None
    site: str | None = None
    author: str | None = None
    language: str | None = None
    url: str | None = None
    path: str | None = None
    body: str
    removed: list[RemovedOut]
    duplicate_of: str | None = None
    article_confidence: float | None = None
    flags: list[str] = []
    events: list[EventOut]


class Recipient(BaseModel):
    name: str
    events: int


class ActorSummary(BaseModel):
    name: str
    country: str | None = None
    sector: str | None = None
    acts: int = Field(description="Events in which it acts.")
    targeted: int = Field(description="Events in which it is acted on.")
    on: list[Recipient] = Field(description="Whom it acts on most.")


class Edge(BaseModel):
    source: str
    target: str
    quad: str
    events: int


class ActorsPage(BaseModel):
    items: list[ActorSummary]
    edges: list[Edge] = Field(description="Who acts on whom, by quad class.")


class TimelinePoint(BaseModel):
    date: str
    type: str
    quad: str
    events: int


class PlacePoint(BaseModel):
    lat: float
    lon: float
    name: str | None = None
    country: str | None = None
    quad: str | None = None
    events: int


class Stats(BaseModel):
    events: int
    articles: int
    by_type: dict[str, int]
    by_quad: dict[str, int]
    by_status: dict[str, int]
    timeline: list[TimelinePoint]
    places: list[PlacePoint]
    store: dict[str, Any] = Field(default_factory=dict, description="Whole-store counts.")


class IngestIn(BaseModel):
    """One article to ingest: exactly one of ``text``, ``html`` or ``url``."""

    text: str | None = Field(None, max_length=5_000_000)
    html: str | None = Field(None, max_length=5_000_000)
    url: str | None = Field(None, pattern=r"^https?://", max_length=4096)
    title: str | None = None
    published: dt.date | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> "IngestIn":
        given = [k for k in ("text", "html", "url") if getattr(self, k)]
        if len(given) != 1:
            raise ValueError("give exactly one of text, html or url")
        return self


class IngestOut(BaseModel):
    inputs: int
    articles: int
    duplicates: int
    events: int
    rejects: list[str]


class Problem(BaseModel):
    detail: str
