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
    actor_how: str = ""  # how each side was found, for --explain
    recipient_how: str = ""
    # those an act judged was done to ("condemned the arrest of three journalists"): the other party only
    # when who did it cannot be found
    patients: list[int] = field(default_factory=list)

def is_passive(tree: Tree, k: int) -> bool:
    """A passive verb; not a participle of stance ("Israel is opposed to", "Japan is committed to")."""
    return tree.lower[k] not in _STANCES and any(c.dep in ("auxpass", "nsubjpass") for c in tree.children(k))

def antecedent(tree: Tree, k: int) -> int:
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
_STANCES = frozenset({"committed", "prepared", "determined", "resolved", "poised", "set", "engaged", "dedicated",
                      "opposed"})

_RELATIONAL = frozenset({"counterpart", "host", "guest", "rival", "opponent", "neighbour", "neighbor", "ally",
                         "partner", "successor", "predecessor", "enemy", "foe", "adversary"})

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
    return antecedent(tree, s.i)

def _stranded_subject(tree: Tree, k: int, is_actor: IsActor) -> int | None:
    """"Minsk expelled a Polish consul and Warsaw accused the Belarusian authorities": the parser joins
    "Warsaw" to the first clause's object and leaves "accused" with no subject; a name just before a
    coordinated finite verb is that verb's subject."""
    t = tree[k]
    if t.dep != "conj" or t.tag not in ("VBD", "VBZ", "VBP") or k == 0:
        return None
    before = tree[k - 1]
    if before.dep == "conj" and before.pos in ("PROPN", "NOUN") and tree.head(before.i).pos in ("NOUN", "PROPN") \
            and is_actor(before.i):
        return before.i
    return None


def subject_of(tree: Tree, k: int, is_actor: IsActor, *, limit: int = 6) -> int | None:
    """The nearest subject up the clause chain that names an actor."""
    cur = k
    for _ in range(limit):
        t = tree[cur]
        if cur != k and t.tag in ("NN", "NNS") and t.dep in ("advcl", "ccomp", "xcomp"):
            return None  # "as attempts to resolve the crisis were deadlocked": a noun the parser made a clause
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
        if s is not None and not is_actor(s):
            # two subjects: a dateline the parser took for one ("BELGRADE — Serbia's defence ministry ordered")
            s = next((o for c in tree.children(cur, "nsubj") if is_actor(o := antecedent(tree, c.i))), s)
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

def _message_source(tree: Tree, subj: int, lex: Lexicon, is_actor: IsActor) -> int | None:
    """"A statement from the Iraqi foreign ministry described ...", "the ministry's statement said": what
    a message says, its sender says."""
    if tree[subj].lemma not in lex.wordset("message_nouns"):
        return None
    found = [c.i for c in tree.children(subj, "poss") if is_actor(c.i)]
    found += [o for o in prep_objects(tree, subj, ["from", "by", "of"]) if is_actor(o)]
    return found[0] if found else None


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
    if tree[verb].dep == "conj":
        # "an explosion killed two youths and wounded five": the first verb's object is no subject
        objects = {i for c in tree.children(tree[verb].head, "dobj", "attr") for i in tree.subtree(c.i)}
        out = [k for k in out if k not in objects]
    return sorted(out)

def prep_objects(tree: Tree, k: int, preps: list[str] | frozenset[str]) -> list[int]:
    out: list[int] = []
    here = tree.children(k, "prep", "dative")
    if not here:
        return out  # most words: no need to go through the prepositions wanted
    # "pulled its troops out of Moldova", "away from the border": a two-word preposition leaving a place
    # is "from"
    words = [(tree.lower[p.i], p.i) for p in here]
    words += [("from", q.i) for p in here if tree.lower[p.i] in ("out", "away")
              for q in tree.children(p.i, "prep") if tree.lower[q.i] in ("of", "from")]
    for want in preps:
        for word, p in words:
            if word != want:
                continue
            for o in tree.children(p, "pobj"):
                out.append(o.i)
                out.extend(c.i for c in tree.children(o.i, "conj"))
        if out:
            return out
    return out

