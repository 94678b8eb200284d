"""forewarn's own extractor past the story's end: teaser cards, further-reading links, captions
and author boxes inside the story's container (clean/dom_extract.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from forewarn.clean import clean_html
from forewarn.clean.blocks import parse_html
from forewarn.clean.dom_extract import extract

_spec = importlib.util.spec_from_file_location(
    "_dom_extract_helpers", Path(__file__).with_name("test_html_dom_extract.py"))
_helpers = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_helpers)
PARAGRAPHS, _page, _story = _helpers.PARAGRAPHS, _helpers._page, _helpers._story

TEASERS = [
    ("How the county paid for its new school buses",
     "Officials explain where the money came from and what the new buses will change for "
     "families who live far from the town's schools."),
    ("A guide to the river trail's new bridges",
     "Three footbridges opened this spring; here is where they are and how to reach them on "
     "foot or by bicycle from the town centre."),
    ("Why the old mill is being turned into flats",
     "The developer says the building's walls will stay, and neighbours say they are glad "
     "the site will finally be used again after years."),
    ("Farmers market moves to the station square",
     "Stallholders say the new square gives them more room, and the council hopes the move "
     "will bring more visitors into the old town."),
]


def _cards(items, *, prose_each: int = 1) -> str:
    cards = "".join(
        f'<div class="post-card"><h3><a href="/s/{n}">{title}</a></h3>'
        + f"<p>{excerpt}</p>" * prose_each + "</div>"
        for n, (title, excerpt) in enumerate(items))
    return f'<div class="grid">{cards}</div>'


def _kept(page: str) -> list[str]:
    found = extract(parse_html(page))
    return [found.blocks[k].text for k in found.kept]


def test_teaser_cards_after_the_story_are_dropped_with_a_reason() -> None:
    page = _page(_story() + "<h2>Read more</h2>" + _cards(TEASERS))
    kept = _kept(page)
    assert all(paragraph in kept for paragraph in PARAGRAPHS)
    assert not any(excerpt in kept for _, excerpt in TEASERS)
    assert "Read more" not in kept  # a heading past the story's end goes too
    cleaned = clean_html(page)
    reasons = {span.text: span.reason for span in cleaned.removed}
    assert reasons[TEASERS[0][1]] == "teaser-after-story"
    assert reasons["Read more"] == "heading-after-story"
    assert PARAGRAPHS[-1] in cleaned.body


def test_listicle_items_with_linked_titles_are_kept() -> None:
    # the same card structure, but each item carries paragraphs of the story itself
    items = [(title, PARAGRAPHS[n]) for n, (title, _) in enumerate(TEASERS)]
    story = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[4:6]) + _cards(items, prose_each=3)
    kept = _kept(_page(story))
    assert all(PARAGRAPHS[n] in kept for n in range(4))


def test_a_page_made_of_cards_keeps_them() -> None:
    # a short introduction, then cards that outweigh it: an index page, not a story's tail
    story = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[:2]) + _cards(TEASERS * 3)
    kept = _kept(_page(story))
    assert TEASERS[0][1] in kept


def test_faq_entries_are_not_taken_for_teasers() -> None:
    faq = [(f"Will the barrier hold a bigger flood, question {n}?", excerpt)
           for n, (_, excerpt) in enumerate(TEASERS)]
    kept = _kept(_page(_story() + _cards(faq)))
    assert all(excerpt in kept for _, excerpt in TEASERS)


def test_link_lists_after_the_story_go_but_lists_inside_it_stay() -> None:
    inner = '<ul><li><a href="/report">The county flood report</a></li></ul>'
    related = ('<ul><li><a href="/x">Council approves a new budget for schools</a></li>'
               '<li><a href="/y">Bridge closed for repairs until the spring</a></li></ul>')
    story = _story().replace("<h2>", inner + "<h2>", 1) + related
    page = _page(story)
    kept = _kept(page)
    assert "The county flood report" in kept
    assert "Council approves a new budget for schools" not in kept
    reasons = {span.text: span.reason for span in clean_html(page).removed}
    assert reasons["Bridge closed for repairs until the spring"] == "links-after-story"


def test_captions_and_author_boxes_are_not_story_text() -> None:
    caption = "The new barrier on the river at Easton, seen from the old bridge on Sunday."
    bio = ("Jane Doe covers the county for the River Times and has reported on its floods "
           "for more than ten years.")
    story = _story().replace(
        "<h2>", f"<figure><img src='a.jpg'><figcaption>{caption}</figcaption></figure><h2>", 1)
    page = _page(story + f'<div class="author-box"><p>{bio}</p></div>')
    kept = _kept(page)
    assert caption not in kept and bio not in kept
    assert all(paragraph in kept for paragraph in PARAGRAPHS)
    reasons = {span.text: span.reason for span in clean_html(page).removed}
    assert reasons[caption] == "caption"
