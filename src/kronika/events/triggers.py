"""Finding event triggers in a sentence: verbs and event nouns listed in the lexicon."""

from __future__ import annotations

from dataclasses import dataclass

from kronika.events.lexicon import Lexicon, TriggerEntry
from kronika.nlp.tree import Tree

_OBJECT_DEPS = ("dobj", "nsubjpass", "attr", "oprd", "obj")
# Nouns the parser reads as verbs after "to" ("bow to pressure", "yield to blackmail")
_TO_NOUNS = frozenset({"pressure", "blackmail", "demand", "threat", "ultimatum", "force", "intimidation"})


@dataclass(frozen=True, slots=True)
class Trigger:
    token: int
    entry: TriggerEntry
    words: tuple[int, ...]  # the tokens that make the trigger (verb + particle/object/prep)


_QUANTITIES = frozenset({"part", "some", "all", "most", "half", "much", "rest", "portion", "bulk", "share", "none",
                         "day", "week", "month", "year",  # "two weeks of food rations"
                         "many", "several", "one", "two", "three", "dozens", "hundreds", "thousands", "kg",
                         "kilogram", "ton", "tonne", "litre", "liter", "barrel", "dose", "consignment", "load",
                         "batch", "quantity", "amount", "worth", "million", "billion", "stretch", "section",
                         "segment", "length",
                         # units named by their members: "sent a company of soldiers" (not "a team of officers":
                         # liaison, not force; nor "a convoy", itself what aid is sent in)
                         "company", "detachment", "platoon", "squad", "column", "contingent", "group", "number",
                         "dozen", "handful", "wave", "squadron"})


_ACT_GERUNDS = frozenset({"fighting", "shelling", "bombing", "firing", "shooting", "clashing"})
_PARTICLES = frozenset({"out", "away", "off", "back"})
_WHEREABOUTS = frozenset({"near", "outside", "around", "beside", "behind", "beyond", "along", "past", "nearby"})


