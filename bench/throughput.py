"""Throughput on real news: bare spaCy parse vs forewarn's whole pipeline, prefilter, workers, memory, Ray.

    python bench/throughput.py --limit 120                 # parse vs pipeline, prefilter, 1 and 2 workers
    python bench/throughput.py --limit 120 --ray           # and the Ray engine, 1 and 2 workers

Input: the PolNeAR training articles (real, full-length US political news), read from
../shared/data/attribution/polnear-train/text beside the project. Each configuration runs in
its own process, one after the other; the bare parse runs first and again last, so the drift of
a shared machine's load shows. Memory: the peak of the summed RSS of the process and all its
descendants (pool workers, Ray's daemons and actors), sampled every 0.2 s, and the largest
single process (ru_maxrss). One worker: the model is loaded and warmed before timing. A pool: the
parent only dedupes and stores and loads no model (as ``forewarn batch --workers N``), and the
workers' start-up is inside the timed run.
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
import threading
import time
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "attribution" / "polnear-train" / "text"


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    return f"{os.cpu_count()} CPUs ({cpu}), Python {platform.python_version()}"


def _tree_rss_kb(root: int) -> int:
    """Summed RSS (kB) of ``root`` and all its descendants, from /proc."""
    parent: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                stat = f.read()
            with open(f"/proc/{entry}/statm") as f:
                pages = int(f.read().split()[1])
        except OSError:
            continue
        pid = int(entry)
        parent[pid] = int(stat.rsplit(")", 1)[1].split()[1])
        rss[pid] = pages * (os.sysconf("SC_PAGE_SIZE") // 1024)
    tree, frontier = {root}, [root]
    children: dict[int, list[int]] = {}
    for pid, ppid in parent.items():
        children.setdefault(ppid, []).append(pid)
    while frontier:
        for child in children.get(frontier.pop(), ()):
            if child not in tree:
                tree.add(child)
                frontier.append(child)
    return sum(rss.get(pid, 0) for pid in tree)


class _Sampler(threading.Thread):
    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak_kb = 0
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            self.peak_kb = max(self.peak_kb, _tree_rss_kb(os.getpid()))
            self.stop.wait(0.2)


def _children_cpu() -> float:
    """CPU seconds (user + system) of this process's ended and reaped child processes."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _child(kind: str, folder: str, workers: int, prefilter: str) -> dict:
    """Run one configuration in this (child) process and return its figures."""
    from forewarn.annotate import load_nlp
    from forewarn.config import load_settings
    from forewarn.pipeline import Pipeline
    from forewarn.store import Store

    files = sorted(Path(folder).iterdir())
    texts = [f.read_text("utf-8", "replace") for f in files]
    settings = load_settings(prefilter=prefilter != "off",
                             prefilter_entities=prefilter if prefilter != "off" else None)
    if kind in ("parse", "stock"):
        if kind == "stock":  # the model as plain spaCy loads it (its networks multiply through BLIS)
            import spacy

            from forewarn.annotate.nlp import resolve_model_name

            nlp = spacy.load(resolve_model_name(settings.model))
        else:
            nlp = Pipeline(settings).annotator if prefilter != "off" else load_nlp(settings.model)
        list(nlp.pipe(texts[:2]))  # warm up
        t, cpu = time.perf_counter(), time.process_time()
        tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=32))
        seconds = time.perf_counter() - t
        figures = {"seconds": seconds, "tokens": tokens, "articles": len(texts),
                   "cpu_s": time.process_time() - cpu}
        if kind == "parse" and prefilter != "off":
            figures["prefilter"] = nlp.stats.as_dict()
        return figures
    pipeline = Pipeline(settings)
    if workers == 1 and kind != "ray":  # the work runs in this process: load it before timing
        pipeline.nlp, pipeline.coder, pipeline.annotator  # as a long run amortises it
        for text in texts[:2]:  # and what loads on first use (the gazetteer, caches), as the parse's warm-up
            try:
                pipeline.extract_text(text)
            except Exception:  # noqa: BLE001 - a warm-up only
                pass
    # with a pool (or Ray) this process only dedupes and stores, as in ``forewarn batch --workers N``:
    # it never loads the model, and each worker's start-up (imports, model, name list) is timed
    out = Path(tempfile.mkdtemp(prefix="fwbench-"))
    try:
        if kind == "ray":
            from forewarn.runner.ray_engine import run_ray

            temp = tempfile.mkdtemp(prefix="ray", dir="/tmp")  # short: AF_UNIX paths < 108 bytes
            try:
                t = time.perf_counter()
                report = run_ray([folder], out / "ray", settings, workers=workers, temp_dir=temp)
            finally:
                shutil.rmtree(temp, ignore_errors=True)
        else:
            with Store.open(out / "s.duckdb") as store:
                t, cpu, kids = time.perf_counter(), time.process_time(), _children_cpu()
                report = pipeline.ingest([folder], store, workers=workers)
        seconds = time.perf_counter() - t
        figures = {"seconds": seconds, "articles": report.articles, "events": report.events,
                   "rejects": len(report.rejects)}
        if kind != "ray" and workers == 1:  # all the work in this process: its CPU time
            figures["cpu_s"] = time.process_time() - cpu
        elif kind != "ray":  # the pool's workers were reaped when the run closed it: their CPU time
            figures["parent_cpu_s"] = time.process_time() - cpu
            figures["worker_cpu_s"] = _children_cpu() - kids
        return figures
    finally:
        shutil.rmtree(out, ignore_errors=True)


