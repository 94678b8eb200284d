"""The ``forewarn`` command: each command parses its flags, calls the library, prints the result.

Data goes to stdout; progress, summaries and errors go to stderr. Exit codes: 0 success,
1 some inputs were rejected (each named on stderr) or a run-time failure, 2 usage.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import logging
import os
import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from . import __version__
from .config import Settings, load_settings
from .errors import ForewarnError, StoreMissing, UsageError
from .models import Reject
from .render import article_view, event_record, events_table, write_records

app = typer.Typer(name="forewarn", no_args_is_help=True, add_completion=False,
                  pretty_exceptions_enable=False, rich_markup_mode=None,
                  help="Turn raw news into a sourced record of who did what to whom, where, when, "
                       "and according to whom.")

err = Console(stderr=True, highlight=False, soft_wrap=True)


class Format(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


InputsArg = Annotated[list[str], typer.Argument(
    help="Files, folders (read recursively), JSONL/JSON record files, or - for stdin.", show_default=False)]
DbOpt = Annotated[Optional[Path], typer.Option(
    "--db", help="The DuckDB store (default: FOREWARN_DB, the config file, or the user data folder).")]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
PublishedOpt = Annotated[Optional[str], typer.Option(
    "--published", help="Publication date (YYYY-MM-DD) for inputs that carry none of their own.")]
ModelOpt = Annotated[Optional[str], typer.Option("--model", help="spaCy pipeline to load (default: auto).")]
VerboseOpt = Annotated[bool, typer.Option("--verbose", "-v", help="Log each committed batch on stderr.")]
WorkersOpt = Annotated[Optional[int], typer.Option(
    "--workers", "-w", min=1, help="Worker processes (default: the number of cores).")]


def _date(value: str | None, flag: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date like 2019-12-30", param_hint=flag) from None


def _settings(db: Path | None = None, model: str | None = None) -> Settings:
    return load_settings(db=db, model=model)


def _fail(message: str, code: int) -> None:
    err.print(f"forewarn: error: {message}", markup=False)
    raise typer.Exit(code)


def handle_errors(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Turn library errors into one line on stderr and an exit code."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except (UsageError, StoreMissing) as exc:
            _fail(str(exc), 2)
        except ForewarnError as exc:
            _fail(str(exc), 1)
        except KeyboardInterrupt:
            _fail("interrupted", 130)
        except Exception as exc:  # noqa: BLE001 - a bug still gets one line, not a stack trace
            if os.environ.get("FOREWARN_DEBUG") or type(exc).__module__.startswith(("typer", "click")):
                raise
            _fail(f"unexpected {type(exc).__name__}: {exc} (set FOREWARN_DEBUG=1 for the traceback)", 1)

    return wrapper


def _logging(verbose: bool) -> None:
    if verbose:
        logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="forewarn: %(message)s")
        logging.getLogger("forewarn").setLevel(logging.INFO)


def _report_rejects(rejects: list[Reject]) -> None:
    for r in rejects:
        err.print(f"forewarn: rejected {r.line()}", markup=False)


class _Progress:
    """A progress line on stderr when it is a terminal; silent otherwise."""

    def __init__(self, label: str) -> None:
        self.enabled = sys.stderr.isatty()
        self.label = label
        self.bar: Progress | None = None

    def __enter__(self) -> "_Progress":
        if self.enabled:
            self.bar = Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                                console=err, transient=True)
            self.bar.start()
            self.task = self.bar.add_task(self.label)
        return self

    def update(self, text: str) -> None:
        if self.bar:
            self.bar.update(self.task, description=f"{self.label} {text}")

    def __exit__(self, *exc: object) -> None:
        if self.bar:
            self.bar.stop()


def _out_console() -> Console:
    return Console(highlight=False, width=None if sys.stdout.isatty() else 200)


def _print_events(records: list[dict[str, Any]], fmt: Format, title: str | None = None) -> None:
    if fmt is Format.table:
        if not records:
            err.print("forewarn: no events", markup=False)
            return
        _out_console().print(events_table(records, title=title))
    else:
        write_records(records, fmt.value, sys.stdout)


@app.command()
@handle_errors
def ingest(inputs: InputsArg, db: DbOpt = None, published: PublishedOpt = None, model: ModelOpt = None,
           workers: WorkersOpt = None, verbose: VerboseOpt = False, format: FormatOpt = Format.table) -> None:
    """Clean, code and store articles; each article is stored once, every reject with its reason.

    A run that is stopped (even killed) and started again with the same command goes on where it
    stopped: what was committed is skipped, nothing is lost or stored twice.
    """
    from .pipeline import Pipeline
    from .runner import default_workers
    from .store import Store

    _logging(verbose)
    settings = _settings(db, model)
    pipeline = Pipeline(settings)
    with Store.open(settings.db) as store, _Progress("ingesting") as progress:
        report = pipeline.ingest(inputs, store, published=_date(published, "--published"),
                                 workers=workers or default_workers(),
                                 on_progress=lambda r: progress.update(r.pace()))
    _report_rejects(report.rejects)
    summary = report.summary() | {"db": str(settings.db)}
    if format is Format.table:
        err.print(" · ".join(f"{v} {k}" for k, v in summary.items() if k != "db") + f" → {settings.db}",
                  markup=False)
    else:
        write_records([summary], format.value, sys.stdout, flat=True)
    if report.rejects:
        raise typer.Exit(1)


class EventFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    gdelt = "gdelt"
    stix = "stix"


def _near(value: str | None) -> tuple[float, float, float] | None:
    if value is None:
        return None
    try:
        lat, lon, km = (float(x) for x in value.split(","))
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not LAT,LON,KM like 59.94,30.31,50", param_hint="--near") from None
    return lat, lon, km


class Engine(str, Enum):
    local = "local"
    ray = "ray"


@app.command()
@handle_errors
def batch(inputs: InputsArg,
          out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the Parquet partitions.")],
          published: PublishedOpt = None, model: ModelOpt = None, workers: WorkersOpt = None,
          engine: Annotated[Engine, typer.Option(help="local: a process pool here; ray: Ray Data.")] = Engine.local,
          address: Annotated[Optional[str], typer.Option(
              help="Ray cluster to join (ray://HOST:10001 or 'auto'); default: a local Ray.")] = None,
          format: FormatOpt = Format.table) -> None:
    """Code inputs in bulk into Parquet partitions (OUT/events/year=…/month=…/), resumably.

    The local engine keeps its ledger in OUT/forewarn.duckdb: run the same command again after a
    crash and it goes on where it stopped.
    """
    from .pipeline import Pipeline
    from .runner import default_workers

    settings = _settings(model=model)
    day = _date(published, "--published")
    with _Progress("batch") as progress:
        if engine is Engine.ray:
            from .runner.ray_engine import run_ray

            report = run_ray(inputs, out, settings, workers=workers or default_workers(), published=day,
                             address=address)
        else:
            from .runner.batch import run_batch

            report = run_batch(Pipeline(settings), inputs, out, workers=workers or default_workers(),
                               published=day, on_progress=lambda r: progress.update(r.pace()))
    _report_rejects(report.rejects)
    summary = report.summary() | {"out": str(out)}
    if format is Format.table:
        err.print(" · ".join(f"{v} {k}" for k, v in summary.items() if k != "out") + f" → {out}", markup=False)
    else:
        write_records([summary], format.value, sys.stdout, flat=True)
    if report.rejects:
        raise typer.Exit(1)


@app.command()
@handle_errors
def events(
    db: DbOpt = None,
    type: Annotated[Optional[list[str]], typer.Option("--type", "-t", help="PLOVER type(s), e.g. CONSULT.")] = None,
    mode: Annotated[Optional[list[str]], typer.Option(help="PLOVER mode(s), e.g. phone.")] = None,
    quad: Annotated[Optional[list[str]], typer.Option(help="Quad class(es), e.g. material-conflict.")] = None,
    status: Annotated[Optional[list[str]], typer.Option(help="happened, planned, prevented, denied, …")] = None,
    actor: Annotated[Optional[str], typer.Option(help="Words of an actor's or recipient's name.")] = None,
    country: Annotated[Optional[list[str]], typer.Option(help="ISO3 of an actor, recipient or the location.")] = None,
    sector: Annotated[Optional[list[str]], typer.Option(help="Sector code(s) of an actor or recipient.")] = None,
    text: Annotated[Optional[str], typer.Option(help="Words in the evidence (full-text search).")] = None,
    article: Annotated[Optional[str], typer.Option(help="Only this article's events (id or prefix).")] = None,
    since: Annotated[Optional[str], typer.Option(help="On or after this date (YYYY-MM-DD).")] = None,
    until: Annotated[Optional[str], typer.Option(help="On or before this date (YYYY-MM-DD).")] = None,
    site: Annotated[Optional[list[str]], typer.Option(help="The outlet's host name(s), e.g. bbc.co.uk.")] = None,
    place: Annotated[Optional[str], typer.Option(help="Words of the location's name.")] = None,
    near: Annotated[Optional[str], typer.Option(
        help="LAT,LON,KM: events located within KM kilometres of the point.", metavar="LAT,LON,KM")] = None,
    min_confidence: Annotated[Optional[float], typer.Option(min=0, max=1, help="Confidence at least this.")] = None,
    sort: Annotated[str, typer.Option(help="date, type, confidence or published.")] = "date",
    desc: Annotated[bool, typer.Option("--desc", help="Sort descending.")] = False,
    limit: Annotated[Optional[int], typer.Option(min=0, help="At most this many events.")] = None,
    format: Annotated[EventFormat, typer.Option("--format", "-f", help="Output format.")] = EventFormat.table,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to this file (parquet, gdelt, stix).")] = None,
) -> None:
    """List stored events, filtered; or export them (parquet, GDELT 2.0 TSV, STIX 2.1)."""
    from .records import make_filter
    from .store import Store

    flt = make_filter(types=type or [], modes=mode or [], quads=quad or [], statuses=status or [],
                      countries=country or [], sectors=sector or [], actor=actor, text=text,
                      article_id=article, since=_date(since, "--since"), until=_date(until, "--until"),
                      sites=site or [], place=place, near=_near(near), min_confidence=min_confidence,
                      sort=sort, descending=desc, limit=limit)
    with Store.open(_settings(db).db, read_only=True) as store:
        found = store.events(flt)
        refs = store.article_refs(e.article_id for e in found)
    records = [event_record(e, refs.get(e.article_id)) for e in found]
    if format.value in ("parquet", "gdelt", "stix"):
        from .export import export

        export(records, format.value, output)
    else:
        _print_events(records, Format(format.value))


@app.command()
@handle_errors
def actors(
    db: DbOpt = None,
    type: Annotated[Optional[list[str]], typer.Option("--type", "-t", help="Only events of these PLOVER types.")] = None,
    quad: Annotated[Optional[list[str]], typer.Option(help="Only events of these quad classes.")] = None,
    country: Annotated[Optional[list[str]], typer.Option(help="ISO3 of an actor, recipient or the location.")] = None,
    since: Annotated[Optional[str], typer.Option(help="On or after this date (YYYY-MM-DD).")] = None,
    until: Annotated[Optional[str], typer.Option(help="On or before this date (YYYY-MM-DD).")] = None,
    limit: Annotated[int, typer.Option(min=1, help="At most this many actors.")] = 20,
    format: FormatOpt = Format.table,
) -> None:
    """Who acts most, and on whom."""
    from rich.table import Table

    from .records import make_filter
    from .store import Store

    flt = make_filter(types=type or [], quads=quad or [], countries=country or [],
                      since=_date(since, "--since"), until=_date(until, "--until"))
    with Store.open(_settings(db).db, read_only=True) as store:
        found = store.actors_summary(flt, limit)
    if format is Format.table:
        table = Table("actor", "country", "sector", "acts", "acted on", "acts most on", header_style="bold")
        for a in found:
            on = "; ".join(f"{r['name']} ({r['events']})" for r in a["on"])
            table.add_row(a["name"], a["country"] or "", a["sector"] or "", str(a["acts"]), str(a["targeted"]), on)
        _out_console().print(table)
    else:
        rows = found if format is not Format.csv else [
            a | {"on": "; ".join(f"{r['name']} ({r['events']})" for r in a["on"])} for a in found]
        write_records(rows, format.value, sys.stdout, flat=True)


@app.command()
@handle_errors
def serve(
    db: DbOpt = None,
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
) -> None:
    """Serve the store: the web UI at /, the JSON API at /api (OpenAPI at /openapi.json).

    Read-only unless an ingest token is set (FOREWARN_API_TOKEN, or api_token in the config
    file): then POST /api/ingest accepts requests carrying "Authorization: Bearer TOKEN".
    """
    try:
        import uvicorn

        from .web import create_app
    except ImportError as exc:
        _fail(f"the web server needs the 'web' extra: pip install 'forewarn[web]' ({exc.name} is missing)", 2)
    settings = _settings(db)
    token = settings.api_token
    app_ = create_app(settings.db, token=token, settings=settings)  # a missing store fails here
    err.print(f"forewarn: serving {settings.db} on http://{host}:{port}/ "
              f"({'ingest enabled' if token else 'read-only'})", markup=False)
    uvicorn.run(app_, host=host, port=port, log_level="warning")


@app.command()
@handle_errors
def show(article_id: Annotated[str, typer.Argument(help="An article id (or a unique prefix).")],
         db: DbOpt = None, format: FormatOpt = Format.table) -> None:
    """Show an article: removed boilerplate dimmed with its reason, each event's evidence highlighted."""
    from .store import EventFilter, Store

    with Store.open(_settings(db).db, read_only=True) as store:
        article = store.article(article_id)
        if article is None:
            _fail(f"no article {article_id!r} in {store.path}", 1)
        found = store.events(EventFilter(article_id=article.id, sort="published"))
    if format is Format.table:
        _out_console().print(article_view(article, found))
        return
    record = article.to_dict() | {"events": [e.to_dict() for e in found]}
    write_records([record], "json" if format is Format.table else format.value, sys.stdout, flat=True)


