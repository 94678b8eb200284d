"""HTML cleaning, content sniffing, and property tests that no input crashes the cleaners."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from forewarn.clean import Cleaned, clean_document, clean_html, looks_like_html
from forewarn.clean.blocks import visible_blocks

STORY = [
    "Engineers in the coastal town of Marrow Bay finished repairs to the old harbour wall on "
    "Thursday, three months after a winter storm tore a gap in it, the town council said.",
    "The council spent most of its emergency budget on the work, and the mayor told residents "
    "at a meeting that fishing boats could use the inner harbour again from next week.",
    "Local fishermen, who had moored their boats in a neighbouring port since January, said "
    "the delay had cost them weeks of income and asked the council for compensation.",
    "A spokesperson for the regional government said an inspection of other sea defences "
    "along the coast would begin in the spring and take about a year to complete.",
]

PAGE = f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>Harbour wall repaired after winter storm | Marrow Bay Gazette</title>
  <meta property="og:site_name" content="Marrow Bay Gazette">
  <meta name="author" content="Jo Tester">
  <meta property="article:published_time" content="2024-03-14T09:30:00+00:00">
  <link rel="canonical" href="https://gazette.example.org/news/harbour-wall-repaired">
  <style>body {{ font-family: serif; }}</style>
  <script>window.analytics = {{"id": 1}};</script>
</head>
<body>
  <nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
    <li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav>
  <div class="cookie-banner"><p>We use cookies to improve your experience on our site.</p>
    <button>Accept all cookies</button></div>
  <main><article>
    <h1>Harbour wall repaired after winter storm</h1>
    <p class="byline">By Jo Tester, 14 March 2024</p>
    {''.join(f'<p>{p}</p>' for p in STORY)}
  </article></main>
  <aside><h2>Related stories</h2><ul>
    <li><a href="/a">Ferry timetable changes for the summer</a></li>
    <li><a href="/b">New library opens on the high street</a></li></ul></aside>
  <footer><p>© 2024 Marrow Bay Gazette. All rights reserved.</p></footer>
</body></html>"""


def test_clean_html_finds_story_title_and_metadata() -> None:
    cleaned = clean_html(PAGE, url="https://gazette.example.org/news/harbour-wall-repaired?x=1")
    assert isinstance(cleaned, Cleaned)
    assert cleaned.kind == "html"
    assert cleaned.title == "Harbour wall repaired after winter storm"
    for paragraph in STORY:
        assert paragraph in cleaned.body
    assert "Harbour wall repaired" not in cleaned.body  # the title is not in the body
    for noise in ("Weather", "cookies", "Ferry timetable", "All rights reserved"):
        assert noise not in cleaned.body
    assert cleaned.site == "Marrow Bay Gazette"
    assert cleaned.language == "en"
    assert cleaned.url == "https://gazette.example.org/news/harbour-wall-repaired"
    assert cleaned.published == dt.date(2024, 3, 14)


def test_clean_html_reports_blocks_left_out() -> None:
    cleaned = clean_html(PAGE)
    removed = {span.text: span.reason for span in cleaned.removed}
    assert removed["Home"] == "navigation"
    assert removed["Accept all cookies"] == "cookie"
    assert "Ferry timetable changes for the summer" in removed
    assert all(span.reason for span in cleaned.removed)
    assert all(0 <= span.at <= len(cleaned.body) for span in cleaned.removed)


def test_clean_html_without_text_gives_empty_body() -> None:
    for page in ("", "<html><head><title>x</title></head><body></body></html>",
                 "<html><body><script>var a = 1;</script></body></html>"):
        cleaned = clean_html(page)
        assert cleaned.body == ""
        assert cleaned.kind == "html"


def test_visible_blocks_flattens_one_block_per_line() -> None:
    blocks = visible_blocks("<html><head><title>T</title></head><body><div>One <b>two</b>"
                            "<p>Three</p>four<br>five</div><script>no()</script></body></html>")
    assert blocks == ["One two", "Three", "four", "five"]


def test_looks_like_html() -> None:
    assert looks_like_html(PAGE)
    assert looks_like_html("<div><p>Just a fragment</p><p>of markup</p></div>")
    assert looks_like_html("<p>Short fragment</p>")
    assert not looks_like_html("Putin thanks Trump\nA plain text scrape, one paragraph a line.")
    assert not looks_like_html("The <b> tag makes text bold, the article explained.")
    assert not looks_like_html("")


