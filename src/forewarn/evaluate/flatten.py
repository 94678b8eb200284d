"""A web page flattened to what a scraper saves: all visible text, one block per line."""

from __future__ import annotations

import lxml.html
from lxml import etree

INVISIBLE = ("script", "style", "noscript", "template", "head", "svg", "iframe", "object")
BLOCKS = {"p", "div", "section", "article", "header", "footer", "nav", "aside", "main", "li", "ul", "ol",
          "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "tr", "td", "th", "dd", "dt",
          "dl", "figure", "figcaption", "form", "br", "hr", "address", "title", "button", "label", "option"}


def flatten_html(html: str) -> str:
    """Visible text of a page, one block a line, blank lines dropped."""
    try:
        root = lxml.html.fromstring(html.encode("utf-8", "replace"))
    except (etree.ParserError, ValueError):
        return ""
    etree.strip_elements(root, *INVISIBLE, with_tail=False)
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in BLOCKS:
            el.tail = "\n" + (el.tail or "")
            el.text = "\n" + (el.text or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)
