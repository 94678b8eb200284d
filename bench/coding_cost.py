"""Coding cost against parsing cost (issue #4): coding (everything after the parse) must cost
less than the parse itself.

    python bench/coding_cost.py            # --articles 100 --folder PATH
    python bench/coding_cost.py --prefilter   # and the prefilter's parse, and coding its docs

Parses N articles with bare ``nlp.pipe`` (the pipeline forewarn loads, with its sentence
component), then codes the parsed documents with ``Coder.code``; prints both times and their
ratio. Times are CPU seconds of this process (``time.process_time``: a shared machine's load
inflates wall time, not CPU time). Articles are PolNeAR training texts (read in place, never
copied), published dates unset.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from forewarn.annotate import load_nlp
from forewarn.code import Coder
from forewarn.models import Article, Origin

DEFAULT = Path("/work/shared/data/attribution/polnear-train/text")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=100)
    ap.add_argument("--folder", type=Path, default=DEFAULT)
    ap.add_argument("--prefilter", action="store_true",
                    help="also parse with the prefilter (forewarn.annotate.prefilter) and code those docs")
    args = ap.parse_args()
    files = sorted(p for p in args.folder.iterdir() if p.is_file())[: args.articles]
    texts = [p.read_text("utf-8", errors="replace") for p in files]
    nlp, coder = load_nlp("auto"), Coder()
    list(nlp.pipe(texts[:2]))  # warm up
    coder.code(Article(id="w", body=texts[0], origin=Origin(), raw_sha256=""), nlp(texts[0]))
    t0 = time.process_time()
    docs = list(nlp.pipe(texts, batch_size=16))
    parse = time.process_time() - t0
    t0 = time.process_time()
    events = 0
    for i, (text, doc) in enumerate(zip(texts, docs)):
        events += len(coder.code(Article(id=str(i), body=text, origin=Origin(), raw_sha256=""), doc))
    code = time.process_time() - t0
    words = sum(len(d) for d in docs)
    print(f"articles {len(texts)}  tokens {words}  events {events}")
    print(f"parse (nlp.pipe)  {parse:7.2f} s")
    print(f"coding (Coder)    {code:7.2f} s")
    print(f"coding / parse    {code / parse:7.2f}  ({'met' if code < parse else 'NOT met'}: coding must cost less)")
    if args.prefilter:
        from forewarn.config import Settings
        from forewarn.pipeline import Pipeline

        pipeline = Pipeline(Settings(prefilter=True))
        pipeline._coder = coder  # the same coder (and patterns) as above
        annotator = pipeline.annotator
        list(annotator.pipe(texts[:2]))
        t0 = time.process_time()
        docs = list(annotator.pipe(texts, batch_size=32))
        pre = time.process_time() - t0
        t0 = time.process_time()
        found = sum(len(coder.code(Article(id=str(i), body=text, origin=Origin(), raw_sha256=""), doc))
                    for i, (text, doc) in enumerate(zip(texts, docs)))
        pcode = time.process_time() - t0
        print(f"prefilter parse   {pre:7.2f} s  ({pre / parse:.2f}x the bare parse)  events {found}"
              f"  (entities: {pipeline.settings.prefilter_entities})")
        print(f"coding its docs   {pcode:7.2f} s  ({pcode / parse:.2f}x the bare parse)")


if __name__ == "__main__":
    main()
