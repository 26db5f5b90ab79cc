"""Grouping one document's mentions into entities, and resolving titles and pronouns to them."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, TypeVar

from kronika.actors.cities import lookup
from kronika.actors.gazetteer import Gazetteer
from kronika.actors.knowledge import KnowledgeBase, KnownPerson
from kronika.actors.mentions import GPE, NORP, ORG, PERSON, Span, dateline_tokens
from kronika.actors.normalize import clean_name, has_diacritics, surname_variant
from kronika.actors.titles import TitleSeen, appositive_tokens, description_title, modifiers_before, person_title
from kronika.lang.en import SpeechWords, fold
from kronika.nlp.quotemarks import find_quotes, inside
from kronika.nlp.tree import Tree
from kronika.plover import INTERNATIONAL_CODES, STATE_SECTORS
from kronika.records import ActorRef, Role, Token

if TYPE_CHECKING:
    from kronika.actors.phrases import PhraseActor

# How sure we are of an entity's country: said next to the name, known from the knowledge base,
# inferred from the sentence, or only the article's main country.
EXPLICIT, KNOWN, SENTENCE, HOME = 4, 3, 2, 1
T = TypeVar("T")
_ARMED = frozenset({"REB", "PRM"})


def _armed_word(gaz: Gazetteer, word: str) -> str | None:
    """"the paramilitary Rapid Support Forces", "the rebel M23": the armed group a word before an unknown
    name makes it (the title lists' rebels and paramilitaries)."""
    sector = gaz.noun_sector(word) or gaz.group_sector(word)
    return sector if sector in _ARMED else None

_MALE_FEMALE = frozenset({"he", "him", "his", "she", "her", "hers", "himself", "herself"})
_IT = frozenset({"it", "its", "itself"})


@dataclass
class Cluster:
    """An entity being built from one document's mentions."""

    key: str
    kind: str
    spans: list[Span] = field(default_factory=list)
    forms: Counter[str] = field(default_factory=Counter)
    canonical: str | None = None
    country: str | None = None
    strength: int = 0
    sector: str | None = None
    titles: list[TitleSeen] = field(default_factory=list)
    descriptions: set[str] = field(default_factory=set)
    extra_aliases: set[str] = field(default_factory=set)
    roles: list[Role] = field(default_factory=list)
    known: KnownPerson | None = None  # the knowledge base's entry for this person, when unambiguous
    known_sector: str | None = None  # the sector of the role it says was held on the article's date (or of
    # the body the person is named as being of)
    later: list[Span] = field(default_factory=list)  # its mentions after the context: counted, not read

    def set_country(self, code: str | None, strength: int) -> None:
        if code is not None and strength > self.strength:
            self.country, self.strength = code, strength

    @property
    def name(self) -> str:
        if self.canonical:
            return self.canonical
        best = max(self.forms.items(), key=lambda kv: (len(kv[0].split()), kv[1], has_diacritics(kv[0])))
        return best[0]

    @property
    def first_sentence(self) -> int:
        return min(s.sentence for s in self.spans) if self.spans else 0


@dataclass
class DocActors:
    """Everything the actors stage knows about one document, for the event stage to use."""

    clusters: dict[str, Cluster]
    token_key: dict[int, str]  # token index -> entity key (names, pronouns, resolved descriptions)
    spans: list[Span]
    home_country: str | None
    descriptions: dict[int, TitleSeen]  # title-noun token -> the title it states
    dateline: set[int] = field(default_factory=set)  # tokens of "SANTIAGO (Andes Herald) —"
    pair: tuple[str, str] | None = None  # the two countries of a bilateral story
    knowledge: KnowledgeBase | None = None  # for agent nouns the gazetteer does not list
    # pronoun token -> the head of the unnamed phrase it stands for ("the army said it had ...")
    antecedents: dict[int, int] = field(default_factory=dict)
    # Actors read off a phrase, by (head, date, fallback country): the event and quote stages ask
    # about the same phrases many times, and nothing above changes once the document is built.
    refs_memo: dict[tuple[int, str | None, bool, str | None], tuple[ActorRef, ...]] = \
        field(default_factory=dict)
    phrase_memo: dict[int, tuple[PhraseActor, ...]] = field(default_factory=dict)  # by head token
    # Spans of the sentences after the context (photo captions): resolved, but they are not what the
    # article names, so they count for nothing the whole document is asked (its countries, say).
    later: list[Span] = field(default_factory=list)
    span_at: dict[int, Span] = field(init=False)  # token -> the first span that covers it

    def __post_init__(self) -> None:
        self.span_at = {k: s for s in reversed(self.spans + self.later) for k in range(s.start, s.end)}


def _name_parts(text: str) -> list[str]:
    return [p for p in clean_name(text).replace("-", " - ").split() if p != "-"]


def cluster_people(spans: list[Span]) -> dict[int, str]:
    """Assign each PERSON span (by index) a person key; surnames and variants join full names."""
    keys: dict[int, str] = {}
    full: list[tuple[int, str, str, str]] = []  # (span index, key, first, surname)
    for n, s in enumerate(spans):
        parts = _name_parts(s.text)
        if s.kind != PERSON or len(parts) < 2:
            continue
        first, last = fold(parts[0]), fold(" ".join(parts[1:]))
        key = None
        for _, k, f, sur in full:
            if f == first and (sur == last or surname_variant(sur, last)):
                key = k
                break
        key = key or f"person:{fold(clean_name(s.text))}"
        keys[n] = key
        full.append((n, key, first, last))
    for n, s in enumerate(spans):
        if s.kind != PERSON or n in keys:
            continue
        name = fold(clean_name(s.text))
        exact = [(i, k) for i, k, _, sur in full if sur == name or sur.split()[-1] == name]
        fuzzy = [(i, k) for i, k, _, sur in full if surname_variant(sur.split()[-1], name)]
        pool = exact or fuzzy
        if pool:
            before = [(i, k) for i, k in pool if spans[i].start < s.start]
            i, k = before[-1] if before else pool[0]
            keys[n] = k
        else:
            keys[n] = f"person:{name}"
    return keys


def _reclassify_surnames(spans: list[Span]) -> None:
    """A single capitalised word spaCy called ORG or GPE that is a person's surname is a person."""
    surnames = set()
    for s in spans:
        if s.kind == PERSON:
            parts = _name_parts(s.text)
            if parts:
                surnames.add(fold(parts[-1]))
                surnames.add(fold(clean_name(s.text)))
    for s in spans:
        if s.kind in (ORG, GPE) and s.code is None and not s.canonical or s.extra.get("unknown"):
            name = fold(clean_name(s.text))
            last = name.split()[-1] if name else ""
            if name in surnames or any(surname_variant(name, x) for x in surnames if " " not in x) \
                    or (" " in name and last in surnames and s.kind == ORG and not s.sector):
                s.kind = PERSON
                s.country = s.sector = None


_BIG_CITY = 150_000  # a one-word "person" named like a city this large is the city


def _cities_taken_for_people(tree: Tree, gaz: Gazetteer, spans: list[Span], verbs: frozenset[str]) -> None:
    """"M23 rebels seized Goma": news introduces a person by a full name, so a lone capitalised word the
    tagger called a person, with no title and saying nothing, that names a large city, is the city
    (unless it is the surname of a person named in the article)."""
    names = {fold(p) for s in spans if s.kind == PERSON and s.end - s.start > 1 for p in _name_parts(s.text)}
    for s in spans:
        if s.kind != PERSON or s.end - s.start != 1 or fold(s.text) in names:
            continue
        t = tree[s.start]
        if (t.dep == "nsubj" and tree.head(s.start).lemma in verbs) \
                or (s.start > 0 and gaz.title_at([tree[s.start - 1].text.lower()], 0) is not None):
            continue
        city = lookup(s.text, min_population=_BIG_CITY)
        if city is not None and isinstance(city.get("country"), str):
            s.kind, s.country, s.canonical, s.sector = GPE, str(city["country"]), str(city["name"]), None
            s.extra = {**s.extra, "city": "1"}


def _org_key(s: Span) -> str:
    return f"org:{fold(s.canonical or clean_name(s.text))}"


def _known_names(tree: Tree, spans: list[Span]) -> None:
    """A surname the tagger missed (or called a product) where the same surname is a person elsewhere."""
    surnames = {fold(_name_parts(s.text)[-1]) for s in spans if s.kind == PERSON and _name_parts(s.text)}
    covered = {k for s in spans for k in range(s.start, s.end)}
    for t in tree.tokens:
        if t.i in covered or t.tag not in ("NNP", "NNPS") or fold(t.text) not in surnames:
            continue
        if t.dep == "compound" and tree[t.head].tag in ("NNP", "NNPS"):
            continue
        spans.append(Span(t.i, t.i + 1, t.text, PERSON, t.sent))
    spans.sort(key=lambda s: s.start)


def _speaking_names(tree: Tree, gaz: Gazetteer, spans: list[Span], verbs: frozenset[str]) -> None:
    """A two- or three-word name spaCy called an organisation is a person when it speaks or bears a
    title ("Amina Wanjiku said", "Minister Boobek Ajikeev") and has no word of an organisation's name."""
    for s in spans:
        words = clean_name(s.text).split()
        if s.kind != ORG or s.code or not 2 <= len(words) <= 3 or clean_name(s.text).isupper():
            continue
        if any(gaz.is_org_head(w) or gaz.org_sector(w) or gaz.country_of(w) for w in words):
            continue
        head = tree[s.head]
        speaks = head.dep == "nsubj" and tree.head(s.head).lemma in verbs
        titled = s.start > 0 and gaz.title_at([tree[s.start - 1].text.lower()], 0) is not None
        if speaks or titled:
            s.kind, s.sector, s.country = PERSON, None, None


def build(tree: Tree, gaz: Gazetteer, spans: list[Span], speech: SpeechWords, kb: KnowledgeBase | None = None,
          published: str | None = None, filed_from: str | None = None) -> DocActors:
    _speaking_names(tree, gaz, spans, speech.speech_verbs)
    _reclassify_surnames(spans)
    _cities_taken_for_people(tree, gaz, spans, speech.speech_verbs)
    _known_names(tree, spans)
    spans = [s for s in spans if not s.extra.get("unknown") or s.kind == PERSON]
    person_keys = cluster_people(spans)
    clusters: dict[str, Cluster] = {}
    token_key: dict[int, str] = {}
    # Other people's names bound a title phrase; country words and organisations inside it do not.
    name_tokens = {k for s in spans if s.kind == PERSON for k in range(s.start, s.end)}

    def add(key: str, kind: str, s: Span) -> Cluster:
        c = clusters.setdefault(key, Cluster(key=key, kind=kind))
        c.spans.append(s)
        c.forms[clean_name(s.text)] += 1
        for k in range(s.start, s.end):
            token_key[k] = key
        return c

    for n, s in enumerate(spans):
        if s.kind == PERSON:
            c = add(person_keys[n], PERSON, s)
            seen = person_title(tree, gaz, s.start, s.head, name_tokens - set(range(s.start, s.end)))
            if seen is not None:
                c.titles.append(seen)
                c.set_country(seen.country or _title_body(tree, spans, s, name_tokens), EXPLICIT)
        elif s.kind == ORG:
            c = add(_org_key(s), ORG, s)
            c.canonical = c.canonical or s.canonical
            c.sector = c.sector or s.sector or (_armed_word(gaz, tree.lower[s.start - 1]) if s.start else None)
            c.set_country(s.code or s.country, EXPLICIT if s.code else SENTENCE)
            if not c.country and (owner := _possessor_country(tree, spans, s)) is not None:
                c.set_country(owner, SENTENCE)  # "Mexico's National Migration Institute"
            _org_apposition(tree, gaz, s, c)
        elif s.kind == GPE:
            key = f"country:{s.country}" if gaz.is_country_name(clean_name(s.text)) else \
                f"place:{fold(clean_name(s.text))}"
            c = add(key, GPE, s)
            if key.startswith("country:"):
                c.canonical = gaz.country_name(s.country or "") or c.canonical
            c.set_country(s.country, EXPLICIT)
    _merge_org_descriptions(clusters, token_key)
    _places_standing_for_bodies(gaz, clusters, token_key)
    for n, s in enumerate(spans):
        if s.kind == PERSON and (body := _body_of(tree, spans, s)) is not None:
            # "Kadyr Tas of the Kazakhstan International Bureau for Human Rights": who speaks for a body
            # is of its country and, with no title of their own, of its sector
            c = clusters[person_keys[n]]
            c.set_country(body.code or body.country, SENTENCE)
            if not c.titles and c.known_sector is None:
                c.known_sector = body.sector
    if kb is not None:
        _known_people(clusters, kb, published)
    # "ethnic Albanians" name a people, not a state the article is about; "the Afghan border" a place at
    # its edge, not the article's subject
    ethnic = {n for n, s in enumerate(spans) if s.kind == NORP and (
        s.text.lower().startswith("ethnic") or (s.start > 0 and tree.lower[s.start - 1] == "ethnic")
        or tree[s.head].head != s.head and tree.head(s.head).lemma in _EDGES)}
    counted = [s for n, s in enumerate(spans) if n not in ethnic]
    named_most = home_country(counted)
    # (a paper in Port Vila writing of a pact with Australia, named more often, says "parliament" for
    # Vanuatu's: the country filed from, named half as often as any other, is the story's home)
    home = home_country(counted, _dateline_country(gaz, filed_from, counted))
    if home is not None:
        # "the National Unity Government", "the Interior Ministry", "the paramilitary Rapid Support Forces"
        # named with no country, in an article about one: a body of that country (a named NGO or company
        # is not); so is a party ("the Democratic Progressive Party"): parties stand in one country's politics
        for c in clusters.values():
            if c.kind == ORG and c.country is None and (c.sector in STATE_SECTORS | _ARMED | {"PTY", "OPP"}
                                                        or _domestic_body(c, tree)):
                c.set_country(home, HOME)
    _countries_from_sentences(tree, gaz, clusters, spans, home, main_pair(spans), pair_first=named_most is None)
    descriptions = _descriptions(tree, gaz, name_tokens, token_key, clusters, home)
    _body_anaphors(tree, clusters, token_key)
    _bare_followers(tree, clusters, token_key)
    # office-holders told by their office, who "he" or "she" may stand for ("the police commissioner")
    offices = [t.i for t in tree.tokens if t.tag == "NN" and t.dep in ("nsubj", "nsubjpass")
               and t.i not in token_key and (t.i in descriptions or gaz.could_end_title(t.text))]
    antecedents = _pronouns(tree, clusters, token_key, offices)
    _first_person(tree, clusters, token_key, speech)
    return DocActors(clusters=clusters, token_key=token_key, spans=spans, home_country=home,
                     descriptions=descriptions, dateline=dateline_tokens(tree), pair=main_pair(spans),
                     knowledge=kb, antecedents=antecedents)


def with_later(context: DocActors, whole: DocActors, first_token: int) -> DocActors:
    """The context's actors (the body's, resolved alone), with what the whole text says of the tokens
    from ``first_token`` on (photo captions).

    The context's tokens keep their entities, and its entities all they were resolved to, so that the
    body's events are those of the body coded alone. A later name of a key the context has is one more
    mention of that entity; one of a key of its own is an entity of its own.
    """
    later = [s for s in whole.spans if s.start >= first_token]
    clusters = dict(context.clusters)
    for s in later:
        key = whole.token_key.get(s.head)
        if key in context.clusters:
            context.clusters[key].later.append(s)
        elif key is not None:
            clusters.setdefault(key, whole.clusters[key])

    def after(by_token: dict[int, T]) -> dict[int, T]:
        return {k: v for k, v in by_token.items() if k >= first_token}

    return replace(context, clusters=clusters, token_key={**context.token_key, **after(whole.token_key)},
                   descriptions={**context.descriptions, **after(whole.descriptions)},
                   antecedents={**context.antecedents, **after(whole.antecedents)}, later=later,
                   refs_memo={}, phrase_memo={})


def _known_people(clusters: dict[str, Cluster], kb: KnowledgeBase, published: str | None) -> None:
    """People the knowledge base knows get the country and sector of the role held on the article's date,
    unless the article says their country itself ("Serbian President X" wins over the dictionary).

    A full name must name one person only (a country the text gives picks among namesakes); a surname
    seen alone must be the surname of one known person only.
    """
    for c in clusters.values():
        if c.kind != PERSON:
            continue
        parts = _name_parts(c.name)
        stated = c.country if c.strength >= EXPLICIT else None
        if len(parts) >= 2:
            known = kb.person(c.name, stated)
            if known is None and not kb.people_named(c.name):
                # "Carlos Menem" for the known "Carlos Saul Menem": the same first and last names, once
                same = [p for p in kb.people_with_surname(parts[-1]) if fold(p.name.split()[0]) == fold(parts[0])
                        and (stated is None or stated in p.countries)]
                known = same[0] if len(same) == 1 else None
        elif parts and len(parts[0]) >= 4 and parts[0][:1].isupper():
            found = [p for p in kb.people_with_surname(parts[0]) if stated is None or stated in p.countries]
            known = found[0] if len(found) == 1 else None
        else:
            known = None
        if known is None:
            continue
        c.known = known
        when = published if published and _DATE.fullmatch(published) else None
        role = known.role_on(when)
        if role is not None:
            c.known_sector = role.sector
            # A role the source shows ending years before the article is a weak guess: the article's
            # sentences (an envoy of the EU, a UN official) say more about where the person is now.
            current = when is None or role.until is None or role.until[:4] >= when[:4]
            c.set_country(role.country, KNOWN if current else HOME)


_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


# Bodies of a country's own society: unions, farmers' and students' bodies, churches' councils
_SOCIETY = frozenset({"LAB", "AGR", "EDU", "REL"})
_BEYOND = frozenset({"international", "world", "global", "african", "european", "asian", "arab", "american",
                     "latin", "southern", "eastern", "western", "northern", "pan", "regional", "inter"})


def _domestic_body(c: Cluster, tree: Tree) -> bool:
    """A union, a farmers' or students' federation, a churches' council ("the National Peasant Federation",
    "the Union of Secondary Teachers") named with no country and nothing international in its name."""
    words = {w.strip(".,'’-").lower() for w in re.split(r"[\s-]+", c.name)}
    # (a body of no known kind, with a name of words ("the Unity Forum", "the Umoja Alliance"), is most
    # likely a local one too; an acronym alone could be anyone's)
    # ("the OSCE's Office for Democratic Institutions": a body owned by another is its owner's)
    owned = any(x.start > 0 and tree[x.start - 1].tag == "POS" for x in c.spans)
    unknown = c.sector is None and len(words) > 1 and c.name[:1].isupper() and not c.name.isupper() and not owned
    # ("the Kifaya group", "the Creemos movement": one word of a name and the kind of body it is)
    named_kind = c.sector is None and not owned and any(
        (j := _past_brackets(tree, x.end)) < len(tree.tokens) and tree[j].text in _KIND_NOUNS for x in c.spans)
    return not words & _BEYOND and (c.sector in _SOCIETY or "national" in words or unknown or named_kind)


def _past_brackets(tree: Tree, j: int) -> int:
    """The first token at or after ``j`` outside a bracketed gloss ("Kifaya ("Enough") group")."""
    if j < len(tree.tokens) and tree[j].text == "(":
        close = next((k for k in range(j + 1, min(j + 10, len(tree.tokens))) if tree[k].text == ")"), None)
        if close is not None:
            return close + 1
    return j


_KIND_NOUNS = frozenset({"group", "movement", "party", "alliance", "coalition", "front", "association", "federation",
                         "network", "collective", "platform", "committee", "organisation", "organization"})


def _org_apposition(tree: Tree, gaz: Gazetteer, s: Span, c: Cluster) -> None:
    """"the X Centre, an NGO which ..." says what kind of body X is."""
    for ap in tree.children(s.head, "appos"):
        words = " ".join(tree[k].text for k in tree.subtree(ap.i) if tree[k].pos != "DET").lower()
        code = gaz.body_kind(words)
        if code is not None:
            c.set_country(code, EXPLICIT + 1)


def _body_of(tree: Tree, spans: list[Span], person: Span) -> Span | None:
    """The body a person is named as being "of" ("X of the Truck Drivers Association of Zambia")."""
    heads = {o.i for p in tree.children(person.head, "prep") if tree.lower[p.i] == "of"
             for o in tree.children(p.i, "pobj")}
    return next((x for x in spans if x.kind == ORG and heads & set(range(x.start, x.end)) and (x.code or x.country)),
                None)


def _title_body(tree: Tree, spans: list[Span], person: Span, name_tokens: set[int]) -> str | None:
    """"the Taliban government's chief spokesman, X": the country of the body a title names, where the
    gazetteer's titles know no country for it (a body of the knowledge base)."""
    stop = name_tokens - set(range(person.start, person.end))
    toks = set(modifiers_before(tree, person.start, person.head, stop)) | \
        {k for k in appositive_tokens(tree, person.head) if k not in stop}
    found = {x.code or x.country for x in spans if x.kind == ORG and x.head in toks and (x.code or x.country)}
    return found.pop() if len(found) == 1 else None


def _merge_org_descriptions(clusters: dict[str, Cluster], token_key: dict[int, str]) -> None:
    """A one-word organisation mention ("the Centre") joins the full name it shortens."""
    orgs = [c for c in clusters.values() if c.kind == ORG]
    for short in orgs:
        if len(short.name.split()) != 1:
            continue
        word = fold(short.name)
        longer = [c for c in orgs if c is not short and len(c.name.split()) > 1
                  and fold(c.name).split()[-1] == word]
        if len(longer) != 1:
            continue
        target = longer[0]
        if short.country and target.country and short.country != target.country:
            continue  # "the Taliban" is not "the Pakistani Taliban": a body of its own, of another country
        target.spans.extend(short.spans)
        target.descriptions.add(f"the {short.name}")
        for k, v in list(token_key.items()):
            if v == short.key:
                token_key[k] = target.key
        del clusters[short.key]
    # Acronyms: "SRHC" joins "Serbian-Russian Humanitarian Centre".
    for short in [c for c in clusters.values() if c.kind == ORG and c.name.isupper()]:
        for c in clusters.values():
            initials = "".join(w[0] for w in c.name.replace("-", " ").split() if w[:1].isupper())
            if c is not short and c.kind == ORG and initials == short.name and len(initials) > 1:
                c.extra_aliases.add(short.name)
                c.spans.extend(short.spans)
                for k, v in list(token_key.items()):
                    if v == short.key:
                        token_key[k] = c.key
                del clusters[short.key]
                break


def _places_standing_for_bodies(gaz: Gazetteer, clusters: dict[str, Cluster], token_key: dict[int, str]) -> None:
    """"... would not bow to blackmail from Brussels": a seat that stands for a body the article names (the
    EU), in an article that does not name the seat's own country, is that body."""
    named = {fold(c.canonical or c.name): c for c in clusters.values() if c.kind == ORG}
    for place in [c for c in clusters.values() if c.kind == GPE and c.key.startswith("place:")]:
        bodies = [named[fold(o.name)] for o in gaz.organisations_described_as(place.name) if fold(o.name) in named]
        if len(bodies) != 1 or f"country:{place.country}" in clusters:
            continue
        body = bodies[0]
        body.spans.extend(place.spans)
        for k, v in list(token_key.items()):
            if v == place.key:
                token_key[k] = body.key
        del clusters[place.key]


_EDGES = frozenset({"border", "frontier", "coast", "waters", "side", "boundary", "shore"})


def _dateline_country(gaz: Gazetteer, place: str | None, spans: list[Span]) -> str | None:
    """The country of the place a story was filed from ("BUJUMBURA, Oct 1 (Wire) -", "Daily, Ulaanbaatar
    — 29 January"), preferring among namesakes a country the article names."""
    if not place:
        return None
    named = frozenset(s.country for s in spans if s.country)
    codes = set()
    # "BELGRADE/PRISTINA": filed from both sides, so from neither's point of view
    for name in place.split(",")[0].split("/"):
        code = gaz.country_of(name.strip(), strict=True)
        if code is None and (city := lookup(name.strip(), prefer=named)) is not None:
            code = str(city["country"])
        codes.add(code)
    code = codes.pop() if len(codes) == 1 else None
    return code if _state(code) else None


def home_country(spans: list[Span], filed_from: str | None = None) -> str | None:
    """The country an article is mostly about: the most named one, if named at least twice; or the
    country it was filed from, when the article names it about as often as any other.

    A correspondent in Vilnius writing of Lithuania and Belarus says "the government" for Lithuania's: the
    dateline decides between two countries named about as often, not against one the story is about."""
    counts = Counter(s.country for s in spans if s.kind in (GPE, NORP) and _state(s.country))
    if filed_from is not None and counts[filed_from] and 2 * counts[filed_from] > max(counts.values()):
        return filed_from
    if not counts:
        # no country named but in a body's name: "the Nigerian Interior Ministry" alone is about Nigeria
        bodies = {s.country for s in spans if s.kind == ORG and _state(s.country)}
        return bodies.pop() if len(bodies) == 1 else None
    ranked = counts.most_common(2)
    code, n = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    # Only an article mostly about one country has a "home": elsewhere it would be a guess that
    # looks like data. An article that names a single country is about that one.
    return code if (n >= 2 and n >= 1.5 * second) or len(counts) == 1 else None


def _state(code: str | None) -> bool:
    return code is not None and len(code) == 3 and (code == "KOS" or code not in INTERNATIONAL_CODES)


def main_pair(spans: list[Span]) -> tuple[str, str] | None:
    """The two countries a bilateral story is about: both named at least twice, and together most of
    the country mentions ("Serbia and Russia ..."), so one's counterpart is the other."""
    counts = Counter(s.country for s in spans if s.kind in (GPE, NORP) and s.country
                     and _state(s.country))
    top = counts.most_common(2)
    if len(top) < 2 or top[1][1] < 2 or top[0][1] + top[1][1] < 0.7 * sum(counts.values()):
        return None
    return top[0][0], top[1][0]


def _countries_from_sentences(tree: Tree, gaz: Gazetteer, clusters: dict[str, Cluster], spans: list[Span],
                              home: str | None, pair: tuple[str, str] | None = None, pair_first: bool = False) -> None:
    """Give titled people without a stated country one from their sentence, else the article's; not a
    country in what they did ("government negotiator X praised Kenya's mediation": X is not Kenyan).

    In a story of two countries named about as often (``pair_first``: its home, if any, is only where it
    was filed from), one who acts on one of them is of the other before being of the home."""
    for c in clusters.values():
        if c.kind != PERSON or c.strength >= SENTENCE:
            continue
        s = min(c.spans, key=lambda x: x.start)
        claimed = {o.country for o in clusters.values() if o.kind == PERSON and o.country
                   and any(x.sentence == s.sentence for x in o.spans)}
        person = tree[s.head]
        if person.dep == "appos":  # "the government's chief spokesman, X, accused Pakistan"
            person = tree.head(person.i)
        acted_on: set[str] = set()
        if person.dep in ("nsubj", "nsubjpass") and person.head != person.i:
            acted = set(tree.subtree(person.head)) - set(tree.subtree(person.i))
            acted_on = {x.country for x in spans if x.sentence == s.sentence and x.head in acted and x.country}
            claimed |= acted_on
        # Only countries named as nouns: an adjective ("pro-Russians") says little about a person.
        here = {x.country for x in spans if x.sentence == s.sentence and x.kind == GPE
                and x.country and x.country not in claimed and gaz.is_country_name(clean_name(x.text))}
        # then capitals and other places ("rallied in Budapest against the government of PM X")
        places = {x.country for x in spans if x.sentence == s.sentence and x.kind == GPE
                  and x.country and x.country not in claimed}
        if c.titles and len(here) == 1:
            c.set_country(here.pop(), SENTENCE)
        elif c.titles and not here and len(places) == 1:
            c.set_country(places.pop(), SENTENCE)
        elif c.titles and pair is not None and len(set(pair) & acted_on) == 1 and (pair_first or home is None):
            # in a story of two countries, one who acts on one of them is of the other
            c.set_country(next(iter(set(pair) - acted_on)), HOME)
        elif c.titles and home is not None:
            c.set_country(home, HOME)
        elif home is not None and c.known is None and not claimed - {home} and not here - {home}:
            # an untitled person no one knows, in a story about one country and in a sentence that names no
            # other: most likely one of its people ("his mother, Laila Soueif, had gone on hunger strike")
            c.set_country(home, HOME)


def _descriptions(tree: Tree, gaz: Gazetteer, name_tokens: set[int], token_key: dict[int, str],
                  clusters: dict[str, Cluster], home: str | None) -> dict[int, TitleSeen]:
    """Title nouns with no name ("the Serbian interior minister") and who they point to."""
    out: dict[int, TitleSeen] = {}
    for t in tree.tokens:
        if t.i in name_tokens or t.pos not in ("NOUN", "PROPN") or not gaz.could_end_title(t.text):
            continue
        if any(tree[k].i in name_tokens for k in [t.head] if tree[t.head].dep != "ROOT"
               and t.dep == "compound"):
            continue
        if t.dep == "compound" and tree[t.head].pos in ("NOUN", "PROPN"):
            continue
        if t.dep in ("nmod", "appos", "amod") and t.head in name_tokens:
            continue  # "Minister ... Boobek Ajikeev": the title of a named person, not another actor
        seen = description_title(tree, gaz, t.i, name_tokens)
        if seen is None or seen.token != t.i and tree[seen.token].head != t.i and seen.token != t.i:
            continue
        if t.lemma not in seen.title.split() and t.text.lower() not in seen.title.split():
            continue
        out[t.i] = seen
        if t.tag in ("NNS", "NNPS"):
            continue  # "Russian officials": a group, never one named person
        target = _person_for(tree, clusters, seen, t.i) or _person_described(tree, gaz, clusters, seen, t.i)
        if target is not None:
            token_key[t.i] = target.key
            target.descriptions.add(" ".join(w for w in ["the", seen.title]))
            target.set_country(seen.country, EXPLICIT)
            if not any(ti.title == seen.title for ti in target.titles):
                target.titles.append(seen)
    return out


def _person_for(tree: Tree, clusters: dict[str, Cluster], seen: TitleSeen, at: int) -> Cluster | None:
    """The named person a description refers to: same title, else the first compatible one after."""
    people = [c for c in clusters.values() if c.kind == PERSON]
    same = [c for c in people if any(ti.title == seen.title and ti.country in (None, seen.country)
                                     for ti in c.titles) and _said_country(c) in (None, seen.country)]
    if len(same) == 1:
        return same[0]
    if same:
        return None
    if seen.country is None:
        return None
    # A description before any name ("the Serbian interior minister said ... Vulin said"): the first
    # compatible person named within the next two sentences.
    here = tree[at].sent
    later = sorted((c for c in people if _said_country(c) in (None, seen.country) and not c.titles
                    and at < min(s.start for s in c.spans) and c.first_sentence <= here + 2),
                   key=lambda c: min(s.start for s in c.spans))
    return later[0] if later else None


_DESCRIBED_BACK = 3  # sentences a bare description ("the minister") looks back for whom it names


def _person_described(tree: Tree, gaz: Gazetteer, clusters: dict[str, Cluster], seen: TitleSeen,
                      at: int) -> Cluster | None:
    """"Foreign Minister Ana Ruiz said ... The minister added", "High Representative X ... the envoy": a
    generic description names the person with a title of its kind named last in the sentences just
    before."""
    if seen.country is not None or tree[at].tag not in ("NN", "NNP"):
        return None
    det = tree.child(at, "det")
    if det is None or tree.lower[det.i] != "the":
        return None
    here = tree[at].sent
    best: tuple[int, Cluster] | None = None
    for c in clusters.values():
        if c.kind != PERSON or not any(gaz.may_describe(seen.title, ti.title) for ti in c.titles):
            continue
        last = max((s.start for s in c.spans if s.start < at), default=None)
        if last is not None and tree[last].sent >= here - _DESCRIBED_BACK and (best is None or last > best[0]):
            best = (last, c)
    return best[1] if best else None


def _said_country(c: Cluster) -> str | None:
    """The country the article itself gives a person (not the knowledge base's guess)."""
    return None if c.known is not None and c.strength <= KNOWN else c.country


def _pronouns(tree: Tree, clusters: dict[str, Cluster], token_key: dict[int, str],
              titled: Iterable[int] = ()) -> dict[int, int]:
    """Resolve he/his/she/her to a person and it/its to a state or organisation; return the pronouns
    that stand for a phrase naming no entity ("the army said it had ...": it is the army)."""
    kind_of = {c.key: c.kind for c in clusters.values()}
    mentions = sorted((k, v) for k, v in token_key.items())
    antecedents: dict[int, int] = {}
    for t in tree.tokens:
        word = tree.lower[t.i]
        if word == "them" and t.dep == "dobj" and (verb := tree[t.head]).dep in ("advcl", "xcomp", "conj") \
                and verb.i != verb.head:
            # "detained 31 Algerian drivers (and seized their lorries), accusing them of smuggling": those
            # the first of the main verbs acted on
            first = verb.head
            while tree[first].dep == "conj" and tree[first].head != first:
                first = tree[first].head
            acted_on = [o.i for v in (first, verb.head) for o in tree.children(v, "dobj")
                        if o.pos in ("NOUN", "PROPN")]
            if acted_on:
                antecedents[t.i] = acted_on[0]
            continue
        if t.pos != "PRON" or (word not in _MALE_FEMALE and word not in _IT):
            continue
        if word == "it" and t.dep in ("nsubj", "nsubjpass") \
                and (body := _last_body_subject(tree, t, token_key)) is not None:
            # "The Comorian government called the measure blackmail. It summoned the French ambassador":
            # a subject "it" opening a sentence goes on with the body the sentence before was about
            if body in token_key:
                token_key[t.i] = token_key[body]
            else:
                antecedents[t.i] = body
            continue
        if word in _IT and (speaker := _reporting_subject(tree, t.i)) is not None:
            # "Bosnia's prosecutor's office said it had opened an investigation": the one who says it
            if speaker in token_key and kind_of.get(token_key[speaker]) in (GPE, ORG):
                token_key[t.i] = token_key[speaker]
            elif speaker not in token_key and tree[speaker].pos == "NOUN":
                antecedents[t.i] = speaker
            continue
        want = (PERSON,) if word in _MALE_FEMALE else (GPE, ORG)
        before = [(k, v) for k, v in mentions if k < t.i and kind_of.get(v) in want
                  and tree[k].sent >= t.sent - 3]
        if not before and word in _MALE_FEMALE:
            # "Fiji's police commissioner ... He praised": an office-holder the article never names
            held = [k for k in titled if k < t.i and tree[k].sent >= t.sent - 2 and tree[k].tag in ("NN", "NNP")]
            if held:
                antecedents[t.i] = held[-1]
            continue
        if not before:
            continue
        same = [(k, v) for k, v in before if tree[k].sent == t.sent]
        chosen = None
        if same and t.dep in ("nsubj", "nsubjpass"):
            # "Vucic said he suggested": the subject of a verb above the pronoun.
            for k, v in reversed(same):
                if tree[k].dep in ("nsubj", "nsubjpass") and tree.is_ancestor(tree[k].head, t.i):
                    chosen = v
                    break
        elif same and t.dep == "poss":
            chosen = same[-1][1]
        if chosen is None:
            subjects = [(k, v) for k, v in before if tree[k].sent < t.sent
                        and tree[k].dep in ("nsubj", "nsubjpass")]
            chosen = (subjects or before)[-1][1]
        token_key[t.i] = chosen
    return antecedents


# "the group", "the movement": a body named just before, referred to by its kind
_BODY_NOUNS = frozenset({"group", "movement", "organisation", "organization", "faction", "militia"})
# ("the group" is never the UN, the EU or NATO, nor a newspaper)
_NOT_A_GROUP = frozenset({"UNO", "IGO", "EUR"})
# "the bloc", "the alliance": a union of states named just before (the EU, NATO, ASEAN), never a party
_UNION_NOUNS = frozenset({"bloc", "alliance"})
_PARTY_NOUNS = frozenset({"party", "coalition"})
# the people of a body, named by the body's head noun before them ("federation leaders", "union members")
_ITS_PEOPLE = frozenset({"leaders", "leader", "members", "officials", "representatives", "organisers",
                         "organizers", "activists", "supporters", "delegates", "negotiators"})
_UNIONS = frozenset({"IGO", "EUR"})


def _bare_followers(tree: Tree, clusters: dict[str, Cluster], token_key: dict[int, str]) -> None:
    """"Their association said members would block the bridge": bare members or supporters in what a body
    says are its own."""
    for t in tree.tokens:
        if tree.lower[t.i] not in ("members", "supporters", "activists") or t.i in token_key \
                or tree.children(t.i, "poss", "det", "amod", "compound", "prep") or t.dep != "nsubj":
            continue
        clause = tree.head(t.i)
        if clause.dep != "ccomp":
            continue
        sayer = tree.child(clause.head, "nsubj")
        key = token_key.get(sayer.i) if sayer is not None else None
        if key is not None and clusters[key].kind == ORG:
            token_key[t.i] = key


def _head_word(name: str) -> str:
    """The noun a body's name is built on: "federation" of "the National Peasant Federation of Bolivia"."""
    words = fold(name).split()
    return words[words.index("of") - 1] if "of" in words[1:] else words[-1]


def _body_anaphors(tree: Tree, clusters: dict[str, Cluster], token_key: dict[int, str]) -> None:
    """"The Houthis ... the group said", "the European Union's foreign policy chief said the bloc would":
    a definite kind noun with nothing of its own points back to the last organisation of its kind named
    in the same or the two sentences before."""
    named = sorted((k, v) for k, v in token_key.items() if (c := clusters.get(v)) is not None and c.kind == ORG
                   and c.sector != "JRN")
    for t in tree.tokens:
        union = t.lemma.lower() in _UNION_NOUNS
        party = t.lemma.lower() in _PARTY_NOUNS
        if t.tag not in ("NN", "NNP") or t.i in token_key:
            continue
        # "The National Peasant Federation ... the federation demanded", "met five federation leaders": the
        # head noun of a name given before, said again (or modifying the people of it), is that body
        named_so = [v for k, v in named if k < t.i and t.text[0].islower()
                    and _head_word(clusters[v].name) == tree.lower[t.i]]
        modifier = t.dep == "compound" and tree.lower[t.head] in _ITS_PEOPLE and not tree.children(t.i)
        det = tree.child(t.i, "det")
        if named_so and (modifier or det is not None and tree.lower[det.i] in ("the", "this")
                         and not tree.children(t.i, "amod", "compound", "poss")):
            token_key[t.i] = named_so[-1]
            continue
        if det is None or tree.lower[det.i] not in ("the", "this") or tree.children(t.i, "amod", "compound", "poss"):
            continue
        if not (union or party or t.lemma in _BODY_NOUNS):
            continue
        if party:
            # "the party said": the party named before, however far back, when the article names one
            # (a body of no known kind named before is the party the article then calls it: "the National
            # Unity Platform ... The party said")
            parties = [v for k, v in named if k < t.i and clusters[v].sector in ("PTY", "OPP", None)
                       and clusters[v].country not in INTERNATIONAL_CODES]
            near = [v for k, v in named if k < t.i and tree[k].sent >= t.sent - 2 and v in parties]
            if near or len(set(parties)) == 1:
                token_key[t.i] = (near or parties)[-1]
                if clusters[token_key[t.i]].sector is None:
                    clusters[token_key[t.i]].sector = "PTY"
            continue
        before = [v for k, v in named if k < t.i and tree[k].sent >= t.sent - 2
                  and (clusters[v].country in _UNIONS if union else clusters[v].country not in _NOT_A_GROUP)]
        if before:
            token_key[t.i] = before[-1]


def _possessor_country(tree: Tree, spans: list[Span], s: Span) -> str | None:
    """The country that owns a body by a possessive just before its name ("Kenya's Interior Ministry")."""
    if s.start < 2 or tree[s.start - 1].tag != "POS":
        return None
    owner = next((o for o in spans if o.end == s.start - 1 and o.kind == GPE), None)
    return owner.country if owner is not None else None


def _last_body_subject(tree: Tree, t: Token, token_key: dict[int, str]) -> int | None:
    """For "it" the subject of a sentence's first clause, the subject of the sentence before when that
    one is a body: a common noun in the singular owned by a named country or body ("the Chinese embassy
    in Lusaka", "Uruguay's foreign ministry"), or a body named (not a person nor a place)."""
    clause = tree.head(t.i)
    if t.sent == 0 or not (clause.dep == "ROOT" or clause.dep == "ccomp" and clause.i < clause.head
                           and tree[clause.head].dep == "ROOT"):  # "It summoned X, an official said"
        return None
    first = min((u.i for u in tree.tokens if u.sent == t.sent), default=t.i)
    if any(u.dep in ("nsubj", "nsubjpass") for u in tree.tokens[first:t.i]):
        return None
    roots = [u for u in tree.tokens if u.sent == t.sent - 1 and u.dep == "ROOT"]
    subj = tree.child(roots[0].i, "nsubj", "nsubjpass") if roots else None
    if subj is None:
        return None
    if subj.i in token_key:
        return subj.i if not token_key[subj.i].startswith(("person:", "country:", "place:")) else None
    owned = any(c.i in token_key and token_key[c.i].startswith(("country:", "org:"))
                or c.tag in ("NNP", "NNPS", "JJ") and c.text[:1].isupper()  # "the Chinese embassy"
                for c in tree.children(subj.i, "poss", "amod", "compound"))
    return subj.i if subj.tag == "NN" and owned else None


def _reporting_subject(tree: Tree, k: int) -> int | None:
    """The subject of the verb whose clause holds ``k`` as its own subject or possessor of it: "the army
    said it had ...", "the ministry announced its troops had ..."."""
    t = tree[k]
    if t.dep == "poss":
        t = tree.head(k)
    if t.dep not in ("nsubj", "nsubjpass"):
        return None
    clause = tree.head(t.i)
    if clause.dep not in ("ccomp", "xcomp") or clause.head == clause.i:
        return None
    verb = clause.head
    subj = tree.child(verb, "nsubj")
    while subj is None and tree[verb].dep == "conj" and tree[verb].head != verb:
        verb = tree[verb].head  # "called the measure X and said it would not comply": the first verb's subject
        subj = tree.child(verb, "nsubj")
    if subj is None or subj.i > k or subj.pos not in ("NOUN", "PROPN"):
        return None
    return subj.i


def _first_person(tree: Tree, clusters: dict[str, Cluster], token_key: dict[int, str], words: SpeechWords) -> None:
    """"I reiterated my gratitude...," Vucic wrote: I and my are the one quoted.

    The speaker is the subject of a verb of saying outside the quotation, in the quotation's last
    sentence or the one after it; "we" and "our" are the speaker's country when it is known.
    """
    quotes = find_quotes(tree.text)
    if not quotes:
        return
    for t in tree.tokens:
        low = tree.lower[t.i]
        plural = low in words.first_person_plural
        if t.pos != "PRON" or not (plural or low in words.first_person_singular):
            continue
        q = inside(quotes, t.idx)
        if q is None:
            continue
        speaker = _speaker_of(tree, q.start, q.end, words.speech_verbs, token_key)
        if speaker is None:
            continue
        if plural:
            country = clusters[speaker].country if speaker in clusters else None
            key = f"country:{country}" if country and f"country:{country}" in clusters else None
            if key is None:
                continue
            token_key[t.i] = key
        else:
            token_key[t.i] = speaker


def _speaker_of(tree: Tree, start: int, end: int, verbs: frozenset[str], token_key: dict[int, str]) -> str | None:
    first_after = bisect_left(tree.starts, end - 1)  # the first token at or after the quote's end
    if first_after == len(tree.tokens):
        return None
    last = tree[first_after].sent
    for sent in (last, last + 1):
        if sent >= len(tree.parsed.sentences):
            break
        for k in tree.sentence_tokens(sent):
            t = tree[k]
            if start <= t.idx < end or t.lemma not in verbs:
                continue
            subj = tree.child(k, "nsubj")
            if subj is not None and subj.i in token_key and not (start <= subj.idx < end):
                return token_key[subj.i]
    return None
