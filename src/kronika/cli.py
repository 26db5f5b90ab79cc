"""The kronika command line: parses arguments, calls the library, prints. Nothing else lives here.

Exit status: 0 done; 1 an error (no store, a file that cannot be read or written, an input that
failed); 2 a usage error (an unknown option, or a value that can never be valid, like a date not on
the calendar); 3 valid filters that select nothing (said on stderr, with why).
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import click

from kronika.errors import FilterError, InputError, KronikaError, NoMatch

if TYPE_CHECKING:
    from kronika.analyse.listing import Listing
    from kronika.output import TableView

DEFAULT_DB = "kronika.duckdb"
NO_MATCH = 3  # the exit status of filters that select nothing


def _warn_unfinished(ctx: click.Context, param: click.Parameter, db: str) -> str:
    """Every command that reads the store first says when it is not whole (an ingest interrupted or running)."""
    from kronika.store.run_state import store_warning

    if not ctx.resilient_parsing and (warning := store_warning(db)):
        click.echo(f"warning: {warning}", err=True)
    return db


def db_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--db", default=DEFAULT_DB, envvar="KRONIKA_DB", show_default=True,
                        callback=_warn_unfinished, help="The DuckDB store (or set KRONIKA_DB).")(f)


def writer_db_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--db", default=DEFAULT_DB, envvar="KRONIKA_DB", show_default=True,
                        help="The DuckDB store (or set KRONIKA_DB).")(f)


def format_option(*choices: str, default: str = "table") -> Callable[[Callable[..., Any]], Any]:
    return click.option("--format", "fmt", type=click.Choice(choices), default=default,
                        show_default=True, help="Output format.")


def event_filters(f: Callable[..., Any]) -> Callable[..., Any]:
    """The event filters, named as the web API names them, gathered into one ``query`` argument."""
    from dataclasses import fields

    from kronika.store.filters import EventQuery

    @functools.wraps(f)
    def with_query(**kwargs: Any) -> Any:
        query = EventQuery(**{q.name: kwargs.pop(q.name) for q in fields(EventQuery) if q.name in kwargs})
        return f(query=query, **kwargs)

    for option in reversed(_EVENT_FILTERS):
        with_query = option(with_query)
    return with_query


_EVENT_FILTERS = [
    click.option("--actor", help="An entity name/alias or a country code, on either side."),
    click.option("--dyad", help="Actor side and recipient side, e.g. SRB:RUS."),
    click.option("--event", help="A PLOVER category, e.g. SANCTION."),
    click.option("--since", help="Earliest event date (YYYY, YYYY-MM or YYYY-MM-DD)."),
    click.option("--until", help="Latest event date (YYYY, YYYY-MM or YYYY-MM-DD)."),
    click.option("--place", help="Where it happened, by the place's name, e.g. Belgrade."),
    click.option("--place-country", help="The country where it happened (a code), e.g. SRB."),
    click.option("--quad-code", type=int, help="Quad class: 1 verbal cooperation, 2 material cooperation, "
                 "3 verbal conflict, 4 material conflict."),
    click.option("--outlet", help="An outlet among its sources, e.g. 'Meridian Wire'."),
    click.option("--facts-only", is_flag=True, help="Leave out negated and hypothetical events."),
    click.option("--min-confidence", type=float, help="Leave out events coded with a confidence below this "
                 "(0 to 1; weak triggers and inferred actors lower it)."),
]


def table_options(f: Callable[..., Any]) -> Callable[..., Any]:
    f = click.option("--limit", type=click.IntRange(1), metavar="N", help="At most N rows.")(f)
    return click.option("--columns", metavar="A,B,...", help="The columns to show, comma-separated "
                        "(all columns: docs/codebook.md).")(f)


def chart_option(help_text: str) -> Callable[[Callable[..., Any]], Any]:
    """--chart FILE, checked before anything is computed."""

    def check(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
        from kronika.analyse.charts import check_chart_path

        try:
            return None if value is None else str(check_chart_path(value))
        except InputError as exc:
            raise click.BadParameter(str(exc), ctx, param) from None

    return click.option("--chart", metavar="FILE", callback=check, help=help_text)


class KronikaCommand(click.Command):
    """A filter value that can never be valid is a usage error (2); filters selecting nothing exit with 3."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except FilterError as exc:
            raise click.UsageError(str(exc), ctx) from exc
        except NoMatch as exc:
            click.echo(str(exc), err=True)
            ctx.exit(NO_MATCH)


