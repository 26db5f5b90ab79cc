"""Coding one sentence: triggers → arguments → modality → sides → date and place → PLOVER records."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date as date_type
from datetime import timedelta

from kronika import plover
from kronika.actors import ActorView
from kronika.events.arguments import is_passive, noun_args, prep_objects, subject_of, verb_args
from kronika.events.conventions import Conventions
from kronika.events.draft import Draft
from kronika.events.lexicon import Lexicon
from kronika.events.modality import COOPERATIVE, claim_denied, historical, modality
from kronika.events.places import event_place, place_country
from kronika.events.plover import contexts, event_id
from kronika.events.readings import ORDERED_MODES, plover_rules
from kronika.events.sides import conventional_recipient, country_ref, implicit_recipient, sides
from kronika.events.story import Story, group_anaphor, group_object
from kronika.events.subsumed import background, in_name, setting, subsumed
from kronika.events.targets import purpose_targets, refused_objects
from kronika.events.triggers import (
    CHARACTERISATION,
    NO_INTENT,
    REFUSED,
    VERDICT,
    Trigger,
    displeasure_objects,
    displeasure_subject,
    find_triggers,
    name_given,
)
from kronika.lang.en import WEEKDAYS
from kronika.nlp.timex import TimeExpr, sentence_times, simple_past, time_for
from kronika.nlp.tree import Tree
from kronika.records import ActorRef, Citation, Event, Explanation, ParsedDoc


def code_sentence(parsed: ParsedDoc, view: ActorView, lex: Lexicon, conv: Conventions, sent: int,
                  story: Story | None = None) -> list[Event]:
    tree = view.tree
    art = parsed.article
    triggers = find_triggers(tree, sent, lex)
    if not triggers:
        return []  # most sentences: no need to read their dates
    story = story if story is not None else Story()
    # the dateline's date is when the story was filed, not when what it tells happened
    times = [t for t in sentence_times(tree, sent, art.published, art.date_precision) if t.start not in view.dateline]
    drafts: list[Draft] = []
    trigger_tokens = {t.token for t in triggers}
    trigger_events = {t.token: t.entry.event for t in triggers}
    trigger_words = {w for t in triggers for w in t.words}
    skip = subsumed(tree, triggers, lex) | _names_given(tree, triggers)
    # "said it was concerned by reports of abductions": what displeases is judged here, told as done elsewhere
    judged = {j for t in triggers if t.entry.source == "rule:displeasure said"
              for h in displeasure_objects(tree, t) for j in tree.subtree(h)}
    skip |= {t.token for t in triggers if t.token in judged and tree[t.token].pos not in ("VERB", "AUX")}
    for trig in triggers:
        if trig.token in skip:
            continue
        mod = modality(tree, trig.token, trig.entry.event, lex, rejecting=True, mode=trig.entry.mode)
        if mod.drop:
            continue
        if trig.entry is NO_INTENT:  # "is not willing to negotiate": the "not" is the refusal itself
            mod = replace(mod, aux=tuple(a for a in mod.aux if a != "negation"))
        elif trig.entry is REFUSED:  # "would not renew the agreement": the "will not" is the refusal itself
            if "negation" not in mod.aux or mod.event != "REJECT":
                continue  # under a condition or a supposition, a threat or no refusal
            mod = replace(mod, aux=tuple(a for a in mod.aux if a not in ("negation", "future")))

        def is_actor(k: int, me: Trigger = trig) -> bool:
            # another trigger's word is that event, not a party (but "reinforcements were sent": the
            # reinforcements are this trigger's own forces, a word of the same event)
            own = k in me.words and trigger_events.get(k) == me.entry.event
            return not (k in trigger_tokens and k != me.token and not own) and view.names_actor(k)

        is_verb = tree[trig.token].pos in ("VERB", "AUX")
        if is_verb and tree[trig.token].tag == "VBN" and tree.child(trig.token, "det") is not None \
                and tree[trig.token].dep in ("dobj", "pobj", "nsubj", "nsubjpass"):
            continue  # "evacuated the wounded", "the detained": people named by what was done to them
        if not is_verb and _no_event_noun(view, lex, trig.token, trigger_words):
            continue
        args = verb_args(tree, trig, lex, is_actor) if is_verb else noun_args(tree, trig, lex, is_actor)
        if args is None:
            continue
        if is_verb and not args.actors and mod.event == "CONCEDE" and is_passive(tree, trig.token):
            announcer = _state_announcer(view, lex, trig.token)
            if announcer is not None:
                # "the ministry said the curfew would be lifted": a state that announces its own concession
                args.actors = [announcer]
                args.actor_how = "the state body that announces it (a reported passive)"
        if mod.event == "ASSAULT":
            # "fought alongside Ethiopia's army against Tigrayan forces": who fights alongside is no target
            args.recipients = [h for h in args.recipients
                               if not (tree[h].dep == "pobj" and tree.lower[tree[h].head] == "alongside")]
        if trig.entry.source == "rule:displeasure said":
            # "concerned by the police action": what it is about names the other party
            about = displeasure_objects(tree, trig)
            args.recipients = [h for h in about if is_actor(h) or view.refs(h)]
            # the feeler, even when the parser reads a quoted feeling as a passive ("was "concerned" by")
            args.actors = [h for h in args.actors if h not in about] or displeasure_subject(tree, trig)
        if trig.entry is VERDICT:
            # "Union for the Homeland said the arrests of its councillors were political persecution": the
            # one who says so condemns whoever did the act
            act = tree.child(trig.token, "nsubj")
            args.actors = [c.i for c in tree.children(tree[trig.token].head, "nsubj") if is_actor(c.i)]
            args.recipients = [] if act is None else \
                [h for h in [*(c.i for c in tree.children(act.i, "poss")), *prep_objects(tree, act.i, ["by"])]
                 if is_actor(h)]
        if trig.entry is CHARACTERISATION:
            # "called the operation an act of terror against the Serbian people": the accused is who did
            # what is named, not whom the name says it was aimed at
            named = {i for o in tree.children(trig.token, "dobj") for i in tree.subtree(o.i)}
            args.recipients = [h for h in args.recipients if h in named]
        if trig.entry.mode == "obstruct" or (trig.entry.event == "PROTEST" and trig.entry.prep in ("outside", "on")):
            # "blocked Rustaveli Avenue", "gathered outside the Palace of Justice": what is blocked or
            # gathered at is a place, not whom the protest is aimed at
            args.recipients = [h for h in args.recipients if h not in trig.words
                               and not (tree[h].dep == "pobj" and tree.lower[tree[h].head] == trig.entry.prep)]
        if trig.entry.event == "PROTEST":
            # "marched from the party office to the Republic Square": where a march goes is no target (the
            # ministry it marches to is; the office it sets out from never is)
            args.recipients = [h for h in args.recipients
                               if not (tree[h].dep == "pobj" and tree.lower[tree[h].head] in _MOTION_PREPS
                                       and (tree.lower[tree[h].head] == "from"
                                            or not any(r.sector for r in view.refs(h, fallback=False))))]
        if trig.entry.event == "PROTEST" and not args.recipients:
            args.recipients = _mission_state(tree, lex, trig.token, is_actor)
            args.recipient_how = "the state whose embassy the protest is held at" if args.recipients else ""
        # "signed a memorandum after a two-hour meeting": a meeting of their own just before, news too
        meeting = not is_verb and trig.entry.event == "CONSULT" and _new_meeting(tree, trig.token)
        if not is_verb and args.inferred_actor and not args.recipients and not meeting \
                and background(tree, trig.token, trigger_tokens) and not _ongoing(tree, trig.token) \
                and not (trig.entry.event == "COOPERATE" and trig.entry.objects):
            # "on the eve of planned maneuvers": the occasion of another event, not one itself ("arrested them
            # in a joint operation" tells a cooperation besides the arrest)
            continue
        told_as = setting(tree, trig.token, lex)
        # ("after a meeting with Lavrov" names a party of its own and is news; "following a government
        # offensive" only says whose, and is the setting)
        own_sides = bool(args.recipients) or (bool(args.actors) and not args.inferred_actor
                                              and not (told_as == "phrase" and args.actor_how == "the noun's modifier"))
        if told_as == "phrase" and meeting:
            told_as = None
        if told_as == "phrase" and not is_verb and _the(tree, trig.token):
            own_sides = False  # "following the invasions of Dagestan": one told before, however full
        if told_as == "phrase" and not is_verb and _spell_of(tree, trig.token):
            own_sides = False  # "after 12 days of battles with Amal": a spell of fighting told as the setting
        if told_as == "clause" or (told_as == "phrase" and (is_verb or not own_sides)):
            # "after 12 days of battles", "weapons seized last year": told as the setting ("after a meeting
            # with Lavrov", with a party of its own, is news)
            continue
        if trig.entry.event in ("REJECT", "THREATEN") and not args.recipients \
                and trig.entry.lemma not in lex.wordset("denying_verbs"):
            # (what is denied names no other party: "denied firing at protesters" rejects no protester)
            # what is refused or threatened names the other party ("threatened to resume attacks in Israel")
            args.recipients = refused_objects(tree, trig.token, lex, is_actor)
            args.recipient_how = "the object of the act refused or threatened" if args.recipients else ""
        if not args.recipients and mod.event in ("PROTEST", "ASSAULT", "COERCE", "MOBILIZE"):
            args.recipients = purpose_targets(tree, trig.token, is_actor)
            args.recipient_how = "whom its purpose or defiance names" if args.recipients else ""
        date = _date_for(tree, times, trig.token, art.published, art.date_precision)[0]
        # "The two leaders discussed ...", "They signed ...": the parties named just before
        group = _group_subject(tree, trig.token, lex)
        known = []
        if group is not None:
            words = sorted(tree.subtree(group))
            known = [replace(a, entity_text=tree.span_text(words[0], words[-1] + 1)) for a in story.parties(sent)]
            if tree[group].lemma in _STATE_GROUP_NOUNS and view.pair is not None \
                    and {a.code for a in known} != set(view.pair):
                # "The two governments agreed to hold talks in Doha" in a story of two states: those two,
                # whoever else (a mediator) was named just before
                known = [replace(country_ref(view, c, "the story's two parties"), sector="GOV",
                                 entity_text=tree.span_text(words[0], words[-1] + 1)) for c in view.pair]
            if tree[group].lemma in _STATE_GROUP_NOUNS:
                # "the two governments", "the two foreign ministers": the states of the parties, one each
                states = [a for a in known if a.code and a.code not in _BODIES]
                known = [next((a for a in states if a.code == c and a.sector == "GOV"),
                              replace(next(a for a in states if a.code == c), sector="GOV", entity_key=None))
                         for c in dict.fromkeys(a.code for a in states)]
            if known and tree[group].pos == "NOUN" and group in args.actors:
                # "The two governments agreed": the two just named, not whatever one government the noun
                # would stand for alone
                args.actors = []
        elif is_verb and not args.actors:
            # "The strikes hit a village": an act told before is the subject; its doers did this
            known = next((found for e in _deed_subject(tree, lex, trig.token)
                          if (found := story.doers(e, sent))), [])
        # where it happened: the sentence's place or the dateline's city, else (in an article about no one
        # country) where the story just was
        place = place_country(tree, view, sent, trig.token, art.dateline) or (
            story.recent_country(sent) if view.home_country is None else None)
        d = sides(view, conv, trig, mod, args, date, place, known)
        if d is None:
            continue
        d.event = plover_rules(tree, trig, mod.event, mod.aux, d.actors, lex)
        if d.event == "ASSAULT" and trig.entry.mode in (None, "destroy", "primitive", "beat") and d.actors \
                and all(a.sector in _UNARMED for a in d.actors) \
                and (all(r.inferred for r in d.recipients) or _buildings_only(tree, lex, args.recipients)) \
                and tree[trig.token].lemma in lex.wordset("damage_verbs") and _damage_to_things(view, trig.token):
            # "residents set up burning barricades and pelted the offices with stones", "set fire to rubbish":
            # unarmed people's damage to things, aimed at no one named (or at a body's building only: "hurled
            # bottles at the commission building"), is a riot
            d.event, d.mode = "PROTEST", "riot"
        if d.event == "COERCE" and _with_force(tree, trig.token):
            # "broke up the rally with tear gas", "pushed them back with batons": force used on people
            d.event, d.mode = "ASSAULT", "crowd-control"
        if d.event in ("SANCTION", "COERCE") and d.actors and all(a.sector in _UNARMED for a in d.actors) \
                and tree[trig.token].lemma in _BLOCKING:
            # "About 150 local miners blocked the airstrip", "villagers shut the road": what unarmed people
            # block or shut is a protest, not a state's sanction
            d.event, d.mode = "PROTEST", "obstruct"
        held = lex.wordset("detention_participles")
        if d.event == "REQUEST" and trig.entry.lemma in lex.wordset("ordering_verbs") and any(
                c.tag == "VBN" and (trigger_events.get(c.i) == "COERCE" or c.lemma in held)
                for c in [*tree.children(trig.token, "ccomp", "xcomp", "oprd"),
                          *(a for o in tree.children(trig.token, "dobj") for a in tree.children(o.i, "acl"))]):
            # "a judge ordered her held in pre-trial detention", "prosecutors ordered 38 people held": the
            # order is the detention
            d.event, d.mode = "COERCE", "arrest"
        if d.event == "PROTEST" and d.actors and all(a.sector in _FORCES for a in d.actors):
            # "Riot police blocked the marchers", "soldiers sealed off the square": a state's forces do not
            # protest; what they block they curb
            d.event, d.mode = "COERCE", "restrict"
        if d.event == "RETREAT" and trig.entry.mode == "resign" and is_verb \
                and any(r.code in _BODIES and r.entity_key for r in d.recipients):
            # "quit the Economic Community of West African States": leaving a body of states cuts ties
            d.event, d.mode = "SANCTION", "withdraw"
        if known and not d.recipients and d.event in _MUTUAL and len({a.code for a in d.actors}) >= 2:
            # "the foreign ministers of the two countries spoke by phone": each the other's party
            d.recipients = list(d.actors)
            d.args.recipient_how = "the parties named as a group meet each other"
        aimed = group_object(tree, trig.token) if not d.recipients else None
        calm = not d.recipients and d.event == "REQUEST" and trig.entry.mode == "yield" \
            and any(tree[w].lemma in lex.wordset("calm_words") for w in trig.words)
        if aimed is not None or calm:
            # "urged restraint on all sides", "urged restraint": the parties named just before, but the actor
            words = sorted(tree.subtree(aimed)) if aimed is not None else []
            mine = {a.entity_key or a.code for a in d.actors}
            d.recipients = [replace(a, entity_text=tree.span_text(words[0], words[-1] + 1)) if words else a
                            for a in story.parties(sent) if (a.entity_key or a.code) not in mine]
            if d.recipients:
                d.implicit_recipient = aimed is None
                d.args.recipient_how = "the parties named just before (both sides, the two neighbours)"
                if d.event in _MUTUAL and {a.code for a in d.actors} <= {r.code for r in d.recipients}:
                    # "negotiations between the two governments": a meeting of the parties, each the other's
                    d.actors = d.recipients = _one_each(d.recipients)
        expel = (d.mode or (trig.entry.mode if trig.entry.event == d.event else ORDERED_MODES.get(d.event))) == "expel"
        if d.event == "SANCTION" and expel and d.recipients \
                and all(r.sector in _PRIVATE and r.code and r.code not in _BODIES | {"NGO"} for r in d.recipients):
            # "ordered 840 Russian citizens to leave the country": people, not a state's envoys, are deported
            d.event, d.mode = "COERCE", "deport"
        _complete_recipients(view, conv, lex, story, d, sent, date)
        if (d.event, d.mode or trig.entry.mode) in (("COERCE", "arrest"), ("COERCE", "seize"), ("RETREAT", "release")):
            _foreign_held(tree, story, d, sent)
        if d.event == "SANCTION" and trig.entry.lemma in lex.wordset("banning_verbs") \
                and {r.code for r in d.recipients} <= {a.code for a in d.actors}:
            # "banned the sale of alcohol and the carrying of firearms": a ban at home curbs the state's own
            # people (COERCE), one on another state's goods sanctions it
            d.event, d.mode = "COERCE", "restrict"
        if d.event == "REQUEST" and trig.entry.lemma in lex.wordset("ordering_verbs") \
                and not any(a.sector == "JUD" for a in d.actors) and (
                d.recipients and all(r.code in {a.code for a in d.actors} and r.sector in _FORCES
                                     for r in d.recipients)
                or any(o.lemma in lex.wordset("force_nouns") and not view.coded(o.i)
                       for o in tree.children(trig.token, "dobj"))):
            # "ordered the armed forces to take control of four jails", "Serbia's defence ministry ordered the
            # army to raise its readiness": a state's command to its own forces; the act commanded is the event
            # (a court's order to the police is a demand: "a judge ordered the police to hand over the footage")
            commanded = [c.i for c in tree.children(trig.token, "xcomp", "ccomp")]
            if not commanded or any(j in trigger_tokens for c in commanded for j in tree.subtree(c)):
                continue
            # "ordered 3,000 more soldiers to seal the border": a task no word of ours names is the forces
            # set in motion (MOBILIZE), the act being the sending
            d.event, d.mode = "MOBILIZE", "troops"
            d.recipients = [r for r in d.recipients if r.code not in {a.code for a in d.actors}]
        if trig.entry.mode == "visit" and any(not a.entity_key and a.code in {r.code for r in d.recipients}
                                              for a in d.actors):
            continue  # "the president will travel to Brussels": no country of the visitor's is known
        if d.event == "CONSULT" and len({r.entity_key or (r.code, r.sector) for r in d.actors + d.recipients}) < 2:
            continue
        drafts.append(d)
    drafts = _merge_same(drafts, lambda d: time_for(tree, times, d.trig.token))
    events = [_record(parsed, lex, tree, sent, times, d, view.countries, story) for d in drafts]
    days = {t.value for d in drafts if (t := time_for(tree, times, d.trig.token)) is not None
            and t.precision == "day" and t.value}
    if len(days) == 1:
        story.dated[sent] = (days.pop(), "day")
    return events


def _no_event_noun(view: ActorView, lex: Lexicon, k: int, trigger_words: set[int]) -> bool:
    """An event noun that names no event here: a modifier of another event noun, of an agent, or a word of a
    name, or one whose own agent is a body PLOVER gives no code, or a set phrase ("requests for comment")."""
    tree = view.tree
    t = tree[k]
    phrases = lex.args.get("non_event_phrases") or {}
    if t.lemma in phrases:
        words = {c.lemma for c in tree.children(k, "amod", "compound")}
        words |= {o.lemma for p in tree.children(k, "prep") if tree.lower[p.i] in ("for", "of")
                  for o in tree.children(p.i, "pobj")}
        if words & set(phrases[t.lemma]):
            return True
    if t.dep == "compound" and (t.head in trigger_words or view.names_actor(t.head)):
        return True  # "the cooperation talks"; "border patrol agents", "protest leaders": who, not what
    if t.dep == "pobj" and tree.lower[t.head] == "of" and tree.head(t.head).i in trigger_words:
        return True  # "a note of protest": a word of the event noun it is of
    if in_name(tree, k):
        return True  # "Planning and Investment Minister", "the Ceasefire Violations Committee"
    if any(view.is_vague_group(c.text) for c in tree.children(k, "amod", "poss", "compound")):
        return True  # "Western support": an actor PLOVER gives no code
    # "an AP request": the noun's own agent is one PLOVER gives no code
    return any(c.ent_type in ("ORG", "PERSON", "GPE", "NORP") and not view.coded(c.i)
               for c in tree.children(k, "poss", "compound"))


def _at_home_force(conv: Conventions, event: str, a: ActorRef) -> bool:
    """A state's agents, the state itself, or (for violence) armed men or gangs: what they do at home to no
    one named falls on the place's civilians."""
    return a.sector in conv.state_agents or (a.sector is None and (a.entity_key or "").startswith("country:")) \
        or (event == "ASSAULT" and a.sector in ("UAF", "CRM"))