def prep_actors(tree: Tree, k: int, preps: list[str] | frozenset[str], is_actor: IsActor) -> list[int]:
    """The actors of the first preposition, in order of preference, that has any ("talks with X on
    Tuesday": X, not the day that an earlier-preferred "on" names)."""
    for want in preps:
        found = [o for o in prep_objects(tree, k, [want]) if is_actor(o)]
        if found:
            return found
    return []

def conjuncts(tree: Tree, k: int) -> list[int]:
    # A stack, not recursion: a list of thousands of names chains each conjunct under the previous one,
    # deeper than Python's recursion limit. Same order as a depth-first walk.
    out: list[int] = []
    stack = [k]
    while stack:
        n = stack.pop()
        out.append(n)
        stack.extend(reversed([c.i for c in tree.children(n, "conj")]))
    return out

def inside(tree: Tree, k: int, is_actor: IsActor, lex: Lexicon) -> list[int]:
    """Actors inside a non-actor object: "praised security cooperation with Russia"."""
    if is_actor(k):
        return conjuncts(tree, k)
    for c in tree.children(k, "poss", "compound", "amod", "nmod"):
        if is_actor(c.i):
            return [c.i]
    # "the demonstration staged by students", "crimes committed by Croat forces": whose act it is
    done_by = [o.i for c in tree.children(k, "acl") for a in tree.children(c.i, "agent")
               for o in tree.children(a.i, "pobj") if is_actor(o.i)]
    if done_by:
        return done_by
    return prep_actors(tree, k, ["of", "by", *lex.args["recipient_preps"]], is_actor)

_JUDGING = frozenset({"ACCUSE", "SUPPORT"})
_DEED_CATEGORIES = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "RETREAT", "AID"})


def _deed(lex: Lexicon, lemma: str) -> bool:
    return any(e.event in _DEED_CATEGORIES for e in lex.nouns.get(lemma, ()))


def deed_doers(tree: Tree, k: int, is_actor: IsActor) -> list[int]:
    """Who did the act an event noun names, by its own words: "Russia's attack", "the Israeli strikes",
    "the killing of civilians by soldiers", "the raid carried out by police"."""
    own = [c.i for c in tree.children(k, "poss") if is_actor(c.i)]
    own = own or [c.i for c in tree.children(k, "amod", "compound", "nmod") if c.pos != "PRON" and is_actor(c.i)]
    own = own or prep_actors(tree, k, ["by"], is_actor)
    return own or [o.i for c in tree.children(k, "acl") for a in tree.children(c.i, "agent")
                   for o in tree.children(a.i, "pobj") if is_actor(o.i)]


def _whom_it_is_to(tree: Tree, k: int, trig: Trigger, is_actor: IsActor, lex: Lexicon) -> list[int]:
    """"reaffirmed Washington's commitment to South Korea's defence": when the object is the act's own noun,
    its possessor is whose the act is, and the other party is whom it is to."""
    if k not in trig.words or not tree.children(k, "poss"):
        return []
    return [a for o in prep_objects(tree, k, ["to", "for", "towards", "toward", "with"])
            for a in ([o] if is_actor(o) else inside(tree, o, is_actor, lex))]


