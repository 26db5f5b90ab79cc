"""Linking one claim repeated across articles, and not linking its denial or a related claim."""

from __future__ import annotations

from kronika.dedup import Lexical, Said, link_claims


def claims(quotes: list[Said]) -> dict[str, str]:
    return link_claims(quotes, Lexical([q.text for q in quotes]))


def test_the_same_claim_reworded_in_two_articles() -> None:
    a = Said("q1", "doc1", "Norway is the only country in the north that did not raise tariffs against Chile")
    b = Said("q2", "doc2", "Norway is the only northern country that has not raised tariffs on Chile")
    assert claims([a, b]) == {"q1": "q1", "q2": "q1"}


def test_assertion_and_denial_are_two_claims() -> None:
    a = Said("q1", "doc1", "Norway will raise tariffs against Chile this year")
    b = Said("q2", "doc2", "Norway will not raise tariffs against Chile this year")
    assert claims([a, b]) == {"q1": "q1", "q2": "q2"}


def test_within_one_article_quotes_are_not_linked() -> None:
    a = Said("q1", "doc1", "the new radar was in our hands and paid for long ago")
    b = Said("q2", "doc1", "the new radar was in our hands")
    assert claims([a, b]) == {"q1": "q1", "q2": "q2"}


def test_unrelated_claims_stay_apart() -> None:
    a = Said("q1", "doc1", "We will never recognise the independence of Kosovo")
    b = Said("q2", "doc2", "The gas contract with Russia expires at the end of May")
    assert claims([a, b]) == {"q1": "q1", "q2": "q2"}


def test_only_the_words_said_common_are_not_sought_through() -> None:
    """An update passes the store's common words: pairs are still sought through every other word
    (the last statement here has only common words, and must not make the others' words common)."""
    from kronika.dedup.claims import statement_terms

    a = Said("q1", "doc1", "Norway is the only country in the north that did not raise tariffs against Chile")
    b = Said("q2", "doc2", "Norway is the only northern country that has not raised tariffs on Chile")
    c = Said("q3", "doc3", "Markets in Tokyo closed early on Friday")
    assert link_claims([a, b, c], Lexical([q.text for q in (a, b, c)]), common=statement_terms(c.text)) == {
        "q1": "q1", "q2": "q1", "q3": "q3"}
    common = statement_terms(a.text) & statement_terms(b.text)  # nothing left to seek the pair through
    assert link_claims([a, b], Lexical([a.text, b.text]), common=common) == {"q1": "q1", "q2": "q2"}
