"""HTML cleaning, content sniffing, and property tests that no input crashes the cleaners."""

from __future__ import annotations

import datetime as dt

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
