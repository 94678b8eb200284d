"""The DuckDB store: one file, created on first use, one writer at a time."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import duckdb
import numpy as np

from ..dedupe import Signature, band_keys, jaccard
from ..dedupe.minhash import NEAR_DUPLICATE
from ..errors import StoreError, StoreLocked, StoreMissing
from ..models import Actor, Article, Event, Evidence, Origin, Place, Reject, RemovedSpan, TimeRef
from .migrations import check_version, migrate
from .write import StoredArticle, add_batch
from .query import EventFilter, build_count_query, build_event_query, build_event_where

__all__ = ["Store"]

_ROLES = (("actor", "actors"), ("recipient", "recipients"), ("source", "attribution"))


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


class Store:
    """A forewarn store. Use :meth:`open`; close it (or use ``with``) when done."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str, read_only: bool) -> None:
        self.con, self.path, self.read_only = con, path, read_only

    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False) -> "Store":
        """Open (and create and migrate, unless ``read_only``) the store at ``path``.

        ``":memory:"`` gives a throwaway store. Raises StoreMissing for a read-only open of a
        store that does not exist, StoreLocked when another process holds the write lock, and
        SchemaTooNew for a store written by a newer forewarn.
        """
        where = str(path)
        if where != ":memory:":
            file = Path(path).expanduser()
            if read_only and not file.exists():
                raise StoreMissing(f"no forewarn store at {file}; create one with 'forewarn ingest'")
            file.parent.mkdir(parents=True, exist_ok=True)
            where = str(file)
        try:
            con = duckdb.connect(where, read_only=read_only and where != ":memory:")
        except duckdb.IOException as exc:
            message = str(exc)
            if "lock" in message.lower():
                raise StoreLocked(f"{where} is being written by another forewarn process; "
                                  "wait for it to finish") from None
            raise StoreError(f"cannot open store {where}: {message.splitlines()[0]}") from None
        except duckdb.Error as exc:
            raise StoreError(f"cannot open store {where}: {str(exc).splitlines()[0]}") from None
        try:
            if read_only:
                check_version(con, where)
            else:
                migrate(con, where)
        except BaseException:
            con.close()
            raise
        return cls(con, where, read_only)

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- articles -------------------------------------------------------------------------
    def find_article(self, *, raw_sha256: str | None = None, body_sha256: str | None = None) -> str | None:
        """The id of a stored article with this raw hash (same input) or body hash (same story)."""
        column, value = ("raw_sha256", raw_sha256) if raw_sha256 else ("body_sha256", body_sha256)
        row = self.con.execute(f"SELECT id FROM articles WHERE {column} = ? LIMIT 1", [value]).fetchone()
        return row[0] if row else None

    def near_duplicate(self, sig: Signature, threshold: float = NEAR_DUPLICATE) -> str | None:
        """The first stored article whose body is a near copy (estimated Jaccard ≥ threshold)."""
        return self.near_duplicates([sig], threshold)[0]

    def add(self, article: Article, events: Sequence[Event], *, kind: str | None = None,
            source_id: str | None = None, sig: Signature | None = None) -> bool:
        """Store an article and its events in one transaction; False when it was already stored."""
        return self.add_many([StoredArticle(article, events, kind, source_id, sig)])[0]

    def add_many(self, entries: Sequence[StoredArticle]) -> list[bool]:
        """Store a batch of articles with their events (and their lines for the boilerplate
        memory) in one transaction; for each entry, whether it was new."""
        return add_batch(self.con, entries)

    def stored_raw(self, hashes: Sequence[str]) -> set[str]:
        """Which of these raw-input hashes are stored already."""
        rows = self.con.execute("SELECT DISTINCT raw_sha256 FROM articles WHERE list_contains(?, raw_sha256)",
                                [list(hashes)]).fetchall()
        return {r[0] for r in rows}

    def stored_bodies(self, hashes: Sequence[str]) -> set[str]:
        """Which of these normalised-body hashes are stored already."""
        rows = self.con.execute("SELECT DISTINCT body_sha256 FROM articles WHERE list_contains(?, body_sha256)",
                                [list(hashes)]).fetchall()
        return {r[0] for r in rows}

    def near_duplicates(self, sigs: Sequence[Signature], threshold: float = NEAR_DUPLICATE) -> list[str | None]:
        """For each signature, the first stored article that is a near copy of it, or None."""
        keys = [band_keys(sig) for sig in sigs]
        rows = self.con.execute(
            "SELECT b.band_key, s.article_id, s.signature FROM article_bands b"
            " JOIN article_signatures s ON s.article_id = b.article_id JOIN articles a ON a.id = s.article_id"
            " WHERE list_contains(?, b.band_key) ORDER BY a.ingested_at, s.article_id",
            [sorted({k for ks in keys for k in ks})]).fetchall()
        by_key: dict[int, list[tuple[str, bytes]]] = {}
        for key, article_id, blob in rows:
            by_key.setdefault(key, []).append((article_id, blob))
        found: list[str | None] = []
        for sig, ks in zip(sigs, keys):
            candidates = [c for k in ks for c in by_key.get(k, [])]
            found.append(next((aid for aid, blob in candidates
                               if jaccard(sig, np.frombuffer(blob, dtype=np.uint32)) >= threshold), None))
        return found

    def article(self, article_id: str) -> Article | None:
        """An article by id (or by a unique prefix of at least 6 characters)."""
        rows = self.con.execute(
            "SELECT id, body, origin_path, origin_url, origin_record, raw_sha256, title, published, site,"
            " author, language, url, removed, duplicate_of, article_confidence, flags FROM articles WHERE id = ? OR"
            " (length(?) >= 6 AND starts_with(id, ?)) LIMIT 2", [article_id] * 3).fetchall()
        if len(rows) != 1:
            return None
        (aid, body, path, url, record, raw, title, published, site, author, lang, aurl, removed,
         dup, page_conf, flags) = rows[0]
        return Article(id=aid, body=body, origin=Origin(path=path, url=url, record=record),
                       raw_sha256=raw, title=title, published=published, site=site, author=author,
                       language=lang, url=aurl, duplicate_of=dup, article_confidence=page_conf,
                       flags=json.loads(flags or "[]"),
                       removed=[RemovedSpan(**r) for r in json.loads(removed or "[]")])

    def article_refs(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        ids = list(set(ids))
        if not ids:
            return {}
        rows = self.con.execute(
            "SELECT id, title, published, origin_path, coalesce(url, origin_url), site FROM articles"
            " WHERE list_contains(?, id)", [ids]).fetchall()
        refs = {}
        for aid, title, published, path, url, site in rows:
            ref: dict[str, Any] = {"id": aid, "title": title,
                                   "published": published.isoformat() if published else None}
            if path:
                ref["path"] = path
            if url:
                ref["url"] = url
            if site:
                ref["site"] = site
            refs[aid] = ref
        return refs

    def counts(self) -> dict[str, int]:
        return {table: self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in ("articles", "events", "rejects")}

    # -- events ---------------------------------------------------------------------------
    def events(self, flt: EventFilter | None = None) -> list[Event]:
        sql, params = build_event_query(flt or EventFilter())
        rows = self.con.execute(sql, params).fetchall()
        events = [self._event_from_row(row) for row in rows]
        if events:
            self._attach_actors(events)
        return events

    @staticmethod
    def _event_from_row(row: Sequence[Any]) -> Event:
        (eid, aid, typ, mode, quad, status, dtext, dvalue, dgran, dstart, dend, ltext, lname, lcountry,
         lat, lon, lstart, lend, etext, estart, eend, ttext, tstart, tend, conf, rule) = row[:26]
        return Event(
            id=eid, article_id=aid, type=typ, mode=mode, quad=quad, status=status,
            actors=[], recipients=[], attribution=[], confidence=conf, rule=rule,
            date=TimeRef(dtext, dvalue, dgran, dstart, dend) if dtext is not None else None,
            location=Place(ltext, lname, lcountry, lat, lon, lstart, lend) if ltext is not None else None,
            evidence=Evidence(etext, estart, eend, ttext, tstart, tend))

    def _attach_actors(self, events: list[Event]) -> None:
        by_id = {e.id: e for e in events}
        rows = self.con.execute(
            "SELECT event_id, role, text, name, country, sector, start_char, end_char FROM event_actors"
            " WHERE list_contains(?, event_id) ORDER BY event_id, role, position", [list(by_id)]).fetchall()
        attr_of = dict(_ROLES)
        for eid, role, *fields in rows:
            getattr(by_id[eid], attr_of[role]).append(Actor(*fields))

    # -- rejects --------------------------------------------------------------------------
    def add_reject(self, reject: Reject) -> None:
        self.add_rejects([reject])

    def add_rejects(self, rejects: Sequence[Reject]) -> None:
        if rejects:
            self.con.executemany("INSERT INTO rejects (input, reason, detail, rejected_at) VALUES (?, ?, ?, ?)",
                                 [[r.input, r.reason, r.detail, r.at] for r in rejects])

    def rejects(self, limit: int | None = None) -> list[Reject]:
        sql = "SELECT input, reason, detail, rejected_at FROM rejects ORDER BY id"
        if limit:
            sql += f" LIMIT {int(limit)}"
        return [Reject(*row) for row in self.con.execute(sql).fetchall()]

    # -- boilerplate memory ---------------------------------------------------------------
    def boilerplate(self, site: str, min_articles: int) -> frozenset[str]:
        rows = self.con.execute("SELECT line_key FROM boilerplate_lines WHERE site = ? AND articles >= ?",
                                [site, min_articles]).fetchall()
        return frozenset(r[0] for r in rows)

    def remember_lines(self, site: str, keys: Iterable[str]) -> None:
        """Count each distinct line once more for this site (called once per stored article)."""
        keys = sorted(set(keys))
        if keys:
            self.con.executemany(
                "INSERT INTO boilerplate_lines VALUES (?, ?, 1) ON CONFLICT (site, line_key)"
                " DO UPDATE SET articles = articles + 1", [[site, k] for k in keys])

    # -- read-only summaries (for the CLI's `actors`, the web API and exports) --------------
    def event(self, event_id: str) -> Event | None:
        """One event by its id."""
        found = self.events(EventFilter(ids=[event_id], limit=1))
        return found[0] if found else None

    def count_events(self, flt: EventFilter | None = None) -> int:
        sql, params = build_count_query(flt or EventFilter())
        return self.con.execute(sql, params).fetchone()[0]

    def _selected(self, flt: EventFilter | None) -> tuple[str, list[Any]]:
        """A CTE ``sel(id, quad, type, day, lat, lon, place, country)`` of the filtered events."""
        body, params = build_event_where(flt or EventFilter())
        day = "coalesce(TRY_CAST(substr(e.date_value, 1, 10) AS DATE), a.published)"
        return (f"WITH sel AS (SELECT e.id, e.quad, e.type, {day} AS day, e.lat, e.lon,"
                f" coalesce(e.location_name, e.location_text) AS place, e.location_country AS country"
                f" {body})"), params

    def actor_edges(self, flt: EventFilter | None = None, limit: int = 200) -> list[dict[str, Any]]:
        """Who acts on whom: (actor, recipient, quad) with the number of events, most first."""
        cte, params = self._selected(flt)
        rows = self.con.execute(
            f"{cte} SELECT coalesce(x.name, x.text) AS src, coalesce(y.name, y.text) AS dst, sel.quad,"
            " count(DISTINCT sel.id) AS n FROM sel"
            " JOIN event_actors x ON x.event_id = sel.id AND x.role = 'actor'"
            " JOIN event_actors y ON y.event_id = sel.id AND y.role = 'recipient'"
            " GROUP BY ALL ORDER BY n DESC, src, dst, sel.quad LIMIT ?", params + [int(limit)]).fetchall()
        return [{"source": s, "target": t, "quad": q, "events": n} for s, t, q, n in rows]

    def actors_summary(self, flt: EventFilter | None = None, limit: int = 50) -> list[dict[str, Any]]:
        """The actors that act most (then are acted on most), each with its top recipients."""
        cte, params = self._selected(flt)
        rows = self.con.execute(
            f"{cte} SELECT coalesce(x.name, x.text) AS who, mode(x.country) AS country,"
            " mode(x.sector) AS sector,"
            " count(DISTINCT CASE WHEN x.role = 'actor' THEN x.event_id END) AS acts,"
            " count(DISTINCT CASE WHEN x.role = 'recipient' THEN x.event_id END) AS targeted"
            " FROM event_actors x JOIN sel ON sel.id = x.event_id WHERE x.role <> 'source'"
            " GROUP BY who ORDER BY acts DESC, targeted DESC, who LIMIT ?", params + [int(limit)]).fetchall()
        names = [r[0] for r in rows]
        top: dict[str, list[dict[str, Any]]] = {n: [] for n in names}
        if names:
            pairs = self.con.execute(
                f"{cte} SELECT coalesce(x.name, x.text) AS src, coalesce(y.name, y.text) AS dst,"
                " count(DISTINCT sel.id) AS n FROM sel"
                " JOIN event_actors x ON x.event_id = sel.id AND x.role = 'actor'"
                " JOIN event_actors y ON y.event_id = sel.id AND y.role = 'recipient'"
                " WHERE list_contains(?, coalesce(x.name, x.text)) GROUP BY ALL ORDER BY n DESC, dst",
                params + [names]).fetchall()
            for src, dst, n in pairs:
                if len(top[src]) < 5:
                    top[src].append({"name": dst, "events": n})
        return [{"name": who, "country": c, "sector": s, "acts": a, "targeted": t, "on": top[who]}
                for who, c, s, a, t in rows]

    def stats(self, flt: EventFilter | None = None) -> dict[str, Any]:
        """Counts of the filtered events by type, quad, status, day (type × quad) and place."""
        cte, params = self._selected(flt)

        def grouped(column: str) -> dict[str, int]:
            rows = self.con.execute(f"{cte} SELECT {column}, count(*) AS n FROM sel JOIN events e"
                                    f" ON e.id = sel.id GROUP BY 1 ORDER BY n DESC, 1", params).fetchall()
            return {k: n for k, n in rows if k is not None}

        timeline = self.con.execute(
            f"{cte} SELECT day, type, quad, count(*) FROM sel WHERE day IS NOT NULL GROUP BY ALL"
            " ORDER BY day, type, quad", params).fetchall()
        places = self.con.execute(
            f"{cte} SELECT round(lat, 3) AS lat, round(lon, 3) AS lon, any_value(place), any_value(country),"
            " mode(quad), count(*) AS n FROM sel WHERE lat IS NOT NULL AND lon IS NOT NULL"
            " GROUP BY 1, 2 ORDER BY n DESC LIMIT 2000", params).fetchall()
        return {
            "events": sum(grouped("e.quad").values()),
            "articles": self.con.execute(f"{cte} SELECT count(DISTINCT e.article_id) FROM sel JOIN events e"
                                         " ON e.id = sel.id", params).fetchone()[0],
            "by_type": grouped("e.type"), "by_quad": grouped("e.quad"), "by_status": grouped("e.status"),
            "timeline": [{"date": d.isoformat(), "type": t, "quad": q, "events": n} for d, t, q, n in timeline],
            "places": [{"lat": la, "lon": lo, "name": p, "country": c, "quad": q, "events": n}
                       for la, lo, p, c, q, n in places],
        }
