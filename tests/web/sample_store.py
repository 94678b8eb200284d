"""Sample articles and events for the web and export tests; one article is hostile (script tags)."""

import datetime as dt

from forewarn.models import Actor, Article, Event, Evidence, Origin, Place, RemovedSpan, TimeRef
from forewarn.store import Store

KREMLIN = ("Vladimir Putin thanked Donald Trump in a phone call on Sunday, the Kremlin said. "
           "The FSB arrested two Russian nationals in St Petersburg.")
HOSTILE = ("Rebels attacked a convoy near Goma <script>alert(1)</script> and "
           "<img src=x onerror=alert(1)> officials said.")
LAGOS = "Police in Lagos arrested two men on Monday, the governor said."


def _ev(article_id, body, trigger, type_, quad, actors, recipients, place=None, date=None, mode=None,
        source=None, status="happened", sentence=None):
    s0, s1 = sentence or (0, len(body))
    t0 = body.index(trigger)
    return Event(type=type_, mode=mode, quad=quad, status=status, actors=actors, recipients=recipients,
                 attribution=[source] if source else [], location=place, date=date,
                 evidence=Evidence(body[s0:s1], s0, s1, trigger, t0, t0 + len(trigger)),
                 article_id=article_id, confidence=0.8, rule=f"{type_.lower()}-test")


def sample_articles():
    putin = Actor("Vladimir Putin", "Vladimir Putin", "RUS", "GOV")
    trump = Actor("Donald Trump", "Donald Trump", "USA", "GOV")
    kremlin = Actor("the Kremlin", "Kremlin", "RUS", "GOV")
    first = KREMLIN.index(".") + 1
    spb = Place("St Petersburg", "Saint Petersburg", "RUS", 59.94, 30.31)
    a1 = Article(id="art-kremlin-0001", body=KREMLIN, origin=Origin(url="https://news.example/putin"),
                 raw_sha256="r1", title="Putin thanks Trump", published=dt.date(2019, 12, 30),
                 site="news.example", url="https://news.example/putin",
                 removed=[RemovedSpan("Please donate to keep our journalism free", "donation-appeal", first)])
    e1 = [
        _ev(a1.id, KREMLIN, "phone call", "CONSULT", "verbal-cooperation", [putin], [trump], mode="phone",
            date=TimeRef("Sunday", "2019-12-29", "day"), source=kremlin, sentence=(0, first)),
        _ev(a1.id, KREMLIN, "thanked", "SUPPORT", "verbal-cooperation", [putin], [trump],
            date=TimeRef("Sunday", "2019-12-29", "day"), source=kremlin, sentence=(0, first)),
        _ev(a1.id, KREMLIN, "arrested", "COERCE", "material-conflict", [Actor("The FSB", "FSB", "RUS", "SPY")],
            [Actor("two Russian nationals", None, "RUS", "CVL")], mode="arrest", place=spb,
            sentence=(first + 1, len(KREMLIN))),
    ]
    a2 = Article(id="art-hostile-0002", body=HOSTILE, origin=Origin(path="/data/hostile.html"), raw_sha256="r2",
                 title="<script>alert('title')</script>Convoy attacked", published=dt.date(2024, 2, 1),
                 site="evil.example",
                 removed=[RemovedSpan("<img src=x onerror=alert(2)>", "<b>boilerplate</b>", 0)],
                 article_confidence=0.3, flags=["not-an-article"])
    e2 = [_ev(a2.id, HOSTILE, "attacked", "ASSAULT", "material-conflict",
              [Actor("Rebels <b>", "M23 <script>x</script>", "COD", "REB")], [Actor("a convoy", None, "COD", "MIL")],
              place=Place("Goma", "Goma", "COD", -1.68, 29.23), date=TimeRef("", "2024-01-31", "day"))]
    a3 = Article(id="art-lagos-00003", body=LAGOS, origin=Origin(path="/data/lagos.txt"), raw_sha256="r3",
                 title="Arrests in Lagos", published=dt.date(2024, 1, 3), site="lagos.example")
    e3 = [_ev(a3.id, LAGOS, "arrested", "COERCE", "material-conflict", [Actor("Police", "Nigeria Police", "NGA", "COP")],
              [Actor("two men", None, None, "CVL")], mode="arrest",
              place=Place("Lagos", "Lagos", "NGA", 6.45, 3.39), date=TimeRef("Monday", "2024-01-01", "day"),
              source=Actor("the governor", None, "NGA", "GOV"))]
    return [(a1, e1), (a2, e2), (a3, e3)]


def build_store(path):
    with Store.open(path) as store:
        for article, events in sample_articles():
            store.add(article, events)
    return path
