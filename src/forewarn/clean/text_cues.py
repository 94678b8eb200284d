"""Fast matching of the boilerplate cue rules (``data/clean/boilerplate.toml``) over a page.

The rules' regular expressions are slow to search line by line (dozens of alternatives tried at
every word). Instead:

- the whole-line forms run once over the page's lines joined by newlines (``re.MULTILINE``);
- every cue pattern is reduced to literal strings one of which each of its matches must contain
  (found by walking the parsed pattern); ``str.find`` looks for those literals in the page, and
  the cue patterns run only on the few lines that hold one.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

try:  # Python 3.11+
    from re import _constants as _c, _parser as _p
except ImportError:  # pragma: no cover - older Pythons
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

if TYPE_CHECKING:
    from .rules import Rules
    from .text_lines import Lines

__all__ = ["CueMatcher", "matcher_for", "required_literals"]


def _best(options: list[set[str]]) -> set[str] | None:
    """The most selective of several alternative requirements (longest shortest literal)."""
    options = [o for o in options if o]
    if not options:
        return None
    return max(options, key=lambda o: (min(map(_selectivity, o)), -len(o)))


def _selectivity(literal: str) -> int:
    """A rough rank of how rarely a literal occurs: its letters, spaces not counted; a symbol
    (a currency sign, ©) counts as a long word."""
    core = literal.lstrip(_WS).strip()
    if any(c.isalnum() for c in core):
        # a literal known to start a word is found in one pass with the others (see hits())
        return len(core) if literal.startswith(_WS) else len(core) - 5
    return 6 if core and not any(c in "-.,;:'\"/()[]!?" for c in core) else 0


#: Marks a literal that starts where a word starts (after ``\b``, a space or the match start).
_WS = "\x00"
_BOUNDARY = {getattr(_c, n) for n in ("AT_BOUNDARY", "AT_BEGINNING", "AT_BEGINNING_STRING",
                                      "AT_BEGINNING_LINE") if hasattr(_c, n)}


def _required(items, bound: bool = False, every: bool = False):
    """Literals one of which a match of the parsed ``items`` contains; those starting at a word
    start carry the :data:`_WS` mark. ``bound``: the items start at a word start. ``every``:
    all such sets the items require (a list; each set is needed), not the most selective one."""
    if items is None:
        return None
    options: list[set[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is _c.LITERAL:
            if not run and (bound or chr(av) == " "):
                run.append(_WS)
            run.append(chr(av))
            bound = chr(av) == " "
            continue
        if run:
            # a literal run before alternatives that each open with literals: the run with each
            # opening ("com" + "mission|pensation", as the parser factors "commission|
            # compensation"), far rarer in text than the run alone
            leads = _leads(op, av)
            options.append({"".join(run) + x for x in leads} if leads else {"".join(run)})
            run = []
            if leads:
                bound = False
                continue
        if op is _c.AT:
            bound = av in _BOUNDARY
            continue
        if op is _c.SUBPATTERN:
            options.append(_required(av[-1], bound) or set())
        elif op is _c.BRANCH:
            alts = [_required(b, bound) for b in av[1]]
            if all(alts):
                options.append(set().union(*alts))
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            if av[0] >= 1:
                options.append(_required(av[2], bound) or set())
            elif bound and _ends_with_space(av[2]):
                continue  # "(?:please )?donate": a word starts after it either way
        elif op is _c.IN:
            if all(o is _c.LITERAL for o, _ in av) and len(av) <= 8:
                options.append({chr(a) for _, a in av})
        bound = False
        # anything else (ANY, CATEGORY, ASSERT, ...) requires no literal
    if run:
        options.append({"".join(run)})
    if every:
        return [o for o in options if o]
    return _best(options)


def _leads(op, av) -> set[str] | None:
    """The literal openings of alternatives (a branch whose every alternative opens with a
    literal, or a small character class), None otherwise."""
    if op is _c.IN:
        if all(o is _c.LITERAL for o, _ in av) and len(av) <= 8:
            return {chr(a) for _, a in av}
        return None
    if op is not _c.BRANCH:
        return None
    out = set()
    for alt in av[1]:
        lead = []
        for o, a in alt:
            if o is not _c.LITERAL:
                break
            lead.append(chr(a))
        if not lead:
            return None
        out.add("".join(lead))
    return out


def _ends_with_space(items) -> bool:
    if not items:
        return False
    op, av = items[-1]
    if op is _c.LITERAL:
        return chr(av) == " "
    if op is _c.SUBPATTERN:
        return _ends_with_space(av[-1])
    if op is _c.BRANCH:
        return all(_ends_with_space(b) for b in av[1])
    return False


def required_literals(pattern: str) -> set[str] | None:
    """Literal strings one of which every match of ``pattern`` contains, or None if unknown."""
    try:
        got = _required(_p.parse(pattern), True)
        return {x.replace(_WS, "") for x in got} if got else None
    except Exception:  # noqa: BLE001 - an unusual pattern only loses the prefilter
        return None


class CueMatcher:
    """The rules of one :class:`Rules`, prepared for whole-page matching."""

    def __init__(self, rules: Rules) -> None:
        self.rules = rules
        #: the whole-line forms, tried at each line start of ``"\n" + block``: a leading newline
        #: instead of ``^`` lets the regex engine skip to line starts (a literal prefix) rather than
        #: try every position of the page
        self.whole = (re.compile("\n" + rules.whole.pattern[1:], re.M)
                      if rules.whole is not None and rules.whole.pattern.startswith("^") else None)
        #: every cue alone (anchored like the combined pattern: at a word or a symbol), with the
        #: reason it belongs to, and the literals that point to it
        self.cues: list[tuple[str, re.Pattern[str]]] = []
        #: for every cue, the sets of literals it needs (one of each set): a cheap test first
        self.needs: list[tuple[frozenset[str], ...]] = []
        by_literal: dict[str, set[int]] | None = {}
        for r, rule in enumerate(rules.rules):
            if rule.cue is None:
                continue
            for piece in _top_level(rule.cue.pattern):
                k = len(self.cues)
                # a cue that starts with \b needs no look-behind (which makes the search slow)
                anchored = piece.lstrip("(?:").startswith("\\b")
                self.cues.append((f"r{r}", re.compile(piece if anchored else rf"(?<!\w)(?=\S)(?:{piece})")))
                try:  # every literal the cue needs: a line without one of them is not tried
                    needs = [frozenset(x.replace(_WS, "") for x in o)
                             for o in _required(_p.parse(piece), True, every=True)]
                except Exception:  # noqa: BLE001
                    needs = []
                self.needs.append(tuple(o for o in needs if all(o)))
                try:
                    lits = _required(_p.parse(piece), True) if by_literal is not None else None
                except Exception:  # noqa: BLE001 - an unusual pattern only loses the prefilter
                    lits = None
                if not lits:
                    by_literal = None
                    continue
                for lit in lits:
                    by_literal.setdefault(lit, set()).add(k)
        #: literals that start a word, found by one pass of a trie-shaped pattern over the page
        #: (a non-word character first, which the regex engine skips to quickly; the literal in a
        #: lookahead, so that a literal ending in a space leaves the next word to be found); the
        #: others, found with ``find``
        self.starts_word: dict[bytes, frozenset[int]] = {}
        self.anywhere: list[tuple[str, frozenset[int]]] = []
        self.trie: re.Pattern[bytes] | None = None
        self.prefiltered = by_literal is not None
        if by_literal is not None:
            for x in sorted(by_literal, key=len, reverse=True):  # a longer literal is redundant
                bare = x.replace(_WS, "")
                shorter = next((y for y in by_literal if y != x and (
                    y[0] == _WS and x.startswith(y) or y[0] != _WS and y in bare)), None)
                if shorter is not None:
                    by_literal[shorter] |= by_literal.pop(x)
            for lit, ix in sorted(by_literal.items()):
                bare = lit.replace(_WS, "").lstrip(" ")
                if lit.startswith(_WS) and bare.isascii() and bare[:1].isalpha():
                    key = bare.encode()
                    self.starts_word[key] = self.starts_word.get(key, frozenset()) | ix
                else:
                    self.anywhere.append((lit.replace(_WS, ""), frozenset(ix)))
            if self.starts_word:
                self.trie = re.compile(rb"[^a-z0-9_](?=(" + _trie(list(self.starts_word)) + rb"))")

    def whole_hits(self, lines: Lines, short: list[bool]) -> dict[int, str]:
        """Line index → group name of the whole-line form it matches (short lines only)."""
        out: dict[int, str] = {}
        if self.rules.whole is None:
            return out
        if self.whole is None:
            for i, p in enumerate(lines.plains):
                if short[i]:
                    m = self.rules.whole.match(p)
                    if m:
                        out[i] = m.lastgroup
            return out
        line_at = lines.line_at
        for m in self.whole.finditer("\n" + lines.block):
            i = line_at(m.start())  # the match's newline stands at the line's offset in the block
            if "\n" in m.group(0)[1:]:  # it ran on over the next line: the line alone
                m = self.rules.whole.match(lines.plains[i])
                if not m:
                    continue
            if short[i]:
                out[i] = m.lastgroup
        return out

    def hits(self, lines: Lines) -> dict[int, dict[str, set[str]]]:
        """Line index → {group name of a reason → the distinct cue strings found}."""
        if not self.cues:
            return {}
        todo: dict[int, set[int]] = {}
        if not self.prefiltered:
            every = set(range(len(self.cues)))
            todo = {i: every for i in range(len(lines.plains))}
        else:
            block, starts, line_at = lines.block, lines.starts, lines.line_at
            n = len(starts)

            def add(i: int, ix: frozenset[int]) -> None:
                got = todo.get(i)
                if got is None:
                    todo[i] = set(ix)
                else:
                    got |= ix

            # one ASCII copy of the page for both searches, a newline first (a word start for the
            # trie): offset k of the block is offset k + 1 of it
            ascii_block = ("\n" + block).encode("ascii", "replace")
            if self.trie is not None:
                table = self.starts_word
                for m in self.trie.finditer(ascii_block):
                    add(line_at(m.start()), table[m.group(1)])
            for lit, ix in self.anywhere:
                if lit.isascii():
                    find, needle, shift = ascii_block.find, lit.encode(), 1
                else:
                    find, needle, shift = block.find, lit, 0
                at = find(needle, shift)
                while at != -1:
                    i = line_at(at - shift)
                    add(i, ix)
                    at = find(needle, starts[i + 1] + shift) if i + 1 < n else -1
        out: dict[int, dict[str, set[str]]] = {}
        plains, cues, needs = lines.plains, self.cues, self.needs
        for i, ix in todo.items():
            found: dict[str, set[str]] = {}
            p = plains[i]
            for k in ix:
                ok = True  # (plain loops: no generator made for every line and cue)
                for o in needs[k]:
                    for x in o:
                        if x in p:
                            break
                    else:  # a literal every match of the cue holds is not on the line
                        ok = False
                        break
                if not ok:
                    continue
                group, cue = cues[k]
                for m in cue.finditer(p):
                    found.setdefault(group, set()).add(m.group(0))
            if found:
                out[i] = found
        return out


def _trie(words: list[bytes]) -> bytes:
    """A pattern matching exactly ``words``, shaped as a trie (one branch per next byte)."""
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[-1] = {}

    def emit(node: dict) -> bytes:
        alts = [re.escape(bytes([ch])) + emit(sub) for ch, sub in sorted(node.items()) if ch != -1]
        if not alts:
            return b""
        body = alts[0] if len(alts) == 1 and -1 not in node else b"(?:" + b"|".join(alts) + b")"
        return body + b"?" if -1 in node else body

    return emit(root)


def _top_level(pattern: str) -> list[str]:
    """``pattern`` split at its top-level ``|`` (outside groups and character classes)."""
    pieces, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            if pattern[i + 1:i + 2] == "]" or pattern[i + 1:i + 3] == "^]":
                i += 2 if pattern[i + 1] == "]" else 3
                continue
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            pieces.append(pattern[start:i])
            start = i + 1
        i += 1
    pieces.append(pattern[start:])
    return pieces


_MATCHERS: dict[int, CueMatcher] = {}


def matcher_for(rules: Rules) -> CueMatcher:
    m = _MATCHERS.get(id(rules))
    if m is None or m.rules is not rules:
        if len(_MATCHERS) > 32:
            _MATCHERS.clear()
        m = _MATCHERS[id(rules)] = CueMatcher(rules)
    return m
