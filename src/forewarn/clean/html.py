"""HTML page cleaning: forewarn's own block extractor (trafilatura when it is unsure) for the
main text, htmldate for the date, the page's own markup for the title and the other metadata,
and a judgement of whether the page is an article.

The page is parsed once; the same lxml tree feeds the extractor, htmldate, trafilatura (which
copies it) and the title and page-kind checks. :mod:`.dom_extract` walks the tree once, cuts it
into its visible blocks and chooses the story's container; when it is sure (most of the page's
prose in the kept blocks, and enough of it) its blocks are the body. Otherwise trafilatura runs
in its fast mode, favouring recall; only when that text is short (absolutely or against the
page's visible text) does its full mode, with the readability/jusText comparison, run as well.
(On WCXB-dev the own extractor decides about six pages in seven; with trafilatura on the rest
the body F1 is above trafilatura's alone, at about 2.5 times the speed.) trafilatura's own
metadata pass is skipped (it costs more than the extraction): the title is the page's ``<h1>``
that matches the head's title, else the head's title without the site's name; site, author,
language and canonical URL come from the head's tags.

trafilatura's paragraphs that are blocks of the page's furniture (a cookie notice, a footer),
and those after a heading that opens what follows a story ("Related articles"), are left out.
What the page declares in its JSON-LD and meta tags is read once (:mod:`.page_meta`) and
shared by the metadata, the page-kind judgement and the date check (a date the page gives only
as its modification day is refused). Above the story, the headline and the header lines before
it (a section label, a date) are not body.

The visible blocks of the page that are not in the body are reported as removed (reason
``not-main-content``, or a sharper one when a boilerplate cue recognises the block).
A page that does not look like an article (a product listing, a shop, a section front, a tag
index) is flagged ``not-an-article`` with a low ``article_confidence`` (see :mod:`.pagekind`).
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

from .blocks import parse_html, visible_blocks
from .dom_extract import Extraction, extract, looks_prose, section_end
from .page_meta import PageMeta, read_page_meta
from .pagekind import NOT_AN_ARTICLE, THRESHOLD, article_confidence
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


def find_published(html: Any, url: str | None = None, *, page: PageMeta | None = None,
                   shown: list[str] | None = None) -> dt.date | None:
    """The page's original publication date, or None. ``html`` is the markup or a parsed tree;
    ``page`` is what the page declares (:func:`.page_meta.read_page_meta`) and ``shown`` its
    visible blocks, both read here when needed and not given.

    Only a date that htmldate finds with ``original_date=True`` in the page's markup, metadata or
    URL is accepted (no free-text scan: a wrong date is worse than none), and not one the page
    gives only as its modification day, declaring no publication day, unless the page shows it
    to its readers or its URL holds it (htmldate falls back to the modification day; on
    WCXB-dev such dates, hidden in the metadata, were wrong more often than right).
    """
    htmldate = _htmldate()
    if htmldate is None or html is None or (isinstance(html, str) and not html):
        return None
    try:
        found = htmldate.find_date(html, url=url, original_date=True, extensive_search=False,
                                   outputformat="%Y-%m-%d")
    except Exception:  # noqa: BLE001
        return None
    day = _parse_date(found)
    if day is None:
        return None
    tree = parse_html(html) if isinstance(html, (str, bytes)) else html
    if page is None:
        page = read_page_meta(tree)
    if not page.only_modified(day.isoformat()) or (url and _in_url(day, url)):
        return day
    return day if _shown(day, shown if shown is not None else visible_blocks(tree)) else None


def _in_url(day: dt.date, url: str) -> bool:
    forms = (day.strftime("%Y/%m/%d"), day.isoformat(), day.strftime("%Y%m%d"))
    return any(form in url for form in forms)


def _shown(day: dt.date, blocks: list[str]) -> bool:
    """Does the page's visible text show the day ("July 9, 2025", "9 Jul 2025", "07/09/2025")?"""
    text = "\n".join(blocks)
    month, short = day.strftime("%B"), day.strftime("%b")
    forms = (f"{month} {day.day}, {day.year}", f"{short} {day.day}, {day.year}",
             f"{short}. {day.day}, {day.year}", f"{day.day} {month} {day.year}",
             f"{day.day} {short} {day.year}", day.strftime("%m/%d/%Y"),
             f"{day.month}/{day.day}/{day.year}", day.isoformat())
    return any(form in text for form in forms)


