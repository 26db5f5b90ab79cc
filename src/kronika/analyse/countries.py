"""Names and map ids for the country codes events carry ("SRB", "KOS", "IGO").

Pages show people names, not codes: "Serbia", "intergovernmental organisations". The map's country
outlines (npm's world-atlas) are keyed by ISO 3166 numeric codes ("688" for Serbia) and name Kosovo,
which has no ISO number, only by name.
"""

from __future__ import annotations

from functools import lru_cache

import pycountry

from kronika.plover import INTERNATIONAL_NAMES


@lru_cache(maxsize=1024)
def country_name(code: str) -> str:
    """The name kronika prints for a code: the gazetteer's, PLOVER's for its own codes, ISO's, or the code."""
    from kronika.actors.gazetteer import load_gazetteer

    upper = code.upper()
    if upper in INTERNATIONAL_NAMES:
        return INTERNATIONAL_NAMES[upper]
    found = load_gazetteer().country_name(upper)
    if found:
        return found
    iso = pycountry.countries.get(alpha_3=upper)
    return str(iso.name) if iso is not None else upper


def iso_numeric(code: str) -> str | None:
    """The ISO 3166 numeric code of a state ("688"), the id of its outline on the map; None otherwise."""
    iso = pycountry.countries.get(alpha_3=code.upper())
    return str(iso.numeric) if iso is not None else None
