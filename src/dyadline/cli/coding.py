"""Commands that read and code articles: code, eval, read, ingest, batch."""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from dyadline.cli.base import F, edge, main, settings_from

# -- coding: dyadline code / dyadline eval ------------------------------------------------------

def _input_options(func: F) -> F:
    """Options shared by the commands that read articles."""
    func = click.option("--format", "fmt", type=click.Choice(["seed", "txt", "jsonl", "csv", "html"]),
                        default=None, help="Input format (default: sniffed from name and content).")(func)
    func = click.option("--date", "published", type=click.DateTime(["%Y-%m-%d"]), default=None,
                        help="Publication date for plain text that has none (YYYY-MM-DD).")(func)
    func = click.option("--n-process", type=int, default=None, help="Processes for spaCy's nlp.pipe.")(func)
    return func


@main.command("code")
@click.argument("sources", nargs=-1, required=True)
@click.option("--out", "out", type=click.Path(dir_okay=False, allow_dash=True), default="-",
              help="Where to write one JSON line per article (default: stdout).")
@_input_options
@click.pass_context
@edge
def code_cmd(ctx: click.Context, sources: tuple[str, ...], out: str, fmt: str | None,
             published: Any, n_process: int | None) -> None:
    """Code articles into events (JSON lines, the event contract) without storing them.

    SOURCES are files, directories, globs or '-' for stdin, in any input format."""
    from dyadline.coding import code_to_jsonl

    settings = settings_from(ctx, n_process=n_process)
    summary = code_to_jsonl(sources, out, settings=settings, fmt=fmt,
                            published=published.date() if published else None,
                            warn=lambda msg: click.echo(msg, err=True))
    click.echo(summary.line(), err=True)
    sys.exit(summary.exit_code)


@main.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "out_format", type=click.Choice(["table", "json"]), default="table")
@click.option("--misses", type=int, default=0, help="Also list this many misses.")
@click.pass_context
@edge
def eval_cmd(ctx: click.Context, gold: str, out_format: str, misses: int) -> None:
    """Figures for a gold file: an acceptance YAML (like shared/acceptance/seed.yaml) or labelled
    sentences in JSONL (like shared/gold/dev/*.jsonl)."""

    from dyadline.evaluation import evaluate_file, format_report

    report = evaluate_file(gold, settings_from(ctx))
    if out_format == "json":
        click.echo(json.dumps(report.to_dict(), indent=2, default=str))
    else:
        click.echo(format_report(report, misses=misses))


# -- articles: dyadline read ---------------------------------------------------------------------

@main.command("read")
@click.argument("sources", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["seed", "txt", "jsonl", "csv", "html"]),
              default=None, help="Input format (default: sniffed from name and content).")
@click.option("--date", "date_text", default=None,
              help="Publication date for records that give none (e.g. 2020-12-15).")
@click.option("--no-body", is_flag=True, help="Leave the article text out of the output.")
@click.pass_context
@edge
def read_cmd(ctx: click.Context, sources: tuple[str, ...], fmt: str | None, date_text: str | None,
             no_body: bool) -> None:
    """Read articles and print them as JSON lines, without coding them: check what dyadline
    makes of your input. Quarantined records go to stderr; exit code 1 if there were any.

    SOURCES are files, directories, globs or '-' for stdin."""

    from dyadline.articles import PublishedDateError, parse_published, read_articles
    from dyadline.model import Quarantined

    settings = settings_from(ctx)
    try:
        published = parse_published(date_text, day_first=settings.day_first) if date_text else None
    except PublishedDateError as exc:
        raise click.BadParameter(str(exc), param_hint="--date") from None
    counts = {"articles": 0, "quarantined": 0, "undated": 0}
    for rec in read_articles(sources, fmt=fmt, published=published, settings=settings):
        if isinstance(rec, Quarantined):
            counts["quarantined"] += 1
            click.echo(f"quarantined: [{rec.code}] {rec.origin}: {rec.reason}", err=True)
            continue
        counts["articles"] += 1
        counts["undated"] += rec.published is None
        row = rec.to_dict()
        if no_body:
            row.pop("body")
        click.echo(json.dumps(row, ensure_ascii=False))
    undated = (f"; {counts['undated']} have no publication date, so their events will get open "
               "dates: give them a date, or --date" if counts["undated"] else "")
    click.echo(f"{counts['articles']} articles read, {counts['quarantined']} quarantined{undated}",
               err=True)
    sys.exit(1 if counts["quarantined"] else 0)


