"""Is an HTML page an article at all? A cheap, explainable score over signals of the page.

A product listing, a shop page, a section front or a tag index carries text that the extractor
will happily return as a "body"; coding it as news makes events out of teasers and prices. The
score below starts from a neutral prior and moves with evidence, each piece named so a user can
see why a page was doubted:

- declared type: ``og:type`` and schema.org ``@type`` (``NewsArticle``, ``BlogPosting`` … against
  ``Product``, ``ItemList``, ``CollectionPage``, ``SearchResultsPage`` …);
- the URL path: ``/tag/``, ``/category/``, ``/search``, ``/shop``, ``/products/``, a site's root;
- the page's link density (index pages are mostly links) and the extracted body's length and
  shape (a list of short names or headlines is a listing, paragraphs of sentences are prose);
- shop cues: several prices and "add to cart" buttons.

:func:`article_confidence` returns the score in [0, 1] and the reasons; the cleaner flags a page
``not-an-article`` under :data:`THRESHOLD`.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from .page_meta import PageMeta, read_page_meta

__all__ = ["NOT_AN_ARTICLE", "THRESHOLD", "article_confidence"]

#: The flag a page gets when its article confidence is under :data:`THRESHOLD`.
NOT_AN_ARTICLE = "not-an-article"
THRESHOLD = 0.5

_ARTICLE_TYPES = frozenset({
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "blogposting",
    "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "liveblogposting",
    "scholarlyarticle", "techarticle", "report", "socialmediaposting", "posting",
})
_LISTING_TYPES = frozenset({
    "product", "productgroup", "offer", "aggregateoffer", "collectionpage", "searchresultspage",
    "store", "onlinestore", "product.item", "product.group",
})
#: Types that listings declare, but that articles also carry (a carousel of related stories).
_WEAK_LISTING_TYPES = frozenset({"itemlist", "profilepage", "profile", "realestatelisting"})
_LISTING_PATH = re.compile(
    r"/(?:tags?|category|categories|topics?|section|sections|search|shop|store|"
    r"products?|collections?|catalog(?:ue)?|listings?|page/\d+|author)(?:/|$|\?)", re.I)
#: A sentence ends somewhere in a paragraph (hard-wrapped text ends its lines anywhere).
_SENTENCE_END = re.compile(r"""\w[.!?…][)"'”’]?(?:\s|$)""")
_DATED_PATH = re.compile(r"/(?:19|20)\d\d[/-](?:0?[1-9]|1[0-2])(?:[/-]|$)")
_PRICE = re.compile(r"(?:[$€£¥]\s?\d[\d,.]*|\b\d[\d,.]*\s?(?:USD|EUR|GBP)\b)")
_CART = re.compile(r"\b(?:add to (?:cart|basket|bag|wishlist)|buy now|in stock|out of stock|"
                   r"free shipping|quick view)\b", re.I)


def article_confidence(tree: Any, *, url: str | None, body: str, blocks: list[str],
                       link_chars: int, visible_chars: int,
                       page: PageMeta | None = None) -> tuple[float, list[str]]:
    """A score in [0, 1] that the page is an article (a story, a post, a report), and the
    reasons that moved it away from the neutral prior. ``tree`` is the parsed page (or None),
    ``body`` the extracted main text, ``blocks`` the page's visible blocks and
    ``link_chars``/``visible_chars`` its visible characters inside links and in all; ``page``
    what the page declares (:func:`.page_meta.read_page_meta`), read from ``tree`` when not
    given."""
    score = 0.6
    reasons: list[str] = []
    if page is None:
        page = read_page_meta(tree)
    types, og_type = page.types, page.og_type
    if types & _ARTICLE_TYPES or og_type == "article":
        score += 0.3
    declared_article = bool(types & _ARTICLE_TYPES) or og_type == "article"
    if types & _LISTING_TYPES or (og_type and og_type in _LISTING_TYPES):
        if not declared_article:
            score -= 0.35
            reasons.append("declared as a listing or product page")
        else:
            score -= 0.1
    elif types & _WEAK_LISTING_TYPES and not declared_article:
        score -= 0.1

    path = urlsplit(url).path if url else ""
    if url and path in ("", "/"):
        score -= 0.25
        reasons.append("the site's front page")
    elif path and _DATED_PATH.search(path):
        score += 0.1
    elif path and _LISTING_PATH.search(path):
        score -= 0.2
        reasons.append("a listing or index URL")

    words = len(body.split())
    prose = sum(len(p.split()) for p in body.split("\n\n")
                if len(p.split()) >= 10 and _SENTENCE_END.search(p))
    density = link_chars / visible_chars if visible_chars else 0.0
    if density > 0.6:
        # a big menu around a long story is not an index: the penalty shrinks with the prose
        score -= 0.3 if prose < 400 else 0.1
        reasons.append(f"mostly links ({density:.0%} of the visible text)")
    elif density > 0.45:
        score -= 0.1

    if words < 30:
        score -= 0.25
        reasons.append(f"little text ({words} words)")
    elif prose < 0.3 * words:
        score -= 0.2
        reasons.append(f"little prose ({prose} of {words} words in sentences)")
    elif prose >= 150 and prose >= 0.5 * words:
        score += 0.15

    prices = len(_PRICE.findall(body))
    carts = sum(1 for b in blocks if len(b) < 40 and _CART.search(b))
    if carts >= 3 and prices >= 3:
        score -= 0.3
        reasons.append("shop cues (prices, cart buttons)")
    elif prices >= 8 and prices * 30 > words:
        score -= 0.15
        reasons.append("many prices")

    return max(0.0, min(1.0, round(score, 3))), reasons
