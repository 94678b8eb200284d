"""Pool runs: workers run their numeric libraries single-threaded, jobs are small enough to
spread the last ones over the workers, and results are still stored a store batch at a time."""

import os

from forewarn.config import Settings
from forewarn.pipeline import Pipeline
from forewarn.runner import ingest as ingest_mod
from forewarn.runner.pool import ONE_THREAD, BatchRunner
from forewarn.store import Store


def test_workers_run_numeric_libraries_single_threaded(tmp_path, monkeypatch):
    for name in ONE_THREAD:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "3")  # what the user set is kept
    with BatchRunner(Settings(db=tmp_path / "x.duckdb"), workers=2) as runner:
        seen = [result for result, _ in runner.map(os.getenv, [(name, ()) for name in ONE_THREAD],
                                                    crashed=lambda item: None)]
    assert dict(zip(ONE_THREAD, seen)) == {name: "3" if name == "OPENBLAS_NUM_THREADS" else "1"
                                           for name in ONE_THREAD}


def test_pool_jobs_are_small_but_store_writes_are_batched(tmp_path, monkeypatch, story_folder):
    folder = story_folder(*(f"Police in Accra detained {n} activists on Friday, the police chief said."
                            for n in range(2, 14)))
    jobs, writes = [], []
    real_map = ingest_mod.BatchRunner.map

    def spy_map(self, fn, batches, crashed):
        def record():
            for batch, args in batches:
                jobs.append((fn.__name__, len(batch)))
                yield batch, args
        return real_map(self, fn, record(), crashed)

    monkeypatch.setattr(ingest_mod.BatchRunner, "map", spy_map)
    monkeypatch.setattr(ingest_mod, "POOL_JOB_SIZE", 4)
    with Store.open(tmp_path / "s.duckdb") as store:
        real_add = store.add_many
        monkeypatch.setattr(store, "add_many", lambda entries: writes.append(len(entries)) or real_add(entries))
        report = Pipeline(Settings(db=tmp_path / "x.duckdb")).ingest([str(folder)], store, workers=2,
                                                                     batch_size=10)
    assert report.articles == story_folder.count + 12
    assert jobs and max(size for _, size in jobs) <= 4
    # 17 articles in jobs of 4: two transactions of at least a store batch (the rest last), not five
    assert len(writes) == 2 and writes[0] >= 10 and sum(writes) == 17
