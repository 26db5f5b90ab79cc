"""Which kronika and which data coded a store's articles, kept in its ``meta`` table.

An update codes only the new articles. After an upgrade of kronika, its lexicons or its knowledge
base, the articles stored before were coded by the old ones: the store says so (``kronika ingest``
warns), and ``kronika rebuild PATHS`` codes the original inputs again and recomputes every
corpus-wide step.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from functools import lru_cache
from importlib import metadata, resources

from kronika.store.db import Store

# The packages whose data/ folders decide how an article is coded (lexicons, gazetteers, knowledge base,
# the outlets whose names and date lines the readers know, the language's word lists).
_DATA_PACKAGES = ("kronika.actors", "kronika.events", "kronika.ingest", "kronika.lang.en", "kronika.quotes")


def coder_version() -> str:
    try:
        return metadata.version("kronika")
    except metadata.PackageNotFoundError:  # running from a source tree that was never installed
        return "unknown"


@lru_cache(maxsize=1)
def data_version() -> str:
    """A short hash of every data file the coding stages read."""
    digest = hashlib.sha1()
    for package in _DATA_PACKAGES:
        for path in sorted(_files(resources.files(package).joinpath("data")), key=lambda p: p[0]):
            digest.update(path[0].encode())
            digest.update(path[1].read_bytes())
    return digest.hexdigest()[:12]


def _files(folder: resources.abc.Traversable, prefix: str = "") -> list[tuple[str, resources.abc.Traversable]]:
    out = []
    for item in folder.iterdir():
        name = f"{prefix}{item.name}"
        if item.is_dir():
            out.extend(_files(item, name + "/"))
        elif not item.name.endswith((".pyc", ".py")):
            out.append((name, item))
    return out


def record(store: Store) -> None:
    """Say that this kronika and its data coded the store's articles."""
    store.write_tables({"meta": [{"key": "coder", "value": coder_version()},
                                 {"key": "data", "value": data_version()}]})


def recoded(store: Store, since: datetime, stale: str | None) -> str | None:
    """After ``kronika rebuild PATHS`` (begun at ``since``, UTC): the store is marked as coded by this
    kronika only if every stored article was coded again; else what to tell the user (``stale`` is
    what ingest warned before the run, None when the store's coder was already this one)."""
    if stale is None:
        return None
    left = int(store.scalar("SELECT count(*) FROM documents WHERE ingested_at < ?", [since]))
    if left:
        # Marking the store now would silence the warning while these keep the old coding.
        return (f"{left:,} stored article{'s were' if left != 1 else ' was'} not among PATHS and keep"
                f"{'' if left != 1 else 's'} the earlier coding (give `kronika rebuild` every original input)")
    record(store)
    return None


def check(store: Store) -> str | None:
    """What ``ingest`` warns about before adding articles coded otherwise than the stored ones (None
    when they agree); a new store is marked as coded by this kronika."""
    stored = {r["key"]: r["value"] for r in store.query("SELECT key, value FROM meta WHERE key IN ('coder', 'data')")}
    if not store.scalar("SELECT count(*) FROM documents"):
        if stored != {"coder": coder_version(), "data": data_version()}:
            record(store)
        return None
    now = f"kronika {coder_version()}, data {data_version()}"
    if not stored:
        was = "an earlier kronika that did not record its version"
    elif stored == {"coder": coder_version(), "data": data_version()}:
        return None
    else:
        was = f"kronika {stored.get('coder', '?')}, data {stored.get('data', '?')}"
    return (f"the stored articles were coded by {was}; this is {now}: articles added now are coded "
            "differently (run `kronika rebuild PATHS` with the original inputs to code them all again)")
