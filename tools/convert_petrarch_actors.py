"""Convert PETRARCH2's actor and agent dictionaries into kronika's knowledge-base CSV files.

Run once, by hand, when the source or the cleaning rules change; the output is committed:

    .venv/bin/python tools/convert_petrarch_actors.py [SOURCE_DIR] [--out src/kronika/actors/data/kb]

SOURCE_DIR (default ../shared/reference/petrarch2) holds the four files of openeventdata/petrarch2
(commit 676801cd, 2019-03-18, MIT licence): Phoenix.Countries.actors.txt, Phoenix.International.actors.txt,
Phoenix.MilNonState.actors.txt and Phoenix.agents.txt. It needs kronika installed (the venv): names are
compared folded the way kronika folds them (``kronika.lang.en.fold``).

What the dictionaries say is only facts (names, codes, dates); how they are cleaned is decided here, one
table or function per decision, each with its reason. The run prints what it kept and dropped.

CAMEO actor codes are runs of three-letter blocks: a state or a body prefix (IGO, NGO, MNC, IMG), optional
sub-state blocks (a territory, an ethnic group, a status such as UNR "unrecognised"), then role blocks
(GOV, MIL, ELI...) and qualifiers (religions, MOD/RAD, organisation ids such as WBK for the World Bank).
PLOVER keeps two things: a code (ISO 3166 alpha-3 or KOS EUR UNO IGO NGO MNC ISM IMG) and one sector.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import io
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kronika.lang.en import fold

SOURCE = "openeventdata/petrarch2, commit 676801cd (2019-03-18), petrarch2/data/dictionaries/"
FILES = {"countries": "Phoenix.Countries.actors.txt", "international": "Phoenix.International.actors.txt",
         "armed": "Phoenix.MilNonState.actors.txt", "agents": "Phoenix.agents.txt"}

# --- codes -----------------------------------------------------------------------------------------

# CAMEO state codes that are not ISO 3166 alpha-3, found by checking every code of the files against
# pycountry (tests/actors/test_knowledge.py repeats that check on the output). Historic states map to the
# state that continued them, as the source itself codes Soviet leaders RUS: USR/SUN (Soviet Union) -> RUS,
# YUG (Yugoslavia), FRY and SCG (Serbia and Montenegro) -> SRB, CSK (Czechoslovakia) -> CZE, DDR (East
# Germany) -> DEU. KSV is PLOVER's KOS. UKG, GER and the like do not occur in these files but are CAMEO's
# own codes elsewhere; they are mapped so a later version of the source cannot slip them through.
STATE_MAP = {
    "KSV": "KOS", "TMP": "TLS", "IMY": "IMN", "PAL": "PSE", "FRN": "FRA", "ANG": "AGO",
    "USR": "RUS", "SUN": "RUS", "YUG": "SRB", "FRY": "SRB", "SCG": "SRB", "CSK": "CZE", "DDR": "DEU",
    "UKG": "GBR", "GER": "DEU", "BAR": "BRB", "CON": "COG", "DRC": "COD", "ROM": "ROU", "ZAR": "COD",
}
# A breakaway entity named as a state: its parent's code (PLOVER gives it sector PRE where it acts).
BREAKAWAY = {"KRJ": "HRV"}
# Fictional test entries of the source (a made-up state, a film villain, a folk hero): never data.
FICTIONAL_CODES = {"KNT", "GRB"}
FICTIONAL_NAMES = {"ERNST STAVRO BLOFELD", "HONG KIL DONG"}

# CAMEO role blocks -> PLOVER sector. CAMEO's MED is the media (PLOVER JRN) and HLH is health (PLOVER
# MED). INS (insurgents) and SEP (separatists) are armed opposition: REB. PPL ("people") and SET
# (settlers) are civilians. HRI, ENV and DEV are policy areas (human rights, environment, development),
# not sectors: they give none, so an NGO falls back to SOC and an IGO to no sector. MOD and RAD
# (moderate, radical) qualify a sector and give none.
ROLE_SECTOR: dict[str, str | None] = {
    "GOV": "GOV", "MIL": "MIL", "SPY": "SPY", "COP": "COP", "JUD": "JUD", "LEG": "LEG", "PTY": "PTY",
    "OPP": "OPP", "REB": "REB", "INS": "REB", "SEP": "REB", "UAF": "UAF", "AGR": "AGR", "BUS": "BUS",
    "CRM": "CRM", "CVL": "CVL", "PPL": "CVL", "SET": "CVL", "EDU": "EDU", "ELI": "ELI", "MED": "JRN",
    "HLH": "MED", "LAB": "LAB", "REF": "REF", "REL": "REL",
    "HRI": None, "ENV": None, "DEV": None, "MOD": None, "RAD": None,
}
# Religions: a body or agent whose first meaningful block is a religion is a religious actor (REL).
# SUN is the Soviet Union as a first block and Sunni after it; MUS is Mauritius first and Muslim after.
RELIGIONS = {"CHR", "CTH", "PRO", "MOS", "MUS", "JEW", "HIN", "BUD", "SHI", "SUN", "SIK", "TAO", "BAH", "ITH"}
# Regions and vague groupings: no PLOVER code. INT is "international", KKL an editor's "not known yet".
REGIONS = {"AFR", "ASA", "BLK", "CAS", "CAU", "CFR", "CRB", "EAF", "EEU", "EIN", "EUR", "LAM", "MDE", "MEA",
           "NAF", "NMR", "PGS", "SAF", "SAM", "SAS", "SCN", "SEA", "WAF", "WEU", "WST", "ARB", "TRK", "INT",
           "KKL", "NON", "CWN", "MDT", "UER", "XFM", "BGH", "DPI"}
# Sub-state blocks that are neither a state nor a role: ethnic groups, regions of one state, statuses
# (UNR unrecognised, OCC occupied, AUT autonomous). They are skipped.
SUBSTATE = {"KUR", "KAS", "TIB", "UIG", "TAM", "ROM", "CNY", "SRP", "GZA", "MAY", "UNR", "OCC", "AUT", "ANT"}
BODY_PREFIXES = {"IGO", "NGO", "MNC", "IMG"}
NULL_CODE = "---"  # the source's "no actor" code
# Blocks that name one body (WBK the World Bank, HCR, ICG the International Crisis Group, HMS Hamas...):
# kept nowhere, and never taken for a state.
ORG_IDS = {"UNO", "EEC", "WBK", "ILO", "HCR", "WHO", "IAE", "ICG", "MSF", "HRW", "AMN", "IRC", "HMS", "ALQ",
           "JMA", "ASF", "ISI", "NAT", "ASN", "OPC", "ICC", "ICJ", "IMF", "WTO", "OAS", "OAU", "OIC", "KID"}
# Blocks of the UN's specialised agencies and related organisations (ILO, IAEA, WHO, FAO, World Bank).
SPECIALISED_AGENCIES = {"ILO", "IAE", "WHO", "FAO", "WBK"}
NOT_STATE = set(ROLE_SECTOR) | RELIGIONS | REGIONS | BODY_PREFIXES | ORG_IDS


@dataclass(frozen=True)
class Code:
    """A cleaned actor code: PLOVER code, sector, home state (for NGO/MNC), and the body kind."""

    code: str | None  # None: the source code names no state or body PLOVER knows (a region, a religion)
    sector: str | None
    kind: str  # state, igo, ngo, mnc, armed_group
    home: str | None = None  # the state an NGO or MNC is based in, when the code says
    breakaway: bool = False


def blocks(code: str) -> list[str] | None:
    """The three-letter blocks of a code; None when it is not made of them ("NGOEEURENV")."""
    letters = "".join(b for b in re.findall(r"[A-Z]+|\d+", code) if not b.isdigit())  # CAMEO 214: a sub-id
    if not letters or len(letters) % 3:
        return None
    return [letters[i:i + 3] for i in range(0, len(letters), 3)]


def state_of(block: str, first: bool) -> str | None:
    """The PLOVER state code a block stands for, or None when it is a role, region, religion...

    Position matters: first, AUT is Austria and MUS Mauritius; after a state they are "autonomous" and
    "Muslim". Every state block after the first in these files is a territory or a successor
    (GBRVGB, USRARM, YUGSRB), so it replaces the first.
    """
    if first and block in ("MUS", "SUN"):
        return "MUS" if block == "MUS" else "RUS"  # Mauritius; the Soviet Union
    if not first and block in SUBSTATE:
        return None
    if block in STATE_MAP:
        return STATE_MAP[block]
    if block in BREAKAWAY:
        return BREAKAWAY[block]
    if block in NOT_STATE or not block.isalpha():
        return None
    return block  # taken as ISO 3166 alpha-3: the guard test checks every one against pycountry


def sector_of(rest: list[str]) -> str | None:
    """The first role block's PLOVER sector (GOVBUS is GOV: the minister's portfolio is not the sector);
    a religion first gives REL."""
    for b in rest:
        if b in ROLE_SECTOR:
            if (s := ROLE_SECTOR[b]) is not None:
                return s
        elif b in RELIGIONS:
            return "REL"
    return None


def clean_code(raw: str) -> Code | None:
    """A CAMEO code as PLOVER's code and sector; None for the null code, a malformed code or a fictional one.

    >>> clean_code("UKGGOV"), clean_code("IGOUNOREFHCR").code, clean_code("SRBGOVMIL").sector
    (Code(code='GBR', sector='GOV', kind='state', home=None, breakaway=False), 'UNO', 'GOV')
    >>> clean_code("PSEREBHMS").code, clean_code("AUTGOV").code, clean_code("GBRVGBELI").code
    ('PSE', 'AUT', 'VGB')
    """
    if raw == NULL_CODE or (bs := blocks(raw)) is None or set(bs) & FICTIONAL_CODES:
        return None
    head, rest = bs[0], bs[1:]
    if raw.startswith("EUREEC"):  # the European Community written without its IGO prefix
        return Code("EUR", sector_of(bs[2:]), "igo")
    if head == "IGO":
        # The UN's specialised agencies (ILO, WHO, FAO, the World Bank) and the IAEA are intergovernmental
        # organisations of their own, with their own members: IGO, as PLOVER codes other bodies; UNO is
        # the UN itself, its organs, funds, programmes and missions.
        un = "UNO" in rest and not set(rest) & SPECIALISED_AGENCIES
        code = "EUR" if "EEC" in rest else "UNO" if un else "IGO"  # IGOEUR alone: OSCE, EBRD...
        return Code(code, sector_of(rest), "igo")
    if head == "IMG":  # transnational armed groups: REB, whatever else the code says (religion, region)
        return Code("IMG", "REB", "armed_group")
    if head in ("NGO", "MNC"):
        home = state_of(rest[0], first=False) if rest else None
        fallback = "SOC" if head == "NGO" else "BUS"
        return Code(head, sector_of(rest) or fallback, head.lower(), home)
    state = state_of(head, first=True)
    if state is None:  # a region, a religion or a bare role ([ELI], [MED]): no PLOVER code
        return Code(None, sector_of(bs), "state")
    if rest and (sub := state_of(rest[0], first=False)) is not None:  # a territory or successor: USRARM,
        state = sub  # GBRVGB, YUGSRB; never later (PSEREBHMS is Hamas, not a state HMS)
    return Code(state, sector_of(rest), "state", breakaway=head in BREAKAWAY)


# --- dates -----------------------------------------------------------------------------------------

def parse_date(text: str) -> str | None:
    """YYMMDD or YYYYMMDD as ISO; None when broken (wrong length, no such day). Six-digit years below 30
    are 20YY: the source writes every date before 1930 with eight digits."""
    if len(text) == 6:
        yy = int(text[:2])
        text = f"{2000 + yy if yy < 30 else 1900 + yy}{text[2:]}"
    if len(text) != 8 or not text.isdigit():
        return None
    try:
        return datetime.date(int(text[:4]), int(text[4:6]), int(text[6:])).isoformat()
    except ValueError:
        return None


class Broken(ValueError):
    """A date restriction that cannot be read; the role is dropped."""


def parse_restriction(text: str) -> tuple[str, str]:
    """'>D' (from D on), '<D' (until D), 'D-D' or '' as (since, until), ISO or ''."""
    text = text.replace(" ", "")
    if not text:
        return "", ""
    if text[0] in "<>":
        d = parse_date(text[1:])
        if d is None:
            raise Broken(text)
        return (d, "") if text[0] == ">" else ("", d)
    since, sep, until = text.partition("-")
    a, b = parse_date(since), parse_date(until)
    if not sep or a is None or b is None or a > b:
        raise Broken(text)
    return a, b


# --- names -----------------------------------------------------------------------------------------

PARTICLES = {"al", "el", "bin", "ibn", "bint", "de", "del", "della", "da", "do", "dos", "das", "van", "von",
             "der", "den", "du", "la", "le", "y", "of", "the", "and", "for", "in", "on", "des", "di", "ul"}
ARTICLE_PREFIXES = {"al", "el", "ad", "as", "ash", "an", "ar", "az", "at", "ul"}
# Words that make a name a title or a description, not a name: "PRESIDENT_OBAMA", "SOVIET_LEADER_...".
# Such aliases are dropped; kronika finds titles itself and the bare name is there already. Words that
# are also parts of names (Sultan, Emir, King, General, Sheikh) are not in the list.
TITLES = {
    "president", "vice", "vice-president", "prime", "minister", "secretary", "secretary-general", "senator",
    "congressman", "representative", "chancellor", "leader", "chief", "premier", "mr", "mr.", "mrs", "mrs.",
    "ms", "dr", "dr.", "former", "ex", "ex-soviet", "acting", "reformer", "director", "governor", "speaker",
    "ambassador", "chairman", "hojatolislam", "advisor", "adviser", "spokesman", "official", "envoy",
    "peacekeeper", "delegate", "journalist", "reporter", "broadcaster", "attorney",
}
DESCRIPTORS = {
    "soviet", "russian", "american", "communist", "moscow", "u.n.", "u.s.", "regime", "government",
    "administration", "forces", "qatar-based", "dubai-based", "washington-based", "extremist",
}
# Words that make an entry a body rather than a person.
ORG_WORDS = {
    "army", "armies", "force", "forces", "council", "party", "front", "movement", "brigade", "brigades",
    "battalion", "battalions", "department", "ministry", "committee", "agency", "assembly", "congress",
    "court", "parliament", "government", "regime", "administration", "office", "service", "services",
    "bureau", "commission", "guard", "guards", "police", "coalition", "alliance", "organization",
    "organisation", "union", "league", "declaration", "observatory", "institute", "university", "center",
    "centre", "team", "cell", "cells", "yard", "house", "street", "palace", "corps", "navy", "marines",
    "politburo", "presidium", "directorate", "intelligence", "security", "fund", "bank", "reserve", "group",
    "groups", "network", "division", "regiment", "community", "state", "states", "republic", "company",
    "federation", "association", "society", "foundation", "program", "programme", "mission", "authority",
    "board", "tribunal", "conference", "secretariat", "senate", "cabinet", "junta", "militia", "militias",
    "jihad", "mujahideen", "mujahidin", "taliban", "lashkar", "harkat", "harakat", "harakut", "jemaah",
    "jamaah", "jaish", "jaysh", "jabhat", "hizb", "hezbollah", "qaeda", "al-qaeda", "qaida", "al-qaida",
    "islamiya", "islamiyah", "islamiyya", "islami", "shinrikyo", "kai", "truth", "faction", "command",
    "commandos", "squad", "squads", "resistance", "liberation", "revolutionary", "revolution", "peoples",
    "people's", "international", "worldwide", "world", "global", "inc", "inc.", "ltd", "corp", "corporation",
    "industries", "holdings", "group's", "staff", "forum", "initiative", "partnership", "trust", "watch",
    "rights", "relief", "aid", "unit", "units", "troops", "soldiers", "peshmerga", "nations", "agencies",
    "treaty", "countries", "ministers", "market", "commonwealth", "francophonie", "area", "project", "bodies",
    "contingent", "panel", "chamber", "mayors", "monitor", "monitors", "un", "u.n.", "asean", "ohchr", "monuc",
}
# Hand-edited entries of the Countries file whose names cannot tell a body from a person.
BODY_ENTRIES = {"ERGENEKON"}
GENERIC = {"the", "a", "an", "of", "and", "new", "old", "group", "people", "man", "men", "youth"}


def tokens(raw: str) -> list[str]:
    """The words of a dictionary phrase: underscores and spaces split, stray dots at word starts and the
    source's "A.K.A." dropped."""
    words = re.split(r"[_\s]+", raw.strip().strip("_"))
    return [w.lstrip(".") if len(w) > 1 else w for w in words if w.strip(".") and w.upper() != "A.K.A."]


