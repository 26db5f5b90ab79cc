"""An event as tables and lists show it: the record's essentials plus short actor texts."""

from __future__ import annotations

from typing import Any

from kronika.plover import is_fact
from kronika.store.queries import plover_record


def side_text(refs: list[dict[str, Any]]) -> str:
    """"Aleksandar Vučić (SRB GOV); Russia (RUS)", each actor once."""
    seen: list[str] = []
    for r in refs:
        code = " ".join(x for x in (r.get("code"), r.get("sector")) if x) or "?"
        text = f"{r.get('identifier_text') or r.get('entity_text')} ({code})"
        if text not in seen:
            seen.append(text)
    return "; ".join(seen)


def brief(row: dict[str, Any]) -> dict[str, Any]:
    """The fields an events table needs, from a ``queries.events`` row."""
    rec = plover_record(row)
    cite = rec["cite_info"]
    return {
        "id": rec["id"], "date": rec["date"], "date_precision": row.get("date_precision"),
        "event": rec["event"], "quad_code": rec["quad_code"], "event_scale": rec["event_scale"],
        "mode": rec["mode"], "aux": rec["aux"], "fact": is_fact(rec["aux"]),
        "actor_text": side_text(rec["actor"]), "recipient_text": side_text(rec["recipient"]),
        "actor_codes": list(row.get("actor_codes") or []),
        "recipient_codes": list(row.get("recipient_codes") or []),
        "text": rec["text"], "event_text": rec["event_text"], "confidence": rec["confidence"],
        "source_file": cite.get("source_file"), "outlet": cite.get("outlet"),
        "published": cite.get("published"), "n_sources": rec.get("n_sources") or 1,
    }