@app.command()
@handle_errors
def extract(inputs: InputsArg, published: PublishedOpt = None, model: ModelOpt = None,
            format: FormatOpt = Format.table) -> None:
    """Code events from inputs and print them, without a store."""
    from .pipeline import Pipeline

    pipeline = Pipeline(_settings(model=model))
    rejects: list[Reject] = []
    records: list[dict[str, Any]] = []
    with _Progress("extracting") as progress:
        for result in pipeline.extract(inputs, published=_date(published, "--published")):
            if isinstance(result, Reject):
                rejects.append(result)
                continue
            cleaning, found = result
            ref = cleaning.article.ref()
            batch = [event_record(e, ref) for e in found]
            if format is Format.jsonl:  # stream: one line per event as soon as it is coded
                write_records(batch, "jsonl", sys.stdout)
                sys.stdout.flush()
            else:
                records.extend(batch)
            progress.update(f"{len(records)} events")
    if format is not Format.jsonl:
        _print_events(records, format)
    _report_rejects(rejects)
    if rejects:
        raise typer.Exit(1)


@app.command()
@handle_errors
def clean(inputs: InputsArg, published: PublishedOpt = None, format: FormatOpt = Format.jsonl) -> None:
    """Clean inputs into articles (body, title, date, site, removed pieces) and print them."""
    from .pipeline import Pipeline

    pipeline = Pipeline(_settings())
    rejects: list[Reject] = []
    records = []
    for result in pipeline.cleanings(pipeline.inputs(inputs), published=_date(published, "--published")):
        if isinstance(result, Reject):
            rejects.append(result)
            continue
        a = result.article
        record = {"id": a.id, **({"path": a.origin.path} if a.origin.path else {}),
                  **({"url": a.url} if a.url else {}), "title": a.title,
                  "published": a.published.isoformat() if a.published else None, "site": a.site,
                  "author": a.author, "language": a.language, "body": a.body,
                  "removed": [r.to_dict() for r in a.removed], "article_confidence": a.article_confidence,
                  "flags": a.flags}
        if format is Format.jsonl:
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            records.append(record)
    if format is Format.table:
        out = _out_console()
        for r in records:
            out.print(f"[bold]{r['title'] or '(untitled)'}[/bold]  {r.get('path') or r.get('url')}")
            out.print(r["body"], markup=False)
            for piece in r["removed"]:
                out.print(f"[dim]removed ({piece['reason']}): {piece['text']}[/dim]", highlight=False)
            out.print()
    elif format is not Format.jsonl:
        write_records(records, format.value, sys.stdout, flat=True)
    _report_rejects(rejects)
    if rejects:
        raise typer.Exit(1)