def phrase_key(raw: str) -> str:
    """A comparison key: the phrase's words, folded as kronika folds names (no diacritics, lower case)."""
    return fold(" ".join(tokens(raw)))


def _cap(word: str, first: bool) -> str:
    """'AL-ASSAD' -> 'al-Assad' (not first), "O'NEILL" -> "O'Neill", 'MCCAIN' -> 'McCain'."""
    if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]?\.?", word):  # initials: A.F.M.
        return word.upper()
    parts = word.lower().split("-")
    out = []
    for k, p in enumerate(parts):
        if p in ARTICLE_PREFIXES and len(parts) > 1 and k < len(parts) - 1 and not (first and k == 0):
            out.append(p)
            continue
        lead = len(p) - len(p.lstrip("(\"'"))
        p = p[:lead] + p[lead:lead + 1].upper() + p[lead + 1:]
        if re.match(r"^[A-Z]'[a-z]", p):
            p = p[:2] + p[2].upper() + p[3:]
        if p.startswith("Mc") and len(p) > 3:
            p = "Mc" + p[2].upper() + p[3:]
        out.append(p)
    return "-".join(out)


def acronym(word: str, alone: bool) -> bool:
    """Whether a body's word stays in capitals: U.N., NATO (alone), MI6, PLO, the US."""
    letters = re.sub(r"[^A-Za-z]", "", word)
    if "." in word.strip(".") or any(c.isdigit() for c in word):
        return True
    if alone and 2 <= len(letters) <= 6:
        return True
    return len(letters) == 2 and word.lower() not in PARTICLES | {"to", "at", "by", "or", "as", "is", "it"}


