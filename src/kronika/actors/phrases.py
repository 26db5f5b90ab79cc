"""Turning an argument noun phrase into PLOVER actors: one per conjunct, with code and sector.

"Montenegro, North Macedonia, Kosovo, and Albania" gives four actors; "Russia's heavily sanctioned
Health Minister Mikhail Murashkov" gives one (the country is a modifier of the person); "the visiting
Russian delegation" gives one with no name, coded from its adjective and head noun.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from kronika.actors.cities import lookup, named_waters
from kronika.actors.gazetteer import Gazetteer
from kronika.actors.mentions import GPE, NORP, ORG, PERSON
from kronika.actors.resolve import KNOWN, Cluster, DocActors
from kronika.actors.roles import sector_on
from kronika.nlp.tree import Tree
from kronika.plover import STATE_SECTORS
from kronika.records import ActorRef

_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_CUT_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "punct", "prep", "det", "case",
                       "mark", "aux", "advmod", "parataxis", "nummod", "quantmod"})
_MOD_DEPS = frozenset({"compound", "poss", "amod", "nmod", "npadvmod"})
_COUNTRY_NOUNS = frozenset({"country", "nation", "state", "homeland", "republic"})
# An armed group's own forces and fighters are coded as the group ("Houthi forces", "Wagner fighters")
_ARMED = frozenset({"REB", "PRM", "UAF", "CRM"})
_FORCES = frozenset({"MIL", "REB", "UAF", "PRM"})
# Nouns of a relation to another party: "its partners" are not its own
_OTHER_PARTY_NOUNS = frozenset({"partner", "ally", "neighbour", "neighbor", "counterpart", "rival", "enemy", "foe",
                                "opponent", "adversary", "creditor", "donor", "backer", "sponsor", "host"})


@dataclass
class _Unit:
    tokens: list[int]
    key: str | None = None
    country: str | None = None
    sector: str | None = None
    head: int = -1


def phrase_tokens(tree: Tree, head: int) -> list[int]:
    """The noun phrase of ``head`` without clauses and prepositional phrases (except "of")."""
    out = [head]
    stack = [head]
    counted = tree[head].lemma in _QUANTITY or tree.lower[head] in _QUANTITY \
        or tree[head].ent_type in ("CARDINAL", "QUANTITY")
    while stack:
        k = stack.pop()
        for c in tree.children(k):
            # "of" stays inside a name or title ("Minister of Emergency Situations") and after a count
            # ("thousands of people"); on an event noun it names another party ("the invasion of X").
            keep_of = c.dep == "prep" and c.text.lower() == "of" and (c.head != head or counted)
            if c.dep in _CUT_DEPS and not keep_of and not (c.dep == "punct" and c.text == "-"):
                continue
            out.append(c.i)
            stack.append(c.i)
    return sorted(out)


@dataclass(frozen=True, slots=True)
class PhraseActor:
    """An actor read off a noun phrase, before the date and the fallback country are applied."""

    country: str | None
    sector: str | None
    cluster: Cluster | None
    entity_text: str
    words: str


def refs_for(tree: Tree, actors: DocActors, gaz: Gazetteer, head: int, date: str | None,
             *, fallback_home: bool = True, fallback_country: object = None) -> list[ActorRef]:
    """The actors named by the noun phrase headed at token ``head`` (of the tree ``actors`` was built
    from)."""
    fallback = fallback_country if isinstance(fallback_country, str) else None
    if head in actors.antecedents:
        # "it" for "the army" said just before: the army's actors, as the pronoun says them
        return [replace(r, entity_text=tree[head].text)
                for r in refs_for(tree, actors, gaz, actors.antecedents[head], date, fallback_home=fallback_home,
                                  fallback_country=fallback_country)]
    key = (head, date, fallback_home, fallback)
    refs = actors.refs_memo.get(key)
    if refs is None:
        # The phrase is read once per head: only the last step depends on the date and the fallback.
        found = actors.phrase_memo.get(head)
        if found is None:
            found = actors.phrase_memo[head] = tuple(_phrase_actors(tree, actors, gaz, head))
        refs = actors.refs_memo[key] = tuple(_dedupe([_ref(f, actors, date, fallback_home, fallback)
                                                      for f in found]))
    return list(refs)


def _ref(f: PhraseActor, actors: DocActors, date: str | None, fallback_home: bool,
         fallback_country: str | None) -> ActorRef:
    country, cluster = f.country, f.cluster
    # ("the State Security Service said it had detained a Riga resident": a state body named with no
    # country, in a story of two, is of the country where it acts)
    nameless_state = cluster is not None and cluster.kind == ORG and cluster.country is None \
        and cluster.sector in STATE_SECTORS
    if country is None and (cluster is None or nameless_state) and fallback_home:
        country = fallback_country or actors.home_country
    sector = f.sector
    if cluster is not None:
        sector = _cluster_sector(cluster, date) or sector
        if cluster.known is not None and cluster.strength <= KNOWN:
            # a known person's country on the event's date (a national minister, later a UN official)
            role = cluster.known.role_on(date if date and _DATE.fullmatch(date) else None)
            country = role.country if role is not None else country
    return ActorRef(code=country, sector=sector, entity_text=f.entity_text,
                    identifier_text=cluster.name if cluster else f.words,
                    entity_key=cluster.key if cluster else None)


def _phrase_actors(tree: Tree, actors: DocActors, gaz: Gazetteer, head: int) -> list[PhraseActor]:
    if tree[head].pos in ("VERB", "AUX", "ADP", "SCONJ", "CCONJ", "PUNCT", "DET") or head in actors.dateline:
        return []
    toks = phrase_tokens(tree, head)
    units: list[_Unit] = []
    modifiers: dict[int, str] = {}  # noun token -> country given by a modifier
    weak: dict[int, str] = {}  # noun token -> country of a possessor ("his Ministry")
    armed: dict[int, str] = {}  # noun token -> sector of the armed group that modifies it ("RSF fighters")
    pending: str | None = None  # a country adjective left unattached by the parser ("and Kosovar PM X")
    # "ethnic Albanians", "ethnic Serb civilians": an ethnic group, coded (as PLOVER does) by where it
    # lives, not as the state its name recalls.
    ethnic = any(tree.lower[k] == "ethnic" for k in toks)

    def nationality(k: int) -> str | None:
        return None if ethnic else _norp_country(actors, k)

    for k in toks:
        t = tree[k]
        key = actors.token_key.get(k)
        cluster = actors.clusters.get(key) if key else None
        span_kind = cluster.kind if cluster else _norp_kind(actors, k)
        # A name of several words modifies the noun through its last word ("Boko Haram militants")
        span = actors.span_at.get(k)
        last = span.head if span is not None and key is not None and k < span.head and span.head in toks else k
        lt = tree[last]
        governs_noun = (last != head and lt.dep in _MOD_DEPS and lt.head in toks and lt.head > last
                        and tree[lt.head].pos in ("NOUN", "PROPN")
                        and (key is None or actors.token_key.get(lt.head) != key))
        if span_kind in (GPE, ORG, NORP) and governs_noun and lt.dep == "poss" \
                and tree[lt.head].lemma in _OTHER_PARTY_NOUNS:
            continue  # "Chad's partners", "Russia's neighbours": other parties than the one named
        if span_kind in (GPE, ORG, NORP) and governs_noun and not (t.pos == "PRON" and t.dep == "poss"):
            country = cluster.country if cluster else nationality(k)
            if country:
                modifiers.setdefault(_noun_head(tree, k, toks), country)
            if cluster is not None and cluster.kind == ORG and cluster.sector in _ARMED:
                armed.setdefault(_noun_head(tree, k, toks), cluster.sector)  # "Houthi forces": the group's
            continue
        if cluster is not None and t.dep == "poss" and tree.lower[lt.head] in _FOLLOWERS \
                and (lt.head == head or _counted(tree, lt.head, head)):
            # "its supporters marched", "the party's members": those who act for a body are coded as it
            units.append(_Unit([k], key=key, country=cluster.country, head=k))
            continue
        if cluster is not None and governs_noun and t.dep == "poss":
            # "his Ministry": the possessor's country, unless the noun says its own ("his Serbian counterpart")
            # or names another party ("its partners", "their neighbours")
            if cluster.country and tree[lt.head].lemma not in _OTHER_PARTY_NOUNS:
                weak.setdefault(_noun_head(tree, k, toks), cluster.country)
            continue
        if span_kind == NORP and k != head and k + 1 in toks and tree[k + 1].pos in ("NOUN", "PROPN"):
            pending = nationality(k)
            continue
        if cluster is not None:
            if units and units[-1].key == key and units[-1].tokens[-1] >= k - 2:
                units[-1].tokens.append(k)
                continue
            units.append(_Unit([k], key=key, country=cluster.country or pending, head=k))
            pending = None
            continue
        if span_kind == NORP and (k == head or t.dep not in _MOD_DEPS):
            plural_people = t.pos in ("NOUN", "PROPN") and t.tag in ("NNS", "NNPS")
            units.append(_Unit([k], country=nationality(k),
                               sector="CVL" if plural_people else None, head=k))
            continue
        seen = actors.descriptions.get(k)
        if seen is not None and (seen.sector or seen.country or not _compound_sector(tree, gaz, k)):
            # ("religious leaders": a title that says no sector leaves it to the group the words name)
            units.append(_Unit([k], country=seen.country or pending, sector=seen.sector, head=k))
            pending = None
            continue
        if t.lemma in _COUNTRY_NOUNS and (weak.get(k) or modifiers.get(k)) and k == head:
            units.append(_Unit([k], country=modifiers.get(k) or weak.get(k), head=k))
            continue  # "his country's refusal": the state of the possessor
        if t.pos in ("NOUN", "PROPN") and not _inside_name(tree, actors, k):
            sector = _members_sector(tree, gaz, k) or _compound_sector(tree, gaz, k) or gaz.group_sector(t.lemma) \
                or gaz.group_sector(t.text) or gaz.noun_sector(t.lemma) or _agent_sector(tree, actors, k, gaz) \
                or _officers(tree, gaz, k)
            if sector is not None and (k == head or t.dep == "conj" or _counted(tree, k, head)):
                units.append(_Unit([k], sector=sector, head=k, country=pending))
                pending = None
    if not units and modifiers:
        # "a Chinese Trade Ministry office", "EU foreign policy": the modifiers are the actors.
        for noun, country in modifiers.items():
            mods = [k for k in toks if k < noun and tree[k].dep in _MOD_DEPS and tree[k].pos != "PRON"
                    and (actors.token_key.get(k) or _norp_kind(actors, k))]
            if not mods:
                continue  # "its goal": a pronoun's country does not make the noun an actor
            units.append(_Unit(mods or [noun], country=country, head=noun,
                               sector=gaz.org_sector(tree.span_text(min(mods or [noun]), noun + 1))))
    out: list[PhraseActor] = []
    for u in units:
        country = u.country or modifiers.get(u.head) or _modifier_country(tree, u.head, modifiers) \
            or weak.get(u.head)
        if country is None and u.key is None:
            country = _placed(tree, actors, u.head) or _body_for(tree, actors, u.head)
        if country is None and u.key is None and u.sector is not None:
            country = _told_before(tree, actors, gaz, u.head)
        cluster = actors.clusters.get(u.key) if u.key else None
        words = tree.span_text(min(u.tokens), max(u.tokens) + 1)
        sector = armed[u.head] if u.head in armed and u.sector in _FORCES else u.sector
        out.append(PhraseActor(country, sector, cluster, _phrase_text(tree, u, toks), words))
        if cluster is None and country is not None:
            # "Armenian and Azerbaijani border commissions": one body of each country
            listed = [c for m in tree.children(u.head, "amod", "compound", "nmod")
                      if tree.children(m.i, "conj") for c in (m, *tree.children(m.i, "conj"))]
            taken = {country}
            for c in listed:
                other = nationality(c.i)
                if other and other not in taken:
                    taken.add(other)
                    out.append(PhraseActor(other, u.sector, None, f"{c.text} {tree[u.head].text}", c.text))
    return out


_QUANTITY = frozenset({"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "million", "millions",
                       "number", "group", "crowd", "crowds", "members", "scores", "tens", "couple", "handful",
                       # the people who speak or act for a group are coded as the group ("leaders of the
                       # opposition coalition", "supporters of the president's party")
                       "leaders", "leader", "head", "heads", "representatives", "supporters", "followers", "activists",
                       "fighters", "delegates", "loyalists", "partisans", "militants"})


# people who act for a body, coded as the body they belong to or follow
_FOLLOWERS = frozenset({"supporters", "followers", "members", "loyalists", "activists", "sympathisers",
                        "sympathizers", "backers", "fighters", "militants", "partisans"})


def _counted(tree: Tree, k: int, head: int) -> bool:
    """"Thousands of people", "a group of protesters": the counted noun is the actor."""
    t = tree[k]
    if t.dep != "pobj" or tree.head(k).text.lower() != "of" or tree.head(k).head != head:
        return False
    h = tree[head]
    return h.lemma in _QUANTITY or h.text.lower() in _QUANTITY or h.ent_type in ("CARDINAL", "QUANTITY")


def _agent_sector(tree: Tree, actors: DocActors, k: int, gaz: Gazetteer) -> str | None:
    """The sector the knowledge base gives a generic noun the gazetteer does not list ("militiamen",
    "gunships"), with its compound modifiers first ("border guards"). A noun kronika's own title list
    knows keeps that title's sector ("chief spokesman": a government's, not the media's)."""
    kb = actors.knowledge
    if kb is None:
        return None
    mods = [c.i for c in tree.children(k, "compound") if c.i < k]
    if mods and (found := kb.agent_sector(tree.span_text(min(mods), k + 1))) is not None:
        return found
    found = kb.agent_sector(tree[k].text) or kb.agent_sector(tree[k].lemma)
    if found is not None and (title := gaz.title_at([tree.lower[k]], 0)) is not None and title.length == 1:
        return title.sector
    return found