@app.command()
@handle_errors
def rejects(db: DbOpt = None, limit: Annotated[Optional[int], typer.Option(min=1)] = None,
            format: FormatOpt = Format.table) -> None:
    """List the inputs the store rejected, with their reasons."""
    from rich.table import Table

    from .store import Store

    with Store.open(_settings(db).db, read_only=True) as store:
        found = store.rejects(limit)
    if format is Format.table:
        table = Table("input", "reason", "detail", "when", header_style="bold")
        for r in found:
            table.add_row(r.input, r.reason, r.detail, r.at.isoformat(timespec="seconds"))
        _out_console().print(table)
    else:
        write_records([r.to_dict() for r in found], format.value, sys.stdout, flat=True)


@app.command("eval")
@handle_errors
def eval_(name: Annotated[str, typer.Argument(help="The data set's name, e.g. wcxb.")],
          path: Annotated[Path, typer.Argument(help="Where the data set is (its own format).")],
          limit: Annotated[Optional[int], typer.Option(min=1, help="Score only the first N items.")] = None,
          format: FormatOpt = Format.table) -> None:
    """Score forewarn on a labelled data set and print the figures."""
    from .evaluate import evaluate

    result = evaluate(name, path, limit=limit).to_dict()
    if format is Format.table:
        _out_console().print_json(json.dumps(result))
    else:
        write_records([result], "json" if format is Format.json else format.value, sys.stdout, flat=True)


