"""Coding an article's photo captions as extra citations, in the context of its body.

A caption read alone loses who its names are ("Vucic wrote on Facebook" has no title, so no country),
so its parse is appended to the body's: the actors stage then resolves the caption's names against the
whole article, and only the events and quotes that stand in the caption are kept, flagged as read in a
caption. The body's own parse and records are left exactly as they were.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

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


Coder = Callable[[ParsedDoc], tuple[list[Event], list[Quote]]]


def caption_records(body: ParsedDoc, captions: ParsedDoc, code: Coder,
                    body_quotes: list[Quote]) -> tuple[list[Event], list[Quote]]:
    """The events and quotes read in the captions, coded with the body as context.

    A caption quote that repeats a body quote word for word is the same quotation: it is dropped
    here (its event, if any, is kept and merged by the corroboration step, which counts sources).
    """
    joined = join_parsed(body, captions)
    first = len(body.sentences)
    evs, qs = code(joined)
    events = [replace(e, cite=replace(e.cite, caption=True)) for e in evs if e.sentence >= first]
    said = {_norm(q.text) for q in body_quotes}
    quotes = [replace(q, cite=replace(q.cite, caption=True)) for q in qs
              if q.cite.sentence >= first and _norm(q.text) not in said]
    return events, quotes


def _norm(text: str) -> str:
    return " ".join("".join(c for c in text.lower() if c.isalnum() or c.isspace()).split())