def _object_lemmas(tree: Tree, k: int) -> dict[str, int]:
    """Lemmas of a verb's objects (and of their conjuncts), and of noun compounds, to their tokens."""
    out: dict[str, int] = {}
    mod_deps = ("compound", "amod") if tree[k].pos in ("NOUN", "PROPN") else ("compound",)
    # "stopped supplying electricity": a transitive act named by a gerund is the object too
    # ("agreed to halt fighting": an act named by a bare gerund is the object too)
    gerunds = [c for c in tree.children(k, "xcomp") if c.tag == "VBG"
               and (tree.children(c.i, "dobj") or tree.lower[c.i] in _ACT_GERUNDS)]
    # ("flew into Bissau and was received by the president": a passive conjunct with no subject of its own
    # shares the first verb's, which is what it acts on)
    shared = [c for c in tree.children(tree[k].head, "nsubj")] if tree[k].dep == "conj" and tree[k].pos == "VERB" \
        and any(a.dep == "auxpass" for a in tree.children(k)) and not tree.children(k, "nsubj", "nsubjpass") else []
    # ("placed on standby to support ...": the parser left the preposition without its object, the noun
    # after it hung on the verb)
    stranded = [tree[p.i + 1] for p in tree.children(k, "prep") if not tree.children(p.i, "pobj", "pcomp")
                and p.i + 1 < len(tree.tokens) and tree[p.i + 1].head == k and tree[p.i + 1].pos == "NOUN"]
    for c in [*tree.children(k, *_OBJECT_DEPS, *mod_deps), *gerunds, *shared, *stranded]:
        if c.ent_type in ("DATE", "TIME") and c.lemma not in _QUANTITIES:
            continue  # "held the march last March": a date is no object ("two weeks of rations" is rations)
        if c.text.lower() in ("that", "which") and tree[k].dep == "relcl":
            c = tree.head(k)  # "the agreement that they signed": the object is the antecedent
        if c.lemma in _QUANTITIES:
            # "suspended part of a military aid program": the object is what it is a part of
            c = next((o for p in tree.children(c.i, "prep") if tree.lower[p.i] == "of"
                      for o in tree.children(p.i, "pobj")), c)
        out.setdefault(c.lemma, c.i)
        out.setdefault(c.text.lower(), c.i)
        for p in tree.children(c.i, "prep"):
            if tree.lower[p.i] == "of":  # "lifted the state of emergency"
                out.update({f"{c.lemma} of {o.lemma}": c.i for o in tree.children(p.i, "pobj")})
        if c.dep != "compound" and c.dep != "amod":
            # a two-word object: "imposed martial law", "fired tear gas", "abolished the death penalty"
            for m in tree.children(c.i, "compound", "amod"):
                out.setdefault(f"{m.lemma} {c.lemma}", c.i)
                out.setdefault(f"{m.text.lower()} {c.lemma}", c.i)
        if c.dep != "compound" and c.pos == "PROPN":
            # "received Russian Ambassador X": the title in the object's name counts as the object (not the
            # first noun of a common one: "blocked the access road" blocks no access)
            for m in tree.children(c.i, "compound", "nmod"):
                out.setdefault(m.lemma, c.i)
        for cc in tree.children(c.i, "conj"):
            out.setdefault(cc.lemma, cc.i)
        if c.dep in _OBJECT_DEPS and c.pos == "PROPN":
            # "blocked the Nairobi–Mombasa highway": the parser made the name the object, the noun its apposition
            for a in tree.children(c.i, "appos"):
                out.setdefault(a.lemma, a.i)
    particles = [a for a in tree.children(k, "advmod") if a.text.lower() in _PARTICLES]
    # ("spoke by phone": the parser may take an active verb's "by" for a passive's agent)
    agents = [a for a in tree.children(k, "agent") if not any(c.dep == "auxpass" for c in tree.children(k))]
    for p in [*tree.children(k, "prep", "prt"), *particles, *agents]:
        if tree.lower[p.i] in _WHEREABOUTS:
            continue  # "seized their vehicles near the town of Tessalit": where it happened, not what was seized
        nested = [o for q in tree.children(p.i, "prep") for o in tree.children(q.i, "pobj")]  # "out of X"
        for o in [*tree.children(p.i, "pobj"), *nested]:
            if o.ent_type in ("DATE", "TIME"):
                continue  # "held a joint exercise in March": a month is no march
            out.setdefault(o.lemma, o.i)
            for m in tree.children(o.i, "compound", "amod"):
                out.setdefault(f"{m.lemma} {o.lemma}", o.i)
    if tree[k].pos in ("NOUN", "PROPN"):
        # a noun's two-word modifier: "a general strike" is matched by "general", "martial law" by "martial"
        mods = [c for c in tree.children(k, "compound", "amod")]
        for a, b in zip(mods, mods[1:], strict=False):
            out.setdefault(f"{a.lemma} {b.lemma}", b.i)
    return out


