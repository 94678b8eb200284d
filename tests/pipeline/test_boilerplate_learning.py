"""A line that recurs across a site's articles is learned as boilerplate as articles arrive."""

import json

from forewarn.config import Settings
from forewarn.pipeline import Pipeline
from forewarn.store import Store

RECURRING = "Photographs in this story were taken on location and are used with the permission of their owners."
STORIES = [
    "The harbour authority reopened the northern quay on Monday after repairs to the sea wall were finished.",
    "Farmers in the valley began the grape harvest two weeks early this year because of the hot summer.",
    "The regional council approved a new bus route linking the airport with the old town on Tuesday.",
    "Fishermen protested outside the town hall on Wednesday against new limits on sardine catches.",
    "A new bridge over the river will be built next year, the transport ministry said on Thursday.",
]


def test_second_article_of_a_site_is_cleaned_better(tmp_path):
    path = tmp_path / "site.jsonl"
    with path.open("w") as f:
        for n, story in enumerate(STORIES):
            f.write(json.dumps({"id": n, "url": f"https://coast.example/{n}",
                                "text": f"{story}\n{RECURRING}\n"}) + "\n")
    pipeline = Pipeline(Settings(db=tmp_path / "x.duckdb"))
    with Store.open(tmp_path / "s.duckdb") as store:
        report = pipeline.ingest([str(path)], store, batch_size=1)
        assert report.articles == len(STORIES) and not report.rejects
        bodies = [store.article(e).body for e in sorted(
            {r[0] for r in store.con.execute("SELECT id FROM articles").fetchall()})]
        first = store.con.execute(
            "SELECT body, removed FROM articles WHERE source_id = '0'").fetchone()
        last = store.con.execute(
            "SELECT body, removed FROM articles WHERE source_id = '4'").fetchone()
    assert RECURRING in first[0]
    assert RECURRING not in last[0] and STORIES[4] in last[0]
    assert any(r["reason"] == "known-boilerplate" for r in json.loads(last[1]))
    assert all(body.strip() for body in bodies)


def test_a_story_made_only_of_learned_lines_is_kept(tmp_path):
    path = tmp_path / "same.jsonl"
    with path.open("w") as f:
        for n in range(6):
            f.write(json.dumps({"id": n, "url": f"https://wire.example/{n}",
                                "text": f"Item {n}: the council met on Monday, officials said.\n"}) + "\n")
    with Store.open(tmp_path / "s.duckdb") as store:
        report = Pipeline(Settings(db=tmp_path / "x.duckdb")).ingest([str(path)], store, batch_size=1)
    assert report.rejects == [] and report.articles + report.duplicates + report.near_duplicates >= 6
