"""A furniture tag that swallowed the story (clean/dom_extract.py: _unmark_wrappers)."""

from __future__ import annotations

from forewarn.clean.blocks import parse_html
from forewarn.clean.dom_extract import extract

PARAGRAPHS = [
    f"Paragraph {n} of the report: the harbour authority said on Tuesday that the new ferry "
    f"terminal, which cost about {n + 3} million euros, would open to passengers next month, "
    "after inspectors signed off on its safety systems and its access roads."
    for n in range(10)
]


def _kept(page: str) -> tuple[bool, list[str]]:
    found = extract(parse_html(page))
    return found.sure, [found.blocks[k].text for k in found.kept]


def test_a_nav_wrapping_the_whole_story_is_a_false_alarm() -> None:
    story = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    page = f"""<html><body>
      <nav class="header-nav"><ul><li><a href="/">Home</a></li><li><a href="/n">News</a></li></ul>
        <div class="page"><h1>Ferry terminal to open</h1>{story}
          <nav class="pager"><a href="/prev">Previous story about the harbour</a></nav>
        </div>
      </nav>
      <footer><p>Copyright Harbour Post. All rights reserved.</p></footer>
    </body></html>"""
    sure, kept = _kept(page)
    assert sure
    assert all(p in kept for p in PARAGRAPHS)
    # a furniture tag inside the false alarm, and the footer outside it, still count
    assert "Previous story about the harbour" not in kept
    assert "Copyright Harbour Post. All rights reserved." not in kept


def test_a_button_wrapping_the_story_is_a_false_alarm() -> None:
    story = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    page = f"<html><body><button class='menu-button'><span>Menu</span>{story}</button></body></html>"
    sure, kept = _kept(page)
    assert sure and all(p in kept for p in PARAGRAPHS)


def test_an_aside_with_a_minority_of_the_prose_stays_furniture() -> None:
    story = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    aside = ("<aside><p>About us: the Harbour Post has covered the port and its ferries for "
             "more than forty years, with a newsroom of twelve reporters.</p></aside>")
    page = f"<html><body><div class='story'>{story}</div>{aside}</body></html>"
    sure, kept = _kept(page)
    assert sure and all(p in kept for p in PARAGRAPHS)
    assert not any(text.startswith("About us") for text in kept)
