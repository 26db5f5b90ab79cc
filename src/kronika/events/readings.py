"""PLOVER's readings of particular acts: joint exercises, vows of violence, strikes by civilians,
orders a state enforces."""

from __future__ import annotations

from kronika.events.lexicon import Lexicon
from kronika.events.triggers import Trigger
from kronika.nlp.tree import Tree
from kronika.records import ActorRef


def plover_rules(tree: Tree, trig: Trigger, event: str, aux: tuple[str, ...], actors: list[ActorRef],
                 lex: Lexicon) -> str:
    """PLOVER's own readings: joint military exercises are COOPERATE; a vow or promise of violence or
    punishment is a THREATEN; an order a state gives and enforces is the act ordered (an expulsion, a
    closure)."""
    k = trig.token
    if event == "REQUEST" and (act := _enforced_order(tree, k, lex)) is not None and "negation" not in aux:
        return act  # its mode is set with the record (expel, censor)
    if event == "MOBILIZE":
        obj = tree.child(k, "dobj") if tree[k].pos in ("VERB", "AUX") else tree[k]
        joint = obj is not None and any(c.lemma in ("joint", "bilateral", "combined")
                                        for c in tree.children(obj.i, "amod"))
        if joint or len({a.code for a in actors}) > 1:
            return "COOPERATE"
    if event == "ASSAULT" and tree[k].lemma in ("strike", "walkout") and actors \
            and all(a.sector in _CIVIL for a in actors):
        return "PROTEST"  # workers, students or farmers on strike: a labour strike, not an air strike
    if event in ("ASSAULT", "COERCE", "SANCTION") and "negation" not in aux:
        up = tree[k]
        if up.dep == "xcomp" and tree.head(k).lemma in ("vow", "threaten", "pledge", "promise", "warn"):
            return "THREATEN"
    return event

_CIVIL = frozenset({"LAB", "EDU", "CVL", "OPP", "AGR", "MED", "BUS", "SOC", "JRN"})

ORDERED_MODES = {"SANCTION": "expel", "COERCE": "censor"}  # only _enforced_order turns a REQUEST into these

def _enforced_order(tree: Tree, k: int, lex: Lexicon) -> str | None:
    """"ordered the ambassador to leave the country", "forced the agency out of the country": an
    expulsion (SANCTION); "ordered the newspaper to suspend publication": a closure (COERCE). An order
    of this kind is carried out by the one who gives it, so it is the act, not a request."""
    t = tree[k]
    if t.lemma not in lex.wordset("ordering_verbs"):
        return None
    leaving = lex.wordset("leaving_verbs")
    # ("ordered 15 staff of the embassy and consulates to leave": the tagger may read the last object as a
    # verb coordinated with the order, and hang the infinitive on it)
    heads = [k, *(c.i for c in tree.children(k, "conj") if not tree.children(c.i, "nsubj", "nsubjpass"))]
    for x in (x for h in heads for x in tree.children(h, "xcomp", "ccomp")):
        objs = {tree[o.i].lemma for o in tree.children(x.i, "dobj")}
        if x.lemma in leaving and (not objs or objs & {"country", "territory", "capital"}):
            return "SANCTION"
        if x.lemma in lex.wordset("closing_verbs") and objs & lex.wordset("closed_activities"):
            return "COERCE"
    out = any(c.lemma == "out" for c in tree.children(k, "prt", "advmod", "prep"))
    return "SANCTION" if t.lemma == "force" and out else None
