"""One event per act: triggers another trigger already covers, and events told only as background."""

from __future__ import annotations

from kronika.events.arguments import (
    governing_verb,
    misparsed_main_verb,
)
from kronika.events.lexicon import Lexicon
from kronika.events.modality import claim_denied
from kronika.events.triggers import CHARACTERISATION, Trigger
from kronika.nlp.tree import Tree


def subsumed(tree: Tree, triggers: list[Trigger], lex: Lexicon) -> set[int]:
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
        if tree[t.token].pos in ("VERB", "AUX") and tree[t.token].lemma in _DECREEING \
                and any(c.i in by_token and tree[c.i].pos == "NOUN" and by_token[c.i].entry.event in _DONE_BY_ORDER
                        for c in tree.children(t.token, "dobj")):
            # "a court ordered the release of 11 fishermen", "ordered the confiscation of their property": an
            # order of a state is carried out, so the act ordered is the event, the orderer its actor
            out.add(t.token)
            continue
        if tree[t.token].pos in ("VERB", "AUX"):
            # "agreed to US mediation", "halted aid to Serbia", "rejected a call for": what the verb acts
            # on is part of its event, not another one
            objs = [c.i for c in tree.children(t.token, "dobj")]
            objs += [o.i for p in tree.children(t.token, "prep")
                     if tree.lower[p.i] == "to" or (t.entry.prep and tree.lower[p.i] == t.entry.prep)
                     for o in tree.children(p.i, "pobj")]  # "conceded to demands", "agreed to a truce"
            out.update(o for o in objs if o in by_token and tree[o].pos in ("NOUN", "PROPN")
                       and not _accusation_denied(t, by_token[o], lex))
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
                    if n.i in by_token and n.pos in ("NOUN", "PROPN") and not _accusation_denied(t, by_token[n.i], lex):
                        out.add(n.i)
        # "gratitude to Russia for its support": the reason for thanks is not told as a new event
        for p in tree.children(t.token, "prep"):
            if p.text.lower() == "for":
                for o in tree.children(p.i, "pobj"):
                    if o.i in by_token and by_token[o.i].entry.event == t.entry.event:
                        out.add(o.i)
        if tok.pos in ("VERB", "AUX") and t.entry.event == "ACCUSE":
            # "summoned the ambassador to protest against the deportations": the protest is the summons
            for x in tree.children(t.token, "xcomp", "advcl"):
                if x.i in by_token and by_token[x.i].entry.event == "PROTEST" \
                        and any(tree.lower[a.i] == "to" for a in tree.children(x.i, "aux")):
                    out.add(x.i)
        if tok.lemma in intent and any(c.i in by_token for c in tree.children(t.token, "xcomp")):
            out.add(t.token)
        # "threatened to close the border", "demanded that Turkey withdraw", "invited Somalia to visit":
        # the threat, the demand or the invitation is the event; what it asks for has not happened.
        node = t.token
        conjoined = True  # only conjuncts so far: the trigger still stands where the first of them does
        for _ in range(3):
            dep, up = tree[node].dep, tree[node].head
            # "threatened to resume attacks": the noun is the object of the act threatened
            infinitive = dep == "advcl" and any(tree.lower[a.i] == "to" for a in tree.children(node, "aux"))
            # ("urged the government to publish a calendar and to free all detainees": a coordinated
            # complement is asked for as much as the first)
            if (dep not in ("xcomp", "ccomp", "conj") and not infinitive and not (conjoined and dep == "dobj")) \
                    or up == node or (dep == "conj" and tree[node].tag not in ("VB", "NN", "NNS")):
                break
            conjoined = conjoined and dep == "conj"
            if up in by_token and (by_token[up].entry.event in ("REQUEST", "THREATEN")
                                   or tree[up].lemma in lex.wordset("object_control_verbs")) \
                    and not (tree[up].lemma in _DECREEING and t.entry.event in _DONE_BY_ORDER
                             and (tree[t.token].pos == "NOUN" or _commands_forces(tree, up, lex))):
                out.add(t.token)
                break
            node = up
        theme = _theme(tree, t.token)
        # ("released a statement" is no release; "welcomed the statement", "rejected the report" are a
        # judgement of it)
        if not t.entry.objects and theme is not None and theme in lex.wordset("non_event_objects") \
                and t.entry.event not in ("SUPPORT", "ACCUSE", "REJECT") and not _people(tree, t.token, lex):
            out.add(t.token)
    # What a document or proposal acted on says is its content, not an event: "signed an agreement to
    # increase trade", "vetoed a resolution censuring the US", "a treaty of friendship and cooperation"
    for t in triggers:
        if tree[t.token].pos not in ("VERB", "AUX"):
            continue
        for obj in [*tree.children(t.token, "dobj"), *(tree[w] for w in t.words if w != t.token)]:
            if obj.lemma in lex.wordset("content_nouns"):
                out.update(j for j in tree.subtree(obj.i) if j in by_token and j != obj.i and j != t.token)
                # ("signed an agreement today to increase trade": the parser hung the content on the verb)
                out.update(j for c in tree.children(t.token, "advcl", "xcomp")
                           if any(tree.lower[a.i] == "to" for a in tree.children(c.i, "aux"))
                           for j in tree.subtree(c.i) if j in by_token and j != t.token)
    # ("after an agreement on carrying out a peaceful demonstration", "a plan to expel diplomats"): what any
    # agreement, plan or call is on or for is its content, wherever it stands
    for k in tree.sentence_tokens(tree[triggers[0].token].sent) if triggers else ():
        if tree[k].pos == "NOUN" and tree[k].lemma in lex.wordset("content_nouns") and k not in by_token:
            for c in tree.children(k, "prep", "acl"):
                if c.dep == "prep" and tree.lower[c.i] not in ("on", "for", "to") or c.dep == "acl" and not any(
                        tree.lower[a.i] == "to" for a in tree.children(c.i, "aux")):
                    continue
                out.update(j for j in tree.subtree(c.i) if j in by_token)
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
    # "killed 14 soldiers in an attack on an army post", "died during clashes": the noun names the same act
    for t in triggers:
        if tree[t.token].pos in ("VERB", "AUX"):
            for p in tree.children(t.token, "prep"):
                if tree.lower[p.i] in ("in", "during"):
                    out.update(o.i for o in tree.children(p.i, "pobj") if o.i in by_token
                               and by_token[o.i].entry.event == t.entry.event)
    # What is refused or asked for, however deep in its words, has not happened: "is opposed to French
    # mediation in peace negotiations with Syria", "demanded that the US cancel plans to sell weapons to
    # Taiwan" (nouns and infinitives only: a past act told there, "activists arrested in May", stands; what
    # a threat or a warning speaks of is read as supposed, and what a denial denies was said)
    for t in triggers:
        # (a state's order is carried out: "ordered a curfew" tells the curfew; not what it orders someone
        # else to do: "ordered the former president to appear for questioning")
        asked = tree.children(t.token, "dobj") and tree.children(t.token, "xcomp")
        carried_out = tree[t.token].lemma in _DECREEING and not (asked and not _commands_forces(tree, t.token, lex))
        # (and what one is allowed to do: "allowed the opposition leader to bring out a rally")
        permitted = tree[t.token].lemma in lex.wordset("permission_verbs") and tree.children(t.token, "xcomp")
        if (t.entry.event not in ("REJECT", "REQUEST") and not permitted) \
                or tree[t.token].pos not in ("VERB", "AUX") or carried_out \
                or tree[t.token].lemma in lex.wordset("denying_verbs"):
            continue
        # (a request's "for": "called for talks"; not "pressed on with an operation", which goes on)
        tops = [*tree.children(t.token, "dobj", "ccomp", "xcomp"),
                *(o for p in tree.children(t.token, "prep") if t.entry.event == "REJECT" or tree.lower[p.i] == "for"
                  for o in tree.children(p.i, "pobj"))]
        for top in tops:
            out.update(j for j in _within_clause(tree, top.i) if j in by_token and j != t.token
                       and (tree[j].pos == "NOUN" or tree[j].dep in ("pobj", "pcomp")
                            or any(tree.lower[a.i] == "to" for a in tree.children(j, "aux"))))
    # A word modifying a noun ("free-trade pact", "the invasion forces") names a kind, not an event
    out.update(t.token for t in triggers if tree[t.token].dep == "compound" and tree[t.token].pos == "NOUN")
    # "placed 150 soldiers on standby to support police operations": the purpose of a deployment is its own
    for t in triggers:
        if t.entry.event == "MOBILIZE" and tree[t.token].pos in ("VERB", "AUX"):
            out.update(c.i for c in tree.children(t.token, "advcl", "xcomp") if c.i in by_token
                       and by_token[c.i].entry.event in ("SUPPORT", "COOPERATE", "AID")
                       and any(tree.lower[a.i] == "to" for a in tree.children(c.i, "aux")))
    # "used pepper spray to push the crowd back": what force is used for is the same act
    for t in triggers:
        if t.entry.event == "ASSAULT" and tree[t.token].pos in ("VERB", "AUX"):
            out.update(c.i for c in tree.children(t.token, "advcl", "xcomp") if c.i in by_token
                       and by_token[c.i].entry.event in ("COERCE", "ASSAULT")
                       and any(tree.lower[a.i] == "to" for a in tree.children(c.i, "aux")))
    # "summoned the ambassador to protest an air strike": the complaint's purpose is the complaint
    for t in triggers:
        if t.entry.event in ("ACCUSE", "REJECT", "SANCTION", "THREATEN") and tree[t.token].pos in ("VERB", "AUX"):
            for c in tree.children(t.token, "advcl", "xcomp"):
                if c.i in by_token and by_token[c.i].entry.event in ("PROTEST", "ACCUSE") \
                        and any(tree.lower[a.i] == "to" for a in tree.children(c.i, "aux")):
                    out.add(c.i)
    # A protest's demand or defiance is the protest's ("marched calling for independence", "blocked
    # streets in defiance of the authorities"), and so is the damage it does ("rioted, setting fire to their
    # mattresses and smashing furniture"); what describes a party of another event is background
    # ("refugees, whom the authorities blame for ...")
    for t in triggers:
        # ("continued their hunger strike to demand ...", "staged a sit-in to protest against ...": the
        # verb that carries the protest noun carries its purpose too)
        carrier = tree[t.token].head if tree[t.token].pos == "NOUN" and tree[t.token].dep == "dobj" else None
        if t.entry.event == "PROTEST" and carrier is not None:
            out.update(c.i for c in tree.children(carrier, "advcl", "xcomp") if c.i in by_token
                       and by_token[c.i].entry.event in ("REQUEST", "REJECT", "ACCUSE"))
        if t.entry.event == "PROTEST" and tree[t.token].pos in ("VERB", "AUX"):
            # ("supporters who defied a ban and marched to the palace": the defiance is the march's)
            tok = tree[t.token]
            out.update(j for j in [*(c.i for c in tree.children(t.token, "conj")),
                                   *([tok.head] if tok.dep == "conj" else [])]
                       if j in by_token and by_token[j].entry.event == "REJECT" and tree[j].pos == "VERB")
            for c in tree.children(t.token, "advcl", "xcomp", "prep"):
                for j in [c.i, *(o.i for o in tree.children(c.i, "pobj"))]:
                    if j in by_token and by_token[j].entry.event in ("REQUEST", "REJECT", "ACCUSE"):
                        out.add(j)
                    if j in by_token and by_token[j].entry.event == "ASSAULT" and tree[j].tag == "VBG" \
                            and by_token[j].entry.mode in (None, "destroy", "primitive"):
                        out.add(j)
                    # ("blocked the airstrip, halting military flights for two days": what the blockade stops)
                    if j in by_token and by_token[j].entry.event in ("SANCTION", "COERCE") and tree[j].tag == "VBG":
                        out.add(j)
        for k in (*_side_heads(tree, t.token),):
            # ("UN peacekeepers, who are deployed to oversee a ceasefire": all the clause says of them)
            out.update(j for c in tree.children(k, "relcl") for j in tree.subtree(c.i) if j in by_token
                       and j != t.token)
    # "whose alliance called the protests", "The rally was called by the opposition": who called a
    # protest told before is a detail of that protest, not a new one ("called a rally for Friday" is)
    for t in triggers:
        if t.entry.event == "PROTEST" and tree[t.token].lemma == "call" and tree[t.token].pos == "VERB" \
                and any(_definite(tree, w) for w in t.words if w != t.token) \
                and not any(tree.lower[p.i] == "for" for p in tree.children(t.token, "prep")):
            out.add(t.token)
    # "condemned what it called an act of piracy", "summoned the ambassador to protest against what it
    # called an unlawful closure": the name given to what another act is about is part of that act
    for t in triggers:
        if t.entry.source == CHARACTERISATION.source \
                and any(tree[c.i].tag == "WP" for c in tree.children(t.token, "dobj")) \
                and any(a.i in by_token for a in list(tree.ancestors(t.token))[:4]):
            out.add(t.token)
    # "..., a charge Cotonou denies": the charge is the claim told before it in the sentence, not a new one
    for t in triggers:
        if tree[t.token].lemma in lex.wordset("denying_verbs"):
            claim = claim_denied(tree, t.token, lex)
            if claim is not None and claim in by_token:
                out.add(claim)
    # "if Hamas, which advocates Israel's destruction, ran", "Togo, which has lost dozens of soldiers in attacks":
    # what a relative clause in the present or perfect says of a named party describes it; it tells no act
    # ("which placed him under sanctions in 2017" tells one)
    for t in triggers:
        if tree[t.token].pos != "NOUN":
            continue
        rel = next((a for a in tree.ancestors(t.token) if a.dep == "relcl"), None)
        describes = rel is not None and (rel.tag in ("VBZ", "VBP")
                                         or any(a.lemma == "have" for a in tree.children(rel.i, "aux")))
        if rel is not None and describes and rel.i not in by_token and tree.head(rel.i).pos == "PROPN" \
                and any(tree.lower[j] == "," for j in (rel.i - 1, min(tree.subtree(rel.i)) - 1) if j >= 0):
            out.add(t.token)
    alleged = [c.i for t in triggers if t.entry.event == "ACCUSE" for p in tree.children(t.token, "prep")
               if tree.lower[p.i] == "of" for c in tree.children(p.i, "pcomp", "pobj")]
    for k in alleged:
        out.update(j for j in tree.subtree(k) if j in by_token and j != k)
        # the rest of the list, which the parser hangs on the accusing verb ("..., ignoring the law")
        verb = tree.head(tree.head(k).i)
        out.update(c.i for c in tree.children(verb.i, "advcl", "conj")
                   if c.i > k and c.tag == "VBG" and c.i in by_token)
    return out

