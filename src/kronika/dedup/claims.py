"""Linking repeated claims: the same statement quoted or reported in several articles and wordings.

"Norway is the only country in the north that did not raise tariffs against Chile" comes back in
story after story, from several speakers, in other words. A claim is a proposition, not an event with
a date or a speaker, so the words decide: two quotations are one claim when their texts are alike
enough and both assert or both deny (similar words with "not" in only one are opposite claims).
Only quotations from different articles are linked by likeness: inside one article a reported clause
and the quote within it are one telling, not two. The very same words (two content words at least)
are one claim wherever they stand, and are compared with the rest once: a statement quoted by a
thousand outlets is one candidate, not a thousand.

A claim is a connected component (quotations linked by passing pairs, whatever the order they are
compared in), so an update needs only the claims its new quotations could join, and those a word that
has just become too common to compare on was holding together (:data:`COMMON`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from itertools import combinations

from kronika.dedup.corroborate import Similarity
from kronika.dedup.similarity import terms
from kronika.lang.en import fold

CLAIM_THRESHOLD = 0.60
COMMON = 200  # a word in more distinct statements than this tells nothing: pairs are not sought through it
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


def statement_terms(text: str) -> set[str]:
    """The content words pairs are sought through."""
    return set(terms(text))


def link_claims(quotes: Sequence[Said], sim: Similarity, threshold: float = CLAIM_THRESHOLD, *,
                common: Collection[str] | None = None) -> dict[str, str]:
    """quote id -> claim id (the id of the claim's first quotation, in the order given).

    ``common``: the words in over :data:`COMMON` distinct statements of the whole store, when
    ``quotes`` are only some of them (by default, counted among ``quotes``)."""
    same: dict[str, list[int]] = {}
    classes: list[list[int]] = []  # in order of first index: a class's first member is its least
    for n, q in enumerate(quotes):
        if len(set(terms(q.text))) < 2:  # "in our hands" twice is not yet one claim
            classes.append([n])
        elif q.text in same:
            same[q.text].append(n)
        else:
            classes.append(same.setdefault(q.text, [n]))
    reps = [quotes[c[0]] for c in classes]
    docs = [frozenset(quotes[n].doc_id for n in c) for c in classes]
    claim_of = list(range(len(classes)))
    members: dict[int, list[int]] = {n: [n] for n in range(len(classes))}
    scored = sorted(((sim(classes[i][0], classes[j][0]), i, j) for i, j in _candidates(reps, docs, common)),
                    reverse=True)
    for score, i, j in scored:  # (a claim is a component: the order only names it by its first quotation)
        if score < threshold:
            break
        ci, cj = claim_of[i], claim_of[j]
        if ci == cj or reps[i].denies != reps[j].denies:
            continue
        lo, hi = min(ci, cj), max(ci, cj)
        for n in members[hi]:
            claim_of[n] = lo
        members[lo].extend(members.pop(hi))
    return {quotes[n].id: quotes[classes[claim_of[k]][0]].id for k, c in enumerate(classes) for n in c}


def _candidates(reps: Sequence[Said], docs: Sequence[frozenset[str]], common: Collection[str] | None
                ) -> set[tuple[int, int]]:
    """Pairs sharing at least two content words (the only ones that can reach the threshold) and
    found in more than one article."""
    index: dict[str, list[int]] = defaultdict(list)
    for n, q in enumerate(reps):
        for w in statement_terms(q.text):
            index[w].append(n)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for w, ns in index.items():
        if (len(ns) > COMMON) if common is None else (w in common):
            continue  # a word in that many statements tells nothing
        for i, j in combinations(ns, 2):
            if len(docs[i] | docs[j]) > 1:  # within one article it is one telling
                shared[(i, j)] += 1
    return {p for p, k in shared.items() if k >= 2}