def _compound_sector(tree: Tree, gaz: Gazetteer, k: int) -> str | None:
    """The sector of a group named by a compound ("security forces" COP, where "forces" alone is MIL;
    "riot police", "border guards", "rights groups")."""
    if gaz.is_act_head(tree[k].text):
        return None  # "an immediate military response": an act, no one's group
    mods = [c.i for c in tree.children(k, "compound", "amod") if c.i < k]
    # ("victims' groups", "farmers' unions": a plural possessor names who the group is of)
    mods += [c.i for c in tree.children(k, "poss") if c.tag in ("NNS", "NNPS") and c.pos == "NOUN"]
    if not mods:
        return None
    # the whole phrase ("security forces"), else a modifier that is itself a group ("opposition
    # coalition", "rebel commanders", "police officers")
    whole = tree.span_text(min(mods), k + 1)
    # ("Russian intelligence agents": the longest group the phrase ends in; "community and religious
    # leaders": a modifier and the head)
    for m in sorted(mods):
        if (s := gaz.group_sector(tree.span_text(m, k + 1))) is not None \
                or (s := gaz.group_sector(f"{tree[m].text} {tree[k].text}")) is not None:
            return s
    # "human rights groups", "aid agencies": a kind of body named by an unambiguous keyword
    kw = gaz.org_keyword(whole)
    if kw is not None and not kw.ambiguous:
        return kw.sector
    return next((s for m in mods if (s := gaz.group_sector(tree[m].text)) is not None), None)


