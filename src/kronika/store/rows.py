"""Turning pipeline records into table rows (pure: no database here)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from kronika.records import DocResult, Event, Problem

TableRows = dict[str, list[dict[str, Any]]]


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def event_row(ev: Event) -> dict[str, Any]:
    actor = json.dumps([a.to_plover() for a in ev.actor], ensure_ascii=False)
    recipient = json.dumps([a.to_plover() for a in ev.recipient], ensure_ascii=False)
    return {
        "id": ev.id, "doc_id": ev.doc_id, "sentence": ev.sentence, "event": ev.event,
        "mode": list(ev.mode), "context": list(ev.context), "aux": list(ev.aux),
        "actor": actor, "recipient": recipient, "actor_doc": actor, "recipient_doc": recipient, "resolved": False,
        "actor_codes": sorted({a.code for a in ev.actor if a.code}),
        "recipient_codes": sorted({a.code for a in ev.recipient if a.code}),
        "actor_keys": [a.entity_key for a in ev.actor if a.entity_key],
        "recipient_keys": [a.entity_key for a in ev.recipient if a.entity_key],
        "date": ev.date, "date_precision": ev.date_precision,
        "event_loc": json.dumps(ev.event_loc, ensure_ascii=False) if ev.event_loc else None,
        "event_scale": ev.event_scale, "quad_code": ev.quad_code, "cameo_root": ev.cameo_root,
        "confidence": ev.confidence, "text": ev.text, "event_text": ev.event_text,
        "trigger_start": ev.trigger_start, "trigger_end": ev.trigger_end,
        "char_start": ev.cite.char_start, "char_end": ev.cite.char_end,
        "reported_by": ev.reported_by, "cluster_id": ev.id, "caption": ev.cite.caption,
        "explain": json.dumps(ev.explain.to_json(), ensure_ascii=False) if ev.explain else None,
    }


def result_rows(results: list[DocResult]) -> TableRows:
    """All rows for a batch of processed documents."""
    now = _now()
    t: TableRows = {k: [] for k in ("documents", "sentences", "doc_entities", "mentions", "roles",
                                     "events", "quotes")}
    for r in results:
        a = r.article
        t["documents"].append({
            "doc_id": a.doc_id, "source_file": a.source_file, "source_path": a.source_path,
            "fmt": a.fmt, "record": a.record, "title": a.title, "published": a.published,
            "date_precision": a.date_precision, "outlet": a.outlet, "author": a.author, "url": a.url,
            "dateline": a.dateline, "raw_text": a.raw_text, "text": a.text,
            "segments": json.dumps([[s.clean_start, s.raw_start, s.length] for s in a.segments]),
            "n_sentences": len(r.sentences), "ingested_at": now,
        })
        t["sentences"].extend({
            "doc_id": s.doc_id, "idx": s.index, "start_char": s.start, "end_char": s.end,
            "raw_start": s.raw_start, "raw_end": s.raw_end, "text": s.text,
        } for s in r.sentences)
        for e in r.entities:
            t["doc_entities"].append({
                "doc_id": a.doc_id, "key": e.key, "name": e.name, "type": e.type, "country": e.country,
                "sector": e.sector, "aliases": list(e.aliases), "mentions": e.mentions,
            })
            t["roles"].extend({
                "doc_id": a.doc_id, "entity_key": e.key, "title": ro.title, "sector": ro.sector,
                "country": ro.country, "first_seen": ro.first_seen, "last_seen": ro.last_seen,
                "since": ro.since, "until": ro.until, "former": ro.former,
            } for ro in e.roles)
        t["mentions"].extend({
            "doc_id": m.doc_id, "start_char": m.start_char, "end_char": m.end_char, "text": m.text,
            "label": m.label, "sentence": m.sentence, "entity_key": m.entity_key,
        } for m in r.mentions)
        t["events"].extend(event_row(ev) for ev in r.events)
        t["quotes"].extend({
            "id": q.id, "doc_id": q.doc_id, "text": q.text, "speaker": q.speaker,
            "speaker_key": q.speaker_key, "speaker_text": q.speaker_text, "channel": q.channel,
            "date": q.date, "date_precision": q.date_precision, "direct": q.direct,
            "sentence": q.cite.sentence, "char_start": q.cite.char_start, "char_end": q.cite.char_end,
            "claim_id": q.id, "caption": q.cite.caption,
        } for q in r.quotes)
    return t


def problem_rows(problems: list[Problem]) -> list[dict[str, Any]]:
    now = _now()
    return [{"source": p.source, "stage": p.stage, "message": p.message, "line": p.line,
             "field": p.field, "severity": p.severity, "run_at": now} for p in problems]
