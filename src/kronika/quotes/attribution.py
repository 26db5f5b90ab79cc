"""Finding who said a quotation: the speech verb that governs it, and that verb's subject.

News attributes a quotation in a few shapes, tried in this order because the earlier ones are the
more explicit:

1. a tail: ``“...,” Vucic said`` / ``“...,” said Vulin`` / ``“...,” the statement added`` /
   ``“...” read a headline by the Informer daily`` (the words right after the closing mark);
2. a lead: ``Vucic wrote: “...”`` (the words right before the opening mark);
3. a governing verb: ``Vucic said the drone system was “in our hands”`` (a speech verb above the
   quoted words in the parse), or a verb that carries text: ``a sign reading, “...”``;
4. ``according to its website, „...“``.

A verb without a subject of its own ("..., noting that ...") speaks for the verb it hangs from.
"""

from __future__ import annotations

from dataclasses import dataclass

from kronika.lang.en import DOUBLE_QUOTE_MARKS
from kronika.nlp.tree import Tree
from kronika.quotes.speakers import Context, Speaker, channel_of, phrase_lemmas, speaker_at

_SUBJECTS = ("nsubj", "nsubjpass")
_CLIMB = frozenset({"advcl", "xcomp", "conj", "pcomp", "acl", "relcl"})
_WINDOW = 5  # tokens looked at beyond a quote mark for a tail or lead attribution
_SPEECH_POS = frozenset({"VERB", "AUX"})
_CHANNEL_PREPS = frozenset({"on", "in", "at", "during", "via", "through", "to", "with", "by"})
# Verb lemmas that name their own channel.
_VERB_CHANNELS = {"tweet": "x", "post": "social media"}


@dataclass(frozen=True, slots=True)
class Attribution:
    verb: int | None  # the speech verb token, None for "according to"
    speaker: Speaker


def attribute(ctx: Context, inside: set[int], sents: range, date: str | None) -> Attribution | None:
    """Who said the quoted tokens ``inside`` (which lie in sentences ``sents``)."""
    tree = ctx.tree
    host = [k for s in sents for k in tree.sentence_tokens(s)]
    if not inside or not host:
        return None
    first, last = min(inside), max(inside)
    outside = [k for k in host if k not in inside]
    after = [k for k in outside if k > last][:_WINDOW + 2]
    before = [k for k in outside if k < first][-_WINDOW - 1:]
    tail = _verb_in(ctx, after, stop_at_quote=True)
    lead = _lead(ctx, before)
    near = _verb_in(ctx, list(reversed(before)), stop_at_quote=True)
    for verb in (tail, lead if lead is not None and _is_speech(ctx, lead) else None, near,
                 _governing_verb(ctx, inside)):
        if verb is None:
            continue
        sp = speaker_of_verb(ctx, verb, inside, date)
        if sp is not None:
            return Attribution(verb, sp)
    if lead is not None and channel_of(ctx, lead) is not None:
        # "with a sign reading, “...”": the channel noun before the quote carries the words.
        return Attribution(None, speaker_at(ctx, lead, date))
    acc = according_to(ctx, outside)
    if acc is not None:
        return Attribution(None, speaker_at(ctx, acc, date))
    return None


def _is_speech(ctx: Context, k: int) -> bool:
    t = ctx.tree[k]
    return t.pos in _SPEECH_POS and t.lemma in ctx.lex.speech_verbs


def _verb_in(ctx: Context, tokens: list[int], *, stop_at_quote: bool) -> int | None:
    """The first speech verb among a few tokens next to a quote mark (punctuation skipped)."""
    seen = 0
    for k in tokens:
        t = ctx.tree[k]
        if stop_at_quote and t.text in DOUBLE_QUOTE_MARKS and seen:
            return None
        if t.pos == "PUNCT":
            continue
        seen += 1
        if seen > _WINDOW:
            return None
        if _is_speech(ctx, k):
            return k
    return None


def _lead(ctx: Context, before: list[int]) -> int | None:
    """``X said: “...”`` / ``said X, “...”`` / ``a sign reading, “...”``: the speech verb or channel
    noun just before the colon or comma that opens a quotation."""
    toks = [k for k in before if ctx.tree[k].text not in ("“", "„", '"', "«")]
    if not toks or ctx.tree[toks[-1]].text not in (":", ","):
        return None
    words = [k for k in reversed(toks[:-1]) if ctx.tree[k].pos != "PUNCT"][:_WINDOW]
    for k in words:
        if _is_speech(ctx, k) or channel_of(ctx, k) is not None:
            return k
    return None


