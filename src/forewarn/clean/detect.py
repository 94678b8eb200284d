"""Sniff whether a document is HTML by its content, not its file name."""

from __future__ import annotations

import re

__all__ = ["looks_like_html"]

_DOCTYPE = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<!doctype\s+html", re.I | re.S)
_ROOT = re.compile(r"<(?:html|head|body)\b[^>]*>", re.I)
_TAG = re.compile(r"</?(?:p|div|span|a|br|h[1-6]|li|ul|table|tr|td|article|section|script|style|meta|link|img|title)\b[^<>]*>", re.I)


def looks_like_html(text: str) -> bool:
    """True when ``text`` is an HTML document or fragment (a doctype, an <html>/<body> root, or
    several common tags near the start); prose that mentions a tag or two stays text."""
    if not text:
        return False
    head = text[:4096]
    if _DOCTYPE.match(head) or _ROOT.search(head):
        return True
    tags = _TAG.findall(text[:20000])
    if len(tags) >= 3:
        return True
    return head.lstrip().startswith("<") and len(tags) >= 1
