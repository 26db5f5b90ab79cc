"""Turn spaCy parses into kronika records, so no later stage depends on spaCy.

Articles are parsed paragraph by paragraph (one line of the cleaned text each): news text keeps a
headline or paragraph per line, and the parser, given a whole article, sometimes runs a line into the
next or splits it oddly at the forced boundary. An over-long paragraph is parsed in pieces and runs
that are no words are left out (:mod:`kronika.nlp.chunks`). Offsets are shifted back into the
article's text.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from itertools import groupby

import numpy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, IDX, LEMMA, ORTH, POS, SPACY, TAG
from spacy.language import Language
from spacy.strings import StringStore
from spacy.tokens import Doc

from kronika.ingest.date_lines import AGENCY_DATELINE, CAPS_DATELINE
from kronika.nlp.chunks import paragraphs, pieces
from kronika.records import Article, Mention, ParsedDoc, Sentence, Token

__all__ = ["KEPT_LABELS", "paragraphs", "parse_articles", "to_parsed"]

# Labels kept from spaCy's NER: actors, and the dates the event stage resolves.
KEPT_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "DATE", "TIME"})


def to_parsed(article: Article, parts: Iterable[tuple[int, Doc]]) -> ParsedDoc:
    """Copy what the later stages need out of the spaCy parses of an article's paragraphs."""
    tokens: list[Token] = []
    sentences: list[Sentence] = []
    mentions: list[Mention] = []
    names, lemmas = _Names(StringStore(), str), _Names(StringStore(), str.lower)
    # One parse at a time: the parses of a long article are never all held at once.
    for offset, doc in parts:
        names.strings = lemmas.strings = doc.vocab.strings  # one vocabulary for them all
        base = len(tokens)
        # Doc.text and Span.text join the words token by token on every call: slice one copy instead,
        # of the article's own text (the parser was given its letters without accents, one for one)
        para = doc.text
        own = article.text[offset:offset + len(para)]
        if own != para and own.translate(_ASCII_LETTERS) == para:
            para = own  # (an unaccented paragraph keeps spaCy's words: no slicing per token)
        kept: list[tuple[int, int, int]] = []  # (first token, end token, sentence index)
        for sent in doc.sents:
            whole = para[sent.start_char:sent.end_char]
            text = whole.strip()
            if not text:
                continue
            lead = len(whole) - len(whole.lstrip())
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
            kept.append((sent.start, sent.end, n))
        # Tokens of a blank sentence belong to the last sentence kept so far.
        sent_of = [max(len(sentences) - 1, 0)] * len(doc)
        for first, stop, n in kept:
            sent_of[first:stop] = [n] * (stop - first)
        tokens.extend(_subjects_joined(_verbs_read_as_modifiers(
            _verbs_read_as_nouns(_tokens(doc, para, base, offset, sent_of, names, lemmas), base), base), base))
        mentions.extend(
            Mention(
                doc_id=article.doc_id,
                start_char=offset + ent.start_char,
                end_char=offset + ent.end_char,
                text=para[ent.start_char:ent.end_char],
                label=ent.label_,
                sentence=sent_of[ent.start],
            )
            for ent in doc.ents
            if ent.label_ in KEPT_LABELS
        )
    return ParsedDoc(article=article, tokens=tuple(tokens), sentences=tuple(sentences),
                     entities=tuple(mentions))


_COLUMNS = [ORTH, LEMMA, POS, TAG, DEP, HEAD, IDX, ENT_IOB, ENT_TYPE, SPACY]
_IOB = ("O", "I", "O", "B")  # spaCy's codes: 0 unset, 1 I, 2 O, 3 B


