"""Dedupe: exact copies by normalised body hash, near copies by MinHash LSH on the cleaned body."""

from .minhash import BANDS, NUM_PERM, ROWS, Signature, band_keys, jaccard, signature

__all__ = ["BANDS", "NUM_PERM", "ROWS", "Signature", "band_keys", "jaccard", "signature"]