def _matches(tree: Tree, k: int, e: TriggerEntry, objects: dict[int, dict[str, int]]
             ) -> tuple[int, ...] | None:
    words = [k]
    if e.particle:
        # a particle the parser called a preposition has no object ("gave in"); "gave ... in Kigali" is not it
        part = [c for c in tree.children(k, "prt", "advmod", "prep")
                if c.text.lower() == e.particle.lower() and not (c.dep == "prep" and tree.children(c.i, "pobj"))]
        # ("brought leaders together in Tamale": the parser hung the particle on the preposition after it)
        part = part or [g for p in tree.children(k, "prep") for g in tree.children(p.i, "advmod")
                        if g.text.lower() == e.particle.lower() and g.i < p.i]
        if not part:
            return None
        words.append(part[0].i)
    if e.prep:
        # "forced X out of the country": the preposition may hang on the particle
        near = [c for c in tree.children(k, "prep", "agent", "prt", "dative")]
        # ("stayed away from the assembly": the parser may call the particle an adverb)
        near += [g for c in [*near, *tree.children(k, "advmod")] if c.text.lower() in _PARTICLES
                 for g in tree.children(c.i, "prep")]
        # "stripped 94 critics of their citizenship": the parser hung the preposition on the object
        near += [g for o in tree.children(k, "dobj") for g in tree.children(o.i, "prep")
                 if e.prep.lower() == "of" and e.pos == "VERB"]
        # ("call a strike on October 17": a preposition of time is no "call on")
        preps = [c for c in near if c.text.lower() == e.prep.lower()
                 and not any(o.ent_type in ("DATE", "TIME") for o in tree.children(c.i, "pobj"))]
        if not preps and e.prep.lower() == "to" and e.pos == "VERB":
            # "would not bow to blackmail": the parser read the noun as an infinitive ("to" its auxiliary)
            preps = [a for x in tree.children(k, "xcomp") if x.lemma in _TO_NOUNS
                     for a in tree.children(x.i, "aux") if tree.lower[a.i] == "to"]
            if preps:
                words.append(tree[preps[0].i].head)
        if not preps and e.objects and e.pos == "VERB":
            # "added two advisers and a company controlled by his family to its sanctions list": the parser
            # hung the preposition deep in a long object; it counts when its object is one the entry names
            deep = [(p, o) for d in tree.children(k, "dobj") for p in tree.subtree(d.i)
                    if tree[p].dep == "prep" and tree.lower[p] == e.prep.lower()
                    for o in tree.children(p, "pobj")]
            found = [(p, o.i) for p, o in deep if o.lemma in e.objects
                     or any(f"{m.lemma} {o.lemma}" in e.objects for m in tree.children(o.i, "compound", "amod"))]
            if found:
                return tuple(sorted({k, *found[0]}))
        if not preps:
            return None
        words.append(preps[0].i)
    if e.objects:
        objs = objects.get(k)
        if objs is None:  # read once per word, however many of its entries name objects
            objs = objects[k] = _object_lemmas(tree, k)
        hit = [objs[o] for o in e.objects if o in objs]
        if not hit:
            return None
        words.append(min(hit))
    return tuple(sorted(words))


ALLEGATION = TriggerEntry(lemma="claim", pos="VERB", event="ACCUSE", mode="allege", weight=0.8,
                          source="rule:a claim of wrongdoing")


def allegations(tree: Tree, sent: int, lex: Lexicon) -> list[Trigger]:
    """A verb of claiming whose complement charges wrongdoing is an accusation ("the US administration
    claimed it served as a centre for espionage")."""
    out: list[Trigger] = []
    verbs, wrong = lex.wordset("alleging_verbs"), lex.wordset("wrongdoing_words")
    for k in tree.sentence_tokens(sent):
        t = tree[k]
        if t.pos != "VERB" or t.lemma not in verbs:
            continue
        for c in tree.children(k, "ccomp"):
            words = {tree[i].lemma for i in tree.subtree(c.i)} | {tree[i].text.lower() for i in tree.subtree(c.i)}
            if words & wrong:
                out.append(Trigger(token=k, entry=ALLEGATION, words=(k,)))
                break
    return out


CHARACTERISATION = TriggerEntry(lemma="describe", pos="VERB", event="ACCUSE", mode="disapprove", weight=0.8,
                                source="rule:a characterisation in words of censure")


def characterisations(tree: Tree, sent: int, lex: Lexicon) -> list[Trigger]:
    """Calling an act by a name of censure is condemning it ("called the operation an act of terror",
    "described the strikes as a flagrant violation of sovereignty", "called the actions destabilising")."""
    out: list[Trigger] = []
    verbs, censure = lex.wordset("characterising_verbs"), lex.wordset("censure_words")
    for k in tree.sentence_tokens(sent):
        t = tree[k]
        if t.pos != "VERB" or t.lemma not in verbs or not tree.children(k, "dobj"):
            continue
        words = {w for i in name_given(tree, k) for w in (tree[i].lemma, tree.lower[i])}
        if words & censure:
            out.append(Trigger(token=k, entry=CHARACTERISATION, words=(k,)))
    return out + verdicts(tree, sent, lex)


