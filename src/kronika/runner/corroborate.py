"""The corroboration step, run after each ingest's merge (any engine): store → dedup → store.

Every event report gets the real-world event it belongs to (``events.cluster_id``, and the table
``event_clusters`` with the event's most precise date and place), and every quotation the claim it
repeats (``quotes.claim_id``).

An update costs what it adds. Reports of another category or polarity are never one event, so the
work goes one (category, negated, hypothetical) part at a time, and in a part only the reports not
grouped yet (new ones, and those the merge recoded) and what they can touch are grouped again: their
stored twins (same sentence), and every stored *component* (reports linked by passing pairs) that one
of them could join, found through ``event_blocks`` (each report under its part, participant codes and
month: the pairs :func:`kronika.dedup.corroborate.candidate_pairs` compares). A component's groups
depend on its reports alone, and a report's similarity to another on the two sentences alone, so the
result is the one grouping every report again would give, whatever the order articles came in
(``tests/runner/test_incremental.py``). Claims are the same: a claim is a component of quotations.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from kronika.dedup import Item, Lexical, Said, Settings, link_claims
from kronika.dedup.claims import CLAIM_THRESHOLD, COMMON, statement_terms
from kronika.dedup.corroborate import could_join, group_reports, month_of
from kronika.dedup.keys import block_keys
from kronika.store import Store, claims, corroboration


@dataclass(frozen=True)
class CorroborationSummary:
    reports: int  # event reports (citations) grouped again
    events: int  # real-world events they make
    claims: int  # claims among the quotations linked again
    quotes: int


def corroborate_store(store: Store, settings: Settings | None = None, *, full: bool = False) -> CorroborationSummary:
    """Group the reports and quotations not grouped yet with the stored ones they can join
    (``full``: group everything again)."""
    if full:
        corroboration.regroup_everything(store)
    reports = events = 0
    with store.session():  # the events' connection is closed before the quotations' (see ingest._corpus_steps)
        for part in corroboration.pending_parts(store):
            n_reports, n_events = _corroborate_part(store, part, settings or Settings(), full=full)
            reports, events = reports + n_reports, events + n_events
    with store.session():
        claims, quotes = _link_claims(store, full=full)
    return CorroborationSummary(reports=reports, events=events, claims=claims, quotes=quotes)


def _corroborate_part(store: Store, part: str, s: Settings, *, full: bool) -> tuple[int, int]:
    total = corroboration.part_size(store, part)
    pending = [_item(r) for r in corroboration.pending_reports(store, part)]
    if full or len(pending) * 2 >= total:  # most of the part is new: grouping it all is cheaper than searching
        everything = pending if len(pending) == total else [_item(r) for r in corroboration.part_reports(store, part)]
    else:
        components = _touched(store, part, pending, s)
        everything = [_item(r) for r in corroboration.reports_to_regroup(
            store, part, sorted({it.text for it in pending}), sorted(components))]
    grouping = group_reports(everything, Lexical([it.text for it in everything]), s)
    locs = corroboration.places(store, [g.place_from for g in grouping.groups if g.place_from])
    clusters: list[dict[str, Any]] = []
    for g in grouping.groups:
        loc = locs.get(g.place_from) if g.place_from else None
        for n, member in enumerate(g.members):
            clusters.append({"event_id": member, "cluster_id": g.cluster_id, "is_primary": n == 0,
                             "date": g.date, "date_precision": g.precision, "event_loc": loc,
                             "n_sources": len(g.members), "component": grouping.components[member]})
    blocks = [{"event_id": it.id, "part": part, "code": key[-1], "month": month_of(it)}
              for it in pending for key in block_keys(it)]
    ids = [it.id for it in everything]
    corroboration.write_groups(store, clusters, ids, blocks, [it.id for it in pending])
    return len(everything), len(grouping.groups)


def _touched(store: Store, part: str, pending: list[Item], s: Settings) -> set[str]:
    """The stored components the pending reports were in or could join, and their twins'."""
    ids = [it.id for it in pending]
    found = corroboration.components_of(store, part, ids, sorted({it.text for it in pending}))
    probes = [{"probe": n, "code": key[-1], "month": month_of(it)}
              for n, it in enumerate(pending) for key in block_keys(it)]
    if not probes:
        return found
    rows = corroboration.candidates(store, part, probes, sorted(found))
    texts = [it.text for it in pending] + [r["text"] or "" for r in rows]
    sim = Lexical(texts)
    for k, r in enumerate(rows):
        if set(r["components"]) <= found:
            continue
        other = _item({**r, "id": "", "doc_id": "", "sentence": 0, "confidence": 0.0, "caption": False,
                       "published": None, "people": None})
        if could_join(pending[r["probe"]], other, sim(r["probe"], len(pending) + k), s):
            found.update(r["components"])
    return found


