"""The flat event row: one column set for `events --format csv|parquet` and `export --format csv|parquet`.

Made from the PLOVER record alone, so a flat row says exactly what the nested record says: dates as
text and as typed first and last days with their precision, each side's codes, countries, sectors and
names as lists, the place as four columns. Lists stay lists in Parquet and are JSON text in CSV.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from kronika.columns import Column
from kronika.plover import CODER, INTERNATIONAL_CODES, is_fact
from kronika.store.checks import first_day, last_day
from kronika.store.stored import StoredEvent

_PRECISION = {10: "day", 7: "month", 4: "year"}  # by the length of YYYY-MM-DD, YYYY-MM, YYYY


def _side(side: str) -> list[Column]:
    who = "actor (who acts)" if side == "actor" else "recipient (who is acted on)"
    return [
        Column(f"{side}_codes", "list", f"PLOVER codes of the {who} side, each once, in the record's order: "
               "ISO 3166 alpha-3, or KOS, EUR, UNO, IGO, NGO, MNC, ISM, IMG"),
        Column(f"{side}_countries", "list", f"the {side} side's codes that are states (every code but "
               "EUR, UNO, IGO, NGO, MNC, ISM and IMG; KOS is Kosovo)"),
        Column(f"{side}_sectors", "list", f"PLOVER sectors of the {side} side (GOV, MIL, COP, JUD, ...), each once"),
        Column(f"{side}_names", "list", f"the {side} side's names as the article gives them (its "
               "`identifier_text`, else `entity_text`); empty for a side PLOVER's conventions inferred"),
    ]


FLAT_COLUMNS: tuple[Column, ...] = (
    Column("id", "string", "the event's id: its first report's, derived from document, sentence, trigger and "
           "category, so re-runs never change it"),
    Column("date", "string", "the date as coded: YYYY-MM-DD, YYYY-MM or YYYY; empty when unknown"),
    Column("date_start", "date", "the first day `date` covers (2024-03 → 2024-03-01); empty when unknown"),
    Column("date_end", "date", "the last day `date` covers (2024-03 → 2024-03-31); empty when unknown"),
    Column("date_precision", "string", "day, month or year, from the shape of `date`; empty when unknown"),
    Column("event", "string", "the PLOVER category (AGREE ... ASSAULT)"),
    Column("mode", "list", "PLOVER modes of the category (visit, arrest, ...)"),
    Column("context", "list", "PLOVER contexts (military, economic, ...)"),
    Column("aux", "list", "auxiliary modes: negation, hypothetical, future, historical"),
    Column("is_fact", "boolean", "true unless `aux` holds negation or hypothetical: what the analysis "
           "commands count"),
    Column("quad_code", "integer", "quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, "
           "4 material conflict"),
    Column("event_scale", "float", "the PLOVER cooperation-conflict score of the category and mode, -10 to +10"),
    Column("cameo_root", "string", "the CAMEO root code (two digits, 01-20) PLOVER's crosswalk gives the category"),
    Column("confidence", "float", "0 to 1; lower for weak triggers, inferred actors and implicit recipients"),
    *_side("actor"),
    *_side("recipient"),
    Column("loc_name", "string", "where it happened (`event_loc.name`): a place named in the sentence, else "
           "the dateline; empty when unknown"),
    Column("loc_country", "string", "the place's country code (`event_loc.country`)"),
    Column("loc_lat", "float", "the place's latitude (`event_loc.lat`, WGS 84)"),
    Column("loc_lon", "float", "the place's longitude (`event_loc.lon`, WGS 84)"),
    Column("text", "string", "the sentence the event was read in"),
    Column("event_text", "string", "the trigger words in the sentence"),
    Column("reported_by", "string", "the speaker when the event is told in a quotation or reported speech"),
    Column("doc_id", "string", "the document of the first report (`cite_info.doc_id`)"),
    Column("source_file", "string", "that document's file"),
    Column("outlet", "string", "that document's outlet"),
    Column("published", "string", "that document's publication date (YYYY-MM-DD, YYYY-MM or YYYY)"),
    Column("url", "string", "that document's URL"),
    Column("sentence", "integer", "the sentence's number in the document, from 0"),
    Column("char_start", "integer", "where the sentence starts in the original article text"),
    Column("char_end", "integer", "where it ends (exclusive)"),
    Column("n_sources", "integer", "how many reports (citations) tell this event"),
    Column("sources", "string", "every citation as JSON text: doc_id, source_file, outlet, sentence, char_start, "
           "char_end, published, url, text, caption"),
    Column("coder", "string", "the kronika version that coded it"),
)
FLAT_NAMES = tuple(c.name for c in FLAT_COLUMNS)


def flat_record(ev: StoredEvent) -> dict[str, object]:
    """An event as one flat row: what its PLOVER record says, in FLAT_COLUMNS."""
    loc = ev.event_loc
    day = ev.date
    row: dict[str, object] = {
        "id": ev.id, "date": day, "date_start": first_day(day) if day else None,
        "date_end": last_day(day) if day else None, "date_precision": date_precision(day),
        "event": ev.event, "mode": list(ev.mode), "context": list(ev.context), "aux": list(ev.aux),
        "is_fact": is_fact(ev.aux), "quad_code": ev.quad_code, "event_scale": ev.event_scale,
        "cameo_root": ev.cameo_root, "confidence": ev.confidence,
    }
    for side, refs in (("actor", ev.actor), ("recipient", ev.recipient)):
        codes = _once(r.code for r in refs)
        row[f"{side}_codes"] = codes
        row[f"{side}_countries"] = [c for c in codes if is_state(c)]
        row[f"{side}_sectors"] = _once(r.sector for r in refs)
        row[f"{side}_names"] = _once(r.identifier_text or r.entity_text for r in refs)
    row.update({"loc_name": loc.name if loc else None, "loc_country": loc.country if loc else None,
                "loc_lat": loc.lat if loc else None, "loc_lon": loc.lon if loc else None, "text": ev.text,
                "event_text": ev.event_text, "reported_by": ev.reported_by})
    row.update({"doc_id": ev.doc_id, "source_file": ev.source_file, "outlet": ev.outlet, "published": ev.published,
                "url": ev.url, "sentence": ev.sentence, "char_start": ev.char_start, "char_end": ev.char_end})
    row["n_sources"] = ev.n_sources
    row["sources"] = json.dumps(ev.source_list(), ensure_ascii=False)
    row["coder"] = CODER
    return row


def date_precision(day: str | None) -> str | None:
    """day, month or year: the precision a YYYY-MM-DD, YYYY-MM or YYYY date is given at."""
    return _PRECISION.get(len(day)) if day else None


def is_state(code: str) -> bool:
    """A PLOVER actor code that stands for a state: ISO 3166 alpha-3, or KOS (Kosovo)."""
    return code == "KOS" or code not in INTERNATIONAL_CODES


def _once(values: Iterable[str | None]) -> list[str]:
    out: list[str] = []
    for v in values:
        if v and v not in out:
            out.append(str(v))
    return out