def name_given(tree: Tree, k: int) -> set[int]:
    """The words of the name a verb of characterising gives ("called the measure [a political
    execution]", "described the strikes as [a violation]")."""
    named = [*tree.children(k, "oprd"),
             *(o for p in tree.children(k, "prep") if tree.lower[p.i] == "as"
               for o in tree.children(p.i, "pobj", "amod", "acomp")),
             # (a quoted adjective the parser hangs on the object it follows: called the move "unhelpful")
             *(a for o in tree.children(k, "dobj") for a in tree.children(o.i, "amod") if a.i > o.i)]
    return {i for c in named for i in tree.subtree(c.i)}


VERDICT = TriggerEntry(lemma="be", pos="VERB", event="ACCUSE", mode="disapprove", weight=0.7,
                       source="rule:an act said to be a wrong")


_BREACHING = ("violate", "breach", "contravene", "flout", "infringe")


def verdicts(tree: Tree, sent: int, lex: Lexicon) -> list[Trigger]:
    """Saying an act is a wrong condemns it ("said the arrests of its councillors were political
    persecution", "said the strikes were a violation of Iraqi sovereignty"): a reported "be" whose subject is
    an act and whose complement is a word of censure."""
    out: list[Trigger] = []
    censure, reporting = lex.wordset("censure_words"), lex.wordset("reporting_verbs")
    for k in tree.sentence_tokens(sent):
        t = tree[k]
        if t.lemma not in ("be", *_BREACHING) or t.dep != "ccomp" or tree[t.head].lemma not in reporting \
                or tree.children(k, "neg"):
            continue
        subj = tree.child(k, "nsubj")
        if subj is None or not (lex.nouns.get(subj.lemma) or subj.lemma in lex.wordset("act_nouns")):
            continue
        words = {w for c in tree.children(k, "attr", "acomp") for i in tree.subtree(c.i)
                 for w in (tree[i].lemma, tree.lower[i])}
        # ("said the arrest violated the Vienna Convention": an act said to break a rule is condemned)
        if words & censure or t.lemma in _BREACHING:
            out.append(Trigger(token=k, entry=VERDICT, words=(k,)))
    return out


DISPLEASURE = TriggerEntry(lemma="be", pos="VERB", event="ACCUSE", mode="disapprove", weight=0.7,
                           source="rule:displeasure said")


def displeasures(tree: Tree, sent: int, lex: Lexicon) -> list[Trigger]:
    """Saying one is concerned, disappointed or outraged by something is disapproving of it ("said he was
    deeply concerned by the police action", "said it was disappointed that Pristina had not ...")."""
    out: list[Trigger] = []
    feelings = lex.wordset("displeasure_adjectives")
    for k in tree.sentence_tokens(sent):
        t = tree[k]
        if tree.lower[k] not in feelings:
            continue
        if t.pos in ("ADJ", "VERB") and t.dep == "acomp":
            # ("was deeply concerned": the parser may call the participle a verb)
            be = tree[t.head]
            if be.lemma == "be" and be.i != k and tree.children(be.i, "nsubj") and not tree.children(be.i, "neg"):
                out.append(Trigger(token=be.i, entry=DISPLEASURE, words=(be.i, k)))
        elif t.pos in ("VERB", "ADJ") and tree.children(k, "nsubjpass") and not tree.children(k, "neg") \
                and (t.pos == "ADJ" or t.tag == "VBN") \
                and any(tree[c.i].lemma == "be" for c in tree.children(k, "auxpass")):
            # ('it was "dismayed" by': in quotes the participle may be read as an adjective)
            out.append(Trigger(token=k, entry=DISPLEASURE, words=(k,)))  # "it was disappointed that ..."
    return out


