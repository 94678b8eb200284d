"""The Ray engine produces exactly the events the local engine produces on the same input."""

import shutil
import tempfile

import pyarrow.dataset as ds
import pytest

from forewarn.config import Settings
from forewarn.pipeline import Pipeline
from forewarn.runner.batch import run_batch

ray = pytest.importorskip("ray", reason="the Ray engine needs the 'ray' extra")

def _events(folder):
    table = ds.dataset(folder / "events", format="parquet", partitioning="hive").to_table()
    return sorted((r["article_id"], r["type"], r["mode"], r["status"], r["evidence_start"], r["trigger_start"],
                   tuple(a["name"] or a["text"] for a in r["actors"]),
                   tuple(a["name"] or a["text"] for a in r["recipients"]), r["date_value"])
                  for r in table.to_pylist())


def test_ray_matches_local(tmp_path, story_folder):
    from forewarn.runner.ray_engine import run_ray

    inputs = story_folder()
    (inputs / "broken.jsonl").write_text("not json\n")
    settings = Settings(db=tmp_path / "unused.duckdb")
    local = run_batch(Pipeline(settings), [str(inputs)], tmp_path / "local", workers=1)
    # Ray's socket paths must stay under 107 bytes, too long under pytest's tmp_path: a short
    # temporary folder, removed after the run
    temp = tempfile.mkdtemp(prefix="fwray-")
    try:
        remote = run_ray([str(inputs)], tmp_path / "ray", settings, workers=2, temp_dir=temp)
    finally:
        shutil.rmtree(temp, ignore_errors=True)
    assert not ray.is_initialized()  # the local cluster the run started is shut down
    assert remote.articles == local.articles == story_folder.count
    assert remote.events == local.events > 0
    assert [r.reason for r in remote.rejects] == [r.reason for r in local.rejects] == ["bad-record"]
    assert _events(tmp_path / "ray") == _events(tmp_path / "local")
