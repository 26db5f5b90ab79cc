"""Quotes: who said what, when, in which article.

``run`` finds the quotations of one parsed document (between quote marks, and reported speech such as
"Vulin said that ...") and attributes each to a speaker resolved by the actors stage, with the channel
(statement, Facebook, interview...) and the date of the saying. ``attribute_events`` marks the events
told inside a quotation with its speaker (``Event.reported_by``).

Modules: ``spans`` (where the quotations are), ``attribution`` (which verb and subject say them),
``speakers`` (who that subject is), ``dates`` (when), ``lexicon`` (the words, from ``data/*.yaml``).
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from dataclasses import replace

from kronika.actors import ActorResult
from kronika.events import EventResources
from kronika.nlp.tree import Tree
from kronika.quotes.attribution import Attribution, attribute, speaker_of_verb
from kronika.quotes.dates import quote_date
from kronika.quotes.lexicon import default_lexicon
from kronika.quotes.spans import Stretch, direct_stretches, reported_stretches
from kronika.quotes.speakers import Context
from kronika.records import Citation, Event, ParsedDoc, Quote

__all__ = ["attribute_events", "quote_id", "run"]

# An unattributed quotation this short is a scare quote or a name ("the so-called “Serbian world”").
_MIN_UNATTRIBUTED_WORDS = 5


def quote_id(doc_id: str, char_start: int, char_end: int, direct: bool) -> str:
    """Content-derived id: the same quotation of the same article, whatever the run."""
    raw = f"{doc_id}|{char_start}|{char_end}|{'direct' if direct else 'reported'}".encode()
    return hashlib.sha1(raw).hexdigest()[:20]


def run(parsed: ParsedDoc, found: ActorResult, res: EventResources) -> list[Quote]:
    """Quotations of one document with their speakers, in text order."""
    tree = found.tree
    art = parsed.article
    ctx = Context(tree, found.view, default_lexicon())
    direct = direct_stretches(tree)
    quoted = {k for s in direct for k in s.tokens}
    stretches = sorted(direct + reported_stretches(tree, ctx.lex, direct), key=lambda s: (s.start, -s.end))
    out: list[Quote] = []
    previous: tuple[Stretch, Attribution] | None = None
    for st in stretches:
        att = _attribution(ctx, st, art.published)
        if att is None and st.direct and previous is not None and _whole_sentences(tree, st) and \
                st.sentences.start - previous[0].sentences.stop <= 1:
            att = previous[1]  # the next paragraph of a quote, or a quote continued after a break
        short = len(tree.text[st.start:st.end].split()) < _MIN_UNATTRIBUTED_WORDS
        if att is None and (not st.direct or short):
            continue
        if st.direct and att is not None:
            previous = (st, att)
        date, precision = quote_date(tree, att.verb if att else None, quoted | st.tokens,
                                     art.published, art.date_precision)
        out.append(_record(parsed, st, att, date, precision))
    return out


def _whole_sentences(tree: Tree, st: Stretch) -> bool:
    """Whether the quotation fills its sentences (a continued quote), rather than a few words of one."""
    words = [k for s in st.sentences for k in tree.sentence_tokens(s) if tree[k].pos != "PUNCT"]
    return sum(k in st.tokens for k in words) >= 0.8 * len(words)


def _attribution(ctx: Context, st: Stretch, published: str | None) -> Attribution | None:
    if st.direct:
        return attribute(ctx, set(st.tokens), st.sentences, published)
    assert st.verb is not None
    sp = speaker_of_verb(ctx, st.verb, set(st.tokens), published)
    return Attribution(st.verb, sp) if sp is not None else None


def _record(parsed: ParsedDoc, st: Stretch, att: Attribution | None, date: str | None,
            precision: str | None) -> Quote:
    art = parsed.article
    raw_start, raw_end = art.to_raw(st.start), art.to_raw(st.end)
    sents = parsed.sentences[st.sentences.start:st.sentences.stop]
    cite = Citation(doc_id=art.doc_id, source_file=art.source_file, sentence=st.sentences.start,
                    char_start=raw_start, char_end=raw_end, outlet=art.outlet, published=art.published,
                    url=art.url, text=" ".join(s.text for s in sents))
    sp = att.speaker if att else None
    return Quote(
        id=quote_id(art.doc_id, raw_start, raw_end, st.direct), doc_id=art.doc_id,
        text=art.text[st.start:st.end], speaker=sp.name if sp else None,
        speaker_key=sp.key if sp else None, speaker_text=sp.text if sp else None,
        channel=sp.channel if sp else None, date=date, date_precision=precision, direct=st.direct,
        cite=cite,
    )


def attribute_events(events: list[Event], quotes: list[Quote], parsed: ParsedDoc) -> list[Event]:
    """Mark events told inside a quotation or reported speech with the speaker (``reported_by``).

    When quotations nest (a direct quote inside a reported clause), the innermost one speaks.
    """
    art = parsed.article
    spans = sorted(((q.cite.char_start, q.cite.char_end, q.speaker) for q in quotes
                    if q.speaker and q.doc_id == art.doc_id), key=lambda s: (s[0], s[1]))
    if not spans:
        return events
    starts = [s[0] for s in spans]
    out: list[Event] = []
    for ev in events:
        at = art.to_raw(ev.trigger_start)
        holders = [s for s in spans[:bisect_right(starts, at)] if s[0] <= at < s[1]]
        if holders and ev.reported_by is None:
            inner = min(holders, key=lambda s: s[1] - s[0])
            ev = replace(ev, reported_by=inner[2])
        out.append(ev)
    return out
