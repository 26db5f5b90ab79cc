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
from kronika.store import Store

_NEGATED = "coalesce(list_contains(e.aux, 'negation'), false)"
_HYPOTHETICAL = "coalesce(list_contains(e.aux, 'hypothetical'), false)"
_PART = f"(e.event || '|' || {_NEGATED} || '|' || {_HYPOTHETICAL})"
# Reports with the corpus-wide ids of the people named on either side, in the order the earliest
# article's first telling comes first.
_ITEMS_SQL = f"""
SELECT e.id, e.doc_id, e.event, e.aux, e.actor, e.recipient, e.date, e.date_precision, e.event_loc,
       e.text, e.event_text, e.sentence, e.confidence, coalesce(e.caption, false) AS caption, d.published,
       (SELECT list(m.entity_id) FROM entity_members m WHERE m.doc_id = e.doc_id AND m.key LIKE 'person:%'
          AND list_contains(coalesce(e.actor_keys, []) || coalesce(e.recipient_keys, []), m.key)) AS people
FROM events e JOIN documents d USING (doc_id)
WHERE {_PART} = $part AND ({{where}})
ORDER BY d.published NULLS LAST, e.doc_id, e.sentence, e.trigger_start, e.id
"""
# Stored reports that share a block with a probe (code, month), one row per distinct way of telling.
_CANDIDATES_SQL = """
SELECT p.probe, e.text, e.event, e.aux, e.actor, e.recipient, e.date, e.date_precision, e.event_loc,
       e.event_text, list(DISTINCT c.component) AS components
FROM event_blocks b JOIN probes p ON b.code = p.code::VARCHAR
     AND (p.month IS NULL OR b.month IS NULL OR abs(b.month - p.month::INTEGER) <= 1)
JOIN events e ON e.id = b.event_id JOIN event_clusters c ON c.event_id = e.id
WHERE b.part = ? AND e.grouped AND NOT list_contains(?::VARCHAR[], c.component)
GROUP BY ALL
"""


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
        with store.transaction() as con:
            con.execute("UPDATE events SET grouped = false")
            con.execute("UPDATE quotes SET grouped = false")
            con.execute("DELETE FROM event_clusters WHERE event_id NOT IN (SELECT id FROM events)")
            con.execute("DELETE FROM event_blocks WHERE event_id NOT IN (SELECT id FROM events)")
            con.execute("DELETE FROM quote_claims WHERE quote_id NOT IN (SELECT id FROM quotes)")
    reports = events = 0
    with store.session():  # the events' connection is closed before the quotations' (see ingest._corpus_steps)
        parts = store.query(f"SELECT DISTINCT {_PART} AS part FROM events e WHERE NOT coalesce(e.grouped, false) "
                            "ORDER BY part")
        for part in parts:
            n_reports, n_events = _corroborate_part(store, part["part"], settings or Settings(), full=full)
            reports, events = reports + n_reports, events + n_events
    with store.session():
        claims, quotes = _link_claims(store, full=full)
    return CorroborationSummary(reports=reports, events=events, claims=claims, quotes=quotes)


def _corroborate_part(store: Store, part: str, s: Settings, *, full: bool) -> tuple[int, int]:
    total = int(store.scalar(f"SELECT count(*) FROM events e WHERE {_PART} = ?", [part]))
    pending = _items(store, part, "NOT coalesce(e.grouped, false)")
    if full or len(pending) * 2 >= total:  # most of the part is new: grouping it all is cheaper than searching
        everything = pending if len(pending) == total else _items(store, part, "true")
    else:
        components = _touched(store, part, pending, s)
        everything = _items(store, part, "(NOT coalesce(e.grouped, false) OR e.text IN (SELECT unnest($texts)) "
                            "OR e.id IN (SELECT event_id FROM event_clusters WHERE component IN "
                            "(SELECT unnest($components))))",
                            {"texts": sorted({it.text for it in pending}), "components": sorted(components)})
    grouping = group_reports(everything, Lexical([it.text for it in everything]), s)
    locs = {r["id"]: r["event_loc"] for r in store.query(
        "SELECT id, event_loc FROM events WHERE id IN (SELECT unnest(?))",
        [[g.place_from for g in grouping.groups if g.place_from]])}
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
    store.replace_rows({"event_clusters": (clusters, "event_id", ids),
                        "event_blocks": (blocks, "event_id", [it.id for it in pending])},
                       after=["UPDATE events SET cluster_id = c.cluster_id, grouped = true FROM event_clusters c "
                              "WHERE c.event_id = events.id AND events.id IN (SELECT unnest($ids))"],
                       params={"ids": ids})
    return len(everything), len(grouping.groups)


def _touched(store: Store, part: str, pending: list[Item], s: Settings) -> set[str]:
    """The stored components the pending reports were in or could join, and their twins'."""
    ids = [it.id for it in pending]
    found = {r["component"] for r in store.query(
        "SELECT DISTINCT c.component FROM event_clusters c WHERE c.component IS NOT NULL AND c.event_id IN "
        f"(SELECT e.id FROM events e WHERE {_PART} = $part "
        "AND (e.id IN (SELECT unnest($ids)) OR e.text IN (SELECT unnest($texts))))",
        {"part": part, "ids": ids, "texts": sorted({it.text for it in pending})})}
    probes = [{"probe": n, "code": key[-1], "month": month_of(it)}
              for n, it in enumerate(pending) for key in block_keys(it)]
    if not probes:
        return found
    rows = store.query_with(_CANDIDATES_SQL, {"probes": probes}, [part, sorted(found)])
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


def _items(store: Store, part: str, where: str, params: dict[str, Any] | None = None) -> list[Item]:
    return [_item(r) for r in store.query(_ITEMS_SQL.format(where=where), {"part": part, **(params or {})})]


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

