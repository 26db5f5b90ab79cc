"""Whom an act is aimed at when its own arguments do not say: what a refusal or threat would act on,
what a protest's or a show of force's purpose names, who an allegation is about."""

from __future__ import annotations

from kronika.events.arguments import IsActor, conjuncts, inside, prep_actors
from kronika.events.lexicon import Lexicon
from kronika.nlp.tree import Tree

# "in defiance of X", "in protest against X", "in retaliation for X's raid": the event is aimed at X.
_AIM_NOUNS = frozenset({"defiance", "protest", "opposition", "retaliation", "response", "revenge", "reprisal"})

_AIM_PREPS = frozenset({"of", "against", "at", "over", "to", "for"})

def purpose_targets(tree: Tree, k: int, is_actor: IsActor) -> list[int]:
    """Whom an act of protest or force is aimed at when its own arguments do not say: whoever its
    purpose clause acts on ("opened fire to disperse demonstrators", "marched to demand the
    president's resignation") or "in defiance of / in protest against X" names."""
    for p in tree.children(k, "prep"):
        if tree.lower[p.i] not in ("in", "as"):
            continue
        for o in tree.children(p.i, "pobj"):
            if o.lemma in _AIM_NOUNS:
                for q in tree.children(o.i, "prep"):
                    if tree.lower[q.i] in _AIM_PREPS:
                        found = [a for po in tree.children(q.i, "pobj") if (a := _first_actor(tree, po.i, is_actor))
                                 is not None]
                        if found:
                            return conjuncts(tree, found[0])
    for p in tree.children(k, "prep"):
        # "mobilized reservists for a possible war against Iraq"
        if tree.lower[p.i] in ("for", "against"):
            for o in tree.children(p.i, "pobj"):
                if (a := _first_actor(tree, o.i, is_actor)) is not None:
                    return conjuncts(tree, a)
    # "marched to the headquarters, chanting slogans against Turkey", "burning tyres and throwing stones at
    # the Rwandan border post": what the crowd did on the way names whom it was aimed at
    doing = [tree[k]] if tree[k].pos == "VERB" else []  # "chanted slogans against Turkey"
    doing += [c for c in tree.children(k, "advcl") if tree[c.i].tag == "VBG"]
    doing += [cc for c in doing for cc in tree.children(c.i, "conj") if tree[cc.i].tag == "VBG"]
    for c in doing:
        objects = [o.i for o in tree.children(c.i, "dobj")]
        heads = objects if c.i == k else [c.i, *objects]
        for h in heads:
            for p in tree.children(h, "prep"):
                if tree.lower[p.i] in ("against", "at"):
                    found = [a for o in tree.children(p.i, "pobj") if (a := _first_actor(tree, o.i, is_actor))
                             is not None]
                    if found:
                        return conjuncts(tree, found[0])
    for c in tree.children(k, "advcl", "xcomp"):
        if not any(tree.lower[a.i] == "to" for a in tree.children(c.i, "aux", "mark")):
            continue
        for o in tree.children(c.i, "dobj"):
            a = _first_actor(tree, o.i, is_actor)
            if a is not None:
                return conjuncts(tree, a)
    return []

def _first_actor(tree: Tree, k: int, is_actor: IsActor, depth: int = 3) -> int | None:
    """The nearest actor in a noun phrase, looking through possessors, modifiers and prepositional
    objects ("the resignation of President X", "the US' military policies"); pronouns are not taken
    (they are mostly the act's own agent: "their disapproval")."""
    level = [k]
    for _ in range(depth):
        for n in level:
            if tree[n].pos != "PRON" and is_actor(n):
                return n
        nxt: list[int] = []
        for n in level:
            for c in tree.children(n, "poss", "compound", "nmod", "amod", "prep", "pobj", "appos"):
                nxt.append(c.i)
        level = nxt
        if not level:
            return None
    return None

def refused_objects(tree: Tree, k: int, lex: Lexicon, is_actor: IsActor) -> list[int]:
    """What a refusal is aimed at: the object of the refused act ("refusal to recognise Kosovo's
    independence" → Kosovo; "refused to align itself with EU policy" → the EU)."""
    for c in tree.children(k, "xcomp", "acl", "advcl", "ccomp"):
        obj = tree.child(c.i, "dobj")
        found = inside(tree, obj.i, is_actor, lex) if obj is not None else []
        if not found and obj is not None:
            # "threatened to resume attacks in Israel": where the act would land
            found = prep_actors(tree, obj.i, ["in", "inside", "across"], is_actor)
        found = found or prep_actors(tree, c.i, lex.args["recipient_preps"], is_actor)
        if not found:
            for o in [p.i for p in tree.children(c.i, "prep")]:
                for po in tree.children(o, "pobj"):
                    found += inside(tree, po.i, is_actor, lex)
        if found:
            return found
    return []
