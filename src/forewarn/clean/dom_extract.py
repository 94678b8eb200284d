"""forewarn's own main-text extractor: one pass over the parsed page, block by block.

The page is walked once (as :mod:`.blocks` does) and cut into its visible blocks; each block
keeps the element it sits in, its link characters and whether it lies inside page furniture
(``<nav>``, ``<footer>``, ``<aside>``, or an element whose class or id says share, related,
newsletter, comments … — the cues are in ``data/clean/html_extract.toml``). A furniture tag
around most of the page's prose is a false alarm (an unclosed ``<nav>`` or ``<button>`` that
swallowed the story): its mark is lifted before the choice.

The story's container is found in three steps:

1. the *core*: every paragraph of prose (long enough, few links, not furniture) scores for
   its element, its parent and, less, the elements above (readability's scoring); the best
   scored element is where the story's paragraphs sit;
2. the core widens to the ancestor whose prose characters, less twice its other characters
   (link lists, short lines), are the most (a story split over sibling blocks);
3. an element the page itself names as the story's body (``entry-content``, ``article-body``,
   ``itemprop="articleBody"`` …) that holds half the page's prose or more wins over both.

Every block in the container is kept, except those under furniture and those mostly links
(list items and headings are kept: a story's lists of links and its linked item titles are
part of it). In a class name the last furniture or story word decides (``post-tags`` is
furniture, ``sidebar-content`` is not). A furniture mark on an element holding much of the
container's prose is a false alarm (a layout class such as ``with-sidebar``) and is ignored.
Captions (``[drop_tags]``) are left out; so are datelines above or below the story ("Updated
on June 3, 2025", "5 min read"), runs of blocks that copy earlier ones word for word (a story
rendered once per screen size), a section a heading opens after the story ("Related
stories", "3 comments", "About the author", up to the story's own next heading), a closing
note (the author's bio, a credit line, a disclaimer), and what follows the story's last
paragraph when it is teaser cards (a run of like siblings, each a linked title and a short
excerpt), headings or lists of links; each left-out block keeps its reason
(``Extraction.reasons``) for the removed spans.

The extraction says whether it is sure: the kept blocks hold most of the page's prose, and
enough of it. When it is not, the caller asks trafilatura (on WCXB-dev about one page in seven)
and leaves out its paragraphs that are, word for word, blocks of the page's furniture
(``Extraction.furniture``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .blocks import _BLOCK, _SKIP
from .dom_trim import HEADINGS as _HEADINGS
from .dom_trim import config as _config
from .dom_trim import cut_sections, drop_cards, drop_datelines, drop_end_notes, drop_repeats, section_end, trim_tail
from .dom_trim import decide as _decide

__all__ = ["Block", "Extraction", "extract", "looks_prose", "section_end", "walk"]

_SPLIT = re.compile(r"[^A-Za-z0-9]+|(?<=[a-z])(?=[A-Z])")
_SENTENCE = re.compile(r"[.!?…:;][)\"'”’]?(?:\s|$)")


@dataclass(slots=True)
class Block:
    """One visible block: its text, its characters inside links, the index of the block-level
    element it sits in, that element's tag and whether it lies inside page furniture."""

    text: str
    links: int
    node: int
    tag: str
    boiler: bool


@dataclass(slots=True)
class Extraction:
    """The walk's results: every visible block, the chosen ones (indices), how sure."""

    blocks: list[Block] = field(default_factory=list)
    kept: list[int] = field(default_factory=list)
    #: Share of the page's prose (in characters) inside the kept blocks, and those characters.
    prose_share: float = 0.0
    prose_chars: int = 0
    #: Whether the choice is clear enough to stand without a second extractor.
    sure: bool = False
    link_chars: int = 0
    visible_chars: int = 0
    #: Blocks inside the container left out by a rule of their own (index → reason).
    reasons: dict[int, str] = field(default_factory=dict)
    #: When not sure: the texts of blocks inside page furniture, and of blocks outside it.
    furniture: set[str] = field(default_factory=set)
    plain: set[str] = field(default_factory=set)

    @property
    def texts(self) -> list[str]:
        return [b.text for b in self.blocks]


@lru_cache(maxsize=1)
def _cues() -> tuple[frozenset[str], dict[str, int]]:
    """Furniture tags, and each class word's kind: furniture, story or weak story word."""
    data = _config()
    kinds = {t.lower(): _FURNITURE for t in data.get("boiler_tokens", ())}
    kinds.update({t.lower(): _STORY for t in data.get("keep_tokens", ())})
    kinds.update({t.lower(): _WEAK_STORY for t in data.get("near_keep_tokens", ())})
    return frozenset(data.get("boiler_tags", ())), kinds