def natural(raw: str, body: bool = False) -> str:
    """'ALEKSANDAR_VUCIC_' -> 'Aleksandar Vucic'; a body keeps its acronyms ('UN Security Council')."""
    words = tokens(raw)
    out = []
    for k, w in enumerate(words):
        if body and acronym(w, alone=len(words) == 1):
            out.append(w.upper())
        elif k and w.lower() in PARTICLES:
            out.append(w.lower())
        else:
            out.append(_cap(w, first=k == 0))
    return " ".join(out)


def usable(raw: str, least: int = 3) -> bool:
    """A name worth keeping: ``least`` letters or digits or more (2 for bodies: UN, MI6), not a common word,
    not garbled (one line of the agents file has UTF-8 read as cp1252 and upper-cased: "PÃŠBLICAS")."""
    key = phrase_key(raw)
    return len(re.sub(r"[^a-z0-9]", "", key)) >= least and key not in GENERIC and "Ã" not in raw


def words(raw: str) -> set[str]:
    """Folded words, hyphenated ones also in parts ("president-elect": president, elect)."""
    out = set(phrase_key(raw).replace(",", " ").split())
    return out | {p for w in out for p in w.split("-")}


def has_title(raw: str) -> bool:
    """A title or a description in a person's name: "PRESIDENT_OBAMA", "ASSAD_REGIME_"."""
    return bool(words(raw) & (TITLES | DESCRIPTORS))


