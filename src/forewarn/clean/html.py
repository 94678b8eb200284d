"""HTML page cleaning: trafilatura for the main text and metadata, htmldate for the date.

The visible blocks of the page that are not in the extracted body are reported as removed
(reason ``not-main-content``, or a sharper one when a boilerplate cue recognises the block).
Library failures never escape: when trafilatura cannot be imported or fails on a page, the page
is flattened to visible text and cleaned as a plain-text scrape instead, and a warning says so.
"""

from __future__ import annotations

import datetime as dt
import re
import types
from functools import lru_cache
from typing import Any

from forewarn.models import RemovedSpan

from .blocks import visible_blocks
from .result import Cleaned
from .rules import default_rules
from .text import _cue_reason, _features, clean_text

__all__ = ["clean_html", "find_published"]

#: Dates before this are taken for parsing accidents, not publication dates.
_EARLIEST = dt.date(1990, 1, 1)


@lru_cache(maxsize=1)
def _trafilatura() -> Any | None:
    """Import trafilatura once; None when it cannot be imported (the page is then cleaned as text)."""
    try:
        import trafilatura

        return trafilatura
    except Exception:  # noqa: BLE001 - a broken install degrades to text cleaning, with a warning
        return None


def _htmldate() -> Any | None:
    try:
        import htmldate

        return htmldate
    except Exception:  # noqa: BLE001
        return None


def _parse_date(value: Any) -> dt.date | None:
    if not value:
        return None
    try:
        day = dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
    if day < _EARLIEST or day > dt.date.today() + dt.timedelta(days=1):
        return None
    return day


def find_published(html: str, url: str | None = None) -> dt.date | None:
    """The page's original publication date, or None.

    Only a date that htmldate finds with ``original_date=True`` in the page's markup, metadata or
    URL is accepted (no free-text scan: a wrong date is worse than none).
    """
    htmldate = _htmldate()
    if htmldate is None or not html:
        return None
    try:
        found = htmldate.find_date(html, url=url, original_date=True, extensive_search=False,
                                   outputformat="%Y-%m-%d")
    except Exception:  # noqa: BLE001
        return None
    return _parse_date(found)