# "security forces in Guinea", "rebels from Darfur", "students at a university in Lagos"
_PLACE_PREPS = frozenset({"in", "from", "inside", "across", "throughout", "at", "near", "of", "on"})
# ("gunmen on the Venezuelan bank": "on" places people, not an act: "military action on Syrian territory")
_PEOPLE_ONLY_PREPS = frozenset({"on"})


_PLACED_CITY = 300_000  # a capitalised word taken for a city unnamed by the tagger: only a large one


def _placed(tree: Tree, actors: DocActors, head: int) -> str | None:
    """The country of a place the phrase's own prepositional modifier names: a group with no
    nationality of its own belongs where the text puts it."""
    for p in tree.children(head, "prep"):
        if tree.lower[p.i] not in _PLACE_PREPS or tree.lower[p.i] in _PEOPLE_ONLY_PREPS and tree[head].tag != "NNS":
            continue
        for o in tree.children(p.i, "pobj"):
            if named_waters(tree, o.i):
                continue  # "a tanker in the Gulf of Oman": a sea named for a country is none of its
            for k in tree.subtree(o.i):
                key = actors.token_key.get(k)
                c = actors.clusters.get(key) if key else None
                if c is not None and c.kind == GPE and c.country:
                    return c.country
                # "inhabitants of the Syrian Golan Heights": a place the parser did not name, said whose
                if key is None and tree[k].dep in ("amod", "compound") and _norp_kind(actors, k) == NORP \
                        and (country := _norp_country(actors, k)):
                    return country
            # "traders from Peshawar": a large city the tagger did not name
            if tree[o.i].tag == "NNP" and o.i not in actors.token_key \
                    and (city := lookup(tree[o.i].text, min_population=_PLACED_CITY)) is not None \
                    and isinstance(city.get("country"), str):
                return str(city["country"])
    return None