class KronikaGroup(click.Group):
    """Turns every KronikaError into one clean message and exit status 1, and any other failure into
    one line too (its traceback with --debug)."""

    command_class = KronikaCommand

    def invoke(self, ctx: click.Context) -> Any:
        debug = "--debug" in [*ctx.protected_args, *ctx.args]
        try:
            return super().invoke(ctx)
        except KronikaError as exc:
            raise click.ClickException(str(exc)) from exc
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except BrokenPipeError:
            # `kronika events | head`: the reader has what it wanted; say nothing more.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(141)
        except Exception as exc:  # noqa: BLE001 - the last line between a bug and a user's terminal
            if debug:
                raise
            from kronika.errors import one_line

            raise click.ClickException(f"internal error ({one_line(exc)}); run again with --debug to see "
                                       "where") from exc


@click.group(cls=KronikaGroup, name="kronika")
@click.version_option(package_name="kronika")
def main() -> None:
    """kronika: a chronicle of political events from news articles (PLOVER)."""


@main.command()
@click.argument("paths", nargs=-1)
@writer_db_option
@click.option("--workers", type=click.IntRange(1), default=None,
              help="Worker processes (default: the machine's cores).")
@click.option("--batch-size", type=click.IntRange(1), default=32, show_default=True,
              help="Articles a worker parses and codes at a time.")
@click.option("--max-size", type=float, default=5.0, show_default=True, help="Largest input file, in MB.")
@click.option("--article-timeout", type=click.FloatRange(min=0), default=60.0, show_default=True,
              help="Seconds one article may take; over it, it is reported and skipped (0: no limit).")
@click.option("--actors", "actors_file", type=click.Path(dir_okay=False), default=None,
              help="Your own actor list (CSV or YAML) to add or override entities.")
@click.option("--force", is_flag=True, help="Process articles again even if already stored.")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True)
@click.option("--ray-address", default=None, help="Ray cluster address (auto or HOST:PORT).")
@click.option("--progress/--no-progress", default=None,
              help="Show progress on stderr (default: only when it is a terminal).")
@click.option("--debug", is_flag=True, help="Show the traceback of every unexpected failure.")
def ingest(paths: tuple[str, ...], db: str, workers: int | None, batch_size: int, max_size: float,
           article_timeout: float, actors_file: str | None, force: bool, engine: str, ray_address: str | None,
           progress: bool | None, debug: bool) -> None:
    """Read articles (files, folders, '-' for stdin) into the store and code their events.

    With no PATHS, finishes what an interrupted ingest left undone."""
    from kronika.progress import StoreTotals, progress_display, store_totals
    from kronika.runner import run_ingest

    if not paths and not _needs_finishing(db):
        raise click.UsageError("give the files or folders to read (PATHS), or - for standard input")
    before: list[StoreTotals] = []
    # The display closes before an interruption is said, so the word on what was kept is the last line.
    with _interruptible(db) as caught, progress_display(sys.stderr, show=progress) as report:
        summary = run_ingest(list(paths), db=db, workers=workers or os.cpu_count() or 1,
                             batch_size=batch_size, max_bytes=int(max_size * 1_000_000),
                             actors_file=actors_file, force=force, engine=engine, ray_address=ray_address,
                             stdin=sys.stdin, progress=report, article_timeout=article_timeout or None,
                             on_lock=lambda: before.append(store_totals(db)))
    if caught:
        sys.exit(caught[0])
    _report(summary, before[0] if before else StoreTotals(), db, debug)


@main.command()
@click.argument("paths", nargs=-1)
@writer_db_option
@click.option("--workers", type=click.IntRange(1), default=None,
              help="With PATHS: worker processes (default: the machine's cores).")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True)
@click.option("--ray-address", default=None, help="Ray cluster address (auto or HOST:PORT).")
@click.option("--progress/--no-progress", default=None,
              help="Show progress on stderr (default: only when it is a terminal).")
@click.option("--debug", is_flag=True, help="Show the traceback of every unexpected failure.")
def rebuild(paths: tuple[str, ...], db: str, workers: int | None, engine: str, ray_address: str | None,
            progress: bool | None, debug: bool) -> None:
    """Code the store again: needed after upgrading kronika, its lexicons or its knowledge base.

    ingest warns when the stored articles were coded by another kronika or other data. Give PATHS, the
    original inputs: they are coded again by this kronika, then the actor merge, recoding and
    corroboration are recomputed over every stored article. Without PATHS (when the inputs are gone)
    only those corpus-wide steps are recomputed, by this kronika's rules; the articles keep their old
    coding. No update needs a rebuild after it: whatever the batches, ingest leaves the store one
    ingest of everything would."""
    from kronika.progress import progress_display, store_totals
    from kronika.runner import run_rebuild

    before = store_totals(db)
    with _interruptible(db) as caught, progress_display(sys.stderr, show=progress) as report:
        summary = run_rebuild(list(paths), db=db, workers=workers or os.cpu_count() or 1, engine=engine,
                              ray_address=ray_address, progress=report)
    if caught:
        sys.exit(caught[0])
    if paths:
        _report(summary, before, db, debug, again=True)
        return
    after = store_totals(db)
    click.echo(f"recomputed the actors and events of {after.articles:,} articles ({summary.seconds:.1f}s)\n"
               f"{db} now holds {after.reports:,} reports, {after.events:,} events, {after.actors:,} actors")


@main.command()
@db_option
@format_option("table", "jsonl", "csv")
@table_options
def documents(db: str, fmt: str, columns: str | None, limit: int | None) -> None:
    """List the stored documents and their metadata."""
    from kronika.analyse.listing import DOCUMENT_COLUMNS, DOCUMENT_TABLE, document_listing

    listing = document_listing(db, limit=limit)
    _emit(listing, [d.to_json() for d in listing.rows], fmt, DOCUMENT_TABLE, columns, DOCUMENT_COLUMNS)


@main.command()
@click.argument("name", required=False)
@db_option
@format_option("table", "jsonl", "csv")
@table_options
@click.option("--by", type=click.Choice(["week", "month", "year"]), default="month", show_default=True,
              help="With NAME: period of its events-over-time.")
@chart_option("With NAME: chart its events over time to FILE.png, .svg or .html.")
def actors(name: str | None, db: str, fmt: str, columns: str | None, limit: int | None, by: str,
           chart: str | None) -> None:
    """List entities, or show one (any alias, any accents, or a country code) with its roles as a
    timeline, its counterparts and its events over time."""
    from kronika.analyse.counterparts import activity, profile_of, render_counterparts
    from kronika.analyse.listing import ACTOR_COLUMNS, ACTOR_TABLE, actor_listing
    from kronika.analyse.profiles import render_profile
    from kronika.output import write_jsonl
    from kronika.store import Store

    if name is None:
        listing = actor_listing(db, limit=limit)
        _emit(listing, [a.to_json() for a in listing.rows], fmt, ACTOR_TABLE, columns, ACTOR_COLUMNS)
        return
    store = Store(db, read_only=True)
    act = activity(store, name, by=by)
    profile = profile_of(store, act.actor)
    if fmt == "jsonl":
        write_jsonl([{**profile.to_json(), "activity": act.to_json()}], sys.stdout)
    else:
        click.echo(render_profile(profile) + "\n" + render_counterparts(act, width=_width()))
    if chart:
        from kronika.analyse.charts import activity_chart

        click.echo(f"chart written to {activity_chart(act, chart)}", err=True)


