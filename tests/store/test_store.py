import datetime as dt

import duckdb
import pytest

from forewarn.errors import SchemaTooNew, StoreLocked, StoreMissing
from forewarn.models import Actor, Article, Event, Evidence, Origin, Place, Reject, RemovedSpan, TimeRef
from forewarn.store import SCHEMA_VERSION, EventFilter, Store
from forewarn.store.migrations import MIGRATIONS

BODY = "Police in Lagos arrested two men on Monday, the governor said."


def make_article(body=BODY, aid="a1"):
    return Article(id=aid, body=body, origin=Origin(path="/tmp/x.txt"), raw_sha256="r" + aid,
                   title="Arrests", published=dt.date(2024, 1, 3), site="news.example",
                   removed=[RemovedSpan("Subscribe now", "newsletter", 0)])


def make_event(article_id="a1"):
    start = BODY.index("arrested")
    return Event(
        type="COERCE", mode="arrest", quad="material-conflict", status="happened",
        actors=[Actor("Police", "police", "NGA", "COP", 0, 6)],
        recipients=[Actor("two men", None, None, "CVL", 25, 32)],
        attribution=[Actor("the governor", None, "NGA", "GOV", 47, 59)],
        location=Place("Lagos", "Lagos", "NGA", 6.45, 3.39, 10, 15),
        date=TimeRef("Monday", "2024-01-01", "day", 36, 42),
        evidence=Evidence(BODY, 0, len(BODY), "arrested", start, start + 8),
        article_id=article_id, confidence=0.8, rule="coerce-arrest")


def test_roundtrip_article_and_event(tmp_path):
    db = tmp_path / "s.duckdb"
    with Store.open(db) as store:
        assert store.add(make_article(), [make_event()])
    with Store.open(db, read_only=True) as store:
        (event,) = store.events()
        assert event == make_event()
        article = store.article("a1")
        assert article.body == BODY and article.removed[0].reason == "newsletter"
        assert article.published == dt.date(2024, 1, 3)


def test_same_article_twice_is_stored_once(tmp_path):
    with Store.open(tmp_path / "s.duckdb") as store:
        assert store.add(make_article(), [make_event()])
        assert not store.add(make_article(), [make_event()])
        assert store.counts() == {"articles": 1, "events": 1, "rejects": 0}
        assert store.find_article(raw_sha256="ra1") == "a1"
        assert store.find_article(body_sha256=make_article().body_sha256) == "a1"


def test_filters():
    with Store.open(":memory:") as store:
        store.add(make_article(), [make_event()])
        assert len(store.events(EventFilter(types=["coerce"]))) == 1
        assert store.events(EventFilter(types=["ASSAULT"])) == []
        assert len(store.events(EventFilter(countries=["nga"], sectors=["COP"]))) == 1
        assert store.events(EventFilter(actor="Kremlin")) == []
        assert len(store.events(EventFilter(actor="police", text="arrested"))) == 1
        assert len(store.events(EventFilter(since=dt.date(2024, 1, 1), until=dt.date(2024, 1, 1)))) == 1
        assert store.events(EventFilter(since=dt.date(2024, 1, 2))) == []
        assert store.events(EventFilter(limit=0)) == []


def test_rejects_are_kept(tmp_path):
    with Store.open(tmp_path / "s.duckdb") as store:
        store.add_reject(Reject("bad.bin", "binary", "binary data"))
    with Store.open(tmp_path / "s.duckdb", read_only=True) as store:
        (r,) = store.rejects()
        assert (r.input, r.reason) == ("bad.bin", "binary")


def test_migrations_recorded_and_idempotent(tmp_path):
    db = tmp_path / "s.duckdb"
    Store.open(db).close()
    Store.open(db).close()
    con = duckdb.connect(str(db))
    versions = [v for (v,) in con.execute("SELECT version FROM forewarn_schema ORDER BY version").fetchall()]
    con.close()
    assert versions == sorted(MIGRATIONS) and versions[-1] == SCHEMA_VERSION


def test_partial_store_is_migrated_forward(tmp_path):
    db = tmp_path / "old.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE forewarn_schema (version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMPTZ)")
    con.execute("INSERT INTO forewarn_schema VALUES (1, 'create_core_tables', now())")
    MIGRATIONS[1][1](con)
    con.close()
    with Store.open(db) as store:
        store.remember_lines("site", ["x"])
        assert store.boilerplate("site", 1) == frozenset({"x"})


def test_newer_schema_is_refused_untouched(tmp_path):
    db = tmp_path / "new.duckdb"
    Store.open(db).close()
    con = duckdb.connect(str(db))
    con.execute("INSERT INTO forewarn_schema VALUES (?, 'from-the-future', now())", [SCHEMA_VERSION + 1])
    con.close()
    for read_only in (False, True):
        with pytest.raises(SchemaTooNew, match="newer"):
            Store.open(db, read_only=read_only)
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT max(version) FROM forewarn_schema").fetchone()[0] == SCHEMA_VERSION + 1
    con.close()


def test_read_only_open_of_missing_store(tmp_path):
    with pytest.raises(StoreMissing):
        Store.open(tmp_path / "absent.duckdb", read_only=True)
    assert not (tmp_path / "absent.duckdb").exists()


def test_second_writer_gets_a_clear_error(tmp_path, lock_held_elsewhere):
    db = tmp_path / "s.duckdb"
    Store.open(db).close()
    with lock_held_elsewhere(db), pytest.raises(StoreLocked, match="another forewarn process"):
        Store.open(db)


def test_boilerplate_memory_counts_articles():
    with Store.open(":memory:") as store:
        for _ in range(3):
            store.remember_lines("news.example", ["subscribe now", "subscribe now", "unique"])
        store.remember_lines("other.example", ["subscribe now"])
        assert store.boilerplate("news.example", 3) == frozenset({"subscribe now", "unique"})
        assert store.boilerplate("other.example", 3) == frozenset()
