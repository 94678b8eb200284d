"""What a page declares about itself in its markup, read in one pass over its ``<script>``,
``<meta>`` and ``<time>`` elements: the schema.org types and names of its JSON-LD, its
``og:type``, and the days it gives as published and as modified.

The HTML cleaner reads this once a page and shares it: the author and publisher fill the
metadata, the types judge whether the page is an article (:mod:`.pagekind`), and the dates let
the cleaner refuse a date that the page only gives as a modification day.
"""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass, field
from typing import Any

__all__ = ["PageMeta", "read_page_meta"]

_TYPE_RE = re.compile(r'"@type"\s*:\s*(?:\[\s*)?"([A-Za-z.]+)"')
_LD_AUTHOR = re.compile(r'"author"\s*:\s*(?:\[\s*)?(?:\{[^{}]*?"name"\s*:\s*"([^"]{2,80})"|"([^"]{2,80})")')
_LD_PUBLISHER = re.compile(r'"publisher"\s*:\s*(?:\[\s*)?\{[^{}]*?"name"\s*:\s*"([^"]{2,80})"')
_LD_DATE = re.compile(r'"(datePublished|dateCreated|uploadDate|dateModified)"\s*:\s*"(\d{4}-\d\d-\d\d)')
_DAY = re.compile(r"\d{4}-\d\d-\d\d")

#: ``<meta>`` names (property, name or itemprop, lower case) that give the publication day …
_PUBLISHED_META = frozenset({
    "article:published_time", "og:published_time", "og:article:published_time",
    "datepublished", "datecreated", "pubdate", "publishdate", "publish-date", "publish_date",
    "publication_date", "date", "dc.date", "dc.date.issued", "dc.date.created", "dcterms.created",
    "dcterms.issued", "sailthru.date", "parsely-pub-date", "article.published",
    "citation_publication_date", "citation_date", "originalpublicationdate", "uploaddate",
})
#: … and those that give the day it was last changed.
_MODIFIED_META = frozenset({
    "article:modified_time", "og:updated_time", "og:article:modified_time", "datemodified",
    "last-modified", "lastmod", "dc.date.modified", "dcterms.modified", "article.updated",
})


@dataclass(slots=True)
class PageMeta:
    """The page's declared types and names, and its declared days (ISO ``YYYY-MM-DD``)."""

    types: set[str] = field(default_factory=set)
    og_type: str | None = None
    author: str | None = None
    publisher: str | None = None
    published: set[str] = field(default_factory=set)
    modified: set[str] = field(default_factory=set)

    def only_modified(self, day: str) -> bool:
        """Is ``day`` given only as a modification day, by a page that gives no other day as
        its publication (a date found there is when the page changed, not when it appeared)?"""
        return day in self.modified and not self.published


def _clean(name: str) -> str:
    return " ".join(html_lib.unescape(name).split())


def read_page_meta(tree: Any) -> PageMeta:
    """Read the page's JSON-LD, ``<meta>`` and ``<time>`` declarations. Never raises."""
    out = PageMeta()
    if tree is None:
        return out
    try:
        for el in tree.iter("script", "meta", "time"):
            tag = el.tag
            if tag == "meta":
                key = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
                if not key:
                    continue
                content = el.get("content") or ""
                if key == "og:type":
                    if out.og_type is None:
                        out.og_type = content.strip().lower() or None
                elif key in _PUBLISHED_META or key in _MODIFIED_META:
                    m = _DAY.match(content.strip())
                    if m:
                        (out.published if key in _PUBLISHED_META else out.modified).add(m.group(0))
            elif tag == "time":
                m = _DAY.match((el.get("datetime") or "").strip())
                if m:
                    prop = f"{el.get('itemprop') or ''} {el.get('class') or ''}".lower()
                    changed = "modified" in prop or "updated" in prop
                    (out.modified if changed else out.published).add(m.group(0))
            elif "ld+json" in (el.get("type") or "").lower() and el.text:
                _read_ld(el.text[:200_000], out)
    except Exception:  # noqa: BLE001 - what was read so far stands
        return out
    return out


def _read_ld(text: str, out: PageMeta) -> None:
    out.types.update(t.lower() for t in _TYPE_RE.findall(text))
    if out.author is None:
        m = _LD_AUTHOR.search(text)
        name = (m.group(1) or m.group(2)) if m else None
        if name and not name.startswith(("http", "@")):
            out.author = _clean(name)
    if out.publisher is None:
        m = _LD_PUBLISHER.search(text)
        if m:
            out.publisher = _clean(m.group(1))
    for key, day in _LD_DATE.findall(text):
        (out.modified if key == "dateModified" else out.published).add(day)
