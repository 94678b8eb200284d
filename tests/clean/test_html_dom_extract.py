"""forewarn's own main-text extractor (clean/dom_extract.py) and its use by clean_html."""

from __future__ import annotations

from forewarn.clean import clean_html
from forewarn.clean.blocks import parse_html, visible_blocks
from forewarn.clean.dom_extract import extract

PARAGRAPHS = [
    f"Paragraph {n} of the story: officials in the river town of Easton said on Monday that the "
    f"new flood barrier, which cost the county about {n + 2} million dollars, held back the "
    "water during the weekend storm, and that residents could return to their homes soon."
    for n in range(12)
]


def _page(story: str, *, extra: str = "") -> str:
    return f"""<html><head><title>Flood barrier holds in Easton | River Times</title></head>
<body>
  <header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
    <li><a href="/sport">Sport</a></li></ul></nav></header>
  <div class="layout">
    <div class="main-column">
      <h1>Flood barrier holds in Easton</h1>
      {story}
    </div>
    <aside class="sidebar"><h3>Most read</h3><ul>
      <li><a href="/a">Council approves new budget for schools</a></li>
      <li><a href="/b">Bridge closed for repairs until spring</a></li></ul></aside>
  </div>
  {extra}
  <footer><p>Copyright River Times. All rights reserved.</p></footer>
</body></html>"""


def _story() -> str:
    paras = [f"<p>{p}</p>" for p in PARAGRAPHS]
    paras.insert(6, "<h2>What happens next</h2>")
    return "".join(paras)


def test_walk_gives_the_visible_blocks() -> None:
    page = _page(_story())
    assert extract(parse_html(page)).texts == visible_blocks(page)


def test_walk_skips_invisible_elements_but_keeps_their_tails() -> None:
    page = ("<html><body><div>Before <script>var x = 1;</script>after the script"
            "<svg><g><text>icon label</text></g></svg> and the icon<!-- a comment --> end.</div>"
            "<p>Next <style>p {}</style>paragraph</p></body></html>")
    found = extract(parse_html(page))
    assert found.texts == visible_blocks(page)
    assert found.texts == ["Before after the script and the icon end.", "Next paragraph"]


def test_extract_keeps_the_story_and_drops_the_page_around_it() -> None:
    found = extract(parse_html(_page(_story())))
    kept = [found.blocks[k].text for k in found.kept]
    assert found.sure
    for paragraph in PARAGRAPHS:
        assert paragraph in kept
    assert "What happens next" in kept  # a heading inside the story stays
    for noise in ("Home", "Most read", "Council approves new budget for schools",
                  "Copyright River Times. All rights reserved."):
        assert noise not in kept


def test_furniture_inside_the_story_is_dropped() -> None:
    story = _story().replace(
        "<h2>", '<div class="share-tools"><span>Share this story on your favourite social '
        "network today.</span></div><h2>", 1)
    found = extract(parse_html(_page(story)))
    kept = [found.blocks[k].text for k in found.kept]
    assert PARAGRAPHS[0] in kept and PARAGRAPHS[-1] in kept
    assert not any(text.startswith("Share this story") for text in kept)


def test_a_furniture_name_on_the_story_wrapper_is_ignored() -> None:
    # "sidebar" in the wrapper's class: a layout name, not a sidebar (it holds the story)
    story = f'<div class="with-sidebar">{_story()}</div>'
    found = extract(parse_html(_page(story)))
    kept = [found.blocks[k].text for k in found.kept]
    assert all(paragraph in kept for paragraph in PARAGRAPHS)


def test_a_named_story_body_beats_other_prose_on_the_page() -> None:
    reviews = "".join(
        f"<blockquote>Review {n}: a wonderful newspaper, I read it every single morning with my "
        "coffee and recommend it to everyone I know in town.</blockquote><p>Reader {n}</p>"
        for n in range(12))
    story = f'<div class="entry-content">{_story()}</div><div class="reviews">{reviews}</div>'
    found = extract(parse_html(_page(story)))
    kept = [found.blocks[k].text for k in found.kept]
    assert all(paragraph in kept for paragraph in PARAGRAPHS)
    assert not any(text.startswith("Review ") for text in kept)


def test_short_or_scattered_pages_are_not_sure() -> None:
    assert not extract(parse_html(_page(f"<p>{PARAGRAPHS[0]}</p>"))).sure
    assert not extract(None).sure
    assert extract(None).blocks == []


def test_deep_nesting_does_not_break_the_walk() -> None:
    page = "<html><body>" + "<div>" * 10_000 + "deep text" + "</div>" * 10_000 + "</body></html>"
    found = extract(parse_html(page))
    assert isinstance(found.kept, list)


def test_clean_html_uses_its_own_extraction_when_sure() -> None:
    cleaned = clean_html(_page(_story()), url="https://river.example/2024/05/flood-barrier")
    assert cleaned.title == "Flood barrier holds in Easton"
    assert cleaned.paragraphs[0] == PARAGRAPHS[0]  # the title is not repeated in the body
    assert cleaned.paragraphs[-1] == PARAGRAPHS[-1]
    assert "Most read" not in cleaned.body and "All rights reserved" not in cleaned.body
    removed = {span.text: span for span in cleaned.removed}
    assert "Home" in removed and removed["Home"].reason
    assert "Flood barrier holds in Easton" not in removed  # the title is kept, as the title
    assert all(0 <= span.at <= len(cleaned.body) for span in cleaned.removed)
    assert removed["Home"].at == 0
    assert removed["Copyright River Times. All rights reserved."].at == len(cleaned.body)
    assert cleaned.flags == []
