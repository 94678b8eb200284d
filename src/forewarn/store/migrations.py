"""Schema migrations: small numbered functions, applied in order and recorded in the store.

Add a migration by writing a function decorated with ``@migration(N)`` where N is one more than
the last; never edit one that has shipped. A store whose recorded version is higher than
:data:`SCHEMA_VERSION` was written by a newer forewarn and is refused, never rewritten.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import duckdb

from ..errors import SchemaTooNew

Migration = Callable[[duckdb.DuckDBPyConnection], None]
MIGRATIONS: dict[int, tuple[str, Migration]] = {}


def migration(version: int) -> Callable[[Migration], Migration]:
    def register(fn: Migration) -> Migration:
        if version in MIGRATIONS:
            raise RuntimeError(f"two migrations numbered {version}")
        MIGRATIONS[version] = (fn.__name__, fn)
        return fn
    return register


@migration(1)
def create_core_tables(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("""
        CREATE TABLE articles (
            id VARCHAR PRIMARY KEY,
            raw_sha256 VARCHAR NOT NULL,
            body_sha256 VARCHAR NOT NULL,
            source_id VARCHAR,
            origin_path VARCHAR,
            origin_url VARCHAR,
            origin_record VARCHAR,
            kind VARCHAR,
            title VARCHAR,
            published DATE,
            site VARCHAR,
            author VARCHAR,
            language VARCHAR,
            url VARCHAR,
            body VARCHAR NOT NULL,
            removed JSON,
            duplicate_of VARCHAR,
            ingested_at TIMESTAMPTZ NOT NULL
        )""")
    con.execute("CREATE INDEX articles_raw ON articles (raw_sha256)")
    con.execute("CREATE INDEX articles_body ON articles (body_sha256)")
    con.execute("""
        CREATE TABLE events (
            id VARCHAR PRIMARY KEY,
            article_id VARCHAR NOT NULL,
            type VARCHAR NOT NULL,
            mode VARCHAR,
            quad VARCHAR NOT NULL,
            status VARCHAR NOT NULL,
            date_text VARCHAR,
            date_value VARCHAR,
            date_granularity VARCHAR,
            date_start INTEGER,
            date_end INTEGER,
            location_text VARCHAR,
            location_name VARCHAR,
            location_country VARCHAR,
            lat DOUBLE,
            lon DOUBLE,
            location_start INTEGER,
            location_end INTEGER,
            evidence_text VARCHAR NOT NULL,
            evidence_start INTEGER NOT NULL,
            evidence_end INTEGER NOT NULL,
            trigger_text VARCHAR NOT NULL,
            trigger_start INTEGER NOT NULL,
            trigger_end INTEGER NOT NULL,
            confidence DOUBLE NOT NULL,
            rule VARCHAR,
            created_at TIMESTAMPTZ NOT NULL
        )""")
    con.execute("CREATE INDEX events_article ON events (article_id)")
    con.execute("CREATE INDEX events_type ON events (type)")
    # actor = who acts, recipient = on whom, source = according to whom (attribution chain)
    con.execute("""
        CREATE TABLE event_actors (
            event_id VARCHAR NOT NULL,
            role VARCHAR NOT NULL CHECK (role IN ('actor', 'recipient', 'source')),
            position INTEGER NOT NULL,
            text VARCHAR NOT NULL,
            name VARCHAR,
            country VARCHAR,
            sector VARCHAR,
            start_char INTEGER,
            end_char INTEGER,
            PRIMARY KEY (event_id, role, position)
        )""")
    con.execute("CREATE SEQUENCE rejects_seq")
    con.execute("""
        CREATE TABLE rejects (
            id BIGINT PRIMARY KEY DEFAULT nextval('rejects_seq'),
            input VARCHAR NOT NULL,
            reason VARCHAR NOT NULL,
            detail VARCHAR NOT NULL,
            rejected_at TIMESTAMPTZ NOT NULL
        )""")


@migration(2)
def create_boilerplate_memory(con: duckdb.DuckDBPyConnection) -> None:
    """Lines seen per site, so recurring boilerplate is learned as articles arrive."""
    con.execute("""
        CREATE TABLE boilerplate_lines (
            site VARCHAR NOT NULL,
            line_key VARCHAR NOT NULL,
            articles INTEGER NOT NULL,
            PRIMARY KEY (site, line_key)
        )""")


@migration(3)
def create_near_duplicate_index(con: duckdb.DuckDBPyConnection) -> None:
    """MinHash signatures and their LSH band keys, so near copies are found with an index lookup."""
    con.execute("CREATE TABLE article_signatures (article_id VARCHAR PRIMARY KEY, signature BLOB NOT NULL)")
    con.execute("CREATE TABLE article_bands (band_key BIGINT NOT NULL, article_id VARCHAR NOT NULL)")
    con.execute("CREATE INDEX article_bands_key ON article_bands (band_key)")


@migration(4)
def create_watch_tables(con: duckdb.DuckDBPyConnection) -> None:
    """The watcher's memory: alerts, their deliveries per sink (the outbox), inputs already seen.

    A delivery's idempotency key is ``alert_id:sink``; ``watch_state`` holds small counters such
    as the creation time of the last event the rules were evaluated on.
    """
    con.execute("""
        CREATE TABLE alerts (
            id VARCHAR PRIMARY KEY,
            kind VARCHAR NOT NULL CHECK (kind IN ('rule', 'spike')),
            rule VARCHAR NOT NULL,
            event_id VARCHAR,
            series VARCHAR,
            day DATE,
            message VARCHAR NOT NULL,
            payload JSON NOT NULL,
            created_at TIMESTAMPTZ NOT NULL
        )""")
    con.execute("CREATE INDEX alerts_event ON alerts (event_id)")
    con.execute("""
        CREATE TABLE deliveries (
            alert_id VARCHAR NOT NULL,
            sink VARCHAR NOT NULL,
            state VARCHAR NOT NULL CHECK (state IN ('pending', 'delivered', 'failed')),
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error VARCHAR,
            next_attempt_at TIMESTAMPTZ NOT NULL,
            delivered_at TIMESTAMPTZ,
            PRIMARY KEY (alert_id, sink)
        )""")
    con.execute("""
        CREATE TABLE watched_inputs (
            source VARCHAR PRIMARY KEY,
            kind VARCHAR NOT NULL,
            mtime DOUBLE,
            size BIGINT,
            sha256 VARCHAR,
            etag VARCHAR,
            last_modified VARCHAR,
            checked_at TIMESTAMPTZ,
            changed_at TIMESTAMPTZ,
            last_error VARCHAR
        )""")
    con.execute("CREATE TABLE watch_state (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)")


@migration(5)
def index_for_queries(con: duckdb.DuckDBPyConnection) -> None:
    """A precomputed sort date (the event's date, else its article's publication date), so a
    page of events is a top-N without a join, and an index to fetch a page's actors."""
    con.execute("ALTER TABLE events ADD COLUMN sort_date VARCHAR")
    con.execute("UPDATE events SET sort_date = coalesce(date_value, (SELECT CAST(a.published AS VARCHAR)"
                " FROM articles a WHERE a.id = events.article_id))")
    con.execute("CREATE INDEX event_actors_event ON event_actors (event_id)")


