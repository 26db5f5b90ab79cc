"""A CAMEO-style event table for users of GDELT and ICEWS data (`kronika export --format cameo`).

CAMEO events have one source actor and one target; PLOVER keeps compound sides as lists. As PETRARCH
did, a compound event becomes one row per pair of distinct CAMEO actor codes (the row keeps the
PLOVER event's ``id``, so rows can be grouped back). Column names follow GDELT's event table where
the meaning is the same; the codebook (docs/codebook.md) says how each column is derived.
"""

from __future__ import annotations

from collections.abc import Sequence

from kronika.analyse.flat import date_precision, is_state
from kronika.columns import Column
from kronika.plover import is_fact
from kronika.records import ActorRef
from kronika.store.stored import StoredEvent

# PLOVER sector -> CAMEO actor type, the inverse of the role blocks tools/convert_petrarch_actors.py
# reads from the PETRARCH2 dictionaries: CAMEO's MED is the media (PLOVER JRN) and HLH is health
# (PLOVER MED); civil society (SOC) is CAMEO's NGO. PRM (pro-government paramilitaries), PRE
# (breakaway governments) and UNK have no CAMEO type.
SECTOR_TO_CAMEO_TYPE = {
    "GOV": "GOV", "MIL": "MIL", "SPY": "SPY", "COP": "COP", "JUD": "JUD", "LEG": "LEG", "PTY": "PTY",
    "OPP": "OPP", "REB": "REB", "UAF": "UAF", "AGR": "AGR", "BUS": "BUS", "CRM": "CRM", "CVL": "CVL",
    "EDU": "EDU", "ELI": "ELI", "LAB": "LAB", "REF": "REF", "REL": "REL", "JRN": "MED", "MED": "HLH",
    "SOC": "NGO",
}
# PLOVER's international codes -> the CAMEO actor code prefix the PETRARCH2 dictionaries use for them
# (the UN is IGOUNO, the European Union IGOEUREEC). ISM has no CAMEO counterpart and stays ISM.
INTERNATIONAL_TO_CAMEO = {"UNO": "IGOUNO", "EUR": "IGOEUREEC", "IGO": "IGO", "NGO": "NGO", "MNC": "MNC",
                          "IMG": "IMG", "ISM": "ISM"}


def _actor(n: int, who: str) -> list[Column]:
    return [
        Column(f"Actor{n}Code", "string", f"the {who}'s CAMEO actor code: its country code and CAMEO type joined "
               "(SRB + GOV = SRBGOV; SRB alone without a sector; COP alone without a country); an international "
               "body's CAMEO prefix instead of the country (UNO → IGOUNO, EUR → IGOEUREEC; IGO, NGO, MNC, IMG, "
               "ISM unchanged)"),
        Column(f"Actor{n}Name", "string", f"the {who}'s name as the article gives it"),
        Column(f"Actor{n}CountryCode", "string", f"the {who}'s PLOVER code when it is a state (ISO 3166 "
               "alpha-3, or KOS); empty for an international body"),
        Column(f"Actor{n}Type1Code", "string", f"the {who}'s PLOVER sector as a CAMEO type: the same three "
               "letters, except JRN → MED (media), MED → HLH (health), SOC → NGO; empty for PRM, PRE, UNK "
               "or no sector"),
    ]


