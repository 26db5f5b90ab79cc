"""Language data, as spaCy keeps it: one folder per language, and each word list in one place there.

kronika reads English news; ``lang/en`` holds the words and marks its stages share (months, stopwords,
quote marks, speech verbs) and the one way names and phrases are folded for comparison.
"""