_DECREEING = frozenset({"order", "decree"})
_DONE_BY_ORDER = frozenset({"RETREAT", "COERCE", "SANCTION", "ASSAULT", "MOBILIZE", "AID", "CONCEDE"})


def _side_heads(tree: Tree, k: int) -> list[int]:
    """The heads of a verb's subject and objects (its parties, roughly)."""
    if tree[k].pos not in ("VERB", "AUX"):
        return []
    out = [c.i for c in tree.children(k, "nsubj", "nsubjpass", "dobj")]
    out += [o.i for p in tree.children(k, "prep") for o in tree.children(p.i, "pobj")]
    return out

def background(tree: Tree, k: int, triggers: set[int]) -> bool:
    """An event noun inside a prepositional phrase of another trigger verb."""
    verb = governing_verb(tree, k)
    return verb is not None and verb in triggers and tree[k].dep == "pobj"

def in_name(tree: Tree, k: int) -> bool:
    """A capitalised noun that modifies a capitalised head: a word of a name or title."""
    t = tree[k]
    if not t.text[:1].isupper() or t.dep not in ("compound", "conj", "nmod", "amod"):
        return False
    head = t
    while head.dep in ("compound", "conj", "nmod", "amod") and head.head != head.i:
        head = tree.head(head.i)
    first = tree.sentence_tokens(t.sent).start
    return head.i != k and head.text[:1].isupper() and head.i != first

