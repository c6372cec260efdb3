"""The ``dyadline`` command: thin commands that parse options, call one library function, print.

Errors raised by the library (``DyadlineError``) become one line on stderr and exit code 1;
usage errors exit 2. Imports of the heavy stages happen inside the commands, so that
``dyadline --help`` stays fast.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from dyadline import __version__
from dyadline.errors import DyadlineError, UsageError
from dyadline.settings import Settings, load_settings

F = TypeVar("F", bound=Callable[..., Any])


def edge(func: F) -> F:
    """Translate library errors into a one-line message and an exit code (1; 2 for usage)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except UsageError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(2)
        except DyadlineError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(1)

    return wrapper  # type: ignore[return-value]


def settings_from(ctx: click.Context, **overrides: Any) -> Settings:
    """The settings of this invocation: --config file, environment, then command options."""
    base: Settings = ctx.find_root().obj["settings"]
    return base.replace(**overrides) if any(v is not None for v in overrides.values()) else base


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dyadline")
@click.option("--config", type=click.Path(dir_okay=False), default=None,
              help="A TOML settings file (default: ./dyadline.toml or $DYADLINE_CONFIG).")
@click.pass_context
def main(ctx: click.Context, config: str | None) -> None:
    """dyadline: who did what to whom, when, where, and according to whom."""
    try:
        ctx.obj = {"settings": load_settings(config=config)}
    except DyadlineError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)


# Commands are added below, one section per stage; each imports its stage lazily.


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
    import json

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
    import json

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
    import json

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


# -- dates: dyadline timex ----------------------------------------------------------------------

@main.command("timex")
@click.argument("in_path", metavar="IN.jsonl", type=click.Path(dir_okay=False))
@click.option("--out", "out_path", required=True, type=click.Path(dir_okay=False),
              help="Where to write one JSON line of temporal expressions per input line.")
@click.option("--day-first/--month-first", "day_first", default=None,
              help="Read 05/12/2020 as 5 December (default: the 'day_first' setting).")
@click.pass_context
@edge
def timex_cmd(ctx: click.Context, in_path: str, out_path: str, day_first: bool | None) -> None:
    """Find and normalise the temporal expressions of texts.

    IN.jsonl has one {"id", "dct", "text"} object per line (dct: the publication date,
    YYYY-MM-DD); each output line is {"id", "timexes": [...]}. A bad line is reported on
    stderr, written with "error" set, and the rest goes on; the exit code is then 1."""
    from dyadline.dates import timex_file

    settings = settings_from(ctx, day_first=day_first)
    summary = timex_file(in_path, out_path, day_first=settings.day_first)
    for message in summary.errors:
        click.echo(f"error: {message}", err=True)
    click.echo(f"{summary.ok} of {summary.lines} lines read, {summary.timexes} temporal "
               f"expressions written to {out_path}", err=True)
    if summary.failed:
        sys.exit(1)


# -- actors: dyadline actors lookup | validate | evaluate ----------------------------------------

@main.group("actors")
def actors_group() -> None:
    """The actor knowledge base: look a name up as of a day, check an actor file."""


def _day_option(value: str | None) -> Any:
    from datetime import date

    if value is None:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError("E903", f"--on {value!r} is not a date: write YYYY-MM-DD") from None


@actors_group.command("lookup")
@click.argument("text")
@click.option("--on", "on", default=None, metavar="YYYY-MM-DD",
              help="Resolve as of this day (default: today).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per reading.")
@click.pass_context
@edge
def actors_lookup(ctx: click.Context, text: str, on: str | None, as_json: bool) -> None:
    """Every reading of TEXT (a name, title, country, body) in the knowledge base on a day.

    Exit code 1 when the knowledge base has no reading of TEXT."""
    import json

    from dyadline.actors import load_kb

    day = _day_option(on)
    found = load_kb(settings_from(ctx)).lookup(text, day)
    if not found:
        click.echo(f"no reading of {text!r} on {day.isoformat()}", err=True)
        sys.exit(1)
    for r in found:
        if as_json:
            click.echo(json.dumps(r.to_dict(), ensure_ascii=False))
        else:
            what = " ".join(x for x in (r.name or "", f"({r.role})" if r.role else "") if x)
            click.echo(f"{r.code or '-':10} {r.kind:8} {what:40} {r.basis}".rstrip())


@actors_group.command("validate")
@click.argument("path", metavar="FILE", required=False, type=click.Path(dir_okay=False))
@click.pass_context
@edge
def actors_validate(ctx: click.Context, path: str | None) -> None:
    """Check a user's actor file (TSV or YAML) on top of the packaged knowledge base; without
    FILE, the file named by the 'actors_file' setting, else the packaged files alone.

    Every problem is printed with its file, line and fix; the exit code is then 1."""
    from dyadline.actors import validate_file
    from dyadline.actors.kb import DATA_DIR

    target = path or settings_from(ctx).actors_file or None
    problems = validate_file(target)
    for p in problems:
        click.echo(f"error: {p}", err=True)
    if problems:
        click.echo(f"{len(problems)} problem(s)", err=True)
        sys.exit(1)
    click.echo(f"ok: {target or DATA_DIR}")


