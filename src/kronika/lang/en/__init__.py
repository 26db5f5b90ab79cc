"""English: folding text for comparison, calendar words, stopwords, quote marks, the words of speech."""

from kronika.lang.en.dates import MONTHS, WEEKDAYS
from kronika.lang.en.folding import fold
from kronika.lang.en.punctuation import DOUBLE_QUOTE_MARKS, QUOTE_PAIRS, SINGLE_QUOTES
from kronika.lang.en.speech import SpeechWords, load_speech
from kronika.lang.en.stop_words import STOP_WORDS

__all__ = ["DOUBLE_QUOTE_MARKS", "MONTHS", "QUOTE_PAIRS", "SINGLE_QUOTES", "STOP_WORDS", "WEEKDAYS", "SpeechWords",
           "fold", "load_speech"]
