"""The `parquet` exporter: a batch as documents.parquet and annotations.parquet (pyarrow).

`annotate DIR -f parquet -o OUTDIR` writes OUTDIR/documents.parquet/ and
OUTDIR/annotations.parquet/, folders of zstd-compressed part files with the columns of
`schema.py`; a later run adds parts. Needs the `annotator[parquet]` extra (pyarrow),
imported only when a batch is written.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

from ...errors import UsageError
from ...hookspecs import hookimpl
from ...model import AnnotationSet


class ParquetExporter:
    """Writes a batch to a folder of Parquet files; there is no text form to stream."""

    name = "parquet"
    media_type = "application/vnd.apache.parquet"
    extension = ".parquet"

    def write(self, sets: Iterable[AnnotationSet], stream: TextIO, options: dict) -> None:
        """Refuse: Parquet files are binary, so the batch needs -o OUTDIR."""
        raise UsageError("-f parquet writes Parquet files: give a folder with -o, e.g. -o out/")

    def open_batch(self, out: Path, options: dict[str, Any]) -> Any:
        """The sink that streams the batch into new part files under the folder `out`."""
        try:
            from .sink import ParquetSink
        except ImportError as exc:
            raise UsageError(
                f"-f parquet needs pyarrow ({exc}): pip install 'annotator[parquet]'"
            ) from None
        return ParquetSink(Path(out), options)


@hookimpl
def register_exporters(register) -> None:
    """Register the parquet exporter."""
    register(ParquetExporter())