def is_office(names: list[str]) -> bool:
    """Every name is a title ("PRESIDENT_OF_THE_UNITED_STATES_", "US_SECRETARY_OF_DEFENSE_"), none a body."""
    return all(words(n) & TITLES and not words(n) & ORG_WORDS for n in names)


def looks_like_body(names: list[str]) -> bool:
    first = tokens(names[0])
    if phrase_key(names[0]).upper() in BODY_ENTRIES:
        return True
    if len(first) == 1:  # MOSSAD, KNESSET, STASI; a lone name (SIDDARAMAIAH) is a person if ELI or dated
        return True
    return any(set(phrase_key(n).split()) & ORG_WORDS for n in names[:1])


# --- the source files ---------------------------------------------------------------------------

@dataclass
class Entry:
    """One record of an actor file: its names (primary first) and raw codes with their restrictions."""

    file: str
    line: int
    names: list[str]
    codes: list[tuple[str, str]] = field(default_factory=list)  # (code, date restriction)
    comment: str = ""


def read_actor_file(path: Path) -> list[Entry]:
    """Records of an actor dictionary. A primary line with no code, followed straight (no blank or comment
    line between) by another primary line, names the same record: the source writes a person's variants
    so (IVO_JOSIPOVIC_ / PRESIDENT_JOSIPOVIC_ / JOSIPOVIC_ [codes])."""
    entries: list[Entry] = []
    cur: Entry | None = None
    open_ = False  # whether the current record may still take a following primary line as its own
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        body, _, comment = raw.partition("#")
        if not body.strip():
            open_ = False
            continue
        codes = [(m.group(1).strip().split()[0], " ".join(m.group(1).split()[1:]))
                 for m in re.finditer(r"\[([^\]]+)\]", body) if m.group(1).strip()]
        text = re.sub(r"\[[^\]]*\]", "", body).strip()
        names = [t.strip() for t in text.split("+") if t.strip()]  # "+A_+B_": two aliases on one line
        if body[0] in " \t" or body.startswith("+"):  # a code line (one also carries a name) or an alias
            if cur is None:
                continue
            cur.names += names
        elif cur is not None and open_ and not cur.codes:
            cur.names += names
        else:
            cur = Entry(path.name, n, names, comment=comment.strip())
            entries.append(cur)
        open_ = True
        if cur is not None:
            cur.codes += codes
    return [e for e in entries if e.names]