@actors_group.command("evaluate")
@click.argument("gold", metavar="GOLD.jsonl", type=click.Path(dir_okay=False))
@click.option("--on", "on", default="2000-01-01", metavar="YYYY-MM-DD", show_default=True,
              help="The day to resolve as of (the PLOVER gold dates are placeholders).")
@click.option("--misses", default=0, show_default=True, help="Print this many misses.")
@click.option("--json", "as_json", is_flag=True, help="The whole report as JSON.")
@click.pass_context
@edge
def actors_evaluate(ctx: click.Context, gold: str, on: str, misses: int, as_json: bool) -> None:
    """Country and sector accuracy of actor resolution on PLOVER gold records."""
    import json

    from dyadline.actors import load_kb
    from dyadline.actors.evaluate import evaluate_gold
    from dyadline.nlp import load_nlp

    settings = settings_from(ctx)
    result = evaluate_gold(gold, load_nlp(settings.model), load_kb(settings), _day_option(on))
    report = result.to_dict()
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False, indent=1))
        return
    click.echo(f"gold actors {result.gold}, located {result.located}, resolved {result.resolved}")
    click.echo(f"country accuracy {result.country_accuracy:.3f} "
               f"({result.country_ok}/{result.located})")
    click.echo(f"sector accuracy  {result.sector_accuracy:.3f} "
               f"({result.sector_ok}/{result.sector_total})")
    click.echo("misses: " + ", ".join(f"{k} {v}" for k, v in result.miss_types().most_common()))
    for m in result.misses[:misses]:
        click.echo(f"  {m['kind']:12} {m['actor_text'][:40]!r:44} gold {m['gold']:10} "
                   f"got {m.get('got') or '-':10} | {m['sentence'][:80]}")


# -- places ------------------------------------------------------------------------------------
@main.group("places")
def places_group() -> None:
    """The gazetteer: read a place name, check a places file, place an event in a sentence."""


@places_group.command("resolve")
@click.argument("text")
@click.option("--context", "context", multiple=True, metavar="ISO3",
              help="A country the text is about (repeatable), e.g. --context LBN.")