def verb_args(tree: Tree, trig: Trigger, lex: Lexicon, is_actor: IsActor) -> Args:
    k = trig.token
    args = Args()
    # "Beijing welcomed the Russian president": the host; "welcomed the statement" is approval, not a visit
    host = trig.entry.lemma in lex.wordset("host_verbs") and trig.entry.event == "CONSULT" \
        and trig.entry.mode != "third-party"  # "hosted talks between A and B": the host is the third party
    if is_passive(tree, k):
        agent = [o.i for a in tree.children(k, "agent") for o in tree.children(a.i, "pobj")]
        subj = tree.child(k, "nsubjpass")
        if subj is None and tree[k].dep == "conj" and tree.child(k, "nsubj") is None:
            # "flew into Bissau and was received by the president": the conjunct shares the first verb's subject
            subj = tree.child(tree[k].head, "nsubj") or tree.child(tree[k].head, "nsubjpass")
        subj_i = antecedent(tree, subj.i) if subj is not None else None
        if host:
            args.actors = conjuncts(tree, subj_i) if subj_i is not None else []
            args.recipients = agent + prep_objects(tree, k, ["to", "in", "by"])
            args.actor_how, args.recipient_how = "the one received (passive subject)", "the host (by, to, in)"
        else:
            # "has been accused of misusing funds ... by government officials": a "by" the parser hung
            # lower in the clause still names the agent
            agent = agent or [o.i for j in tree.subtree(k) if j > k and tree.lower[j] == "by"
                              and tree[j].dep in ("prep", "agent")
                              for o in tree.children(j, "pobj") if is_actor(o.i)][-1:]
            # ("would be shortened by two hours": a measure, not an agent)
            args.actors = [a for a in agent if is_actor(a) or tree[a].pos not in ("NOUN", "NUM")]
            args.actor_how = "the passive's agent (by)"
            if not agent and trig.entry.event == "ACCUSE" and tree[k].dep == "ccomp" \
                    and tree[tree[k].head].lemma in lex.wordset("reporting_verbs"):
                # "police said the four were suspected of organising": the one who says so suspects them
                reporter = [c.i for c in tree.children(tree[k].head, "nsubj") if is_actor(c.i)]
                if reporter:
                    args.actors = conjuncts(tree, reporter[0])
                    args.actor_how = "the one who says so (a reported passive)"
            if not agent and (trig.entry.event == "MOBILIZE" or trig.entry.mode == "disarm") \
                    and subj_i is not None and is_actor(subj_i):
                # "Reinforcements were sent to the area", "guerrillas have been demobilized": the forces
                # moved or stood down are their own side's
                args.actors = conjuncts(tree, subj_i)
                args.actor_how = "the forces moved (the passive's subject)"
            elif subj_i is not None and trig.entry.passive_recipient and is_actor(subj_i):
                args.recipients = conjuncts(tree, subj_i)
                args.recipient_how = "the passive's subject"
    else:
        own = own_subject(tree, k)
        if own is not None and not is_actor(own):
            # two subjects (a dateline the parser took for one), or an actor hung inside the subject
            others = [antecedent(tree, c.i) for c in tree.children(k, "nsubj") if c.i != own]
            own = next((o for o in others if is_actor(o)), None) or _actor_within(tree, own, k, is_actor) \
                or _message_source(tree, own, lex, is_actor) or own
        stranded = _stranded_subject(tree, k, is_actor) if own is None else None
        if own is not None and is_actor(own):
            args.actors = conjuncts(tree, own)
            args.actor_how = "the verb's subject"
        elif stranded is not None:
            args.actors = [stranded]
            args.actor_how = "the name just before the verb (read by the parser as a conjunct of an object)"
        else:
            inherited = subject_of(tree, k, is_actor)
            if inherited is not None:
                args.actors = conjuncts(tree, inherited)
                args.inferred_actor = True
                args.actor_how = "the subject of the clause above"
            else:
                args.actors = _left_list(tree, k, is_actor)
                args.actor_how = "the names just before the verb"
        obj = tree.child(k, "dobj", "obj")
        if obj is None:
            # "killed around 30 of the assailants": the parser hangs the counted object on "around"
            obj = next((o for a in tree.children(k, "advmod", "prep") if tree.lower[a.i] in _APPROXIMATELY
                        for o in tree.children(a.i, "pobj") if o.pos == "NUM"), None)
        if obj is None and tree[k].lemma in lex.wordset("permission_verbs") | lex.wordset("object_control_verbs"):
            # "allowed [Kouame to run]": the parser makes the one allowed the complement's subject
            obj = next((s for c in tree.children(k, "ccomp") for s in tree.children(c.i, "nsubj")), None)
        # "recalled its ambassador": the subject's own envoy is no other party; "met his Brazilian
        # counterpart" names one (a relational noun, or a nationality of its own)
        # ("urged its citizens", "arrested its own officers": whom one asks or acts on is the other party)
        own_thing = obj is not None and trig.entry.event in _MOVES_OWN \
            and any(c.pos == "PRON" for c in tree.children(obj.i, "poss")) \
            and obj.lemma not in _RELATIONAL and not any(c.ent_type in ("NORP", "GPE")
                                                         for c in tree.children(obj.i, "amod", "compound"))
        # "mobilized reservists", "deployed troops": a show of force moves its own forces; the other party
        # is where they go or whom they face
        # ("handed over medicine to the Red Crescent": the goods given are no party; "helped Ukraine" names one)
        given = trig.entry.event == "AID" and bool(trig.entry.objects)
        # ("withdrew its inspectors from Iraq", "pulled troops out of Lebanon": what is withdrawn is the
        # actor's own)
        withdrawn = (trig.entry.event == "SANCTION" and trig.entry.mode == "withdraw"
                     or trig.entry.event == "RETREAT" and trig.entry.mode in ("withdraw", "disarm")) \
            and bool(trig.entry.objects)
        own_thing = own_thing or trig.entry.event == "MOBILIZE" or given or withdrawn
        if obj is not None and not own_thing:
            # ("recalled its ambassador from Mali": the subject's own envoy is not the other party; "blocked
            # the main road to Georgia": a blockade is aimed at no one inside the road it blocks)
            blocked = trig.entry.event == "PROTEST" and bool(trig.entry.objects)
            args.recipients = (conjuncts(tree, obj.i) if is_actor(obj.i) else []) if blocked \
                else _whom_it_is_to(tree, obj.i, trig, is_actor, lex) or inside(tree, obj.i, is_actor, lex)
            args.recipient_how = "the verb's object"
            if trig.entry.event in _JUDGING and not is_actor(obj.i) and _deed(lex, obj.lemma):
                # "condemned the attack on the convoy", "praised the release of the hostages": a judgement
                # of an act is aimed at whoever did it, not at those it was done to
                doers = deed_doers(tree, obj.i, is_actor)
                args.patients = [] if doers else args.recipients
                args.recipients = doers
                args.recipient_how = "who did the act judged" if doers else ""
        if trig.entry.mode == "third-party" and obj is not None and not args.recipients:
            # "host talks between Burkina Faso and Ivory Coast": the parties of the talks hosted
            args.recipients = prep_actors(tree, obj.i, lex.args["participant_preps"], is_actor)
            args.recipient_how = "the parties of the talks (between)"
        if host:
            args.actors, args.recipients = args.recipients, args.actors
            args.actor_how, args.recipient_how = "the visitor (host verb's object)", "the host (host verb's subject)"
    if trig.entry.event in ("REQUEST", "THREATEN") and not args.recipients:
        # "demanded that the government provide", "said Sudan must return": the one asked; "warned that
        # teachers who stayed away would lose their pay": the one threatened
        # ("insisted on its demands that Burundi's government grant ...": the clause may hang on the noun)
        nouns = [o.i for o in tree.children(k, "dobj")] + prep_objects(tree, k, ["on", "for"])
        clauses = [*tree.children(k, "ccomp"), *(c for n in nouns for c in tree.children(n, "ccomp", "acl")
                                                 if trig.entry.event == "REQUEST" and tree.child(c.i, "mark"))]
        for c in clauses:
            s = tree.child(c.i, "nsubj", "nsubjpass")
            # ("would have their pay docked": what is done to them, as a passive)
            undergone = c.lemma in ("have", "get") \
                and any(x.tag == "VBN" for x in tree.children(c.i, "ccomp", "xcomp", "oprd"))
            if trig.entry.event == "THREATEN" and not (
                    (s is not None and s.dep == "nsubjpass" or c.lemma in lex.wordset("consequence_verbs") or undergone)
                    and {tree.lower[a.i] for a in tree.children(c.i, "aux")} & {"would", "will", "could", "'ll"}):
                continue  # "warned that Côte d'Ivoire would expel ...": the one who will act threatens
            if s is not None and is_actor(antecedent(tree, s.i)):
                args.recipients = conjuncts(tree, antecedent(tree, s.i))
                args.recipient_how = "the subject of what is demanded"
                break
    if trig.entry.event == "ACCUSE" and not args.recipients and not args.patients:
        # "launched an investigation into alleged crimes committed by Croat forces"
        heads = [k, *(c.i for c in tree.children(k, "dobj"))]  # "launched an investigation into ..."
        for o in [o for h in heads for o in prep_objects(tree, h, ["into", "of", "over", "for"])]:
            args.recipients = args.recipients or inside(tree, o, is_actor, lex)
        args.recipient_how = "whoever did what is investigated or alleged" if args.recipients else ""
    if trig.entry.mode == "allege" and not args.recipients:
        args.recipients = alleged(tree, k, is_actor)
        args.recipient_how = "the one the allegation is about"
    if not args.recipients and not is_passive(tree, k):
        # "gave Kenya 20 million euros", "sent Haiti two planes": the indirect object is whom it is for
        args.recipients = [j for c in tree.children(k, "dative") if is_actor(c.i) for j in conjuncts(tree, c.i)]
        args.recipient_how = "the indirect object" if args.recipients else ""
    preps = ([trig.entry.prep.lower()] if trig.entry.prep else []) + list(lex.args["recipient_preps"])
    if not args.recipients:
        args.recipients = prep_actors(tree, k, preps, is_actor)
        args.recipient_how = "a prepositional object (" + "/".join(preps[:4]) + "...)"
    if not args.recipients:
        # "asking for my head", "called for X's release", "opposed to French mediation": whose it is
        for o in prep_objects(tree, k, preps):
            args.recipients += [c.i for c in tree.children(o, "poss", "amod", "compound", "nmod")
                                if is_actor(c.i) and (c.dep == "poss" or c.pos != "PRON")]
        args.recipient_how = "the owner of a prepositional object"
    # ("arrested 87 people, among them a lawmaker": a pronoun among the object's is part of it, no party)
    between = [o for o in prep_objects(tree, k, lex.args["participant_preps"])
               if not (tree[o].pos == "PRON" and tree.children(k, "dobj"))]
    if between:
        # "after fighting between rival clans": a gerund with parties of its own is their act, not the
        # act of a subject inherited from the clause above
        args.actors = between if args.inferred_actor else [a for a in args.actors if is_actor(a)] + between
        args.actor_how += " and the parties between/among"
    _comitative(tree, k, lex, is_actor, args)
    if not args.recipients:
        args.recipient_how = ""
    return args

