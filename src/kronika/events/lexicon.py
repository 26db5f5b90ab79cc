"""Loading and checking the event lexicon (triggers, modality cues, contexts).

The lexicon is data under ``events/data``; this module only reads it, checks its shape once, and
indexes it for the trigger finder. Triggers come from two files: ``triggers.yaml``, kronika's own,
and ``cameo_triggers.yaml``, converted from the CAMEO verb dictionary by
``tools/convert_cameo_verbs.py``. The own file is read first: where a word's entries tie on
specificity and weight, the trigger finder keeps the first, so kronika's own entry wins.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kronika import datafiles
from kronika.datafiles import BOOL, NUMBER, STR, WORDS, ListOf, MapOf, OneOf, Record, Schema
from kronika.errors import ConfigError
from kronika.plover import CATEGORY, CONTEXTS

# Trigger files in the order they are read (own first, see above) and the source each entry records.
TRIGGER_FILES = (("triggers.yaml", "kronika"), ("cameo_triggers.yaml", "cameo"))

# The files' shapes (what the values mean is checked below). modality.yaml and arguments.yaml are named
# word lists, some grouped one level down ("hypothetical" -> "markers") or in pairs (non_events).
TRIGGERS = Schema(1, Record({"triggers": ListOf(Record(
    {"lemma": STR, "pos": STR, "event": STR},
    {"mode": STR, "particle": STR, "prep": STR, "objects": WORDS, "context": WORDS, "light": BOOL,
     "passive_recipient": BOOL, "weight": NUMBER, "cameo": STR}))}))
CONTEXT_KEYWORDS = Schema(1, Record({"keywords": MapOf(STR)}))
MODALITY = Schema(1, MapOf(OneOf((WORDS, MapOf(WORDS)))))
ARGUMENTS = Schema(1, MapOf(OneOf((WORDS, MapOf(WORDS), ListOf(WORDS)))))


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    lemma: str
    pos: str
    event: str
    mode: str | None = None
    particle: str | None = None
    prep: str | None = None
    objects: frozenset[str] = frozenset()
    context: tuple[str, ...] = ()
    light: bool = False
    passive_recipient: bool = True
    weight: float = 1.0
    source: str = "kronika"   # the file it came from: "kronika" (triggers.yaml) or "cameo"
    cameo: str | None = None  # for converted entries, the CAMEO code they came from

    @property
    def specificity(self) -> int:
        return bool(self.particle) + bool(self.prep) + bool(self.objects)


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, list[TriggerEntry]]
    nouns: dict[str, list[TriggerEntry]]
    contexts: dict[str, str]
    modality: dict[str, Any]
    args: dict[str, Any]
    words: dict[str, frozenset[str]] = field(default_factory=dict)

    def wordset(self, name: str) -> frozenset[str]:
        """A word list from modality.yaml or arguments.yaml, flattened and lower-cased."""
        if name not in self.words:
            raw = self.args.get(name, self.modality.get(name, []))
            self.words[name] = frozenset(_flatten(raw))
        return self.words[name]


    def sub(self, section: str, key: str) -> frozenset[str]:
        """A word list nested one level down in modality.yaml ("hypothetical" → "markers")."""
        name = f"{section}.{key}"
        if name not in self.words:
            raw = (self.modality.get(section) or {}).get(key, [])
            self.words[name] = frozenset(_flatten(raw))
        return self.words[name]


def _flatten(raw: Any) -> list[str]:
    if isinstance(raw, str):
        return [raw.lower()]
    if isinstance(raw, dict):
        return [w for v in raw.values() for w in _flatten(v)]
    if isinstance(raw, list):
        return [w for v in raw for w in _flatten(v)]
    return []


def _entry(raw: dict[str, Any], n: int, name: str = "triggers.yaml", source: str = "kronika") -> TriggerEntry:
    where = f"{name} entry {n}"
    lemma, pos, event = raw["lemma"].lower(), raw["pos"].upper(), raw["event"]
    if event not in CATEGORY:
        raise ConfigError(f'{where} ({lemma}): event "{event}" is not a PLOVER category')
    if pos not in ("VERB", "NOUN"):
        raise ConfigError(f'{where} ({lemma}): pos "{pos}" must be VERB or NOUN')
    mode = raw.get("mode")
    if mode and mode not in CATEGORY[event].modes:
        raise ConfigError(f'{where} ({lemma}): mode "{mode}" is not a mode of {event}')
    if unknown := [c for c in raw.get("context") or () if c not in CONTEXTS]:
        raise ConfigError(f'{where} ({lemma}): context "{unknown[0]}" is not a PLOVER context')
    objects = raw.get("objects") or []
    return TriggerEntry(
        lemma=lemma, pos=pos, event=event, mode=mode or None,
        particle=(raw.get("particle") or None), prep=(raw.get("prep") or None),
        objects=frozenset(str(o).lower() for o in objects),
        context=tuple(raw.get("context") or ()), light=bool(raw.get("light", False)),
        passive_recipient=bool(raw.get("passive_recipient", True)),
        weight=float(raw.get("weight", 1.0)), source=source,
        cameo=str(raw["cameo"]) if raw.get("cameo") is not None else None,
    )


def load_lexicon(folder: Path | None = None) -> Lexicon:
    """Read and check the lexicon files (the packaged ones unless ``folder`` is given)."""
    base: str | Path = folder if folder is not None else "kronika.events"
    verbs: dict[str, list[TriggerEntry]] = {}
    nouns: dict[str, list[TriggerEntry]] = {}
    for name, source in TRIGGER_FILES:
        trig = datafiles.load(base, name, TRIGGERS)
        for n, raw in enumerate(trig["triggers"], 1):
            e = _entry(raw, n, name, source)
            (verbs if e.pos == "VERB" else nouns).setdefault(e.lemma, []).append(e)
    ctx = datafiles.load(base, "contexts.yaml", CONTEXT_KEYWORDS)
    contexts = {k.lower(): v for k, v in ctx["keywords"].items()}
    if unknown := sorted(k for k, v in contexts.items() if v not in CONTEXTS):
        raise ConfigError(f'contexts.yaml: keyword "{unknown[0]}" gives "{contexts[unknown[0]]}", not a PLOVER context')
    return Lexicon(verbs=verbs, nouns=nouns, contexts=contexts,
                   modality=datafiles.load(base, "modality.yaml", MODALITY),
                   args=datafiles.load(base, "arguments.yaml", ARGUMENTS))
