"""The kronika command line: parses arguments, calls the library, prints. Nothing else lives here."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import click

from kronika.errors import KronikaError

DEFAULT_DB = "kronika.duckdb"


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


class KronikaGroup(click.Group):
    """Turns every KronikaError into one clean message and exit status 1, and any other failure into
    one line too (its traceback with --debug)."""

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


@click.group(cls=KronikaGroup)
@click.version_option(package_name="kronika")
def main() -> None:
    """kronika: a chronicle of political events from news articles (PLOVER)."""


@main.command()
@click.argument("paths", nargs=-1)
@writer_db_option
@click.option("--workers", type=click.IntRange(1), default=None,
              help="Worker processes (default: the machine's cores).")
@click.option("--batch-size", type=click.IntRange(1), default=32, show_default=True)
@click.option("--max-size", type=float, default=5.0, show_default=True, help="Largest input file, in MB.")
@click.option("--article-timeout", type=click.FloatRange(min=0), default=60.0, show_default=True,
              help="Seconds one article may take; over it, it is reported and skipped (0: no limit).")
@click.option("--actors", "actors_file", type=click.Path(dir_okay=False), default=None,
              help="Your own actor list (CSV or YAML) to add or override entities.")
@click.option("--force", is_flag=True, help="Process articles again even if already stored.")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True)
@click.option("--ray-address", default=None, help="Ray cluster address (auto or HOST:PORT).")
@click.option("--debug", is_flag=True, help="Show the traceback of every unexpected failure.")
def ingest(paths: tuple[str, ...], db: str, workers: int | None, batch_size: int, max_size: float,
           article_timeout: float, actors_file: str | None, force: bool, engine: str, ray_address: str | None,
           debug: bool) -> None:
    """Read articles (files, folders, '-' for stdin) into the store and code their events.

    With no PATHS, finishes what an interrupted ingest left undone."""
    from kronika.runner import run_ingest

    if not paths and not _needs_finishing(db):
        raise click.UsageError("give the files or folders to read (PATHS), or - for standard input")
    with _progress() as progress, _interruptible(db) as caught:
        summary = run_ingest(list(paths), db=db, workers=workers or os.cpu_count() or 1,
                             batch_size=batch_size, max_bytes=int(max_size * 1_000_000),
                             actors_file=actors_file, force=force, engine=engine, ray_address=ray_address,
                             stdin=sys.stdin, progress=progress, article_timeout=article_timeout or None)
    if caught:
        sys.exit(caught[0])
    _report(summary, debug)


@main.command()
@db_option
@format_option("table", "jsonl", "csv")
def documents(db: str, fmt: str) -> None:
    """List the stored documents and their metadata."""
    from kronika.store import Store
    from kronika.store.queries import DOCUMENT_FIELDS
    from kronika.store.queries import documents as list_documents

    rows = list_documents(Store(db, read_only=True))
    _emit(rows, fmt, ["source_file", "title", "published", "outlet", "author", "dateline", "n_sentences"],
          full=["doc_id", *DOCUMENT_FIELDS])


@main.command()
@click.argument("name", required=False)
@db_option
@format_option("table", "jsonl")
@click.option("--by", type=click.Choice(["week", "month", "year"]), default="month", show_default=True,
              help="With NAME: period of its events-over-time.")
@click.option("--chart", type=click.Path(dir_okay=False), help="With NAME: chart its events over time "
              "to FILE.png, .svg or .html.")
def actors(name: str | None, db: str, fmt: str, by: str, chart: str | None) -> None:
    """List entities, or show one (any alias, any accents, or a country code) with its roles as a
    timeline, its counterparts and its events over time."""
    from kronika.analyse.counterparts import activity, profile_of, render_counterparts
    from kronika.analyse.profiles import actor_rows, render_profile
    from kronika.output import write_jsonl
    from kronika.store import Store

    if name is None:
        _emit(actor_rows(db), fmt, ["name", "type", "country", "sector", "aliases", "mentions", "documents"])
        return
    store = Store(db, read_only=True)
    act = activity(store, name, by=by)
    profile = profile_of(store, act.actor)
    if fmt == "jsonl":
        write_jsonl([{**profile, "activity": act.to_json()}], sys.stdout)
    else:
        click.echo(render_profile(profile) + "\n" + render_counterparts(act))
    if chart:
        from kronika.analyse.charts import activity_chart

        click.echo(f"chart written to {activity_chart(act, chart)}", err=True)


@main.command()
@db_option
@format_option("table", "plover", "csv", "jsonl")
@click.option("--actor", help="An entity name/alias or a country code, on either side.")
@click.option("--dyad", help="Actor side and recipient side, e.g. SRB:RUS.")
@click.option("--event", "category", help="A PLOVER category, e.g. SANCTION.")
@click.option("--since", help="Earliest event date (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--until", help="Latest event date.")
@click.option("--min-confidence", type=float, default=None)
@click.option("--by-source", is_flag=True, help="One row per citation instead of per real-world event.")
def events(db: str, fmt: str, actor: str | None, dyad: str | None, category: str | None,
           since: str | None, until: str | None, min_confidence: float | None, by_source: bool) -> None:
    """List coded events (one PLOVER record a line with --format plover)."""
    from kronika.analyse.listing import event_rows, for_display

    rows = event_rows(db, actor=actor, dyad=dyad, event=category, since=since, until=until,
                      min_confidence=min_confidence, by_source=by_source)
    if fmt in ("table", "csv"):
        rows = [for_display(r) for r in rows]
    _emit(rows, "jsonl" if fmt == "plover" else fmt,
          ["date", "event", "actor_text", "recipient_text", "aux", "source_file", "n_sources", "text"])


@main.command()
@db_option
@format_option("table", "jsonl", "csv")
@click.option("--speaker", help="An entity name/alias, or words of the speaker's name.")
@click.option("--since", help="Earliest date said (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--until", help="Latest date said.")
def quotes(db: str, fmt: str, speaker: str | None, since: str | None, until: str | None) -> None:
    """List quotations: who said what, when, where (direct, or reported with direct=false)."""
    from kronika.analyse.listing import quote_rows
    from kronika.store.queries import QUOTE_FIELDS

    rows = quote_rows(db, speaker=speaker, since=since, until=until)
    _emit(rows, fmt, ["date", "speaker", "channel", "direct", "text", "source_file"], full=list(QUOTE_FIELDS))


@main.command()
@click.argument("a")
@click.argument("b")
@db_option
@format_option("table", "csv", "json")
@click.option("--by", type=click.Choice(["week", "month", "year"]), default="month", show_default=True)
@click.option("--chart", type=click.Path(dir_okay=False), help="Also draw it to FILE.png, .svg or .html.")
def dyad(a: str, b: str, db: str, fmt: str, by: str, chart: str | None) -> None:
    """How two actors (country codes like SRB RUS, or names) treat each other per period, both ways.

    Negated and hypothetical events, and undated ones, are listed apart and not counted."""
    import json

    from kronika.analyse.dyad_report import dyad_csv_rows, render_dyad
    from kronika.analyse.dyads import dyad as build_dyad
    from kronika.output import write_csv
    from kronika.store import Store

    d = build_dyad(Store(db, read_only=True), a, b, by=by)
    if fmt == "json":
        click.echo(json.dumps(d.to_json(), ensure_ascii=False, indent=1))
    elif fmt == "csv":
        write_csv(dyad_csv_rows(d), sys.stdout, ["period", "direction", "event", "quad_code", "count",
                                                 "mean_score", "event_ids"])
    else:
        click.echo(render_dyad(d))
    if chart:
        from kronika.analyse.charts import dyad_chart

        click.echo(f"chart written to {dyad_chart(d, chart)}", err=True)


@main.command()
@db_option
@format_option("json", "graphml", default="json")
@click.option("--since", help="Earliest event date (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--until", help="Latest event date.")
def network(db: str, fmt: str, since: str | None, until: str | None) -> None:
    """The actor network: actors as nodes, factual events as weighted directed edges."""
    import json

    from kronika.analyse.network import build_network, network_json, write_graphml
    from kronika.store import Store

    net = build_network(Store(db, read_only=True), since=since, until=until)
    if fmt == "graphml":
        write_graphml(net, sys.stdout)
    else:
        click.echo(json.dumps(network_json(net), ensure_ascii=False, indent=1))


@main.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["plover", "csv", "parquet", "graphml"]), required=True,
              help="plover: JSON Lines; graphml: the actor network.")
@click.option("-o", "--output", required=True, help="Output file, or - for standard output (not parquet).")
def export(db: str, fmt: str, output: str) -> None:
    """Export every event (PLOVER JSON Lines, CSV, Parquet) or the actor network (GraphML)."""
    from kronika.analyse.exporting import export_store
    from kronika.store import Store

    n = export_store(Store(db, read_only=True), fmt, output, stdout=sys.stdout)
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


def _report(summary: Any, debug: bool) -> None:
    """The problems (one line each; with --debug, a traceback under the unexpected ones) and the counts."""
    if summary.resumed:
        from kronika.store.run_state import STEPS

        click.echo(f"note: the last ingest was interrupted {STEPS[summary.resumed]}; this run finished it "
                   "first", err=True)
    for p in summary.problems:
        click.echo(f"{p.severity}: {p}", err=True)
        if debug and p.detail:
            click.echo(p.detail.rstrip("\n"), err=True)
    click.echo(f"documents: {summary.new} new, {summary.skipped} skipped, {summary.failed} failed; "
               f"{summary.sentences} sentences, {summary.events} events, {summary.entities} entities "
               f"in the store; {summary.seconds:.1f}s")
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


@contextmanager
def _progress() -> Iterator[Callable[[int, int], None] | None]:
    """A rich progress bar on a terminal; nothing when output goes to a file or a pipe."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                  transient=True) as bar:
        task = bar.add_task("ingesting", total=None)

        def update(seen: int, written: int) -> None:
            bar.update(task, description=f"read {seen} articles, stored {written}")

        yield update


@main.command(name="eval")
@click.argument("gold", type=click.Path(dir_okay=False))
@db_option
@click.option("--show-errors", is_flag=True, help="List missed reference events and unmatched predictions.")
def eval_(gold: str, db: str, show_errors: bool) -> None:
    """Score the stored events against a reference annotation (precision, recall, F1, traps, dates)."""
    from kronika.analyse.evaluate import render_report, score_store

    click.echo(render_report(score_store(db, gold), show_errors=show_errors))


def _emit(rows: list[dict[str, Any]], fmt: str, table_cols: list[str], full: list[str] | None = None) -> None:
    from kronika.output import render_table, write_csv, write_jsonl

    if fmt == "jsonl":
        write_jsonl(rows, sys.stdout)
    elif fmt == "csv":
        write_csv(rows, sys.stdout, full)
    else:
        click.echo(render_table(rows, table_cols))


if __name__ == "__main__":
    main()