@migration(6)
def article_page_confidence(con: duckdb.DuckDBPyConnection) -> None:
    """How sure the cleaner is that a page is an article, and its doubts (``not-an-article``)."""
    con.execute("ALTER TABLE articles ADD COLUMN article_confidence DOUBLE")
    con.execute("ALTER TABLE articles ADD COLUMN flags VARCHAR")  # a JSON list, like ``removed``


SCHEMA_VERSION = max(MIGRATIONS)


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'forewarn_schema'").fetchone()[0]
    if not exists:
        return 0
    return con.execute("SELECT coalesce(max(version), 0) FROM forewarn_schema").fetchone()[0]


def check_version(con: duckdb.DuckDBPyConnection, where: str) -> int:
    version = current_version(con)
    if version > SCHEMA_VERSION:
        raise SchemaTooNew(
            f"{where} has schema version {version}, newer than this forewarn understands "
            f"({SCHEMA_VERSION}); upgrade forewarn to open it")
    return version


def migrate(con: duckdb.DuckDBPyConnection, where: str) -> list[int]:
    """Apply every pending migration, each in its own transaction. Returns the versions applied."""
    version = check_version(con, where)
    con.execute("""CREATE TABLE IF NOT EXISTS forewarn_schema (
        version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMPTZ NOT NULL)""")
    applied = []
    for number in sorted(v for v in MIGRATIONS if v > version):
        name, fn = MIGRATIONS[number]
        con.execute("BEGIN TRANSACTION")
        try:
            fn(con)
            con.execute("INSERT INTO forewarn_schema VALUES (?, ?, ?)",
                        [number, name, dt.datetime.now(dt.timezone.utc)])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        applied.append(number)
    return applied
