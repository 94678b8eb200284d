"""Flatten an HTML page to its visible text, one block per line.

This is what a scraper that "saves the page as text" produces, and what the HTML cleaner reports
as removed when a block is not part of the extracted body. Pure lxml, no extraction heuristics.
"""

from __future__ import annotations

import re

__all__ = ["visible_blocks"]

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

_WS = re.compile(r"\s+")


def _tag(el) -> str:
    tag = el.tag
    if not isinstance(tag, str):  # comments, processing instructions, entities
        return ""
    if "}" in tag:
        tag = tag.rsplit("}", 1)[1]
    return tag.lower()


def visible_blocks(html: str | bytes) -> list[str]:
    """Return the page's visible text blocks in document order (whitespace collapsed).

    Never raises: an unparseable page gives an empty list.
    """
    try:
        import lxml.html
        from lxml import etree

        if isinstance(html, str):
            # lxml refuses str input that carries an XML encoding declaration.
            html = html.encode("utf-8", "replace")
        if not html.strip():
            return []
        parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True)
        root = lxml.html.fromstring(html, parser=parser)
    except Exception:  # noqa: BLE001 - any parser failure means "no text"
        return []

    blocks: list[str] = []
    buf: list[str] = []

    def flush() -> None:
        if buf:
            line = _WS.sub(" ", "".join(buf)).strip()
            buf.clear()
            if line:
                blocks.append(line)

    skip_depth = 0
    try:
        for event, el in etree.iterwalk(root, events=("start", "end")):
            tag = _tag(el)
            if event == "start":
                if skip_depth or tag in _SKIP or not tag:
                    if tag in _SKIP or not tag:
                        skip_depth += 1
                    continue
                if tag in _BLOCK:
                    flush()
                if el.text:
                    buf.append(el.text)
            else:
                if tag in _SKIP or not tag:
                    skip_depth -= 1
                elif not skip_depth and tag in _BLOCK:
                    flush()
                if not skip_depth and el.tail:
                    buf.append(el.tail)
        flush()
    except Exception:  # noqa: BLE001
        flush()
    return blocks
