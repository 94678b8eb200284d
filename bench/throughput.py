"""Throughput on real news: bare spaCy parse vs forewarn's whole pipeline, workers, memory, Ray.

    python bench/throughput.py --limit 200                 # parse vs pipeline, 1 and 2 workers
    python bench/throughput.py --limit 200 --ray           # and the Ray engine, 2 workers

Input: the PolNeAR training articles (real, full-length US political news), read from
../shared/data/attribution/polnear-train/text beside the project. Each configuration runs in
its own process so peak RSS (ru_maxrss of that process and its children) is its own.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "attribution" / "polnear-train" / "text"


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    return f"{os.cpu_count()} CPUs ({cpu}), Python {platform.python_version()}"


def _child(kind: str, folder: str, workers: int) -> dict:
    """Run one configuration in this (child) process and return its figures."""
    from forewarn.annotate import load_nlp
    from forewarn.config import load_settings
    from forewarn.pipeline import Pipeline
    from forewarn.store import Store

    files = sorted(Path(folder).iterdir())
    texts = [f.read_text("utf-8", "replace") for f in files]
    settings = load_settings()
    if kind == "parse":
        nlp = load_nlp(settings.model)
        list(nlp.pipe(texts[:2]))  # warm up
        t = time.perf_counter()
        tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=32))
        seconds = time.perf_counter() - t
        return {"seconds": seconds, "tokens": tokens, "articles": len(texts)}
    pipeline = Pipeline(settings)
    pipeline.nlp, pipeline.coder  # load before timing, as a long run amortises it
    out = Path(tempfile.mkdtemp(prefix="fwbench-"))
    try:
        if kind == "ray":
            from forewarn.runner.ray_engine import run_ray

            t = time.perf_counter()
            report = run_ray([folder], out / "ray", settings, workers=workers)
        else:
            with Store.open(out / "s.duckdb") as store:
                t = time.perf_counter()
                report = pipeline.ingest([folder], store, workers=workers)
        seconds = time.perf_counter() - t
        return {"seconds": seconds, "articles": report.articles, "events": report.events,
                "rejects": len(report.rejects)}
    finally:
        shutil.rmtree(out, ignore_errors=True)


def run(kind: str, folder: str, workers: int = 1) -> dict:
    proc = subprocess.run([sys.executable, __file__, "--child", kind, "--folder", folder,
                           "--workers", str(workers)], capture_output=True, text=True, check=True)
    figures = json.loads(proc.stdout.strip().splitlines()[-1])
    return figures


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=200)
    ap.add_argument("--ray", action="store_true", help="also run the Ray engine")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--folder", help=argparse.SUPPRESS)
    ap.add_argument("--workers", type=int, default=1, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        figures = _child(args.child, args.folder, args.workers)
        usage = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        figures["peak_rss_mb"] = round(max(usage, children) / 1024, 1)
        print(json.dumps(figures))
        return 0
    if not DATA.exists():
        print(f"no data at {DATA}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="fwbench-in-") as tmp:
        for f in sorted(DATA.iterdir())[:args.limit]:
            shutil.copy(f, tmp)
        print(f"machine: {machine()}; {args.limit} PolNeAR articles")
        parse = run("parse", tmp)
        rows = [("bare spaCy nlp.pipe", parse)]
        for workers in (1, 2):
            rows.append((f"forewarn ingest, {workers} worker{'s' if workers > 1 else ''}", run("local", tmp, workers)))
        if args.ray:
            rows.append(("forewarn batch --engine ray, 2 workers", run("ray", tmp, 2)))
        print(f"{'configuration':42} {'seconds':>8} {'articles/s':>11} {'x parse':>8} {'peak RSS MB':>12}")
        for name, f in rows:
            rate = f["articles"] / f["seconds"]
            print(f"{name:42} {f['seconds']:8.1f} {rate:11.1f} {f['seconds'] / parse['seconds']:8.2f} "
                  f"{f['peak_rss_mb']:12.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
