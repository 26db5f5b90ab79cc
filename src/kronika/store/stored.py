"""What is read back from the store, as frozen records: events, their places and reports, quotations,
documents, corpus entities.

Rows become records here and nowhere else (``from_row``), and an event becomes the PLOVER JSON record
here and nowhere else (:meth:`StoredEvent.to_plover`). Analysis, the web explorer and the exports take
these records, not rows. The JSON a record came from is written back exactly as it was stored: the
same keys, in the same order (what the merge added, such as an actor's ``entity_id``, included).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any, TypeVar

from kronika.plover import CODER
from kronika.records import ActorRef, Explanation

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

Row = Mapping[str, Any]  # a row as the store returns it, column name → value


T = TypeVar("T", bound="DataclassInstance")


def from_row(cls: type[T], row: Row) -> T:
    """A flat record from the row's columns of the same names (a field with a default may have none)."""
    return cls(**{f.name: row[f.name] for f in fields(cls) if f.name in row})


def from_rows(cls: type[T], rows: Sequence[Row]) -> list[T]:
    return [from_row(cls, r) for r in rows]


def record_json(record: DataclassInstance) -> dict[str, object]:
    """A flat record's fields, in their order, as a JSON object (the order is the output's)."""
    return {f.name: getattr(record, f.name) for f in fields(record)}


def side_from_json(entry: Mapping[str, Any]) -> ActorRef:
    """One actor of an event's side as the store holds it: ``entity_key`` (the document's) until the
    merge, ``entity_id`` (the corpus entity) after it."""
    return ActorRef(code=entry.get("code"), sector=entry.get("sector"), entity_text=entry.get("entity_text", ""),
                    identifier_text=entry.get("identifier_text"), entity_key=entry.get("entity_key"),
                    inferred=entry.get("inferred"), entity_id=entry.get("entity_id"))


@dataclass(frozen=True, slots=True)
class EventPlace:
    """Where an event happened: a place named in its sentence, else the article's dateline."""

    name: str | None
    country: str | None  # its country code
    lat: float | None
    lon: float | None
    source: str | None  # "sentence" or "dateline"

    @classmethod
    def from_json(cls, text: str) -> EventPlace:
        d = json.loads(text)
        return cls(d.get("name"), d.get("country"), d.get("lat"), d.get("lon"), d.get("source"))

    def to_json(self) -> dict[str, object]:
        return record_json(self)


@dataclass(frozen=True, slots=True)
class EventSource:
    """One report of a real-world event: the article and sentence it was read in."""

    doc_id: str
    source_file: str
    outlet: str | None
    sentence: int
    char_start: int | None  # where the sentence stands in the article's original text
    char_end: int | None
    published: str | None
    url: str | None
    text: str | None  # the sentence
    caption: bool  # read in a photo caption

    def to_json(self) -> dict[str, object]:
        return record_json(self)


@dataclass(frozen=True, slots=True)
class StoredEvent:
    """An event read back: a real-world event (its first report, with the date and place its most
    precise report gives), or one report of it when read per source."""

    id: str
    doc_id: str
    sentence: int
    event: str  # the PLOVER category
    mode: tuple[str, ...]
    context: tuple[str, ...]
    aux: tuple[str, ...]
    actor: tuple[ActorRef, ...]
    recipient: tuple[ActorRef, ...]
    actor_codes: tuple[str, ...]  # each side's codes, sorted, each once (what filters match)
    recipient_codes: tuple[str, ...]
    date: str | None
    date_precision: str | None
    event_loc: EventPlace | None
    event_scale: float | None
    quad_code: int | None
    cameo_root: str | None
    confidence: float | None
    text: str | None  # the sentence
    event_text: str | None  # the trigger words
    reported_by: str | None
    char_start: int | None  # the sentence's offsets in the article's original text
    char_end: int | None
    caption: bool  # read in a photo caption
    source_file: str  # the article of this report
    outlet: str | None
    published: str | None
    url: str | None
    # Every report of the real-world event, the first first; None when they were not read (then this
    # report is the only one the record names).
    sources: tuple[EventSource, ...] | None
    explain: Explanation | None  # why it was coded so (None in stores made before kronika kept it)

    @classmethod
    def from_row(cls, row: Row) -> StoredEvent:
        """An ``events`` row joined with its document (and its group's ``sources``, when read)."""
        sources = row.get("sources")
        return cls(
            id=row["id"], doc_id=row["doc_id"], sentence=row["sentence"], event=row["event"],
            mode=tuple(row["mode"] or ()), context=tuple(row["context"] or ()), aux=tuple(row["aux"] or ()),
            actor=_sides(row["actor"]), recipient=_sides(row["recipient"]),
            actor_codes=tuple(row["actor_codes"] or ()), recipient_codes=tuple(row["recipient_codes"] or ()),
            date=row["date"], date_precision=row.get("date_precision"),
            event_loc=EventPlace.from_json(row["event_loc"]) if row.get("event_loc") else None,
            event_scale=row["event_scale"], quad_code=row["quad_code"], cameo_root=row["cameo_root"],
            confidence=row["confidence"], text=row["text"], event_text=row["event_text"],
            reported_by=row.get("reported_by"), char_start=row["char_start"], char_end=row["char_end"],
            caption=bool(row.get("caption")), source_file=row["source_file"], outlet=row.get("outlet"),
            published=row.get("published"), url=row.get("url"),
            sources=tuple(EventSource(**s) for s in json.loads(sources)) if sources else None,
            explain=_explanation(row["explain"]) if row.get("explain") else None)

    @property
    def n_sources(self) -> int:
        return len(self.sources) if self.sources is not None else 1

    def cite_info(self) -> dict[str, object]:
        """Where this report was read, as the PLOVER record's ``cite_info``."""
        cite: dict[str, object] = {
            "source_file": self.source_file, "doc_id": self.doc_id, "url": self.url, "outlet": self.outlet,
            "published": self.published, "sentence": self.sentence, "char_start": self.char_start,
            "char_end": self.char_end}
        if self.caption:
            cite["caption"] = True  # read in a photo caption, not in the body
        return cite

    def source_list(self) -> list[dict[str, object]]:
        """Every report, as the PLOVER record's ``sources`` (this one's ``cite_info`` when not read)."""
        return [s.to_json() for s in self.sources] if self.sources is not None else [self.cite_info()]

    def to_plover(self) -> dict[str, object]:
        """The PLOVER JSON record kronika emits (docs/codebook.md, "The PLOVER record")."""
        sources = self.source_list()
        return {
            "id": self.id, "date": self.date, "event": self.event, "mode": list(self.mode),
            "context": list(self.context), "aux": list(self.aux),
            "actor": [a.to_plover() for a in self.actor], "recipient": [a.to_plover() for a in self.recipient],
            "event_loc": self.event_loc.to_json() if self.event_loc else None,
            "event_scale": self.event_scale, "quad_code": self.quad_code, "cameo_root": self.cameo_root,
            "confidence": self.confidence, "text": self.text, "event_text": self.event_text,
            "reported_by": self.reported_by, "cite_info": self.cite_info(), "sources": sources,
            "n_sources": len(sources),
            "coder": CODER,
        }

    def to_explained(self) -> dict[str, object]:
        """The PLOVER record with kronika's ``explain`` field: why the event was coded as it is."""
        return {**self.to_plover(), "explain": self.explain.to_json() if self.explain else None}


