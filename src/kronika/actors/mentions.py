"""Finding the stretches of a parsed document that name actors, and what kind each one is.

spaCy's entity labels are a starting point, not the truth: the small model calls surnames GPE or ORG
("Vulin", "Kurti"), misses organisations named by a common noun ("the Serbian-Russian humanitarian
Centre") and splits names at stray punctuation. Each rule here corrects one such habit generically.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace

from kronika.actors.cities import lookup, region_country
from kronika.actors.gazetteer import Gazetteer
from kronika.actors.knowledge import KnowledgeBase
from kronika.actors.normalize import clean_name
from kronika.lang.en import fold
from kronika.nlp.tree import Tree
from kronika.plover import INTERNATIONAL_CODES, STATE_SECTORS

PERSON, ORG, GPE, NORP = "PERSON", "ORG", "GPE", "NORP"
# A city spaCy tags as a place is taken for one this large or larger (a small town's name is as often a
# surname the tagger took for a place).
_CITY_POPULATION = 100_000
_NAME_TAGS = frozenset({"NNP", "NNPS"})


@dataclass
class Span:
    """A candidate actor mention: tokens [start, end) of the document."""

    start: int
    end: int
    text: str
    kind: str  # PERSON | ORG | GPE (country or place) | NORP (adjective/demonym)
    sentence: int
    country: str | None = None  # for GPE/NORP: the country it names; for ORG: from the gazetteer
    code: str | None = None  # ORG code from the gazetteer (EUR, UNO, IGO, NGO...)
    sector: str | None = None
    canonical: str | None = None  # gazetteer name for known organisations and countries
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def head(self) -> int:
        return self.end - 1


def _token_range(tree: Tree, start_char: int, end_char: int) -> tuple[int, int] | None:
    """The tokens covering a character span (binary search: articles have thousands of tokens)."""
    starts = tree.starts
    first = max(bisect_right(starts, start_char) - 1, 0)
    while first < len(starts) and tree[first].end <= start_char:
        first += 1
    last = bisect_left(starts, end_char) - 1
    if first >= len(starts) or last < first:
        return None
    return first, last + 1


def _trim(tree: Tree, start: int, end: int) -> tuple[int, int]:
    """Drop a leading determiner, punctuation and a trailing possessive from a token range."""
    while start < end and (tree[start].pos in ("DET", "PUNCT") or tree[start].text in (")", "(")) \
            and not (tree[start].text == "(" and start + 2 < end):
        start += 1
    while end > start and (tree[end - 1].tag == "POS" or tree[end - 1].pos == "PUNCT"):
        end -= 1
    return start, end


def _surname_left_out(tree: Tree, end: int) -> int:
    """"Mary Ayen [Malual]": a capitalised name the tagger left out of a person's name it modifies."""
    last = tree[end - 1]
    while end < len(tree.tokens) and last.dep == "compound" and last.head == end \
            and tree[end].tag == "NNP" and not tree[end].ent_type and tree[end].text[:1].isupper():
        end += 1
        last = tree[end - 1]
    return end


def _without_acronym(tree: Tree, start: int, end: int) -> int:
    """"the Intergovernmental Authority on Development (IGAD": the acronym in brackets is not the name."""
    for k in range(start + 1, end):
        if tree[k].text == "(":
            return k
    return end


