"""Reading the YAML lexicons and gazetteers that ship as package data (and users' actor lists).

libyaml's parser reads the same documents about four times faster than PyYAML's pure-Python one; every
worker process loads all the lexicons when it starts, so this is start-up time on every run.
"""

from __future__ import annotations

from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # pure Python where libyaml is not built in


def load_yaml(text: str) -> Any:
    """Parse one YAML document with the safe loader (no Python objects from tags)."""
    return yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader
