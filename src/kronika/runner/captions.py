"""Coding an article's photo captions as extra citations, in the context of its body.

A caption read alone loses who its names are ("Vucic wrote on Facebook" has no title, so no country),
so its parse is appended to the body's and the two are coded once, as one text: the actors stage
resolves the caption's names against the whole article, but only the body makes the document's
context (:func:`kronika.actors.run`), so the body's records are those it has alone. The events and
quotes that stand in the caption are flagged as read in a caption.
"""

from __future__ import annotations

from dataclasses import replace

from kronika.quotes import attribute_events
from kronika.records import Article, Event, Mention, ParsedDoc, Quote, Segment, Sentence

_GAP = "\n\n"  # between the body and the captions in the joined text: a paragraph break


def joined_article(body: Article, captions: Article) -> Article:
    """The body followed by the captions, with segments for both (offsets of the captions shifted)."""
    shift = len(body.text) + len(_GAP)
    segments = body.segments + tuple(Segment(s.clean_start + shift, s.raw_start, s.length)
                                     for s in captions.segments)
    return replace(body, text=body.text + _GAP + captions.text, segments=segments)


def join_parsed(body: ParsedDoc, captions: ParsedDoc) -> ParsedDoc:
    """One parsed document: the body's parse, then the captions' with every index shifted."""
    art = joined_article(body.article, captions.article)
    shift = len(body.article.text) + len(_GAP)
    nt, ns = len(body.tokens), len(body.sentences)
    tokens = tuple(replace(t, i=t.i + nt, head=t.head + nt, idx=t.idx + shift, sent=t.sent + ns)
                   for t in captions.tokens)
    sentences = tuple(Sentence(doc_id=s.doc_id, index=s.index + ns, start=s.start + shift, end=s.end + shift,
                               text=s.text, raw_start=s.raw_start, raw_end=s.raw_end,
                               first_token=s.first_token + nt, last_token=s.last_token + nt)
                      for s in captions.sentences)
    mentions = tuple(Mention(m.doc_id, m.start_char + shift, m.end_char + shift, m.text, m.label,
                             m.sentence + ns, m.entity_key) for m in captions.entities)
    return ParsedDoc(article=art, tokens=body.tokens + tokens, sentences=body.sentences + sentences,
                     entities=body.entities + mentions)


def split_records(events: list[Event], quotes: list[Quote], body: ParsedDoc,
                  whole: ParsedDoc) -> tuple[list[Event], list[Quote]]:
    """The records of a body coded with its captions (``whole``), each caption's flagged as read in
    one, and every event marked with the speaker of a quotation that holds it.

    A body event is spoken only by the body's quotations (a caption's raw offsets may hold a body's
    when the caption repeats it). A caption quote that repeats a body quote word for word is the same
    quotation: it is dropped (its event, if any, is kept and merged by the corroboration step, which
    counts sources).
    """
    first = len(body.sentences)
    said = [q for q in quotes if q.cite.sentence < first]
    told = attribute_events([e for e in events if e.sentence < first], said, body)
    shown = attribute_events([e for e in events if e.sentence >= first], quotes, whole)
    repeated = {_norm(q.text) for q in said}
    shown_quotes = [q for q in quotes if q.cite.sentence >= first and _norm(q.text) not in repeated]
    return (told + [replace(e, cite=replace(e.cite, caption=True)) for e in shown],
            said + [replace(q, cite=replace(q.cite, caption=True)) for q in shown_quotes])


def _norm(text: str) -> str:
    return " ".join("".join(c for c in text.lower() if c.isalnum() or c.isspace()).split())
