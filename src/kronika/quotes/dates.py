"""When a quotation was said: the time expression on its speech verb, resolved like event dates.

"Vucic said in 2019" is 2019; a time expression inside the quoted words dates what they talk about,
not the saying, so it is ignored; "he said at the time" takes the last date the article gave before;
with no time expression the quote is dated by the article (unknown stays unknown).
"""

from __future__ import annotations

from collections.abc import Collection

from kronika.nlp.timex import sentence_times, time_for
from kronika.nlp.tree import Tree

Date = tuple[str | None, str | None]


def quote_date(tree: Tree, verb: int | None, excluded: Collection[int], published: str | None,
               precision: str | None) -> Date:
    if verb is None:
        return published, precision if published else None
    sent = tree[verb].sent
    times = [t for t in sentence_times(tree, sent, published, precision)
             if not any(k in excluded for k in range(t.start, t.end))]
    t = time_for(tree, times, verb)
    if t is not None:
        return t.value, t.precision if t.value else None
    if _at_the_time(tree, verb, excluded):
        for s in range(sent - 1, max(sent - 4, -1), -1):
            earlier = [x for x in sentence_times(tree, s, published, precision) if x.value and not x.deadline]
            if earlier:
                return earlier[-1].value, earlier[-1].precision
    return published, precision if published else None


def _at_the_time(tree: Tree, verb: int, excluded: Collection[int]) -> bool:
    words = [tree[k].text.lower() for k in tree.subtree(verb) if k not in excluded]
    return any(words[i:i + 3] == ["at", "the", "time"] for i in range(len(words) - 2))