def test_clean_document_sniffs_the_kind() -> None:
    assert clean_document(PAGE).kind == "html"
    assert clean_document("Title of a story here\nA paragraph of text.").kind == "text"
    assert clean_document(PAGE, kind="text").kind == "text"


_TAGS = st.sampled_from(["<p>", "</p>", "<div>", "</div>", "<br>", "<script>", "</script>",
                         "<html>", "<body>", "<!--", "-->", "<a href='x'>", "</a>", "&amp;",
                         "<h1>", "</h1>", "<?xml version='1.0' encoding='utf-8'?>", "\x00",
                         "<!DOCTYPE html>", "<meta charset='latin-1'>", "\n", "U.S.", "Mr.",
                         "Your support.Then", "Comments 12"])
_FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_FAST
@given(st.text(max_size=400))
def test_random_text_never_crashes(text: str) -> None:
    for kind in (None, "text"):
        cleaned = clean_document(text, kind=kind)
        assert isinstance(cleaned.body, str)
        assert all(span.reason for span in cleaned.removed)


@_FAST
@given(st.lists(st.one_of(_TAGS, st.text(max_size=30)), max_size=40).map("".join))
def test_random_htmlish_never_crashes(text: str) -> None:
    for kind in (None, "html", "text"):
        cleaned = clean_document(text, kind=kind)
        assert isinstance(cleaned.body, str)
        assert cleaned.kind in ("html", "text")


# -- not an article -----------------------------------------------------------------------------

def _listing_page() -> str:
    items = "".join(
        f'<li class="product"><a href="/p/{n}"><img src="/i/{n}.jpg" alt="">Blue cotton shirt '
        f'model {n}</a><span class="price">${19 + n}.99</span><button>Add to cart</button></li>'
        for n in range(24))
    return ("<html><head><title>Shirts | Example Shop</title>"
            '<meta property="og:type" content="product.group">'
            '<script type="application/ld+json">{"@context": "https://schema.org", '
            '"@type": "ItemList", "itemListElement": []}</script></head><body>'
            '<nav><a href="/">Home</a> <a href="/shirts">Shirts</a> <a href="/sale">Sale</a></nav>'
            f'<main><h1>Shirts</h1><ul class="grid">{items}</ul></main>'
            "<footer><p>Free shipping on orders over $50.</p></footer></body></html>")


def _section_page() -> str:
    teasers = "".join(
        f'<div class="teaser"><h3><a href="/world/story-{n}">Officials meet in capital number {n} '
        f'to discuss the regional water agreement</a></h3><a href="/world/story-{n}">Read more</a>'
        "</div>" for n in range(30))
    return ("<html><head><title>World news | Daily Example</title></head><body>"
            '<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>'
            f"<main><h1>World</h1>{teasers}</main></body></html>")


def test_article_is_not_flagged() -> None:
    cleaned = clean_html(PAGE, url="https://gazette.example.org/news/harbour-wall-repaired")
    assert cleaned.flags == []
    assert cleaned.article_confidence is not None and cleaned.article_confidence >= 0.5


def test_product_listing_is_flagged_not_an_article() -> None:
    cleaned = clean_html(_listing_page(), url="https://shop.example/collections/shirts")
    assert "not-an-article" in cleaned.flags
    assert cleaned.article_confidence is not None and cleaned.article_confidence < 0.5
    assert any(w.startswith("not-an-article") for w in cleaned.warnings)


def test_section_index_is_flagged_not_an_article() -> None:
    cleaned = clean_html(_section_page(), url="https://daily.example/category/world/")
    assert "not-an-article" in cleaned.flags
    assert cleaned.article_confidence < 0.5


def test_article_confidence_reasons() -> None:
    from forewarn.clean.pagekind import article_confidence

    prose = " ".join(STORY)
    score, reasons = article_confidence(None, url="https://x.example/2024/03/story", body=prose * 3,
                                        blocks=[prose], link_chars=10, visible_chars=2000)
    assert score >= 0.5 and reasons == []
    score, reasons = article_confidence(None, url="https://x.example/", body="Home\n\nNews",
                                        blocks=["Home", "News"], link_chars=900, visible_chars=1000)
    assert score < 0.5
    assert any("front page" in r for r in reasons) and any("links" in r for r in reasons)


# -- title, tree reuse --------------------------------------------------------------------------

def test_title_prefers_the_matching_h1() -> None:
    page = PAGE.replace("<title>Harbour wall repaired after winter storm | Marrow Bay Gazette</title>",
                        "<title>Marrow Bay Gazette - Harbour wall repaired after storm</title>")
    assert clean_html(page).title == "Harbour wall repaired after winter storm"