_QUOTES_SQL = """
SELECT q.id, q.doc_id, q.text, q.claim_id FROM quotes q JOIN documents d USING (doc_id) WHERE ({where})
ORDER BY d.published NULLS LAST, q.doc_id, q.char_start, q.id
"""


def _rep(q: Said) -> str:
    """The statement a quotation is one telling of: its words, when it has two content words."""
    return "t:" + hashlib.sha1(q.text.encode()).hexdigest() if len(statement_terms(q.text)) >= 2 else "q:" + q.id


def _link_claims(store: Store, *, full: bool) -> tuple[int, int]:
    pending = [Said(r["id"], r["doc_id"], r["text"] or "")
               for r in store.query(_QUOTES_SQL.format(where="NOT coalesce(q.grouped, false)"))]
    if not pending:
        return 0, 0
    total = int(store.scalar("SELECT count(*) FROM quotes"))
    whole = full or len(pending) == total
    reps = {q.id: _rep(q) for q in pending}
    term_rows = [{"term": t, "rep": rep} for rep, q in {_rep(q): q for q in pending}.items()
                 for t in statement_terms(q.text)]
    before = {r["term"]: int(r["n"]) for r in store.query(
        "SELECT term, count(*) AS n FROM statement_terms WHERE term IN (SELECT unnest(?)) GROUP BY term",
        [sorted({t["term"] for t in term_rows})])} if not whole else {}
    with store.transaction() as con:
        if whole:
            con.execute("DELETE FROM statement_terms")
            con.execute("DELETE FROM quote_reps")
    store.write_tables({"statement_terms": term_rows,
                        "quote_reps": [{"quote_id": k, "rep": v} for k, v in reps.items()]})
    if whole:
        said = pending
        common = None
    else:
        said = _touched_claims(store, pending, reps, term_rows, before)
        mine = sorted({t for q in said for t in statement_terms(q.text)})
        common = {r["term"] for r in store.query(
            "SELECT term FROM statement_terms WHERE term IN (SELECT unnest(?)) GROUP BY term HAVING count(*) > ?",
            [mine, COMMON])}
    claim_of = link_claims(said, Lexical([q.text for q in said]), common=common)
    ids = [q.id for q in said]
    store.replace_rows({"quote_claims": ([{"quote_id": k, "claim_id": v} for k, v in claim_of.items()],
                                         "quote_id", ids)},
                       after=["UPDATE quotes SET claim_id = c.claim_id, grouped = true FROM quote_claims c "
                              "WHERE c.quote_id = quotes.id AND quotes.id IN (SELECT unnest($ids))"],
                       params={"ids": ids})
    return len(set(claim_of.values())), len(said)


def _touched_claims(store: Store, pending: list[Said], reps: dict[str, str], term_rows: list[dict[str, str]],
                    before: dict[str, int]) -> list[Said]:
    """The pending quotations, and every stored quotation of a claim they could join or that a word
    just become common was holding together."""
    after = {r["term"]: int(r["n"]) for r in store.query(
        "SELECT term, count(*) AS n FROM statement_terms WHERE term IN (SELECT unnest(?)) GROUP BY term",
        [sorted({t["term"] for t in term_rows})])}
    crossing = sorted(t for t, n in after.items() if n > COMMON >= before.get(t, 0))
    usable = {t for t, n in after.items() if n <= COMMON}
    probes = [{"probe": rep, "term": t} for rep, t in {(r["rep"], r["term"]) for r in term_rows} if t in usable]
    claims: set[str] = set()
    # the stored tellings of the same statements, and the statements a newly common word is in
    claims |= {r["claim_id"] for r in store.query(
        "SELECT DISTINCT q.claim_id FROM quotes q WHERE q.grouped AND q.id IN (SELECT r.quote_id FROM quote_reps r "
        "WHERE r.rep IN (SELECT unnest($reps)) OR r.rep IN "
        "(SELECT rep FROM statement_terms WHERE term IN (SELECT unnest($crossing))))",
        {"reps": sorted(set(reps.values())), "crossing": crossing})}
    if probes:
        # One row per stored statement sharing two usable words with a new one, however many articles
        # quote it (a wire quote printed a hundred times is compared once).
        rows = store.query_with(
            "WITH hits AS (SELECT p.probe, t.rep FROM probes p JOIN statement_terms t ON t.term = p.term "
            "WHERE t.rep <> p.probe GROUP BY p.probe, t.rep HAVING count(*) >= 2) "
            "SELECT h.probe, min(q.text) AS text, list(DISTINCT q.claim_id) AS claims FROM hits h "
            "JOIN (SELECT rep, quote_id FROM quote_reps WHERE rep IN (SELECT rep FROM hits)) r ON r.rep = h.rep "
            "JOIN (SELECT id, text, claim_id FROM quotes WHERE grouped AND id IN "
            "(SELECT quote_id FROM quote_reps WHERE rep IN (SELECT rep FROM hits))) q ON q.id = r.quote_id "
            "GROUP BY h.probe, h.rep", {"probes": probes}, [])
        text_of = {reps[q.id]: q.text for q in pending}
        todo = [r for r in rows if not set(r["claims"]) <= claims]
        if todo:
            texts = [text_of[r["probe"]] for r in todo] + [r["text"] or "" for r in todo]
            sim = Lexical(texts)
            claims.update(c for k, r in enumerate(todo) if sim(k, len(todo) + k) >= CLAIM_THRESHOLD
                          for c in r["claims"])
    where = "NOT coalesce(q.grouped, false) OR q.claim_id IN (SELECT unnest($claims))"
    rows = store.query(_QUOTES_SQL.format(where=where), {"claims": sorted(claims)})
    return [Said(r["id"], r["doc_id"], r["text"] or "") for r in rows]