def find_spans(tree: Tree, gaz: Gazetteer, kb: KnowledgeBase | None = None) -> list[Span]:
    """Actor mentions from spaCy's entities plus organisation noun phrases spaCy missed."""
    spans: list[Span] = []
    taken: set[int] = set()
    for m in tree.parsed.entities:
        if m.label in ("DATE", "TIME"):
            continue
        rng = _token_range(tree, m.start_char, m.end_char)
        if rng is None:
            continue
        start, end = _trim(tree, *rng)
        if start >= end or start in taken:
            continue
        if end + 1 < len(tree.tokens) and tree[end].text == "-" \
                and gaz.country_of(tree.span_text(start, end + 2), strict=True) is not None:
            end += 2  # "Guinea-Bissau", "Timor-Leste": the tagger read the name's first half alone
        # "Port of Spain": the tagger read the capital's name in two, the country in it alone
        if end + 1 < len(tree.tokens) and tree.lower[end] == "of" \
                and gaz.country_of(tree.span_text(start, end + 2), strict=True) is not None:
            end += 2
        elif m.label in ("GPE", "LOC") and (longer := _region_cut_short(tree, start, end)):
            end += longer  # "Entre Ríos": the tagger read a region's name short
        elif start >= 2 and tree.lower[start - 1] == "of" and start - 2 not in taken \
                and tree[start - 2].text[:1].isupper() \
                and gaz.country_of(tree.span_text(start - 2, end), strict=True) is not None:
            start -= 2
        if m.label in ("GPE", "LOC") and _names_a_document(tree, end):
            taken.update(range(start, end))  # "the Vienna Convention": a document named after a city
            continue
        if m.label in ("NORP", "GPE") and end < len(tree.tokens) and tree[end].text[:1].isupper() \
                and gaz.country_of(tree.span_text(start, end + 1), strict=True) is not None:
            end += 1  # "the Greek Cypriot administration": the tagger read the people's first word alone
        if m.label == "PERSON":
            end = _surname_left_out(tree, end)
        elif m.label == "ORG":
            end = _without_acronym(tree, start, end)
        span = classify(tree, gaz, start, end, m.label, kb)
        if span is not None:
            spans.append(span)
            taken.update(range(span.start, span.end))
    spans.extend(_titled_names(tree, gaz, taken))
    spans.extend(_known_bodies(tree, gaz, kb, taken))
    spans.extend(_org_phrases(tree, gaz, taken))
    spans.extend(_bare_countries(tree, gaz, taken | {i for s in spans for i in range(s.start, s.end)}))
    filed = dateline_tokens(tree)
    spans = [s for s in spans if not is_dateline(tree, s.start, s.end) and s.start not in filed
             and not _names_a_unit(tree, gaz, s) and not _pan(tree, s)
             and not (s.kind == ORG and s.code is None and tree.lower[s.end - 1] in _WORKS)]
    spans.sort(key=lambda s: s.start)
    spans = _bodies_of_countries(tree, spans)
    return _cities_of_named_countries(_acronyms_as_defined(tree, _joined_names(tree, gaz, spans)), gaz)


def _joined_names(tree: Tree, gaz: Gazetteer, spans: list[Span]) -> list[Span]:
    """"the Pakistani Taliban": a nationality the tagger split from the name after it, when the two are one
    body's name, are that body (another than the one the second word names alone)."""
    out: list[Span] = []
    for s in spans:
        prev = out[-1] if out else None
        if prev is not None and prev.kind == NORP and prev.end == s.start and s.kind == ORG:
            name = tree.span_text(prev.start, s.end)
            org = gaz.organisation(name)
            if org is not None:
                out[-1] = Span(prev.start, s.end, name, ORG, s.sentence, code=org.code, country=org.code,
                               sector=org.sector, canonical=org.name)
                continue
        out.append(s)
    return out


def _acronyms_as_defined(tree: Tree, spans: list[Span]) -> list[Span]:
    """"the paramilitary Rapid Support Forces (RSF) ... the RSF said": an acronym the article defines
    stands for that name in it, whatever else the same letters stand for elsewhere."""
    n = len(tree.tokens)
    defined: dict[str, Span] = {}
    for i, s in enumerate(spans):
        if s.end + 2 >= n or tree[s.end].text != "(" or tree[s.end + 2].text != ")":
            continue
        acronym = tree[s.end + 1].text
        if s.kind == PERSON and acronym == _initials(s.text):
            # "the Coordinadora Arauco-Malleco (CAM)": a name with an acronym of its initials is a body's
            s = spans[i] = replace(s, kind=ORG)
        if s.kind == PERSON:
            continue
        if acronym.isupper() and len(acronym) >= 2 and acronym != s.text:
            defined.setdefault(acronym, s)
    if not defined:
        return spans
    out = []
    for t in spans:
        long = defined.get(t.text)
        if long is not None and t.start != long.start and (t.canonical, t.code, t.sector) != (
                long.canonical, long.code, long.sector):
            t = replace(long, start=t.start, end=t.end, text=t.text, sentence=t.sentence,
                        canonical=long.canonical or long.text)
        out.append(t)
    # ... and where the tagger did not mark it ("The FLNKS denounced"), it is still the body
    covered = {k for s in out for k in range(s.start, s.end)}
    for k, tok in enumerate(tree.tokens):
        long = defined.get(tok.text)
        if long is not None and k not in covered and k != long.end + 1:
            out.append(replace(long, start=k, end=k + 1, text=tok.text, sentence=tok.sent,
                               canonical=long.canonical or long.text))
    return sorted(out, key=lambda s: s.start)


