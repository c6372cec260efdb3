"""Events out of and back into the database: GDELT-style TSV, Parquet, CSV and JSONL exports,
the import of coded events, and a dyad's figure for a paper.

    from dyadline.store import Store, EventQuery
    from dyadline.export import export_events, import_events, plot_dyad

    with Store.open("events.duckdb", read_only=True) as store:
        export_events(store, "rus-ukr.tsv", "gdelt", EventQuery(dyad=("RUS", "UKR")))
        plot_dyad(store, "RUS", "UKR", "rus-ukr.png", by="month")
"""

from __future__ import annotations

from dyadline.export.importer import ImportSummary, import_events
from dyadline.export.plot import PlotSummary, plot_dyad
from dyadline.export.writers import FORMATS, ExportSummary, export_events

__all__ = [
    "FORMATS",
    "ExportSummary",
    "ImportSummary",
    "PlotSummary",
    "export_events",
    "import_events",
    "plot_dyad",
]
