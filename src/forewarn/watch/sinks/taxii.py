"""``taxii:URL``: STIX 2.1 objects added to a TAXII 2.1 collection (``…/collections/<id>/``).

Each alert becomes a ``report`` (with the alert's JSON as ``x_forewarn_alert``), an ``identity``
per actor and recipient, and a ``location`` when the event has coordinates or a country. Every
id is derived from the alert id, so sending an alert twice adds nothing new. Credentials come
from the URL (``http://user:pass@host/…``) or ``FOREWARN_TAXII_USER``/``FOREWARN_TAXII_PASSWORD``.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any
from urllib.parse import unquote, urlsplit, urlunsplit

from .base import SinkError, SinkOptions

__all__ = ["TaxiiSink", "stix_objects"]

_NAMESPACE = uuid.UUID("6a1d5a2e-3a54-4b8e-9a0f-7f0e8b0c4f11")
_PRODUCER = "identity--" + str(uuid.uuid5(_NAMESPACE, "forewarn"))


def _id(kind: str, *parts: str) -> str:
    return f"{kind}--{uuid.uuid5(_NAMESPACE, '/'.join(parts))}"


def _stamp(value: str | None) -> str:
    when = dt.datetime.fromisoformat(value) if value else dt.datetime.now(dt.timezone.utc)
    return when.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def stix_objects(payload: dict[str, Any]) -> list[dict[str, Any]]:
    """The STIX 2.1 objects for one alert (plain dicts, valid STIX 2.1)."""
    import stix2

    aid, when = str(payload["id"]), _stamp(payload.get("created_at"))
    common = {"created": when, "modified": when, "created_by_ref": _PRODUCER, "allow_custom": True}
    objects: list[Any] = [stix2.Identity(id=_PRODUCER, name="forewarn", identity_class="system",
                                         created=when, modified=when)]
    event = payload.get("event") or {}
    refs = []
    for n, actor in enumerate([*event.get("actors", []), *event.get("recipients", [])]):
        ident = stix2.Identity(id=_id("identity", aid, str(n)), name=actor.get("name") or actor["text"],
                               identity_class="group", x_forewarn_country=actor.get("country"),
                               x_forewarn_sector=actor.get("sector"), **common)
        objects.append(ident)
        refs.append(ident.id)
    loc = event.get("location") or {}
    if loc.get("lat") is not None and loc.get("lon") is not None:
        place = stix2.Location(id=_id("location", aid), name=loc.get("name") or loc.get("text"),
                               latitude=loc["lat"], longitude=loc["lon"], **common)
        objects.append(place)
        refs.append(place.id)
    elif loc.get("country"):
        place = stix2.Location(id=_id("location", aid), name=loc.get("name") or loc.get("text"),
                               country=loc["country"], **common)
        objects.append(place)
        refs.append(place.id)
    report = stix2.Report(id=_id("report", aid), name=str(payload.get("message", ""))[:250],
                          description=str(payload.get("message", "")), published=when,
                          report_types=["threat-report"], object_refs=refs or [_PRODUCER],
                          labels=[f"forewarn-{payload.get('kind', 'rule')}"],
                          x_forewarn_alert=json.loads(json.dumps(payload)), **common)
    objects.append(report)
    return [json.loads(obj.serialize()) for obj in objects]


class TaxiiSink:
    def __init__(self, url: str, options: SinkOptions) -> None:
        parts = urlsplit(url)
        if parts.scheme not in {"http", "https"} or "/collections/" not in parts.path:
            raise ValueError(f"taxii needs a collection URL like http://host/api1/collections/<id>/, got {url!r}")
        host = parts.hostname or ""
        netloc = f"{host}:{parts.port}" if parts.port else host
        path = parts.path if parts.path.endswith("/") else parts.path + "/"
        self.url = urlunsplit((parts.scheme, netloc, path, "", ""))
        self.user = unquote(parts.username) if parts.username else options.taxii_user
        self.password = unquote(parts.password) if parts.password else options.taxii_password
        self.timeout = options.timeout_s
        self.name = f"taxii:{self.url}"
        self._collection: Any = None

    def _open(self) -> Any:
        if self._collection is None:
            from taxii2client.v21 import Collection

            self._collection = Collection(self.url, user=self.user, password=self.password)
        return self._collection

    def send(self, payload: dict[str, Any], key: str) -> None:
        envelope = {"objects": stix_objects(payload)}
        try:
            status = self._open().add_objects(envelope, wait_for_completion=True, poll_interval=1,
                                              timeout=self.timeout)
        except Exception as exc:  # noqa: BLE001 - requests and taxii2client errors alike
            self._collection = None
            raise SinkError(_describe(exc, self.url)) from None
        if getattr(status, "status", "complete") != "complete":
            raise SinkError(f"{self.url}: the server has not finished adding the objects ({status.status})")

    def close(self) -> None:
        self._collection = None


def _describe(exc: Exception, url: str) -> str:
    response = getattr(exc, "response", None)
    code = getattr(response, "status_code", None)
    if code == 404:
        return f"TAXII collection {url} does not exist (HTTP 404)"
    if code in (401, 403):
        return f"TAXII server refused access to {url} (HTTP {code})"
    if code:
        return f"TAXII server answered HTTP {code} for {url}"
    return f"{url}: {type(exc).__name__}: {str(exc)[:300]}"