@main.command()
@db_option
@format_option("table", "plover", "jsonl", "csv", "parquet")
@event_filters
@click.option("--by-source", is_flag=True, help="One row per citation instead of per real-world event.")
@table_options
@click.option("-o", "--output", default="-", show_default=True,
              help="Where to write plover, jsonl, csv or parquet (- is standard output, not for parquet).")
@click.option("--explain", "explain_id", metavar="ID",
              help="Say why one event was coded as it is: the trigger entry and its source, rules, cues, sides.")
def events(db: str, fmt: str, query: Any, by_source: bool, columns: str | None, limit: int | None, output: str,
           explain_id: str | None) -> None:
    """List coded events: a table to read, or PLOVER records (--format plover; plus why, with jsonl), or the
    flat columns of `kronika export` (csv, parquet)."""
    from kronika.analyse.exporting import write_events
    from kronika.analyse.flat import FLAT_NAMES
    from kronika.analyse.listing import EVENT_COLUMNS, EVENT_TABLE, event_listing, event_table_row, explain_event
    from kronika.output import pick_columns

    if explain_id:
        click.echo(explain_event(db, explain_id))
        return
    listing = event_listing(db, query, by_source=by_source, limit=limit)
    if fmt == "table":
        rows = [event_table_row(r) for r in listing.rows]
        _table(rows, pick_columns(columns, EVENT_TABLE.columns, EVENT_COLUMNS), EVENT_TABLE)
    else:
        write_events(listing.rows, fmt, output, stdout=sys.stdout,
                     columns=pick_columns(columns, FLAT_NAMES, FLAT_NAMES) if columns else None)
    _say_limited(listing)


@main.command()
@db_option
@format_option("table", "jsonl", "csv")
@click.option("--speaker", help="An entity name/alias, or words of the speaker's name.")
@click.option("--since", help="Earliest date said (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--until", help="Latest date said (YYYY, YYYY-MM or YYYY-MM-DD).")
@table_options
def quotes(db: str, fmt: str, speaker: str | None, since: str | None, until: str | None, columns: str | None,
           limit: int | None) -> None:
    """List quotations: who said what, when, where (direct, or reported with direct=false)."""
    from kronika.analyse.listing import QUOTE_TABLE, quote_listing
    from kronika.store.filters import QuoteQuery
    from kronika.store.queries import QUOTE_FIELDS

    listing = quote_listing(db, QuoteQuery(speaker=speaker, since=since, until=until), limit=limit)
    _emit(listing, [q.to_json() for q in listing.rows], fmt, QUOTE_TABLE, columns, QUOTE_FIELDS)


@main.command()
@click.argument("a")
@click.argument("b")
@db_option
@format_option("table", "csv", "json")
@click.option("--by", type=click.Choice(["week", "month", "year"]), default="month", show_default=True,
              help="The period each row counts: a week (ISO), a month or a year.")
@chart_option("Also draw it to FILE.png, .svg or .html.")
def dyad(a: str, b: str, db: str, fmt: str, by: str, chart: str | None) -> None:
    """How two actors (country codes like SRB RUS, or names) treat each other per period, both ways.

    Negated and hypothetical events, and undated ones, are listed apart and not counted."""
    import json

    from kronika.analyse.dyad_report import DYAD_CSV_COLUMNS, dyad_csv_rows, render_dyad
    from kronika.analyse.dyads import dyad as build_dyad
    from kronika.output import write_csv
    from kronika.store import Store

    d = build_dyad(Store(db, read_only=True), a, b, by=by)
    if fmt == "json":
        click.echo(json.dumps(d.to_json(), ensure_ascii=False, indent=1))
    elif fmt == "csv":
        write_csv(dyad_csv_rows(d), sys.stdout, DYAD_CSV_COLUMNS)
    else:
        click.echo(render_dyad(d, width=_width()))
    if chart:
        from kronika.analyse.charts import dyad_chart

        click.echo(f"chart written to {dyad_chart(d, chart)}", err=True)