def _ascii_letters() -> dict[int, int]:
    """Latin letters with accents to the letter without, one character for one ("Pejaković" is
    "Pejakovic", "Şahin" "Sahin"): the small English model tags an accented name it has not seen as a
    common noun, and loses the sentence's subject. Offsets stay the same, so tokens keep the article's
    own text."""
    table: dict[int, int] = {}
    for code in range(0xC0, 0x250):
        base = unicodedata.normalize("NFKD", chr(code))[0]
        if base.isascii() and base.isalpha():
            table[code] = ord(base)
    table.update({ord(a): ord(b) for a, b in zip("ØøŁłĐđıßÆæŒœÞþÐð", "OoLlDdisAaOoTtDd", strict=True)})
    return table


_ASCII_LETTERS = _ascii_letters()


class _Names(dict[int, str]):
    """String ids resolved (and transformed) once per article: tags, labels and common words repeat."""

    def __init__(self, strings: StringStore, how: Callable[[str], str]) -> None:
        super().__init__()
        self.strings = strings
        self.how = how

    def __missing__(self, key: int) -> str:
        value = self[key] = self.how(self.strings[key])
        return value


def _tokens(doc: Doc, para: str, base: int, offset: int, sent_of: list[int], names: _Names, lemmas: _Names
            ) -> list[Token]:
    """The tokens of one parse, read column by column from one array of attribute ids: attribute
    access on spaCy's Token objects, field by field, cost more than the rest of the copy. A token's
    text is the article's (``para``), accents and all."""
    table = doc.to_array(_COLUMNS)
    orth, lemma, pos, tag, dep, _, idx, iob, ent, space = table.T.tolist()
    heads = (table[:, 5].astype("int64") + numpy.arange(base, base + len(doc))).tolist()  # relative, unsigned
    get = names.__getitem__
    words = map(get, orth) if para is doc.text else \
        (para[k:k + len(w)] for k, w in zip(idx, map(get, orth), strict=True))
    return list(map(Token, range(base, base + len(doc)), words, map(lemmas.__getitem__, lemma),
                    map(get, pos), map(get, tag), map(get, dep), heads, [offset + k for k in idx], sent_of,
                    map(_IOB.__getitem__, iob), map(get, ent), map(bool, space)))


def _verbs_read_as_nouns(tokens: list[Token], base: int) -> list[Token]:
    """A word the tagger calls a noun but the parser gives a subject and a direct object is a verb
    (Russia "reserves the right to respond": quotation marks mislead the tagger, not the parser)."""
    subject, obj = set(), set()
    for t in tokens:
        if t.dep == "nsubj":
            subject.add(t.head)
        elif t.dep == "dobj":
            obj.add(t.head)
    for k in subject & obj:
        t = tokens[k - base]
        if t.pos == "NOUN" and t.tag in ("NN", "NNS"):
            tokens[k - base] = replace(t, pos="VERB", tag="VBZ" if t.tag == "NNS" else "VBP")
    return tokens


def _subjects_joined(tokens: list[Token], base: int) -> list[Token]:
    """Two subjects of one verb joined by "and" ("Minister X and Minister Y signed"): the parser sometimes
    gives the verb both as subjects, the "and" hanging on the first; the second is the first's conjunct."""
    subjects: dict[int, list[Token]] = {}
    for t in tokens:
        if t.dep == "nsubj":
            subjects.setdefault(t.head, []).append(t)
    for pair in subjects.values():
        if len(pair) != 2:
            continue
        first, second = pair
        if any(t.dep == "cc" and t.head == first.i and first.i < t.i < second.i
               for t in tokens[first.i - base + 1:second.i - base]):
            tokens[second.i - base] = replace(second, dep="conj", head=first.i)
    return tokens


_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _verbs_read_as_modifiers(tokens: list[Token], base: int) -> list[Token]:
    """A sentence whose root is a noun and whose first finite verb the parser hung on a noun as a
    modifier ("Djibouti's foreign minister, X, spoke/acl by telephone with ...", "Police in Guinea-Bissau
    fired/amod tear gas") is a clause with that verb: the small parser drops the verb when a long
    subject (apposition, a hyphenated place) precedes it, and every event of the sentence is lost.
    The verb becomes the root, the old root its subject, and the noun it modified (when it follows)
    its object."""
    for _, group in groupby(tokens, key=lambda t: t.sent):
        sent = list(group)
        roots = [t for t in sent if t.dep == "ROOT"]
        if len(roots) != 1 or roots[0].pos not in ("NOUN", "PROPN", "PRON"):
            continue
        root = roots[0]
        verb = next((t for t in sent if t.tag in _FINITE), None)
        if (verb is None or verb.tag != "VBD" or verb.dep not in ("acl", "amod") or verb.i < root.i
                or any(t.head == verb.i and t.dep in ("nsubj", "nsubjpass") for t in sent)):
            continue
        _reroot(tokens, base, sent, root, verb)
    return tokens


