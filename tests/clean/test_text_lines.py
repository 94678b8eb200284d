"""Whole-page line splitting gives every line the normal form the one-line function gives it."""

from __future__ import annotations

import pytest

from forewarn.clean.text_lines import plain, split_lines


@pytest.mark.parametrize("text", [
    "a \u200b b\nc",              # a removed zero-width space leaves two spaces together
    "\u200bx y\nz\ufeff",         # ... or a space at a line's edge
    "Ｆｕｌｌ  width\ttabs",      # NFKC changes the text
    "caf\u00e9 \u201cquoted\u201d \u2014 dash",  # normalised already, quotes made plain
    "a \u00a8 b\n\u00a8 starts",  # a character whose normal form starts with a space
    "plain ascii line\n\n  indented   line  ",
    "Wait for it\u2026 Brand\u2122 news",  # the common NFKC changes, put in before the check
    "Wait\u2026 \uff26ull width\u2122\n\u00bd cup",  # ... with others the full NFKC still runs
])
def test_page_normal_form_matches_the_line_normal_form(text: str) -> None:
    lines = split_lines(text)
    assert lines.plains == [plain(t) for t in lines.texts]
    assert lines.block == "\n".join(lines.plains)