_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)?", re.I)
_TITLE = re.compile(r"<title\b[^>]*>(.*?)</title>", re.I | re.S)
_META = re.compile(r"<meta\b[^>]*>", re.I)
_ATTR = re.compile(r"""([a-zA-Z:_-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_CANONICAL = re.compile(r"<link\b[^>]*rel\s*=\s*[\"']?canonical[^>]*>", re.I)


def _head_metadata(html: str) -> dict[str, str]:
    """Title, site name, author, language and canonical URL from the page head, by regex (used
    when trafilatura is unavailable, and to fill what it left empty)."""
    import html as html_lib

    head = html[:200_000]
    out: dict[str, str] = {}
    m = _LANG.search(head)
    if m:
        out["language"] = m.group(1).lower()
    m = _TITLE.search(head)
    if m:
        out["title"] = " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", m.group(1))).split())
    for tag in _META.findall(head):
        attrs = {k.lower(): (a if a else b) for k, a, b in _ATTR.findall(tag)}
        name = (attrs.get("property") or attrs.get("name") or "").lower()
        content = attrs.get("content", "").strip()
        if not content:
            continue
        content = " ".join(html_lib.unescape(content).split())
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
        removed.append(RemovedSpan(text=block, reason=_block_reason(block), at=pos))
    return removed


@lru_cache(maxsize=16_384)
def _block_reason(block: str) -> str:
    """Why a visible block left out of the body was dropped (cached by the block's text alone:
    a site's navigation, footer and share blocks recur on every one of its pages)."""
    reason, weak = _cue_reason(_features(block, False), default_rules())
    return reason if reason and not weak else "not-main-content"


def _from_text_cleaner(blocks: list[str], url: str | None, meta: dict[str, str],
                       warnings: list[str]) -> Cleaned:
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


_WORD = re.compile(r"\w+")
_TITLE_CUT = re.compile(r"\s+[|\-–—:·•»]\s+")


def _cut_title(title: str | None) -> str | None:
    """"Headline | Site" → "Headline": the head title up to its first separator."""
    if not title:
        return title
    parts = _TITLE_CUT.split(title)
    return parts[0] if len(parts) > 1 and len(parts[0]) >= 4 else title


def _pick_title(tree: Any, meta: dict[str, str], site: str | None) -> str | None:
    """The story's headline: the page's ``<h1>`` that best matches the head's title (``og:title``
    or ``<title>``), or the head's title without the site's name when no ``<h1>`` fits."""
    og, head_title = meta.get("og_title"), meta.get("title")
    fallback = _cut_title(head_title) or _cut_title(og)
    if fallback and site and _norm(fallback) == _norm(site):
        fallback = _strip_site(og or head_title, site)
    headings: list[str] = []
    if tree is not None:
        try:
            for el in tree.iter("h1"):
                text = " ".join(el.text_content().split())
                if len(text) >= 4 and not (site and _norm(text) == _norm(site)):
                    headings.append(text)
                if len(headings) >= 5:
                    break
        except Exception:  # noqa: BLE001
            headings = []
    if not headings:
        return fallback
    reference = set(_WORD.findall(f"{og or ''} {head_title or ''}".lower()))
    if not reference:
        return headings[0]

    def overlap(text: str) -> float:
        words = _WORD.findall(text.lower())
        return sum(1 for w in words if w in reference) / max(len(words), 1)

    best = max(headings, key=overlap)
    return best if overlap(best) >= 0.3 else fallback


#: trafilatura's fast mode (no readability/jusText comparison), favouring recall, is kept unless
#: its text is short, absolutely or against the page's visible text; then the full comparison
#: runs on the same tree and the longer text wins. (On WCXB-dev this beats trafilatura's default
#: full mode on body F1 and runs the comparison on about a fifth of the pages.)
_RETRY_CHARS = 1000
_RETRY_SHARE = 0.3


def _extract(traf: Any, tree: Any, url: str | None, visible_chars: int, warnings: list[str]):
    options = dict(url=url, include_comments=False, include_tables=True, with_metadata=False)
    doc = None
    try:
        doc = traf.bare_extraction(tree, fast=True, favor_recall=True, **options)
        text = _doc_text(doc)
        if len(text) < _RETRY_CHARS or len(text) < _RETRY_SHARE * visible_chars:
            full = traf.bare_extraction(tree, **options)
            if len(_doc_text(full)) > len(text):
                doc = full
    except Exception as exc:  # noqa: BLE001 - any library failure falls back
        warnings.append(f"trafilatura failed ({type(exc).__name__}): cleaned visible text")
        return None
    if doc is not None and isinstance(doc, dict):  # older trafilatura returned dicts
        doc = types.SimpleNamespace(**doc)
    return doc


def _doc_text(doc: Any) -> str:
    if doc is None:
        return ""
    text = doc.get("text") if isinstance(doc, dict) else getattr(doc, "text", None)
    return text or ""


def _load_tree(html: str, traf: Any) -> Any:
    """Parse the page once (trafilatura's own loader when it is there, so its extraction sees
    the tree it would have built itself); the tree is shared by every later step."""
    if traf is not None:
        try:
            from trafilatura.utils import load_html

            tree = load_html(html)
            if tree is not None:
                return tree
        except Exception:  # noqa: BLE001
            pass
    return parse_html(html)


def _judge(cleaned: Cleaned, tree: Any, page: PageMeta, url: str | None, blocks: list[str],
           link_chars: int, visible_chars: int) -> None:
    try:
        score, reasons = article_confidence(tree, url=url, body=cleaned.body, blocks=blocks,
                                            link_chars=link_chars, visible_chars=visible_chars,
                                            page=page)
    except Exception:  # noqa: BLE001
        return
    cleaned.article_confidence = score
    if score < THRESHOLD:
        cleaned.flags.append(NOT_AN_ARTICLE)
        cleaned.warnings.append(f"{NOT_AN_ARTICLE} (confidence {score:.2f}): " + "; ".join(reasons))


def clean_html(html: str, *, url: str | None = None) -> Cleaned:
    """Clean an HTML page: main text (paragraphs joined by blank lines), title, publication
    date, site name, author, language and canonical URL; blocks left out of the body are in
    ``removed``. A page that does not look like an article (a listing, a shop, an index) is
    flagged ``not-an-article`` with a low ``article_confidence``. Never raises: a page with no
    extractable text gives an empty body."""
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

    traf = _trafilatura()
    tree = _load_tree(html, traf)
    own = extract(tree) if tree is not None else Extraction()
    blocks, link_chars, visible_chars = own.texts, own.link_chars, own.visible_chars
    page = read_page_meta(tree)  # JSON-LD and meta declarations, read once for every step
    published = find_published(tree if tree is not None else html, url, page=page,
                               shown=blocks)
    if page.author:
        meta.setdefault("author", page.author)
    if page.publisher:
        meta.setdefault("site", page.publisher)
    site = meta.get("site")
    if own.sure:
        title = _pick_title(tree, meta, site)
        body, removed = _own_body(own, title)
        return _finish(title, body, removed, published, meta, url, warnings,
                       (tree, page, url, blocks, link_chars, visible_chars))
    doc = None
    if traf is None:
        warnings.append("trafilatura unavailable: cleaned the page's visible text instead")
    elif tree is not None:
        doc = _extract(traf, tree, url, visible_chars, warnings)
    text = _doc_text(doc)
    if not text:
        if doc is not None:
            warnings.append("trafilatura found no main text: cleaned the visible text instead")
        try:
            # the page's blocks are walked already; a page the loader failed on gets lxml's own try
            cleaned = _from_text_cleaner(blocks if tree is not None else visible_blocks(html), url, meta, warnings)
        except Exception as exc:  # noqa: BLE001
            cleaned = Cleaned(kind="html", url=meta.get("url") or url,
                              warnings=warnings + [f"text cleaner failed: {exc!r}"])
        cleaned.published = published
        cleaned.date_source = "htmldate" if published else None
        _judge(cleaned, tree, page, url, blocks, link_chars, visible_chars)
        return cleaned

    title = _pick_title(tree, meta, site)
    paragraphs = _paragraphs(text)
    if title and paragraphs and _norm(paragraphs[0]) == _norm(title):
        paragraphs = paragraphs[1:]
    paragraphs = _cut_tail(_drop_furniture(paragraphs, own))
    body = "\n\n".join(paragraphs)
    try:
        removed = _removed_blocks(blocks, body, title)
    except Exception as exc:  # noqa: BLE001
        removed = []
        warnings.append(f"could not list removed blocks: {exc!r}")
    return _finish(title, body, removed, published, meta, url, warnings,
                   (tree, page, url, blocks, link_chars, visible_chars))


#: How many kept blocks may stand above the headline and still be taken for the page's header.
_HEAD_BLOCKS = 6


#: trafilatura's paragraphs found in furniture are left out unless they are more than this share
#: of its text (then the furniture marks are wrong, not the extraction).
_FURNITURE_SHARE = 0.3


def _drop_furniture(paragraphs: list[str], own: Extraction) -> list[str]:
    """trafilatura's paragraphs less those that are, word for word, blocks of the page's
    furniture (a cookie notice, a footer, a newsletter box) and never a block outside it."""
    if not own.furniture:
        return paragraphs
    out = []
    dropped = 0
    for p in paragraphs:
        text = p[2:] if p.startswith("- ") else p
        if text in own.furniture and text not in own.plain:
            dropped += len(p)
            continue
        out.append(p)
    # much of the text in furniture: the marks are wrong (the story sits in a "modal", say)
    if dropped > _FURNITURE_SHARE * (dropped + sum(len(p) for p in out)):
        return paragraphs
    return out


def _cut_tail(paragraphs: list[str]) -> list[str]:
    """trafilatura's paragraphs up to a heading that opens what follows a story ("Related
    articles", "3 comments", "About the author": :func:`.dom_extract.section_end`), when what
    follows it is shorter than the story before it."""
    pattern = section_end()
    if pattern is None:
        return paragraphs
    total = sum(len(p) for p in paragraphs)
    before = 0
    for i, p in enumerate(paragraphs):
        if before and len(p) <= 120 and total - before <= before and pattern.fullmatch(p):
            return paragraphs[:i]
        before += len(p)
    return paragraphs


def _own_body(own: Extraction, title: str | None) -> tuple[str, list[RemovedSpan]]:
    """The body from forewarn's own extraction and every other visible block as a removed span
    with its reason. A copy of the title among the first kept blocks, before any prose, is the
    story's headline: it and the header lines above it (a section label, a breadcrumb, a date)
    are not the body."""
    title_norm = _norm(title or "")

    def is_title(text: str) -> bool:  # blocks are whitespace-collapsed: compare lengths first
        return bool(title_norm) and len(text) == len(title_norm) and text.lower() == title_norm

    kept = set(own.kept)
    head: dict[int, str] = {}
    for n, k in enumerate(own.kept[:_HEAD_BLOCKS]):
        block = own.blocks[k]
        if is_title(block.text):
            head = {j: "above-title" for j in own.kept[:n]}
            head[k] = ""
            break
        if looks_prose(block):
            break
    paragraphs: list[str] = []
    removed: list[RemovedSpan] = []
    at = 0
    for k, block in enumerate(own.blocks):
        if k in head:
            if head[k]:
                removed.append(RemovedSpan(text=block.text, reason=head[k], at=at))
        elif k in kept:
            at += len(block.text) + (2 if paragraphs else 0)
            paragraphs.append(block.text)
        elif not is_title(block.text):
            reason = own.reasons.get(k) or _block_reason(block.text)
            removed.append(RemovedSpan(text=block.text, reason=reason, at=at))
    return "\n\n".join(paragraphs), removed


def _finish(title: str | None, body: str, removed: list[RemovedSpan], published: dt.date | None,
            meta: dict[str, str], url: str | None, warnings: list[str], judged: tuple) -> Cleaned:
    language = meta.get("language")
    cleaned = Cleaned(
        title=title, body=body, removed=removed, published=published,
        site=meta.get("site"), author=meta.get("author"),
        language=language.lower()[:3] if language else None,
        url=meta.get("url") or url,
        kind="html", date_source="htmldate" if published else None, warnings=warnings,
    )
    _judge(cleaned, *judged)
    return cleaned