_DOCUMENT_NAMES = frozenset({"Convention", "Conventions", "Treaty", "Accord", "Accords", "Agreement", "Agreements",
                             "Protocol", "Declaration", "Statute", "Charter", "Process", "Format", "Framework",
                             "Consensus", "Plan", "Principles"})


def _region_cut_short(tree: Tree, start: int, end: int) -> int:
    """How many capitalised words after a place the tagger left out of a region's name (0: none)."""
    if region_country(tree.span_text(start, end)) is not None:
        return 0
    for n in (2, 1):
        words = range(end, end + n)
        if end + n <= len(tree.tokens) and all(tree[j].text[:1].isupper() and tree[j].sent == tree[start].sent
                                               for j in words) \
                and region_country(tree.span_text(start, end + n)) is not None:
            return n
    return 0


def _names_a_document(tree: Tree, end: int) -> bool:
    """A place name followed by "Convention", "Treaty", "Agreement"...: part of a document's name."""
    return end < len(tree.tokens) and tree[end].text in _DOCUMENT_NAMES


def _initials(name: str) -> str:
    small = {"of", "the", "for", "and", "de", "del", "la", "el", "des", "du", "y", "et"}
    return "".join(w[0] for w in re.split(r"[\s-]+", name) if w and w.lower() not in small).upper()


def _cities_of_named_countries(spans: list[Span], gaz: Gazetteer) -> list[Span]:
    """A city that shares its name with cities elsewhere, capitals included, is the one in a country
    the article names ("Tripoli ... the north Lebanese port")."""
    def place(s: Span) -> bool:
        return s.kind == GPE and ("city" in s.extra or gaz.is_place(s.text))

    named = frozenset(s.country for s in spans if s.kind in (GPE, NORP) and s.country and not place(s))
    if not named:
        return spans
    out = []
    for s in spans:
        if place(s) and s.country not in named:
            city = lookup(s.text, min_population=_CITY_POPULATION, prefer=named)
            there = region_country(s.text, prefer=named)
            if there not in named:
                there = str(city["country"]) if city is not None and city.get("country") else None
            if there in named:
                s = replace(s, country=there)
            elif "loc" in s.extra and lookup(s.text, min_population=_CITY_POPULATION, prefer=named,
                                              strict=True) is None and region_country(s.text) is None:
                # a landscape the tagger named ("the southern Andes") that is only a town's namesake elsewhere
                s = replace(s, country=None, extra={**s.extra, "unknown": "1"})
        out.append(s)
    return out


_DASHES = frozenset({"—", "–", "-", "--"})


def dateline_tokens(tree: Tree) -> set[int]:
    """The tokens of a dateline opening the body ("SANTIAGO (Andes Herald) —", "DESAGUADERO, Peru
    (Reuters) -"): where the story was filed and by whom, not actors in it."""
    if not tree.parsed.sentences:
        return set()
    # (the dateline is parsed apart from the story, and may come out as more than one sentence:
    # "KAMPALA, 3 March 2025 /Great" and "Lakes Wire/ -")
    toks = list(range(min(12, len(tree.tokens))))
    if not toks or not tree[toks[0]].text.isupper() or len(tree[toks[0]].text) < 3:
        return set()
    for k in toks[1:]:
        if tree[k].text in _DASHES:
            return set(range(toks[0], k + 1))
    return set()


def is_dateline(tree: Tree, start: int, end: int) -> bool:
    """"VILNIUS — ..." / "NAIROBI (Reuters) -": the place an article was filed from, not an actor."""
    first = tree.sentence_tokens(tree[start].sent).start
    words = tree.span_text(start, end)
    nxt = tree[end].text if end < len(tree.tokens) else ""
    return start == first and words.isupper() and len(words) > 2 and nxt in ("—", "–", "-", "(", "--", ",")


