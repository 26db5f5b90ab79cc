"""Who a speaking noun phrase is: a person, an organisation, a government, or a channel's author.

The actors stage has already resolved names, titles and pronouns to entities (``ActorView``), so a
speaker is mostly a look-up. What is particular to quotes is the *channel noun*: "the statement
added", "read a headline by the Informer daily", "according to its website". There the speaker is the
channel's author when one is named (a modifier, a possessive, or "by X"), else the author of the same
channel named just before ("said a government statement ... the statement added"), else nobody.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kronika.actors import ActorView
from kronika.nlp.tree import Tree
from kronika.quotes.lexicon import QuoteLexicon
from kronika.records import ActorRef

_AUTHOR_DEPS = frozenset({"compound", "poss", "amod", "nmod"})
_BACK_REFERENCES = frozenset({"it", "the", "this", "that"})  # "it said", "the statement added"


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str | None  # canonical name
    key: str | None  # document-level entity key
    text: str | None  # the words naming the speaker
    channel: str | None = None


@dataclass
class Context:
    """What attribution needs about one document, plus the channels seen so far (for back-references)."""

    tree: Tree
    actors: ActorView
    lex: QuoteLexicon
    channels_seen: list[tuple[int, Speaker]] = field(default_factory=list)  # (sentence, speaker)

    def remember(self, sent: int, sp: Speaker) -> None:
        if sp.channel is not None and sp.key is not None:
            self.channels_seen.append((sent, sp))

    def recent_channel(self, sent: int, channel: str | None) -> Speaker | None:
        """The author of the last channel (of this kind, if given) named up to three sentences back."""
        for s, sp in reversed(self.channels_seen):
            if sent - 3 <= s <= sent and (channel is None or sp.channel == channel):
                return sp
        return None


def phrase_lemmas(tree: Tree, head: int) -> tuple[str, ...]:
    """The head's lemma preceded by its compound modifiers ("press conference")."""
    mods = [c.i for c in tree.children(head, "compound") if c.i < head]
    # "wrote on X." may come tokenised as "X.": the full stop is not part of the name.
    return tuple(tree[k].lemma for k in sorted(mods)) + (tree[head].lemma.rstrip(".") or ".",)


def channel_of(ctx: Context, head: int) -> str | None:
    t = ctx.tree[head]
    if t.pos not in ("NOUN", "PROPN"):
        return None
    return ctx.lex.channel(phrase_lemmas(ctx.tree, head))


def speaker_at(ctx: Context, head: int, date: str | None) -> Speaker:
    """The speaker named by the noun phrase headed at ``head``."""
    tree = ctx.tree
    t = tree[head]
    sent = t.sent
    channel = channel_of(ctx, head)
    if channel is not None:
        author = _author(ctx, head, date)
        if author is None and _definite(tree, head):
            author = ctx.recent_channel(sent, channel)
        if author is None:
            return Speaker(None, None, _text(tree, head), channel)
        return Speaker(author.name, author.key, _text(tree, head), channel)
    if t.pos == "PRON" and t.text.lower() == "it":
        # "The ministry statement said ... It added": "it" is the statement just named.
        back = ctx.recent_channel(sent, None)
        key = ctx.actors.entity_at(head)
        if back is not None and (key is None or not key.startswith("person:")):
            return back
    return _from_refs(ctx, _refs(ctx, head, date), _text(tree, head))


def _author(ctx: Context, head: int, date: str | None) -> Speaker | None:
    """The author of a channel noun: "the Interior Ministry statement", "its website", "by X"."""
    tree = ctx.tree
    candidates: list[int] = []
    for c in tree.children(head):
        if c.dep in _AUTHOR_DEPS and c.i < head:
            candidates.append(c.i)
        elif c.dep == "prep" and c.text.lower() in ctx.lex.author_preps:
            candidates.extend(p.i for p in tree.children(c.i, "pobj"))
    for k in candidates:
        key = ctx.actors.entity_at(k)
        if key is None:
            # "The Interior Ministry statement": the key sits on the name's head, not on "Interior".
            key = next((e for j in tree.subtree(k) if (e := ctx.actors.entity_at(j)) is not None), None)
        name = ctx.actors.entity_name(key) if key is not None else None
        if key is not None and name is not None:
            return Speaker(name, key, _text(tree, k))
    for k in candidates:
        sp = _from_refs(ctx, _refs(ctx, k, date), _text(tree, k))
        if sp.name is not None:
            return sp
    for k in candidates:
        # A name the actors stage did not take for an actor ("the state-run Morning Courier daily").
        names = [j for j in tree.subtree(k) if tree[j].pos == "PROPN" and j <= k]
        if names:
            return Speaker(tree.span_text(min(names), k + 1), None, _text(tree, k))
    return None


def _refs(ctx: Context, head: int, date: str | None) -> list[ActorRef]:
    # No fallback to the article's main country: "a government statement" does not say whose.
    return ctx.actors.refs(head, date, fallback=False)


def _from_refs(ctx: Context, refs: list[ActorRef], text: str) -> Speaker:
    named = [r for r in refs if r.entity_key]
    if named:
        r = named[0]
        return Speaker(r.identifier_text, r.entity_key, text)
    gov = [r for r in refs if r.code and r.sector == "GOV"]
    if gov:
        # "the government", "the ministry": PLOVER codes them as the state; so does the speaker.
        code = gov[0].code or ""
        key = f"country:{code}"
        name = ctx.actors.entity_name(key) or ctx.actors.country_name(code)
        return Speaker(name or code, key, text)
    coded = [r for r in refs if r.code]
    if coded:
        return Speaker(coded[0].identifier_text or coded[0].entity_text, None, text)
    return Speaker(None, None, text or None)


def _definite(tree: Tree, head: int) -> bool:
    det = tree.child(head, "det", "poss")
    return det is not None and det.text.lower() in _BACK_REFERENCES


def _text(tree: Tree, head: int) -> str:
    """The speaker's words: the head with its modifiers, without clauses or long appositions."""
    keep = [head]
    for c in tree.children(head):
        if c.dep in ("compound", "poss", "amod", "det", "nmod", "nummod") or (
                c.dep == "prep" and c.text.lower() == "by"):
            keep.extend(tree.subtree(c.i))
    return tree.span_text(min(keep), max(keep) + 1)
