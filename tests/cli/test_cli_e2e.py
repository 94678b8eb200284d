"""End-to-end: the forewarn command run as a subprocess, as a user runs it."""

import json
import re



def _events(stdout):
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def test_every_command_has_help(cli):
    out = cli("--help", check=0).stdout
    commands = ["ingest", "events", "show", "extract", "clean", "rejects"]
    for command in commands:
        assert command in out
        help_text = cli(command, "--help", check=0).stdout
        assert re.search(r"\w{4,}", help_text.split("Options")[0].split("Usage:")[1])


def test_version_and_usage_errors(cli):
    assert cli("--version", check=0).stdout.startswith("forewarn ")
    assert cli("no-such-command").returncode == 2
    bad = cli("extract", "x.txt", "--published", "yesterday", check=2)
    assert "--published" in bad.stderr


def test_extract_reference_article(cli, reference_article):
    proc = cli("extract", reference_article, "--published", "2019-12-30", "--format", "jsonl", check=0)
    events = _events(proc.stdout)
    body = json.loads(cli("clean", reference_article, check=0).stdout)["body"]
    for e in events:
        ev = e["evidence"]
        assert body[ev["start"]:ev["end"]] == ev["text"]
        for key in ("type", "mode", "quad", "status", "actors", "recipients", "location", "date",
                    "attribution", "confidence", "article"):
            assert key in e

    def find(type_, mode=None):
        return [e for e in events if e["type"] == type_ and (mode is None or e["mode"] == mode)
                and any(a["name"] == "Vladimir Putin" for a in e["actors"])
                and any(r["name"] == "Donald Trump" for r in e["recipients"])
                and (e["date"] or {}).get("value") == "2019-12-29"]

    consult, support = find("CONSULT", "phone"), find("SUPPORT")
    assert consult and support
    assert consult[0]["actors"][0]["country"] == "RUS" and consult[0]["recipients"][0]["country"] == "USA"
    assert "spoke to his US counterpart" in consult[0]["evidence"]["text"]
    assert any("thanked Mr Trump" in e["evidence"]["text"] for e in support)
    assert not [e for e in events if re.search(r"Musk|Independent|donation", e["evidence"]["text"])]


def test_ingest_examples_then_query(cli, examples_dir, tmp_path):
    db = tmp_path / "store.duckdb"
    first = cli("ingest", examples_dir, "--db", db, "--format", "json", check=0)
    summary = json.loads(first.stdout)[0]
    assert summary["articles"] == 4 and summary["rejects"] == 0 and summary["events"] > 0
    again = json.loads(cli("ingest", examples_dir, "--db", db, "--format", "json", check=0).stdout)[0]
    assert again["articles"] == 0 and again["duplicates"] == 4
    events = _events(cli("events", "--db", db, "--format", "jsonl", check=0).stdout)
    assert len(events) == summary["events"]
    table = cli("events", "--db", db, check=0).stdout
    assert "type" in table and events[0]["type"] in table
    csv_out = cli("events", "--db", db, "--format", "csv", check=0).stdout.splitlines()
    assert csv_out[0].startswith("id,article_id,type") and len(csv_out) == len(events) + 1
    article_id = events[0]["article"]["id"]
    shown = cli("show", article_id[:8], "--db", db, check=0).stdout
    assert events[0]["evidence"]["text"][:30] in " ".join(shown.split()) or events[0]["type"] in shown
    assert cli("show", "nonexistent-id", "--db", db).returncode == 1


def test_default_store_lives_in_user_data_folder(cli, examples_dir, tmp_path):
    cli("ingest", examples_dir / "wire.jsonl", check=0)
    assert list((tmp_path / "data").rglob("*.duckdb"))
    assert _events(cli("events", "--format", "jsonl", check=0).stdout)


def test_events_on_missing_store_is_a_clear_error(cli, tmp_path):
    proc = cli("events", "--db", tmp_path / "absent.duckdb", check=2)
    assert "no forewarn store" in proc.stderr and "Traceback" not in proc.stderr


def test_bad_inputs_are_named_kept_and_the_run_goes_on(cli, tmp_path, examples_dir):
    db = tmp_path / "s.duckdb"
    cli("ingest", examples_dir / "wire.jsonl", "--db", db, check=0)
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "binary.bin").write_bytes(bytes(range(256)) * 8)
    (bad / "empty.txt").write_bytes(b"")
    (bad / "legacy.txt").write_bytes(
        "Café owners protested in Marseille on Friday against a new tax, the mayor’s office said.".encode("cp1252"))
    (bad / "records.jsonl").write_text('{"id": "ok", "text": "Rebels attacked a police post in Goma on Monday."}\n'
                                       "this is not json\n")
    proc = cli("ingest", bad, tmp_path / "missing.txt", "--db", db, "--format", "json", check=1)
    for name, reason in [("binary.bin", "binary"), ("empty.txt", "empty"), ("records.jsonl:line 2", "bad-record"),
                         ("missing.txt", "not-found")]:
        assert re.search(rf"{re.escape(name)}: {reason}:", proc.stderr), proc.stderr
    assert "Traceback" not in proc.stderr
    summary = json.loads(proc.stdout)[0]
    assert summary["articles"] == 2 and summary["rejects"] == 4
    rejects = json.loads(cli("rejects", "--db", db, "--format", "json", check=0).stdout)
    assert sorted(r["reason"] for r in rejects) == ["bad-record", "binary", "empty", "not-found"]
    cleaned = _events(cli("clean", bad / "legacy.txt", check=0).stdout)[0]
    assert "Café" in cleaned["body"] and "mayor’s" in cleaned["body"]
    stored = json.loads(cli("ingest", examples_dir / "wire.jsonl", "--db", db, "--format", "json", check=0).stdout)
    assert stored[0]["duplicates"] == 2  # nothing already stored was lost or stored twice