_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)?", re.I)
_TITLE = re.compile(r"<title\b[^>]*>(.*?)</title>", re.I | re.S)
_META = re.compile(r"<meta\b[^>]*>", re.I)
_ATTR = re.compile(r"""([a-zA-Z:_-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_CANONICAL = re.compile(r"<link\b[^>]*rel\s*=\s*[\"']?canonical[^>]*>", re.I)


def _head_metadata(html: str) -> dict[str, str]:
    """Title, site name, author, language and canonical URL from the page head, by regex (used
    when trafilatura is unavailable, and to fill what it left empty)."""
    head = html[:200_000]
    out: dict[str, str] = {}
    m = _LANG.search(head)
    if m:
        out["language"] = m.group(1).lower()
    m = _TITLE.search(head)
    if m:
        import html as html_lib

        out["title"] = " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", m.group(1))).split())
    for tag in _META.findall(head):
        attrs = {k.lower(): (a if a else b) for k, a, b in _ATTR.findall(tag)}
        name = (attrs.get("property") or attrs.get("name") or "").lower()
        content = attrs.get("content", "").strip()
        if not content:
            continue
        if name == "og:site_name":
            out.setdefault("site", content)
        elif name == "og:title":
            out.setdefault("og_title", content)
        elif name in ("author", "article:author") and not content.startswith("http"):
            out.setdefault("author", content)
    m = _CANONICAL.search(head)
    if m:
        href = {k.lower(): (a if a else b) for k, a, b in _ATTR.findall(m.group(0))}.get("href")
        if href and href.startswith("http"):
            out["url"] = href
    return out


_TITLE_SEP = re.compile(r"\s+[|\-–—:·•»]\s+")


def _strip_site(title: str | None, site: str | None) -> str | None:
    """"Story headline | Site Name" → "Story headline" (only when the tail is the site's name)."""
    if not title:
        return title
    parts = _TITLE_SEP.split(title)
    if len(parts) > 1 and site and _norm(parts[-1]) in (_norm(site), _norm(site).split(" ")[0]):
        return title[: title.rfind(parts[-1])].rstrip(" |-–—:·•»")
    if len(parts) > 1 and site and _norm(parts[0]) == _norm(site):
        return title[len(parts[0]):].lstrip(" |-–—:·•»")
    return title


def _paragraphs(text: str) -> list[str]:
    return [p for p in (" ".join(line.split()) for line in text.splitlines()) if p]


def _norm(text: str) -> str:
    return " ".join(text.split()).lower()


def _removed_blocks(blocks: list[str], body: str, title: str | None) -> list[RemovedSpan]:
    """Every visible block that is not in the body (nor the title), with a reason."""
    rules = default_rules()
    body_norm = _norm(body)
    title_norm = _norm(title or "")
    removed: list[RemovedSpan] = []
    pos = 0
    for block in blocks:
        found = body.find(block, pos)
        if found >= 0:
            pos = found + len(block)
            continue
        norm = _norm(block)
        if norm in body_norm or norm == title_norm:
            continue
        reason, weak = _cue_reason(_features(block, False), rules)
        removed.append(RemovedSpan(text=block, reason=reason if reason and not weak
                                   else "not-main-content", at=pos))
    return removed


def _from_text_cleaner(html: str, url: str | None, meta: dict[str, str],
                       warnings: list[str]) -> Cleaned:
    blocks = visible_blocks(html)
    cleaned = clean_text("\n".join(blocks), site=meta.get("site"))
    cleaned.kind = "html"
    cleaned.lines = []
    cleaned.title = cleaned.title or meta.get("og_title") or meta.get("title")
    cleaned.site = meta.get("site")
    cleaned.author = meta.get("author")
    cleaned.language = meta.get("language") or cleaned.language
    cleaned.url = meta.get("url") or url
    cleaned.warnings.extend(warnings)
    return cleaned


def clean_html(html: str, *, url: str | None = None) -> Cleaned:
    """Clean an HTML page: main text (paragraphs joined by blank lines), title, publication
    date, site name, author, language and canonical URL; blocks left out of the body are in
    ``removed``. Never raises: a page with no extractable text gives an empty body."""
    if isinstance(html, bytes):
        html = html.decode("utf-8", "replace")
    html = html or ""
    warnings: list[str] = []
    try:
        meta = _head_metadata(html)
    except Exception:  # noqa: BLE001
        meta = {}
    if not html.strip():
        return Cleaned(kind="html", url=url)

    published = find_published(html, url)
    doc = None
    traf = _trafilatura()
    if traf is None:
        warnings.append("trafilatura unavailable: cleaned the page's visible text instead")
    else:
        try:
            doc = traf.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                       include_tables=True, favor_precision=False,
                                       date_extraction_params={"original_date": True,
                                                               "extensive_search": False})
        except Exception as exc:  # noqa: BLE001 - any library failure falls back
            warnings.append(f"trafilatura failed ({type(exc).__name__}): cleaned visible text")
            doc = None
    if doc is not None and isinstance(doc, dict):  # older trafilatura returned dicts
        doc = types.SimpleNamespace(**doc)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text:
        if doc is not None:
            warnings.append("trafilatura found no main text: cleaned the visible text instead")
        try:
            cleaned = _from_text_cleaner(html, url, meta, warnings)
        except Exception as exc:  # noqa: BLE001
            cleaned = Cleaned(kind="html", url=meta.get("url") or url,
                              warnings=warnings + [f"text cleaner failed: {exc!r}"])
        cleaned.published = published
        cleaned.date_source = "htmldate" if published else None
        return cleaned

    site = getattr(doc, "sitename", None) or meta.get("site")
    title = _strip_site(getattr(doc, "title", None) or meta.get("og_title") or meta.get("title"),
                        site)
    paragraphs = _paragraphs(text)
    if title and paragraphs and _norm(paragraphs[0]) == _norm(title):
        paragraphs = paragraphs[1:]
    body = "\n\n".join(paragraphs)
    try:
        removed = _removed_blocks(visible_blocks(html), body, title)
    except Exception as exc:  # noqa: BLE001
        removed = []
        warnings.append(f"could not list removed blocks: {exc!r}")
    language = getattr(doc, "language", None) or meta.get("language")
    return Cleaned(
        title=title, body=body, removed=removed, published=published,
        site=site,
        author=getattr(doc, "author", None) or meta.get("author"),
        language=language.lower()[:3] if language else None,
        url=meta.get("url") or getattr(doc, "url", None) or url,
        kind="html", date_source="htmldate" if published else None, warnings=warnings,
    )
