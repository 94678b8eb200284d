"""A full disk stops a run cleanly; a second writer on the same store is refused clearly."""

import os
import subprocess
import sys

import duckdb
import pytest

from forewarn.config import Settings
from forewarn.errors import OutOfSpace
from forewarn.pipeline import Pipeline
from forewarn.store import Store


def _folder(tmp_path, count=6):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(count):
        (folder / f"{i}.txt").write_text(f"Police in Lagos arrested {i + 2} men on Monday, officials said.\n")
    return folder


def test_full_disk_stops_with_nothing_half_written(tmp_path, monkeypatch):
    folder = _folder(tmp_path)
    store = Store.open(tmp_path / "s.duckdb")
    real = store.add_many
    calls = []

    def add_many(entries):
        calls.append(len(entries))
        if len(calls) == 2:  # the disk fills up while the second batch is written
            store.con.execute("BEGIN TRANSACTION")
            store.con.execute("INSERT INTO rejects (input, reason, detail, rejected_at) VALUES ('x','y','z',now())")
            store.con.execute("ROLLBACK")
            raise duckdb.IOException("IO Error: Could not write file \"s.duckdb.wal\": No space left on device")
        return real(entries)

    monkeypatch.setattr(store, "add_many", add_many)
    with pytest.raises(OutOfSpace, match="nothing was half-written"):
        Pipeline(Settings(db=tmp_path / "x.duckdb")).ingest([str(folder)], store, batch_size=2)
    counts = store.counts()
    store.close()
    assert counts["articles"] == 2 and counts["rejects"] == 0
    with Store.open(tmp_path / "s.duckdb") as again:  # the same command goes on where it stopped
        report = Pipeline(Settings(db=tmp_path / "x.duckdb")).ingest([str(folder)], again, batch_size=2)
        assert report.duplicates == 2 and again.counts()["articles"] == 6


def test_second_run_on_the_same_store_is_refused_clearly(tmp_path, lock_held_elsewhere):
    folder = _folder(tmp_path, 2)
    db = tmp_path / "s.duckdb"
    Store.open(db).close()
    env = dict(os.environ, FOREWARN_CONFIG=str(tmp_path / "none.toml"))
    with lock_held_elsewhere(db):
        proc = subprocess.run([sys.executable, "-m", "forewarn", "ingest", str(folder), "--db", str(db)],
                              capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 1
    assert "being written by another forewarn process" in proc.stderr and "Traceback" not in proc.stderr
