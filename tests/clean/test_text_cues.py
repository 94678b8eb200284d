"""The page-wide cue prefilter (text_cues): it only skips work, never a cue the rules find."""

from __future__ import annotations

from forewarn.clean.rules import default_rules
from forewarn.clean.text import _cue_hits
from forewarn.clean.text_cues import matcher_for, required_literals
from forewarn.clean.text_lines import split_lines


def test_literals_of_factored_alternatives_are_whole_words() -> None:
    # the regex parser factors "commission|compensation" into "com" + (mission|pensation); the
    # prefilter asks for the whole words, not "com" (which half the words of a page hold)
    assert required_literals(r"\bearn a (?:commission|compensation)\b") == {
        "earn a commission", "earn a compensation"}
    assert required_literals(r"\byour (?:support|donation)\b") == {"your support", "your donation"}
    assert required_literals(r"\borgani[sz]ation\b") == {"organis", "organiz"}


def test_a_cue_right_after_another_word_literal_is_found() -> None:
    # "start " ends in a space: the word after it starts a word too and must not be skipped
    rules = default_rules()
    page = "\n".join(["Sign in Start free trial", "Start free trial", "Start your free trial today"])
    lines = split_lines(page)
    fast = matcher_for(rules).hits(lines)
    for i, p in enumerate(lines.plains):
        assert set(fast.get(i, {})) == set(_cue_hits(p, rules)), p
    assert fast, "the free-trial cue is found"