def displeasure_subject(tree: Tree, trig: Trigger) -> list[int]:
    """Who is displeased: the subject of "was" or of the participle; for "he" in "the envoy said he was
    concerned", the one who said so."""
    subjects = [c.i for c in tree.children(trig.token, "nsubj", "nsubjpass")]
    t = tree[trig.token]
    if subjects and all(tree[k].pos == "PRON" for k in subjects) and t.dep == "ccomp":
        speakers = [c.i for c in tree.children(t.head, "nsubj")]
        return speakers or subjects
    return subjects


def displeasure_objects(tree: Tree, trig: Trigger) -> list[int]:
    """What the displeasure is about: "concerned by/about/over the action", "disappointed that Pristina
    had not coordinated" (the subject of what follows)."""
    feeling = next((w for w in trig.words if w != trig.token), trig.token)
    heads = [o.i for p in tree.children(feeling, "prep", "agent")
             if tree.lower[p.i] in ("by", "about", "over", "at", "with")
             for o in tree.children(p.i, "pobj")]
    heads += [n.i for c in tree.children(feeling, "ccomp", "advcl") for n in tree.children(c.i, "nsubj")]
    return heads


REFUSAL = TriggerEntry(lemma="refuse", pos="VERB", event="REJECT", weight=0.9,
                       source="rule:a verb of refusing and the act refused")


def refusals(tree: Tree, sent: int, lex: Lexicon) -> list[Trigger]:
    """A verb of refusing with the act refused as its complement is a refusal ("declined to resign",
    "balked at paying"), whatever the verb means alone ("exports declined")."""
    verbs = lex.wordset("rejecting_verbs")
    return [Trigger(token=k, entry=REFUSAL, words=(k,)) for k in tree.sentence_tokens(sent)
            if tree[k].pos == "VERB" and tree[k].lemma in verbs
            and (tree.children(k, "xcomp") or _refused_outright(tree, k))
            and not any(e.specificity == 0 for e in lex.verbs.get(tree[k].lemma, ()))]


def _refused_outright(tree: Tree, k: int) -> bool:
    """"invited him to talks, but the leader declined", "The government refused.": a refusal with nothing
    after it refuses what was just offered or asked ("exports declined by 5%" has a measure)."""
    return tree[k].lemma in ("decline", "refuse") and tree[k].tag in ("VBD", "VBZ", "VBP") \
        and not tree.children(k, "dobj", "xcomp", "ccomp", "prep", "npadvmod", "advmod", "acomp", "attr") \
        and bool(tree.children(k, "nsubj"))


REFUSED = TriggerEntry(lemma="not", pos="VERB", event="REJECT", weight=0.8,
                       source="rule:an act announced not to be done")


def announced_refusals(tree: Tree, sent: int, lex: Lexicon) -> list[Trigger]:
    """An act its doer announces it will not do is a refusal, whatever the act ("Dakar would not renew the
    agreement", "said he would not pay any fine", "we will not sit down with them"); an act with a trigger
    of its own is read by the modality rules instead (kept only where no entry matches)."""
    skip = lex.wordset("not_refused") | lex.wordset("reporting_verbs")
    out: list[Trigger] = []
    for k in tree.sentence_tokens(sent):
        t = tree[k]
        if t.pos != "VERB" or t.tag != "VB" or t.lemma in skip or t.dep not in ("ccomp", "ROOT", "conj"):
            continue
        auxes = {tree.lower[c.i] for c in tree.children(k, "aux")}
        subj = tree.child(k, "nsubj")
        if auxes & {"will", "would", "wo", "shall"} and _negated(tree, k) and subj is not None \
                and subj.pos in ("PROPN", "NOUN", "PRON") and tree.lower[subj.i] not in ("this", "that", "there") \
                and tree.children(k, "dobj", "prep", "prt"):
            out.append(Trigger(token=k, entry=REFUSED, words=(k,)))
    return out