def classify(tree: Tree, gaz: Gazetteer, start: int, end: int, label: str,
             kb: KnowledgeBase | None = None) -> Span | None:
    if is_dateline(tree, start, end):
        return None
    text = tree.span_text(start, end)
    name = clean_name(text)
    sent = tree[start].sent
    if not name or gaz.is_non_actor(name) or gaz.is_vague_group(text):
        return None
    words = tree.lower[start:start + 6]
    title = gaz.title_at(words, 0)
    if label != "PERSON" and title is not None and title.length > end - start:
        return None  # "Interior" in "Interior Minister": part of a title, not a body
    if label in ("GPE", "LOC", "FAC") and gaz.is_org_head(tree[end - 1].text) \
            and gaz.country_of(name) is None and gaz.organisation(name) is None:
        return None  # "the ... Centre": the organisation phrase finder reads the whole name
    org = gaz.organisation(name)
    if org is None and label in ("ORG", "FAC", "PERSON") and gaz.is_place_name(name):
        return None  # "Sukhbaatar Square", "the Kulata Bridge": where, not who
    if org is not None:
        return Span(start, end, text, ORG, sent, code=org.code, country=org.code, sector=org.sector,
                    canonical=org.name)
    # A body the knowledge base knows (armed groups, NGOs, agencies). A name spaCy took for a person
    # counts only by the body's own name or acronym ("Boko Haram"), since the source lists some
    # groups' leaders among their aliases.
    body = kb.body(name) if kb is not None and label in ("ORG", "NORP", "GPE", "FAC", "PERSON") else None
    if body is not None and label == "PERSON" and not (name.isupper() or fold(body.name) == fold(name)):
        body = None
    if body is not None and gaz.country_of(name) is None:
        return Span(start, end, text, ORG, sent, code=body.code, country=body.code, sector=body.sector,
                    canonical=body.name)
    country = gaz.country_of(name)
    if country is not None and label == "PERSON" and not gaz.is_ambiguous(name):
        label = "NORP"  # "his Azerbaijani counterpart": spaCy sometimes calls the adjective a person
    elif country is not None and label == "PERSON" and _owns_a_state_body(tree, gaz, end - 1):
        label = "GPE"  # "Chad's government": a person owns no government, whatever the name could be
    if country is not None and label in ("GPE", "LOC", "NORP", "ORG", "FAC"):
        is_adj = tree[end - 1].pos == "ADJ" or label == "NORP" or not _is_country_noun(name, gaz)
        kind = NORP if is_adj and gaz.country_name(country) and not gaz.is_place(name) else GPE
        match = gaz.country_match(name)
        return Span(start, end, text, kind, sent, country=country,
                    canonical=gaz.country_name(country) if kind == GPE and gaz.is_country_name(name)
                    else name,
                    # a region ("Idlib", "Tigray") is only a place, where a capital stands for the state
                    extra={"city": "1"} if match is not None and match.kind == "region" else {})
    if label in ("PERSON", "ORG") and end - start > 1 and (region := region_country(name)) is not None:
        # "Tamil Nadu", "Khyber Pakhtunkhwa": a region the tagger took for a person or a body
        return Span(start, end, text, GPE, sent, country=region, canonical=name, extra={"city": "1"})
    if label == "PERSON" and end - start == 1 and end < len(tree.tokens) and tree[start].dep == "compound" \
            and gaz.group_sector(f"{text} {tree[end].text}") is not None:
        return None  # "Riot police": the first word of a group's name, not a person
    if label == "PERSON" and tree[end - 1].dep == "compound" and tree[end - 1].head == end \
            and gaz.is_org_head(tree[end].lemma) and tree[end].text.islower():
        return None  # "the Creemos alliance", "the Azadliq coalition": the name of a body, read with its noun
    if label == "PERSON":
        # Titles that spaCy folded into the name ("President Vucic") belong to the title, not the name.
        # ("High Representative Karl Ahrendt": the whole title, not its first word)
        while start < end - 1 and (m := gaz.title_at(tree.lower[start:end], 0)) is not None:
            start += max(1, min(m.length, end - 1 - start))
        if not any(tree[k].tag in _NAME_TAGS for k in range(start, end)):
            return None
        start = _first_name_start(tree, gaz, start)
        return Span(start, end, tree.span_text(start, end), PERSON, sent)
    if label in ("ORG", "FAC"):
        if not any(tree[k].tag in _NAME_TAGS for k in range(start, end)):
            return None
        # "Belgrade Institute for Cardiovascular Diseases", "Serbian Defence Ministry": a country or
        # capital in the name says whose body it is.
        # ("the Pan-American Highway": a continent's adjective names no country)
        pan = {j for i in range(start + 1, end - 1) if tree.lower[i - 1] == "pan" and tree[i].text == "-"
               for j in (i, i + 1)}
        inner = next((c for n in (4, 3, 2, 1) for k in range(start, end - n + 1)
                      if not pan & set(range(k, k + n))
                      and (c := gaz.country_of(tree.span_text(k, k + n), strict=True))), None)
        # "African Union Transition Mission in Somalia", "European Union Naval Force": a body a known
        # international one sets up is of its code (its "Union" is no trade union)
        # ("U.N. Support Mission in Libya": a one-word parent when it is an acronym)
        first = start + (tree.lower[start] == "the" and end - start > 2)
        parent = next((o for e in range(end - 1, first, -1)
                       if (e > first + 1 or tree[first].text.replace(".", "").isupper())
                       and (o := gaz.organisation(tree.span_text(first, e))) is not None
                       and o.code in INTERNATIONAL_CODES), None)
        if parent is not None:
            return Span(start, end, text, ORG, sent, code=parent.code, country=parent.code, sector=parent.sector)
        return Span(start, end, text, ORG, sent, sector=gaz.org_sector(name), country=inner)
    if label in ("GPE", "LOC") and (region := region_country(name)) is not None:
        # a state, province or region ("Texas", "Borno", "Idlib"): a place in its country
        return Span(start, end, text, GPE, sent, country=region, canonical=name, extra={"city": "1"})
    if label in ("GPE", "LOC") and (city := lookup(name, min_population=_CITY_POPULATION)) is not None \
            and city.get("country"):
        # a city the gazetteer does not list ("Lagos", "Istanbul"): a place in its country
        return Span(start, end, text, GPE, sent, country=str(city["country"]), canonical=name,
                    extra={"city": "1", **({"loc": "1"} if label == "LOC" else {})})
    if label in ("GPE", "LOC") and all(tree[k].tag in _NAME_TAGS for k in range(start, end)):
        # A capitalised name spaCy took for a place but no gazetteer knows: often a surname.
        return Span(start, end, text, GPE, sent, extra={"unknown": "1"})
    return None