def _reroot(tokens: list[Token], base: int, sent: list[Token], root: Token, verb: Token) -> None:
    def put(t: Token, **changes: object) -> None:
        tokens[t.i - base] = replace(tokens[t.i - base], **changes)  # type: ignore[arg-type]

    modified = tokens[verb.head - base]
    put(verb, dep="ROOT", head=verb.i)
    put(root, dep="nsubj", head=verb.i)
    for t in sent:
        if t.head == root.i and t.i > verb.i:
            put(t, head=verb.i)
    if modified.i > verb.i and modified.i != root.i:
        # What the parser read as the noun's left modifiers before the verb ("Guinea-Bissau" in
        # "in Guinea-Bissau fired tear gas") ends the phrase the noun stood in for.
        before = [t for t in sent if t.head == modified.i and t.i < verb.i]
        if before:
            last = before[-1]
            put(last, dep=modified.dep, head=modified.head)
            for t in before[:-1]:
                put(t, head=last.i)
        put(modified, dep="dobj", head=verb.i)


# What spaCy is given in one batch: at most this many pieces, and about this many characters (its
# memory grows with the characters of a batch: a batch of 64 pieces of 10,000 would take ~3 GB).
PIPE_PIECES = 64
PIPE_CHARS = 40_000


def parse_articles(nlp: Language, articles: Iterable[Article], *, batch_size: int = PIPE_PIECES
                   ) -> Iterator[ParsedDoc]:
    """Parse articles in order, one ``ParsedDoc`` each (``nlp.pipe`` keeps the input order)."""
    by_number: dict[int, Article] = {}

    def units() -> Iterator[tuple[str, tuple[int, int]]]:
        for n, article in enumerate(articles):
            by_number[n] = article
            for offset, piece in _dateline_apart(pieces(article.text)[0]) or [(0, "")]:
                yield piece.translate(_ASCII_LETTERS), (n, offset)

    piped = (pair for batch in _batches(units(), batch_size)
             for pair in nlp.pipe(batch, as_tuples=True, batch_size=len(batch)))
    for n, group in groupby(piped, key=lambda pair: pair[1][0]):
        yield to_parsed(by_number.pop(n), ((offset, doc) for doc, (_, offset) in group if doc.text))


def _dateline_apart(parts: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The wire's dateline ("BISSAU —", "NAIROBI, May 2 (Reuters) -") parsed as a line of its own: run
    into the first sentence, it makes the parser read that sentence's verb as a modifier ("BISSAU — Police
    in Guinea-Bissau fired tear gas": "fired" an adjective of "gas")."""
    if not parts:
        return parts
    offset, first = parts[0]
    found = CAPS_DATELINE.match(first) or AGENCY_DATELINE.match(first)
    if found is None or not first[found.end():].strip():
        return parts
    cut = found.end()
    return [(offset, first[:cut].rstrip()), (offset + cut, first[cut:]), *parts[1:]]


def _batches(units: Iterator[tuple[str, tuple[int, int]]], size: int
             ) -> Iterator[list[tuple[str, tuple[int, int]]]]:
    batch: list[tuple[str, tuple[int, int]]] = []
    chars = 0
    for unit in units:
        if batch and (len(batch) >= size or chars + len(unit[0]) > PIPE_CHARS):
            yield batch
            batch, chars = [], 0
        batch.append(unit)
        chars += len(unit[0])
    if batch:
        yield batch
