"""Flatten an HTML page to its visible text, one block per line.

This is what a scraper that "saves the page as text" produces, and what the HTML cleaner reports
as removed when a block is not part of the extracted body. Pure lxml, no extraction heuristics.
"""

from __future__ import annotations

import re

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

_WS = re.compile(r"\s+")


_PLAIN, _BLOCKED, _SKIPPED, _LINK = 0, 1, 2, 3
#: Tag → kind, filled as tags are met (comments and processing instructions are skipped).
_KINDS: dict = {}


def _kind_of(tag) -> int:
    if not isinstance(tag, str):
        kind = _SKIPPED
    else:
        name = tag.rsplit("}", 1)[1].lower() if "}" in tag else tag.lower()
        kind = (_SKIPPED if name in _SKIP else _BLOCKED if name in _BLOCK
                else _LINK if name == "a" else _PLAIN)
    if len(_KINDS) < 10_000:
        _KINDS[tag] = kind
    return kind


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
    links and the number of visible characters in all (for link density)."""
    if isinstance(html, (str, bytes)):
        root = parse_html(html)
    else:
        root = html
    if root is None:
        return [], 0, 0
    try:
        from lxml import etree
    except Exception:  # noqa: BLE001
        return [], 0, 0

    blocks: list[str] = []
    buf: list[str] = []
    link_chars = 0
    all_chars = 0

    def flush() -> None:
        if buf:
            line = _WS.sub(" ", "".join(buf)).strip()
            buf.clear()
            if line:
                blocks.append(line)

    def add(piece: str | None) -> None:  # an element's text or tail, counted as link text inside <a>
        nonlocal all_chars, link_chars
        if piece:
            buf.append(piece)
            all_chars += len(piece)
            if link_depth:
                link_chars += len(piece)

    skip_depth = 0
    link_depth = 0
    kinds = _KINDS
    try:
        for event, el in etree.iterwalk(root, events=("start", "end")):
            tag = el.tag
            kind = kinds.get(tag)
            if kind is None:
                kind = _kind_of(tag)
            if event == "start":
                if skip_depth or kind == _SKIPPED:
                    if kind == _SKIPPED:
                        skip_depth += 1
                    continue
                if kind == _BLOCKED:
                    flush()
                elif kind == _LINK:
                    link_depth += 1
                add(el.text)
            else:
                if kind == _SKIPPED:
                    skip_depth -= 1
                elif not skip_depth:
                    if kind == _LINK:
                        link_depth -= 1
                    elif kind == _BLOCKED:
                        flush()
                if not skip_depth:
                    add(el.tail)
        flush()
    except Exception:  # noqa: BLE001
        flush()
    return blocks, link_chars, all_chars
