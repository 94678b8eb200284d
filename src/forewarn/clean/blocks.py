"""Flatten an HTML page to its visible text, one block per line.

This is what a scraper that "saves the page as text" produces, and what the HTML cleaner reports
as removed when a block is not part of the extracted body. The walk itself is the one the
main-text extractor makes (:mod:`.dom_extract`), so both see the same blocks.
"""

from __future__ import annotations

__all__ = ["block_stats", "parse_html", "visible_blocks"]

#: Elements whose content is never visible text.
_SKIP = frozenset({
    "script", "style", "noscript", "template", "svg", "head", "iframe", "object", "embed",
    "canvas", "math", "select", "textarea", "title", "meta", "link",
})

#: Elements that start and end a line of text.
_BLOCK = frozenset({
    "address", "article", "aside", "blockquote", "body", "br", "button", "caption", "dd",
    "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "html", "label", "legend", "li", "main",
    "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
    "thead", "tr", "ul",
})


def parse_html(html: str | bytes):
    """Parse a page with lxml (comments and processing instructions dropped); None when it
    cannot be parsed. The tree can be passed to :func:`visible_blocks` and reused elsewhere."""
    try:
        import lxml.html

        if isinstance(html, str):
            # lxml refuses str input that carries an XML encoding declaration.
            html = html.encode("utf-8", "replace")
        if not html.strip():
            return None
        parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True,
                                      collect_ids=False, default_doctype=False)
        return lxml.html.fromstring(html, parser=parser)
    except Exception:  # noqa: BLE001 - any parser failure means "no tree"
        return None


def visible_blocks(html) -> list[str]:
    """Return the page's visible text blocks in document order (whitespace collapsed).

    ``html`` is the page's markup (str or bytes) or an lxml tree already parsed (it is not
    modified). Never raises: an unparseable page gives an empty list.
    """
    return block_stats(html)[0]


def block_stats(html) -> tuple[list[str], int, int]:
    """The visible blocks (as :func:`visible_blocks`), the number of visible characters inside
    links and the number of visible characters in all (for link density). One walk, the one
    the main-text extractor makes (:func:`.dom_extract.walk`)."""
    from .dom_extract import walk

    root = parse_html(html) if isinstance(html, (str, bytes)) else html
    found = walk(root)
    return found.texts, found.link_chars, found.visible_chars
