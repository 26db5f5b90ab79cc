"""Loading and checking the event lexicon (triggers, modality cues, contexts, categories).

The lexicon is data under ``events/data``; this module only reads it, checks its shape once, and
indexes it for the trigger finder. Triggers come from two files: ``triggers.yaml``, kronika's own,
and ``cameo_triggers.yaml``, converted from the CAMEO verb dictionary by
``tools/convert_cameo_verbs.py``. The own file is read first: where a word's entries tie on
specificity and weight, the trigger finder keeps the first, so kronika's own entry wins.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from kronika.datafiles import load_yaml
from kronika.errors import ConfigError
from kronika.plover import CATEGORIES

# Trigger files in the order they are read (own first, see above) and the source each entry records.
TRIGGER_FILES = (("triggers.yaml", "kronika"), ("cameo_triggers.yaml", "cameo"))


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


@dataclass(frozen=True, slots=True)
class Category:
    name: str
    quad: int
    score: float
    cameo_root: str
    modes: dict[str, float]
    cameo_modes: dict[str, str]


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, list[TriggerEntry]]
    nouns: dict[str, list[TriggerEntry]]
    categories: dict[str, Category]
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


def _read(folder: Path | Any, name: str) -> Any:
    path = folder / name
    try:
        return load_yaml(path.read_text(encoding="utf-8")) or {}
    except FileNotFoundError as exc:
        raise ConfigError(f"{name}: lexicon file missing") from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"{name}: not valid YAML: {exc}") from exc


def _entry(raw: dict[str, Any], n: int, cats: dict[str, Category], name: str = "triggers.yaml",
           source: str = "kronika") -> TriggerEntry:
    where = f"{name} entry {n}"
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: expected a mapping with lemma, pos and event, got {raw!r}")
    try:
        lemma, pos, event = str(raw["lemma"]).lower(), str(raw["pos"]).upper(), str(raw["event"])
    except KeyError as exc:
        raise ConfigError(f"{where}: missing field {exc}") from exc
    if event not in cats:
        raise ConfigError(f'{where} ({lemma}): event "{event}" is not a PLOVER category')
    if pos not in ("VERB", "NOUN"):
        raise ConfigError(f'{where} ({lemma}): pos "{pos}" must be VERB or NOUN')
    mode = raw.get("mode")
    if mode and mode not in cats[event].modes:
        raise ConfigError(f'{where} ({lemma}): mode "{mode}" is not a mode of {event}')
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
    base: Any = folder if folder is not None else resources.files("kronika.events") / "data"
    cats_raw = _read(base, "categories.yaml")
    cats_raw = cats_raw.get("categories", cats_raw)
    cats: dict[str, Category] = {}
    for name in CATEGORIES:
        c = cats_raw.get(name)
        if not isinstance(c, dict):
            raise ConfigError(f"categories.yaml: category {name} missing")
        cats[name] = Category(name=name, quad=int(c["quad"]), score=float(c["score"]),
                              cameo_root=str(c["cameo_root"]).zfill(2),
                              modes={str(k): float(v) for k, v in (c.get("modes") or {}).items()},
                              cameo_modes={str(k): str(v).zfill(2)
                                           for k, v in (c.get("cameo_modes") or {}).items()})
    verbs: dict[str, list[TriggerEntry]] = {}
    nouns: dict[str, list[TriggerEntry]] = {}
    for name, source in TRIGGER_FILES:
        trig = _read(base, name)
        for n, raw in enumerate(trig.get("triggers") or [], 1):
            e = _entry(raw, n, cats, name, source)
            (verbs if e.pos == "VERB" else nouns).setdefault(e.lemma, []).append(e)
    ctx = _read(base, "contexts.yaml")
    contexts = {str(k).lower(): str(v) for k, v in (ctx.get("keywords") or {}).items()}
    return Lexicon(verbs=verbs, nouns=nouns, categories=cats, contexts=contexts,
                   modality=_read(base, "modality.yaml"), args=_read(base, "arguments.yaml"))


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return load_lexicon()