def test_stdin_input(cli, reference_article):
    proc = cli("extract", "-", "--published", "2019-12-30", "--format", "jsonl",
               input=reference_article.read_text(), check=0)
    assert any(e["type"] == "CONSULT" for e in _events(proc.stdout))


def test_ten_thousand_file_folder(cli, tmp_path):
    """A folder of 10,000 files streams through: 100 stories, each saved 99 times, and 100 empty files."""
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(10_000):
        sub = folder / f"d{n // 1000}"
        sub.mkdir(exist_ok=True)
        body = "" if n % 100 == 99 else f"Story {n % 100}: the council of district {n % 100} met on Monday.\n"
        (sub / f"{n:05}.txt").write_text(body)
    proc = cli("ingest", folder, "--db", tmp_path / "many.duckdb", "--format", "json", check=1)
    summary = json.loads(proc.stdout)[0]
    assert summary["inputs"] == 10_000 and summary["rejects"] == 100
    assert summary["articles"] + summary["near_duplicates"] <= 100
    assert summary["articles"] + summary["duplicates"] == 9_900
    assert proc.stderr.count(": empty: ") == 100


def test_other_languages_are_rejected_and_quiet_text_prints_nothing(cli, tmp_path):
    spanish = tmp_path / "es.txt"
    spanish.write_text("El gobierno anunció el lunes que la policía detuvo a tres hombres en Madrid por su "
                       "presunta participación en un atentado contra la embajada, según el ministerio.\n")
    proc = cli("extract", spanish, "--format", "jsonl", check=1)
    assert proc.stdout == "" and ": not-english: " in proc.stderr
    calm = tmp_path / "weather.txt"
    calm.write_text("Sunshine is expected across the region for most of the week, with light winds and "
                    "mild temperatures in the afternoon.\n")
    for fmt in ("jsonl", "table"):
        quiet = cli("extract", calm, "--format", fmt, check=0)
        assert quiet.stdout == ""


def test_oversized_and_absurdly_nested_pages_get_named_reasons(cli, tmp_path):
    folder = tmp_path / "odd"
    folder.mkdir()
    story = "<p>Police arrested two men in Lagos on Monday, the state governor said.</p>"
    (folder / "deep.html").write_text("<html><body>" + "<div>" * 10_000 + story + "</div>" * 10_000
                                      + "</body></html>")
    (folder / "huge.html").write_text("<html><body>" + story * 80_000 + "</body></html>")  # 6 MB
    (folder / "fine.txt").write_text("Rebels attacked a police post in Goma on Monday, officials said.\n")
    proc = cli("ingest", folder, "--db", tmp_path / "s.duckdb", "--format", "json", check=1)
    assert re.search(r"huge\.html: too-large: ", proc.stderr), proc.stderr
    assert re.search(r"deep\.html: \S+: ", proc.stderr) or json.loads(proc.stdout)[0]["articles"] == 2
    assert json.loads(proc.stdout)[0]["articles"] >= 1 and "Traceback" not in proc.stderr


def test_a_page_that_is_not_an_article_is_flagged_kept_and_shown(cli, tmp_path):
    teasers = "".join(
        f'<div class="teaser"><h3><a href="/world/story-{n}">Police arrested {n} protesters in the capital '
        f'on Monday after clashes, officials said</a></h3><a href="/world/story-{n}">Read more</a></div>'
        for n in range(30))
    page = tmp_path / "index.html"
    page.write_text("<html><head><title>World news | Daily Example</title></head><body><nav><a href='/'>Home</a>"
                    f"<a href='/world'>World</a></nav><main><h1>World</h1>{teasers}</main></body></html>")
    (record,) = _events(cli("clean", page, "--format", "jsonl", check=0).stdout)
    assert "not-an-article" in record["flags"] and record["article_confidence"] < 0.5
    db = tmp_path / "flag.duckdb"
    cli("ingest", page, "--db", db, check=0)
    events = _events(cli("events", "--db", db, "--format", "jsonl", check=0).stdout)
    assert events and all(e["confidence"] < 0.5 for e in events)  # scaled by the page's article confidence
    shown = cli("show", record["id"][:8], "--db", db, check=0).stdout
    assert "not-an-article" in shown
