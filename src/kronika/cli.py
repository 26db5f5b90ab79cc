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


def db_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--db", default=DEFAULT_DB, envvar="KRONIKA_DB", show_default=True,
                        help="The DuckDB store (or set KRONIKA_DB).")(f)


def format_option(*choices: str, default: str = "table") -> Callable[[Callable[..., Any]], Any]:
    return click.option("--format", "fmt", type=click.Choice(choices), default=default,
                        show_default=True, help="Output format.")


class KronikaGroup(click.Group):
    """Turns every KronikaError into one clean message and exit status 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KronikaError as exc:
            raise click.ClickException(str(exc)) from exc


@click.group(cls=KronikaGroup)
@click.version_option(package_name="kronika")
def main() -> None:
    """kronika: a chronicle of political events from news articles (PLOVER)."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--workers", type=click.IntRange(1), default=None,
              help="Worker processes (default: the machine's cores).")
@click.option("--batch-size", type=click.IntRange(1), default=32, show_default=True)
@click.option("--max-size", type=float, default=5.0, show_default=True, help="Largest input file, in MB.")
@click.option("--actors", "actors_file", type=click.Path(dir_okay=False), default=None,
              help="Your own actor list (CSV or YAML) to add or override entities.")
@click.option("--force", is_flag=True, help="Process articles again even if already stored.")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True)
@click.option("--ray-address", default=None, help="Ray cluster address (auto or HOST:PORT).")
def ingest(paths: tuple[str, ...], db: str, workers: int | None, batch_size: int, max_size: float,
           actors_file: str | None, force: bool, engine: str, ray_address: str | None) -> None:
    """Read articles (files, folders, '-' for stdin) into the store and code their events."""
    from kronika.runner import run_ingest

    with _progress() as progress:
        summary = run_ingest(list(paths), db=db, workers=workers or os.cpu_count() or 1,
                             batch_size=batch_size, max_bytes=int(max_size * 1_000_000),
                             actors_file=actors_file, force=force, engine=engine,
                             ray_address=ray_address, stdin=sys.stdin, progress=progress)
    for p in summary.problems:
        click.echo(f"{p.severity}: {p}", err=True)
    click.echo(f"documents: {summary.new} new, {summary.skipped} skipped, {summary.failed} failed; "
               f"{summary.sentences} sentences, {summary.events} events, {summary.entities} entities "
               f"in the store; {summary.seconds:.1f}s")
    if summary.failed:
        sys.exit(1)


@main.command()
@db_option
@format_option("table", "jsonl", "csv")
def documents(db: str, fmt: str) -> None:
    """List the stored documents and their metadata."""
    from kronika.store import Store
    from kronika.store.queries import DOCUMENT_FIELDS, documents as list_documents

    rows = list_documents(Store(db, read_only=True))
    _emit(rows, fmt, ["source_file", "title", "published", "outlet", "author", "dateline", "n_sentences"],
          full=["doc_id", *DOCUMENT_FIELDS])


@main.command()
@click.argument("name", required=False)
@db_option
@format_option("table", "jsonl")
def actors(name: str | None, db: str, fmt: str) -> None:
    """List entities, or show one (any alias, any accents) with its roles as a timeline."""
    from kronika.analyse.profiles import actor_profile, actor_rows

    if name is None:
        _emit(actor_rows(db), fmt, ["name", "type", "country", "sector", "aliases", "mentions", "documents"])
        return
    profile = actor_profile(db, name)
    if fmt == "jsonl":
        from kronika.output import write_jsonl

        write_jsonl([profile], sys.stdout)
    else:
        from kronika.analyse.profiles import render_profile

        click.echo(render_profile(profile))


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
    from kronika.analyse.listing import event_rows

    rows = event_rows(db, actor=actor, dyad=dyad, event=category, since=since, until=until,
                      min_confidence=min_confidence, by_source=by_source)
    _emit(rows, "jsonl" if fmt == "plover" else fmt,
          ["date", "event", "actor_text", "recipient_text", "aux", "source_file", "text"])


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