_RECENT = 3  # sentences back a definite description looks first for what it names


def _told_before(tree: Tree, actors: DocActors, gaz: Gazetteer, head: int) -> str | None:
    """"Lebanon's foreign ministry ... The ministry also called on": a bare definite institution or agent
    noun ("the ministry", "the police action") is the one of its kind named before, and takes its
    country: the nearest such mention in the same or the three sentences before, else the one country
    all earlier such mentions agree on."""
    t = tree[head]
    det = tree.child(head, "det")
    compounds = tree.children(head, "compound")
    if det is None or tree.lower[det.i] != "the" or tree.children(head, "amod", "poss", "nmod") \
            or len(compounds) > 1 or any(c.pos != "NOUN" for c in compounds):
        return None
    kind = (compounds[0] if compounds else t).lemma.lower()  # "the police action": earlier police
    earlier: set[str] = set()
    for k in range(head - 1, -1, -1):
        e = tree[k]
        if e.lemma.lower() != kind or k in actors.token_key:
            continue
        at = e.head if e.dep == "compound" and tree[e.head].pos in ("NOUN", "PROPN") else k
        if at >= head:
            continue  # its own modifier ("the police action")
        found = actors.phrase_memo.get(at)
        if found is None:
            found = actors.phrase_memo[at] = tuple(_phrase_actors(tree, actors, gaz, at))
        countries = {f.country for f in found if f.cluster is None and f.sector is not None and f.country}
        if len(countries) == 1 and e.sent >= t.sent - _RECENT:
            earlier = countries
            break
        earlier |= countries
    if len(earlier) != 1:
        return None
    country = earlier.pop()
    # "In Beirut, the police said": where the sentence is set names another country's police
    where = _set_in(tree, actors, t.sent)
    return country if not where or country in where else None


