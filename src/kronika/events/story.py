"""What an article has told so far, for what its later sentences point back to.

"Georgia's prime minister met Azerbaijan's president. The two leaders discussed energy" — the two
leaders are the parties of the meeting just told. "Police detained 30 protesters. The opposition
condemned the arrests" — the arrests were the police's. Events are coded sentence by sentence, so the
events of earlier sentences are known when a later one refers back to them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from os.path import commonprefix

from kronika.nlp.tree import Tree
from kronika.plover import INTERNATIONAL_CODES
from kronika.records import ActorRef, Event

# "the two leaders", "both sides", "both countries": a group made of parties already named
_GROUP_NOUNS = frozenset({"leader", "side", "country", "nation", "minister", "president", "government", "party",
                          "delegation", "neighbour", "neighbor", "man", "official", "state", "capital", "army",
                          "counterpart", "foe", "rival", "ally", "partner"})
_DEEDS = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "SANCTION", "PROTEST", "AID", "RETREAT", "COOPERATE",
                    "CONCEDE"})
_LOOK_BACK = 2  # sentences: a group anaphor points no further back
_STATE = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})


@dataclass
class Story:
    told: list[Event] = field(default_factory=list)
    dated: dict[int, tuple[str, str]] = field(default_factory=dict)  # sentence -> the day its text gives

    def occasion(self, sent: int) -> tuple[str, str] | None:
        """The day of the occasion the sentence just before told ("agreed on Monday to set up patrols.
        The two ministers signed a memorandum ..."): a past act told next, with no time of its own, is
        part of that occasion."""
        return self.dated.get(sent - 1)

    def parties(self, sent: int) -> list[ActorRef]:
        """The parties of the last event told just before with two or more of them."""
        for ev in reversed(self.told):
            if ev.sentence < sent - _LOOK_BACK:
                break
            sides = _distinct([*ev.actor, *ev.recipient])
            if len(sides) >= 2:
                return sides
        return []

    def recent_country(self, sent: int) -> str | None:
        """Where the story was just before, when one country: the place of the last event told in the two
        sentences before, else the one country of its actors."""
        for ev in reversed(self.told):
            if ev.sentence < sent - _LOOK_BACK:
                break
            where = (ev.event_loc or {}).get("country")
            if isinstance(where, str):
                return where
            codes = {a.code for a in ev.actor if a.code and len(a.code) == 3 and a.code not in INTERNATIONAL_CODES}
            if len(codes) == 1:
                return codes.pop()  # a state's, never a body's (IGO is no place)
        return None

    def last_doers(self, sent: int) -> list[ActorRef]:
        """Who did the last deed told in the sentences just before ("the operation", "the actions"): a
        deed, not what someone said of it."""
        for ev in reversed(self.told):
            if ev.sentence < sent - _LOOK_BACK:
                break
            if ev.sentence < sent and ev.actor and ev.event in _DEEDS \
                    and not {"negation", "hypothetical"} & set(ev.aux):
                return [replace(a, inferred=a.inferred or "who did what is referred to") for a in ev.actor]
        # none just before: the deed the article opened with, what it is about ("Soldiers arrested 31
        # people in raids on Thursday. ... The United States praised the operation.")
        first = min((ev.sentence for ev in self.told), default=sent)
        for ev in self.told:
            if ev.sentence > first + 1 or ev.sentence >= sent:
                break
            if ev.actor and ev.event in _DEEDS and not {"negation", "hypothetical"} & set(ev.aux):
                return [replace(a, inferred=a.inferred or "who did what the article is about") for a in ev.actor]
        return []

    def foreign_acted_on(self, own: set[str], sent: int) -> str | None:
        """The one foreign country whose people or vessels a state of ``own`` last seized, held or attacked,
        told before in the article."""
        for ev in reversed(self.told):
            acted_on = ev.event == "ASSAULT" or ev.event == "COERCE" and bool({"arrest", "seize"} & set(ev.mode))
            if ev.sentence >= sent or not acted_on or not own & {a.code for a in ev.actor} \
                    or {"negation", "hypothetical"} & set(ev.aux):
                continue
            foreign = {r.code for r in ev.recipient if r.code and r.code not in own and len(r.code) == 3
                       and r.code not in INTERNATIONAL_CODES and r.sector not in _STATE}
            if len(foreign) == 1:
                return foreign.pop()
        return None

    def held(self, sent: int) -> list[ActorRef]:
        """Who was last arrested or detained, told before ("the four were suspected of ...")."""
        return self.holding(sent, abducted=False)[1]

    def holding(self, sent: int, abducted: bool = True) -> tuple[list[ActorRef], list[ActorRef]]:
        """Who last arrested, detained or (with ``abducted``) kidnapped whom, told before: (holders, held)."""
        for ev in reversed(self.told):
            taken = ev.event == "COERCE" or abducted and ev.event == "ASSAULT" and "abduct" in ev.mode
            if ev.sentence < sent and taken and ev.recipient and not {"negation", "hypothetical"} & set(ev.aux):
                return ([replace(a, inferred=a.inferred or "who held them, told earlier") for a in ev.actor],
                        [replace(a, inferred=a.inferred or "those held, told earlier") for a in ev.recipient])
        return [], []

    def accusers(self, accused: list[ActorRef], sent: int) -> list[ActorRef]:
        """Who last accused one of ``accused`` before in the article ("HRW accused the army of killing
        civilians. ... The army denied it"): whom a denial answers."""
        return self.answered(accused, sent, "ACCUSE", "who made the accusation denied")

    def askers(self, asked: list[ActorRef], sent: int) -> list[ActorRef]:
        """Who last asked one of ``asked`` for something before in the article ("The opposition demanded a
        recount. The electoral commission refused."): whom a refusal answers."""
        # (or protested to ask it: "marched to demand that the government cancel the contract")
        return self.answered(asked, sent, "REQUEST", "who made the request refused") \
            or self.answered(asked, sent, "PROTEST", "who protested for what is refused")

    def answered(self, parties: list[ActorRef], sent: int, category: str, why: str) -> list[ActorRef]:
        """The actors of the last act of ``category`` aimed at one of ``parties``."""
        keys = {a.entity_key for a in parties if a.entity_key}

        def answers(r: ActorRef) -> bool:
            # the party itself, or its state: police deny for the police, a government for its army
            return bool(r.entity_key and r.entity_key in keys) or any(
                a.code and a.code == r.code and (a.sector in (None, "GOV") or r.sector in (None, a.sector))
                for a in parties)

        for ev in reversed(self.told):
            if ev.sentence >= sent or ev.event != category or not ev.actor \
                    or {"negation", "hypothetical"} & set(ev.aux):
                continue
            if any(answers(r) for r in ev.recipient):
                return [replace(a, inferred=a.inferred or why) for a in ev.actor]
        return []

    def makers(self, word: str, sent: int) -> list[ActorRef]:
        """The parties of the last act told with this word ("signed an agreement ... welcomed Thursday's
        agreement"): those who made what is referred to."""
        for ev in reversed(self.told):
            if ev.sentence < sent and word in (ev.event_text or "").lower().split() \
                    and not {"negation", "hypothetical"} & set(ev.aux):
                return _distinct([replace(a, inferred=a.inferred or "who made what is referred to")
                                  for a in [*ev.actor, *ev.recipient]])
        return []

    def doers(self, event: str, sent: int, word: str = "") -> list[ActorRef]:
        """Who did the last act of this category told before in the article (not a negated or supposed one):
        "the attack" refers to the article's attack however far back it was told; "the offer" first to
        the last act told with the same word ("Laos offered to host talks")."""
        told = [ev for ev in reversed(self.told) if ev.sentence < sent and ev.event == event and ev.actor
                and not {"negation", "hypothetical"} & set(ev.aux)]
        same = [ev for ev in told if _same_word((ev.event_text or " ").lower().split()[0], word)] if word else []
        for ev in same or told:
            return [replace(a, inferred=a.inferred or "who did what is referred to") for a in ev.actor]
        return []


def _same_word(told: str, word: str) -> bool:
    """"offered" for "the offer", "seized" for "the seizure", "detained" for "the detention": one stem."""
    return told.startswith(word) or len(commonprefix([told, word])) >= max(4, min(len(told), len(word)) - 3)


def group_anaphor(tree: Tree, k: int) -> bool:
    """"they", "both", "the two leaders", "both sides": a group of parties named before."""
    t = tree[k]
    if t.pos == "PRON":
        return tree.lower[k] in ("they", "both")
    if t.pos == "NOUN" and t.tag == "NN" and t.lemma in _GROUP_NOUNS \
            and any(tree.lower[d.i] == "each" for d in tree.children(k, "det")):
        return True  # "each side accused the other": both parties, one at a time
    if t.pos != "NOUN" or t.tag not in ("NNS", "NNPS") or t.lemma not in _GROUP_NOUNS:
        return False
    mods = {tree.lower[c.i] for c in tree.children(k, "det", "nummod", "predet", "amod")}
    # ("the foreign ministers of the two countries", "leaders of both sides": the group is in the "of")
    return bool(mods & {"both", "two", "all", "warring", "rival"}) or any(
        group_anaphor(tree, o.i) for p in tree.children(k, "prep") if tree.lower[p.i] == "of"
        for o in tree.children(p.i, "pobj"))


def group_object(tree: Tree, k: int) -> int | None:
    """A group anaphor the act is aimed at: "urged restraint on all sides", "called on both sides to ...",
    "offered to host talks between the two neighbours"."""
    near = [c.i for c in tree.children(k, "dobj")]
    near += [o.i for h in [k, *near] for p in tree.children(h, "prep")
             if tree.lower[p.i] in ("on", "to", "between", "among", "with", "for")
             for o in tree.children(p.i, "pobj")]
    near += [s.i for c in tree.children(k, "ccomp", "xcomp") for s in tree.children(c.i, "nsubj")]
    # "offered to host talks between the two neighbours": one step down an infinitive
    for x in tree.children(k, "xcomp", "advcl"):
        near += [o.i for d in [x.i, *(c.i for c in tree.children(x.i, "dobj"))] for p in tree.children(d, "prep")
                 if tree.lower[p.i] in ("between", "among", "with") for o in tree.children(p.i, "pobj")]
    return next((j for j in near if group_anaphor(tree, j)), None)


def _distinct(refs: list[ActorRef]) -> list[ActorRef]:
    out: list[ActorRef] = []
    seen: set[object] = set()
    for r in refs:
        key = r.entity_key or (r.code, r.sector)  # police and protesters of one country are two sides
        if r.code and key not in seen:
            seen.add(key)
            out.append(r)
    return out
