"""Reading the title, country and former-ness that a noun phrase gives a person.

Two shapes carry nearly all of it in news: modifiers before the name ("Serbia's Interior Minister
Aleksandar Vulin", "EU foreign policy chief Josep Borrell") and appositions on either side ("Vulin,
the former head of intelligence services", "Ruritania's elderly president, Ivo Marek").
"""

from __future__ import annotations

from dataclasses import dataclass

from kronika.actors.gazetteer import Gazetteer
from kronika.nlp.tree import Tree

_STOP_DEPS = frozenset({"cc", "conj", "punct", "prep", "relcl", "acl", "advcl", "appos"})
_FORMER = frozenset({"former", "ex", "ex-", "erstwhile", "then", "outgoing", "retired"})
_HEAD_WORDS = frozenset({"head", "chief", "director", "leader", "chairman", "chairwoman", "chair"})


@dataclass(frozen=True, slots=True)
class TitleSeen:
    """A title read off the words around a name (or standing alone, for a description)."""

    title: str
    sector: str | None
    country: str | None
    former: bool
    token: int  # the token the title was read at


def modifiers_before(tree: Tree, start: int, head: int, stop: set[int]) -> list[int]:
    """Tokens before ``start`` that belong to the noun phrase headed by ``head``."""
    out: list[int] = []
    sent_start = tree.sentence_tokens(tree[head].sent).start
    k = start - 1
    while k >= sent_start:
        t = tree[k]
        if t.text in ("(", ")"):
            k -= 1  # "(Serbian) President (Aleksandar) Vucic": brackets are transparent
            continue
        if k in stop or t.dep in ("cc",) or t.text in (",", ";", ":", "“", "”", '"'):
            break
        if not (t.head == head or tree.is_ancestor(head, k)) or t.dep in ("relcl", "acl", "advcl"):
            break
        out.append(k)
        k -= 1
    return sorted(out)


def read_title(tree: Tree, gaz: Gazetteer, toks: list[int]) -> TitleSeen | None:
    """The longest title among ``toks`` with the country and former-ness found beside it."""
    if not toks:
        return None
    # "a member of the Syrian parliament": a country word inside a title is read apart from it
    inner = [k for n, k in enumerate(toks) if 0 < n < len(toks) - 1 and tree.lower[k - 1] == "the"
             and gaz.country_of(tree[k].text, strict=True) is not None]
    kept = [k for k in toks if k not in inner]
    words = [tree.lower[k] for k in kept]
    best = None
    for n in range(len(kept)):
        m = gaz.title_at(words, n)
        # of two titles as long, the later: the head noun ("chief spokesman" is a spokesman)
        if m is not None and (best is None or m.length >= best[1].length):
            best = (n, m)
    title = sector = None
    at = toks[-1]
    if best is not None:
        n, m = best
        title, sector, at = m.title, m.base_sector, kept[n]
    else:
        title, sector = _head_of(tree, gaz, toks)
    if title is None:
        return None
    # "South Sudan's government negotiator": a country of several words before one of its words alone
    # (only a name no single word of it gives: "the Belgrade" is Belgrade, read in its turn below, so that
    # "The EU's special representative for the Belgrade-Pristina dialogue" is the EU's)
    # ("Guinea-Bissau's president": the hyphen between its words is no word of the title)
    within = set(toks)
    # ("Guinea-Bissau": its first word alone would be another country)
    country = next((c for n in (4, 3, 2) for a in toks
                    if a + n - 1 in within
                    and (c := gaz.country_of(tree.span_text(a, a + n))) is not None
                    and (all(gaz.country_of(tree[k].text) != c for k in range(a, a + n))
                         or gaz.country_of(tree[a].text) not in (None, c))), None)
    for k in toks if country is None else ():
        c = gaz.country_of(tree[k].text)
        if c is None:
            org = gaz.organisation(tree[k].text)
            c = org.code if org is not None else None
        if c is not None:
            country = c
            break
    if country is None:
        country = _org_country(tree, gaz, toks)
    former = any(w.strip("-") in _FORMER or w in _FORMER for w in words) or bool(best and best[1].former)
    return TitleSeen(title=title, sector=sector, country=country, former=former, token=at)


def _org_country(tree: Tree, gaz: Gazetteer, toks: list[int]) -> str | None:
    """A multi-word organisation among the tokens ("European Union envoy")."""
    for a in range(len(toks)):
        for b in range(len(toks), a + 1, -1):
            org = gaz.organisation(tree.span_text(toks[a], toks[b - 1] + 1))
            if org is not None:
                return org.code
    return None


def _head_of(tree: Tree, gaz: Gazetteer, toks: list[int]) -> tuple[str | None, str | None]:
    """"head of (the) intelligence services" when no listed title matches: sector from the body."""
    for k in toks:
        if tree[k].lemma in _HEAD_WORDS:
            of = tree.child(k, "prep")
            if of is not None and of.text.lower() == "of":
                obj = tree.child(of.i, "pobj")
                if obj is not None:
                    body = [i for i in tree.subtree(obj.i) if tree[i].pos != "DET"]
                    body_text = " ".join(tree[i].text for i in body)
                    sector = gaz.org_sector(body_text)
                    return f"{tree[k].lemma} of {body_text.lower()}", sector
    return None, None


def appositive_tokens(tree: Tree, head: int) -> list[int]:
    """Tokens of an apposition to the name, or of the noun the name is in apposition to."""
    out: list[int] = []
    for ap in tree.children(head, "appos"):
        out.extend(k for k in tree.subtree(ap.i) if tree[k].dep not in ("relcl",))
    t = tree[head]
    if t.dep == "appos" and t.head != t.i:
        noun = t.head
        skip = set(tree.subtree(head))
        out.extend(k for k in tree.subtree(noun) if k not in skip and k < head
                   and tree[k].dep not in ("relcl", "acl"))
    return sorted(set(out))


def person_title(tree: Tree, gaz: Gazetteer, start: int, head: int, stop: set[int]) -> TitleSeen | None:
    """Title, country and former-ness given to the person named by tokens [start, head]."""
    seen = read_title(tree, gaz, modifiers_before(tree, start, head, stop))
    ap = read_title(tree, gaz, [k for k in appositive_tokens(tree, head) if k not in stop])
    if seen is None:
        return ap
    if ap is not None and seen.country is None and ap.country is not None:
        return TitleSeen(seen.title, seen.sector, ap.country, seen.former, seen.token)
    return seen


def description_title(tree: Tree, gaz: Gazetteer, noun: int, stop: set[int]) -> TitleSeen | None:
    """A title noun standing for a person ("the Serbian interior minister")."""
    toks = modifiers_before(tree, noun, noun, stop) + [noun]
    for of in tree.children(noun, "prep"):
        if of.text.lower() == "of":
            toks.extend(tree.subtree(of.i))
    return read_title(tree, gaz, sorted(set(toks)))
