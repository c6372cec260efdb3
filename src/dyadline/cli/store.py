"""Commands over the event database: events, show, timeline, export, import, plot, serve."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from dyadline.cli.base import F, edge, main, settings_from

# -- store: the event database's queries (events, show, timeline)


def _store_db(ctx: click.Context, db: str | None) -> Any:
    """The event database named by --db or the 'db' setting, opened read-only."""
    from dyadline.store import Store

    settings = settings_from(ctx, db=db)
    return Store.open(settings.db, read_only=True, dedup_threshold=settings.dedup_threshold)


def _print_records(records: Any, fmt: str, table: Callable[..., Any], title: str) -> None:
    from rich.console import Console

    from dyadline.store import present

    if fmt == "json":
        click.echo(present.to_json(records))
    elif fmt == "csv":
        click.echo(present.to_csv(records), nl=False)
    else:
        console = Console()
        if not console.is_terminal:  # piped: do not squeeze the table into 80 columns
            console = Console(width=160)
        console.print(table(records, title=title))


_DB_HELP = "The event database (default: the 'db' setting)."
_FORMAT = click.Choice(["table", "json", "csv"])


@main.command("events")
@click.option("--db", default=None, help=_DB_HELP)
@click.option("--actor", default=None,
              help="Source or target: a code prefix (RUS, RUSGOV) or a name (Putin).")
@click.option("--dyad", nargs=2, default=None, metavar="A B", help="Events between A and B.")
@click.option("--directed", is_flag=True, help="With --dyad: only A as source, B as target.")
@click.option("--code", default=None, help="CAMEO code and its children (04, 042, 0421).")
@click.option("--root", default=None, help="CAMEO root (two digits).")
@click.option("--quad", type=click.IntRange(1, 4), default=None, help="Quad class 1-4.")
@click.option("--since", default=None, help="Event date span ends on or after (YYYY-MM-DD).")
@click.option("--until", default=None, help="Event date span starts on or before (YYYY-MM-DD).")
@click.option("--said-by", default=None, help="Cited source: text (Kremlin) or actor code.")
@click.option("--outlet", default=None, help="Reported by this outlet.")
@click.option("--place", default=None, help="Place country (ISO alpha-3).")
@click.option("--modality", default=None,
              help="negated, attributed, future, hypothetical, or asserted (none).")
@click.option("--text", default=None, help="Words in the evidence sentence of any report.")
@click.option("--article", default=None, help="Reported by this article id.")
@click.option("--certain", is_flag=True, help="Leave out negated and hypothetical events.")
@click.option("--order", default="date",
              help="date, goldstein, mentions, confidence or id; '-' first for descending.")
@click.option("--limit", type=int, default=100, show_default=True, help="Events per page.")
@click.option("--offset", type=int, default=0, help="Skip this many events.")
@click.option("--format", "fmt", type=_FORMAT, default="table", show_default=True)
@click.pass_context
@edge
def events_cmd(ctx: click.Context, db: str | None, actor: str | None,
               dyad: tuple[str, str] | None, directed: bool, code: str | None, root: str | None,
               quad: int | None, since: str | None, until: str | None, said_by: str | None,
               outlet: str | None, place: str | None, modality: str | None, text: str | None,
               article: str | None, certain: bool, order: str, limit: int, offset: int,
               fmt: str) -> None:
    """List stored events (deduplicated), filtered."""
    from dyadline.store import EventQuery, events
    from dyadline.store.present import events_table

    query = EventQuery(actor=actor, dyad=tuple(dyad) if dyad else None, directed=directed,  # type: ignore[arg-type]
                       cameo=code, root=root, quad=quad, since=since, until=until,
                       said_by=said_by, place_country=place, outlet=outlet, modality=modality,
                       article=article, text=text, include_uncertain=not certain, limit=limit,
                       offset=offset, order=order)
    with _store_db(ctx, db) as store:
        found = events(store, query)
    _print_records(found, fmt, events_table, f"{len(found)} events")


@main.command("show")
@click.argument("article_id")
@click.option("--db", default=None, help=_DB_HELP)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
@click.pass_context
@edge
def show_cmd(ctx: click.Context, article_id: str, db: str | None, fmt: str) -> None:
    """Show one stored article: its body with the evidence highlighted, actors and events.

    ARTICLE_ID is a stored article's id, or an input file (its first article is shown)."""

    from rich.console import Console

    from dyadline.articles import id_of_file
    from dyadline.events.ontology import load_ontology
    from dyadline.store import article_detail
    from dyadline.store.present import article_view

    if Path(article_id).is_file():  # an input file: show the article it holds
        article_id = id_of_file(article_id, settings=settings_from(ctx))
    with _store_db(ctx, db) as store:
        detail = article_detail(store, article_id)
    if fmt == "json":
        click.echo(json.dumps(detail.to_dict(), ensure_ascii=False, indent=2, default=str))
    else:
        names = {c.code: c.name for c in load_ontology()}
        Console().print(article_view(detail, code_names=names))


