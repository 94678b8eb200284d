"""forewarn's own extractor around the story's edges: class names, copies of the story,
sections that follow it (related stories, comments, the author's bio), datelines and the
header above the headline (clean/dom_extract.py, clean/html.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from forewarn.clean import clean_html
from forewarn.clean.blocks import parse_html
from forewarn.clean.dom_extract import Extraction, _boiler_attr, extract
from forewarn.clean.html import _cut_tail, _drop_furniture

_spec = importlib.util.spec_from_file_location(
    "_dom_extract_helpers", Path(__file__).with_name("test_html_dom_extract.py"))
_helpers = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_helpers)
PARAGRAPHS, _page, _story = _helpers.PARAGRAPHS, _helpers._page, _helpers._story


def _found(page: str) -> Extraction:
    return extract(parse_html(page))


def _kept(page: str) -> list[str]:
    found = _found(page)
    return [found.blocks[k].text for k in found.kept]


def test_the_last_class_word_decides_and_layout_words_do_not_clear_a_bio() -> None:
    assert _boiler_attr("author-bio text-center")  # "text" clears only its own class name
    assert _boiler_attr("post-tags")  # "post" namespaces the tags: still furniture
    assert not _boiler_attr("sidebar-content")  # the story's own block
    assert not _boiler_attr("entry-content share-enabled")  # a story class clears the value
    assert not _boiler_attr("text-center")


def test_a_story_rendered_twice_keeps_one_copy_but_a_lone_repeat_stays() -> None:
    twice = (f'<div class="v-desktop">{_story()}</div>'
             f'<div class="v-mobile">{_story()}</div>')
    kept = _kept(_page(twice))
    assert all(kept.count(p) == 1 for p in PARAGRAPHS)
    refrain = "Residents can call the county's flood line at any hour for help and advice."
    paras = [f"<p>{p}</p>" for p in PARAGRAPHS]
    paras.insert(3, f"<p>{refrain}</p>")
    paras.insert(9, f"<p>{refrain}</p>")
    assert _kept(_page("".join(paras))).count(refrain) == 2


RELATED = [
    "A new footbridge over the river opens next month after two years of work on the site.",
    "The county's schools will get new buses this autumn, paid for by a state grant.",
]


def test_a_related_section_after_the_story_goes_with_its_heading() -> None:
    tail = "<h3>Related stories</h3>" + "".join(f"<div><p>{t}</p></div>" for t in RELATED)
    page = _page(_story() + tail)
    kept = _kept(page)
    assert all(p in kept for p in PARAGRAPHS)
    assert "Related stories" not in kept and not any(t in kept for t in RELATED)
    reasons = {span.text: span.reason for span in clean_html(page).removed}
    assert reasons[RELATED[0]] == "section-after-story"


def test_a_related_box_inside_the_story_does_not_end_it() -> None:
    paras = [f"<p>{p}</p>" for p in PARAGRAPHS]
    paras.insert(10, "<p><strong>Related:</strong></p><ul><li><a href='/x'>Bridge works</a>"
                     "</li></ul>")
    kept = _kept(_page("".join(paras)))
    assert all(p in kept for p in PARAGRAPHS)


def test_an_authors_bio_after_the_story_goes_but_a_last_paragraph_about_a_person_stays() -> None:
    bio = ("Jane Marsh is a freelance writer who covers floods and farming for regional papers "
           "and lives near the river.")
    kept = _kept(_page(_story() + f"<p>{bio}</p>"))
    assert PARAGRAPHS[-1] in kept and bio not in kept
    ending = "Jones is the third official to resign from the county board this month."
    assert ending in _kept(_page(_story() + f"<p>{ending}</p>"))


def test_datelines_above_the_story_go_but_dates_in_a_table_stay() -> None:
    table = ("<table><tr><td>3/1/2024</td><td>River level 2.1 m</td></tr>"
             "<tr><td>4/1/2024</td><td>River level 2.4 m</td></tr></table>")
    paras = [f"<p>{p}</p>" for p in PARAGRAPHS]
    paras.insert(5, table)
    kept = _kept(_page("<div>Updated on June 3, 2025</div><div>5 min read</div>"
                       + "".join(paras)))
    assert "Updated on June 3, 2025" not in kept and "5 min read" not in kept
    assert "3/1/2024" in kept and PARAGRAPHS[0] in kept


def test_linked_headings_inside_the_story_are_kept() -> None:
    paras = [f"<p>{p}</p>" for p in PARAGRAPHS]
    paras.insert(4, '<h2><a href="https://shop.example/pliers">Best pliers: Knipex 09 02</a></h2>')
    assert "Best pliers: Knipex 09 02" in _kept(_page("".join(paras)))


def test_the_header_above_the_headline_is_not_body() -> None:
    page = _page("<div>Local news</div><h1>Flood barrier holds in Easton</h1>"
                 + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)).replace(
        "<h1>Flood barrier holds in Easton</h1>\n", "", 1)
    cleaned = clean_html(page)
    assert cleaned.title == "Flood barrier holds in Easton"
    assert cleaned.body.startswith(PARAGRAPHS[0])
    reasons = {span.text: span.reason for span in cleaned.removed}
    assert reasons["Local news"] == "above-title"


def test_trafilatura_paragraphs_in_furniture_or_after_a_section_heading_go() -> None:
    own = Extraction()
    own.furniture, own.plain = {"We use cookies on this site."}, {PARAGRAPHS[0]}
    paragraphs = [PARAGRAPHS[0], PARAGRAPHS[1], PARAGRAPHS[2], "We use cookies on this site."]
    assert _drop_furniture(paragraphs, own) == paragraphs[:3]
    # most of the text in "furniture": the marks are wrong, nothing goes
    own.furniture = {PARAGRAPHS[1], PARAGRAPHS[2]}
    assert _drop_furniture(paragraphs, own) == paragraphs
    story = PARAGRAPHS[:4] + ["You might also like:", "- Bridge opens next month"]
    assert _cut_tail(story) == PARAGRAPHS[:4]
    assert _cut_tail(["Related", *PARAGRAPHS[:2]]) == ["Related", *PARAGRAPHS[:2]]
