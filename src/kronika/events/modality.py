"""Whether an event happened: negation, supposition, announcement, intent, and refusal.

A negated or supposed event is kept and flagged (``aux``), never reported as a fact. Two cases are
not coded at all: the condition of a conditional ("if the Centre allowed ...": its consequence is
coded, hypothetical) and an act governed by a refusal ("refused to sanction": the refusal is the
event, a REJECT).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from kronika.events.lexicon import Lexicon
from kronika.nlp.tree import Tree

COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE"})
_CLAUSE_UP = frozenset({"xcomp", "pcomp", "prep", "acomp", "advcl", "acl", "conj", "dobj", "pobj",
                        "ccomp", "relcl", "attr", "oprd"})


@dataclass(frozen=True, slots=True)
class Modality:
    aux: tuple[str, ...]
    event: str  # the category after intent/future rules (a future cooperative act is AGREE)
    drop: str | None = None  # why the trigger is not coded at all
    mode: str | None = None  # the mode when a rule changed the category (a threat of arrest: "arrest")
    rule: str | None = None  # the rule that changed the category, for --explain
    cues: tuple[str, ...] = ()  # the words that set aux or the rule ("negation: not", "future: will")


def _chain(tree: Tree, k: int, hops: int = 4) -> list[int]:
    """The trigger and the heads above it within its clause complex."""
    out = [k]
    cur = k
    for _ in range(hops):
        t = tree[cur]
        if t.head == t.i or t.dep not in _CLAUSE_UP:
            break
        cur = t.head
        out.append(cur)
    return out


def _words(tree: Tree, k: int, deps: tuple[str, ...]) -> set[str]:
    return {c.text.lower() for c in tree.children(k, *deps)}


def _in_condition(tree: Tree, k: int, lex: Lexicon) -> bool:
    markers = lex.sub("hypothetical", "markers")
    for h in _chain(tree, k, 3):
        if _words(tree, h, ("mark",)) & markers and tree[h].dep == "advcl":
            return True
        if tree[h].dep == "advcl":
            break
    return False


def modality(tree: Tree, k: int, event: str, lex: Lexicon, rejecting: bool, mode: str | None = None) -> Modality:
    chain = _chain(tree, k)
    t = tree[k]
    aux: list[str] = []
    neg_words = lex.wordset("negation")
    negating = lex.wordset("negating_verbs")
    modals_h = lex.sub("hypothetical", "modals") - {"would"}
    markers = lex.sub("hypothetical", "markers")
    if _in_condition(tree, k, lex):
        return Modality((), event, drop="condition")
    if t.pos == "NOUN" and t.dep == "pobj" and tree.lower[t.head] == "without":
        return Modality((), event, drop="absent")  # "released without charge", "without consultation"
    for n, h in enumerate(chain[1:], 1):
        if tree[h].lemma in rejecting_words(lex) and tree[chain[n - 1]].dep in ("xcomp", "pcomp", "dobj", "acl"):
            return Modality((), event, drop="refused")
    for h in chain[1:3]:
        if tree[h].lemma in lex.wordset("purpose_nouns") and tree.head(h).text.lower() == "in":
            return Modality((), event, drop="purpose")  # "in order not to impose sanctions"
    if t.tag == "VBG" and t.dep == "pcomp" and not tree.children(k, "nsubj"):
        # ("hundreds of teachers marching to the ministry": a gerund with its own subject is an act told)
        owner = tree.head(tree.head(k).i)
        if owner.pos in ("ADJ", "NOUN") and owner.lemma not in lex.wordset("intent_words"):
            return Modality((), event, drop="description")  # "the best in assisting", "the possibility of receiving"
    # Negation on the trigger, its auxiliaries, or a verb of refraining above it.
    first_clause = chain[: 1 + next((i for i, h in enumerate(chain[1:], 1)
                                     if tree[chain[i - 1]].dep in ("ccomp", "advcl", "relcl")), len(chain))]
    # "did not take part in the talks and has rejected the agreement": a conjunct with its own auxiliary or
    # subject is asserted on its own
    cut = next((i for i in range(1, len(first_clause)) if tree[first_clause[i - 1]].dep == "conj"
                and any(tree.lower[c.i] != "to" for c in tree.children(first_clause[i - 1], "aux", "auxpass", "nsubj",
                                                                          "nsubjpass"))), len(first_clause))
    # "will not hesitate to strike", "did not fail to": a negated verb of refraining asserts the act
    # ("denied carrying out the strikes and accused the army": an act coordinated with the refraining verb
    # is not governed by it)
    refrained = {h for i, h in enumerate(first_clause[1:cut], 1)
                 if tree[h].lemma in negating and not (i == 1 and t.dep == "conj")
                 and not (tree[h].lemma in lex.wordset("denying_verbs") and claim_denied(tree, h, lex) is not None)}
    double = {h for h in refrained if _words(tree, h, ("neg",)) & neg_words}
    denials = {h for h in refrained - double if tree[h].lemma in lex.wordset("denying_verbs")}
    if denials:
        if event == "ACCUSE" and t.pos == "NOUN" and t.head in denials:
            # "denied the accusation made by Kinshasa": the accusation was made; its content is denied
            refrained -= denials
        else:
            # "denied that its troops had fired": the denial (REJECT) is the event; the act it denies is
            # neither asserted nor known not to have happened
            return Modality((), event, drop="denied")
    negated = any(_words(tree, h, ("neg",)) & neg_words for h in first_clause[:cut] if h not in double)
    negated = negated or any(c.text.lower() in ("no", "never") for c in tree.children(k, "det", "advmod"))
    # "No shots were fired", "no force had been used", "fired no shots", "nobody was arrested"
    negated = negated or (t.pos in ("VERB", "AUX") and any(
        tree.lower[a.i] in ("nobody", "nothing", "none")
        or any(tree.lower[d.i] == "no" for d in tree.children(a.i, "det"))
        for a in tree.children(k, "nsubjpass", "dobj", "nsubj")))
    # "signed a deal without consulting Asmara": what is done "without" is not done
    without = t.tag == "VBG" and t.dep == "pcomp" and tree.lower[t.head] == "without"
    negated = negated or without
    negated = negated or bool(refrained - double)
    if negated:
        aux.append("negation")
    auxes = {c.text.lower() for h in first_clause for c in tree.children(h, "aux")}
    conditions = {w for h in first_clause for c in tree.children(h, "advcl")
                  for w in _words(tree, c.i, ("mark",)) & markers}
    # "threatened to strike unless the governor resigns", "demanded talks unless ...": the condition is what
    # the threat or the demand says; the threat itself is made
    if event in ("THREATEN", "REQUEST") and t.pos in ("VERB", "AUX") and conditions <= {"unless"}:
        conditions = set()
    # ("threatened an overwhelming response if the drills violated its territory": an "if" on the verb of
    # threatening is the threat's own condition, unless the threat itself is only supposed: "would threaten")
    if event == "THREATEN" and t.pos == "VERB" and not auxes & (modals_h | {"would"}):
        conditions = set()
    consequent = bool(conditions)
    considering = any(tree[h].lemma in lex.wordset("considering_words") for h in first_clause[1:])
    unreal = any(c.text.lower() in lex.sub("hypothetical", "adjectives") for c in tree.children(k, "amod"))
    # "an armed attack on its vessels would invoke the treaty": the act a conditional speaks of is supposed
    unreal = unreal or (t.pos == "NOUN" and t.dep in ("nsubj", "nsubjpass")
                        and bool(_words(tree, t.head, ("aux",)) & (modals_h | {"would"})))
    # "a bid to block", "demanded that X guarantee supplies": what is attempted or asked for is not done
    # ("moves our cooperation" and "offered to meet" are no attempts: the verbs are not the nouns)
    # ("called the decision an act of occupation and accused the envoy": a verb coordinated with the asking
    # is not asked for; "called on them to release ... and to investigate": both are)
    # (An attempt at violence is an attack, failed or not: "an attempt to assassinate the governor was
    # thwarted".)
    tried = [h for i, h in enumerate(chain[1:3], 1) if tree[h].pos == "NOUN" and event != "ASSAULT"
             and tree[h].lemma in lex.wordset("attempt_nouns") and tree[chain[i - 1]].dep != "conj"]
    # ("the right of Russian troops to fire": the noun may be further up, past the one who may act)
    allowed = any(tree[h].pos == "NOUN" and tree[h].lemma in lex.wordset("licence_nouns") for h in chain[1:5])
    # ("demanded elections after a court cleared him": a clause of time is when it was asked, not what)
    attempt = bool(tried) or allowed or any(
        tree[h].pos == "VERB" and tree[h].lemma in lex.wordset("requesting_verbs") and tree[chain[i - 1]].dep != "conj"
        and not (tree[chain[i - 1]].dep == "advcl" and _words(tree, chain[i - 1], ("mark",)) & _TIME_MARKS)
        for i, h in enumerate(chain[1:3], 1))
    # an attempt told as the setting ("in line with efforts to end the fighting"), not as what is reported
    # ("informed him of attempts to exclude Russia from Interpol")
    planned = allowed or any(tree[h].dep == "pobj" and tree.lower[tree[h].head] not in _CONTENT_PREPS for h in tried)
    if planned and t.pos in ("VERB", "AUX") and not (auxes & modals_h or consequent or considering or unreal):
        # "efforts to end the fighting", "plans to sell weapons", "the right of troops to fire": what a noun
        # says someone tries, plans or may do is the setting of the news, not an act, even a supposed one
        return Modality((), event, drop="only planned or allowed")
    reported = any(tree[h].lemma in lex.wordset("reporting_verbs") for h in chain[1:])
    if auxes & modals_h or consequent or considering or unreal or attempt or \
            ("would" in auxes and not reported):
        aux.append("hypothetical")
    elif auxes & lex.sub("future", "modals") or ("would" in auxes and reported) or \
            _going_to(tree, first_clause):
        aux.append("future")
    # ("offered to share intelligence, and a delegation travelled to San Salvador": a conjunct with a
    # subject of its own is not what is offered)
    heads = first_clause[1:cut] if cut < len(first_clause) else first_clause[1:] + chain[len(first_clause):][:1]
    near = heads + [c.i for h in heads for c in tree.children(h, "acomp") if c.i < k]
    governing = {tree[h].lemma for h in near} | {tree.lower[h] for h in near}
    for h in near:
        if tree[h].lemma in _TO_INTENT and h in chain and not _infinitive(tree, chain[chain.index(h) - 1]):
            # "set to strike" is an intent; "set up burning barricades" a deed
            governing -= {tree[h].lemma, tree.lower[h]}
    if any(tree[h].lemma == "prepare" and tree[h].tag in ("VBD", "VBZ", "VBP", "VBG") for h in near):
        governing.add("prepare")  # the verb ("the army prepared to"), not the stance ("is prepared to")
    else:
        governing.discard("prepare")
    if rejecting and t.lemma in lex.wordset("rejecting_verbs"):
        for x in tree.children(k, "xcomp"):
            if (t.lemma, x.lemma) in _non_events(lex):
                return Modality((), event, drop="non-event")
    willed = "would" in auxes or bool(auxes & lex.sub("future", "modals"))
    # ("it does not negotiate with the state", "Thailand does not recognise the court": a stance refused in
    # the present is a refusal, as one announced is)
    willed = willed or any(c.lemma == "do" and c.tag in ("VBZ", "VBP") for c in tree.children(k, "aux"))
    cues = [f"negation: {w}" for h in first_clause if h not in double
            for w in sorted(_words(tree, h, ("neg",)) & neg_words)]
    cues += [f"negation: {tree[h].lemma}" for h in sorted(refrained - double)]
    cues += ["negation: without"] if without else []
    cues += [f"hypothetical: {w}" for w in sorted(auxes & modals_h)]
    cues += ["hypothetical: a condition governs it"] if consequent else []
    cues += ["hypothetical: considered, attempted or asked for"] if considering or attempt else []
    cues += [f"future: {w}" for w in sorted(auxes & (lex.sub("future", "modals") | {"would"}))]
    cues += [f"intent: {w}" for w in sorted(governing & lex.wordset("intent_words"))]
    # ("Turkey will allow 13,000 refugees to return": a permission announced is an offer, AGREE; "residents
    # would be allowed to collect their documents" tells the concession made)
    permits = t.lemma in lex.wordset("permission_verbs") and not any(c.dep == "auxpass" for c in tree.children(k))
    out = announced(lex, event, mode, aux, governing, willed, permits)
    if consequent and (willed or governing & lex.wordset("intent_words")) and "negation" not in out.aux \
            and out.event != "REJECT":  # "will not accept refugees if war starts": a refusal still
        out = _conditional(out, event, mode, "unless" in conditions)
    return replace(out, cues=tuple(dict.fromkeys(cues)))


_TIME_MARKS = frozenset({"after", "before", "when", "as", "since", "while", "once", "until"})
# prepositions after which an attempt is what is reported ("informed him of attempts to", "including attempts to")
_CONTENT_PREPS = frozenset({"of", "about", "on", "over", "including"})
# words of intent only with an infinitive ("set to", "poised to", "going to", "due to")
_TO_INTENT = frozenset({"set", "poised", "going", "due"})


def _conditional(m: Modality, event: str, mode: str | None, unless: bool) -> Modality:
    """An act announced on a condition. "will withdraw its force unless X arranges a ceasefire", or any
    conflictual act on an "if": an ultimatum, PLOVER's THREATEN; a cooperative act on an "if" ("would
    meet the mediator if he gave them a veto") a conditional offer, AGREE."""
    aux = tuple(a for a in m.aux if a not in ("hypothetical", "future"))
    if unless or event in _MATERIAL_CONFLICT or event in ("SANCTION", "REJECT"):
        return Modality(aux, "THREATEN", mode=_THREAT_MODES.get(event) if event in _THREAT_MODES else None,
                        rule="an act announced on a condition: an ultimatum")
    if event in COOPERATIVE or event in ("AGREE", "RETREAT"):
        return Modality(aux, "AGREE", rule="a cooperative act offered on a condition")
    return m


