"""PLOVER's fixed vocabulary: the event categories, the actor codes beyond ISO 3166, the sectors.

Facts of the standard (see shared/PLOVER.md), in one place for every stage to check data against.
"""

from __future__ import annotations

CATEGORIES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
              "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")

# Actor codes that are not ISO 3166 alpha-3: Kosovo, the UN, the EU, other intergovernmental bodies,
# NGOs, multinationals, international social movements and transnational armed groups.
INTERNATIONAL_NAMES = {"KOS": "Kosovo", "EUR": "European Union", "UNO": "United Nations",
                       "IGO": "intergovernmental organisations", "NGO": "non-governmental organisations",
                       "MNC": "multinational corporations", "ISM": "international social movements",
                       "IMG": "international militant groups"}
INTERNATIONAL_CODES = frozenset(INTERNATIONAL_NAMES)

SECTORS = frozenset("GOV MIL SPY COP JUD LEG PTY PRM REB UAF UNK AGR BUS CRM CVL EDU ELI JRN LAB MED REF "
                    "OPP PRE REL SOC".split())

# The quad classes, in PLOVER's order: 1 and 2 are cooperation, 3 and 4 conflict.
QUAD_CLASSES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}

# An event with one of these auxiliary modes did not (or not yet certainly) happen: a record of what
# was said, not a fact.
NOT_FACT_AUX = ("negation", "hypothetical")
