"""forewarn.open(path): events as records with keyword filters; the store underneath."""

import pytest

import forewarn
from forewarn.errors import UsageError


def test_events_with_keyword_filters(sample_db):
    with forewarn.open(sample_db, read_only=True) as db:
        everything = db.events()
        assert len(everything) == 5 and isinstance(everything[0], dict)
        assert {e["type"] for e in db.events(type="coerce")} == {"COERCE"}
        assert len(db.events(country=["NGA", "COD"])) == 2
        assert len(db.events(site="news.example", since="2019-12-29", until="2019-12-31")) == 3
        assert [e["article"]["title"] for e in db.events(q="Lagos")] == ["Arrests in Lagos"]
        assert db.events(forewarn.EventFilter(types=["ASSAULT"]))[0]["type"] == "ASSAULT"
        assert db.counts()["articles"] == 3  # the store's own methods are there too


def test_bad_filters_are_usage_errors(sample_db):
    with forewarn.open(sample_db, read_only=True) as db:
        with pytest.raises(UsageError, match="colour"):
            db.events(colour="red")
        with pytest.raises(UsageError, match="since"):
            db.events(since="yesterday")
        with pytest.raises(UsageError, match="radius_km"):
            db.events(lat=1.0, lon=2.0)
