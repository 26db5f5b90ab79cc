"""Coding one sentence: triggers → arguments → modality → date and place → PLOVER records."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date as date_type
from datetime import timedelta

from kronika.actors import ActorView
from kronika.events import plover
from kronika.events.arguments import (
    Args,
    governing_verb,
    is_passive,
    misparsed_main_verb,
    noun_args,
    purpose_targets,
    refused_objects,
    verb_args,
)
from kronika.events.conventions import Conventions
from kronika.events.lexicon import Lexicon
from kronika.events.modality import COOPERATIVE, Modality, historical, modality
from kronika.events.places import event_place, place_country
from kronika.events.triggers import NO_INTENT, Trigger, find_triggers
from kronika.nlp.timex import WEEKDAYS, TimeExpr, sentence_times, time_for
from kronika.nlp.tree import Tree
from kronika.records import ActorRef, Citation, Event, Explanation, ParsedDoc

# Categories that need someone on the receiving end (PLOVER requires a recipient for the material
# ones); when the sentence names none, the counterpart is looked for nearby.
DIRECTED = frozenset({"AGREE", "SUPPORT", "COOPERATE", "AID", "REQUEST", "ACCUSE", "REJECT",
                      "THREATEN", "SANCTION", "COERCE", "ASSAULT", "CONCEDE"})


@dataclass
class _Draft:
    trig: Trigger
    event: str
    aux: tuple[str, ...]
    actors: list[ActorRef]
    recipients: list[ActorRef]
    args: Args
    implicit_recipient: bool = False
    implicit_actor: bool = False
    place: str | None = None  # the country where it happened, as far as the text says
    mode: str | None = None  # the mode a modality rule gave when it changed the category
    rule: str | None = None  # that rule, for --explain
    cues: tuple[str, ...] = ()  # the words behind aux and the rule


def code_sentence(parsed: ParsedDoc, view: ActorView, lex: Lexicon, conv: Conventions, sent: int) -> list[Event]:
    tree = view.tree
    art = parsed.article
    triggers = find_triggers(tree, sent, lex)
    if not triggers:
        return []  # most sentences: no need to read their dates
    times = sentence_times(tree, sent, art.published, art.date_precision)
    drafts: list[_Draft] = []
    trigger_tokens = {t.token for t in triggers}
    trigger_words = {w for t in triggers for w in t.words}
    skip = _subsumed(tree, triggers, lex)
    for trig in triggers:
        if trig.token in skip:
            continue
        mod = modality(tree, trig.token, trig.entry.event, lex, rejecting=True, mode=trig.entry.mode)
        if mod.drop:
            continue
        if trig.entry is NO_INTENT:  # "is not willing to negotiate": the "not" is the refusal itself
            mod = replace(mod, aux=tuple(a for a in mod.aux if a != "negation"))

        def is_actor(k: int, me: int = trig.token) -> bool:
            return not (k in trigger_tokens and k != me) and view.names_actor(k)

        is_verb = tree[trig.token].pos in ("VERB", "AUX")
        if not is_verb and tree[trig.token].dep == "compound" and tree[trig.token].head in trigger_words:
            continue  # "the cooperation talks", "signed a cooperation pact": the head noun is the event
        if not is_verb and tree[trig.token].dep == "compound" and view.names_actor(tree[trig.token].head):
            continue  # "border patrol agents", "protest leaders": the noun says who, not what happened
        if not is_verb and _in_name(tree, trig.token):
            continue  # "Planning and Investment Minister", "the Ceasefire Violations Committee": part of a name
        if not is_verb and any(view.is_vague_group(c.text) for c in tree.children(trig.token, "amod", "poss",
                                                                                  "compound")):
            continue  # "Western support": an actor PLOVER gives no code
        if not is_verb and any(c.ent_type in ("ORG", "PERSON", "GPE", "NORP") and not view.coded(c.i)
                               for c in tree.children(trig.token, "poss", "compound")):
            continue  # "an AP request": the noun's own agent is one PLOVER gives no code
        args = verb_args(tree, trig, lex, is_actor) if is_verb else noun_args(tree, trig, lex, is_actor)
        if args is None:
            continue
        if not is_verb and args.inferred_actor and not args.recipients and _background(tree, trig.token,
                                                                                       trigger_tokens):
            continue  # "on the eve of planned maneuvers": the occasion of another event, not one itself
        own_sides = bool(args.recipients) or (bool(args.actors) and not args.inferred_actor)
        setting = _setting(tree, trig.token, lex)
        if setting == "clause" or (setting == "phrase" and (is_verb or not own_sides)):
            # "after 12 days of battles", "weapons seized last year": told as the setting ("after a meeting
            # with Lavrov", with a party of its own, is news)
            continue
        if trig.entry.event in ("REJECT", "THREATEN") and not args.recipients:
            # what is refused or threatened names the other party ("threatened to resume attacks in Israel")
            args.recipients = refused_objects(tree, trig.token, lex, is_actor)
            args.recipient_how = "the object of the act refused or threatened" if args.recipients else ""
        if not args.recipients and mod.event in ("PROTEST", "ASSAULT", "COERCE", "MOBILIZE"):
            args.recipients = purpose_targets(tree, trig.token, is_actor)
            args.recipient_how = "whom its purpose or defiance names" if args.recipients else ""
        date = _date_for(tree, times, trig.token, art.published, art.date_precision)[0]
        d = _sides(view, conv, trig, mod, args, date, place_country(tree, view, sent, trig.token, art.dateline))
        if d is None:
            continue
        d.event = _plover_rules(tree, trig, mod.event, mod.aux, d.actors, lex)
        if d.event in DIRECTED and not d.recipients and len({a.code for a in d.actors}) == 1:
            d.recipients = _implicit_recipient(view, sent, trig.token, d.actors, date, d.event,
                                               lex.wordset("reporting_verbs"))
            d.implicit_recipient = bool(d.recipients)
            args.recipient_how = "not named with the verb: another party of the sentence or story" \
                if d.recipients else ""
        if not d.recipients:
            d.recipients = _conventional_recipient(view, conv, d.event, d.actors, d.place)
            d.implicit_recipient = bool(d.recipients)
            if d.recipients:
                args.recipient_how = f"PLOVER convention: {d.recipients[0].inferred}"
        if d.event == "CONSULT" and not d.recipients and d.place and trig.entry.mode == "visit" \
                and d.place not in {a.code for a in d.actors}:
            # "the French president's state visit in Brasilia": the host is the country visited
            name = view.country_name(d.place) or d.place
            d.recipients = [ActorRef(code=d.place, sector=None, entity_text="", identifier_text=name,
                                     inferred="host of the visit")]
            args.recipient_how = "PLOVER convention: the host of a visit is the country visited"
        if trig.entry.mode == "visit" and any(not a.entity_key and a.code in {r.code for r in d.recipients}
                                              for a in d.actors):
            continue  # "the president will travel to Brussels": no country of the visitor's is known
        if d.event == "CONSULT" and len({r.entity_key or r.code for r in d.actors + d.recipients}) < 2:
            continue
        drafts.append(d)
    drafts = _merge_same(drafts)
    return [_record(parsed, lex, tree, sent, times, d) for d in drafts]


def _sides(view: ActorView, conv: Conventions, trig: Trigger, mod: Modality, args: Args, date: str | None,
           place: str | None) -> _Draft | None:
    """The coded actors and recipients of a trigger, with an implicit agent where PLOVER's conventions
    supply one; None when the event has no actor at all."""
    # A group the sentence gives no country ("thousands of people") belongs where it acts: the place
    # named for the event, else the article's main country.
    def resolve(heads: list[int]) -> list[ActorRef]:
        return [r for h in heads for r in view.refs(h, date, place_country=place)]

    # A named person or body whose country this article does not give is kept: the corpus-wide merge
    # may know it (or a user's actor list), and fills the code in after the ingest.
    actors = _unique([r for r in resolve(args.actors) if r.code or r.entity_key])
    found = resolve(args.recipients)
    states = {a.code for a in actors if a.sector in conv.state_agents and a.code and len(a.code) == 3}
    if mod.event in ("COERCE", "ASSAULT") and len(states) == 1:
        # a state's police or army acting on a group the text gives no country ("prevented the demonstration
        # staged by students") acts on its own people
        found = [replace(r, code=next(iter(states))) if r.code is None and r.entity_key is None and r.sector
                 else r for r in found]
    recipients = _unique([r for r in found if (r.code or r.entity_key) and not _same(r, actors)])
    where = place or view.home_country
    d = _Draft(trig, mod.event, mod.aux, actors, recipients, args, place=where, mode=mod.mode, rule=mod.rule,
               cues=mod.cues)
    if not actors and _agentless(view.tree, conv, trig, bool(recipients), view.names_actor):
        sector = conv.agent_sector(mod.event, trig.entry.mode, trig.entry.lemma)
        if trig.entry.mode == "expel":
            # "the expulsion of four diplomats from Poland": the state they are sent out of
            where = _expelled_from(view, trig.token)
        elif where is None and mod.event in ("COERCE", "ACCUSE"):
            # arrests and charges are a state's acts on its own people
            where = next((r.code for r in recipients if r.code and len(r.code) == 3), None)
        domestic = where
        if sector is not None and domestic is not None:
            d.actors = [conv.state_ref(domestic, sector, "agent not named", view.country_name(domestic))]
            d.implicit_actor = True
            args.actor_how = f"PLOVER convention: the agent not named is the {conv.labels.get(sector, sector)} " \
                             "of the country where it happened"
            d.place = domestic
    return d if d.actors else None


def _expelled_from(view: ActorView, k: int) -> str | None:
    tree = view.tree
    for j in tree.subtree(k):
        if tree.lower[j] == "from":
            for o in tree.children(j, "pobj"):
                code = view.place_country(o.i)
                if code is not None:
                    return code
    return None


def _agentless(tree: Tree, conv: Conventions, trig: Trigger, has_recipient: bool,
               names_actor: Callable[[int], bool]) -> bool:
    """Whether the sentence tells the act without its agent: a passive with no "by" actor ("was
    arrested"), violence whose subject is its means ("a roadside bomb killed"), or an event noun with
    its patient but no agent ("the arrest of two journalists")."""
    k = trig.token
    if tree[k].pos not in ("VERB", "AUX"):
        return has_recipient
    if is_passive(tree, k):
        # "was targeted for sanctions by the United States": a "by" the parser hung lower still names
        # one; "by a roadside bomb" does not
        return not any(tree.lower[j] == "by" and any(names_actor(o.i) for o in tree.children(j, "pobj"))
                       for j in tree.subtree(k) if j > k)
    subj = tree.child(k, "nsubj")
    if subj is None and tree[k].dep in ("advcl", "xcomp", "conj"):
        subj = tree.child(tree[k].head, "nsubj")  # "a car bomb exploded ..., wounding six officers"
    return subj is not None and (subj.lemma in conv.instrument_nouns or tree.lower[subj.i] in conv.instrument_nouns)


def _conventional_recipient(view: ActorView, conv: Conventions, event: str, actors: list[ActorRef],
                            place: str | None) -> list[ActorRef]:
    """The target PLOVER's conventions give an event with none named: a protest is aimed at the
    government of the country where it happens; a state's repression acts on that country's civilians."""
    codes = {a.code for a in actors}
    if event == "PROTEST":
        where = place or next((c for c in codes if c and len(c) == 3), None)
        if where is not None:
            return [conv.state_ref(where, conv.protest_target, "protest target", view.country_name(where))]
    if event in ("COERCE", "ASSAULT") and any(a.sector in conv.state_agents for a in actors):
        where = place or (next(iter(codes)) if len(codes) == 1 else None)
        if where is not None and len(where) == 3:
            return [ActorRef(code=where, sector=conv.repression_target, entity_text="",
                             identifier_text=f"{view.country_name(where) or where} civilians",
                             inferred="target not named")]
    if place is None or len(place) != 3:
        return []
    name = view.country_name(place) or place
    if event in ("ASSAULT", "SANCTION", "AID", "MOBILIZE", "RETREAT") and place not in codes:
        # "tanks fired shells at targets in Jericho", "strengthened its forces in Lebanon", "suspended aid
        # deliveries in Baghdad": an act abroad is aimed at the country where it lands
        return [ActorRef(code=place, sector=None, entity_text="", identifier_text=name,
                         inferred="the country where it was done")]
    if event == "CONCEDE":
        # "lifted the state of emergency in West Darfur": eased for the country where it applied
        return [ActorRef(code=place, sector=None, entity_text="", identifier_text=name,
                         inferred="the country where it applies")]
    return []


def _subsumed(tree: Tree, triggers: list[Trigger], lex: Lexicon) -> set[int]:
    """Triggers that another trigger already covers.

    A noun matched as a verb's object ("impose sanctions"), a noun that is only the thing praised or
    condemned ("praised security cooperation", "condemned the invasion"), and a verb of intent whose
    complement is the event ("pledged to cooperate": the cooperation, coded AGREE).
    """
    by_token = {t.token: t for t in triggers}
    out: set[int] = set()
    evaluative = {"SUPPORT", "ACCUSE", "REJECT", "CONSULT"}
    intent = lex.wordset("intent_words")
    for t in triggers:
        for w in t.words:
            if w != t.token and w in by_token:
                out.add(w)
        if tree[t.token].pos in ("VERB", "AUX"):
            # "agreed to US mediation", "halted aid to Serbia", "rejected a call for": what the verb acts
            # on is part of its event, not another one
            objs = [c.i for c in tree.children(t.token, "dobj")]
            objs += [o.i for p in tree.children(t.token, "prep")
                     if tree.lower[p.i] == "to" or (t.entry.prep and tree.lower[p.i] == t.entry.prep)
                     for o in tree.children(p.i, "pobj")]  # "conceded to demands", "agreed to a truce"
            out.update(o for o in objs if o in by_token and tree[o].pos in ("NOUN", "PROPN"))
        # "accused Eritrea of arming rebels": the accusation is the event; the act is only alleged
        if t.entry.event == "ACCUSE":
            for p in tree.children(t.token, "prep"):
                if p.text.lower() == "of":
                    out.update(c.i for c in tree.children(p.i, "pcomp", "pobj") if c.i in by_token)
        tok = tree[t.token]
        if tok.pos in ("VERB", "AUX") and t.entry.event in evaluative:
            # "praised security cooperation", "to discuss relations, cooperation and ...": a topic
            for c in tree.children(t.token, "dobj"):
                for n in [c, *tree.children(c.i, "conj")]:
                    if n.i in by_token and n.pos in ("NOUN", "PROPN"):
                        out.add(n.i)
        # "gratitude to Russia for its support": the reason for thanks is not told as a new event
        for p in tree.children(t.token, "prep"):
            if p.text.lower() == "for":
                for o in tree.children(p.i, "pobj"):
                    if o.i in by_token and by_token[o.i].entry.event == t.entry.event:
                        out.add(o.i)
        if tok.lemma in intent and any(c.i in by_token for c in tree.children(t.token, "xcomp")):
            out.add(t.token)
        # "threatened to close the border", "demanded that Turkey withdraw", "invited Somalia to visit":
        # the threat, the demand or the invitation is the event; what it asks for has not happened.
        node = t.token
        for step in range(3):
            dep, up = tree[node].dep, tree[node].head
            # "threatened to resume attacks": the noun is the object of the act threatened
            infinitive = dep == "advcl" and any(tree.lower[a.i] == "to" for a in tree.children(node, "aux"))
            if (dep not in ("xcomp", "ccomp") and not infinitive and not (step == 0 and dep == "dobj")) \
                    or up == node:
                break
            if up in by_token and (by_token[up].entry.event in ("REQUEST", "THREATEN")
                                   or tree[up].lemma in lex.wordset("object_control_verbs")):
                out.add(t.token)
                break
            node = up
        theme = _theme(tree, t.token)
        if not t.entry.objects and theme is not None and theme in lex.wordset("non_event_objects"):
            out.add(t.token)
    # What a document or proposal acted on says is its content, not an event: "signed an agreement to
    # increase trade", "vetoed a resolution censuring the US", "a treaty of friendship and cooperation"
    for t in triggers:
        if tree[t.token].pos not in ("VERB", "AUX"):
            continue
        for obj in [*tree.children(t.token, "dobj"), *(tree[w] for w in t.words if w != t.token)]:
            if obj.lemma in lex.wordset("content_nouns"):
                out.update(j for j in tree.subtree(obj.i) if j in by_token and j != obj.i and j != t.token)
    # The grounds given for a punishment or a complaint are part of it: "detained on corruption charges",
    # "lodged a protest over the detention of a businessman", "jailed for spying" ("thanked Russia for
    # its refusal": what one is thanked for is an event of its own)
    for t in triggers:
        if t.entry.event not in ("COERCE", "SANCTION", "ACCUSE", "PROTEST"):
            continue
        heads = [t.token, *(w for w in t.words if w != t.token)] if tree[t.token].pos in ("VERB", "AUX") else []
        for h in heads:
            for p in tree.children(h, "prep"):
                if tree.lower[p.i] in ("over", "about", "for", "on") and t.entry.prep != tree.lower[p.i]:
                    out.update(o.i for o in tree.children(p.i, "pobj", "pcomp") if o.i in by_token
                               and by_token[o.i].entry.event != t.entry.event)
    # A word modifying a noun ("free-trade pact", "the invasion forces") names a kind, not an event
    out.update(t.token for t in triggers if tree[t.token].dep == "compound" and tree[t.token].pos == "NOUN")
    # "summoned the ambassador to protest an air strike": the complaint's purpose is the complaint
    for t in triggers:
        if t.entry.event in ("ACCUSE", "REJECT", "SANCTION", "THREATEN") and tree[t.token].pos in ("VERB", "AUX"):
            for c in tree.children(t.token, "advcl", "xcomp"):
                if c.i in by_token and by_token[c.i].entry.event in ("PROTEST", "ACCUSE") \
                        and any(tree.lower[a.i] == "to" for a in tree.children(c.i, "aux")):
                    out.add(c.i)
    # A protest's demand or defiance is the protest's ("marched calling for independence", "blocked
    # streets in defiance of the authorities"), and what describes a party of another event is background
    # ("refugees, whom the authorities blame for ...")
    for t in triggers:
        if t.entry.event == "PROTEST" and tree[t.token].pos in ("VERB", "AUX"):
            for c in tree.children(t.token, "advcl", "xcomp", "prep"):
                for j in [c.i, *(o.i for o in tree.children(c.i, "pobj"))]:
                    if j in by_token and by_token[j].entry.event in ("REQUEST", "REJECT", "ACCUSE"):
                        out.add(j)
        for k in (*_side_heads(tree, t.token),):
            out.update(c.i for c in tree.children(k, "relcl") if c.i in by_token)
    # "accused the US of violating human rights, ignoring international law": what is alleged is a list
    alleged = [c.i for t in triggers if t.entry.event == "ACCUSE" for p in tree.children(t.token, "prep")
               if tree.lower[p.i] == "of" for c in tree.children(p.i, "pcomp", "pobj")]
    for k in alleged:
        out.update(j for j in tree.subtree(k) if j in by_token and j != k)
        # the rest of the list, which the parser hangs on the accusing verb ("..., ignoring the law")
        verb = tree.head(tree.head(k).i)
        out.update(c.i for c in tree.children(verb.i, "advcl", "conj")
                   if c.i > k and c.tag == "VBG" and c.i in by_token)
    return out


def _side_heads(tree: Tree, k: int) -> list[int]:
    """The heads of a verb's subject and objects (its parties, roughly)."""
    if tree[k].pos not in ("VERB", "AUX"):
        return []
    out = [c.i for c in tree.children(k, "nsubj", "nsubjpass", "dobj")]
    out += [o.i for p in tree.children(k, "prep") for o in tree.children(p.i, "pobj")]
    return out


def _background(tree: Tree, k: int, triggers: set[int]) -> bool:
    """An event noun inside a prepositional phrase of another trigger verb."""
    verb = governing_verb(tree, k)
    return verb is not None and verb in triggers and tree[k].dep == "pobj"


def _in_name(tree: Tree, k: int) -> bool:
    """A capitalised noun that modifies a capitalised head: a word of a name or title."""
    t = tree[k]
    if not t.text[:1].isupper() or t.dep not in ("compound", "conj", "nmod", "amod"):
        return False
    head = t
    while head.dep in ("compound", "conj", "nmod", "amod") and head.head != head.i:
        head = tree.head(head.i)
    first = tree.sentence_tokens(t.sent).start
    return head.i != k and head.text[:1].isupper() and head.i != first


def _setting(tree: Tree, k: int, lex: Lexicon) -> str | None:
    """An event told only as the setting of the sentence's news: a noun after a preposition of time or
    cause ("after 12 days of battles", "amid protests", "in response to recent unrest", "during the
    1990s conflict", "in the current uprising"), or a past participle describing a noun ("weapons
    seized last year", "West Africans ordered out of Nigeria", "the demonstration staged by students")."""
    t = tree[k]
    if t.pos in ("VERB", "AUX"):
        if t.dep == "relcl" and any(tree.lower[c.i] in ("where", "when") for c in tree.children(k, "advmod")):
            return "clause"  # "in Montenegro, where 28 people have been killed": the place's past, not the news
        participle = t.dep == "acl" and t.tag in ("VBN", "VBD") and not misparsed_main_verb(tree, k)
        return "phrase" if participle else None
    verb = governing_verb(tree, k)
    if verb is not None and tree[verb].dep == "relcl" and \
            any(tree.lower[c.i] in ("where", "when") for c in tree.children(verb, "advmod")):
        return "clause"  # "where four people were killed in clashes"
    if t.dep == "compound" and tree.head(k).pos == "NOUN":
        t = tree.head(k)  # "following the relief operation": the phrase's head stands in the setting
    if t.dep == "dobj" and tree.lower[t.head] in ("following", "preceding"):
        return "phrase"  # "following a government offensive", parsed as a participle and its object
    up = t
    for _ in range(3):  # "after 12 days of battles": through "of" and "days"
        if up.dep != "pobj":
            break
        prep = tree.head(up.i)
        word = tree.lower[prep.i]
        if word in lex.wordset("setting_preps") or (word == "in" and _definite(tree, up.i)
                                                    and tree[up.i].i == k):
            return "phrase"
        if prep.head == prep.i or tree.head(prep.i).pos not in ("NOUN", "PROPN") \
                or tree.head(prep.i).lemma not in lex.wordset("setting_nouns"):
            break
        up = tree.head(prep.i)  # "in response to", "in the wake of", "12 days of"
    return None


def _definite(tree: Tree, k: int) -> bool:
    return any(tree.lower[c.i] in ("the", "this", "that", "these", "those") or c.dep == "poss"
               for c in tree.children(k, "det", "poss"))


def _theme(tree: Tree, k: int) -> str | None:
    """The lemma of what a verb acts on: its object, its passive subject, or the noun it modifies."""
    t = tree[k]
    if t.pos not in ("VERB", "AUX"):
        return None
    obj = tree.child(k, "dobj", "nsubjpass")
    if obj is not None:
        return obj.lemma
    if t.dep == "acl" and t.tag == "VBN":
        return tree.head(k).lemma
    return None


def _plover_rules(tree: Tree, trig: Trigger, event: str, aux: tuple[str, ...], actors: list[ActorRef],
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


_ORDERED_MODES = {"SANCTION": "expel", "COERCE": "censor"}  # only _enforced_order turns a REQUEST into these


def _enforced_order(tree: Tree, k: int, lex: Lexicon) -> str | None:
    """"ordered the ambassador to leave the country", "forced the agency out of the country": an
    expulsion (SANCTION); "ordered the newspaper to suspend publication": a closure (COERCE). An order
    of this kind is carried out by the one who gives it, so it is the act, not a request."""
    t = tree[k]
    if t.lemma not in lex.wordset("ordering_verbs"):
        return None
    leaving = lex.wordset("leaving_verbs")
    for x in tree.children(k, "xcomp", "ccomp"):
        objs = {tree[o.i].lemma for o in tree.children(x.i, "dobj")}
        if x.lemma in leaving and (not objs or objs & {"country", "territory", "capital"}):
            return "SANCTION"
        if x.lemma in lex.wordset("closing_verbs") and objs & lex.wordset("closed_activities"):
            return "COERCE"
    out = any(c.lemma == "out" for c in tree.children(k, "prt", "advmod", "prep"))
    return "SANCTION" if t.lemma == "force" and out else None


def _unique(refs: list[ActorRef]) -> list[ActorRef]:
    """One entry per actor ("Ethiopia and Sudan" is reached from both conjuncts)."""
    out: list[ActorRef] = []
    seen: set[tuple[str | None, str | None]] = set()
    words: set[str] = set()  # the same words read twice (from the list's head and from their own conjunct)
    for r in refs:
        key = (r.entity_key or r.code, r.sector if not r.entity_key else None)
        if key not in seen and not (r.entity_text and not r.entity_key and r.entity_text in words):
            seen.add(key)
            words.add(r.entity_text)
            out.append(r)
    return out


def _same(r: ActorRef, others: list[ActorRef]) -> bool:
    return any((r.entity_key and r.entity_key == o.entity_key) or
               (not r.entity_key and not o.entity_key and r.code == o.code and r.sector == o.sector)
               for o in others)


def _date_for(tree: Tree, times: list[TimeExpr], trigger: int, published: str | None,
              precision: str | None) -> tuple[str | None, str | None]:
    t = time_for(tree, times, trigger)
    if t is not None:
        return t.value, t.precision
    return published, precision


def _forward(tree: Tree, times: list[TimeExpr], trigger: int, date: str | None,
             published: str | None) -> str | None:
    """An announced event's "in June" or "on Friday" is the next one, not the last."""
    t = time_for(tree, times, trigger)
    if t is None or not t.relative or not date or not published or date >= published[:len(date)]:
        return date
    if any(w in t.text.lower() for w in ("last", "previous", "earlier", "ago", "yesterday", "past")):
        return date
    if len(date) == 7:
        return f"{int(date[:4]) + 1:04d}{date[4:]}"
    if len(date) == 10 and t.text.lower().strip().split()[-1] in WEEKDAYS:
        return (date_type.fromisoformat(date) + timedelta(days=7)).isoformat()
    if len(date) == 10 and not t.text.lower().startswith(("last", "yesterday", "earlier")):
        return f"{int(date[:4]) + 1:04d}{date[4:]}"
    return date


def _implicit_recipient(view: ActorView, sent: int, trigger: int, actors: list[ActorRef], date: str | None,
                        event: str, reporting: frozenset[str]) -> list[ActorRef]:
    """The other party when the sentence leaves it implicit: another subject nearby, else the
    article's main country ("Kurti turned down the proposal" answers the one who proposed)."""
    tree = view.tree
    codes = {a.code for a in actors}
    keys = {a.entity_key for a in actors if a.entity_key}

    sides = {(a.code, a.sector) for a in actors}

    def fresh(k: int, domestic: bool = False) -> ActorRef | None:
        # another party: another country, or (``domestic``) another side of the same one (rebels and
        # their government)
        for r in view.refs(k, date, fallback=False):
            if r.code and (r.code not in codes or (domestic and r.sector and (r.code, r.sector) not in sides)) \
                    and r.entity_key not in keys:
                return r
        return None

    # The source a report is attributed to after the fact is no party to it ("..., a spokeswoman for the
    # US embassy said"): its words are left out wherever the parser hung them. ("Vucic said he suggested
    # ..., though Kurti turned down the proposal": a speaker named first may be a party.)
    source = {j for k in tree.sentence_tokens(sent) if tree[k].lemma in reporting and k > trigger
              for c in tree.children(k, "nsubj") for j in tree.subtree(c.i)}
    subjects = [k for k in tree.sentence_tokens(sent) if k != trigger and tree[k].dep in ("nsubj", "nsubjpass")
                and k not in source]
    for k in subjects:
        if (r := fresh(k)) is not None:
            return [r]
    # Someone named inside the clause itself ("suspended exercises planned together with Russia"),
    # not as a place or a time.
    place = lex_place_preps(tree)
    for k in tree.subtree(trigger):
        t = tree[k]
        if t.dep == "pobj" and k not in source and tree.head(k).text.lower() not in place \
                and (r := fresh(k)) is not None:
            return [r]
    # Then anyone else the sentence names outside place and time phrases ("Since the start of Russia's
    # invasion, Serbia has not agreed to new contracts" answers who the contracts were with).
    for k in tree.sentence_tokens(sent):
        t = tree[k]
        if t.dep in ("poss", "pobj", "dobj", "conj") and k not in source and not (
                t.dep == "pobj" and tree.head(k).text.lower() in place) and (r := fresh(k)) is not None:
            return [r]
    # Violence and repression are aimed at where they happen ("air strikes on targets in southern Lebanon").
    if event in ("ASSAULT", "COERCE"):
        for k in tree.subtree(trigger):
            if tree[k].dep == "pobj" and tree.head(k).text.lower() in ("in", "inside", "across") \
                    and (r := fresh(k)) is not None:
                return [r]
    # In a story about two countries, one's counterpart is the other.
    pair = view.pair
    if pair and len(codes) == 1 and (other := set(pair) - codes) and len(other) == 1:
        code = other.pop()
        name = view.country_name(code) or code
        return [ActorRef(code=code, sector=None, entity_text=name, identifier_text=name)]
    # Last, another side of the same country named as a subject ("the rebels ... the government")
    for k in subjects:
        if (r := fresh(k, domestic=True)) is not None:
            return [r]
    return []


def lex_place_preps(tree: Tree) -> frozenset[str]:
    return frozenset({"in", "at", "during", "since", "until", "near", "inside", "outside", "within",
                      "throughout", "amid", "by"})


def _merge_same(drafts: list[_Draft]) -> list[_Draft]:
    """One event per category and actor in a sentence: keep the reading with the most participants."""
    kept: list[_Draft] = []
    for d in sorted(drafts, key=lambda d: (-len(d.recipients) + d.implicit_recipient,
                                           d.trig.entry.pos != "VERB", d.trig.token)):
        codes = {a.code for a in d.actors}
        clash = next((k for k in kept if k.event == d.event and codes & {a.code for a in k.actors}
                      and ({r.code for r in k.recipients} & {r.code for r in d.recipients}
                           or not d.recipients or not k.recipients)), None)
        if clash is None:
            kept.append(d)
    return sorted(kept, key=lambda d: d.trig.token)


def _record(parsed: ParsedDoc, lex: Lexicon, tree: Tree, sent: int,
            times: list[TimeExpr], d: _Draft) -> Event:
    art = parsed.article
    s = parsed.sentences[sent]
    entry = d.trig.entry
    date, precision = _date_for(tree, times, d.trig.token, art.published, art.date_precision)
    aux = list(d.aux)
    if "future" in aux:
        date = _forward(tree, times, d.trig.token, date, art.published)
    if historical(date, art.published) and "historical" not in aux:
        aux.append("historical")
    mode = entry.mode if d.event == entry.event else d.mode or _ORDERED_MODES.get(d.event)
    lemmas = [tree[k].lemma for k in tree.sentence_tokens(sent)]
    exclude = {k for r in d.args.actors + d.args.recipients for k in tree.subtree(r)}
    loc = event_place(tree, sent, d.trig.token, exclude, art.dateline)
    words = d.trig.words
    start, end = tree[min(words)].idx, tree[max(words)].end
    confidence = entry.weight
    confidence *= 0.85 if d.args.inferred_actor else 1.0
    confidence *= 0.7 if d.implicit_actor else 1.0
    confidence *= 0.8 if d.implicit_recipient else 1.0
    confidence *= 0.9 if entry.pos == "NOUN" else 1.0
    confidence *= 0.9 if d.event != entry.event and d.event not in COOPERATIVE else 1.0
    cite = Citation(doc_id=art.doc_id, source_file=art.source_file, sentence=sent,
                    char_start=s.raw_start, char_end=s.raw_end, outlet=art.outlet,
                    published=art.published, url=art.url, text=s.text)
    return Event(
        id=plover.event_id(art.doc_id, sent, start, d.event),
        doc_id=art.doc_id, sentence=sent, event=d.event,
        mode=(mode,) if mode else (),
        context=plover.contexts(lex, lemmas, entry.context),
        aux=tuple(aux), actor=tuple(d.actors), recipient=tuple(d.recipients),
        date=date, date_precision=precision if date else None, event_loc=loc,
        event_scale=plover.score(lex, d.event, mode), quad_code=plover.quad(lex, d.event),
        cameo_root=plover.cameo_root(lex, d.event, mode), confidence=round(confidence, 2),
        text=s.text, event_text=" ".join(tree[k].text for k in words),
        trigger_start=start, trigger_end=end, cite=cite, explain=_explanation(d),
    )


def _explanation(d: _Draft) -> Explanation:
    e = d.trig.entry
    parts = [e.lemma, e.pos]
    parts += [f"+particle[{e.particle}]"] if e.particle else []
    parts += [f"+prep[{e.prep}]"] if e.prep else []
    parts += [f"+object[{', '.join(sorted(e.objects))}]"] if e.objects else []
    mode = f" {e.mode}" if e.mode else ""
    rule = d.rule if d.event != e.event else None
    if d.event != e.event and rule is None:
        rule = f"PLOVER's reading: {e.event} -> {d.event}"
    return Explanation(trigger=f"{' '.join(parts)} -> {e.event}{mode}", source=e.source, cameo=e.cameo, rule=rule,
                       cues=d.cues, actor=d.args.actor_how, recipient=d.args.recipient_how)