def _sides(text: str | None) -> tuple[ActorRef, ...]:
    return tuple(side_from_json(a) for a in json.loads(text or "[]"))


def _explanation(text: str) -> Explanation:
    d = json.loads(text)
    return Explanation(trigger=d.get("trigger"), source=d.get("source"), cameo=d.get("cameo"), rule=d.get("rule"),
                       cues=tuple(d.get("cues") or ()), actor=d.get("actor"), recipient=d.get("recipient"))


@dataclass(frozen=True, slots=True)
class StoredQuote:
    """A quotation read back, with the article it was read in. The fields' order is the listing's."""

    id: str
    date: str | None
    speaker: str | None
    channel: str | None
    direct: bool
    text: str
    speaker_text: str | None
    speaker_key: str | None
    date_precision: str | None
    claim_id: str | None
    doc_id: str
    sentence: int
    char_start: int | None
    char_end: int | None
    caption: bool | None
    source_file: str
    outlet: str | None
    published: str | None
    url: str | None


    def to_json(self) -> dict[str, object]:
        return record_json(self)


@dataclass(frozen=True, slots=True)
class StoredDocument:
    """A document's metadata. The fields' order is the listing's."""

    doc_id: str
    source_file: str
    title: str | None
    published: str | None
    date_precision: str | None
    outlet: str | None
    author: str | None
    url: str | None
    dateline: str | None
    n_sentences: int | None


    def to_json(self) -> dict[str, object]:
        return record_json(self)


@dataclass(frozen=True, slots=True)
class DocumentText:
    """A document's metadata and original text (the one citation offsets point into)."""

    doc_id: str
    source_file: str
    title: str | None
    published: str | None
    date_precision: str | None
    outlet: str | None
    author: str | None
    url: str | None
    dateline: str | None
    raw_text: str | None


    def metadata(self) -> dict[str, object]:
        """Everything but the text, as a JSON object."""
        return {k: v for k, v in record_json(self).items() if k != "raw_text"}


@dataclass(frozen=True, slots=True)
class EntityRole:
    """A role an entity held (a title, in a sector, of a country), and when the articles place it."""

    title: str
    sector: str | None
    country: str | None
    first_seen: str | None  # the earliest and latest article dates it is mentioned in
    last_seen: str | None
    since: str | None  # when the articles say it began and ended
    until: str | None
    former: bool | None


    def to_json(self) -> dict[str, object]:
        return record_json(self)


@dataclass(frozen=True, slots=True)
class StoredEntity:
    """A corpus-wide entity (person, organisation, place) with its roles as a timeline."""

    entity_id: str | None  # None for a country no entity stands for (known only by its code)
    name: str
    type: str | None
    country: str | None
    sector: str | None
    aliases: tuple[str, ...]
    mentions: int
    documents: int
    source: str | None  # how it was found (a user's list, the knowledge base, the text)
    roles: tuple[EntityRole, ...]

    @classmethod
    def from_row(cls, row: Row, roles: Sequence[EntityRole] = ()) -> StoredEntity:
        return cls(row["entity_id"], row["name"], row["type"], row["country"], row["sector"],
                   tuple(row["aliases"] or ()), row["mentions"], row["documents"], row["source"], tuple(roles))

    def to_json(self) -> dict[str, object]:
        return {**record_json(self), "aliases": list(self.aliases), "roles": [r.to_json() for r in self.roles]}


@dataclass(frozen=True, slots=True)
class SideEntity:
    """A corpus entity on one side of an event (through the document's key the merge resolved)."""

    entity_id: str
    name: str
    type: str | None
    country: str | None
    sector: str | None