def announced(lex: Lexicon, event: str, mode: str | None, aux: list[str], governing: set[str],
              willed: bool, permits: bool = False) -> Modality:
    """PLOVER's readings of an act that is announced, intended or refused rather than done.

    - a cooperative act intended or announced is AGREE ("pledged to help", "will visit");
    - a retreat announced is CONCEDE when it is a withdrawal or ceasefire, else AGREE ("will release");
    - force or repression announced by its actor is THREATEN ("will target", "vowed to crush");
    - any other act decided or intended keeps its category, flagged future ("agreed to sanction");
    - a cooperative act its actor says it will not do is a refusal, REJECT ("will not accept").
    """
    intent = bool(governing & lex.wordset("intent_words"))
    threat = bool(governing & lex.wordset("threat_intent_words")) or ("future" in aux and not intent)
    negated, supposed = "negation" in aux, "hypothetical" in aux
    out = tuple(dict.fromkeys(aux))
    later = intent or "future" in out
    if negated and willed and (event in COOPERATIVE or event in ("AGREE", "RETREAT")):
        return Modality(tuple(a for a in out if a not in ("negation", "future")), "REJECT",
                        mode=_REFUSED_MODE.get(event), rule="a cooperative act refused (will not)")
    if negated or not later:
        return Modality(out, event)
    if event == "CONCEDE" and not intent and not supposed and not permits:
        # "said the curfew would be lifted", "will suspend the levy": a concession announced is made (it is
        # a verbal act already); one only intended ("is prepared to lift the ban") is an offer, below
        return Modality(out, event, rule="a concession announced")
    if event in COOPERATIVE:
        return Modality(out, "AGREE", rule="a cooperative act announced or intended")
    if event == "MOBILIZE" and governing & {"offer", "volunteer", "pledge", "promise"} and not supposed:
        # "offered to send troops to help secure the border", "pledged to send 150 more police officers to
        # Haiti": forces offered or promised to another are help offered
        return Modality(out, "AGREE", rule="forces offered")
    if event == "RETREAT":
        if mode in ("withdraw", "ceasefire"):
            return Modality(out, "CONCEDE", rule="a withdrawal or ceasefire announced")
        return Modality(out, "AGREE", rule="a de-escalation announced")
    if event == "ASSAULT" and "prepare" in governing and not supposed:
        # "the army prepared to resume shelling": getting ready to strike is a show of force
        return Modality(out, "MOBILIZE", rule="preparing an attack")
    if event == "PROTEST" and mode != "boycott" and threat and not governing & lex.wordset("threat_intent_words"):
        # "said it would return to the streets on Saturday": a protest announced is a protest to come; only
        # one held over another's head ("threatened to strike", "would strike unless", "would boycott all
        # contact with") is a threat
        return Modality(out if "future" in out else (*out, "future"), event, rule="a protest announced")
    if event in _THREAT_MODES and threat and not supposed:
        return Modality(out, "THREATEN", mode=_threat_mode(event, mode), rule="force, repression or protest announced")
    if event in _MATERIAL_CONFLICT and not supposed and "future" not in out:
        out = (*out, "future")  # "agreed to sanction", "decided to impose a curfew": decided, not done
    return Modality(out, event)