_NUMBERS = frozenset({"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                      "thirteen", "fourteen", "fifteen", "twenty", "thirty", "dozens", "hundreds", "scores"})
_SOME = frozenset({"all", "most", "some", "many", "several", "half", "none", "both", "each", "others", "rest"})


def _foreign_held(tree: Tree, story: Story, d: Draft, sent: int) -> None:
    """"Malaysian police seized four Vietnamese trawlers. All 46 crew members were detained. The fishermen
    were released on Friday": people told again (by a definite noun, or left implicit) with no country of
    their own are the foreign people or vessels the same state acted on before, not its own."""
    own = {a.code for a in d.actors if a.code}
    if not own or not d.recipients or not all(
            r.code in own and not r.entity_key and r.sector in _PRIVATE and _told_again(tree, sent, r.entity_text)
            for r in d.recipients):
        return
    foreign = story.foreign_acted_on(own, sent)
    if foreign is not None:
        d.recipients = [replace(r, code=foreign, inferred=r.inferred or "the foreign people acted on before")
                        for r in d.recipients]


def _told_again(tree: Tree, sent: int, text: str) -> bool:
    """Whether the words of a side are left implicit or point back ("the fishermen", "its crew")."""
    if not text:
        return True
    head = text.split()[-1]
    for k in tree.sentence_tokens(sent):
        if tree[k].text == head:
            return any(tree.lower[c.i] in ("the", "these", "those", "its", "their", "all")
                       for c in tree.children(k, "det", "poss", "predet"))
    return False


def _held_subject(view: ActorView, k: int, dep: str = "nsubjpass") -> bool:
    """Whether those an act is done to are said by a pronoun or a number that names no one ("They were
    released", "Eleven were freed", "Four of the nine", "most of them", "the rest")."""
    tree = view.tree
    subj = tree.child(k, dep)
    if subj is None or view.refs(subj.i, fallback=False):
        return False
    # ("Eleven were released": the tagger may call a number a noun)
    return tree.lower[subj.i] in ("they", "them") or subj.tag == "CD" or tree.lower[subj.i] in _SOME | _NUMBERS


def _those_held(tree: Tree, k: int) -> bool:
    """Whether the one accused is said by a bare number or "they" ("the four were suspected of")."""
    subj = tree.child(k, "nsubjpass", "nsubj")
    if subj is None:
        return False
    det = tree.child(subj.i, "det")
    return tree.lower[subj.i] in ("they", "them") or (
        subj.tag == "CD" and det is not None and tree.lower[det.i] == "the")


def _names_given(tree: Tree, triggers: list[Trigger]) -> set[int]:
    """"called the measure a political execution": the words of the name an act is given are no acts."""
    return {i for t in triggers if t.entry is CHARACTERISATION for i in name_given(tree, t.token)}


def _ongoing(tree: Tree, k: int) -> bool:
    """"on the second day of a national strike": an act some days into is going on, news itself."""
    t = tree[k]
    if t.dep != "pobj" or tree.lower[t.head] != "of":
        return False
    day = tree.head(t.head)
    return day.lemma in ("day", "week", "month") and any(c.ent_type == "ORDINAL" or c.lemma in ("first", "last")
                                                        for c in tree.children(day.i, "amod", "nummod"))


def _asks_release(tree: Tree, k: int) -> bool:
    """"demanded the release of", "called for the immediate release of": the release is what is asked."""
    near = [k, *(c.i for c in tree.children(k, "dobj")),
            *(o.i for p in tree.children(k, "prep") for o in tree.children(p.i, "pobj"))]
    # ("sought consular access to the Indian sailors": asked of whoever holds them)
    return any(tree[i].lemma in ("release", "freedom") for i in near) or any(
        tree[i].lemma == "access" and any(o.ent_type not in ("GPE", "LOC", "FAC") and o.pos in ("NOUN", "PROPN")
                                          for p in tree.children(i, "prep") if tree.lower[p.i] == "to"
                                          for o in tree.children(p.i, "pobj"))
        for i in near)


def _the(tree: Tree, k: int) -> bool:
    det = tree.child(k, "det")
    return det is not None and tree.lower[det.i] in ("the", "this", "that", "these", "those")


def _new_meeting(tree: Tree, k: int) -> bool:
    """"after a two-hour meeting", "after three weeks of talks": a meeting not told before (indefinite),
    of the parties of the sentence, just before what they did."""
    det = tree.child(k, "det")
    if det is not None:
        return tree.lower[det.i] in ("a", "an")
    up = tree.head(k)  # "three weeks of talks"
    return tree[k].dep == "pobj" and up.dep == "prep" and tree.lower[up.i] == "of" \
        and any(c.dep == "nummod" for c in tree.children(up.head))


def _deed_subject(tree: Tree, lex: Lexicon, k: int) -> list[str]:
    """The categories a definite act that is the verb's subject may be of ("The strikes hit a village",
    "the shelling killed four"), when it has no party of its own."""
    for c in tree.children(k, "nsubj"):
        det = tree.child(c.i, "det")
        if det is not None and tree.lower[det.i] in _BACK \
                and not tree.children(c.i, "poss", "prep", "compound", "amod"):
            return [e.event for e in sorted(lex.nouns.get(c.lemma, []), key=lambda e: bool(e.objects))]
    return []


def _group_subject(tree: Tree, k: int, lex: Lexicon) -> int | None:
    """The act's subject, its own or its clause's, when it is "they", "both" or "the two leaders"."""
    if tree[k].pos not in ("VERB", "AUX"):
        return None
    s = subject_of(tree, k, lambda j: group_anaphor(tree, j))
    if s is not None and tree.lower[s] == "they":
        clause = tree.head(s)
        said = tree.head(clause.i)
        sayers = tree.children(said.i, "nsubj")
        if clause.dep == "ccomp" and said.lemma in lex.wordset("reporting_verbs") and sayers \
                and not group_anaphor(tree, sayers[0].i):
            return None  # "Police said they had arrested 87 people": they who say so
    return s


def _complete_recipients(view: ActorView, conv: Conventions, lex: Lexicon, story: Story, d: Draft, sent: int,
                         date: str | None) -> None:
    """Fill the other party the sentence leaves implicit, by what it points back to, by the sentence and
    story, and by PLOVER's conventions; each says how it was found."""
    trig = d.trig
    # ("deployed soldiers to San Pedro Sula and Choloma": a town no gazetteer places is where, not whom)
    # (nor, where forces are sent, a name the tagger took for a person)
    d.recipients = [r for r in d.recipients if r.code or r.sector or (
        r.entity_key and not r.entity_key.startswith("place:") and d.event != "MOBILIZE")]
    own = {a.code for a in d.actors if a.code}
    if d.event == "REQUEST" and _asks_release(view.tree, trig.token) \
            and all(r.sector in conv.civil_sectors and r.sector != "REB" or r.code is None or r.code in own
                    for r in d.recipients):
        # "demanded the release of the drivers": asked of whoever holds them (arrested or abducted them); the
        # asker's own officers or sailors are those to be freed, not whom it asks
        mine = {(a.code, a.sector) for a in d.actors}
        holders = [a for a in story.doers("COERCE", sent) or story.doers("ASSAULT", sent, "kidnap")
                   if (a.code, a.sector) not in mine]
        if holders:
            d.recipients = holders
            d.implicit_recipient = True
            d.args.recipient_how = "who holds those to be released, told earlier in the article"
            return
    if not d.recipients and d.event in ("COERCE", "SANCTION") and _held_subject(view, trig.token, "dobj"):
        # "remanded 41 of those arrested", "sentenced them to two years": those held before
        d.recipients = story.held(sent)
        if d.recipients:
            d.implicit_recipient = True
            d.args.recipient_how = "those arrested or detained, told earlier"
            return
    if not d.recipients and d.event == "ACCUSE" and _those_held(view.tree, trig.token):
        # "police said the four were suspected of ...", "they were charged with ...": those held before
        d.recipients = story.held(sent)
        if d.recipients:
            d.implicit_recipient = True
            d.args.recipient_how = "those arrested or detained, told earlier"
            return
    if not d.recipients and d.event == "RETREAT" and (d.mode or trig.entry.mode) == "release":
        # "Four of the nine were freed on bail", "They were released without charge": those held before;
        # "Eleven of the abducted villagers were released": those named, freed by whoever took them
        subj = view.tree.child(trig.token, "nsubjpass")
        holders, held = story.holding(sent)
        named = [r for r in view.refs(subj.i) if r.code or r.sector] if subj is not None else []
        d.recipients = held if _held_subject(view, trig.token) else named
        if d.recipients:
            d.implicit_recipient = d.recipients is held
            d.args.recipient_how = "those arrested, detained or abducted, told earlier" if d.recipients is held \
                else "the passive's subject"
            if d.args.inferred_actor or not d.args.actors and holders and d.recipients is held:
                d.actors = holders
            return
    if not d.recipients and d.event in ("RETREAT", "CONCEDE") and (d.mode or trig.entry.mode) == "resign":
        # "the energy minister stepped down", "resigned after two days of protests": a resignation yields to
        # those who protested, told before in the article
        codes = {a.code for a in d.actors}
        protesters = [a for a in story.doers("PROTEST", sent) if a.code in codes
                      and a.sector not in ("GOV", "MIL", "COP", "JUD", "LEG")]
        if protesters:
            d.recipients = protesters
            d.implicit_recipient = True
            d.args.recipient_how = "those who protested, told earlier (a resignation yields to them)"
            return
    crossings = {"border", "crossing", "checkpoint", "frontier"}
    if d.event in ("SANCTION", "COERCE") and (view.pair is not None or view.home_country is not None) \
            and all(r.code in {a.code for a in d.actors} for r in d.recipients) \
            and any(view.tree[w].lemma in crossings or view.tree.lower[w].rstrip("s") in crossings
                    for w in trig.words if w != trig.token):
        # "closed the Mandera crossing": a border closed on the neighbour the story is about (a place of
        # one's own that names the crossing is no target; the story's own country closing its border has
        # no neighbour to name)
        other = set(view.pair or {view.home_country}) - {a.code for a in d.actors}
        code = other.pop() if len(other) == 1 else None
        if code is not None:
            d.recipients = [country_ref(view, code, "the neighbour across the border closed")]
            d.implicit_recipient = True
            d.args.recipient_how = "the other country of the story, across the border closed"
            return
    if not d.recipients and d.event == "THREATEN":
        # "threatened to paint the city red if the army did not leave": the threat is aimed at whoever the
        # condition asks to act
        tree = view.tree
        threateners = _parties(d.actors)
        d.recipients = [r for k in tree.subtree(trig.token) if tree[k].dep == "advcl"
                        and any(tree.lower[m.i] in ("if", "unless") for m in tree.children(k, "mark"))
                        for s in tree.children(k, "nsubj") for r in view.refs(s.i)
                        if r.code and _parties([r]).isdisjoint(threateners)]
        if d.recipients:
            d.args.recipient_how = "whom the threat's condition asks to act"
            return
    claim = claim_denied(view.tree, trig.token, lex) if trig.entry.lemma in lex.wordset("denying_verbs") else None
    if not d.recipients and d.event == "REJECT" and claim is not None:
        # "two protesters were shot, a claim police denied": it answers who made the claim
        deniers = _parties(d.actors)
        d.recipients = [r for h in _claimants(view.tree, trig.token, claim) for r in view.refs(h)
                        if (r.code or r.sector) and _parties([r]).isdisjoint(deniers)]
        if d.recipients:
            d.args.recipient_how = "who made the claim denied, in the same sentence"
            return
    if not d.recipients and trig.entry.lemma in lex.wordset("denying_verbs") and d.event == "REJECT":
        # "The army denied that soldiers had killed civilians": it answers whoever accused it before, or no one
        d.recipients = story.accusers(d.actors, sent)
        d.implicit_recipient = bool(d.recipients)
        d.args.recipient_how = "who made the accusation denied, told earlier" if d.recipients else ""
        return
    if not d.recipients and d.event == "REJECT" and (trig.entry is REFUSED or all(
            o.lemma in ("call", "demand", "appeal", "request", "plea", "ultimatum")
            for o in view.tree.children(trig.token, "dobj"))):
        # "The government refused.", "The commissioner refused to step down", "rejected calls for a
        # referendum": a refusal answers whoever asked it of them before ("X invited him to talks, but he
        # declined": the one who asked in the clause before)
        tree = view.tree
        offered = tree[trig.token].head if tree[trig.token].dep == "conj" else None
        d.recipients = [r for c in (tree.children(offered, "nsubj") if offered is not None else [])
                        for r in view.refs(c.i) if r.code and _parties([r]).isdisjoint(_parties(d.actors))] \
            or story.askers(d.actors, sent)
        d.implicit_recipient = bool(d.recipients)
        if d.recipients:
            d.args.recipient_how = "who made the request refused, told earlier"
            return
    if not d.recipients and d.args.actor_how.endswith("the parties between/among") and d.actors \
            and view.tree[trig.token].dep != "dobj":
        # "fighting between rival clans", "talks among the factions": the parties act on each other (talks
        # someone offers to host between them are the host's act)
        d.recipients = list(d.actors)
        d.args.recipient_how = "the parties between/among act on each other"
        return
    if not d.recipients and d.event in ("ASSAULT", "ACCUSE") and len({a.code for a in d.actors if a.code}) >= 2 \
            and (d.trig.entry.lemma in lex.wordset("reciprocal_verbs") or _each_other(view.tree, trig.token)):
        # "Thai and Cambodian soldiers exchanged fire", "each side accused the other": each the other's target
        d.recipients = list(d.actors)
        d.args.recipient_how = "a reciprocal act: each party the other's target"
        return
    if not d.recipients and d.event in _JOINT and (len({a.code for a in d.actors if a.code}) >= 2 or len(
            {(a.code, a.sector) for a in d.actors if a.code and a.sector}) >= 2):
        # ("Syrian government forces and the Kurdish-led SDF agreed to halt fighting": two sides of one country)
        # "French and German troops held joint exercises", "the two leaders signed an agreement": a joint
        # act, each party the other's partner
        d.recipients = list(d.actors)
        d.args.recipient_how = "a joint act: each party is the other's partner"
        return
    if not d.recipients and d.event in _EVALUATIVE:
        # "The opposition condemned the arrests": whoever made the arrests told before
        d.recipients = _referred_doers(view, lex, story, d, sent)
        d.implicit_recipient = bool(d.recipients)
        if d.recipients:
            d.args.recipient_how = "who did what it refers to, told earlier in the article"
        elif d.args.patients:
            # no one known to have done it: those it was done to at least say where it was aimed
            # (not a place: "condemned the attack on Kyiv" is not aimed at Ukraine)
            d.recipients = [r for h in d.args.patients if view.tree[h].ent_type not in ("GPE", "LOC", "FAC")
                            for r in view.refs(h) if r.code]
            d.args.recipient_how = "those the act judged was done to (who did it is not told)"
    if not d.recipients and d.event in ("COERCE", "ASSAULT") and d.place \
            and {a.code for a in d.actors} == {d.place} and any(_at_home_force(conv, d.event, a) for a in d.actors):
        # "Police used tear gas to clear the road", "Honduras suspended constitutional guarantees", "gunmen
        # opened fire on three buses" in their own country: its civilians, not the other country of the story
        state = [a if a.sector in conv.state_agents else replace(a, sector="GOV") for a in d.actors]
        d.recipients = conventional_recipient(view, conv, "COERCE", state, d.place)
        d.implicit_recipient = bool(d.recipients)
        if d.recipients:
            d.args.recipient_how = f"PLOVER convention: {d.recipients[0].inferred}"
    if not d.recipients and d.event in _ADDRESSING and (pair := view.pair) \
            and (_two_named(view.tree, trig.token) or _hosts_talks(view.tree, trig.token)):
        # "offered to host a meeting of the two heads of state", "urged both sides to", "offered to host
        # talks in Arusha": the story's two
        doers = {a.code for a in d.actors}
        d.recipients = [replace(country_ref(view, c, "the story's two parties"), sector="GOV") for c in pair
                        if c not in doers]
        if d.recipients:
            d.implicit_recipient = True
            d.args.recipient_how = "the two parties of the story, named as the two"
            return
    if d.event in plover.NEEDS_RECIPIENT and not d.recipients and len({a.code for a in d.actors}) == 1:
        d.recipients = implicit_recipient(view, sent, trig.token, d.actors, date, d.event,
                                          lex.wordset("reporting_verbs"), conv.civil_sectors)
        d.implicit_recipient = bool(d.recipients)
        d.args.recipient_how = "not named with the verb: another party of the sentence or story" \
            if d.recipients else ""
    if not d.recipients and d.event in ("AGREE", "CONCEDE", "RETREAT") and _protest_given_up(view.tree, lex,
                                                                                          trig.token):
        # "agreed to postpone the demonstration", "called off the strike": yielded to whom the protest was aimed at
        d.recipients = conventional_recipient(view, conv, "PROTEST", d.actors, d.place)
        d.implicit_recipient = bool(d.recipients)
        if d.recipients:
            d.args.recipient_how = "whom the protest given up was aimed at (PLOVER convention)"
            return
    if not d.recipients:
        # "will extend the curfew": repression announced falls on whom repression done would
        acted = "COERCE" if d.event == "THREATEN" and d.mode in ("restrict", "arrest") else d.event
        d.recipients = conventional_recipient(view, conv, acted, d.actors, d.place)
        d.implicit_recipient = bool(d.recipients)
        if d.recipients:
            d.args.recipient_how = f"PLOVER convention: {d.recipients[0].inferred}"
    if d.event == "CONSULT" and not d.recipients and d.place and trig.entry.mode == "visit" \
            and d.place not in {a.code for a in d.actors}:
        # "the French president's state visit in Brasilia": the host is the country visited
        d.recipients = [country_ref(view, d.place, "host of the visit")]
        d.args.recipient_how = "PLOVER convention: the host of a visit is the country visited"


_BODIES = frozenset({"IGO", "EUR", "UNO"})
_PRIVATE = frozenset({"CVL", "REF", "JRN", "AGR", "EDU", "MED", "REL", "CRM"})  # not "staff" (LAB) of an embassy
_UNARMED = frozenset({"CVL", "LAB", "OPP", "AGR", "EDU", "SOC", "MED", "JRN", "REL", "BUS", "REF"})
_STATE_GROUP_NOUNS = frozenset({"government", "minister", "president", "state", "country", "capital", "nation",
                                "neighbour", "neighbor", "counterpart"})
_FORCES = frozenset({"MIL", "COP", "SPY", "PRM"})  # a state's armed agents, which its orders command
_FORCE_MEANS = frozenset({"gas", "baton", "truncheon", "cannon", "bullet", "round", "pellet", "grenade", "spray",
                          "whip", "club", "stick", "gun", "gunfire", "rifle", "shot"})


def _with_force(tree: Tree, k: int) -> bool:
    """The act done "with" a weapon (tear gas, batons, water cannon, live rounds)."""
    # ("broke up a rally outside the courthouse with tear gas": the parser may hang "with" lower down)
    return any(tree.lower[p] == "with" and tree[p].dep == "prep" and any(
        o.lemma in _FORCE_MEANS or any(c.lemma in _FORCE_MEANS for c in tree.children(o.i, "conj"))
        for o in tree.children(p, "pobj")) for p in tree.subtree(k) if p > k)


_ADDRESSING = frozenset({"AGREE", "REQUEST", "CONSULT", "SUPPORT", "AID", "COOPERATE"})
_PAIRED = frozenset({"head", "leader", "side", "country", "government", "neighbour", "neighbor", "president",
                     "nation", "state", "capital", "party", "minister", "delegation"})


def _hosts_talks(tree: Tree, k: int) -> bool:
    """"offered to host talks in Arusha", "offered to mediate": a third party's offer naming no parties."""
    return any(tree[j].lemma in ("mediate", "broker") or tree[j].lemma in ("host", "facilitate", "convene") and any(
        o.lemma in ("talk", "negotiation", "meeting", "summit", "dialogue") for o in tree.children(j, "dobj"))
        for j in tree.subtree(k) if tree[j].pos == "VERB")


def _two_named(tree: Tree, k: int) -> bool:
    """"a meeting of the two heads of state", "both sides", "the two neighbours" in the act's words."""
    subject = {i for c in tree.children(k, "nsubj", "nsubjpass") for i in tree.subtree(c.i)}
    return any(tree[j].lemma in _PAIRED and tree[j].tag in ("NNS", "NNPS") and any(
        tree.lower[c.i] in ("two", "both") for c in tree.children(j, "det", "nummod", "predet"))
        for j in tree.subtree(k) if j != k and j not in subject)


_BLOCKING = frozenset({"block", "blockade", "close", "shut", "occupy", "barricade", "seal"})
_JOINT = frozenset({"COOPERATE", "AGREE", "SUPPORT", "AID", "CONCEDE"})
_EVALUATIVE = frozenset({"ACCUSE", "SUPPORT", "REJECT", "REQUEST", "PROTEST"})
_BACK = frozenset({"the", "this", "that", "these", "those"})
_REPORTS = frozenset({"report", "news", "account", "allegation", "claim", "video", "footage", "image", "picture"})
_MOTION_PREPS = frozenset({"to", "from", "toward", "towards", "through", "into", "along", "across", "past", "around"})


def _referred_doers(view: ActorView, lex: Lexicon, story: Story, d: Draft, sent: int) -> list[ActorRef]:
    """"condemned the arrests", "praised the agreement": an act named by a definite event noun with no
    party of its own is the last one of its kind told just before; its doers are the other party. Not when
    the sentence itself names another party ("Vucic suggested neutral plates, though Kurti turned down the
    proposal"): the act referred to is then most likely that one."""
    tree = view.tree
    k = d.trig.token
    # "opened an investigation into the shooting": what is investigated, an act told before
    probed = [tree[o] for o in prep_objects(tree, k, ["into", "of"])] if d.trig.entry.mode == "investigate" else []
    if tree[k].pos not in ("VERB", "AUX") and d.trig.entry.source != "rule:displeasure said" and not probed:
        return []
    mine = {a.entity_key for a in d.actors} | {a.code for a in d.actors}
    # "the US embassy in Panama City": where the actor is, no other party
    where = {i for p in tree.sentence_tokens(sent) if tree.lower[p] in ("in", "at") and tree[p].dep == "prep"
             and tree.head(p).pos in ("NOUN", "PROPN") for o in tree.children(p, "pobj") for i in tree.subtree(o.i)}
    for j in tree.sentence_tokens(sent):
        if j > k:
            break  # a party named after it ("welcomed the offer but would ask the court") made no offer
        if j in where:
            continue
        if any(r.entity_key not in mine and r.code not in mine
               for r in view.refs(j, fallback=False) if r.entity_key or r.code):
            return []
    said_of = tree.children(k, "nsubj") if d.trig.entry is VERDICT else []
    # "said it was dismayed by the sentence": what the displeasure is about
    about = [tree[h] for h in displeasure_objects(tree, d.trig)] if d.trig.entry.source == "rule:displeasure said" \
        else []
    for obj in [*(tree.children(k, "dobj") if not probed else ()), *said_of, *about, *probed]:
        det = tree.child(obj.i, "det")
        inner = next(iter(prep_objects(tree, obj.i, ["of"])), None) if obj.lemma in _REPORTS else None
        if inner is not None and tree[inner].pos == "NOUN" and not tree.children(inner, "det"):
            # "concerned by the reports of detentions": what the reports tell, as definite as they are
            obj = tree[inner]
        # ("the operation": a "joint operation" is a cooperation, a bare one any act)
        entries = [e for e in lex.nouns.get(obj.lemma, [])
                   if not e.objects or obj.lemma not in lex.wordset("act_nouns")]
        generic = obj.lemma in lex.wordset("act_nouns")
        # ("welcomed Thursday's agreement": a day's act is one told before, like "the agreement")
        dated = [c for c in tree.children(obj.i, "poss") if c.ent_type == "DATE"]
        generic = generic or obj.lemma in lex.wordset("agreement_nouns")
        if not (entries or generic) or (det is None or tree.lower[det.i] not in _BACK) and not dated:
            continue
        if ([c for c in tree.children(obj.i, "poss") if c not in dated] or prep_objects(tree, obj.i, ["by"])) \
                and not said_of:
            continue  # "the arrests of two journalists by police": its own parties say who
        if any(not _given(tree, o.i, sent) for p in tree.children(obj.i, "prep") for o in tree.children(p.i, "pobj")):
            continue  # "the detention of two activists in Minsk": a new act, told with what is new about it
        # "called the operation an act of terror": an act of no named kind is the last one told
        if not entries and obj.lemma in lex.wordset("agreement_nouns"):
            return [a for a in story.makers(obj.lemma, sent) if (a.entity_key or a.code) not in mine]
        if not entries:
            return story.last_doers(sent)
        # "rebuffed the call": the readings a noun has alone first (a call for calm before a phone call)
        for e in sorted(entries, key=lambda e: bool(e.objects)):
            if doers := story.doers(e.event, sent, obj.lemma):
                return doers
        if any(e.event == "REQUEST" for e in entries):
            return story.doers("PROTEST", sent)  # "turned down the pay demand": the strikers demanded it
        return []
    return []


_MUTUAL = frozenset({"CONSULT", "COOPERATE"})


def _state_announcer(view: ActorView, lex: Lexicon, k: int) -> int | None:
    """Who announces a concession told in the passive ("the governor said the curfew would be
    shortened"): the one who says so, when it is a state body that could grant it."""
    tree = view.tree
    if tree[k].dep != "ccomp" or tree.head(k).lemma not in lex.wordset("reporting_verbs"):
        return None
    subj = tree.child(tree[k].head, "nsubj")
    refs = view.refs(subj.i) if subj is not None else []
    state = ("GOV", "MIL", "COP", "JUD", "LEG", None)
    return subj.i if subj is not None and refs and all(r.code and r.sector in state for r in refs) else None


_SPANS = frozenset({"hour", "day", "week", "month", "year", "decade", "night"})


def _spell_of(tree: Tree, k: int) -> bool:
    """"12 days of battles", "months of talks": an event told as a stretch of time."""
    prep = tree.head(k)
    return tree[k].dep == "pobj" and prep.text.lower() == "of" and prep.head != prep.i \
        and tree.head(prep.i).lemma in _SPANS


def _buildings_only(tree: Tree, lex: Lexicon, recipients: list[int]) -> bool:
    """"at the commission building", "the ministry's offices": the other side is named only by its building."""
    places = lex.wordset("gathering_places")
    return bool(recipients) and all(
        tree[h].dep in ("compound", "poss") and tree.head(h).lemma in places for h in recipients)


def _damage_to_things(view: ActorView, k: int) -> bool:
    """"set fire to rubbish", "pelted the offices with stones": a verb whose object is a thing, done by one
    side ("villagers on both sides hurled stones" is a clash)."""
    tree = view.tree
    objects = [c.i for c in tree.children(k, "dobj")] + [o.i for p in tree.children(k, "prep")
                                                         if tree.lower[p.i] == "to" for o in tree.children(p.i, "pobj")]
    sides = [j for c in tree.children(k, "nsubj", "nsubjpass") for j in tree.subtree(c.i)]
    return tree[k].pos == "VERB" and bool(objects) and not any(view.names_actor(o) for o in objects) \
        and not any(tree.lower[j] in ("both", "rival", "between", "each", "armed") for j in sides)


def _each_other(tree: Tree, k: int) -> bool:
    """"each side accused the other", "accused each other": the act goes both ways."""
    subj = tree.child(k, "nsubj")
    each = subj is not None and any(tree.lower[d.i] == "each" for d in tree.children(subj.i, "det"))
    return each or any(tree.lower[j] in ("other", "another") and tree.lower[j - 1] in ("each", "one", "the")
                       for c in tree.children(k, "dobj", "prep") for j in tree.subtree(c.i) if j > 0)


def _parties(refs: list[ActorRef]) -> set[object]:
    """Who the refs are, to tell another party from the same one: the entity, else code and sector."""
    return {r.entity_key or (r.code, r.sector) for r in refs}


def _claimants(tree: Tree, denial: int, claim: int) -> list[int]:
    """Who made the claim a denial answers: the subject of the clause that tells it ("Rights groups said
    ..., a claim police denied"; "Niger accuses Benin ..., a charge Cotonou denies")."""
    if tree[denial].dep == "relcl":
        root = claim
        while tree[root].head != root:
            root = tree[root].head
        clauses = [root]
    else:
        clauses = [c.i for c in tree.children(denial, "ccomp") if c.i < claim]
    return [s.i for c in clauses for s in tree.children(c, "nsubj")]


def _one_each(refs: list[ActorRef]) -> list[ActorRef]:
    """One party per country (and sector), the first named."""
    return list({(r.code, r.sector): r for r in reversed(refs)}.values())[::-1]


def _protest_given_up(tree: Tree, lex: Lexicon, k: int) -> bool:
    """"agreed to postpone the demonstration", "called off the strike": the act, or what it governs, puts off
    or ends a protest."""
    heads = [k, *(c.i for c in tree.children(k, "xcomp"))]
    return any(o.lemma in lex.wordset("protest_nouns") for h in heads for o in tree.children(h, "dobj"))


def _mission_state(tree: Tree, lex: Lexicon, k: int, is_actor: Callable[[int], bool]) -> list[int]:
    """The state whose embassy or consulate a protest is held at ("outside the French embassy", "in front
    of the embassy of Turkey", "outside their embassy")."""
    missions = lex.wordset("mission_nouns")
    for p in tree.children(k, "prep"):
        for j in tree.subtree(p.i):
            if tree[j].lemma.lower() not in missions or tree[j].dep != "pobj":
                continue
            owner = [c.i for c in tree.children(j, "poss", "amod", "compound", "nmod") if is_actor(c.i)]
            return owner or [o for o in prep_objects(tree, j, ["of"]) if is_actor(o)]
    return []


def _given(tree: Tree, k: int, sent: int) -> bool:
    """A noun phrase that points back: a pronoun, or a common noun with a definite determiner ("the
    journalists", "those arrested", "its convoy")."""
    t = tree[k]
    if t.pos == "PRON":
        return True
    if t.pos == "PROPN":
        # "the attack on Barkaram": a name already told in the article
        first = tree.sentence_tokens(sent).start
        return any(tree.lower[j] == tree.lower[k] for j in range(first))
    det = tree.child(k, "det", "poss")
    return t.pos == "NOUN" and det is not None and tree.lower[det.i] in _BACK | {"its", "their", "his", "her"} \
        and not tree.children(k, "nummod")


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


def _scheduled(tree: Tree, times: list[TimeExpr], trigger: int) -> bool:
    """"called a rally for Friday", "a vote set for October 14": a day an act is set for is one to come."""
    t = time_for(tree, times, trigger)
    return t is not None and t.start > 0 and tree.lower[t.start - 1] == "for" and not t.deadline


def _merge_same(drafts: list[Draft], when: Callable[[Draft], object]) -> list[Draft]:
    """One event per category and actor in a sentence: keep an asserted reading over a supposed one ("a
    strike called to protest"), one whose agent is named over an inferred one, then the one with the most
    participants (but two acts told at different
    times are two: "which sanctioned him in 2017, added his advisers on Thursday")."""
    kept: list[Draft] = []
    for d in sorted(drafts, key=lambda d: (bool({"negation", "hypothetical"} & set(d.aux)), d.implicit_actor,
                                           -len(d.recipients) + d.implicit_recipient,
                                           d.trig.entry.pos != "VERB", d.trig.token)):
        codes = {a.code for a in d.actors}
        clash = next((k for k in kept if k.event == d.event and codes & {a.code for a in k.actors}
                      and when(k) == when(d)
                      and ({r.code for r in k.recipients} & {r.code for r in d.recipients}
                           or not d.recipients or not k.recipients)), None)
        if clash is None:
            kept.append(d)
    return sorted(kept, key=lambda d: d.trig.token)

def _record(parsed: ParsedDoc, lex: Lexicon, tree: Tree, sent: int,
            times: list[TimeExpr], d: Draft, countries: frozenset[str], story: Story) -> Event:
    art = parsed.article
    s = parsed.sentences[sent]
    entry = d.trig.entry
    date, precision = _date_for(tree, times, d.trig.token, art.published, art.date_precision)
    occasion = story.occasion(sent)
    if occasion is not None and time_for(tree, times, d.trig.token) is None and simple_past(tree, d.trig.token) \
            and (art.published is None or occasion[0] <= art.published):
        date, precision = occasion
    aux = list(d.aux)
    if "future" in aux or _scheduled(tree, times, d.trig.token):
        date = _forward(tree, times, d.trig.token, date, art.published)
    if historical(date, art.published) and "historical" not in aux:
        aux.append("historical")
    mode = entry.mode if d.event == entry.event else d.mode or ORDERED_MODES.get(d.event)
    lemmas = [tree[k].lemma for k in tree.sentence_tokens(sent)]
    exclude = {k for r in d.args.actors + d.args.recipients for k in tree.subtree(r)}
    loc = event_place(tree, sent, d.trig.token, exclude, art.dateline, countries)
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
        id=event_id(art.doc_id, sent, start, d.event),
        doc_id=art.doc_id, sentence=sent, event=d.event,
        mode=(mode,) if mode else (),
        context=contexts(lex, lemmas, entry.context),
        aux=tuple(aux), actor=tuple(d.actors), recipient=tuple(d.recipients),
        date=date, date_precision=precision if date else None, event_loc=loc,
        event_scale=plover.score(d.event, mode), quad_code=plover.quad(d.event),
        cameo_root=plover.cameo_root(d.event, mode), confidence=round(confidence, 2),
        text=s.text, event_text=" ".join(tree[k].text for k in words),
        trigger_start=start, trigger_end=end, cite=cite, explain=_explanation(d),
    )

def _explanation(d: Draft) -> Explanation:
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