@app.command()
@handle_errors
def watch(
    inputs: Annotated[list[str], typer.Argument(
        help="Folders and files (new and changed files are coded), feed URLs (feed:URL forces a feed) "
             "and page URLs.", show_default=False)],
    rules: Annotated[Path, typer.Option("--rules", help="The alert rules file (TOML).", show_default=False)],
    db: DbOpt = None,
    sink: Annotated[Optional[list[str]], typer.Option(
        "--sink", help="Where alerts go: terminal, jsonl:PATH, webhook:URL, smtp://[user@]host[:port]?to=ADDR, "
                       "taxii:COLLECTION_URL (repeatable; default: the rules file's or config's sinks, "
                       "else terminal).")] = None,
    interval: Annotated[float, typer.Option(min=0.1, help="Seconds between passes.")] = 60.0,
    once: Annotated[bool, typer.Option("--once", help="Do one pass and exit (for cron and tests).")] = False,
    published: PublishedOpt = None,
    model: ModelOpt = None,
) -> None:
    """Watch inputs: code what is new, evaluate the rules and spikes, deliver alerts to the sinks."""
    from .watch.commands import run_watch

    report = run_watch(inputs, rules, _settings(db, model), sinks=sink or [], interval=interval, once=once,
                       published=_date(published, "--published"))
    err.print(f"forewarn: watch: {report.summary()}", markup=False)
    if once and (report.problems or any(o.error for o in report.outcomes)):
        raise typer.Exit(1)