@main.command("timeline")
@click.argument("a")
@click.argument("b")
@click.option("--db", default=None, help=_DB_HELP)
@click.option("--by", type=click.Choice(["day", "week", "month"]), default="week",
              show_default=True)
@click.option("--since", default=None, help="First day counted (YYYY-MM-DD).")
@click.option("--until", default=None, help="Last day counted (YYYY-MM-DD).")
@click.option("--directed", is_flag=True, help="Only A as source and B as target.")
@click.option("--count-reports/--count-events", default=None,
              help="Count every report instead of deduplicated events (setting count_reports).")
@click.option("--include-uncertain/--certain-only", default=None,
              help="Count negated and hypothetical events (setting include_uncertain).")
@click.option("--format", "fmt", type=_FORMAT, default="table", show_default=True)
@click.pass_context
@edge
def timeline_cmd(ctx: click.Context, a: str, b: str, db: str | None, by: str, since: str | None,
                 until: str | None, directed: bool, count_reports: bool | None,
                 include_uncertain: bool | None, fmt: str) -> None:
    """Events between actors A and B per day, week or month (codes, countries or names)."""
    from dyadline.store import dyad_timeline
    from dyadline.store.present import timeline_table

    settings = settings_from(ctx, count_reports=count_reports, include_uncertain=include_uncertain)
    with _store_db(ctx, db) as store:
        rows = dyad_timeline(store, a, b, by=by, since=since, until=until, directed=directed,
                             count_reports=settings.count_reports,
                             include_uncertain=settings.include_uncertain)
    arrow = "->" if directed else "<->"
    _print_records(rows, fmt, timeline_table, f"{a} {arrow} {b} by {by}")


# -- api: dyadline serve -------------------------------------------------------------------------

@main.command("serve")
@click.option("--db", default=None, help=_DB_HELP)
@click.option("--host", default=None, help="Address to listen on (default: the 'host' setting).")
@click.option("--port", type=int, default=None, help="Port to listen on (default: the 'port' setting).")
@click.option("--keep-db-open/--open-per-request", "keep_db_open", default=None,
              help="Keep read-only connections open between requests (faster; blocks "
                   "'dyadline ingest' on the file while the server runs). Setting keep_db_open.")
@click.pass_context
@edge
def serve_cmd(ctx: click.Context, db: str | None, host: str | None, port: int | None,
              keep_db_open: bool | None) -> None:
    """Serve the HTTP API (/api/...) and the dashboard (/) over an event database, until Ctrl-C."""
    from dyadline.api import serve

    settings = settings_from(ctx, db=db, host=host, port=port, keep_db_open=keep_db_open)
    serve(settings.db, settings)


# -- export: dyadline export | import | plot ----------------------------------------------------

_EVENT_FILTERS: list[tuple[tuple[str, ...], dict[str, Any]]] = [
    (("--actor",), {"help": "Source or target: a code prefix (RUS, RUSGOV) or a name."}),
    (("--dyad",), {"nargs": 2, "metavar": "A B", "help": "Events between A and B."}),
    (("--directed",), {"is_flag": True, "help": "With --dyad: only A as source, B as target."}),
    (("--code",), {"help": "CAMEO code and its children (04, 042, 0421)."}),
    (("--root",), {"help": "CAMEO root (two digits)."}),
    (("--quad",), {"type": click.IntRange(1, 4), "help": "Quad class 1-4."}),
    (("--since",), {"help": "Event date span ends on or after (YYYY-MM-DD)."}),
    (("--until",), {"help": "Event date span starts on or before (YYYY-MM-DD)."}),
    (("--said-by",), {"help": "Cited source: text (Kremlin) or actor code."}),
    (("--outlet",), {"help": "Reported by this outlet."}),
    (("--place",), {"help": "Place country (ISO alpha-3)."}),
    (("--modality",), {"help": "negated, attributed, future, hypothetical, or asserted."}),
    (("--text",), {"help": "Words in the evidence sentence of any report."}),
    (("--article",), {"help": "Reported by this article id."}),
    (("--certain",), {"is_flag": True, "help": "Leave out negated and hypothetical events."}),
]