def _bodies_of_countries(tree: Tree, spans: list[Span]) -> list[Span]:
    """"the Christian Council of Lesotho", "the Bar Association of Kenya", "the General Staff of the Korean
    People's Army": a body with no country of its own, named with "of" and a country (or a state's body)
    just after it, is that country's."""
    at = {s.start: s for s in spans if s.kind == GPE and s.country and "city" not in s.extra
          or s.kind == ORG and s.country and len(s.country) == 3 and s.country not in INTERNATIONAL_CODES}
    out = []
    for s in spans:
        if s.kind == ORG and s.country is None and s.code is None and s.end + 1 < len(tree.tokens) \
                and tree.lower[s.end] == "of" and tree[s.end].head == s.head:
            country = at.get(s.end + 1) or at.get(s.end + 2) if tree.lower[s.end + 1] == "the" else at.get(s.end + 1)
            if country is not None:
                s = replace(s, country=country.country)
        out.append(s)
    return out


# Roads, bridges and other works the tagger may take for a body ("the Pan-American Highway"): places, no actors
_WORKS = frozenset({"highway", "road", "motorway", "expressway", "bridge", "avenue", "street", "boulevard",
                    "tunnel", "canal", "dam", "railway", "pipeline", "corridor", "crossing"})


def _pan(tree: Tree, s: Span) -> bool:
    """"the Pan-American Highway", "pan-African": a continent's adjective, no country."""
    return s.kind in (NORP, GPE) and s.start >= 2 and tree[s.start - 1].text == "-" and tree.lower[s.start - 2] == "pan"


def _names_a_unit(tree: Tree, gaz: Gazetteer, s: Span) -> bool:
    """"4 million New Zealand dollars", "Canadian dollars": a country that only says which currency."""
    head = tree[s.end - 1]
    return s.country is not None and head.dep in ("compound", "amod", "nmod") \
        and gaz.is_non_actor(tree[head.head].text)