def setting(tree: Tree, k: int, lex: Lexicon) -> str | None:
    """An event told only as the setting of the sentence's news: a noun after a preposition of time or
    cause ("after 12 days of battles", "amid protests", "in response to recent unrest", "during the
    1990s conflict", "in the current uprising"), or a past participle describing a noun ("weapons
    seized last year", "West Africans ordered out of Nigeria", "the demonstration staged by students")."""
    t = tree[k]
    if t.pos in ("VERB", "AUX"):
        if t.dep == "relcl" and any(tree.lower[c.i] in ("where", "when") for c in tree.children(k, "advmod")) \
                and tree.head(k).lemma not in _HOURS:
            # "in Montenegro, where 28 people have been killed": the place's past, not the news ("turned
            # tense after midnight, when demonstrators hurled bottles" goes on with the news)
            return "clause"
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

def _within_clause(tree: Tree, k: int) -> list[int]:
    """The words under ``k`` but a finite verb the parser hung there as a conjunct ("urged the government to
    free the detainees and offered to mediate": the offer is the subject's own act)."""
    out, todo = [], [k]
    while todo:
        j = todo.pop()
        out.append(j)
        todo.extend(c.i for c in tree.children(j)
                    if not (c.dep == "conj" and c.tag in ("VBD", "VBZ", "VBP")))
    return out


