"""Who did it and to whom, beyond what the parse names: PLOVER's conventions for implicit agents and
targets, the other party a sentence or story implies, and one entry per actor."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from kronika.actors import ActorView
from kronika.actors.cities import lookup
from kronika.events.arguments import Args, is_passive
from kronika.events.conventions import Conventions
from kronika.events.draft import Draft
from kronika.events.modality import Modality
from kronika.events.triggers import Trigger
from kronika.nlp.tree import Tree
from kronika.records import ActorRef


def sides(view: ActorView, conv: Conventions, trig: Trigger, mod: Modality, args: Args, date: str | None,
          place: str | None, known: list[ActorRef] | None = None) -> Draft | None:
    """The coded actors and recipients of a trigger, with an implicit agent where PLOVER's conventions
    supply one; None when the event has no actor at all."""
    # A group the sentence gives no country ("thousands of people") belongs where it acts: the place
    # named for the event, else the article's main country.
    def resolve(heads: list[int]) -> list[ActorRef]:
        return [r for h in heads for r in view.refs(h, date, place_country=place)]

    # A named person or body whose country this article does not give is kept: the corpus-wide merge
    # may know it (or a user's actor list), and fills the code in after the ingest.
    actors = _titled(_unique([r for r in resolve(args.actors) if r.code or r.entity_key]))
    if not actors and known:
        actors = list(known)  # "the two leaders", "they": the parties named just before
        args.actor_how = "the parties named just before (the two leaders, both sides, they)"
    # "arrested 17 fishermen from Tamil Nadu": a group the act is done to comes from the place its "from" names
    tree = view.tree
    # ("deported 31,400 people to Haiti": those sent back to a country are its people)
    homeward = ("from", "to") if trig.entry.mode == "deport" else ("from",)
    origin = next((c for p in tree.children(trig.token, "prep") if tree.lower[p.i] in homeward
                   for o in tree.children(p.i, "pobj") if (c := view.place_country(o.i))), None)
    found = [r for h in args.recipients for r in view.refs(h, date, place_country=origin or place)]
    states = {a.code for a in actors if a.sector in conv.state_agents and a.code and len(a.code) == 3}
    if (mod.event in ("COERCE", "ASSAULT") or trig.entry.mode == "release") and len(states) == 1:
        # a state's police or army acting on a group the text gives no country ("prevented the demonstration
        # staged by students", "freed 3,100 prisoners") acts on its own people
        found = [replace(r, code=next(iter(states))) if r.code is None and r.entity_key is None and r.sector
                 else r for r in found]
    recipients = _unique([r for r in found if (r.code or r.entity_key) and not _same(r, actors)])
    where = place or view.home_country
    d = Draft(trig, mod.event, mod.aux, actors, recipients, args, place=where, mode=mod.mode, rule=mod.rule,
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
        if mod.event == "CONCEDE" and not (recipients and all(r.sector in conv.civil_sectors for r in recipients)):
            sector = None  # eased for its people ("residents were allowed to return"), not for its own forces
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
    if subj is None and tree[k].dep == "acl" and tree.head(k).pos == "NOUN":
        return has_recipient  # "an attempt to assassinate the deputy governor": its patient, no agent
    if subj is None and tree[k].dep in ("advcl", "xcomp", "conj"):
        subj = tree.child(tree[k].head, "nsubj")  # "a car bomb exploded ..., wounding six officers"
    return subj is not None and (subj.lemma in conv.instrument_nouns or tree.lower[subj.i] in conv.instrument_nouns)

def country_ref(view: ActorView, code: str, why: str) -> ActorRef:
    """A country no word of the sentence names, inferred for the reason ``why``."""
    return ActorRef(code=code, sector=None, entity_text="", identifier_text=view.country_name(code) or code,
                    inferred=why)


def conventional_recipient(view: ActorView, conv: Conventions, event: str, actors: list[ActorRef],
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
    if event in ("ASSAULT", "SANCTION", "AID", "MOBILIZE", "RETREAT", "AGREE") and place not in codes:
        # "tanks fired shells at targets in Jericho", "strengthened its forces in Lebanon", "suspended aid
        # deliveries in Baghdad": an act abroad is aimed at the country where it lands ("Australia said it
        # would send aid": promised to the country the story is about)
        return [country_ref(view, place, "the country where it was done")]
    if event == "CONCEDE":
        # "lifted the state of emergency in West Darfur": eased for the country where it applied
        return [country_ref(view, place, "the country where it applies")]
    return []

# (not SUPPORT: "the officers began joint patrols, and the prime minister thanked them" praises that act)
_COOPERATIVE = frozenset({"AGREE", "AID", "COOPERATE", "CONCEDE", "RETREAT", "CONSULT"})


def implicit_recipient(view: ActorView, sent: int, trigger: int, actors: list[ActorRef], date: str | None,
                       event: str, reporting: frozenset[str], civil: frozenset[str] = frozenset()) -> list[ActorRef]:
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
    # (Of violence, the one who reports it is never its target: "Police Commissioner X said gunmen burned 60
    # houses".)
    violence = event in ("ASSAULT", "COERCE")
    source = {j for k in tree.sentence_tokens(sent) if tree[k].lemma in reporting and (k > trigger or violence)
              and k != trigger for c in tree.children(k, "nsubj") for j in tree.subtree(c.i)}
    # ("Mexico sent a tanker on Sunday, and Russia pledged to deliver diesel": who does a cooperative act of
    # its own in a coordinated clause is no party to this one)
    clause = trigger
    while tree[clause].dep in ("xcomp", "dobj", "pobj", "prep") and tree[clause].head != clause:
        clause = tree[clause].head
    parallel: set[int] = set()
    if event in _COOPERATIVE:
        parallel = {c.i for c in tree.children(clause, "conj")}
        if tree[clause].dep == "conj":
            parallel.add(tree[clause].head)
    subjects = [k for k in tree.sentence_tokens(sent) if k != trigger and tree[k].dep in ("nsubj", "nsubjpass")
                and k not in source and tree[k].head not in parallel]
    for k in subjects:
        if (r := fresh(k)) is not None:
            return [r]
    # Someone named inside the clause itself ("suspended exercises planned together with Russia"),
    # not as a place or a time.
    place = lex_place_preps(tree)
    # (another side of the same country counts here: "suspended negotiations with the ELN")
    for k in tree.subtree(trigger):
        t = tree[k]
        if t.dep == "pobj" and k not in source and tree.head(k).text.lower() not in place \
                and not _border_with(tree, k) and not _ally(tree, k) \
                and (r := fresh(k) or fresh(k, domestic=True)) is not None:
            return [r]
    # Then anyone else the sentence names outside place and time phrases ("Since the start of Russia's
    # invasion, Serbia has not agreed to new contracts" answers who the contracts were with).
    aside = {j for v in parallel for j in tree.subtree(v)} - set(tree.subtree(clause))
    for k in tree.sentence_tokens(sent):
        t = tree[k]
        if t.dep in ("poss", "pobj", "dobj", "conj") and k not in source and k not in aside and not (
                t.dep == "pobj" and tree.head(k).text.lower() in place) and not _border_with(tree, k) \
                and not _ally(tree, k) \
                and (r := fresh(k)) is not None:
            return [r]
    # Violence and repression are aimed at where they happen ("air strikes on targets in southern Lebanon").
    if event in ("ASSAULT", "COERCE"):
        for k in tree.subtree(trigger):
            if tree[k].dep == "pobj" and tree.head(k).text.lower() in ("in", "inside", "across") \
                    and (r := fresh(k)) is not None:
                return [r]
    # A country's own people with no one named address their government ("the opposition called for new
    # elections"), not the other country of the story.
    if civil and event in ("REQUEST", "REJECT", "ACCUSE", "THREATEN") and len(codes) == 1 \
            and all(a.sector in civil for a in actors):
        code = next(iter(codes))
        if code and len(code) == 3:
            name = view.country_name(code) or code
            return [ActorRef(code=code, sector="GOV", entity_text="", identifier_text=f"{name} government",
                             inferred="their own government")]
    # Forces sent to a place in their own country are aimed at what goes on there ("Honduras deployed
    # 2,500 soldiers to San Pedro Sula"), not at the other country of the story.
    if event == "MOBILIZE" and len(codes) == 1:
        code = next(iter(codes))
        sent_to = [o.i for k in tree.subtree(trigger) if tree[k].dep == "prep" and tree.lower[k] in ("to", "into")
                   for o in tree.children(k, "pobj")]
        if code and any(_place_of(view, k) == code for k in sent_to):
            return [country_ref(view, code, "where in its own country the forces were sent")]
    # People of no other country named in the act ("warned that anyone spreading false information would be
    # prosecuted", "promised a permit system for local miners"): its own civilians, not the story's other
    # country.
    # (help sent "for displaced families" goes to another country's people)
    helped = any(tree[k].lemma in _HELP_WORDS for k in tree.subtree(trigger))
    if len(codes) == 1 and (code := next(iter(codes))) and len(code) == 3 and code not in ("UNO", "EUR", "IGO") \
            and event != "AID" and not helped:
        people = [k for k in tree.subtree(trigger) if tree[k].lemma in _DOMESTIC_PEOPLE and k != trigger
                  and not any(r.code and r.code != code for r in view.refs(k, date, fallback=False))
                  and not any(tree[m].ent_type in ("NORP", "GPE") for m in tree.subtree(k))]
        if people:
            return [ActorRef(code=code, sector="CVL", entity_text=tree[people[0]].text,
                             identifier_text=tree[people[0]].text, inferred="its own people named in the act")]
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
    # An outsider's call with no one named ("The European Union called for restraint"), in a story about one
    # country: that country's government
    home = view.home_country
    if event == "REQUEST" and home and len(codes) == 1 and home not in codes:
        name = view.country_name(home) or home
        return [ActorRef(code=home, sector="GOV", entity_text="", identifier_text=f"{name} government",
                         inferred="the government of the country the story is about")]
    return []

_HELP_WORDS = frozenset({"aid", "assistance", "relief", "donation", "grant", "loan", "funding", "dollar", "euro"})
_DOMESTIC_PEOPLE = frozenset({"anyone", "anybody", "whoever", "citizen", "resident", "villager", "miner", "farmer",
                              "trader", "vendor", "fisherman", "fishermen", "household", "family", "consumer",
                              "taxpayer", "pensioner", "landowner", "smallholder"})


_HELP_NOUNS = frozenset({"help", "support", "backing", "assistance", "aid", "cooperation", "participation"})


def _ally(tree: Tree, k: int) -> bool:
    """"repelled an attack with the help of troops from Burundi": who helps is on the actor's side."""
    node = k
    for _ in range(5):
        t = tree[node]
        if t.head == node:
            return False
        head = tree.head(node)
        if t.dep == "pobj" and head.text.lower() == "with" and t.lemma in _HELP_NOUNS:
            return True
        if t.dep == "pobj" and head.text.lower() in ("alongside",):
            return True
        node = head.i
    return False