def _owns_a_state_body(tree: Tree, gaz: Gazetteer, k: int) -> bool:
    """Whether the word at ``k`` is the possessor of a state's body ("X's government", "X's army")."""
    t = tree[k]
    if t.dep != "poss":
        return False
    head = tree[t.head].lemma.lower()
    return gaz.noun_sector(head) in STATE_SECTORS or gaz.group_sector(head) in STATE_SECTORS


def _is_name_token(tree: Tree, gaz: Gazetteer, k: int) -> bool:
    t = tree[k]
    return (t.tag in _NAME_TAGS and t.text[:1].isupper() and t.text.isalpha()
            and gaz.country_of(t.text) is None and gaz.organisation(t.text) is None
            and not gaz.is_org_head(t.text) and gaz.title_at([t.text.lower()], 0) is None
            and t.ent_type not in ("DATE", "TIME", "ORG", "GPE", "NORP"))


def _first_name_start(tree: Tree, gaz: Gazetteer, start: int) -> int:
    """Extend a name leftwards over given names spaCy left out ("Boobek" + "Ajikeev")."""
    sent_start = tree.sentence_tokens(tree[start].sent).start
    while start - 1 > sent_start and _is_name_token(tree, gaz, start - 1) \
            and tree[start - 1].dep == "compound" and not _title_ends_at(tree, gaz, start):
        start -= 1
    return start


def _title_ends_at(tree: Tree, gaz: Gazetteer, end: int) -> bool:
    """Whether a title of several words ends just before ``end`` ("High Representative" + a name)."""
    for j in range(max(0, end - 4), end - 1):
        m = gaz.title_at(tree.lower[j:end], 0)
        if m is not None and m.length == end - j:
            return True
    return False


def _titled_names(tree: Tree, gaz: Gazetteer, taken: set[int]) -> list[Span]:
    """Capitalised words right after a title are a name even when spaCy missed it
    ("Minister of Emergency Situations Boobek Ajikeev")."""
    out: list[Span] = []
    words = tree.lower
    for t in tree.tokens:
        if t.i in taken or not t.text[:1].isupper():
            continue
        m = gaz.title_at(words[t.i:t.i + 8], 0)
        if m is None:
            continue
        k = t.i + m.length
        # "Minister of Emergency Situations" may be matched only as "minister": skip an "of X" tail.
        if k < len(tree.tokens) and tree[k].text == "of":
            k += 1
            while k < len(tree.tokens) and tree[k].tag in _NAME_TAGS and not _is_name_token(tree, gaz, k) \
                    or (k < len(tree.tokens) and tree[k].tag in _NAME_TAGS and k + 2 < len(tree.tokens)
                        and tree[k + 1].tag in _NAME_TAGS and tree[k + 2].tag in _NAME_TAGS):
                k += 1
        start = k
        while k < len(tree.tokens) and k not in taken and _is_name_token(tree, gaz, k) \
                and tree[k].sent == t.sent and k - start < 3:
            k += 1
        if k - start >= 2 and tree[k - 1].dep != "compound":
            out.append(Span(start, k, tree.span_text(start, k), PERSON, t.sent))
            taken.update(range(start, k))
    return out


_NAME_JOINERS = frozenset({"of", "for", "and", "the", "on", "in", "&", "-"})


def _known_bodies(tree: Tree, gaz: Gazetteer, kb: KnowledgeBase | None, taken: set[int]) -> list[Span]:
    """Capitalised names of known bodies that spaCy did not tag ("Human Rights Watch", "Hamas"): the
    gazetteer's, and the knowledge base's armed groups, NGOs and international bodies (not its
    companies, whose names are often common words)."""
    out: list[Span] = []
    toks = tree.tokens
    k = 0
    while k < len(toks):
        t = toks[k]
        if k in taken or not t.text[:1].isupper() or t.pos not in ("PROPN", "NOUN", "ADJ"):
            k += 1
            continue
        found = None
        end = k + 1
        while end < len(toks) and end - k < 8 and end not in taken and toks[end].sent == t.sent and (
                toks[end].text[:1].isupper() or toks[end].text.lower() in _NAME_JOINERS):
            end += 1
        for e in range(end, k, -1):
            if not toks[e - 1].text[:1].isupper():
                continue
            name = tree.span_text(k, e)
            org = gaz.organisation(name)
            body = kb.body(name) if kb is not None and org is None else None
            if body is not None and (body.kind == "mnc" or (e - k == 1 and body.kind not in ("armed_group", "igo"))):
                body = None
            if org is not None and (e - k > 1 or not gaz.is_ambiguous(name)):
                found = Span(k, e, name, ORG, t.sent, code=org.code, country=org.code, sector=org.sector,
                             canonical=org.name)
            elif body is not None:
                found = Span(k, e, name, ORG, t.sent, code=body.code, country=body.code, sector=body.sector,
                             canonical=body.name)
            if found is not None:
                break
        if found is None:
            k += 1
            continue
        out.append(found)
        taken.update(range(found.start, found.end))
        k = found.end
    return out