_FURNITURE, _STORY, _WEAK_STORY = 1, 2, 3


@lru_cache(maxsize=16_384)
def _boiler_attr(value: str) -> bool:
    """Does a class or id value name page furniture? In each class name the last furniture or
    story word decides ("post-tags" and "comment-list" are furniture, "sidebar-content" is the
    story's); a class name decided by a story word clears the whole value, one decided by a weak
    story word (``near_keep_tokens``: "text") only itself ("author-bio text-center" is a bio)."""
    kinds = _cues()[1]
    found = False
    for name in value.split():
        last = 0
        for token in _SPLIT.split(name):
            last = kinds.get(token.lower(), last)
        if last == _STORY:
            return False
        found = found or last == _FURNITURE
    return found


#: Elements never marked as furniture (the page's outer wrappers).
_NEVER_BOILER = frozenset({"html", "body", "main", "article"})


def _local(tag) -> str | None:
    if not isinstance(tag, str):
        return None
    return tag.rsplit("}", 1)[1].lower() if "}" in tag else tag.lower()


_BODY_ITEMPROPS = frozenset({"articleBody", "articlebody"})


@lru_cache(maxsize=1)
def _body_pattern() -> tuple[re.Pattern, tuple[str, ...]]:
    """The body-name pattern, and the last words of the names (a cheap test before it)."""
    words = _config().get("body_names", [])
    pattern = re.compile(r"(?:^|[\s_-])(?:" + "|".join(re.escape(w) for w in words)
                         + r")(?:$|[\s_-])", re.I)
    return pattern, tuple({re.split(r"[-_]", w)[-1].lower() for w in words})


@lru_cache(maxsize=8192)
def _body_attr(value: str) -> bool:
    """Does a class or id value name the story's body ("entry-content", "article-body" …)?"""
    pattern, ends = _body_pattern()
    lower = value.lower()
    return any(end in lower for end in ends) and pattern.search(value) is not None


_SKIPPED, _BLOCKED, _LINK, _PLAIN = 0, 1, 2, 3
#: Tag → (local name, kind, furniture by tag, never furniture), filled as tags are met.
_INFO: dict = {}


def _info(tag) -> tuple:
    info = _INFO.get(tag)
    if info is None:
        name = _local(tag)
        if name is None or name in _SKIP:
            info = (name, _SKIPPED, False, False)
        else:
            kind = _BLOCKED if name in _BLOCK else _LINK if name == "a" else _PLAIN
            info = (name, kind, name in _cues()[0], name in _NEVER_BOILER)
        if len(_INFO) < 10_000:
            _INFO[tag] = info
    return info