@click.option("--all", "show_all", is_flag=True, help="List every reading, most prominent first.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
@edge
def places_resolve(ctx: click.Context, text: str, context: tuple[str, ...], show_all: bool,
                   as_json: bool) -> None:
    """The place TEXT stands for ("Paris, Texas", "Washington state", "the Kremlin").

    Exit code 1 when the gazetteer does not know TEXT."""
    import json

    from dyadline.places import gazetteer_for, resolve_place

    gazetteer = gazetteer_for(settings_from(ctx))
    if show_all:
        readings = gazetteer.lookup(text)
        for r in readings:
            if as_json:
                click.echo(json.dumps({**{f: getattr(r, f) for f in r.__slots__},
                                       "prominence": r.prominence}, ensure_ascii=False))
            else:
                click.echo(f"{r.name:32} {r.feature:9} {r.country or '-':4} {r.admin1 or '-':7} "
                           f"{r.prominence:>12,} {r.source}{' (alternate name)' if r.alias else ''}")
        if not readings:
            click.echo(f"no reading of {text!r}", err=True)
            sys.exit(1)
        return
    place = resolve_place(text, context_countries=tuple(c.upper() for c in context),
                          gazetteer=gazetteer)
    if place is None:
        click.echo(f"no place for {text!r}", err=True)
        sys.exit(1)
    if as_json:
        click.echo(json.dumps(place.to_dict(), ensure_ascii=False))
    else:
        click.echo(f"{place.name} ({place.feature}, {place.country or 'no country'}) "
                   f"{place.lat}, {place.lon}")


@places_group.command("validate")
@click.argument("path", metavar="FILE", required=False, type=click.Path(dir_okay=False))
@click.pass_context
@edge
def places_validate(ctx: click.Context, path: str | None) -> None:
    """Check a places file (the columns of data/places/regions.tsv); without FILE, the file
    named by the 'places_file' setting, else the packaged files. A broken row is reported with
    its file, line and fix (exit code 1)."""
    from dyadline.places import load_gazetteer
    from dyadline.places.datafile import read_places_file

    target = path or settings_from(ctx).places_file or None
    gazetteer = load_gazetteer()  # reads and checks the packaged files
    if target is None:
        click.echo(f"ok: the packaged places ({gazetteer.version})")
        return
    rows = read_places_file(target, countries=gazetteer.countries)
    click.echo(f"ok: {target}: {len(rows)} places")


@places_group.command("locate")
@click.argument("text")
@click.option("--trigger", required=True, metavar="WORD",
              help="The event's verb or eventive noun, as written in TEXT (its first occurrence).")
@click.option("--context", "context", multiple=True, metavar="ISO3",
              help="A country the text is about (repeatable).")
@click.pass_context
@edge
def places_locate(ctx: click.Context, text: str, trigger: str, context: tuple[str, ...]) -> None:
    """Where the event TRIGGER names in TEXT happened, if TEXT says so (exit code 1 if not)."""
    import json

    from dyadline.nlp import load_nlp
    from dyadline.places import event_place, gazetteer_for

    settings = settings_from(ctx)
    doc = load_nlp(settings.model)(text)
    index = next((t.i for t in doc if t.text.lower() == trigger.lower()), None)
    if index is None:
        raise UsageError("E611", f"--trigger {trigger!r} is not a word of the text: give the "
                         "event's verb or noun exactly as written")
    place = event_place(doc, index, context_countries=tuple(c.upper() for c in context),
                        gazetteer=gazetteer_for(settings))
    if place is None:
        click.echo("no place: the sentence does not say where", err=True)
        sys.exit(1)
    click.echo(json.dumps(place.to_dict(), ensure_ascii=False))


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


# -- events: ontology and lexicon
@main.group("ontology")
def ontology_group() -> None:
    """The CAMEO event codes with Goldstein scores, quad classes and PLOVER equivalents."""


@ontology_group.command("show")
@click.argument("code")
@click.option("--json", "as_json", is_flag=True, help="Print the entry as JSON.")
@edge
def ontology_show(code: str, as_json: bool) -> None:
    """Print CODE's entry (e.g. 051, or a root such as 05) and the codes under it."""
    import json

    from dyadline.events.ontology import QUAD_NAMES, load_ontology

    onto = load_ontology()
    entry, children = onto.get(code), onto.children(code)
    if as_json:
        click.echo(json.dumps({**entry.to_dict(), "children": [c.code for c in children]}))
        return
    root = onto.get(entry.root)
    plover = entry.plover or "none (PLOVER has no equivalent)"
    if entry.plover_mode:
        plover += f", mode {entry.plover_mode}"
    if entry.plover_inherited:
        plover += f" (from {entry.parent})"
    click.echo(f"{entry.code}  {entry.name}")
    click.echo(f"  root        {root.code} {root.name}")
    click.echo(f"  Goldstein   {entry.goldstein:+.1f}")
    click.echo(f"  quad class  {entry.quad_class} ({QUAD_NAMES[entry.quad_class]})")
    click.echo(f"  PLOVER      {plover}")
    click.echo("  children    " + ("" if children else "none"))
    for c in children:
        click.echo(f"    {c.code}  {c.name}")


@main.group("lexicon")
def lexicon_group() -> None:
    """The event lexicon: predicates, reporting words and modality cues."""


@lexicon_group.command("validate")
@click.argument("path", required=False, type=click.Path(dir_okay=False))
@click.pass_context
@edge
def lexicon_validate(ctx: click.Context, path: str | None) -> None:
    """Check a user lexicon file (default: the 'lexicon_file' setting) with the packaged one."""
    from dyadline.events.lexicon import read_lexicon

    user_file = path or settings_from(ctx).lexicon_file or None
    lexicon = read_lexicon(user_file)
    users = sum(1 for e in lexicon if e.user)
    click.echo(f"ok: {len(lexicon)} entries ({users} from {user_file or 'no user file'}), "
               f"{len(lexicon.roots())} CAMEO roots, version {lexicon.version}")


@places_group.command("evaluate")
@click.argument("gold", metavar="GOLD.jsonl", type=click.Path(dir_okay=False))
@click.option("--cases", default=0, show_default=True,
              help="Print this many records where the place differs from the gold's.")
@click.option("--json", "as_json", is_flag=True, help="The whole report as JSON.")
@click.pass_context
@edge
def places_evaluate(ctx: click.Context, gold: str, cases: int, as_json: bool) -> None:
    """How often event_place finds the place PLOVER gold records mark (their event_loc)."""
    import json

    from dyadline.nlp import load_nlp
    from dyadline.places import gazetteer_for
    from dyadline.places.evaluate import evaluate_gold

    settings = settings_from(ctx)
    result = evaluate_gold(gold, load_nlp(settings.model), gazetteer_for(settings))
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=1))
        return
    click.echo(f"records with a gold place {result.with_place}: right {result.right}, "
               f"another place {result.other}, none {result.none}")
    click.echo(f"records without a gold place {result.without_place}: "
               f"given a place {result.placed_anyway}")
    for case in result.cases[:cases]:
        got = case["got"]
        click.echo(f"  {case['outcome']:7} gold {case['gold'] or '-':18} got "
                   f"{got['name'] if got else '-':18} [{case['trigger']}] {case['text'][:80]}")


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
