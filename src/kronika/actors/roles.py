"""Roles over time: the titles people hold, with the dates that bound them.

Every title seen next to a name becomes a role seen on the article's date. Sentences about taking or
leaving a post ("was appointed deputy prime minister at the beginning of May", "stepped down from
that post in November 2023") give ``since`` and ``until``; "the former head of ..." marks a role that
had ended by the article's date.
"""

from __future__ import annotations

from kronika.actors.gazetteer import Gazetteer
from kronika.actors.titles import TitleSeen, read_title
from kronika.nlp.timex import sentence_times, time_for
from kronika.nlp.tree import Tree
from kronika.records import Role

_START = frozenset({"appoint", "name", "elect", "become", "swear", "nominate", "promote", "reappoint",
                    "re-elect", "install", "choose", "inaugurate"})
_END = frozenset({"resign", "quit", "leave", "dismiss", "sack", "fire", "oust", "remove", "replace",
                  "retire", "depose", "step"})


def _before(a: str, b: str) -> bool:
    """Whether date ``a`` is not after date ``b`` at their shared precision."""
    n = min(len(a), len(b))
    return a[:n] <= b[:n]


def sector_on(titles: list[TitleSeen], roles: list[Role], when: str | None) -> str | None:
    """The sector of the role a person held on a date (their current role when the date is unknown)."""
    if roles and when:
        valid = [r for r in roles if r.sector and (r.since is None or _before(r.since, when))
                 and (r.until is None or _before(when, r.until))
                 and not (r.former and r.first_seen and _before(r.first_seen, when))]
        if valid:
            current = [r for r in valid if r.since is None and r.until is None and not r.former]
            dated = [r for r in valid if r.since or r.until or r.former]
            return (dated or current)[0].sector if when < (roles[0].first_seen or "9") else \
                (current or dated)[0].sector
    live = [t for t in titles if not t.former and t.sector]
    if live:
        return live[0].sector
    return "ELI" if titles else None


def build_roles(tree: Tree, gaz: Gazetteer, key_tokens: dict[int, str], titles: dict[str, list[TitleSeen]],
                published: str | None, precision: str | None, doc_id: str) -> dict[str, list[Role]]:
    """Roles per person key, with since/until taken from appointment and resignation sentences."""
    roles: dict[str, list[Role]] = {}
    for key, seen in titles.items():
        out: list[Role] = []
        for t in seen:
            if any(r.title == t.title for r in out):
                continue
            out.append(Role(title=t.title, sector=t.sector, country=t.country, first_seen=published,
                            last_seen=published, former=t.former, doc_id=doc_id))
        roles[key] = out
    for tok in tree.tokens:
        if tok.pos not in ("VERB", "AUX") or tok.lemma not in _START | _END:
            continue
        if tok.lemma == "step" and not any(c.text.lower() in ("down", "aside") for c in tree.children(tok.i)):
            continue
        subj = next((c for c in tree.children(tok.i, "nsubj", "nsubjpass")), None)
        if subj is None or subj.i not in key_tokens:
            continue
        key = key_tokens[subj.i]
        times = sentence_times(tree, tok.sent, published, precision)
        when = time_for(tree, times, tok.i)
        value = when.value if when else None
        mine = roles.setdefault(key, [])
        if tok.lemma in _START:
            title = _title_in(tree, tok.i, titles.get(key, []))
            if title is None:
                post = _new_title(tree, gaz, tok.i)
                if post is not None:
                    title = post.title
                    mine.append(Role(title=post.title, sector=post.sector, country=post.country,
                                     first_seen=published, last_seen=published, doc_id=doc_id))
            _set(mine, title, since=value)
        else:
            _set(mine, _ended_title(mine), until=value)
    return roles


def _title_in(tree: Tree, verb: int, seen: list[TitleSeen]) -> str | None:
    """The post a person was appointed to: a title among the verb's complements."""
    words = " ".join(tree[k].text.lower() for c in tree.children(verb, "oprd", "attr", "xcomp", "dobj")
                     for k in tree.subtree(c.i))
    for t in sorted(seen, key=lambda t: -len(t.title)):
        if t.title.lower() in words:
            return t.title
    return None


def _new_title(tree: Tree, gaz: Gazetteer, verb: int) -> TitleSeen | None:
    """"was appointed deputy prime minister": the post named as the verb's complement."""
    for c in tree.children(verb, "oprd", "attr", "xcomp", "dobj", "advmod", "npadvmod"):
        seen = read_title(tree, gaz, tree.subtree(c.i))
        if seen is not None:
            return seen
    return None


def _ended_title(roles: list[Role]) -> str | None:
    """The post someone left: the role called former, else the one seen first."""
    former = [r for r in roles if r.former]
    return (former or roles)[0].title if roles else None


def _set(roles: list[Role], title: str | None, *, since: str | None = None, until: str | None = None) -> None:
    if title is None:
        return
    for n, r in enumerate(roles):
        if r.title == title:
            roles[n] = Role(r.title, r.sector, r.country, r.first_seen, r.last_seen,
                            since=since or r.since, until=until or r.until, former=r.former or bool(until),
                            doc_id=r.doc_id)
            return