_HOURS = frozenset({"midnight", "morning", "afternoon", "evening", "night", "dawn", "noon", "nightfall", "hour",
                    "minute", "moment"})


def _definite(tree: Tree, k: int) -> bool:
    return any(tree.lower[c.i] in ("the", "this", "that", "these", "those") or c.dep == "poss"
               for c in tree.children(k, "det", "poss"))

def _commands_forces(tree: Tree, k: int, lex: Lexicon) -> bool:
    """"ordered the army to raise its combat readiness": a command to one's own armed forces (not another
    state's: "ordered Somalia's army to withdraw") is carried out, so the act commanded is the event."""
    return any(o.lemma in lex.wordset("force_nouns")
               and not any(m.ent_type in ("GPE", "NORP") or (m.dep == "poss" and m.pos != "PRON")
                           for m in tree.children(o.i, "poss", "amod", "compound"))
               for o in tree.children(k, "dobj"))


def _people(tree: Tree, k: int, lex: Lexicon) -> bool:
    """"sentenced 14 opposition figures": figures of public life are people, not numbers."""
    obj = tree.child(k, "dobj", "nsubjpass")
    return obj is not None and any(m.lemma in lex.wordset("people_figures")
                                   for m in tree.children(obj.i, "compound", "amod"))


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


def _accusation_denied(verb: Trigger, noun: Trigger, lex: Lexicon) -> bool:
    """"denied the accusation made by Kinshasa": two events, the accusation made and its denial."""
    return verb.entry.lemma in lex.wordset("denying_verbs") and noun.entry.event == "ACCUSE"