# --- people and bodies -----------------------------------------------------------------------------

@dataclass(frozen=True, order=True)
class Role:
    since: str
    until: str
    country: str
    sector: str


@dataclass
class Person:
    name: str
    aliases: list[str]
    roles: set[Role]
    source: str


@dataclass
class Body:
    name: str
    aliases: list[str]
    code: str
    sector: str
    kind: str
    country: str
    source: str


@dataclass
class Report:
    kept: Counter[str] = field(default_factory=Counter)
    dropped: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def drop(self, why: str, what: str) -> None:
        self.dropped[why] += 1
        if len(self.examples[why]) < 4:
            self.examples[why].append(what)


def split_names(entry: Entry, report: Report, body: bool) -> tuple[str, list[str]] | None:
    """The canonical name and the aliases worth keeping, in natural case, without duplicates."""
    keep: list[str] = []
    seen: set[str] = set()
    for raw in entry.names:
        if phrase_key(raw).upper() in FICTIONAL_NAMES:
            return None
        if not usable(raw, 2 if body else 3):
            report.drop("names: too short or a common word", raw)
            continue
        if not body and has_title(raw):
            report.drop("names: a title or description, not a name", raw)
            continue
        key = phrase_key(raw)
        if key not in seen:
            seen.add(key)
            keep.append(natural(raw, body=body))
    if not keep:
        return None
    return keep[0], keep[1:]


