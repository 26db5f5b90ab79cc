"""Turn spaCy parses into kronika records, so no later stage depends on spaCy.

Articles are parsed paragraph by paragraph (one line of the cleaned text each): news text keeps a
headline or paragraph per line, and the parser, given a whole article, sometimes runs a line into the
next or splits it oddly at the forced boundary. Offsets are shifted back into the article's text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import groupby

from spacy.language import Language
from spacy.tokens import Doc

from kronika.records import Article, Mention, ParsedDoc, Sentence, Token

# Labels kept from spaCy's NER: actors, and the dates the event stage resolves.
KEPT_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "DATE", "TIME"})
_PARAGRAPH = re.compile(r"[^\n]+")


_ENDS = tuple('.!?:;"”’)…»“')


def paragraphs(text: str) -> list[tuple[int, str]]:
    """Paragraphs with their start offsets: one a line, except that a hard-wrapped line (no closing
    punctuation, the next line going on in lower case) continues on the next."""
    lines = [(m.start(), m.group()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]
    out: list[tuple[int, str]] = []
    for start, line in lines:
        if out:
            prev_start, prev = out[-1]
            gap = text[prev_start + len(prev):start]
            if gap.count("\n") == 1 and not prev.rstrip().endswith(_ENDS) and line.lstrip()[:1].islower():
                out[-1] = (prev_start, text[prev_start:start + len(line)])
                continue
        out.append((start, line))
    return out


def to_parsed(article: Article, parts: Iterable[tuple[int, Doc]]) -> ParsedDoc:
    """Copy what the later stages need out of the spaCy parses of an article's paragraphs."""
    tokens: list[Token] = []
    sentences: list[Sentence] = []
    mentions: list[Mention] = []
    for offset, doc in parts:
        base = len(tokens)
        sent_of: dict[int, int] = {}
        for sent in doc.sents:
            text = sent.text.strip()
            if not text:
                continue
            lead = len(sent.text) - len(sent.text.lstrip())
            start = offset + sent.start_char + lead
            end = start + len(text)
            n = len(sentences)
            sentences.append(
                Sentence(
                    doc_id=article.doc_id,
                    index=n,
                    start=start,
                    end=end,
                    text=text,
                    raw_start=article.to_raw(start),
                    raw_end=article.to_raw(end),
                    first_token=base + sent.start,
                    last_token=base + sent.end,
                )
            )
            for tok in sent:
                sent_of[tok.i] = n
        last = max(len(sentences) - 1, 0)
        for t in doc:
            tokens.append(
                Token(
                    i=base + t.i,
                    text=t.text,
                    lemma=t.lemma_.lower(),
                    pos=t.pos_,
                    tag=t.tag_,
                    dep=t.dep_,
                    head=base + t.head.i,
                    idx=offset + t.idx,
                    sent=sent_of.get(t.i, last),
                    ent_iob=t.ent_iob_ or "O",
                    ent_type=t.ent_type_,
                    ws=bool(t.whitespace_),
                )
            )
        mentions.extend(
            Mention(
                doc_id=article.doc_id,
                start_char=offset + ent.start_char,
                end_char=offset + ent.end_char,
                text=ent.text,
                label=ent.label_,
                sentence=sent_of.get(ent.start, last),
            )
            for ent in doc.ents
            if ent.label_ in KEPT_LABELS
        )
    return ParsedDoc(article=article, tokens=tuple(tokens), sentences=tuple(sentences),
                     entities=tuple(mentions))


def parse_articles(
    nlp: Language, articles: Iterable[Article], *, batch_size: int = 64, n_process: int = 1
) -> Iterator[ParsedDoc]:
    """Parse articles in order, one ``ParsedDoc`` each (``nlp.pipe`` keeps the input order)."""
    by_number: dict[int, Article] = {}

    def units() -> Iterator[tuple[str, tuple[int, int]]]:
        for n, article in enumerate(articles):
            by_number[n] = article
            paras = paragraphs(article.text) or [(0, "")]
            for offset, para in paras:
                yield para, (n, offset)

    piped = nlp.pipe(units(), as_tuples=True, batch_size=batch_size, n_process=n_process)
    for n, group in groupby(piped, key=lambda pair: pair[1][0]):
        parts = [(offset, doc) for doc, (_, offset) in group if doc.text]
        yield to_parsed(by_number.pop(n), parts)