def _item(r: dict[str, Any]) -> Item:
    loc = json.loads(r["event_loc"]) if r["event_loc"] else None
    return Item(
        id=r["id"], doc_id=r["doc_id"], event=r["event"], aux=frozenset(r["aux"] or ()),
        actor_codes=_named_codes(r["actor"]), recipient_codes=_named_codes(r["recipient"]),
        people=frozenset(r["people"] or ()), date=r["date"], precision=r["date_precision"],
        place=str(loc["name"]) if loc and loc.get("source") == "sentence" and loc.get("name") else None,
        text=r["text"] or "", confidence=float(r["confidence"] or 0.0), caption=bool(r["caption"]),
        published=r["published"], trigger=r["event_text"] or "", sentence=r["sentence"],
        actor_sides=_named_sides(r["actor"]), recipient_sides=_named_sides(r["recipient"]),
    )


def _named_sides(side: str | None) -> frozenset[str]:
    return frozenset(f"{a['code']}/{a['sector']}" for a in json.loads(side or "[]")
                     if a.get("code") and a.get("sector") and not a.get("inferred"))


def _named_codes(side: str | None) -> frozenset[str]:
    """The codes of the sides the sentence names: an actor filled in by convention ("the police of the
    place") is no evidence that two reports tell the same event."""
    return frozenset(str(a["code"]) for a in json.loads(side or "[]") if a.get("code") and not a.get("inferred"))


# Claims -----------------------------------------------------------------------------------------

def _rep(q: Said) -> str:
    """The statement a quotation is one telling of: its words, when it has two content words."""
    return "t:" + hashlib.sha1(q.text.encode()).hexdigest() if len(statement_terms(q.text)) >= 2 else "q:" + q.id


def _link_claims(store: Store, *, full: bool) -> tuple[int, int]:
    pending = [Said(r["id"], r["doc_id"], r["text"] or "") for r in claims.pending_quotes(store)]
    if not pending:
        return 0, 0
    total = claims.quote_count(store)
    whole = full or len(pending) == total
    reps = {q.id: _rep(q) for q in pending}
    term_rows = [{"term": t, "rep": rep} for rep, q in {_rep(q): q for q in pending}.items()
                 for t in statement_terms(q.text)]
    before = claims.term_counts(store, sorted({t["term"] for t in term_rows})) if not whole else {}
    claims.write_statements(store, term_rows, [{"quote_id": k, "rep": v} for k, v in reps.items()], whole=whole)
    if whole:
        said = pending
        common = None
    else:
        said = _touched_claims(store, pending, reps, term_rows, before)
        mine = sorted({t for q in said for t in statement_terms(q.text)})
        common = claims.common_terms(store, mine, COMMON)
    claim_of = link_claims(said, Lexical([q.text for q in said]), common=common)
    ids = [q.id for q in said]
    claims.write_claims(store, [{"quote_id": k, "claim_id": v} for k, v in claim_of.items()], ids)
    return len(set(claim_of.values())), len(said)


def _touched_claims(store: Store, pending: list[Said], reps: dict[str, str], term_rows: list[dict[str, str]],
                    before: dict[str, int]) -> list[Said]:
    """The pending quotations, and every stored quotation of a claim they could join or that a word
    just become common was holding together."""
    after = claims.term_counts(store, sorted({t["term"] for t in term_rows}))
    crossing = sorted(t for t, n in after.items() if n > COMMON >= before.get(t, 0))
    usable = {t for t, n in after.items() if n <= COMMON}
    probes = [{"probe": rep, "term": t} for rep, t in {(r["rep"], r["term"]) for r in term_rows} if t in usable]
    # the stored tellings of the same statements, and the statements a newly common word is in
    touched = claims.claims_of_statements(store, sorted(set(reps.values())), crossing)
    if probes:
        # one row per stored statement sharing two usable words with a new one
        rows = claims.statements_sharing_words(store, probes)
        text_of = {reps[q.id]: q.text for q in pending}
        todo = [r for r in rows if not set(r["claims"]) <= touched]
        if todo:
            texts = [text_of[r["probe"]] for r in todo] + [r["text"] or "" for r in todo]
            sim = Lexical(texts)
            touched.update(c for k, r in enumerate(todo) if sim(k, len(todo) + k) >= CLAIM_THRESHOLD
                           for c in r["claims"])
    return [Said(r["id"], r["doc_id"], r["text"] or "") for r in claims.quotes_to_relink(store, sorted(touched))]