def _border_with(tree: Tree, k: int) -> bool:
    """"villages near Macedonia's border with Bulgaria": the neighbour names where, not a party."""
    prep = tree.head(k)
    return tree[k].dep == "pobj" and prep.text.lower() == "with" and prep.head != prep.i \
        and tree.head(prep.i).lemma in ("border", "frontier", "boundary")


def _place_of(view: ActorView, k: int) -> str | None:
    """The country of a place named at ``k``, whatever the tagger called the name ("San Pedro Sula")."""
    tree = view.tree
    if (code := view.place_country(k)) is not None or tree[k].pos != "PROPN":
        return code
    below = set(tree.subtree(k))
    first = k
    while first - 1 in below and tree[first - 1].dep == "compound" and tree[first - 1].pos == "PROPN":
        first -= 1
    place = lookup(tree.span_text(first, k + 1), prefer=view.countries)
    return str(place["country"]) if place is not None and place.get("country") else None


def lex_place_preps(tree: Tree) -> frozenset[str]:
    return frozenset({"in", "at", "during", "since", "until", "near", "inside", "outside", "within",
                      "throughout", "amid", "by"})

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


def _titled(refs: list[ActorRef]) -> list[ActorRef]:
    """"The Taliban government's chief spokesman, X": the person in apposition holds the title the phrase
    gives, so a person the article gives no country takes the title's, when one country and sector say it."""
    coded = {(r.code, r.sector) for r in refs if r.code}
    if len(coded) != 1:
        return refs
    code, sector = next(iter(coded))
    return [replace(r, code=code) if r.code is None and r.entity_key and r.sector == sector else r for r in refs]
