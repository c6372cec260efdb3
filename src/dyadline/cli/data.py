"""Commands over the data and the normalisers: timex, actors, places, ontology, lexicon."""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from dyadline.cli.base import edge, main, settings_from
from dyadline.errors import UsageError

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
        raise UsageError("E904", f"--on {value!r} is not a date: write YYYY-MM-DD") from None


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
