"""PLOVER as kronika codes it: the event categories with their quad classes, scores and modes, the
CAMEO crosswalk, the auxiliary modes and what makes an event a fact, the contexts, the actor codes
beyond ISO 3166, the sectors, and the coder string every record carries.

Facts of the standard (see shared/PLOVER.md) and kronika's choices where the manual wavers, in one
place: every stage checks its data against these and reads them from here, never from a copy.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib.metadata import version

# What every PLOVER record says coded it: this package and its version (from the installed metadata,
# so it cannot drift from pyproject.toml).
CODER = f"kronika {version('kronika')}"


@dataclass(frozen=True, slots=True)
class Category:
    """One PLOVER event category as kronika codes it."""

    name: str
    quad: int  # 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict
    score: float  # PLOVER's score of the category with no mode (-10 conflict ... +10 cooperation)
    cameo_root: str  # the CAMEO root code ("03"), for users of older data
    # mode -> score. Numbers are PLOVER's where PLOVER.md gives one; where it gives only a range or
    # none, the value chosen is explained in a comment.
    modes: Mapping[str, float] = field(default_factory=dict)
    # mode -> CAMEO root, only where the mode moves the event to another root.
    cameo_modes: Mapping[str, str] = field(default_factory=dict)


def _category(name: str, quad: int, score: float, cameo_root: str, modes: Mapping[str, float] | None = None,
              cameo_modes: Mapping[str, str] | None = None) -> Category:
    return Category(name, quad, float(score), cameo_root,
                    {m: float(s) for m, s in (modes or {}).items()}, dict(cameo_modes or {}))


# The 16 categories in PLOVER's order (the order of every listing by category).
CATEGORY: Mapping[str, Category] = {c.name: c for c in (
    _category("AGREE", 1, 2.5, "03"),
    _category("CONSULT", 1, 2.5, "04", {"visit": 4, "third-party": 1, "multilateral": 4, "phone": 1.5}),
    _category("SUPPORT", 1, 5, "05"),
    _category("CONCEDE", 1, 4.5, "08"),  # CAMEO 081-083 (ease restrictions, accede to demands)
    _category("COOPERATE", 2, 9.5, "06"),
    _category("AID", 2, 10, "07"),
    # CAMEO 084-087 (release, ease sanctions, allow involvement, de-escalate)
    _category("RETREAT", 2, 6.5, "08", {"withdraw": 8, "release": 6.5, "disarm": 10, "ceasefire": 7.5,
                                        "access": 6.5, "resign": 4.5}),
    # appeals (CAMEO 02) and demands (CAMEO 10) are one PLOVER category; kronika writes 10
    _category("REQUEST", 3, 0, "10", {"assist": 0.5, "change": -1, "yield": -1, "meet": 0}),
    # kronika's choice: the manual prints +3, a sign slip
    _category("ACCUSE", 3, -3, "11", {"disapprove": -2, "investigate": -3.5, "allege": -3.5},
              {"investigate": "09"}),
    _category("REJECT", 3, -2, "12", {"assist": -1.5, "change": -2, "yield": -2, "meet": -2}),
    _category("THREATEN", 3, -3.5, "13", {"restrict": -3, "arrest": -3.5, "relations": -3.5, "expel": -3.5,
                                          "territory": -4, "violence": -3.5}),
    # vandalize has no number in PLOVER.md: damage to property is worse than a peaceful demonstration
    # (-5) but short of a riot (-7), so the midpoint
    _category("PROTEST", 4, -5, "14", {"demo": -5, "riot": -7, "strike": -5, "hunger": -4.5, "boycott": -4.5,
                                       "obstruct": -4.5, "vandalize": -6}),
    # kronika's choice: material conflict. International sanctions are SANCTION discontinue (not COERCE).
    _category("SANCTION", 4, -6, "16", {"convict": -6, "expel": -5.5, "withdraw": -6, "discontinue": -6}),
    _category("MOBILIZE", 4, -5.5, "15", {"troops": -6.5, "weapons": -6.5, "police": -5.5, "militia": -6}),
    # PLOVER.md gives only the range -6.5 to -7.5 for all modes. kronika spreads them by how much they
    # take from people: taking property, limiting or silencing, and withholding sit at the mild end
    # (-6.5); curfews, cyber attacks, arrests and deportations, which act on persons or whole
    # populations, at the category score (-7); martial law, which suspends ordinary rule for everyone,
    # at the severe end (-7.5).
    _category("COERCE", 4, -7, "17", {"seize": -6.5, "restrict": -6.5, "censor": -6.5, "withhold": -6.5,
                                      "misinformation": -6.5, "curfew": -7, "cyber": -7, "arrest": -7,
                                      "deport": -7, "martial-law": -7.5}),
    # PLOVER.md gives only the range -7.5 to -10. kronika orders the modes by the harm and scale they
    # usually carry: crowd-control weapons and destruction of property at the mild end (-7.5); beatings
    # -8; attacks with primitive weapons -8.5; abductions, targeted killings and small-arms fire at the
    # category score (-9); torture, sexual violence, explosives and drones -9.5; suicide attacks, air
    # strikes, heavy weapons and unconventional (chemical, biological, nuclear) weapons, which kill many
    # at once, at the severe end (-10).
    # CAMEO puts armed clashes under 19 (fight: small arms, artillery and tanks, aerial weapons) and
    # unconventional mass violence (weapons of mass destruction) under 20; the rest of ASSAULT
    # (abduction, beatings, torture, sexual violence, bombings, assassination) is 18. Crowd-control
    # weapons are CAMEO 175 (violent repression), under 17.
    _category("ASSAULT", 4, -9, "18",
              {"crowd-control": -7.5, "destroy": -7.5, "beat": -8, "primitive": -8.5, "abduct": -9, "targeted": -9,
               "firearms": -9, "torture": -9.5, "sexual": -9.5, "explosives": -9.5, "drone": -9.5,
               "suicide-attack": -10, "aerial": -10, "heavy-weapons": -10, "unconventional": -10},
              {"firearms": "19", "heavy-weapons": "19", "aerial": "19", "drone": "19", "unconventional": "20",
               "crowd-control": "17"}),
)}
CATEGORIES: tuple[str, ...] = tuple(CATEGORY)

# The quad classes, in PLOVER's order: 1 and 2 are cooperation, 3 and 4 conflict.
QUAD_CLASSES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}

# Categories that need someone on the receiving end (PLOVER requires a recipient for the material
# ones); when the sentence names none, the event coder looks for the counterpart nearby.
NEEDS_RECIPIENT = frozenset({"AGREE", "SUPPORT", "COOPERATE", "AID", "REQUEST", "ACCUSE", "REJECT",
                             "THREATEN", "SANCTION", "COERCE", "ASSAULT", "CONCEDE", "MOBILIZE"})
# Categories whose sides are participants rather than a doer and a done-to: who met whom is one meeting.
UNDIRECTED = frozenset({"CONSULT"})


def score(category: str, mode: str | None = None) -> float:
    """The PLOVER score of a category and mode (the category's own where the mode has none)."""
    cat = CATEGORY[category]
    return cat.modes[mode] if mode and mode in cat.modes else cat.score


def cameo_root(category: str, mode: str | None = None) -> str:
    """The CAMEO root code of a category and mode, by kronika's crosswalk (PLOVER.md)."""
    cat = CATEGORY[category]
    return cat.cameo_modes[mode] if mode and mode in cat.cameo_modes else cat.cameo_root


def quad(category: str) -> int:
    return CATEGORY[category].quad


# PLOVER's auxiliary modes (kronika's ``aux``): an event long before the article, one announced, one
# supposed, one that did not happen.
AUX_MODES = ("historical", "future", "hypothetical", "negation")
# An event with one of these did not (or not yet certainly) happen: a record of what was said, not a fact.
NOT_FACT_AUX = ("negation", "hypothetical")


def is_fact(aux: Iterable[str] | None) -> bool:
    """False for negated ("did not impose") and hypothetical ("could impose ... if") events."""
    return not set(aux or ()) & set(NOT_FACT_AUX)


# PLOVER's contexts: the "why" of an event, any number per event.
CONTEXTS = frozenset({
    "military", "intelligence", "executive", "legislative", "election", "political_institutions",
    "pro_democracy", "pro_autocracy", "economic", "legal", "reparations", "human_rights",
    "rights_freedoms", "repression", "human_security", "gender", "lgbt", "religion_ethnicity",
    "inequality", "diplomatic", "territory", "peacekeeping", "health", "asylum", "migration",
    "disasters", "natural_resource", "environment", "technology", "terrorism", "cbrn", "cyber",
    "misinformation", "crime", "corruption", "illegal_drugs", "trafficking",
})

# Actor codes that are not ISO 3166 alpha-3: Kosovo, the UN, the EU, other intergovernmental bodies,
# NGOs, multinationals, international social movements and transnational armed groups.
INTERNATIONAL_NAMES = {"KOS": "Kosovo", "EUR": "European Union", "UNO": "United Nations",
                       "IGO": "intergovernmental organisations", "NGO": "non-governmental organisations",
                       "MNC": "multinational corporations", "ISM": "international social movements",
                       "IMG": "international militant groups"}
INTERNATIONAL_CODES = frozenset(INTERNATIONAL_NAMES)

SECTORS = frozenset("GOV MIL SPY COP JUD LEG PTY PRM REB UAF UNK AGR BUS CRM CVL EDU ELI JRN LAB MED REF "
                    "OPP PRE REL SOC".split())
# The sectors of a state's own bodies: its government, forces, police, courts, parliament and services.
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "LEG", "JUD", "SPY"})
