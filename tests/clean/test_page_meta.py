"""What a page declares about itself, read once (clean/page_meta.py), and its uses: author and
publisher, the page kind, and refusing a date the page gives only as its modification day."""

from __future__ import annotations

import datetime as dt

from forewarn.clean import clean_html
from forewarn.clean.blocks import parse_html
from forewarn.clean.html import find_published
from forewarn.clean.page_meta import read_page_meta
from forewarn.clean.pagekind import article_confidence

STORY = [
    f"Paragraph {n}: the harbour board said on Tuesday that repairs to the north wall, damaged "
    f"in the winter storms, would cost about {n + 3} million and take most of the summer."
    for n in range(8)
]


def _page(head: str) -> str:
    return (f"<html><head><title>Harbour wall repairs</title>{head}</head><body><article>"
            "<h1>Harbour wall repairs</h1>" + "".join(f"<p>{p}</p>" for p in STORY)
            + "</article></body></html>")


LD = ('<script type="application/ld+json">{"@type": "NewsArticle", '
      '"author": {"@type": "Person", "name": "Sam Writer"}, '
      '"publisher": {"@type": "Organization", "name": "The Gazette"}, '
      '"datePublished": "2024-03-05T10:00:00Z", "dateModified": "2024-06-01T09:00:00Z"}</script>')


def test_one_read_gives_types_names_and_days() -> None:
    meta = read_page_meta(parse_html(_page(LD + '<meta property="og:type" content="article">')))
    assert "newsarticle" in meta.types and meta.og_type == "article"
    assert meta.author == "Sam Writer" and meta.publisher == "The Gazette"
    assert meta.published == {"2024-03-05"} and meta.modified == {"2024-06-01"}
    assert not meta.only_modified("2024-06-01")  # a publication day is declared too
    assert read_page_meta(None).types == set()


def test_a_date_given_only_as_the_hidden_modification_day_is_refused() -> None:
    only_modified = _page('<meta property="article:modified_time" content="2024-06-01T09:00:00Z">')
    meta = read_page_meta(parse_html(only_modified))
    assert meta.only_modified("2024-06-01")
    assert find_published(parse_html(only_modified)) is None
    assert clean_html(only_modified).published is None
    shown = only_modified.replace("<h1>Harbour wall repairs</h1>",
                                  "<h1>Harbour wall repairs</h1><div>Updated June 1, 2024</div>")
    assert clean_html(shown).published == dt.date(2024, 6, 1)  # the page shows it as its date
    published = _page('<meta property="article:published_time" content="2024-03-05T10:00:00Z">'
                      '<meta property="article:modified_time" content="2024-06-01T09:00:00Z">')
    assert clean_html(published).published == dt.date(2024, 3, 5)


def test_article_confidence_takes_the_shared_read() -> None:
    tree = parse_html(_page(LD))
    body = "\n\n".join(STORY)
    shared = article_confidence(tree, url=None, body=body, blocks=STORY, link_chars=0,
                                visible_chars=len(body), page=read_page_meta(tree))
    alone = article_confidence(tree, url=None, body=body, blocks=STORY, link_chars=0,
                               visible_chars=len(body))
    assert shared == alone and shared[0] >= 0.5
