"""Stage composition: ingest → clean → dedupe → annotate → resolve/code → store.

Each stage takes records and gives records; anything that cannot go on becomes a
:class:`~forewarn.models.Reject` with its reason, and the run continues with the rest.
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from .clean import Cleaned, clean_document
from .dedupe import jaccard, signature
from .dedupe.minhash import NEAR_DUPLICATE
from .config import Settings, load_settings
from .errors import CodingFailed, EmptyInput, InputError
from .ingest import decode_bytes, iter_inputs
from .ingest.urls import FetchOptions
from .models import Article, Event, Origin, RawItem, Reject, sha256_hex

__all__ = ["Pipeline", "Report"]

log = logging.getLogger(__name__)

#: A line seen in this many stored articles of one site is treated as that site's boilerplate.
BOILERPLATE_MIN_ARTICLES = 3
#: Articles parsed together by spaCy's ``nlp.pipe``.
BATCH_SIZE = 32


@dataclass(slots=True)
class Report:
    """What a run did: counts, and every rejected input with its reason."""

    inputs: int = 0
    articles: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    events: int = 0
    rejects: list[Reject] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        return {"inputs": self.inputs, "articles": self.articles, "duplicates": self.duplicates,
                "near_duplicates": self.near_duplicates,
                "events": self.events, "rejects": len(self.rejects)}


def fetch_options(settings: Settings) -> FetchOptions:
    """How this run fetches URLs, from the settings."""
    extra = {"user_agent": settings.user_agent} if settings.user_agent else {}
    return FetchOptions(read_timeout=settings.fetch_timeout, max_bytes=settings.fetch_max_bytes,
                        allow_private=settings.allow_private_addresses,
                        respect_robots=settings.respect_robots, **extra)


def _article_id(body: str) -> str:
    return sha256_hex(" ".join(body.split()).lower())[:16]


def _site_of(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


@dataclass(slots=True)
class Cleaning:
    """An article with what its cleaner saw (the candidate lines, for boilerplate learning)."""

    article: Article
    cleaned: Cleaned
    kind: str
    source_id: str | None
    sig: Any = None  # MinHash signature of the body, computed when deduping against a store


class Pipeline:
    """The whole path from raw inputs to coded events. The spaCy model loads on first use."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or load_settings()
        self._nlp = None
        self._coder = None

    @property
    def nlp(self):
        if self._nlp is None:
            from .annotate import load_nlp

            self._nlp = load_nlp(self.settings.model)
        return self._nlp

    @property
    def coder(self):
        if self._coder is None:
            from .code import Coder

            self._coder = Coder(self.settings)
        return self._coder

    def inputs(self, inputs: Iterable[str]) -> Iterator[RawItem | Reject]:
        """Raw items from files, folders, record files, WARC, feeds and URLs."""
        return iter_inputs(inputs, fetch_options=fetch_options(self.settings))

    # -- clean ----------------------------------------------------------------------------
    def clean(self, item: RawItem, *, published: dt.date | None = None,
              known_boilerplate: frozenset[str] = frozenset()) -> Cleaning:
        """Decode and clean one raw item into an article. Raises InputError with the reason."""
        text = decode_bytes(item.data)
        cleaned = clean_document(text, kind=item.kind, url=item.url, known_boilerplate=known_boilerplate)
        if not cleaned.body.strip():
            raise EmptyInput("no article text left after cleaning")
        url = item.url or cleaned.url
        article = Article(
            id=_article_id(cleaned.body), body=cleaned.body, origin=item.origin, raw_sha256=item.sha256,
            title=item.title or cleaned.title, published=item.published or cleaned.published or published,
            site=cleaned.site or _site_of(url), author=cleaned.author, language=cleaned.language,
            url=url, removed=list(cleaned.removed))
        return Cleaning(article, cleaned, cleaned.kind, item.id)

    def cleanings(self, items: Iterable[RawItem | Reject], *, published: dt.date | None = None,
                  boilerplate: Callable[[str], frozenset[str]] | None = None) -> Iterator[Cleaning | Reject]:
        for item in items:
            if isinstance(item, Reject):
                yield item
                continue
            try:
                site = _site_of(item.url) or ""
                known = boilerplate(site) if boilerplate else frozenset()
                yield self.clean(item, published=published, known_boilerplate=known)
            except InputError as exc:
                yield Reject(item.origin.label(), exc.reason, str(exc))

    # -- annotate + code ------------------------------------------------------------------
    def code_batch(self, articles: list[Article]) -> list[list[Event] | Reject]:
        """Parse a batch together and code each article; a failure costs that article only."""
        results: list[list[Event] | Reject] = []
        docs = self.nlp.pipe(a.body for a in articles)
        for article, doc in zip(articles, docs):
            try:
                results.append(self.coder.code(article, doc))
            except Exception as exc:  # noqa: BLE001 - one bad article must not stop the run
                log.exception("coding failed for %s", article.origin.label())
                results.append(Reject(article.origin.label(), "coding-failed", f"{type(exc).__name__}: {exc}"))
        return results

    def extract(self, inputs: Iterable[str], *, published: dt.date | None = None,
                batch_size: int = BATCH_SIZE) -> Iterator[tuple[Article, list[Event]] | Reject]:
        """Clean and code every input, without a store."""
        stream = self.cleanings(self.inputs(inputs), published=published)
        yield from self._coded(stream, batch_size)

    def extract_text(self, text: str, *, published: dt.date | None = None,
                     url: str | None = None) -> tuple[Article, list[Event]]:
        """Clean and code one text or HTML string. Raises InputError when it holds no article."""
        item = RawItem(data=text.encode("utf-8"), origin=Origin(url=url), url=url, published=published)
        cleaning = self.clean(item, published=published)
        (result,) = self.code_batch([cleaning.article])
        if isinstance(result, Reject):
            raise CodingFailed(result.detail)
        return cleaning.article, result

    def _coded(self, stream: Iterable[Cleaning | Reject],
               batch_size: int) -> Iterator[tuple[Cleaning, list[Event]] | Reject]:
        it = iter(stream)
        while batch := list(itertools.islice(it, batch_size)):
            yield from (r for r in batch if isinstance(r, Reject))
            # A near copy of a stored article is linked to it and never coded twice.
            copies = [c for c in batch if isinstance(c, Cleaning) and c.article.duplicate_of]
            yield from ((c, []) for c in copies)
            cleanings = [c for c in batch if isinstance(c, Cleaning) and not c.article.duplicate_of]
            for cleaning, result in zip(cleanings, self.code_batch([c.article for c in cleanings])):
                yield result if isinstance(result, Reject) else (cleaning, result)

    # -- store ----------------------------------------------------------------------------
    def ingest(self, inputs: Iterable[str], store, *, published: dt.date | None = None,
               on_progress: Callable[[Report], None] | None = None,
               batch_size: int = BATCH_SIZE) -> Report:
        """Ingest inputs into the store: each article once, with its events and every reject."""
        report = Report()

        def fresh(items: Iterable[RawItem | Reject]) -> Iterator[RawItem | Reject]:
            for item in items:
                report.inputs += 1
                if isinstance(item, RawItem) and store.find_article(raw_sha256=item.sha256):
                    report.duplicates += 1
                    _notify()
                    continue
                yield item

        def unseen(stream: Iterable[Cleaning | Reject]) -> Iterator[Cleaning | Reject]:
            for c in stream:
                if not isinstance(c, Reject):
                    if store.find_article(body_sha256=c.article.body_sha256):
                        report.duplicates += 1
                        _notify()
                        continue
                    c.sig = signature(c.article.body)
                    c.article.duplicate_of = store.near_duplicate(c.sig) or next(
                        (aid for aid, sig in pending.items() if jaccard(c.sig, sig) >= NEAR_DUPLICATE), None)
                    if not c.article.duplicate_of:
                        pending[c.article.id] = c.sig
                yield c

        def _notify() -> None:
            if on_progress:
                on_progress(report)

        known: dict[str, frozenset[str]] = {}
        # Articles cleaned but not yet stored (at most one batch), so copies inside a batch are found.
        pending: dict[str, Any] = {}

        def boilerplate(site: str) -> frozenset[str]:
            if site not in known:
                known[site] = store.boilerplate(site, BOILERPLATE_MIN_ARTICLES)
            return known[site]

        cleanings = unseen(self.cleanings(fresh(self.inputs(inputs)), published=published,
                                          boilerplate=boilerplate))
        for result in self._coded(cleanings, batch_size):
            if isinstance(result, Reject):
                report.rejects.append(result)
                store.add_reject(result)
            else:
                cleaning, events = result
                pending.pop(cleaning.article.id, None)
                if store.add(cleaning.article, events, kind=cleaning.kind, source_id=cleaning.source_id,
                             sig=cleaning.sig):
                    report.articles += 1
                    report.near_duplicates += bool(cleaning.article.duplicate_of)
                    report.events += len(events)
                    site = cleaning.article.site or ""
                    store.remember_lines(site, cleaning.cleaned.lines)
                    known.pop(site, None)
                else:
                    report.duplicates += 1
            _notify()
        return report