def run(kind: str, folder: str, workers: int = 1, prefilter: str = "off", timeout: int = 900) -> dict:
    proc = subprocess.run([sys.executable, __file__, "--child", kind, "--folder", folder,
                           "--workers", str(workers), "--prefilter", prefilter],
                          capture_output=True, text=True, timeout=timeout)
    if proc.returncode:
        raise RuntimeError(f"{kind} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def workers_of(label: str) -> int:
    return next((w for name, _, w, _ in CONFIGS + RAY if name == label), 1)


def load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


CONFIGS = [
    # (label, kind, workers, prefilter)
    ("bare spaCy nlp.pipe", "parse", 1, "off"),
    ("bare spaCy nlp.pipe, stock spacy.load (BLIS)", "stock", 1, "off"),
    ("prefilter parse only (entities: all)", "parse", 1, "all"),
    ("prefilter parse only (entities: names)", "parse", 1, "names"),
    ("prefilter parse only (entities: kept)", "parse", 1, "kept"),
    ("ingest, 1 worker, no prefilter", "local", 1, "off"),
    ("ingest, 1 worker, prefilter entities=all", "local", 1, "all"),
    ("ingest, 1 worker, prefilter entities=names (default)", "local", 1, "names"),
    ("ingest, 1 worker, prefilter entities=kept", "local", 1, "kept"),
    ("ingest, 2 workers, prefilter entities=names (default)", "local", 2, "names"),
    ("ingest, 2 workers, prefilter entities=kept", "local", 2, "kept"),
]
RAY = [
    ("Ray, 1 worker, prefilter (default)", "ray", 1, "names"),
    ("Ray, 2 workers, prefilter (default)", "ray", 2, "names"),
]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=120)
    ap.add_argument("--ray", action="store_true", help="also run the Ray engine, 1 and 2 workers")
    ap.add_argument("--only", help="run only configurations whose label contains this text (and the two bare parses)")
    ap.add_argument("--json", type=Path, help="also write every figure to this JSON file")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--folder", help=argparse.SUPPRESS)
    ap.add_argument("--workers", type=int, default=1, help=argparse.SUPPRESS)
    ap.add_argument("--prefilter", default="off", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        sampler = _Sampler()
        sampler.start()
        figures = _child(args.child, args.folder, args.workers, args.prefilter)
        sampler.stop.set()
        usage = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        figures["peak_rss_mb"] = round(max(usage, children) / 1024, 1)
        figures["peak_tree_rss_mb"] = round(max(sampler.peak_kb, usage) / 1024, 1)
        print(json.dumps(figures))
        return 0
    if not DATA.exists():
        print(f"no data at {DATA}", file=sys.stderr)
        return 2
    configs = CONFIGS + (RAY if args.ray else [])
    if args.only:
        configs = configs[:2] + [c for c in configs[2:] if args.only in c[0]]
    with tempfile.TemporaryDirectory(prefix="fwbench-in-") as tmp:
        for f in sorted(DATA.iterdir())[:args.limit]:
            shutil.copy(f, tmp)
        started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
        print(f"machine: {machine()}; {args.limit} PolNeAR articles; {started}; load at start {load()}")
        rows = []
        for label, kind, workers, prefilter in configs + [configs[0]]:
            figures = run(kind, tmp, workers, prefilter)
            figures["load"] = load()
            rows.append((label, figures))
            print(f"  done: {label} ({figures['seconds']:.1f} s, load {figures['load']})", file=sys.stderr)
        parse = rows[0][1]
        last = rows[-1][1]
        base = (parse["seconds"] + last["seconds"]) / 2
        print(f"bare parse first {parse['seconds']:.1f} s, last {last['seconds']:.1f} s: the ratios use their mean")
        cpu_base = (parse["cpu_s"] + last["cpu_s"]) / 2
        print(f"bare parse CPU first {parse['cpu_s']:.1f} s, last {last['cpu_s']:.1f} s: the CPU ratios use their mean "
              "(CPU time of the one process; a shared machine's load inflates wall time, not CPU time)")
        stock = next((f for name, f in rows if "stock" in name), None)
        if stock:
            print(f"stock spaCy parse (spacy.load, BLIS) {stock['seconds']:.1f} s, CPU {stock['cpu_s']:.1f} s: "
                  "'x stock' is wall time over it")
        print(f"{'configuration':54} {'seconds':>8} {'art/s':>6} {'x parse':>8} {'CPU s':>7} {'x CPU':>6} "
              f"{'art/CPU s':>9} {'events':>7} {'RSS MB (sum)':>12} {'(largest)':>10} {'load':>16}"
              + (f" {'x stock':>7}" if stock else ""))
        for name, f in rows[:-1]:
            rate = f["articles"] / f["seconds"]
            cpu = f.get("cpu_s")
            cpu_cols = (f"{cpu:7.1f} {cpu / cpu_base:6.2f} {f['articles'] / cpu:9.1f}" if cpu
                        else f"{'':7} {'':6} {'':9}")
            print(f"{name:54} {f['seconds']:8.1f} {rate:6.1f} {f['seconds'] / base:8.2f} {cpu_cols} "
                  f"{f.get('events', ''):>7} {f['peak_tree_rss_mb']:12.0f} {f['peak_rss_mb']:10.0f} {f['load']:>16}"
                  + (f" {f['seconds'] / stock['seconds']:7.2f}" if stock else ""))
            if "worker_cpu_s" in f:
                n = f["articles"]
                print(f"{'':44} CPU: parent {f['parent_cpu_s']:.1f} s, workers {f['worker_cpu_s']:.1f} s "
                      f"(start-up included) = {(f['parent_cpu_s'] + f['worker_cpu_s']) / n * 1000:.0f} ms/article; "
                      f"{workers_of(name)} cores at full use: "
                      f"{workers_of(name) * n / (f['parent_cpu_s'] + f['worker_cpu_s']):.1f} art/s")
            if "prefilter" in f:
                st = f["prefilter"]
                print(f"{'':44} parsed {st['kept_sentences']}/{st['sentences']} sentences, "
                      f"{st['kept_tokens']}/{st['tokens']} tokens")
        print(f"load at end {load()}")
        if args.json:
            args.json.write_text(json.dumps({"machine": machine(), "started": started, "limit": args.limit,
                                             "rows": rows}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