def person_roles(entry: Entry, report: Report) -> set[Role]:
    """The roles of a person record. A bare role code ([ELI] after [IGOUNO 970101-061231]) takes the state
    or body of the record's other roles. A role whose dates are broken is dropped, unless it is the
    person's only one: then it is kept undated, as the source's undated default roles are."""
    cleaned: list[tuple[Code, str, str]] = []
    for raw, restriction in entry.codes:
        code = clean_code(raw)
        if code is None:
            if raw != NULL_CODE:
                report.drop("roles: malformed or fictional code", f"{entry.names[0]} [{raw}]")
            continue
        cleaned.append((code, raw, restriction))
    home = next((c.code for c, _, _ in cleaned if c.code is not None and c.kind in ("state", "igo")), None)
    roles: set[Role] = set()
    broken: set[Role] = set()
    for code, raw, restriction in cleaned:
        state = code.code if code.kind in ("state", "igo") else None
        if code.code is None and code.kind == "state" and code.sector is not None:
            state = home
        if state is None:
            report.drop("roles: no state or body in the code (a region, a religion, an NGO)",
                        f"{entry.names[0]} [{raw}]")
            continue
        sector = code.sector
        if code.kind == "igo":  # an official runs the body (GOV); its field (LAB for the ILO) is the body's
            sector = "ELI" if sector == "ELI" else "GOV"
        if sector is None:
            report.drop("roles: no sector in the code", f"{entry.names[0]} [{raw}]")
            continue
        try:
            since, until = parse_restriction(restriction)
        except Broken:
            report.drop("roles: broken date range", f"{entry.names[0]} [{raw} {restriction}]")
            broken.add(Role("", "", state, sector))
            continue
        roles.add(Role(since, until, state, sector))
    if not roles and broken:
        report.kept["roles: kept undated, the person's only role having broken dates"] += len(broken)
        return broken
    return roles


def is_person(entry: Entry) -> bool:
    """Whether a record of a person: generated from CountryInfo, an IGO ruler, or a name with a dated role
    or an ELI code and no word of a body's name."""
    note = entry.comment.lower()
    if "countryinfo" in note or "igorulers" in note:
        return True
    dated = any(r for _, r in entry.codes)
    eli = any("ELI" in (blocks(c) or []) for c, _ in entry.codes)
    if entry.file == FILES["armed"]:
        return False  # the file lists groups; its leaders' names are the groups' names there
    if any(c.startswith(("NGO", "MNC")) for c, _ in entry.codes) and not dated:
        return False
    if len(tokens(entry.names[0])) == 1:  # SIDDARAMAIAH [INDELI]: a person; MOSSAD, KNESSET, UNICEF: bodies
        alone = phrase_key(entry.names[0]).upper()
        return entry.file == FILES["countries"] and (dated or eli) and alone not in BODY_ENTRIES
    return not looks_like_body(entry.names)


def is_place(entry: Entry) -> bool:
    """A state, territory or city record (AFGHANISTAN_ [AFG], ARMENIA_ [USRARM <900823]...): codes with no
    role and no body prefix. kronika's gazetteer has its own countries; these are skipped."""
    codes = [(clean_code(c), c) for c, _ in entry.codes if c != NULL_CODE]
    return bool(codes) and all(k is not None and k.kind == "state" and k.sector is None
                               and (blocks(c) or [""])[0] not in BODY_PREFIXES for k, c in codes)


def body_of(entry: Entry, report: Report) -> Body | None:
    armed = entry.file == FILES["armed"]
    cleaned = [k for c, _ in entry.codes if (k := clean_code(c)) is not None]
    if not cleaned:
        report.drop("bodies: no usable code (null, malformed or fictional)", entry.names[0])
        return None
    k = cleaned[-1] if any(r for _, r in entry.codes) else cleaned[0]  # dated: the latest status
    code, sector, kind, home = k.code, k.sector, k.kind, k.home
    if armed:
        # Armed groups: their state with REB; no state (a region, INT, KKL) or a transnational code: IMG.
        kind, sector = "armed_group", "REB"
        if code is None or k.kind != "state":
            code = "IMG"
        home = None
    elif code is None:
        report.drop("bodies: no state or body in the code (a region, religion, or a news outlet [MED])",
                    f"{entry.names[0]} [{entry.codes[0][0]}]")
        return None
    elif kind == "state":
        kind = "armed_group" if sector == "REB" else "national"
        if k.breakaway:
            sector = "PRE"
    names = split_names(entry, report, body=True)
    if names is None:
        report.drop("bodies: no usable name", entry.names[0])
        return None
    country = home or (code if kind in ("national", "armed_group") and code not in ("IMG",) else "")
    return Body(names[0], names[1], code, sector or "", kind, country or "", f"{entry.file}:{entry.line}")


def convert(source: Path, report: Report) -> tuple[list[Person], list[Body]]:
    people: list[Person] = []
    bodies: list[Body] = []
    for key in ("countries", "international", "armed"):
        for entry in read_actor_file(source / FILES[key]):
            if key == "countries" and is_place(entry):
                report.drop("records: states, territories and cities (kronika's gazetteer has its own)",
                            entry.names[0])
                continue
            if is_person(entry):
                roles = person_roles(entry, report)
                names = split_names(entry, report, body=False)
                if names is None:
                    report.drop("people: no usable name", entry.names[0])
                elif not roles:
                    report.drop("people: no usable role", entry.names[0])
                else:
                    people.append(Person(names[0], names[1], roles, f"{entry.file}:{entry.line}"))
            elif key == "countries" and is_office(entry.names):
                report.drop("records: an office, not a body (PRESIDENT_OF_THE_UNITED_STATES_)", entry.names[0])
            elif (b := body_of(entry, report)) is not None:
                bodies.append(b)
    return people, bodies