INTENT = TriggerEntry(lemma="ready", pos="VERB", event="AGREE", weight=0.7, source="rule:readiness to act")
NO_INTENT = TriggerEntry(lemma="interest", pos="VERB", event="REJECT", weight=0.8, source="rule:no intent to act")
PERMISSION = TriggerEntry(lemma="allow", pos="VERB", event="CONCEDE", weight=0.8, source="rule:a permission granted")


def intentions(tree: Tree, sent: int, lex: Lexicon) -> list[Trigger]:
    """Acts a subject declares itself ready, willing or committed to do, or has no interest in doing.

    Readiness is an intent to cooperate, PLOVER's AGREE, even when the act is no event word ("is ready
    to contribute troops", "is committed to opening up the economy"; an act with a trigger of its own
    is read by the modality rules instead). Its absence is a refusal, REJECT, whatever the act ("has no
    interest in speaking to", "is not willing to negotiate", "no plans to attend").
    """
    adjectives, nouns = lex.wordset("intent_adjectives"), lex.wordset("intent_nouns")
    out: list[Trigger] = []
    for k in tree.sentence_tokens(sent):
        word = tree.lower[k]
        if word in adjectives and tree[k].dep in ("acomp", "amod", "ROOT", "conj", "ccomp", "xcomp") \
                and tree[k].tag not in ("VBD", "VBZ", "VBP", "VBG"):  # "is prepared to", not "prepared to"
            negated = _negated(tree, k) or _negated(tree, tree[k].head)
        elif tree[k].lemma in nouns and tree[k].pos == "NOUN":
            negated = _negated(tree, k) or (tree[k].dep == "dobj" and _negated(tree, tree[k].head))
            if not negated:
                continue  # "plans to visit": the modality rules read the act itself
        else:
            continue
        for a in _complement_acts(tree, k):
            if negated:
                out.append(Trigger(token=a, entry=NO_INTENT, words=(a,)))
            elif tree[a].lemma not in lex.wordset("non_acts"):
                out.append(Trigger(token=a, entry=INTENT, words=(a,)))  # kept only where no entry matches
    return out


def permissions(tree: Tree, sent: int, lex: Lexicon) -> list[Trigger]:
    """"allowed the opposition to hold a rally", "will let refugees return home": a permission granted
    is a concession (CONCEDE), to the one allowed."""
    return [Trigger(token=k, entry=PERMISSION, words=(k,)) for k in tree.sentence_tokens(sent)
            if tree[k].pos == "VERB" and tree[k].lemma in lex.wordset("permission_verbs")
            and (any(c.pos == "VERB" for c in tree.children(k, "ccomp", "xcomp")) or _allowed_to(tree, k))]


def _allowed_to(tree: Tree, k: int) -> bool:
    """"will allow 13,000 refugees who have lived in Iraq to return": the infinitive the parser hung
    inside the object is still what is allowed."""
    return any(tree[j].pos == "VERB" and any(tree.lower[a.i] == "to" for a in tree.children(j, "aux"))
               for o in tree.children(k, "dobj") for j in tree.subtree(o.i))


OBLIGATION = TriggerEntry(lemma="say", pos="VERB", event="REQUEST", weight=0.7,
                          source="rule:another party told what it must do")


def obligations(tree: Tree, sent: int, lex: Lexicon) -> list[Trigger]:
    """"Russia said Sudan must return the helicopter", "the minister reiterated that Libya should hand
    over the suspects": telling another party what it must do is a demand (REQUEST) by the speaker."""
    verbs, must = lex.wordset("reporting_verbs"), lex.wordset("obligation_modals")
    out: list[Trigger] = []
    for k in tree.sentence_tokens(sent):
        if tree[k].pos != "VERB" or tree[k].lemma not in verbs:
            continue
        for c in tree.children(k, "ccomp"):
            modals = {tree.lower[a.i] for a in tree.children(c.i, "aux")}
            subj = tree.child(c.i, "nsubj", "nsubjpass")
            if modals & must and subj is not None and subj.pos != "PRON":
                out.append(Trigger(token=k, entry=OBLIGATION, words=(k,)))
                break
    return out


