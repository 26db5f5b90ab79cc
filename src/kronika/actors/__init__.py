"""Actors: canonical entities with countries, sectors and time-scoped roles.

``run`` works on one parsed document; ``merge`` (in :mod:`kronika.actors.merge`) joins the documents'
entities across the whole store.
"""

from __future__ import annotations

from dataclasses import dataclass

from kronika.actors.gazetteer import Gazetteer, load_gazetteer
from kronika.actors.knowledge import KnowledgeBase, load_knowledge
from kronika.actors.mentions import PERSON, find_spans
from kronika.actors.normalize import clean_name
from kronika.actors.resolve import DocActors, build, with_later
from kronika.actors.roles import build_roles
from kronika.actors.view import ActorView
from kronika.lang.en import SpeechWords, fold, load_speech
from kronika.nlp.tree import Tree
from kronika.records import Article, Entity, Mention, ParsedDoc, Problem

__all__ = ["ActorResources", "ActorResult", "ActorView", "load_resources", "run"]


@dataclass(frozen=True)
class ActorResult:
    """One document's actors: records for the store, and the view the event and quote stages read."""

    entities: tuple[Entity, ...]
    mentions: tuple[Mention, ...]
    view: ActorView
    problems: tuple[Problem, ...] = ()

    @property
    def tree(self) -> Tree:
        return self.view.tree


@dataclass(frozen=True)
class ActorResources:
    """What the actors stage reads, loaded once per worker: the gazetteer (countries, bodies, titles,
    written for kronika), the knowledge base of people and groups (converted from PETRARCH2's) and
    the words of speech."""

    gazetteer: Gazetteer
    knowledge: KnowledgeBase
    speech: SpeechWords  # who "I" is in a quotation, and which names speak


def load_resources() -> ActorResources:
    return ActorResources(gazetteer=load_gazetteer(), knowledge=load_knowledge(), speech=load_speech())


def run(parsed: ParsedDoc, res: ActorResources, *, context: ParsedDoc | None = None) -> ActorResult:
    """Find, group and resolve the actors of one document.

    ``context`` is a leading part of ``parsed`` (the body, before photo captions): only its names make
    the document's context (its main country, its pair of countries, who a surname or a title stands
    for), so what the sentences after it say changes nothing their words are resolved to. Those later
    sentences are resolved in the whole text, and their names join the context's entities of the same
    key (or add entities of their own).
    """
    tree = Tree(parsed)
    doc = _resolve(tree, res, parsed.article)
    if context is not None and len(context.sentences) < len(parsed.sentences):
        doc = with_later(_resolve(Tree(context), res, parsed.article), doc, len(context.tokens))
    art = parsed.article
    entities = []
    for c in doc.clusters.values():
        forms = set(c.forms) | {clean_name(s.text) for s in c.later}
        aliases = sorted({f for f in forms if fold(f) != fold(c.name)} | c.extra_aliases)
        entities.append(Entity(
            key=c.key, name=c.name, type=c.kind, country=c.country,
            sector=c.sector if c.kind != PERSON else (c.titles[0].sector if c.titles else c.known_sector),
            aliases=tuple(aliases), roles=tuple(c.roles), mentions=len(c.spans) + len(c.later),
            doc_ids=(art.doc_id,),
        ))
    mentions = []
    for s in doc.spans + doc.later:
        owner = doc.token_key.get(s.head)
        start, end = tree[s.start].idx, tree[s.end - 1].end
        mentions.append(Mention(art.doc_id, start, end, clean_name(s.text) or s.text, s.kind,
                                s.sentence, owner))
    return ActorResult(entities=tuple(entities), mentions=tuple(mentions), view=ActorView(tree, doc, res.gazetteer))


def _resolve(tree: Tree, res: ActorResources, art: Article) -> DocActors:
    """The entities of a parsed text, with the roles its sentences give its people."""
    gaz = res.gazetteer
    spans = find_spans(tree, gaz, res.knowledge)
    doc = build(tree, gaz, spans, res.speech, res.knowledge, art.published, art.dateline)
    titles = {c.key: c.titles for c in doc.clusters.values() if c.kind == PERSON}
    roles = build_roles(tree, gaz, doc.token_key, titles, art.published, art.date_precision, art.doc_id)
    for key, rs in roles.items():
        if key in doc.clusters:
            doc.clusters[key].roles = rs
    return doc