# --- identity, merging, output ---------------------------------------------------------------------

def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", phrase_key(name)).strip("-")


INTERNATIONAL = {"UNO", "EUR", "IGO"}


def home_country(p: Person) -> str:
    """The state of most of a person's roles; an international body's code for its officials only."""
    states = Counter(r.country for r in p.roles if r.country not in INTERNATIONAL)
    return states.most_common(1)[0][0] if states else sorted(r.country for r in p.roles)[0]


def merge_people(people: list[Person], report: Report) -> list[tuple[str, Person]]:
    """One person per full name and home country. Records whose name is the name or a full alias (two
    words or more) of an earlier record with the same home country join it: the source lists HAMMARSKJOLD_
    twice, and KOFI_ANNAN_ with the alias K._ANNAN_ and then K._ANNAN_ alone. The same name in two
    countries stays two people, told apart by an id with the country (``abdullah-abdullah-afg``); but an
    official of an international body joins the one person of any country with the same full name (Ban
    Ki-moon, KOR then UNO): the International file comes after the Countries file."""
    groups: list[tuple[str, Person]] = []
    index: dict[tuple[str, str], int] = {}
    anywhere: dict[str, set[int]] = defaultdict(set)
    for p in people:
        home = home_country(p)
        full = [slug(p.name)] + [slug(n) for n in p.aliases if len(tokens(n)) > 1]
        at = next((index[(s, home)] for s in full if (s, home) in index), None)
        if at is None and home in INTERNATIONAL:
            at = next((min(anywhere[s]) for s in full if len(anywhere[s]) == 1), None)
        if at is None:
            at = len(groups)
            groups.append((home, Person(p.name, list(p.aliases), set(p.roles), p.source)))
        else:
            report.kept["people: records joined to an earlier one (same full name, same country)"] += 1
            old = groups[at][1]
            old.roles |= p.roles
            known = {phrase_key(x) for x in [old.name, *old.aliases]}
            old.aliases += [a for a in [p.name, *p.aliases]
                            if phrase_key(a) not in known and not known.add(phrase_key(a))]
        for s in full:
            index.setdefault((s, home), at)
            anywhere[s].add(at)
    by_slug: dict[str, list[tuple[str, Person]]] = defaultdict(list)
    for home, p in groups:
        by_slug[slug(p.name)].append((home, p))
    out: list[tuple[str, Person]] = []
    for s, same in by_slug.items():
        for n, (home, p) in enumerate(same):
            pid = s if len(same) == 1 else f"{s}-{home.lower()}"
            if len(same) > 1 and [h for h, _ in same].count(home) > 1:
                pid += f"-{n + 1}"
            out.append((pid, p))
    return sorted(out, key=lambda x: x[0])


def drop_redundant(roles: set[Role]) -> list[Role]:
    """Roles sorted by start date; an undated role that repeats a dated one's country and sector goes."""
    dated = {(r.country, r.sector) for r in roles if r.since or r.until}
    return sorted(r for r in roles if r.since or r.until or (r.country, r.sector) not in dated)


def header(kind: str, note: str) -> str:
    """The file's first lines: the data format's version (which kronika.datafiles checks), then where
    the data comes from."""
    return ("# version: 1\n"
            f"# kronika knowledge base: {kind}. Converted by tools/convert_petrarch_actors.py from PETRARCH2's\n"
            f"# dictionaries ({SOURCE}), MIT licence, (c) 2014 Open Event Data Alliance: see NOTICE.md.\n"
            f"# {note}\n")


def write_csv(path: Path, head: str, columns: list[str], rows: Iterable[list[str]]) -> int:
    buf = io.StringIO()
    buf.write(head)
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(columns)
    count = 0
    for row in rows:
        w.writerow(row)
        count += 1
    path.write_text(buf.getvalue(), encoding="utf-8")
    return count


# --- agents ----------------------------------------------------------------------------------------

def plural(word: str) -> str:
    """The source's regular plural: +S, Y -> IES, SS -> SSES; kronika adds MAN -> MEN, PERSON -> PEOPLE
    and CH/SH/X -> ES."""
    if word.endswith("man"):
        return word[:-3] + "men"
    if word.endswith("person"):
        return word[:-6] + "people"
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "o", "u"):
        return word[:-1] + "ies"
    if word.endswith(("ss", "ch", "sh", "x")):
        return word + "es"
    return word + "s"


def plural_phrase(noun: str) -> str:
    """The head pluralised: "minister of interior" -> "ministers of interior"; none for "1st lt."."""
    ws = noun.split()
    head = next((k - 1 for k, w in enumerate(ws) if k and w in ("of", "for", "in", "on", "to", "at")), len(ws) - 1)
    if not ws[head].isalpha():
        return ""
    return " ".join(ws[:head] + [plural(ws[head])] + ws[head + 1:])