_MATERIAL_CONFLICT = frozenset({"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})
# What a refusal refuses, by the category refused (PLOVER's REJECT modes).
_REFUSED_MODE = {"AID": "assist", "CONCEDE": "yield", "RETREAT": "yield", "CONSULT": "meet", "AGREE": None}
# What a threat threatens, by the category announced (PLOVER's THREATEN modes).
_THREAT_MODES: dict[str, str | None] = {"ASSAULT": "violence", "COERCE": "restrict", "PROTEST": None}


def _threat_mode(event: str, mode: str | None) -> str | None:
    if event == "COERCE" and mode in ("arrest", "deport"):
        return "arrest"
    return _THREAT_MODES[event]


def rejecting_words(lex: Lexicon) -> frozenset[str]:
    """Verbs and nouns of refusal: what they govern is refused, not done ("refusal to recognise")."""
    name = "_rejecting"
    if name not in lex.words:
        nouns = {lemma for lemma, es in lex.nouns.items() if any(e.event == "REJECT" and not e.objects
                                                                  for e in es)}
        lex.words[name] = lex.wordset("rejecting_verbs") | frozenset(nouns)
    return lex.words[name]


def _non_events(lex: Lexicon) -> set[tuple[str, str]]:
    return {(a, b) for a, b in lex.args.get("non_events", [])}


def _going_to(tree: Tree, clause: list[int]) -> bool:
    """"is going to", "is set to", "is due to": the act below them by an infinitive is to come ("set up
    barricades" is a deed)."""
    for i, h in enumerate(clause[1:], 1):
        if tree[h].lemma in ("go", "set", "due", "poise") and tree[h].tag in ("VBG", "VBN", "JJ") \
                and _infinitive(tree, clause[i - 1]):
            return True
    return False


def _infinitive(tree: Tree, k: int) -> bool:
    return tree[k].dep in ("xcomp", "advcl", "ccomp") and any(tree.lower[a.i] == "to" for a in tree.children(k, "aux"))


def historical(date: str | None, published: str | None) -> bool:
    """An event dated a year or more before the article's publication."""
    if not date or not published:
        return False
    return int(date[:4]) < int(published[:4]) - 0 and _months(published) - _months_end(date) >= 6


def _months(d: str) -> int:
    return int(d[:4]) * 12 + (int(d[5:7]) if len(d) >= 7 else 6)


def _months_end(d: str) -> int:
    return int(d[:4]) * 12 + (int(d[5:7]) if len(d) >= 7 else 12)


def claim_denied(tree: Tree, k: int, lex: Lexicon) -> int | None:
    """The claim noun a denying verb answers in its own sentence, after what is claimed ("two protesters
    were shot, a claim police denied", "accuses Benin of hosting troops, a charge Cotonou denies"): what
    is claimed stands as the claimant's report, and the denial answers the claimant."""
    t = tree[k]
    claims = lex.wordset("claim_nouns")
    if t.dep == "relcl" and tree.head(k).lemma in claims and tree.head(k).dep in ("appos", "npadvmod", "dobj"):
        return t.head
    return next((o.i for o in tree.children(k, "dobj") if o.lemma in claims and o.i < k
                 and any(c.i < o.i for c in tree.children(k, "ccomp"))), None)