_APPROXIMATELY = frozenset({"around", "about", "nearly", "almost", "over", "some", "roughly", "approximately",
                            "up"})

# Acts whose object may be the actor's own people or goods, sent, given, moved or withdrawn
_MOVES_OWN = frozenset({"SANCTION", "MOBILIZE", "RETREAT", "AID", "COOPERATE", "CONCEDE", "AGREE"})


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
                args.actors += [c for c in conjuncts(tree, obj.i) if is_actor(c)]

def _patient_of(lex: Lexicon, lemma: str) -> bool:
    return lemma in lex.wordset("patient_of_nouns") or \
        any(lemma.endswith(s) for s in lex.args["patient_of_suffixes"])

def noun_args(tree: Tree, trig: Trigger, lex: Lexicon, is_actor: IsActor) -> Args | None:
    """Arguments of an event noun; None when it only points back to an event already told."""
    k = trig.token
    t = tree[k]
    args = Args()
    # "the withdrawal of some invasion forces from Panama": what is moved is no party, the place it
    # leaves is the other party, and the forces' own country (if said) is the actor
    leaving = t.lemma in lex.wordset("withdrawal_nouns")  # "from X" is the place left, not the giver
    theme = leaving or t.lemma in lex.wordset("theme_of_nouns")
    poss = [c.i for c in tree.children(k, "poss") if is_actor(c.i)]
    by = prep_actors(tree, k, ["by"] if leaving else ["by", "from"], is_actor)
    mods = [c.i for c in tree.children(k, "amod", "compound", "nmod") if is_actor(c.i)]
    of = [o for o in prep_objects(tree, k, ["of"]) if is_actor(o)
          and (not theme or any(c.ent_type in ("NORP", "GPE") or c.dep == "poss" for c in tree.children(o)))]
    between = prep_actors(tree, k, lex.args["participant_preps"], is_actor)
    if not between and t.dep in ("nsubj", "nsubjpass") and tree[t.head].lemma in lex.wordset("occurrence_verbs"):
        # "heavy fighting erupted overnight between two armed groups": the parties hang on the verb
        between = prep_actors(tree, t.head, lex.args["participant_preps"], is_actor)
    rec = prep_actors(tree, k, lex.args["recipient_preps"], is_actor)
    # "talks mediated by Kenya": the third party of a meeting; "a raid carried out by rebels": its doer
    for c in tree.children(k, "acl"):
        agents = [o.i for a in tree.children(c.i, "agent") for o in tree.children(a.i, "pobj") if is_actor(o.i)]
        if agents and c.lemma in lex.wordset("host_verbs") | lex.wordset("mediating_verbs"):
            rec = rec or agents
        elif agents:
            by = by or agents
    args.actors = poss or by or mods
    args.actor_how = "the noun's possessor" if poss else "the noun's by/from object" if by else "the noun's modifier"
    if of:
        if theme and not args.actors:
            args.actors = of
            args.actor_how = "the country of what the noun moves"
        elif _patient_of(lex, t.lemma) or args.actors:
            rec = rec or of
        else:
            args.actors = args.actors or of
            args.actor_how = "the noun's of-object"
    args.recipients = rec
    args.recipient_how = "the noun's prepositional object" if rec else ""
    if between:
        args.actors = args.actors + between
        args.actor_how += " and the parties between/among"
    if theme and not args.recipients:
        # "the withdrawal of forces from Panama": the place left may hang on what is withdrawn
        args.recipients = [o for c in prep_objects(tree, k, ["of"])
                           for o in prep_objects(tree, c, lex.args["recipient_preps"]) if is_actor(o)]
        args.recipient_how = "the place what the noun moves goes from or to" if args.recipients else ""
    # "the withdrawal of some forces" is told for itself; a bare "the withdrawal" points back to one told
    own = bool(args.actors or args.recipients or prep_objects(tree, k, ["of"]))
    det = tree.child(k, "det")
    if not own and det is not None and det.text.lower() in lex.wordset("anaphoric_determiners"):
        return None
    if not args.actors and t.dep not in ("nsubj", "nsubjpass"):
        verb = governing_verb(tree, k)
        if verb is not None and tree[verb].lemma in lex.wordset("observing_verbs"):
            verb = None  # "documented 40 killings": the one who tells is not the one who did it
        if verb is not None:
            if is_passive(tree, verb):
                agent = [o.i for a in tree.children(verb, "agent") for o in tree.children(a.i, "pobj")]
                subj = tree.child(verb, "nsubjpass")
                args.actors = [a for a in agent if is_actor(a)]
                args.actor_how = "the agent of the passive verb governing the noun"
                if subj is not None and is_actor(subj.i) and not args.recipients:
                    args.recipients = conjuncts(tree, subj.i)
                    args.recipient_how = "the subject of the passive verb governing the noun"
            if not args.actors:
                s = subject_of(tree, verb, is_actor)
                if s is not None:
                    args.actors = conjuncts(tree, s)
                    args.inferred_actor = True
                    args.actor_how = "the subject of the verb governing the noun"
            if not args.recipients and t.dep in ("dobj", "attr"):
                args.recipients = [o for o in prep_objects(tree, verb, lex.args["recipient_preps"])
                                   if is_actor(o)]
                args.recipient_how = "a prepositional object of the verb governing the noun"
    if not args.recipients:
        args.recipient_how = ""
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


def alleged(tree: Tree, k: int, is_actor: IsActor) -> list[int]:
    """Who an allegation is about: the subject of what is claimed, or what a relative clause hangs on."""
    for c in tree.children(k, "ccomp"):
        s = tree.child(c.i, "nsubj", "nsubjpass")
        if s is not None:
            a = antecedent(tree, s.i)
            if is_actor(a):
                return [a]
    t = tree[k]
    if t.dep == "relcl":
        noun = t.head
        for cand in (tree[noun].head if tree[noun].dep == "appos" else noun, noun):
            if is_actor(cand):
                return [cand]
    return []