def _is_country_noun(name: str, gaz: Gazetteer) -> bool:
    return gaz.is_country_name(name) or gaz.is_place(name)


def _org_phrases(tree: Tree, gaz: Gazetteer, taken: set[int]) -> list[Span]:
    """Capitalised noun phrases headed by an organisation word ("the Interior Ministry", "... Centre")."""
    out: list[Span] = []
    for t in tree.tokens:
        # ("the Creemos alliance": a lower-case head after a name)
        named = t.i > 0 and tree[t.i - 1].pos == "PROPN" and tree[t.i - 1].dep == "compound" \
            and tree[t.i - 1].head == t.i and t.i - 1 not in taken and gaz.country_of(tree[t.i - 1].text) is None
        if t.i in taken or t.pos not in ("PROPN", "NOUN") or not (t.text[:1].isupper() or named):
            continue
        if not gaz.is_org_head(t.lemma) and not gaz.is_org_head(t.text.lower()):
            continue
        if tree.head(t.i).i != t.i and tree.head(t.i).dep == "compound" and tree.head(t.i).i > t.i:
            continue
        start = t.i
        while start > 0:
            prev = tree[start - 1]
            if prev.head == t.i or (prev.head >= start and prev.head <= t.i):
                if prev.dep in ("compound", "amod", "nmod") or prev.tag == "HYPH" or prev.text == "-":
                    start -= 1
                    continue
            break
        start, end = _trim(tree, start, t.i + 1)
        if start >= end:
            continue
        det = tree.child(t.i, "det")
        if det is not None and det.text.lower() in ("a", "an", "another", "any", "every"):
            continue  # "an NGO": a description, not a name
        if end - start == 1 and t.i == tree.sentence_tokens(t.sent).start:
            continue
        name = tree.span_text(start, end)
        if any(k in taken for k in range(start, end)) and end - start == 1:
            continue
        country = None
        for k in range(start, end):
            c = gaz.country_of(tree[k].text)
            if c is not None:
                country = c
                break
        span = Span(start, end, name, ORG, t.sent, country=country,
                    sector=gaz.org_sector(name), extra={"phrase": "1"})
        out.append(span)
        taken.update(range(start, end))
    return out


def _bare_countries(tree: Tree, gaz: Gazetteer, taken: set[int]) -> list[Span]:
    """Country names and adjectives spaCy did not tag (lower-case adjectives, "Kosovar", "Papua New Guinea"
    whole, not its last word), and regions of several words ("Tamil Nadu")."""
    out: list[Span] = []
    n_tokens = len(tree.tokens)
    skip_to = 0
    for t in tree.tokens:
        if t.i < skip_to or t.i in taken or not t.text[:1].isupper() or t.pos not in ("PROPN", "ADJ", "NOUN"):
            continue
        for n in range(min(4, n_tokens - t.i), 0, -1):
            words = range(t.i, t.i + n)
            if any(k in taken or not tree[k].text[:1].isupper() or tree[k].sent != t.sent for k in words):
                continue
            text = tree.span_text(t.i, t.i + n)
            if _names_a_document(tree, t.i + n):
                continue  # "the Vienna Convention", "the Minsk Agreements": a document's name
            c = gaz.country_of(text)
            if c is not None and not gaz.is_ambiguous(text):
                kind = GPE if gaz.is_country_name(text) or gaz.is_place(text) else NORP
                out.append(Span(t.i, t.i + n, text, kind, t.sent, country=c,
                                canonical=gaz.country_name(c) if kind == GPE else text))
            elif n > 1 and (region := region_country(text)) is not None:
                out.append(Span(t.i, t.i + n, text, GPE, t.sent, country=region, canonical=text,
                                extra={"city": "1"}))
            else:
                continue
            skip_to = t.i + n
            break
    return out
