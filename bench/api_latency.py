"""API latency and home-page first paint over a synthetic store of 100,000 events.

Builds (once, or with ``--rebuild``) a store of N events — 5 per article, an actor and a recipient
each, 60 % with coordinates — in bulk with DuckDB ``INSERT … SELECT FROM range()``, then asks the
app, in-process through ``httpx.ASGITransport``, for filtered pages of 50 events (each filter
below, round-robin) and prints p50/p95/max per filter and overall. ``--paint`` also serves the
app with uvicorn and loads ``/`` in Debian's Chromium (Playwright), reporting first paint.

    python bench/api_latency.py                    # 100,000 events, 300 requests
    python bench/api_latency.py --events 20000 --requests 100 --paint
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import tempfile
import threading
import time
from pathlib import Path

import httpx

from forewarn.store import Store
from forewarn.web import create_app

TYPES = [("AGREE", "verbal-cooperation"), ("CONSULT", "verbal-cooperation"), ("SUPPORT", "verbal-cooperation"),
         ("CONCEDE", "verbal-cooperation"), ("COOPERATE", "material-cooperation"), ("AID", "material-cooperation"),
         ("RETREAT", "material-cooperation"), ("REQUEST", "verbal-conflict"), ("ACCUSE", "verbal-conflict"),
         ("REJECT", "verbal-conflict"), ("THREATEN", "verbal-conflict"), ("PROTEST", "material-conflict"),
         ("SANCTION", "material-conflict"), ("MOBILIZE", "material-conflict"), ("COERCE", "material-conflict"),
         ("ASSAULT", "material-conflict")]
COUNTRIES = ["RUS", "USA", "UKR", "CHN", "NGA", "COD", "IND", "PAK", "IRN", "ISR", "SYR", "TUR", "FRA", "GBR",
             "DEU", "BRA", "MEX", "ZAF", "EGY", "ETH"]
SECTORS = ["GOV", "MIL", "COP", "SPY", "REB", "CVL", "BUS", "MED", "JUD", "OPP"]
FILTERS = [
    "", "type=ASSAULT", "quad=material-conflict&since=2020-01-01&until=2020-06-30", "country=RUS",
    "actor=actor%2017", "q=shelled", "lat=50.4&lon=30.5&radius_km=300", "site=site7.example&sort=date&desc=true",
    "type=COERCE&country=NGA&sector=COP", "status=planned&sort=confidence&desc=true",
]


def build(path: Path, n_events: int) -> None:
    n_articles = max(1, n_events // 5)
    with Store.open(path) as store:
        con = store.con
        types = ", ".join(f"('{t}', '{q}')" for t, q in TYPES)
        con.execute(f"CREATE TEMP TABLE t AS SELECT row_number() OVER () - 1 AS k, * FROM (VALUES {types}) v(type, quad)")
        con.execute(f"""INSERT INTO articles SELECT 'art' || lpad(i::VARCHAR, 7, '0'), md5('raw' || i), md5('body' || i),
            NULL, NULL, 'https://site' || (i % 50) || '.example/' || i, NULL, 'html', 'Article ' || i,
            DATE '2019-01-01' + (i % 1500)::INTEGER, 'site' || (i % 50) || '.example', NULL, 'en', NULL,
            'Synthetic article ' || i || '. Troops shelled the town. Police arrested protesters.', '[]', NULL,
            now() FROM range({n_articles}) r(i)""")
        statuses = "['happened','happened','happened','planned','prevented','denied','hypothetical','historical']"
        con.execute(f"""INSERT INTO events SELECT substr(md5('ev' || i), 1, 16), 'art' || lpad((i // 5)::VARCHAR, 7, '0'),
            t.type, NULL, t.quad, ({statuses})[1 + (i % 8)],
            CASE WHEN i % 3 = 0 THEN 'Sunday' END,
            CASE WHEN i % 3 = 0 THEN strftime(DATE '2019-01-01' + ((i // 5) % 1500)::INTEGER - 1, '%Y-%m-%d') END,
            CASE WHEN i % 3 = 0 THEN 'day' END, NULL, NULL,
            CASE WHEN i % 5 < 3 THEN 'Place ' || (i % 400) END, CASE WHEN i % 5 < 3 THEN 'Place ' || (i % 400) END,
            CASE WHEN i % 5 < 3 THEN ({COUNTRIES})[1 + (i % 20)] END,
            CASE WHEN i % 5 < 3 THEN -60 + (hash(i) % 12000) / 100.0 END,
            CASE WHEN i % 5 < 3 THEN -180 + (hash(i * 7) % 36000) / 100.0 END, NULL, NULL,
            CASE i % 4 WHEN 0 THEN 'Troops shelled the town overnight.' WHEN 1 THEN 'Police arrested protesters.'
                 WHEN 2 THEN 'The minister met his counterpart.' ELSE 'Officials promised aid to the region.' END,
            20, 60, 'shelled', 27, 34, 0.3 + (i % 70) / 100.0, 'synthetic', now(),
            strftime(DATE '2019-01-01' + ((i // 5) % 1500)::INTEGER - CASE WHEN i % 3 = 0 THEN 1 ELSE 0 END, '%Y-%m-%d')
            FROM range({n_events}) r(i) JOIN t ON t.k = i % 16""")
        for role, offset in (("actor", 0), ("recipient", 7)):
            con.execute(f"""INSERT INTO event_actors SELECT substr(md5('ev' || i), 1, 16), '{role}', 0,
                'actor ' || ((i * 13 + {offset}) % 500), 'Actor ' || ((i * 13 + {offset}) % 500),
                ({COUNTRIES})[1 + ((i + {offset}) % 20)], ({SECTORS})[1 + ((i + {offset}) % 10)], NULL, NULL
                FROM range({n_events}) r(i)""")
        con.execute("CHECKPOINT")


def machine() -> str:
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else ""
    return f"{os.cpu_count()} CPUs ({model}), Python {platform.python_version()}"


async def measure(app, requests: int) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {f: [] for f in FILTERS}
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://bench") as client:
        for f in FILTERS:  # warm-up: one of each
            (await client.get(f"/api/events?limit=50&{f}")).raise_for_status()
        for i in range(requests):
            f = FILTERS[i % len(FILTERS)]
            t0 = time.perf_counter()
            response = await client.get(f"/api/events?limit=50&{f}")
            times[f].append((time.perf_counter() - t0) * 1000)
            response.raise_for_status()
    return times


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def first_paint(db: Path) -> tuple[float, float]:
    import socket

    import uvicorn
    from playwright.sync_api import sync_playwright

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=[
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"])
            page = browser.new_page()
            paints = []
            for _ in range(3):
                page.goto(f"http://127.0.0.1:{port}/", wait_until="load")
                fp = page.evaluate("performance.getEntriesByName('first-contentful-paint')[0]?.startTime")
                nav = page.evaluate("performance.getEntriesByType('navigation')[0].responseEnd")
                paints.append((fp, nav))
            browser.close()
    finally:
        server.should_exit = True
        thread.join(5)
    return min(p[0] for p in paints), min(p[1] for p in paints)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "forewarn-bench-api.duckdb")
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--paint", action="store_true", help="also measure the home page's first paint")
    args = parser.parse_args()
    if args.rebuild or not args.db.exists():
        args.db.unlink(missing_ok=True)
        t0 = time.perf_counter()
        build(args.db, args.events)
        print(f"built {args.db} ({args.events:,} events) in {time.perf_counter() - t0:.1f} s")
    app = create_app(args.db)
    n = app.state.con.cursor().execute("SELECT count(*) FROM events").fetchone()[0]
    print(f"machine: {machine()}; store: {n:,} events")
    times = asyncio.run(measure(app, args.requests))
    every = [t for ts in times.values() for t in ts]
    print(f"{'filter':58} {'p50':>7} {'p95':>7} {'max':>7}  (ms, page of 50 events)")
    for f, ts in times.items():
        print(f"{f or '(none)':58} {pct(ts, 50):7.1f} {pct(ts, 95):7.1f} {max(ts):7.1f}")
    print(f"{'all':58} {pct(every, 50):7.1f} {pct(every, 95):7.1f} {max(every):7.1f}")
    if args.paint:
        fcp, response_end = first_paint(args.db)
        print(f"home page: first contentful paint {fcp:.0f} ms (HTML received at {response_end:.0f} ms)")


if __name__ == "__main__":
    main()