def _set_in(tree: Tree, actors: DocActors, sent: int) -> set[str]:
    """The countries of the places a sentence says it happened in ("in Beirut", "at the border of X")."""
    out: set[str] = set()
    for p in tree.sentence_tokens(sent):
        if tree[p].dep != "prep" or tree.lower[p] not in ("in", "at") or tree[tree[p].head].pos not in ("VERB", "AUX"):
            continue
        for o in tree.children(p, "pobj"):
            key = actors.token_key.get(o.i)
            c = actors.clusters.get(key) if key else None
            if c is not None and c.kind == GPE and c.country:
                out.add(c.country)
    return out


def _cluster_sector(c: Cluster, date: str | None) -> str | None:
    if c.kind == PERSON:
        said = sector_on(c.titles, c.roles, date)
        if said is None and c.known is not None:
            role = c.known.role_on(date if date and _DATE.fullmatch(date) else None)
            return role.sector if role is not None else None
        return said if said is not None or c.known is not None else c.known_sector  # (the body it is of)
    if c.kind == GPE:
        # a capital or seat of power stands for the state ("Moscow said"); any other city or region is
        # only a place ("shelled Idlib")
        return "GOV" if c.key.startswith("place:") and not any("city" in s.extra for s in c.spans) else None
    return c.sector