@main.command("ingest")
@click.argument("sources", nargs=-1, required=True)
@click.option("--db", default=None, help="The DuckDB file (default: the 'db' setting).")
@_input_options
@click.pass_context
@edge
def ingest_cmd(ctx: click.Context, sources: tuple[str, ...], db: str | None, fmt: str | None,
               published: Any, n_process: int | None) -> None:
    """Read, code and store articles; bad records are quarantined and the batch goes on.

    SOURCES are files, directories, globs or '-' for stdin, in any mix of input formats.
    Exit code 0 when every record went in, 1 when some were quarantined or failed."""
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from dyadline.ingest import IngestSummary, ingest

    settings = settings_from(ctx, n_process=n_process, db=db)
    console = Console(stderr=True)
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                  console=console, transient=True, disable=not console.is_terminal) as bar:
        task = bar.add_task("reading", total=None)

        def progress(s: IngestSummary) -> None:
            bar.update(task, description=f"{s.read} articles read, {s.coded} coded, "
                                         f"{s.events} events, {s.quarantined} quarantined")

        summary = ingest(list(sources), settings.db, settings=settings, fmt=fmt,
                         published=published.date() if published else None,
                         warn=lambda msg: bar.console.print(msg, markup=False, highlight=False),
                         progress=progress)
    click.echo(summary.line(), err=True)
    sys.exit(summary.exit_code)


# -- batch: dyadline batch ----------------------------------------------------------------------

@main.command("batch")
@click.argument("sources", nargs=-1, required=True)
@click.option("--db", default=None, help="The DuckDB file (default: the 'db' setting).")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="A running Dask scheduler, e.g. tcp://host:8786 (default: the "
                   "'dask_scheduler' setting, else a local cluster).")
@click.option("--workers", type=click.IntRange(min=0), default=None,
              help="Workers of the local cluster (0: one per CPU core; default: the "
                   "'dask_workers' setting).")
@click.option("--shard-size", type=click.IntRange(min=1), default=None,
              help="Articles per task (default: the 'shard_size' setting).")
@click.option("--parts-dir", default=None, type=click.Path(file_okay=False),
              help="Folder for the workers' Parquet parts (default: DB.parts).")
@click.option("--format", "fmt", type=click.Choice(["seed", "txt", "jsonl", "csv", "html"]),
              default=None, help="Input format (default: sniffed from name and content).")
@click.option("--date", "published", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="Publication date for plain text that has none (YYYY-MM-DD).")
@click.pass_context
@edge
def batch_cmd(ctx: click.Context, sources: tuple[str, ...], db: str | None, scheduler: str | None,
              workers: int | None, shard_size: int | None, parts_dir: str | None,
              fmt: str | None, published: Any) -> None:
    """Read, code on a Dask cluster, and store articles, like 'ingest' but over many workers.

    SOURCES are files, directories or globs. Workers write Parquet parts; this process merges
    them into the database in input order. Exit code 0 when every record went in, 1 when some
    were quarantined or failed, or a shard failed (run the command again to retry it)."""
    from dyadline.batch import run_batch

    settings = settings_from(ctx, db=db, dask_scheduler=scheduler, dask_workers=workers,
                             shard_size=shard_size, batch_parts_dir=parts_dir)
    summary = run_batch(list(sources), settings.db, settings=settings, fmt=fmt,
                        published=published.date() if published else None,
                        warn=lambda msg: click.echo(msg, err=True))
    click.echo(summary.line(), err=True)
    sys.exit(summary.exit_code)
