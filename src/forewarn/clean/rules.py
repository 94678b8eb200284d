"""Boilerplate cue rules, loaded once from ``data/clean/boilerplate.toml``.

Rules are data: a user may pass another file to :func:`load_rules`. Each reason compiles into one
alternation for its cues and one fully anchored alternation for its whole-line forms.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

__all__ = ["Rule", "Rules", "default_rules", "load_rules"]


@dataclass(frozen=True, slots=True)
class Rule:
    reason: str
    cue: re.Pattern[str] | None
    whole: re.Pattern[str] | None


@dataclass(frozen=True, slots=True)
class Rules:
    rules: tuple[Rule, ...]
    short_words: int = 14
    #: All reasons' whole-line forms in one anchored alternation, group ``r<i>`` = ``rules[i]``.
    whole: re.Pattern[str] | None = None
    #: All reasons' cues in one alternation, group ``r<i>`` = ``rules[i]``.
    cue: re.Pattern[str] | None = None

    #: First four letters of every literal word in the cues, and the symbols they use: a line
    #: sharing none of them cannot match any cue, so the (slow) cue search is skipped.
    stems: frozenset[str] | None = None
    symbols: tuple[str, ...] = ()

    def may_cue(self, stems: set[str], plain: str) -> bool:
        if self.stems is None:
            return True
        return not stems.isdisjoint(self.stems) or any(sym in plain for sym in self.symbols)

    def reason_of(self, group: str) -> str:
        return self.rules[int(group[1:])].reason


_SYMBOLS = ("©", "$", "£", "€", "(c)")
_ESCAPE = re.compile(r"\\.")
_LETTERS = re.compile(r"[a-z]+")


def _required_stems(pattern: str) -> set[str]:
    """Stems (first four letters) of words one of which every match of ``pattern`` contains.

    A word outside any group is required (its longest one is enough); otherwise every word of
    the pattern is taken, which over-approximates: alternatives and optional groups included.
    """
    text = _ESCAPE.sub(" ", pattern)
    depth, top, all_words = 0, [], []
    for m in re.finditer(r"[()]|[a-z]+[?*]?", text):
        tok = m.group(0)
        if tok == "(":
            depth += 1
        elif tok == ")":
            depth -= 1
        else:
            word = tok.rstrip("?*")
            if tok[-1] in "?*":
                word = word[:-1]  # "cookies?" requires only "cookie"
            if len(word) >= 3:
                all_words.append(word)
                nxt = text[m.end():m.end() + 1]
                if depth == 0 and nxt not in ("?", "*", "{") and tok[-1] not in "?*" or \
                        depth == 0 and tok[-1] in "?*":
                    top.append(word)
    if top:
        return {max(top, key=len)[:4]}
    return {w[:4] for w in all_words}


def _alternation(patterns: list[str], anchored: bool) -> re.Pattern[str] | None:
    if not patterns:
        return None
    body = "|".join(f"(?:{p})" for p in patterns)
    return re.compile(rf"^(?:{body})$" if anchored else body)


def _compile(data: dict) -> Rules:
    rules = []
    for reason, spec in (data.get("reasons") or {}).items():
        rules.append(Rule(reason=reason,
                          cue=_alternation(list(spec.get("cue", [])), anchored=False),
                          whole=_alternation(list(spec.get("whole", [])), anchored=True)))
    limits = data.get("limits") or {}
    reasons = data.get("reasons") or {}
    whole = [f"(?P<r{i}>{'|'.join(f'(?:{p})' for p in spec['whole'])})"
             for i, spec in enumerate(reasons.values()) if spec.get("whole")]
    cue = [f"(?P<r{i}>{'|'.join(f'(?:{p})' for p in spec['cue'])})"
           for i, spec in enumerate(reasons.values()) if spec.get("cue")]
    cues = [p for spec in reasons.values() for p in spec.get("cue", [])]
    stems: set[str] | None = set()
    for p in cues:
        got = _required_stems(p)
        if not got and not any(sym in p.replace("\\", "") for sym in _SYMBOLS):
            stems = None  # a cue with no literal word: no prefilter possible
            break
        stems |= got
    symbols = tuple(sym for sym in _SYMBOLS if any(sym in p.replace("\\", "") for p in cues))
    return Rules(rules=tuple(rules), stems=None if stems is None else frozenset(stems),
                 symbols=symbols,
                 short_words=int(limits.get("short_words", 14)),
                 whole=re.compile(rf"^(?:{'|'.join(whole)})$") if whole else None,
                 # every cue starts at a word start or a symbol: the lookbehind skips the other
                 # positions cheaply (about 5x faster than trying every alternative everywhere)
                 cue=re.compile(rf"(?<!\w)(?=\S)(?:{'|'.join(cue)})") if cue else None)


def load_rules(path: str | Path) -> Rules:
    """Load cue rules from a TOML file shaped like the packaged ``boilerplate.toml``."""
    with open(path, "rb") as fh:
        return _compile(tomllib.load(fh))


@lru_cache(maxsize=1)
def default_rules() -> Rules:
    text = resources.files("forewarn").joinpath("data/clean/boilerplate.toml").read_bytes()
    return _compile(tomllib.loads(text.decode("utf-8")))