@main.command()
@db_option
@click.option("--by", type=click.Choice(["day", "week", "month", "year"]), default="month", show_default=True,
              help="The period each row counts: a day, a week (ISO), a month or a year.")
@click.option("--group", type=click.Choice(["country", "actor", "category", "quad", "dyad"]),
              help="Also count per actor code, actor, PLOVER category, quad class or directed code pair.")
@format_option("table", "csv", "json")
@event_filters
@chart_option("Also draw it to FILE.png, .svg or .html.")
def counts(db: str, by: str, group: str | None, fmt: str, query: Any, chart: str | None) -> None:
    """Events per period (every period from the first to the last, zero when none) and their mean PLOVER
    score; per group with --group. Events dated less precisely than the period are counted apart."""
    import json

    from kronika.analyse.counts import counts_for
    from kronika.output import write_csv

    c = counts_for(db, query, by=by, group=group)
    rows = c.table_rows()
    if fmt == "json":
        click.echo(json.dumps(c.to_json(), ensure_ascii=False, indent=1))
    elif fmt == "csv":
        write_csv(rows, sys.stdout, list(rows[0]) if rows else None)
    else:
        _table(rows, [k for k in (rows[0] if rows else {}) if k not in ("date_start", "date_end")], None)
    if c.not_placed:
        click.echo(f"{c.not_placed} of {c.matched} events are undated or dated less precisely than a {by}: "
                   "not counted", err=True)
    if chart:
        from kronika.analyse.charts import counts_chart

        click.echo(f"chart written to {counts_chart(c, chart)}", err=True)


@main.command()
@db_option
@format_option("table", "json", "graphml")
@event_filters
@table_options
def network(db: str, fmt: str, query: Any, columns: str | None, limit: int | None) -> None:
    """The actor network: actors as nodes, factual events as weighted directed edges (the table: the links,
    busiest first)."""
    import json

    from kronika.analyse.listing import Listing
    from kronika.analyse.network import NETWORK_TABLE, edge_rows, network_for, network_json, write_graphml

    net = network_for(db, query)
    if fmt == "graphml":
        write_graphml(net, sys.stdout)
    elif fmt == "json":
        click.echo(json.dumps(network_json(net), ensure_ascii=False, indent=1))
    else:
        rows = edge_rows(net)
        shown = rows[:limit] if limit else rows
        _emit(Listing("links", shown, len(rows)), shown, fmt, NETWORK_TABLE, columns,
              list(rows[0]) if rows else NETWORK_TABLE.columns)


@main.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["plover", "csv", "parquet", "cameo", "graphml"]),
              required=True, help="plover: PLOVER JSON Lines; csv, parquet: one flat row per event; cameo: "
              "CAMEO-style CSV; graphml: the actor network.")
@click.option("-o", "--output", required=True, help="Output file, or - for standard output (not parquet).")
@event_filters
def export(db: str, fmt: str, output: str, query: Any) -> None:
    """Export events (those matching the filters, else all) or the actor network; see docs/codebook.md."""
    from kronika.analyse.exporting import export_db

    n = export_db(db, fmt, output, query, stdout=sys.stdout)
    click.echo(f"{n} {'edges' if fmt == 'graphml' else 'events'} written to {output}", err=True)


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--lock-wait", type=click.FloatRange(0, 60), default=5.0, show_default=True,
              help="Seconds a request waits for a store an ingest is writing before answering 503.")
def serve(db: str, host: str, port: int, lock_wait: float) -> None:
    """Explore the store in a web browser (read-only; works offline; safe while an ingest runs)."""
    from kronika.serve import create_app, run

    app = create_app(db, lock_wait=lock_wait)  # fails here, before any banner, when the store is missing
    click.echo(f"kronika explorer on http://{host}:{port}/ (store {db}); Ctrl+C stops it", err=True)
    run(app, host=host, port=port)


def _needs_finishing(db: str) -> bool:
    from kronika.store.run_state import store_warning

    return bool(os.path.exists(db) and store_warning(db))


