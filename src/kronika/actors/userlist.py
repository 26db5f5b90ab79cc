"""Users' own actor lists (CSV or YAML): checked row by row, with errors that name the row."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pycountry
import yaml

from kronika.datafiles import load_yaml
from kronika.errors import InputError
from kronika.plover import INTERNATIONAL_CODES, SECTORS

PLOVER_CODES = INTERNATIONAL_CODES
TYPES = frozenset({"PERSON", "ORG", "GPE"})


@dataclass(frozen=True, slots=True)
class ListedActor:
    name: str
    aliases: tuple[str, ...]
    type: str
    country: str | None
    sector: str | None
    roles: list[dict[str, Any]]


def valid_country(code: str) -> bool:
    return code in PLOVER_CODES or pycountry.countries.get(alpha_3=code) is not None


def _check(path: str, where: int, raw: dict[str, Any]) -> ListedActor:
    def bad(field: str, reason: str) -> InputError:
        return InputError(path, reason, line=where, field=field)

    name = str(raw.get("name") or "").strip()
    if not name:
        raise bad("name", "an actor needs a name")
    aliases_raw = raw.get("aliases") or []
    if isinstance(aliases_raw, str):
        aliases_raw = [a for a in aliases_raw.split(";")]
    aliases = tuple(a.strip() for a in aliases_raw if str(a).strip())
    kind = str(raw.get("type") or "PERSON").upper()
    if kind not in TYPES:
        raise bad("type", f'"{kind}" is not one of PERSON, ORG, GPE')
    country = str(raw.get("country") or "").strip().upper() or None
    if country and not valid_country(country):
        raise bad("country", f'"{country}" is not an ISO 3166 alpha-3 code or a PLOVER code '
                             f'({", ".join(sorted(PLOVER_CODES))})')
    sector = str(raw.get("sector") or "").strip().upper() or None
    if sector and sector not in SECTORS:
        raise bad("sector", f'"{sector}" is not a PLOVER sector ({", ".join(sorted(SECTORS))})')
    roles = raw.get("roles") or []
    if not isinstance(roles, list):
        raise bad("roles", "roles must be a list of {title, sector, since, until}")
    for r in roles:
        if not isinstance(r, dict) or not r.get("title"):
            raise bad("roles", "every role needs a title")
    return ListedActor(name, aliases, kind, country, sector, roles)


def read_actor_file(path: str) -> list[ListedActor]:
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise InputError(path, "no such file") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, f"cannot read: {exc}") from exc
    if p.suffix.lower() in (".yaml", ".yml"):
        try:
            data = load_yaml(text) or []
        except yaml.YAMLError as exc:
            raise InputError(path, f"not valid YAML: {exc}") from exc
        if isinstance(data, dict):
            data = data.get("actors", [])
        if not isinstance(data, list):
            raise InputError(path, "expected a list of actors (or an 'actors:' key holding one)")
        return [_check(path, n, row if isinstance(row, dict) else {}) for n, row in enumerate(data, 1)]
    rows = list(csv.DictReader(text.splitlines()))
    if rows and "name" not in rows[0]:
        raise InputError(path, 'the CSV needs a "name" column', line=1, field="name")
    return [_check(path, n, dict(r)) for n, r in enumerate(rows, 2)]
