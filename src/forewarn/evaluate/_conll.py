"""CoNLL-style token files (one ``token … tag`` line per token, a blank line between sentences)
and the text a tokenised sentence stands for, with each token's character offsets."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

#: Tokens written without a space before them ("Croatian government 's request .").
_NO_SPACE_BEFORE = {".", ",", ":", ";", "!", "?", "%", ")", "]", "}", "'s", "'S", "’s", "n't", "'re", "'ve",
                    "'ll", "'d", "'m"}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "#"}


def read_conll(path: Path, limit: int | None = None) -> Iterator[tuple[list[str], list[str]]]:
    """``(tokens, tags)`` per sentence; the tag is the last field of a line (tab or space separated)."""
    tokens: list[str] = []
    tags: list[str] = []
    n = 0
    with path.open(encoding="utf-8", errors="replace") as handle:
        for line in [*handle, "\n"]:
            line = line.rstrip("\r\n")
            fields = line.split("\t") if "\t" in line else line.split(" ")
            if not line.strip() or line.startswith("-DOCSTART-") or len(fields) < 2:
                if tokens:
                    yield tokens, tags
                    n += 1
                    if limit is not None and n >= limit:
                        return
                tokens, tags = [], []
                continue
            tokens.append(fields[0])
            tags.append(fields[-1].strip() or "O")


def detokenize(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """A readable sentence from tokens and each token's ``(start, end)`` in it."""
    parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    at = 0
    quote_open = False
    for i, tok in enumerate(tokens):
        space = i > 0 and tok not in _NO_SPACE_BEFORE and tokens[i - 1] not in _NO_SPACE_AFTER
        if tok == '"':
            space = i > 0 and not quote_open
            quote_open = not quote_open
        elif i > 0 and tokens[i - 1] == '"' and quote_open:
            space = False
        if space:
            parts.append(" ")
            at += 1
        offsets.append((at, at + len(tok)))
        parts.append(tok)
        at += len(tok)
    return "".join(parts), offsets


def char_spans(spans: list[tuple[int, int, str]], offsets: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Token spans → character spans."""
    return [(offsets[s][0], offsets[e - 1][1], label) for s, e, label in spans]