def _act_words(tree: Tree, k: int) -> list[int]:
    """The act and its objects ("ready to resume talks": the talks are the event the modality rules read)."""
    return [k, *(c.i for c in tree.children(k, "dobj", "xcomp"))]


def _negated(tree: Tree, k: int) -> bool:
    return any(tree.lower[c.i] in ("no", "not", "n't", "never") for c in tree.children(k, "det", "neg", "advmod"))


def _complement_acts(tree: Tree, k: int) -> list[int]:
    """The verbs a word of readiness or intent governs: "ready to help", "interest in speaking"."""
    acts = [c.i for c in tree.children(k, "xcomp", "acl") if c.pos == "VERB"]
    acts += [o.i for p in tree.children(k, "prep") if tree.lower[p.i] in ("to", "in", "of")
             for o in tree.children(p.i, "pcomp") if o.pos == "VERB"]
    return acts


def _unlemmatised(lex: Lexicon, lemma: str, tag: str) -> list[TriggerEntry]:
    """Entries for a verb the lemmatiser left inflected ("jeered", "cordoned" -> "cordone"): the
    regular stems of an -ed or -ing form, tried in turn."""
    if len(lemma) < 5 or not (tag in ("VBD", "VBN", "VBG") or lemma.endswith(("ed", "ing"))):
        return []
    word = lemma
    stems: list[str] = []
    for end in ("ed", "ing", "e"):
        if word.endswith(end):
            base = word[: -len(end)]
            stems += [base, base + "e", base[:-1] if len(base) > 2 and base[-1] == base[-2] else base]
            if base.endswith("i"):
                stems.append(base[:-1] + "y")
    for stem in stems:
        if stem != lemma and (found := lex.verbs.get(stem)):
            return found
    return []


GATHERING = TriggerEntry(lemma="gather", pos="VERB", event="PROTEST", mode="demo", weight=0.7,
                         source="rule:a crowd gathering to make a point")


def gatherings(tree: Tree, sent: int, lex: Lexicon) -> list[Trigger]:
    """A crowd that gathers to make a point ("to demand", "to denounce", "in protest"), outside a building
    or in a square is demonstrating ("several thousand people gathered on the square to demand ...");
    leaders who gather for a summit, or a crowd at a funeral, are not (no crowd, or nothing says why)."""
    verbs, crowds = lex.wordset("gathering_verbs"), lex.wordset("crowd_nouns")
    places, preps = lex.wordset("gathering_places"), lex.wordset("gathering_preps")
    aims = lex.wordset("requesting_verbs") | lex.wordset("gathering_aims")
    out: list[Trigger] = []
    for k in tree.sentence_tokens(sent):
        if tree[k].pos != "VERB" or tree[k].lemma not in verbs or lex.verbs.get(tree[k].lemma) and any(
                _matches(tree, k, e, {}) is not None for e in lex.verbs[tree[k].lemma]):
            continue
        subject = tree.children(k, "nsubj")
        if not subject or subject[0].pos == "PROPN" or not _crowd(tree, subject[0].i, crowds):
            continue
        purpose = any(tree.children(c.i, "aux") and tree.lower[tree.children(c.i, "aux")[0].i] == "to"
                      and c.lemma in aims for c in tree.children(k, "xcomp", "advcl"))
        where = [p for p in tree.children(k, "prep") if tree.lower[p.i] in preps
                 or _phrase(tree, p.i) in preps
                 or any(o.lemma in places for o in tree.children(p.i, "pobj"))]
        protest = any(o.lemma == "protest" for p in tree.children(k, "prep") for o in tree.children(p.i, "pobj"))
        if purpose or where or protest:
            out.append(Trigger(token=k, entry=GATHERING, words=(k,)))
    return out


