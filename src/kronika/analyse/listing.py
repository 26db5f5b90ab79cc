"""Event listings as users read them: PLOVER records, with short actor texts for tables."""

from __future__ import annotations

from typing import Any

from kronika.store import Store
from kronika.store.queries import EventFilter, events, explained_record, parse_dyad, plover_record


def event_rows(db: str, *, actor: str | None = None, dyad: str | None = None, event: str | None = None,
               since: str | None = None, until: str | None = None, min_confidence: float | None = None,
               by_source: bool = False, explain: bool = False, **where: Any) -> list[dict[str, Any]]:
    """Events matching the filters, one PLOVER record each (with kronika's ``explain`` field if asked).

    ``where`` takes EventFilter's other fields by name (place, place_country, quad_code, outlet,
    facts_only), the names the web API and the CLI options use too.
    """
    store = Store(db, read_only=True)
    f = EventFilter(actor=actor, dyad=parse_dyad(dyad) if dyad else None, event=event, since=since,
                    until=until, min_confidence=min_confidence, **where)
    record = explained_record if explain else plover_record
    return [record(row) for row in events(store, f, by_source=by_source)]


def explain_event(db: str, event_id: str) -> str:
    """Why one event was coded as it is, as a user reads it (``kronika events --explain ID``)."""
    from kronika.errors import QueryError
    from kronika.store.summary import event_by_id

    row = event_by_id(Store(db, read_only=True), event_id)
    if row is None:
        raise QueryError(f'no event with id "{event_id}" (ids are listed by kronika events --format jsonl)')
    rec = explained_record(row)
    why = rec["explain"] or {}
    lines = [f"{rec['id']}  {rec['event']}{' ' + ' '.join(rec['mode']) if rec['mode'] else ''}"
             f"{'  aux: ' + ', '.join(rec['aux']) if rec['aux'] else ''}  ({rec['cite_info']['source_file']}, "
             f"sentence {rec['cite_info']['sentence']})",
             f"  sentence:  {rec['text']}",
             f"  trigger:   \"{rec['event_text']}\" matched {why.get('trigger', '(not recorded in this store)')}",
             f"  source:    {_source_name(why.get('source'), why.get('cameo'))}"]
    if why.get("rule"):
        lines.append(f"  rule:      {why['rule']}")
    for cue in why.get("cues") or []:
        lines.append(f"  cue:       {cue}")
    for side in ("actor", "recipient"):
        refs = rec[side]
        shown = _side(refs) or "none"
        lines.append(f"  {side + ':':<10} {shown}" + (f"  <- {why[side]}" if why.get(side) else ""))
    lines.append(f"  confidence {rec['confidence']}")
    return "\n".join(lines)


def _source_name(source: str | None, cameo: str | None) -> str:
    if source is None:
        return "(not recorded in this store: coded before kronika kept explanations)"
    if source == "kronika":
        return "kronika's own lexicon (events/data/triggers.yaml)"
    if source == "cameo":
        return f"the CAMEO verb dictionary, converted (events/data/cameo_triggers.yaml), CAMEO code {cameo}"
    return source.replace("rule:", "a rule of kronika's: ", 1)


def for_display(rec: dict[str, Any]) -> dict[str, Any]:
    """A PLOVER record with short actor texts and the source file on top, for tables and CSV."""
    return {**rec, "source_file": rec["cite_info"]["source_file"], "actor_text": _side(rec["actor"]),
            "recipient_text": _side(rec["recipient"])}


def quote_rows(db: str, *, speaker: str | None = None, since: str | None = None,
               until: str | None = None) -> list[dict[str, Any]]:
    """Quotations matching the filters (``kronika quotes``), one row each."""
    from kronika.store.queries import QuoteFilter, quotes

    return quotes(Store(db, read_only=True), QuoteFilter(speaker=speaker, since=since, until=until))


def _side(refs: list[dict[str, Any]]) -> str:
    return "; ".join(f"{r.get('identifier_text') or r.get('entity_text')} ({r.get('code') or '?'}"
                     + (f" {r['sector']}" if r.get("sector") else "") + ")" for r in refs)