CAMEO_COLUMNS: tuple[Column, ...] = (
    Column("id", "string", "the PLOVER event's id (`events --format plover`); a compound event has a row per "
           "actor pair, all with its id"),
    Column("SQLDATE", "integer", "YYYYMMDD when the event's date is known to the day; empty otherwise (no day "
           "is made up)"),
    Column("MonthYear", "integer", "YYYYMM when the date is known to the month or the day"),
    Column("Year", "integer", "YYYY when the date is known at all"),
    Column("date_precision", "string", "day, month or year; empty when the date is unknown"),
    *_actor(1, "actor (source)"),
    *_actor(2, "recipient (target)"),
    Column("EventRootCode", "string", "the CAMEO root code (01-20) of the PLOVER category, by PLOVER's "
           "crosswalk (`cameo_root`)"),
    Column("QuadClass", "integer", "the quad class, numbered as in CAMEO: 1 verbal cooperation, 2 material "
           "cooperation, 3 verbal conflict, 4 material conflict (PLOVER's `quad_code`)"),
    Column("GoldsteinScale", "float", "PLOVER's score of the category and mode (`event_scale`), copied: it is "
           "on Goldstein's -10 (conflict) to +10 (cooperation) scale, but its values are PLOVER's, not the "
           "Goldstein weights of CAMEO codes"),
    Column("NumSources", "integer", "how many reports tell the event (`n_sources`)"),
    Column("ActionGeo_FullName", "string", "where it happened (`event_loc.name`)"),
    Column("ActionGeo_CountryCode", "string", "the place's country as ISO 3166 alpha-3 (`event_loc.country`; "
           "GDELT uses FIPS 10-4 codes in this column)"),
    Column("ActionGeo_Lat", "float", "the place's latitude"),
    Column("ActionGeo_Long", "float", "the place's longitude"),
    Column("SOURCEURL", "string", "the URL of the first report's article"),
    Column("plover_event", "string", "the PLOVER category"),
    Column("is_fact", "boolean", "false for negated or hypothetical events, which CAMEO data does not mark: "
           "filter on it (or export with --facts-only) to count only what happened"),
    Column("text", "string", "the sentence"),
)
CAMEO_NAMES = tuple(c.name for c in CAMEO_COLUMNS)


def cameo_rows(ev: StoredEvent) -> list[dict[str, object]]:
    """One CAMEO-style row per pair of distinct actor codes of an event (at least one row)."""
    day = ev.date or ""
    digits = day.replace("-", "")
    loc = ev.event_loc
    common: dict[str, object] = {
        "id": ev.id, "SQLDATE": int(digits) if len(digits) == 8 else None,
        "MonthYear": int(digits[:6]) if len(digits) >= 6 else None, "Year": int(digits[:4]) if digits else None,
        "date_precision": date_precision(day),
        "EventRootCode": ev.cameo_root, "QuadClass": ev.quad_code,
        "GoldsteinScale": ev.event_scale, "NumSources": ev.n_sources,
        "ActionGeo_FullName": loc.name if loc else None, "ActionGeo_CountryCode": loc.country if loc else None,
        "ActionGeo_Lat": loc.lat if loc else None, "ActionGeo_Long": loc.lon if loc else None,
        "SOURCEURL": ev.url, "plover_event": ev.event, "is_fact": is_fact(ev.aux), "text": ev.text,
    }
    rows = []
    for a in _sides(ev.actor):
        for b in _sides(ev.recipient):
            rows.append({**common, **_named(1, a), **_named(2, b)})
    return rows


def cameo_actor(code: str | None, sector: str | None) -> dict[str, str | None]:
    """The CAMEO code, country and type of one PLOVER (code, sector)."""
    kind = SECTOR_TO_CAMEO_TYPE.get(sector or "")
    if not code:  # "police" with no country known: the type alone, as CAMEO codes it
        return {"Code": kind, "CountryCode": None, "Type1Code": kind}
    state = is_state(code)
    prefix = code if state else INTERNATIONAL_TO_CAMEO.get(code, code)
    return {"Code": prefix + (kind or ""), "CountryCode": code if state else None, "Type1Code": kind}


def _sides(refs: Sequence[ActorRef]) -> list[dict[str, str | None]]:
    """Each distinct CAMEO actor of one side (named by its first mention); one empty actor if none."""
    found: dict[str, dict[str, str | None]] = {}
    for r in refs:
        actor = cameo_actor(r.code, r.sector)
        if actor["Code"]:
            found.setdefault(actor["Code"], {**actor, "Name": r.identifier_text or r.entity_text})
    return list(found.values()) or [{"Code": None, "CountryCode": None, "Type1Code": None, "Name": None}]


def _named(n: int, actor: dict[str, str | None]) -> dict[str, str | None]:
    return {f"Actor{n}{k}": v for k, v in actor.items()}
