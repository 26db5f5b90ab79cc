"""What spaCy is given: pieces of bounded length cut at sentence or clause ends, and no run that is no
words. Texts are ours."""

from __future__ import annotations

import re

from kronika.ingest import article_from_text
from kronika.nlp.chunks import CHUNK_CHARS, MAX_RUN, MAX_SYMBOLS, pieces, unparsed_runs

SENTENCE = "Serbia and Russia signed an agreement on gas supplies in Belgrade on Tuesday. "


def covered(text: str) -> str:
    """The text with everything outside the pieces blanked out."""
    out = [" "] * len(text)
    for offset, piece in pieces(text)[0]:
        assert text[offset:offset + len(piece)] == piece, "pieces are slices of the text at their offsets"
        out[offset:offset + len(piece)] = piece
    return "".join(out)


def test_a_paragraph_over_spacy_s_limit_is_cut_at_sentence_ends() -> None:
    text = SENTENCE * (2_100_000 // len(SENTENCE))
    parts, skipped = pieces(text)
    assert skipped == []
    assert max(len(p) for _, p in parts) <= CHUNK_CHARS
    assert all(p.rstrip().endswith("Tuesday.") for _, p in parts[:-1])
    assert covered(text).split() == text.split(), "nothing is lost between pieces"


def test_with_no_sentence_end_a_list_is_cut_after_a_comma_then_at_a_space() -> None:
    names = "Serbia, Russia, " * 4_000
    assert all(p.rstrip().endswith(",") for _, p in pieces(names)[0][:-1])
    words = "Serbia Russia " * 4_000
    parts = pieces(words)[0]
    assert max(len(p) for _, p in parts) <= CHUNK_CHARS
    assert covered(words).split() == words.split()


def test_paragraphs_stay_apart_and_short_ones_are_untouched() -> None:
    text = "Talks in Vienna\n\nAustria thanked Hungary. Hungary promised help.\nA third line.\n"
    assert pieces(text) == ([(0, "Talks in Vienna"), (17, "Austria thanked Hungary. Hungary promised help."),
                             (65, "A third line.")], [])


def test_runs_that_are_no_words_are_left_out_and_named() -> None:
    text = f"Austria thanked Hungary. {',' * 1_000_000} Hungary replied. {'=' * (MAX_SYMBOLS + 1)} end " \
           f"{'a' * (MAX_RUN + 1)} tail {'😀' * 500}"
    runs = unparsed_runs(text)
    assert [(u.end - u.start, u.why) for u in runs] == [
        (1_000_000, "no space"), (MAX_SYMBOLS + 1, "no word"), (MAX_RUN + 1, "no space"), (500, "no word")]
    assert covered(text).split() == ["Austria", "thanked", "Hungary.", "Hungary", "replied.", "end", "tail"]
    assert runs[0].describe() == ("characters 25-1,000,025: a run of 1,000,000 characters with no space was "
                                  "not parsed")
    # a word, a URL, a separator line and a short run of marks are text
    fine = "See https://example.com/a/b?c=d&e=f " + "-" * 80 + " Really?!! " + "x" * 5_000
    assert unparsed_runs(fine) == []


def test_a_long_paragraph_parses_with_offsets_into_the_article(nlp) -> None:
    from kronika.nlp.parse import parse_articles

    text = "Gas accord\n\n2024-06-11\n\n" + SENTENCE * 400  # 31,600 characters in one paragraph
    article = article_from_text(text, source_file="a.txt", source_path="a.txt")
    parsed = next(parse_articles(nlp, [article]))
    assert len(parsed.sentences) >= 400
    for s in parsed.sentences:
        assert article.text[s.start:s.end] == s.text
    for t in parsed.tokens[::97]:
        assert article.text[t.idx:t.idx + len(t.text)] == t.text
    assert sum(1 for s in parsed.sentences if re.fullmatch(re.escape(SENTENCE.strip()), s.text)) >= 398