def _crowd(tree: Tree, k: int, crowds: frozenset[str]) -> bool:
    """"people", "thousands", "several thousand residents", "a crowd of students"."""
    t = tree[k]
    return t.lemma in crowds or t.text.lower() in crowds or t.ent_type == "CARDINAL"


def _phrase(tree: Tree, p: int) -> str:
    """A two- or three-word preposition the parser split ("in front of")."""
    words = [tree.lower[p]] + [tree.lower[c.i] for c in tree.children(p, "pobj") if tree.lower[c.i] == "front"]
    return " ".join(words + ["of"]) if len(words) > 1 else words[0]


_BODIES = frozenset({"conference", "council", "committee", "commission", "assembly", "congress", "convention",
                     "board", "forum", "synod"})


def find_triggers(tree: Tree, sent: int, lex: Lexicon) -> list[Trigger]:
    intents = intentions(tree, sent, lex)
    out: list[Trigger] = [*allegations(tree, sent, lex), *characterisations(tree, sent, lex),
                          *displeasures(tree, sent, lex),
                          *refusals(tree, sent, lex), *obligations(tree, sent, lex),
                          *(t for t in intents if t.entry is not INTENT), *permissions(tree, sent, lex),
                          *gatherings(tree, sent, lex)]
    out = list({t.token: t for t in reversed(out)}.values())[::-1]  # one reading per word: the first
    claimed = {t.token for t in out}
    objects: dict[int, dict[str, int]] = {}
    for k in tree.sentence_tokens(sent):
        t = tree[k]
        if k in claimed:
            continue
        if t.pos in ("VERB", "AUX") and t.dep != "amod":
            entries = lex.verbs.get(t.lemma) or _unlemmatised(lex, t.lemma, t.tag)
        elif t.pos in ("NOUN", "PROPN") and t.ent_type not in ("PERSON", "GPE", "ORG", "NORP", "DATE"):
            if t.dep == "nsubj" and t.lemma in _BODIES and tree.head(k).pos == "VERB" and tree.children(k, "poss"):
                continue  # "the bishops' conference urged": a body that acts, not a meeting
            entries = lex.nouns.get(t.lemma, []) or lex.nouns.get(t.text.lower(), [])
        else:
            continue
        best: tuple[tuple[int, int, float], TriggerEntry, tuple[int, ...]] | None = None
        for e in entries:
            words = _matches(tree, k, e, objects)
            if words is None:
                continue
            # ("sent two patrol boats": our entry naming "patrol boat" over the one naming any "boat"; the
            # converted dictionary's long object lists do not outrank our own entries this way)
            named = max((len(o.split()) for o in e.objects if o in objects.get(k, {})), default=0) \
                if e.source == "kronika" else 0
            rank = (e.specificity, named, e.weight)
            if best is None or rank > best[0]:
                best = (rank, e, words)
        if best is not None:
            out.append(Trigger(token=k, entry=best[1], words=best[2]))
    # an act declared ready to be done that no entry reads: the readiness itself (AGREE); one announced
    # not to be done that no entry reads: a refusal (REJECT)
    matched = {t.token for t in out}
    out += [t for t in intents if t.entry is INTENT and not matched & set(_act_words(tree, t.token))]
    refused = [t for t in announced_refusals(tree, sent, lex) if t.token not in matched]
    # ("would not pay any fine": the fine is what is refused, no act of its own)
    refused_things = {c.i for t in refused for c in tree.children(t.token, "dobj")}
    out = [t for t in out if t.token not in refused_things or tree[t.token].pos != "NOUN"] + refused
    return sorted(out, key=lambda t: t.token)