def walk(root) -> Extraction:
    """Cut the page into visible blocks (the same blocks as :func:`.blocks.block_stats`), each
    with its element, link characters and furniture mark, and choose the story's blocks.
    Never raises."""
    out = Extraction()
    if root is None:
        return out
    try:
        from lxml import etree
    except Exception:  # noqa: BLE001
        return out
    blocks = out.blocks
    parents: list[int] = [-1]          # element index → parent element index (0: a virtual root)
    marks: list[bool] = [False]        # element index → furniture by its own tag or attributes
    hints: list[bool] = [False]        # element index → named as the story's body
    tagged: list[bool] = [False]       # element index → furniture by its tag (nav, footer …)
    tags: list[str] = [""]
    sigs: list[str] = [""]             # element index → tag and class (a card's signature)
    open_: list[int] = [0]              # open elements
    stack: list[int] = [0]              # open block-level elements
    buf: list[str] = []
    link = in_tagged = 0
    visible = linked = block_links = 0
    info_of, info_get, boiler_attr, body_attr = _info, _INFO.get, _boiler_attr, _body_attr

    def flush() -> None:  # called with text in the buffer (links are only counted with text)
        nonlocal block_links
        line = " ".join("".join(buf).split())
        buf.clear()
        if line:
            node = stack[-1]
            blocks.append(Block(line, block_links, node, tags[node], in_tagged > 0))
        block_links = 0

    try:
        walker = etree.iterwalk(root, events=("start", "end"))
        for event, el in walker:
            tag = el.tag
            name, kind, by_tag, never = info_get(tag) or info_of(tag)
            if event == "start":
                if kind == _SKIPPED:
                    walker.skip_subtree()  # its 'end' still comes, for the tail
                    continue
                if kind == _BLOCKED and buf:
                    flush()
                mark = by_tag
                hint = False
                sig = name
                for key, value in el.items():  # one call for all attributes, most have none
                    if key == "class" or key == "id":
                        if key == "class":
                            sig = name + "." + value
                        if not mark and not never and boiler_attr(value):
                            mark = True
                        if not hint and body_attr(value):
                            hint = True
                    elif key == "hidden" or key == "aria-hidden" and value == "true":
                        mark = mark or not never
                    elif key == "itemprop" and value in _BODY_ITEMPROPS:
                        hint = True
                hints.append(hint)
                in_tagged += by_tag
                index = len(parents)
                parents.append(open_[-1])
                marks.append(mark)
                tagged.append(by_tag)
                tags.append(name)
                sigs.append(sig)
                open_.append(index)
                if kind == _BLOCKED:
                    stack.append(index)
                elif kind == _LINK:
                    link += 1
                text = el.text
                if text:
                    buf.append(text)
                    visible += len(text)
                    if link:
                        linked += len(text)
                        block_links += len(text)
            else:
                if kind != _SKIPPED:
                    index = open_.pop()
                    if kind == _BLOCKED:
                        if buf:
                            flush()
                        stack.pop()
                    elif kind == _LINK:
                        link -= 1
                    in_tagged -= tagged[index]
                text = el.tail
                if text:
                    buf.append(text)
                    visible += len(text)
                    if link:
                        linked += len(text)
                        block_links += len(text)
        if buf:
            flush()
    except Exception:  # noqa: BLE001
        if buf:
            flush()
    out.link_chars, out.visible_chars = linked, visible
    try:
        _unmark_wrappers(blocks, parents, tagged)
        _choose(out, parents, marks, hints, sigs)
    except Exception:  # noqa: BLE001 - a failed choice leaves the page to trafilatura
        out.kept, out.sure = [], False
    return out


#: How much each paragraph counts for its element and the elements above it (readability's
#: decay: the element, its parent, half for the grandparent, little further up).
_DECAY = (1.0, 1.0, 0.5, 1 / 9, 1 / 12)


def _is_prose(block: Block) -> bool:
    n = len(block.text)
    if block.boiler or block.links * 3 > n:
        return False
    return n >= 80 or (n >= 30 and _SENTENCE.search(block.text) is not None)


def _unmark_wrappers(blocks: list[Block], parents: list[int], tagged: list[bool]) -> None:
    """A furniture tag (``<nav>``, ``<button>``, ``<aside>`` …) around most of the page's prose
    is a false alarm: an unclosed or misused element that swallowed the story. Its mark is
    lifted from the blocks under it, unless a furniture tag of their own lies closer."""
    n = len(parents)
    prose = [0] * n
    total = marked = 0
    for b in blocks:
        if looks_prose(b):
            prose[b.node] += len(b.text)
            total += len(b.text)
            marked += len(b.text) if b.boiler else 0
    floor = _decide()["wrapper_prose_share"] * total
    if not marked or marked < floor:  # no furniture tag can hold that much prose
        return
    for i in range(n - 1, 0, -1):
        prose[parents[i]] += prose[i]
    lifted = [False] * n   # under a furniture tag taken for a false alarm
    real = [False] * n     # under a furniture tag that stands
    for i in range(1, n):
        p = parents[i]
        lifted[i], real[i] = lifted[p], real[p]
        if tagged[i]:
            if prose[i] >= floor and not real[i]:
                lifted[i] = True
            else:
                real[i] = True
    for b in blocks:
        if b.boiler and lifted[b.node] and not real[b.node]:
            b.boiler = False


def looks_prose(block: Block) -> bool:
    """Is the block a paragraph of prose (long enough, or a sentence, and few links)? The
    furniture mark is not looked at."""
    n = len(block.text)
    if block.links * 3 > n:
        return False
    return n >= 80 or (n >= 30 and _SENTENCE.search(block.text) is not None)


