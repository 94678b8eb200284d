"""The article view as pieces of text for a template to escape: evidence, triggers, removed spans.

Nothing here produces HTML: each piece is plain text plus what it is, and the template (with
autoescaping) turns it into markup, so article text can never inject any.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ..models import Article, Event

__all__ = ["Piece", "article_pieces"]


@dataclass(slots=True)
class Piece:
    text: str
    kind: str = "text"  # text | removed | refs (links to the rows of the events whose evidence ends here)
    reason: str | None = None
    events: list[str] = field(default_factory=list)  # ids of the events whose evidence covers it
    trigger: bool = False
    anchors: list[str] = field(default_factory=list)  # ids of the events whose evidence starts here


def article_pieces(article: Article, events: Sequence[Event]) -> list[Piece]:
    body, n = article.body, len(article.body)

    def clamp(x: int) -> int:
        return min(max(int(x), 0), n)

    spans = [(clamp(e.evidence.start), clamp(e.evidence.end), clamp(e.evidence.trigger_start),
              clamp(e.evidence.trigger_end), e.id) for e in events]
    removed = sorted(article.removed, key=lambda r: r.at)
    cuts = {0, n} | {clamp(r.at) for r in removed}
    for s, e, ts, te, _ in spans:
        cuts |= {s, e, ts, te}
    points = sorted(cuts)
    pieces: list[Piece] = []
    started: set[str] = set()
    ri = 0
    for a, b in zip(points, points[1:] + [None]):
        ending = [eid for s, e, _, _, eid in spans if e == a and e > s]
        if ending:
            pieces.append(Piece("", "refs", events=ending))
        while ri < len(removed) and clamp(removed[ri].at) == a:
            pieces.append(Piece(removed[ri].text, "removed", removed[ri].reason))
            ri += 1
        if b is None or a == b:
            continue
        covering = [eid for s, e, _, _, eid in spans if s <= a and b <= e]
        trigger = any(ts <= a and b <= te for _, _, ts, te, _ in spans if te > ts)
        anchors = [eid for eid in covering if eid not in started]
        started.update(anchors)
        pieces.append(Piece(body[a:b], events=covering, trigger=trigger and bool(covering), anchors=anchors))
    return pieces