def read_agents(path: Path, report: Report) -> dict[str, tuple[str, list[str]]]:
    """noun -> (sector, plurals). !PERSON! and !MINIST! expand as the file defines them; a stem ending in
    MINIST becomes minister and ministry; [IGO~] and codes with no sector (RAD) are dropped."""
    subst: dict[str, list[str]] = {}
    out: dict[str, tuple[str, list[str]]] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.partition("#")[0].strip()
        if not line:
            continue
        if m := re.match(r"^(![A-Z]+!)\s*=\s*(.+)$", line):
            subst[m.group(1)] = [w.strip() for w in m.group(2).split(",")]
            continue
        m = re.match(r"^(.+?)\s*(\{[^}]*\})?\s*\[([^\]]+)\]\s*$", line)
        if m is None:
            report.drop("agents: unreadable line", line)
            continue
        phrase, irregular, code = m.group(1).strip(), m.group(2), m.group(3).strip()
        if not code.startswith("~"):
            report.drop("agents: a prefix code (IGO~), not a sector", phrase)
            continue
        bs = blocks(code[1:])
        sector = sector_of(bs or [])
        if sector is None:
            report.drop("agents: no sector in the code (RAD, NGO...)", f"{phrase} [{code}]")
            continue
        forms = [phrase]
        for mark, words in subst.items():
            if mark in phrase:
                singular = [w for w in words if not w.endswith(("MEN", "S"))] or words
                forms = [f.replace(mark, w) for f in forms for w in singular]  # POLICE!PERSON!: POLICEMAN
        if phrase.endswith("MINIST") or re.search(r"MINIST$", phrase):
            forms = [phrase + "ER", phrase + "RY"]
        extra = [w for w in re.split(r"\s+", (irregular or "{}")[1:-1]) if w]
        for f in forms:
            noun = re.sub(r"^(a|an|the) ", "", " ".join(tokens(f.replace("!", " "))).lower())
            if not usable(noun, 2):
                report.drop("agents: too short or a common word", f)
                continue
            plurals = [" ".join(tokens(x)).lower() for x in extra] if irregular else [plural_phrase(noun)]
            if noun.endswith(("men", "people", "persons")):
                plurals = []
            plurals = [x for x in plurals if x and x != noun]
            if noun in out and out[noun][0] != sector:
                report.drop("agents: the same noun with two sectors (first kept)", f"{noun} {sector}")
                continue
            out.setdefault(noun, (sector, plurals))
    return out


# --- main ------------------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("source", nargs="?", default="../shared/reference/petrarch2", type=Path)
    parser.add_argument("--out", default=Path(__file__).parent.parent / "src/kronika/actors/data/kb", type=Path)
    args = parser.parse_args(argv)
    report = Report()
    people, bodies = convert(args.source, report)
    merged = merge_people(people, report)
    args.out.mkdir(parents=True, exist_ok=True)

    def person_rows() -> Iterator[list[str]]:
        for pid, p in merged:
            for r in drop_redundant(p.roles):
                yield [pid, p.name, ";".join(p.aliases), r.country, r.sector, r.since, r.until]

    n_people = write_csv(args.out / "people.csv", header(
        "people and their roles, one row per role",
        "Dates are ISO; an empty since/until is open. Roles end in early 2014: later offices are missing."),
        ["id", "name", "aliases", "country", "sector", "since", "until"], person_rows())
    seen_bodies: dict[tuple[str, str], Body] = {}
    for b in bodies:
        key = (phrase_key(b.name), b.code)
        if key in seen_bodies:
            report.drop("bodies: duplicate of an earlier record (same name, same code)", b.name)
            seen_bodies[key].aliases += [a for a in b.aliases if a not in seen_bodies[key].aliases]
        else:
            seen_bodies[key] = b
    body_rows = sorted(([b.name, ";".join(b.aliases), b.code, b.sector, b.kind, b.country]
                        for b in seen_bodies.values()), key=lambda r: (phrase_key(r[0]), r[2]))
    n_bodies = write_csv(args.out / "bodies.csv", header(
        "international bodies, NGOs, companies, armed groups and national bodies",
        "kind: igo, ngo, mnc, armed_group, national; country: the home state where the source gives one."),
        ["name", "aliases", "code", "sector", "kind", "country"], body_rows)
    agents = read_agents(args.source / FILES["agents"], report)
    n_agents = write_csv(args.out / "agents.csv", header(
        "generic nouns and the sector they give", "plurals: ;-separated; empty when the noun is plural already."),
        ["noun", "plurals", "sector"], ([n, ";".join(p), s] for n, (s, p) in sorted(agents.items())))
    report.kept["people"] = len(merged)
    print(f"people.csv: {n_people} roles of {len(merged)} people; bodies.csv: {n_bodies}; agents.csv: {n_agents}")
    for why, n in sorted(report.kept.items()):
        print(f"  kept {n:6d}  {why}")
    for why, n in sorted(report.dropped.items()):
        print(f"  drop {n:6d}  {why}: e.g. {' | '.join(report.examples[why])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