def _norp_kind(actors: DocActors, k: int) -> str | None:
    s = actors.span_at.get(k)
    return s.kind if s is not None else None


def _norp_country(actors: DocActors, k: int) -> str | None:
    s = actors.span_at.get(k)
    return s.country if s is not None else None


def _noun_head(tree: Tree, k: int, toks: list[int]) -> int:
    """The noun a modifier ultimately modifies (the last of a compound chain)."""
    h = tree[k].head
    while tree[h].dep == "compound" and tree[h].head in toks and tree[h].head > h:
        h = tree[h].head
    return h


def _modifier_country(tree: Tree, head: int, modifiers: dict[int, str]) -> str | None:
    for noun, country in modifiers.items():
        if tree.is_ancestor(head, noun) or tree.is_ancestor(noun, head):
            return country
    return None


def _inside_name(tree: Tree, actors: DocActors, k: int) -> bool:
    h = tree[k].head
    return tree[k].dep == "compound" and h in actors.token_key


def _phrase_text(tree: Tree, u: _Unit, toks: list[int]) -> str:
    """The unit's words with the modifiers directly before it ("the visiting Russian delegation")."""
    lo = min(u.tokens)
    while lo - 1 in toks and tree[lo - 1].dep in (*_MOD_DEPS, "det") and tree[lo - 1].pos != "CCONJ" \
            and (tree[lo - 1].head in u.tokens or tree[lo - 1].head == u.head or tree[lo - 1].head >= lo):
        lo -= 1
    return tree.span_text(lo, max(u.tokens) + 1)


def _dedupe(refs: list[ActorRef]) -> list[ActorRef]:
    out: list[ActorRef] = []
    seen: set[tuple[str | None, str | None, str | None]] = set()
    for r in refs:
        key = (r.entity_key or r.entity_text, r.code, r.sector)
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


def _body_for(tree: Tree, actors: DocActors, k: int) -> str | None:
    """"a spokesman for the European Commission", "officials of the UN mission": the body they speak or
    work for."""
    for p in tree.children(k, "prep"):
        if tree.lower[p.i] in ("for", "of"):
            for o in tree.children(p.i, "pobj"):
                c = actors.clusters.get(actors.token_key.get(o.i, ""))
                if c is not None and c.kind == ORG and c.country:
                    return c.country
    return None


def _officers(tree: Tree, gaz: Gazetteer, k: int) -> str | None:
    """"Riot police blocked the march and officers beat some of the marchers": bare "officers" are of the
    force named last before them (police or army), however far back in the article."""
    if tree.lower[k] != "officers":
        return None
    for j in range(k - 1, -1, -1):
        if (s := gaz.group_sector(tree[j].lemma) or gaz.group_sector(tree[j].text)) in ("COP", "MIL"):
            return s
    return None


_BANDS = frozenset({"delegation", "group", "team", "band", "contingent", "party", "committee",
                    # armed units named by their members: "a company of soldiers", "a detachment of police"
                    "company", "detachment", "platoon", "squad", "column", "squadron"})


def _members_sector(tree: Tree, gaz: Gazetteer, k: int) -> str | None:
    """"a delegation of elders", "a group of students": a band is of the sector of its members."""
    if tree[k].lemma.lower() not in _BANDS:
        return None
    members = [o for p in tree.children(k, "prep") if tree.lower[p.i] == "of" for o in tree.children(p.i, "pobj")
               if o.tag in ("NNS", "NNPS")]
    return next((s for o in members if (s := gaz.group_sector(o.lemma) or gaz.group_sector(o.text)
                                        or gaz.noun_sector(o.lemma))), None)
