"""The process-pool runner gives the same store as a serial run, and a crash costs one article."""

import pytest

from forewarn.config import Settings
from forewarn.pipeline import Pipeline
from forewarn.store import Store

EXTRA = ("Japan pledged emergency aid to the Philippines after a typhoon hit Luzon on Saturday.",
         "CRASH-ME The ministry said protesters blocked roads in Quito on Sunday.")


def _snapshot(store):
    return sorted((e.article_id, e.type, e.evidence.start, e.evidence.trigger_start,
                   tuple(a.name or a.text for a in e.actors)) for e in store.events())


@pytest.fixture
def settings(tmp_path):
    return Settings(db=tmp_path / "unused.duckdb")


def test_two_workers_store_what_one_does(tmp_path, settings, story_folder):
    folder = story_folder(*EXTRA)
    with Store.open(tmp_path / "one.duckdb") as one, Store.open(tmp_path / "two.duckdb") as two:
        r1 = Pipeline(settings).ingest([str(folder)], one, workers=1, batch_size=2)
        r2 = Pipeline(settings).ingest([str(folder)], two, workers=2, batch_size=2)
        assert r1.summary() | {"seconds": 0} == r2.summary() | {"seconds": 0}
        assert r1.articles == story_folder.count + len(EXTRA) and r1.events > 0
        assert _snapshot(one) == _snapshot(two)


def test_a_crashing_worker_costs_only_its_article(tmp_path, settings, monkeypatch, story_folder):
    folder = story_folder(*EXTRA)
    monkeypatch.setenv("FOREWARN_TEST_CRASH_MARKER", "CRASH-ME")
    with Store.open(tmp_path / "s.duckdb") as store:
        report = Pipeline(settings).ingest([str(folder)], store, workers=2, batch_size=2)
        assert report.articles == story_folder.count + len(EXTRA) - 1
        (reject,) = report.rejects
        assert reject.reason == "worker-crashed" and reject.input.endswith("6.txt")
        assert [r.reason for r in store.rejects()] == ["worker-crashed"]
