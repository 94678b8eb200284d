"""`forewarn events --format parquet|gdelt|stix` and `forewarn actors`, through the Typer app."""

import json

import pyarrow.parquet as pq
from typer.testing import CliRunner

from forewarn.cli import app

runner = CliRunner()


def test_events_export_formats(sample_db, tmp_path):
    result = runner.invoke(app, ["events", "--db", str(sample_db), "--format", "gdelt", "--type", "COERCE"])
    assert result.exit_code == 0, result.output
    assert [len(line.split("\t")) for line in result.stdout.splitlines()] == [61, 61]
    result = runner.invoke(app, ["events", "--db", str(sample_db), "-f", "stix"])
    assert result.exit_code == 0 and json.loads(result.stdout)["type"] == "bundle"
    out = tmp_path / "e.parquet"
    result = runner.invoke(app, ["events", "--db", str(sample_db), "-f", "parquet", "-o", str(out),
                                 "--near", "59.94,30.31,10"])
    assert result.exit_code == 0 and pq.read_table(out).num_rows == 1


def test_events_new_filters_and_bad_near(sample_db):
    result = runner.invoke(app, ["events", "--db", str(sample_db), "-f", "json", "--site", "lagos.example"])
    assert [e["type"] for e in json.loads(result.stdout)] == ["COERCE"]
    result = runner.invoke(app, ["events", "--db", str(sample_db), "--near", "north"])
    assert result.exit_code == 2 and "--near" in result.output


def test_actors_command(sample_db):
    result = runner.invoke(app, ["actors", "--db", str(sample_db), "-f", "json"])
    assert result.exit_code == 0, result.output
    top = json.loads(result.stdout)[0]
    assert top["name"] == "Vladimir Putin" and top["on"] == [{"name": "Donald Trump", "events": 2}]
    table = runner.invoke(app, ["actors", "--db", str(sample_db)])
    assert "Vladimir Putin" in table.stdout


def test_serve_without_a_store_is_a_clear_error(tmp_path):
    result = runner.invoke(app, ["serve", "--db", str(tmp_path / "missing.duckdb")])
    assert result.exit_code == 2
    assert "no forewarn store" in result.output and "Traceback" not in result.output
