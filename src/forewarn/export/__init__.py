"""Exports of event records to other tools' formats: GDELT 2.0 event TSV, STIX 2.1, Parquet.

Each exporter takes event records (the dicts of ``render.event_record``, as
``forewarn.open(path).events()`` returns them) and writes one format.
"""

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import UsageError
from .gdelt import GDELT_COLUMNS, cameo_code, gdelt_rows, write_gdelt
from .parquet import PARQUET_SCHEMA, to_arrow, write_parquet
from .stix import stix_bundle, write_stix

__all__ = ["EXPORT_FORMATS", "GDELT_COLUMNS", "PARQUET_SCHEMA", "cameo_code", "export", "gdelt_rows",
           "stix_bundle", "to_arrow", "write_gdelt", "write_parquet", "write_stix"]

EXPORT_FORMATS = ("parquet", "gdelt", "stix")


def export(records: Sequence[dict[str, Any]], fmt: str, output: str | Path | None = None) -> int:
    """Write records in an export format to ``output`` (a file) or stdout; returns the count written.

    Parquet is binary: without ``output`` it goes to stdout only when that is not a terminal.
    """
    if fmt == "parquet":
        if output is not None:
            return write_parquet(records, str(output))
        if sys.stdout.isatty():
            raise UsageError("parquet is binary: give --output FILE or redirect stdout to a file")
        sys.stdout.flush()
        return write_parquet(records, sys.stdout.buffer)
    writer = {"gdelt": write_gdelt, "stix": write_stix}.get(fmt)
    if writer is None:
        raise UsageError(f"not an export format: {fmt} (known: {', '.join(EXPORT_FORMATS)})")
    if output is None:
        return writer(records, sys.stdout)
    with open(output, "w", encoding="utf-8", newline="") as out:
        return writer(records, out)