def _report(summary: Any, before: Any, db: str, debug: bool, *, again: bool = False) -> None:
    """The problems (one line each; with --debug, a traceback under the unexpected ones), then what this
    run added (``again``: coded again) and what the store now holds."""
    from kronika.progress import render_summary, store_totals

    if summary.version_warning:
        click.echo(f"warning: {summary.version_warning}", err=True)
    if summary.resumed:
        from kronika.store.run_state import STEPS

        click.echo(f"note: the last ingest was interrupted {STEPS[summary.resumed]}; this run finished it "
                   "first", err=True)
    for p in summary.problems:
        click.echo(f"{p.severity}: {p}", err=True)
        if debug and p.detail:
            click.echo(p.detail.rstrip("\n"), err=True)
    click.echo(render_summary(summary, before, store_totals(db), db, again=again))
    if summary.failed:
        sys.exit(1)


@contextmanager
def _interruptible(db: str) -> Iterator[list[int]]:
    """Ctrl-C and SIGTERM stop an ingest with a word on what was kept (not Python's traceback); the
    exit status (130, 143) is put in the yielded list."""
    import signal

    from kronika.errors import IngestInterrupted
    from kronika.store.run_state import STEPS

    got: list[int] = []

    def on_term(signum: int, frame: object) -> None:
        got.append(signum)
        raise KeyboardInterrupt

    import threading

    main_thread = threading.current_thread() is threading.main_thread()  # signals reach only that one
    previous = signal.signal(signal.SIGTERM, on_term) if main_thread else None
    caught: list[int] = []
    try:
        yield caught
    except IngestInterrupted as exc:
        how = "by SIGTERM" if got else "(Ctrl-C)"
        summary = exc.summary
        for p in getattr(summary, "problems", []):
            click.echo(f"{p.severity}: {p}", err=True)
        again = "kronika ingest" + ("" if db == DEFAULT_DB else f" --db {db}")
        click.echo(f"interrupted {how} {STEPS.get(exc.step, exc.step)}: the {exc.stored} new documents this run "
                   f"stored are kept; run {again} again to finish (stored articles are skipped)", err=True)
        caught.append(143 if got else 130)
    finally:
        if main_thread:
            signal.signal(signal.SIGTERM, previous)


@main.command(name="eval")
@click.argument("gold", type=click.Path(dir_okay=False))
@db_option
@click.option("--show-errors", is_flag=True, help="List missed reference events and unmatched predictions.")
def eval_(gold: str, db: str, show_errors: bool) -> None:
    """Score the stored events against a reference annotation (precision, recall, F1, traps, dates)."""
    from kronika.analyse.evaluate import render_report, score_store

    click.echo(render_report(score_store(db, gold), show_errors=show_errors))


def _emit(listing: Listing[Any], rows: list[dict[str, object]], fmt: str, view: TableView, columns: str | None,
          available: Sequence[str]) -> None:
    """A listing's rows (as JSON objects) as JSON Lines, CSV or a table."""
    from kronika.output import pick_columns, write_csv, write_jsonl

    if fmt == "jsonl":
        write_jsonl(rows, sys.stdout)
    elif fmt == "csv":
        write_csv(rows, sys.stdout, pick_columns(columns, available, available))
    else:
        _table(rows, pick_columns(columns, view.columns, available), view)
    _say_limited(listing)


def _table(rows: list[dict[str, object]], columns: Sequence[str], view: TableView | None) -> None:
    from kronika.output import render_table

    click.echo(render_table(rows, columns, width=_width(), fill=view.fill if view else None), nl=False)


def _say_limited(listing: Listing[Any]) -> None:
    if len(listing.rows) < listing.total:
        click.echo(f"{len(listing.rows)} of {listing.total} {listing.what} shown (--limit)", err=True)


def _width() -> int:
    """The terminal's width (or the one CliRunner is given); a fixed width on a pipe."""
    from kronika.output import terminal_width

    ctx = click.get_current_context(silent=True)
    return (ctx.terminal_width if ctx and ctx.terminal_width else None) or terminal_width(sys.stdout)


if __name__ == "__main__":
    main()
