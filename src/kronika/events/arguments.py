"""Who did it and to whom: the actor and recipient phrases of a trigger, read off the parse.

Handles active and passive voice, subjects shared down xcomp/conj/advcl chains ("Russia would
continue to support Serbia"), relative pronouns ("Putin, who ... prevented"), possessive and
prepositional arguments of event nouns ("Russia's arming of Serbia", "a meeting with Lavrov"), and the
host/visitor reversal of reception verbs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from kronika.events.lexicon import Lexicon
from kronika.events.triggers import Trigger
from kronika.nlp.tree import Tree

_SUBJ = ("nsubj", "nsubjpass", "csubj")
_CLIMB = frozenset({"xcomp", "conj", "advcl", "pcomp", "acomp", "prep", "dobj", "pobj", "attr",
                    "ccomp", "relcl", "acl", "oprd", "npadvmod"})
_RELATIVE = frozenset({"who", "which", "that", "whom"})
# A pronoun subject of a reported clause that the actors stage could not resolve stands for the
# reporter ("Colombian rebels said they would ...", "the ministry said it had ...").
_REPORTED_PRONOUNS = frozenset({"they", "it", "he", "she", "we"})

IsActor = Callable[[int], bool]


@dataclass
class Args:
    actors: list[int] = field(default_factory=list)  # head tokens of actor phrases
    recipients: list[int] = field(default_factory=list)
    inferred_actor: bool = False  # taken from an enclosing clause rather than the trigger's own


def is_passive(tree: Tree, k: int) -> bool:
    return any(c.dep in ("auxpass", "nsubjpass") for c in tree.children(k))


def _antecedent(tree: Tree, k: int) -> int:
    """For a relative pronoun subject, the noun it stands for (via a copula's attribute if needed)."""
    t = tree[k]
    if t.text.lower() not in _RELATIVE:
        return k
    verb = tree[t.head]
    if verb.dep != "relcl":
        return k
    noun = verb.head
    if t.text.lower() in ("who", "whom") and tree[noun].ent_type != "PERSON":
        # "the help of Russia and President Putin, who ... prevented": "who" is the nearest person
        for j in range(k - 1, tree.sentence_tokens(t.sent).start - 1, -1):
            if tree[j].ent_type == "PERSON" and tree[j].dep != "compound":
                return j
    if tree[noun].dep == "attr":
        subj = tree.child(tree[noun].head, *_SUBJ)
        if subj is not None:
            return subj.i
    return noun


# Passive participles that describe their subject's own stance ("Vietnam is committed to opening
# up", "Japan is prepared to help"): the passive subject is the one who acts.
_STANCES = frozenset({"committed", "prepared", "determined", "resolved", "poised", "set", "engaged", "dedicated"})


def own_subject(tree: Tree, k: int) -> int | None:
    subjects = tree.children(k, "nsubj", "csubj")
    if not subjects and tree.lower[k] in _STANCES:
        subjects = tree.children(k, "nsubjpass")
    if not subjects:
        return None
    # "an NGO which, the US administration claimed, served ...": two subjects; the relative pronoun
    # belongs to the clause the parser folded in, the other one is the verb's own.
    plain = [s for s in subjects if s.text.lower() not in _RELATIVE]
    s = plain[0] if plain else subjects[0]
    return _antecedent(tree, s.i)


def subject_of(tree: Tree, k: int, is_actor: IsActor, *, limit: int = 6) -> int | None:
    """The nearest subject up the clause chain that names an actor."""
    cur = k
    for _ in range(limit):
        t = tree[cur]
        if t.dep == "acl" and t.tag == "VBG" and is_actor(t.head):
            return t.head  # "states ... recognizing it": the noun a participle modifies does it
        if misparsed_main_verb(tree, cur) and is_actor(t.head):
            return t.head
        if t.dep == "pcomp" and t.tag == "VBG" and tree.head(cur).text.lower() in ("for", "of"):
            # "criticised the government for signing", "accused Eritrea of arming": the one
            # criticised, thanked or accused did it
            obj = tree.child(tree.head(cur).head, "dobj")
            if obj is not None and is_actor(obj.i):
                return obj.i
        s = own_subject(tree, cur)
        if t.lemma == "follow" and t.tag == "VBG":
            s = None  # "following a meeting" is a preposition in all but name
        if s is not None and is_actor(s):
            return s
        if s is not None and tree.lower[s] in _REPORTED_PRONOUNS and t.dep == "ccomp":
            s = None  # "the rebels said they will release": the one who says so, further up
        if s is not None and tree[s].pos in ("NOUN", "PRON") and tree[s].text.lower() != "it":
            return None  # the clause has a subject of its own that is not an actor ("others are enforcing")
        if t.head == t.i or t.dep not in _CLIMB:
            return None
        if t.dep == "ccomp" and s is not None:
            return None
        cur = t.head
    return None


# Verbs that have no object to be the passive of ("protested", "rioted"): a sentence "Militants
# protested in X." misparsed as a noun with a participle is still an active sentence.
_INTRANSITIVE = frozenset({"protest", "demonstrate", "riot", "march", "rally", "strike", "clash", "resign",
                           "agree", "vow", "pledge", "threaten", "promise", "refuse", "decline", "withdraw",
                           "retreat", "surrender", "mutiny", "rebel", "fight", "negotiate"})


def misparsed_main_verb(tree: Tree, k: int) -> bool:
    """The small model often reads "Militants threatened to resume attacks." as a noun phrase: the noun
    its root, the verb a past participle modifying it. A whole sentence with no finite verb whose
    participle takes an infinitive ("threatened to", "vowed to") or is of a verb with no passive
    ("protested", "rioted") is that misreading; "Five protesters killed in a raid" is not."""
    t = tree[k]
    if t.dep != "acl" or t.tag not in ("VBN", "VBD") or tree.head(k).dep != "ROOT" \
            or tree.head(k).pos not in ("NOUN", "PROPN"):
        return False
    if any(c.dep in ("auxpass", "agent") for c in tree.children(k)):
        return False
    if t.tag == "VBD":
        return True  # a finite past tense is a main verb whatever the parser hung it on
    to_clause = any(any(tree.lower[a.i] == "to" for a in tree.children(c.i, "aux"))
                    for c in tree.children(k, "xcomp", "advcl"))
    return to_clause or t.lemma in _INTRANSITIVE


def _actor_within(tree: Tree, subj: int, verb: int, is_actor: IsActor) -> int | None:
    """An actor the parser hung inside a non-actor subject ("SANTIAGO (Herald) — Chilean Foreign
    Minister X hosted ...": X is an apposition of the dateline)."""
    found = [k for k in tree.subtree(subj)
             if k < verb and k != subj and tree[k].dep in ("appos", "conj", "nsubj") and is_actor(k)]
    # the first actor named: its conjuncts follow it ("BAKU — Romania and Azerbaijan signed")
    return min(found, key=lambda k: (len(list(tree.ancestors(k))), k)) if found else None


def _left_list(tree: Tree, verb: int, is_actor: IsActor) -> list[int]:
    """Actor names in the list just before a verb that the parser failed to attach as subject."""
    out: list[int] = []
    if tree[verb].dep not in ("ROOT", "conj", "ccomp") or tree.children(verb, "nsubj", "nsubjpass", "expl"):
        return out
    first = tree.sentence_tokens(tree[verb].sent).start
    k = verb - 1
    while k >= first and tree[k].head == verb and tree[k].dep in ("aux", "auxpass", "neg", "advmod"):
        k -= 1
    while k >= first:
        t = tree[k]
        if t.text in (",", "and", "or") or t.dep in ("cc", "compound", "punct"):
            k -= 1
            continue
        if is_actor(k):
            out.append(k)
            k -= 1
            continue
        break
    return sorted(out)


def _prep_objects(tree: Tree, k: int, preps: list[str] | frozenset[str]) -> list[int]:
    out: list[int] = []
    here = tree.children(k, "prep", "dative")
    if not here:
        return out  # most words: no need to go through the prepositions wanted
    for want in preps:
        for p in here:
            if tree.lower[p.i] != want:
                continue
            for o in tree.children(p.i, "pobj"):
                out.append(o.i)
                out.extend(c.i for c in tree.children(o.i, "conj"))
        if out:
            return out
    return out


def _conjuncts(tree: Tree, k: int) -> list[int]:
    # A stack, not recursion: a list of thousands of names chains each conjunct under the previous one,
    # deeper than Python's recursion limit. Same order as a depth-first walk.
    out: list[int] = []
    stack = [k]
    while stack:
        n = stack.pop()
        out.append(n)
        stack.extend(reversed([c.i for c in tree.children(n, "conj")]))
    return out


def _inside(tree: Tree, k: int, is_actor: IsActor, lex: Lexicon) -> list[int]:
    """Actors inside a non-actor object: "praised security cooperation with Russia"."""
    if is_actor(k):
        return _conjuncts(tree, k)
    for c in tree.children(k, "poss", "compound", "amod", "nmod"):
        if is_actor(c.i):
            return [c.i]
    return [o for o in _prep_objects(tree, k, ["of", *lex.args["recipient_preps"]]) if is_actor(o)]


def verb_args(tree: Tree, trig: Trigger, lex: Lexicon, is_actor: IsActor) -> Args:
    k = trig.token
    args = Args()
    host = trig.entry.lemma in lex.wordset("host_verbs")
    if is_passive(tree, k):
        agent = [o.i for a in tree.children(k, "agent") for o in tree.children(a.i, "pobj")]
        subj = tree.child(k, "nsubjpass")
        subj_i = _antecedent(tree, subj.i) if subj is not None else None
        if host:
            args.actors = _conjuncts(tree, subj_i) if subj_i is not None else []
            args.recipients = agent + _prep_objects(tree, k, ["to", "in", "by"])
        else:
            args.actors = agent
            if subj_i is not None and trig.entry.passive_recipient and is_actor(subj_i):
                args.recipients = _conjuncts(tree, subj_i)
    else:
        own = own_subject(tree, k)
        if own is not None and not is_actor(own):
            # two subjects (a dateline the parser took for one), or an actor hung inside the subject
            others = [_antecedent(tree, c.i) for c in tree.children(k, "nsubj") if c.i != own]
            own = next((o for o in others if is_actor(o)), None) or _actor_within(tree, own, k, is_actor) or own
        if own is not None and is_actor(own):
            args.actors = _conjuncts(tree, own)
        else:
            inherited = subject_of(tree, k, is_actor)
            if inherited is not None:
                args.actors = _conjuncts(tree, inherited)
                args.inferred_actor = True
            else:
                args.actors = _left_list(tree, k, is_actor)
        obj = tree.child(k, "dobj", "obj")
        if obj is None and tree[k].lemma in lex.wordset("permission_verbs") | lex.wordset("object_control_verbs"):
            # "allowed [Kouame to run]": the parser makes the one allowed the complement's subject
            obj = next((s for c in tree.children(k, "ccomp") for s in tree.children(c.i, "nsubj")), None)
        own_thing = obj is not None and any(c.pos == "PRON" for c in tree.children(obj.i, "poss"))
        if obj is not None and not own_thing:
            # ("recalled its ambassador from Mali": the subject's own envoy is not the other party)
            args.recipients = _inside(tree, obj.i, is_actor, lex)
        if host:
            args.actors, args.recipients = args.recipients, args.actors
    if trig.entry.mode == "allege" and not args.recipients:
        args.recipients = _alleged(tree, k, is_actor)
    preps = ([trig.entry.prep.lower()] if trig.entry.prep else []) + list(lex.args["recipient_preps"])
    if not args.recipients:
        args.recipients = [o for o in _prep_objects(tree, k, preps) if is_actor(o)]
    if not args.recipients:
        # "asking for my head", "called for X's release": the one the object belongs to
        for o in _prep_objects(tree, k, preps):
            args.recipients += [c.i for c in tree.children(o, "poss") if is_actor(c.i)]
    between = _prep_objects(tree, k, lex.args["participant_preps"])
    if between:
        args.actors = [a for a in args.actors if is_actor(a)] + between
    _comitative(tree, k, lex, is_actor, args)
    return args


def _comitative(tree: Tree, k: int, lex: Lexicon, is_actor: IsActor, args: Args) -> None:
    """"A joined B in sanctioning C": B acts too."""
    up = tree[k]
    if up.dep == "pcomp":
        prep = tree[up.head]
        verb = tree[prep.head]
        if verb.lemma in lex.wordset("comitative_verbs"):
            if not args.actors or args.inferred_actor:
                args.actors += _left_list(tree, verb.i, is_actor)
            obj = tree.child(verb.i, "dobj")
            if obj is not None:
                args.actors += [c for c in _conjuncts(tree, obj.i) if is_actor(c)]


def _patient_of(lex: Lexicon, lemma: str) -> bool:
    return lemma in lex.wordset("patient_of_nouns") or \
        any(lemma.endswith(s) for s in lex.args["patient_of_suffixes"])


def noun_args(tree: Tree, trig: Trigger, lex: Lexicon, is_actor: IsActor) -> Args | None:
    """Arguments of an event noun; None when it only points back to an event already told."""
    k = trig.token
    t = tree[k]
    args = Args()
    poss = [c.i for c in tree.children(k, "poss") if is_actor(c.i)]
    by = [o for o in _prep_objects(tree, k, ["by", "from"]) if is_actor(o)]
    mods = [c.i for c in tree.children(k, "amod", "compound", "nmod") if is_actor(c.i)]
    of = [o for o in _prep_objects(tree, k, ["of"]) if is_actor(o)]
    between = [o for o in _prep_objects(tree, k, lex.args["participant_preps"]) if is_actor(o)]
    rec = [o for o in _prep_objects(tree, k, lex.args["recipient_preps"]) if is_actor(o)]
    args.actors = poss or by or mods
    if of:
        if _patient_of(lex, t.lemma) or args.actors:
            rec = rec or of
        else:
            args.actors = args.actors or of
    args.recipients = rec
    if between:
        args.actors = args.actors + between
    own = bool(args.actors or args.recipients)
    det = tree.child(k, "det")
    if not own and det is not None and det.text.lower() in lex.wordset("anaphoric_determiners"):
        return None
    if not args.actors and t.dep not in ("nsubj", "nsubjpass"):
        verb = governing_verb(tree, k)
        if verb is not None:
            if is_passive(tree, verb):
                agent = [o.i for a in tree.children(verb, "agent") for o in tree.children(a.i, "pobj")]
                subj = tree.child(verb, "nsubjpass")
                args.actors = [a for a in agent if is_actor(a)]
                if subj is not None and is_actor(subj.i) and not args.recipients:
                    args.recipients = _conjuncts(tree, subj.i)
            if not args.actors:
                s = subject_of(tree, verb, is_actor)
                if s is not None:
                    args.actors = _conjuncts(tree, s)
                    args.inferred_actor = True
            if not args.recipients and t.dep in ("dobj", "attr"):
                args.recipients = [o for o in _prep_objects(tree, verb, lex.args["recipient_preps"])
                                   if is_actor(o)]
    return args


def governing_verb(tree: Tree, k: int) -> int | None:
    """The nearest verb above a token (within four steps)."""
    cur = k
    for _ in range(4):
        t = tree[cur]
        if t.head == t.i:
            return None
        cur = t.head
        if tree[cur].pos in ("VERB", "AUX"):
            return cur
    return None


def refused_objects(tree: Tree, k: int, lex: Lexicon, is_actor: IsActor) -> list[int]:
    """What a refusal is aimed at: the object of the refused act ("refusal to recognise Kosovo's
    independence" → Kosovo; "refused to align itself with EU policy" → the EU)."""
    for c in tree.children(k, "xcomp", "acl", "advcl"):
        obj = tree.child(c.i, "dobj")
        found = _inside(tree, obj.i, is_actor, lex) if obj is not None else []
        if not found and obj is not None:
            # "threatened to resume attacks in Israel": where the act would land
            found = [o for o in _prep_objects(tree, obj.i, ["in", "inside", "across"]) if is_actor(o)]
        found = found or [o for o in _prep_objects(tree, c.i, lex.args["recipient_preps"]) if is_actor(o)]
        if not found:
            for o in [p.i for p in tree.children(c.i, "prep")]:
                for po in tree.children(o, "pobj"):
                    found += _inside(tree, po.i, is_actor, lex)
        if found:
            return found
    return []


def _alleged(tree: Tree, k: int, is_actor: IsActor) -> list[int]:
    """Who an allegation is about: the subject of what is claimed, or what a relative clause hangs on."""
    for c in tree.children(k, "ccomp"):
        s = tree.child(c.i, "nsubj", "nsubjpass")
        if s is not None:
            a = _antecedent(tree, s.i)
            if is_actor(a):
                return [a]
    t = tree[k]
    if t.dep == "relcl":
        noun = t.head
        for cand in (tree[noun].head if tree[noun].dep == "appos" else noun, noun):
            if is_actor(cand):
                return [cand]
    return []


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
                            return _conjuncts(tree, found[0])
    for c in tree.children(k, "advcl", "xcomp"):
        if not any(tree.lower[a.i] == "to" for a in tree.children(c.i, "aux", "mark")):
            continue
        for o in tree.children(c.i, "dobj"):
            a = _first_actor(tree, o.i, is_actor)
            if a is not None:
                return _conjuncts(tree, a)
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