@app.command()
@handle_errors
def alerts(
    db: DbOpt = None,
    kind: Annotated[Optional[str], typer.Option(help="Only 'rule' or 'spike' alerts.")] = None,
    limit: Annotated[Optional[int], typer.Option(min=1, help="At most this many (newest first).")] = None,
    format: FormatOpt = Format.table,
) -> None:
    """List alerts with their events and delivery state; inputs that failed are named on stderr."""
    from .watch.commands import alert_records, alerts_table, input_problems

    settings = _settings(db)
    records = alert_records(settings.db, limit=limit, kind=kind)
    if format is Format.table:
        _out_console().print(alerts_table(records))
    else:
        write_records(records, format.value, sys.stdout, flat=True)
    for line in input_problems(settings.db):
        err.print(f"forewarn: watched input failing: {line}", markup=False)


@app.command()
@handle_errors
def rules(
    patterns: Annotated[Optional[list[Path]], typer.Option(
        "--patterns", help="Extra pattern files (TOML) to load after the shipped ones.")] = None,
    type: Annotated[Optional[str], typer.Option("--type", help="Only patterns of this PLOVER type.")] = None,
    format: FormatOpt = Format.table,
) -> None:
    """List the coding patterns: id, PLOVER type, mode, trigger lemmas and file:line."""
    from .code import rule_records

    records = rule_records(_settings(), extra=patterns or (), etype=type)
    if format is Format.table:
        from rich.table import Table

        table = Table("id", "type", "mode", "lemmas", "where", header_style="bold")
        for r in records:
            table.add_row(r["id"], r["type"], r["mode"] or "", ", ".join(r["lemmas"]), r["where"])
        _out_console().print(table)
    else:
        write_records(records, format.value, sys.stdout, flat=True)


def _version(value: bool) -> None:
    if value:
        print(f"forewarn {__version__}")
        raise typer.Exit()


@app.callback()
def _main(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                                help="Print the version and exit.")] = False) -> None:
    """forewarn: who did what to whom, where and when, and according to whom."""


def main() -> None:
    app()