def test_title_unescapes_entities_in_the_head() -> None:
    page = ("<html><head><title>Fish &amp; chips prices rise | Gazette</title></head><body><article>"
            + "".join(f"<p>{p}</p>" for p in STORY) + "</article></body></html>")
    assert clean_html(page).title == "Fish & chips prices rise"


def test_visible_blocks_accepts_a_parsed_tree_and_counts_link_text() -> None:
    from forewarn.clean.blocks import block_stats, parse_html

    markup = "<html><body><p>Plain words here</p><p><a href='/x'>linked</a> tail</p></body></html>"
    tree = parse_html(markup)
    assert visible_blocks(tree) == visible_blocks(markup) == ["Plain words here", "linked tail"]
    blocks, link_chars, all_chars = block_stats(tree)
    assert link_chars == len("linked") and all_chars >= len("Plain words herelinked tail")
    assert visible_blocks(tree) == blocks  # the tree is not modified


def test_no_wrong_date_from_free_text() -> None:
    page = ("<html><head><title>Council meets</title></head><body><article><h1>Council meets</h1>"
            + "".join(f"<p>{p}</p>" for p in STORY)
            + "<p>The harbour was first built on 3 June 1887, records show.</p></article></body></html>")
    assert clean_html(page).published is None


# -- property: random well-formed pages ---------------------------------------------------------

_WORDS = st.sampled_from(["the", "council", "said", "harbour", "storm", "on", "Monday", "a",
                          "report", "price", "$19.99", "Home", "Share", "cookies", "&amp;", "é", "中"])
_TEXT = st.lists(_WORDS, min_size=0, max_size=40).map(" ".join)
_ELEMENTS = st.sampled_from(["p", "div", "section", "article", "nav", "footer", "aside", "li",
                             "h1", "h2", "a", "span", "script", "table", "td", "figure"])


def _tree_html(depth: int = 3):
    leaf = _TEXT
    if depth == 0:
        return leaf
    child = _tree_html(depth - 1)
    node = st.tuples(_ELEMENTS, st.lists(st.one_of(leaf, child), max_size=4)).map(
        lambda t: f"<{t[0]}>{''.join(t[1])}</{t[0]}>")
    return st.one_of(leaf, node)


@_FAST
@given(st.lists(_tree_html(), min_size=0, max_size=6).map("".join),
       st.sampled_from([None, "https://news.example/2024/05/story", "https://shop.example/",
                        "https://x.example/tag/sport"]))
def test_random_pages_keep_the_cleaners_contract(body: str, url: str | None) -> None:
    page = f"<html><head><title>Random page</title></head><body>{body}</body></html>"
    cleaned = clean_html(page, url=url)
    assert cleaned.kind == "html"
    assert isinstance(cleaned.body, str)
    assert cleaned.flags in ([], ["not-an-article"])
    if cleaned.body:
        assert cleaned.article_confidence is not None and 0.0 <= cleaned.article_confidence <= 1.0
        # every word of the body is text the page shows (nothing invented, no markup or script
        # leaks); word boundaries may differ: trafilatura may glue a block's text to a
        # neighbour's, and inline tags glue words in the flattened text
        visible = " ".join(visible_blocks(page))
        squeezed = "".join(visible.split())
        shown = sorted(set(re.findall(r"\w+", visible)), key=len, reverse=True)
        made_of_shown = re.compile("(?:" + "|".join(map(re.escape, shown)) + ")+") if shown else None
        for word in re.findall(r"\w+", cleaned.body):
            assert word in squeezed or (made_of_shown and made_of_shown.fullmatch(word)), word
    assert all(span.reason and 0 <= span.at <= len(cleaned.body) for span in cleaned.removed)


def test_author_and_site_from_json_ld_when_the_head_lacks_them() -> None:
    page = ('<html><head><title>Council meets | Gazette</title><script type="application/ld+json">'
            '{"@type": "NewsArticle", "author": [{"@type": "Person", "name": "Sam Writer"}], '
            '"publisher": {"@type": "Organization", "name": "The Gazette"}}</script></head><body>'
            "<article><h1>Council meets</h1>" + "".join(f"<p>{p}</p>" for p in STORY)
            + "</article></body></html>")
    cleaned = clean_html(page)
    assert cleaned.author == "Sam Writer"
    assert cleaned.site == "The Gazette"
    assert cleaned.flags == []
