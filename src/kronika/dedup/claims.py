"""Linking repeated claims: the same statement quoted or reported in several articles and wordings.

"Serbia is the only country in Europe that did not impose sanctions against Russia" comes back in
story after story, from several speakers, in other words. A claim is a proposition, not an event with
a date or a speaker, so the words decide: two quotations are one claim when their texts are alike
enough and both assert or both deny (similar words with "not" in only one are opposite claims).
Only quotations from different articles are linked: inside one article a reported clause and the
quote within it are one telling, not two.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

from kronika.dedup.corroborate import Similarity
from kronika.dedup.similarity import fold, terms

CLAIM_THRESHOLD = 0.60
_NEGATORS = frozenset({"not", "never", "no", "nor", "neither", "without", "refused", "refuses", "refuse",
                       "didn't", "doesn't", "won't", "isn't", "hasn't", "haven't"})


@dataclass(frozen=True, slots=True)
class Said:
    """One quotation as claim linking sees it."""

    id: str
    doc_id: str
    text: str

    @property
    def denies(self) -> bool:
        words = fold(self.text).replace("’", "'").split()
        return any(w.strip(".,;:!?\"“”") in _NEGATORS or w.endswith("n't") for w in words)


def link_claims(quotes: Sequence[Said], sim: Similarity, threshold: float = CLAIM_THRESHOLD) -> dict[str, str]:
    """quote id -> claim id (the id of the claim's first quotation, in the order given)."""
    claim_of = list(range(len(quotes)))
    members: dict[int, list[int]] = {n: [n] for n in range(len(quotes))}
    scored = sorted(((sim(i, j), i, j) for i, j in _candidates(quotes)), reverse=True)
    for score, i, j in scored:
        if score < threshold:
            break
        ci, cj = claim_of[i], claim_of[j]
        if ci == cj or quotes[i].denies != quotes[j].denies:
            continue
        lo, hi = min(ci, cj), max(ci, cj)
        for n in members[hi]:
            claim_of[n] = lo
        members[lo].extend(members.pop(hi))
    return {q.id: quotes[claim_of[n]].id for n, q in enumerate(quotes)}


def _candidates(quotes: Sequence[Said]) -> set[tuple[int, int]]:
    """Pairs sharing at least two content words: the only ones that can reach the threshold."""
    index: dict[str, list[int]] = defaultdict(list)
    for n, q in enumerate(quotes):
        for w in set(terms(q.text)):
            index[w].append(n)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for ns in index.values():
        if len(ns) > 200:
            continue  # a word in that many quotes tells nothing
        for i, j in combinations(ns, 2):
            if quotes[i].doc_id != quotes[j].doc_id:  # across articles: within one, it is one telling
                shared[(i, j)] += 1
    return {p for p, k in shared.items() if k >= 2}
