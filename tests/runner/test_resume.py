"""A run killed with SIGKILL and started again with the same command loses nothing and stores
nothing twice: the store ends up exactly as after an uninterrupted run."""

import os
import signal
import subprocess
import sys

import duckdb

CITIES = ["Lagos", "Lima", "Goma", "Nairobi", "Quito", "Manila", "Dhaka", "Tunis", "Kyiv", "Riga"]
TEMPLATES = [
    "Police in {c} arrested {n} protesters on Monday after clashes near the parliament, officials said.",
    "The foreign minister of {c} met his counterpart on Tuesday to discuss trade and border security.",
    "Rebels attacked an army post near {c} on Wednesday, killing {n} soldiers, the army said.",
    "Thousands of workers marched through {c} on Thursday to demand higher wages and shorter hours.",
]


def _corpus(folder, count=160):
    folder.mkdir()
    for i in range(count):
        text = TEMPLATES[i % 4].format(c=CITIES[i % 10], n=i + 2) + f" Report number {i} was filed.\n"
        (folder / f"{i:04}.txt").write_text(text)


def _ingest(folder, db, env):
    return subprocess.Popen([sys.executable, "-m", "forewarn", "ingest", str(folder), "--db", str(db),
                             "--workers", "1", "--format", "json", "--verbose"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)


def _snapshot(db):
    con = duckdb.connect(str(db), read_only=True)
    try:
        articles = con.execute("SELECT id FROM articles ORDER BY id").fetchall()
        events = con.execute("SELECT id, article_id, type FROM events ORDER BY id").fetchall()
        actors = con.execute("SELECT count(*) FROM event_actors").fetchone()[0]
        return articles, events, actors
    finally:
        con.close()


def test_killed_run_resumes_to_the_same_store(tmp_path):
    folder = tmp_path / "in"
    _corpus(folder)
    env = dict(os.environ, FOREWARN_CONFIG=str(tmp_path / "none.toml"))
    whole = _ingest(folder, tmp_path / "whole.duckdb", env)
    assert whole.wait(timeout=180) == 0, whole.stderr.read()

    # kill as soon as the first batch is committed (--verbose logs each commit on stderr)
    resumed = tmp_path / "resumed.duckdb"
    killed = _ingest(folder, resumed, env)
    for line in killed.stderr:
        if "committed" in line:
            break
    killed.send_signal(signal.SIGKILL)
    killed.wait(timeout=30)
    assert killed.returncode == -signal.SIGKILL, "the run ended before it could be killed"
    partial = _snapshot(resumed)[0]
    assert 0 < len(partial) < 160  # killed mid-way, with some batches committed

    again = _ingest(folder, resumed, env)
    out, err = again.communicate(timeout=180)
    assert again.returncode == 0, err
    assert _snapshot(tmp_path / "resumed.duckdb") == _snapshot(tmp_path / "whole.duckdb")
