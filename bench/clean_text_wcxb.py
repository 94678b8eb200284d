"""Body quality and speed of forewarn.clean on WCXB-dev article pages.

Plain-text mode (default): every page is flattened to visible text, one block per line (what a
scraper saves), cleaned with ``clean_text``, and its body compared with the ground-truth
``main_content``. HTML mode (``--html``): ``clean_html`` on the raw page, against plain
trafilatura's ``extract`` on the same page.

Score: multisets of word 4-grams (``\\w+`` tokens, lowercase); precision and recall per page,
then averaged over pages. "F1" is the harmonic mean of the averaged precision and recall;
"mean page F1" averages the per-page F1. "keep all" is the score of keeping every line.

    python bench/clean_text_wcxb.py                      # plain text, all pages
    python bench/clean_text_wcxb.py --html               # + HTML cleaner and trafilatura
    python bench/clean_text_wcxb.py --show 12 --limit 50 # print what was removed on page 12…
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import time
from pathlib import Path

from forewarn.clean import clean_text
from forewarn.clean.blocks import visible_blocks
from forewarn.evaluate.metrics import f1, overlap_pr

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "extraction" / "wcxb-dev"


def score(pred: str, gold: str) -> tuple[float, float, float]:
    """Shingle precision, recall and F1 of one page (forewarn's eval measure)."""
    p, r = overlap_pr(pred, gold) if pred.strip() else (0.0, 0.0)
    return p, r, f1(p, r)


def load(limit: int | None):
    """(page id, url, ground truth, html) for every page with ground truth."""
    files = sorted((DATA / "ground-truth").glob("*.json"))[:limit]
    for f in files:
        truth = json.loads(f.read_text())
        gt = truth["ground_truth"]
        html = gzip.open(DATA / "html" / f"{f.stem}.html.gz").read().decode("utf-8", "replace")
        yield f.stem, truth.get("url"), gt, html


def summarise(name: str, rows: list[tuple[float, float, float]]) -> None:
    p = statistics.fmean(r[0] for r in rows)
    r = statistics.fmean(r[1] for r in rows)
    f = 2 * p * r / (p + r) if p + r else 0.0
    pf = statistics.fmean(x[2] for x in rows)
    print(f"{name:<22} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  mean page F1 {pf:.3f}  (n={len(rows)})")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--html", action="store_true", help="also score clean_html and trafilatura")
    ap.add_argument("--show", default=None, help="print the cleaning of this page id (e.g. 0012)")
    ap.add_argument("--worst", type=int, default=0, help="list the N worst pages")
    args = ap.parse_args()

    pages = []
    for pid, url, gt, html in load(args.limit):
        gold = gt.get("main_content") or ""
        if not gold:
            continue
        pages.append((pid, url, gt, html, "\n".join(visible_blocks(html)), gold))

    keep, text_rows, per_page, titles = [], [], [], 0
    # warm up once (compiles the cue rules, ~0.3 s): the timing is of steady-state cleaning
    clean_text("Warm up.")
    t0, c0 = time.perf_counter(), time.process_time()
    cleaned = [clean_text(p[4]) for p in pages]
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    for (pid, url, gt, html, text, gold), c in zip(pages, cleaned):
        keep.append(score(text, gold))
        row = score(c.body, gold)
        text_rows.append(row)
        per_page.append((row[2], pid))
        gt_title = " ".join((gt.get("title") or "").split()).lower()
        titles += bool(c.title) and " ".join(c.title.split()).lower() == gt_title
        if args.show == pid:
            print(f"== {pid} {url}\nTITLE {c.title!r} (truth {gt.get('title')!r})  F1 {row[2]:.3f}")
            for span in c.removed:
                print(f"  - [{span.reason}] {span.text[:110]}")
            print("BODY:\n" + c.body[:3000])
    print(f"WCXB-dev articles: {len(pages)} pages")
    summarise("plain text, keep all", keep)
    summarise("plain text, clean_text", text_rows)
    print(f"title exact match: {titles / len(pages):.3f}")
    chars = sum(len(p[4]) for p in pages)
    print(f"clean_text throughput: {len(pages) / elapsed:.0f} docs/s wall, "
          f"{len(pages) / cpu:.0f} docs/s of this process's CPU (one core; "
          f"{chars / cpu / 1e6:.1f} M chars/s, mean page {chars / len(pages) / 1000:.1f} k chars)")
    reference = Path("/work/shared/examples/independent-putin-thanks-trump.txt")
    if reference.exists():
        ref = reference.read_text(encoding="utf-8")
        c0 = time.process_time()
        for _ in range(2000):
            clean_text(ref)
        print(f"clean_text throughput on the reference article ({len(ref)} chars): "
              f"{2000 / (time.process_time() - c0):.0f} docs/s CPU")
    if args.worst:
        for f, pid in sorted(per_page)[:args.worst]:
            print(f"  worst {pid}: F1 {f:.3f}")

    if args.html:
        from forewarn.clean import clean_html

        html_rows, traf_rows, dates, date_tries, date_wrong, date_extra = [], [], 0, 0, 0, 0
        html_titles, html_worst = 0, []
        t0, c0 = time.perf_counter(), time.process_time()
        results = [clean_html(p[3], url=p[1]) for p in pages]
        elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
        for (pid, url, gt, html, text, gold), c in zip(pages, results):
            row = score(c.body, gold)
            html_rows.append(row)
            html_worst.append((row[2], pid, row[0], row[1], c.article_confidence))
            gt_title = " ".join((gt.get("title") or "").split()).lower()
            html_titles += bool(c.title) and " ".join(c.title.split()).lower() == gt_title
            if gt.get("publish_date"):
                date_tries += 1
            if c.published is not None:
                if not gt.get("publish_date"):
                    date_extra += 1
                elif str(c.published) == str(gt.get("publish_date"))[:10]:
                    dates += 1
                else:
                    date_wrong += 1
        summarise("html, clean_html", html_rows)
        print(f"clean_html throughput: {len(pages) / elapsed:.1f} docs/s wall, "
              f"{len(pages) / cpu:.1f} docs/s of this process's CPU (one core)")
        print(f"clean_html title exact match: {html_titles / len(pages):.3f}")
        flagged = sum(1 for c in results if "not-an-article" in c.flags)
        print(f"flagged not-an-article: {flagged} of {len(pages)} (all are articles: false alarms)")
        print(f"dates: {dates} right of {date_tries} pages with a true date, {date_wrong} differ "
              f"from it (often: the truth is the 'updated' date, forewarn keeps the original); "
              f"{date_extra} given where the truth has none")
        if args.worst:
            for f, pid, p, r, conf in sorted(html_worst)[:args.worst]:
                print(f"  worst html {pid}: F1 {f:.3f} (P {p:.3f} R {r:.3f}, article confidence {conf})")
        try:
            import trafilatura  # noqa: F401

            from forewarn.clean.html import _trafilatura

            traf = _trafilatura()
            t0, c0 = time.perf_counter(), time.process_time()
            outputs = [traf.extract(html, url=url) or "" for (pid, url, gt, html, text, gold) in pages]
            elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
            for (pid, url, gt, html, text, gold), out in zip(pages, outputs):
                traf_rows.append(score(out, gold))
            summarise("html, trafilatura", traf_rows)
            print(f"trafilatura extract throughput: {len(pages) / elapsed:.1f} docs/s wall, "
                  f"{len(pages) / cpu:.1f} docs/s CPU")
        except Exception as exc:  # noqa: BLE001
            print(f"trafilatura baseline unavailable: {exc!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