def _event_filters(func: F) -> F:
    """The filters of 'dyadline events', for the commands that take a selection of events."""
    for decl, kwargs in reversed(_EVENT_FILTERS):
        func = click.option(*decl, **kwargs)(func)
    return func


@main.command("export")
@click.option("--db", default=None, help=_DB_HELP)
@click.option("--format", "fmt", required=True,
              type=click.Choice(["gdelt", "parquet", "csv", "jsonl"]),
              help="gdelt: GDELT 2.0 event table (TSV, 61 columns); parquet: a folder "
                   "partitioned by month; csv; jsonl: the event contract.")
@click.option("--out", required=True, type=click.Path(allow_dash=True),
              help="The file to write ('-' for stdout), or for parquet a new folder.")
@_event_filters
@click.pass_context
@edge
def export_cmd(ctx: click.Context, db: str | None, fmt: str, out: str, actor: str | None,
               dyad: tuple[str, str] | None, directed: bool, code: str | None,
               root: str | None, quad: int | None, since: str | None, until: str | None,
               said_by: str | None, outlet: str | None, place: str | None,
               modality: str | None, text: str | None, article: str | None,
               certain: bool) -> None:
    """Write stored events (deduplicated) to a file, or for Parquet a folder partitioned by
    month; filtered as 'dyadline events'. See docs/export.md for the columns."""
    from dyadline.export import export_events
    from dyadline.store import EventQuery

    query = EventQuery(actor=actor, dyad=tuple(dyad) if dyad else None, directed=directed,  # type: ignore[arg-type]
                       cameo=code, root=root, quad=quad, since=since, until=until,
                       said_by=said_by, place_country=place, outlet=outlet, modality=modality,
                       article=article, text=text, include_uncertain=not certain)
    with _store_db(ctx, db) as store:
        summary = export_events(store, out, fmt, query)
    click.echo(summary.line(), err=True)


@main.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--db", default=None, help="The DuckDB file (default: the 'db' setting); created "
              "if missing.")
@click.pass_context
@edge
def import_cmd(ctx: click.Context, files: tuple[str, ...], db: str | None) -> None:
    """Load coded events into the database: the output of 'dyadline code' (one coded article
    per line) or of 'dyadline export --format jsonl' (one event per line).

    Bad lines are reported with file and line, quarantined, and the rest goes on (exit code 1).
    Articles already in the database are skipped."""
    from dyadline.export import import_events
    from dyadline.store import Store

    settings = settings_from(ctx, db=db)
    with Store.open(settings.db, dedup_threshold=settings.dedup_threshold) as store:
        summary = import_events(list(files), store, max_chars=settings.max_chars,
                                warn=lambda msg: click.echo(msg, err=True))
    click.echo(summary.line(), err=True)
    sys.exit(summary.exit_code)


@main.command("plot")
@click.argument("a")
@click.argument("b")
@click.option("--db", default=None, help=_DB_HELP)
@click.option("--out", required=True, type=click.Path(dir_okay=False),
              help="The image file; its ending gives the format (.png, .pdf, .svg ...).")
@click.option("--by", type=click.Choice(["week", "month"]), default="month", show_default=True)
@click.option("--since", default=None, help="First day counted (YYYY-MM-DD).")
@click.option("--until", default=None, help="Last day counted (YYYY-MM-DD).")
@click.option("--directed", is_flag=True, help="Only A as source and B as target.")
@click.option("--count-reports/--count-events", default=None,
              help="Count every report instead of deduplicated events (setting count_reports).")
@click.option("--include-uncertain/--certain-only", default=None,
              help="Count negated and hypothetical events (setting include_uncertain).")
@click.pass_context
@edge
def plot_cmd(ctx: click.Context, a: str, b: str, db: str | None, out: str, by: str,
             since: str | None, until: str | None, directed: bool, count_reports: bool | None,
             include_uncertain: bool | None) -> None:
    """Draw the events between actors A and B per week or month, for a paper: counts per quad
    class (cooperation up, conflict down) and the mean Goldstein score."""
    from dyadline.export import plot_dyad

    settings = settings_from(ctx, count_reports=count_reports, include_uncertain=include_uncertain)
    with _store_db(ctx, db) as store:
        summary = plot_dyad(store, a, b, out, by=by, since=since, until=until, directed=directed,
                            count_reports=settings.count_reports,
                            include_uncertain=settings.include_uncertain)
    click.echo(f"{summary.events} events in {summary.periods} {by}s "
               f"({summary.first} to {summary.last}) drawn to {out}", err=True)
