"""MinHash signatures of cleaned article bodies, and the LSH band keys the store indexes.

Shingles are word 3-grams of the lower-cased ``\\w+`` tokens, so boilerplate that survived
cleaning, a changed headline or a wire credit line move the estimate only a little.
The band layout (9 bands of 13 rows out of 128 permutations) is what datasketch's own
parameter search picks for a Jaccard threshold of 0.8 with equal false-positive and
false-negative weights; a candidate sharing a band is then confirmed on the full signature.
"""

from __future__ import annotations

import functools
import hashlib
import re

import numpy as np

NUM_PERM = 128
BANDS, ROWS = 9, 13
#: Estimated Jaccard similarity at or above which two bodies are the same story.
NEAR_DUPLICATE = 0.8
SHINGLE = 3
_WORD = re.compile(r"\w+")

Signature = np.ndarray


def _shingles(text: str) -> set[bytes]:
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i:i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}


@functools.lru_cache(maxsize=1)
def _template():
    """The permutations, drawn once from datasketch's fixed seed. datasketch (and the scipy it
    imports, ~0.5 CPU-s) is imported on first use: pool workers, which never hash, skip it."""
    from datasketch import MinHash

    return MinHash, MinHash(num_perm=NUM_PERM)


def signature(text: str) -> Signature:
    """The MinHash signature (128 unsigned 32-bit values) of a body."""
    minhash, template = _template()
    m = minhash(num_perm=NUM_PERM, permutations=template.permutations, scheme=template.scheme)
    m.update_batch(_shingles(text))
    return m.hashvalues.astype(np.uint32)


def band_keys(sig: Signature) -> list[int]:
    """One signed 64-bit key per band (fits a BIGINT column)."""
    keys = []
    for b in range(BANDS):
        chunk = sig[b * ROWS:(b + 1) * ROWS].tobytes()
        keys.append(int.from_bytes(hashlib.blake2b(chunk + bytes([b]), digest_size=8).digest(), "big", signed=True))
    return keys


def jaccard(a: Signature, b: Signature) -> float:
    """Estimated Jaccard similarity of the two bodies behind two signatures."""
    return float(np.mean(a == b))
