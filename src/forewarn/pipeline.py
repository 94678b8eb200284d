"""Stage composition: ingest → clean → dedupe → annotate → resolve/code → store.

Each stage takes records and gives records; anything that cannot go on becomes a
:class:`~forewarn.models.Reject` with its reason, and the run continues with the rest.
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from .clean import Cleaned, clean_document
from .config import Settings, load_settings
from .code.language import is_english
from .errors import CodingFailed, EmptyInput, InputError, InputTooLarge, UnsupportedLanguage
from .ingest import decode_bytes, iter_inputs
from .ingest.urls import FetchOptions
from .runner.report import Report
from .models import Article, Event, Origin, RawItem, Reject, sha256_hex

__all__ = ["Cleaning", "Pipeline", "site_key"]

log = logging.getLogger(__name__)

#: Articles parsed together by spaCy's ``nlp.pipe``.
BATCH_SIZE = 32


def fetch_options(settings: Settings) -> FetchOptions:
    """How this run fetches URLs, from the settings."""
    extra = {"user_agent": settings.user_agent} if settings.user_agent else {}
    return FetchOptions(read_timeout=settings.fetch_timeout, max_bytes=settings.fetch_max_bytes,
                        allow_private=settings.allow_private_addresses,
                        respect_robots=settings.respect_robots, **extra)


def _article_id(body: str) -> str:
    return sha256_hex(" ".join(body.split()).lower())[:16]


def site_key(item: RawItem) -> str:
    """The key under which a site's recurring boilerplate lines are learned: the URL's host."""
    return _site_of(item.url) or ""


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
    site_key: str = ""


#: Gazetteer places whose names the entity recogniser reads everywhere (``_name_words``): the
#: ones that place other names ("Paris" beside "Texas"); towns and landmarks only where parsed.
_WIDE_PLACES = ("country", "continent", "region", "admin1", "capital")


def _name_words(kb) -> frozenset[str]:
    """Lower-case words of the names the coder reads outside an event's sentence: every name the
    actor KB knows (countries, their adjectives, capitals, organisations, persons: the article's
    focus country is counted from them) and the gazetteer's countries, regions, states and
    capitals (the context its places are resolved in)."""
    from .resolve.gazetteer import gazetteer

    words = {w for key in (*kb.names, *kb.adjectives) for w in key.replace("-", " ").split()}
    words |= {key.lower() for key in kb.exact}
    gaz = gazetteer()
    for key, rows in gaz.names.items():
        if any(gaz.kind(row) in _WIDE_PLACES for row in rows):
            words.update(key.split())
    return frozenset(words)


class Pipeline:
    """The whole path from raw inputs to coded events. The spaCy model loads on first use."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or load_settings()
        self._nlp = None
        self._coder = None
        self._annotator = None

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

    @property
    def annotator(self):
        """What parses article bodies (``.pipe(texts)`` → Docs): with ``settings.prefilter``, a
        :class:`~forewarn.annotate.prefilter.Prefilter` that parses only the sentences the loaded
        patterns could fire in (and their context); otherwise the bare spaCy pipeline."""
        if self._annotator is None:
            self._annotator = self._prefilter() if self.settings.prefilter else self.nlp
        return self._annotator

    def _prefilter(self):
        from .annotate.prefilter import Condition, Prefilter, pattern_conditions
        from .annotate.truecase import is_shouting

        coder = self.coder
        # the engine's own obligation rule ("X said Y must …") fires on any verb with "must"
        conditions = pattern_conditions(coder.patterns) + [Condition(frozenset(coder.commitment.obligation))]
        return Prefilter(self.nlp, conditions, ner=self.settings.prefilter_entities, shouting=is_shouting,
                         names=_name_words(coder.kb))

    def inputs(self, inputs: Iterable[str]) -> Iterator[RawItem | Reject]:
        """Raw items from files, folders, record files, WARC, feeds and URLs."""
        return iter_inputs(inputs, fetch_options=fetch_options(self.settings))

    # -- clean ----------------------------------------------------------------------------
    def clean(self, item: RawItem, *, published: dt.date | None = None,
              known_boilerplate: frozenset[str] = frozenset()) -> Cleaning:
        """Decode and clean one raw item into an article. Raises InputError with the reason."""
        if len(item.data) > self.settings.max_input_bytes:
            raise InputTooLarge(f"{len(item.data):,} bytes, over max_input_bytes "
                                f"({self.settings.max_input_bytes:,}); raise the setting to clean it")
        text = decode_bytes(item.data)
        cleaned = clean_document(text, kind=item.kind, url=item.url, known_boilerplate=known_boilerplate)
        if not cleaned.body.strip():
            raise EmptyInput("no article text left after cleaning")
        if not is_english(cleaned.body):
            # English patterns are never coded over another language
            raise UnsupportedLanguage(f"not English (language {cleaned.language or 'unknown'}); not coded")
        url = item.url or cleaned.url
        article = Article(
            id=_article_id(cleaned.body), body=cleaned.body, origin=item.origin, raw_sha256=item.sha256,
            title=item.title or cleaned.title, published=item.published or cleaned.published or published,
            site=cleaned.site or _site_of(url), author=cleaned.author, language=cleaned.language,
            url=url, removed=list(cleaned.removed), article_confidence=cleaned.article_confidence,
            flags=list(cleaned.flags))
        return Cleaning(article, cleaned, cleaned.kind, item.id, site_key=site_key(item))

    def cleanings(self, items: Iterable[RawItem | Reject], *, published: dt.date | None = None,
                  boilerplate: Callable[[str], frozenset[str]] | None = None) -> Iterator[Cleaning | Reject]:
        for item in items:
            if isinstance(item, Reject):
                yield item
                continue
            try:
                known = boilerplate(site_key(item)) if boilerplate else frozenset()
                yield self.clean(item, published=published, known_boilerplate=known)
            except InputError as exc:
                yield Reject(item.origin.label(), exc.reason, str(exc))

    def clean_items(self, items: list[RawItem], *, published: dt.date | None = None,
                    known: dict[str, frozenset[str]] | None = None) -> list[Cleaning | Reject]:
        """Clean a batch, each item with the boilerplate learned for its site."""
        known = known or {}
        return list(self.cleanings(items, published=published,
                                   boilerplate=lambda site: known.get(site, frozenset())))

    # -- annotate + code ------------------------------------------------------------------
    def code_batch(self, articles: list[Article]) -> list[list[Event] | Reject]:
        """Parse a batch together and code each article; a failure costs that article only."""
        results: list[list[Event] | Reject] = []
        docs = self.annotator.pipe(a.body for a in articles)
        for article, doc in zip(articles, docs):
            try:
                results.append(self.coder.code(article, doc))
            except Exception as exc:  # noqa: BLE001 - one bad article must not stop the run
                log.exception("coding failed for %s", article.origin.label())
                results.append(Reject(article.origin.label(), "coding-failed", f"{type(exc).__name__}: {exc}"))
        return results

    def code_cleanings(self, cleanings: list[Cleaning]) -> list[list[Event] | Reject]:
        """Code a batch of cleaned articles; a near copy of a stored article is not coded again."""
        todo = [c for c in cleanings if not c.article.duplicate_of]
        coded = iter(self.code_batch([c.article for c in todo]))
        return [[] if c.article.duplicate_of else next(coded) for c in cleanings]

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
    def ingest(self, inputs: Iterable[str | RawItem], store, *, published: dt.date | None = None,
               on_progress: Callable[[Report], None] | None = None, batch_size: int = BATCH_SIZE,
               workers: int = 1) -> Report:
        """Ingest inputs (paths, URLs or raw items) into the store: each article once, with its
        events, and every reject with its reason. ``workers`` > 1 cleans and codes in a process pool.
        """
        from .runner.ingest import Ingestor

        ingestor = Ingestor(self, store, published=published, workers=workers, batch_size=batch_size,
                            on_progress=on_progress)
        return ingestor.run(inputs)