def _choose(out: Extraction, parents: list[int], marks: list[bool], hints: list[bool],
            sigs: list[str]) -> None:
    """Find the story's core (the element its paragraphs score most for), widen it to the
    ancestor whose prose outweighs its other text the most, and keep every block in it that is
    not under furniture and not mostly links (list items are kept: a story's lists of links)."""
    blocks = out.blocks
    cues = _decide()
    n_nodes = len(parents)
    good = [0] * n_nodes
    bad = [0] * n_nodes
    prose_flags = [_is_prose(b) for b in blocks]
    total_prose = 0
    for b, prose in zip(blocks, prose_flags):
        if prose:
            good[b.node] += len(b.text)
            total_prose += len(b.text)
        else:
            bad[b.node] += len(b.text)
    if total_prose == 0:
        return
    score = [0.0] * n_nodes
    for b, prose in zip(blocks, prose_flags):
        if not prose:
            continue
        text = b.text
        value = 1 + text.count(",") + min(len(text) / 100, 3)
        node = b.node
        for weight in _DECAY:
            if node <= 0:
                break
            score[node] += value * weight
            node = parents[node]
    for i in range(n_nodes - 1, 0, -1):  # an element comes after its parent: sum bottom-up
        p = parents[i]
        good[p] += good[i]
        bad[p] += bad[i]
    core = max(range(n_nodes), key=score.__getitem__)
    weight = cues["other_text_weight"]
    best, best_value = core, good[core] - weight * bad[core]
    node = parents[core]
    while node > 0:
        value = good[node] - weight * bad[node]
        if value > best_value:
            best, best_value = node, value
        node = parents[node]
    # an element the page names as its story body, holding most of the prose, wins
    floor = cues["named_body_share"] * total_prose
    named = [i for i in range(1, n_nodes) if hints[i] and good[i] >= floor]
    if named:
        best = max(named, key=lambda i: good[i] - weight * bad[i])
    # inside[i]: 1 in the container, 2 in it but under furniture, 0 outside. A furniture mark
    # over much of the container's prose is a false alarm (the story's own wrapper).
    inside = [0] * n_nodes
    inside[best] = 1
    limit = cues["furniture_max_share"] * good[best]
    for i in range(best + 1, n_nodes):
        up = inside[parents[i]]
        if not up:
            continue
        inside[i] = 2 if up == 2 or (marks[i] and good[i] <= limit) else 1
    kept = []
    kept_prose = 0
    drop_tags = _drop_tags()
    for k, b in enumerate(blocks):
        if inside[b.node] != 1 or b.boiler:
            continue
        if b.tag in drop_tags:
            out.reasons[k] = drop_tags[b.tag]
        elif prose_flags[k]:
            kept.append(k)
            kept_prose += len(b.text)
        elif b.tag == "li" or b.tag in _HEADINGS or b.links * 2 <= len(b.text):
            kept.append(k)  # a linked heading titles an item of the story (a product, a place)
    kept = drop_datelines(blocks, kept, prose_flags, out.reasons)
    kept = drop_repeats(blocks, kept, out.reasons)
    kept = drop_cards(blocks, kept, prose_flags, parents, sigs, best, inside, out.reasons)
    kept = cut_sections(blocks, kept, prose_flags, out.reasons)
    kept = drop_end_notes(blocks, kept, prose_flags, out.reasons)
    out.kept = trim_tail(blocks, kept, prose_flags, out.reasons)
    out.prose_share = kept_prose / total_prose
    out.prose_chars = kept_prose
    out.sure = out.prose_share >= cues["sure_prose_share"] and kept_prose >= cues["sure_prose_chars"]
    if not out.sure:  # the cleaner asks trafilatura, and leaves out what lies in furniture
        _mark_furniture(out, parents, marks, good, cues["furniture_max_share"] * total_prose)


def _mark_furniture(out: Extraction, parents: list[int], marks: list[bool], good: list[int],
                    limit: float) -> None:
    """The texts of the page's blocks inside furniture (a furniture tag, or a furniture class on
    an element holding little of the page's prose), and of those outside it."""
    n = len(parents)
    under = [False] * n
    for i in range(1, n):
        under[i] = under[parents[i]] or (marks[i] and good[i] <= limit)
    for b in out.blocks:
        (out.furniture if b.boiler or under[b.node] else out.plain).add(b.text)


@lru_cache(maxsize=1)
def _drop_tags() -> dict[str, str]:
    """Tags whose text is never story text, with the reason (``[drop_tags]`` in the data)."""
    return {str(k): str(v) for k, v in _config().get("drop_tags", {}).items()}


def extract(root) -> Extraction:
    """Walk the page and choose its story blocks (see the module's docstring)."""
    return walk(root)