def _governing_verb(ctx: Context, inside: set[int]) -> int | None:
    """The nearest speech verb above the quoted words in the parse."""
    tree = ctx.tree
    tops = [k for k in sorted(inside) if (tree[k].head not in inside or tree[k].head == k)
            and tree[k].pos != "PUNCT"]  # the final full stop hangs from the main verb, outside
    best: tuple[int, int] | None = None
    for top in tops:
        for depth, anc in enumerate(tree.ancestors(top)):
            if anc.i in inside:
                continue
            if _is_speech(ctx, anc.i):
                if best is None or depth < best[0]:
                    best = (depth, anc.i)
                break
    return best[1] if best else None


def speaker_of_verb(ctx: Context, verb: int, inside: set[int], date: str | None) -> Speaker | None:
    """The subject of a speech verb (or of the verb it hangs from), with the channel it names."""
    tree = ctx.tree
    v = verb
    sp: Speaker | None = None
    for _ in range(4):
        subj = [c.i for c in tree.children(v, *_SUBJECTS) if c.i not in inside]
        # "an NGO which, the US administration claimed, served as ...": not the relative pronoun.
        subj = [k for k in subj if tree[k].tag not in ("WDT", "WP")] or subj
        if tree[v].lemma in ctx.lex.carrier_verbs:
            # "“...” read a headline by the Informer daily": the thing read is the speaking noun.
            subj += [c.i for c in tree.children(v, "dobj") if channel_of(ctx, c.i) is not None]
        if subj:
            sp = speaker_at(ctx, subj[0], date)
            break
        agent = [p.i for a in tree.children(v, "agent") for p in tree.children(a.i, "pobj")]
        if agent:
            sp = speaker_at(ctx, agent[0], date)
            break
        t = tree[v]
        if t.dep == "acl" and tree[t.head].pos in ("NOUN", "PROPN"):
            # "a statement saying ...": the noun carries the words.
            sp = speaker_at(ctx, t.head, date)
            break
        if t.dep not in _CLIMB or t.head == v:
            return None
        # "Vucic said the system was ..., noting that ...": a subjectless speech verb speaks for the
        # speech verb above it, not for whatever verb the parser hung it from.
        up = next((a.i for a in tree.ancestors(v) if _is_speech(ctx, a.i)
                   and tree.children(a.i, *_SUBJECTS)), None)
        v = up if up is not None else t.head
    if sp is None:
        return None
    channel = sp.channel or verb_channel(ctx, verb) or (verb_channel(ctx, v) if v != verb else None) \
        or _outer_channel(ctx, verb, date)
    out = Speaker(sp.name, sp.key, sp.text, channel)
    ctx.remember(tree[verb].sent, out)
    return out


def _outer_channel(ctx: Context, verb: int, date: str | None) -> str | None:
    """The channel of a speech verb above this one ("It [the statement] added Ajikeev thanked ...")."""
    tree = ctx.tree
    for a in tree.ancestors(verb):
        if not _is_speech(ctx, a.i):
            continue
        hit = verb_channel(ctx, a.i)
        if hit is None:
            subj = tree.children(a.i, *_SUBJECTS)
            hit = speaker_at(ctx, subj[0].i, date).channel if subj else None
        if hit is not None:
            return hit
    return None


def verb_channel(ctx: Context, verb: int) -> str | None:
    """The channel a speech verb names: "wrote on Facebook", "said in a statement", "told reporters"."""
    tree = ctx.tree
    for c in tree.children(verb):
        if c.dep == "prep" and c.text.lower() in _CHANNEL_PREPS:
            for p in tree.children(c.i, "pobj"):
                hit = channel_of(ctx, p.i)
                if hit is not None:
                    return hit
        elif c.dep in ("dobj", "dative", "npadvmod") and c.pos in ("NOUN", "PROPN"):
            hit = ctx.lex.channel(phrase_lemmas(tree, c.i))
            if hit is not None:
                return hit
    return _VERB_CHANNELS.get(tree[verb].lemma)


def according_to(ctx: Context, tokens: list[int]) -> int | None:
    """The noun of "according to X" among the given tokens."""
    tree = ctx.tree
    for k in tokens:
        if tree[k].text.lower() != "according":
            continue
        for to in tree.children(k, "prep"):
            for p in tree.children(to.i, "pobj"):
                return p.i
    return None


def reported_clause(tree: Tree, verb: int) -> list[int]:
    """The tokens of what a reporting verb reports: its clausal complement, without "that"."""
    comps = tree.children(verb, "ccomp")
    if not comps:
        return []
    toks = [k for c in comps for k in tree.subtree(c.i)]
    marks = {c.i for comp in comps for c in tree.children(comp.i, "mark") if c.text.lower() == "that"}
    toks = sorted(k for k in toks if k not in marks)
    while toks and tree[toks[-1]].pos == "PUNCT" and tree[toks[-1]].text not in ("”", '"', "“"):
        toks.pop()
    return toks
