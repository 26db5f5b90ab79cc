"""What linking quotations to claims reads from the store and writes back (:mod:`kronika.runner.corroborate`
decides what to link; every statement it needs is here).

A *statement* is what a quotation says (``quote_reps``), found through its content words
(``statement_terms``): an update compares new quotations only with the stored statements sharing two
words with them, and regroups the claims those (and the words just become common) touch.
"""

from __future__ import annotations

from typing import Any

from kronika.store.db import Store

_QUOTES_SQL = """
SELECT q.id, q.doc_id, q.text, q.claim_id FROM quotes q JOIN documents d USING (doc_id) WHERE ({where})
ORDER BY d.published NULLS LAST, q.doc_id, q.char_start, q.id
"""


def pending_quotes(store: Store) -> list[dict[str, Any]]:
    """The quotations not linked yet, the earliest article's first."""
    return store.query(_QUOTES_SQL.format(where="NOT coalesce(q.grouped, false)"))


def quotes_to_relink(store: Store, claims: list[str]) -> list[dict[str, Any]]:
    """The quotations not linked yet and those of ``claims``, the earliest article's first."""
    return store.query(_QUOTES_SQL.format(where="NOT coalesce(q.grouped, false) OR q.claim_id IN "
                                          "(SELECT unnest($claims))"), {"claims": claims})


def quote_count(store: Store) -> int:
    return int(store.scalar("SELECT count(*) FROM quotes"))


def term_counts(store: Store, terms: list[str]) -> dict[str, int]:
    """In how many stored statements each of these words is (those in none are left out)."""
    return {r["term"]: int(r["n"]) for r in store.query(
        "SELECT term, count(*) AS n FROM statement_terms WHERE term IN (SELECT unnest(?)) GROUP BY term", [terms])}


def common_terms(store: Store, terms: list[str], common: int) -> set[str]:
    """Those of these words that are in over ``common`` stored statements."""
    return {r["term"] for r in store.query(
        "SELECT term FROM statement_terms WHERE term IN (SELECT unnest(?)) GROUP BY term HAVING count(*) > ?",
        [terms, common])}


def write_statements(store: Store, terms: list[dict[str, str]], reps: list[dict[str, str]], *, whole: bool) -> None:
    """Add statements under their words and quotations under their statements; ``whole``: replace both."""
    with store.transaction() as con:
        if whole:
            con.execute("DELETE FROM statement_terms")
            con.execute("DELETE FROM quote_reps")
    # quotations still pending have rows here only when the claims step was cut short after this write
    store.replace_rows({"quote_reps": (reps, "quote_id", [r["quote_id"] for r in reps])})
    store.write_tables({"statement_terms": terms})


def claims_of_statements(store: Store, reps: list[str], crossing: list[str]) -> set[str]:
    """The claims of the linked quotations telling one of the statements ``reps``, or a statement with
    one of the words ``crossing``."""
    return {r["claim_id"] for r in store.query(
        "SELECT DISTINCT q.claim_id FROM quotes q WHERE q.grouped AND q.id IN (SELECT r.quote_id FROM quote_reps r "
        "WHERE r.rep IN (SELECT unnest($reps)) OR r.rep IN "
        "(SELECT rep FROM statement_terms WHERE term IN (SELECT unnest($crossing))))",
        {"reps": reps, "crossing": crossing})}


def statements_sharing_words(store: Store, probes: list[dict[str, str]]) -> list[dict[str, Any]]:
    """For each probe statement (``probe``, ``term`` rows), the other stored statements sharing two of
    its words: one row per statement, however many articles quote it (a wire quote printed a hundred
    times is compared once), with a text and the claims it is in."""
    return store.query_with(
        "WITH hits AS (SELECT p.probe, t.rep FROM probes p JOIN statement_terms t ON t.term = p.term "
        "WHERE t.rep <> p.probe GROUP BY p.probe, t.rep HAVING count(*) >= 2) "
        "SELECT h.probe, min(q.text) AS text, list(DISTINCT q.claim_id) AS claims FROM hits h "
        "JOIN (SELECT rep, quote_id FROM quote_reps WHERE rep IN (SELECT rep FROM hits)) r ON r.rep = h.rep "
        "JOIN (SELECT id, text, claim_id FROM quotes WHERE grouped AND id IN "
        "(SELECT quote_id FROM quote_reps WHERE rep IN (SELECT rep FROM hits))) q ON q.id = r.quote_id "
        "GROUP BY h.probe, h.rep", {"probes": probes}, [])


def write_claims(store: Store, rows: list[dict[str, str]], ids: list[str]) -> None:
    """Replace the claims of the quotations ``ids`` and mark them linked, in one transaction."""
    store.replace_rows({"quote_claims": (rows, "quote_id", ids)},
                       after=["UPDATE quotes SET claim_id = c.claim_id, grouped = true FROM quote_claims c "
                              "WHERE c.quote_id = quotes.id AND quotes.id IN (SELECT unnest($ids))"],
                       params={"ids": ids})
