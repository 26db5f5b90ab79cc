"""The codebook: every field of every output format, as Markdown (``docs/codebook.md`` is generated here).

The flat, CAMEO and counts columns are the lists their writers use; the nested PLOVER record and the
other listings are described here, and tests check each description against a real record or row, so
a field added or renamed without its line here fails the suite.
"""

from __future__ import annotations

from collections.abc import Sequence

from kronika.analyse.cameo import CAMEO_COLUMNS, INTERNATIONAL_TO_CAMEO, SECTOR_TO_CAMEO_TYPE
from kronika.analyse.counts import COUNT_COLUMNS, GROUPS
from kronika.analyse.flat import FLAT_COLUMNS
from kronika.columns import Column

PLOVER_FIELDS = (
    Column("id", "string", "derived from the content (document, sentence, trigger, category): re-runs never "
           "duplicate; a corroborated event keeps its first report's id"),
    Column("date", "string", "YYYY-MM-DD, or YYYY-MM / YYYY at lower precision, or null when unknown"),
    Column("event", "string", "the PLOVER category (AGREE, CONSULT, SUPPORT, CONCEDE, COOPERATE, AID, RETREAT, "
           "REQUEST, ACCUSE, REJECT, THREATEN, PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT)"),
    Column("mode", "list", "PLOVER modes of the category (visit, arrest, ...)"),
    Column("context", "list", "PLOVER contexts (military, economic, territory, ...)"),
    Column("aux", "list", "auxiliary modes: negation, hypothetical, future, historical"),
    Column("actor", "objects", "who acts: a list of actor entries (below)"),
    Column("recipient", "objects", "who is acted on: a list of actor entries"),
    Column("event_loc", "object", "where it happened (below), or null"),
    Column("event_scale", "float", "the PLOVER cooperation-conflict score of the category and mode, -10 to +10"),
    Column("quad_code", "integer", "1 verbal cooperation, 2 material cooperation, 3 verbal conflict, "
           "4 material conflict"),
    Column("cameo_root", "string", "the CAMEO root code (01-20) of the category, by PLOVER's crosswalk"),
    Column("confidence", "float", "0 to 1; lower for weak triggers, inferred actors and implicit recipients"),
    Column("text", "string", "the sentence"),
    Column("event_text", "string", "the trigger words"),
    Column("reported_by", "string", "the speaker when the event is told inside a quotation or reported speech"),
    Column("cite_info", "object", "where the event was read (below): the first report"),
    Column("sources", "objects", "every report of the same real-world event (below), the first report first"),
    Column("n_sources", "integer", "the number of `sources`"),
    Column("coder", "string", "the kronika version that coded it"),
)
ACTOR_ENTRY = (
    Column("code", "string", "ISO 3166 alpha-3, or KOS, EUR, UNO, IGO, NGO, MNC, ISM, IMG; null when unknown"),
    Column("sector", "string", "PLOVER sector (GOV, MIL, SPY, COP, JUD, LEG, PTY, ...); null when unknown"),
    Column("entity_text", "string", "the words of the sentence naming it; \"\" for a side PLOVER's conventions "
           "inferred"),
    Column("identifier_text", "string", "the name it is known by (the corpus entity's name, or the words)"),
    Column("entity_id", "string", "kronika's corpus entity (`country:KEN`, `person:jiri novak`), when resolved"),
    Column("inferred", "string", "present only on an inferred side: why (an arrest's implied police, a "
           "protest's government...)"),
)
EVENT_LOC = (
    Column("name", "string", "the place's name (Belgrade)"),
    Column("country", "string", "its country code"),
    Column("lat", "float", "latitude (WGS 84), from GeoNames"),
    Column("lon", "float", "longitude"),
    Column("source", "string", "sentence (a place named in it) or dateline"),
)
CITE_INFO = (
    Column("source_file", "string", "the file the article was read from"),
    Column("doc_id", "string", "the document's id (SHA-1 of its normalised text)"),
    Column("url", "string", "the article's URL"),
    Column("outlet", "string", "the outlet"),
    Column("published", "string", "the article's publication date (YYYY-MM-DD, YYYY-MM or YYYY)"),
    Column("sentence", "integer", "the sentence's number in the document, from 0"),
    Column("char_start", "integer", "where the sentence starts in the original text"),
    Column("char_end", "integer", "where it ends (exclusive)"),
    Column("caption", "boolean", "present and true only when the event was read in a photo caption"),
)
SOURCE_ENTRY = (
    *(c for c in CITE_INFO if c.name != "caption"),
    Column("text", "string", "the sentence of this report"),
    Column("caption", "boolean", "whether this report was read in a photo caption"),
)
EXPLAIN = (
    Column("trigger", "string", "the lexicon entry that fired: lemma, part of speech, particle, preposition, "
           "objects -> category and mode"),
    Column("source", "string", "kronika (its own lexicon), cameo (a converted CAMEO entry), or rule:NAME"),
    Column("cameo", "string", "the CAMEO code of a converted entry"),
    Column("rule", "string", "the rule that changed the entry's category, if any"),
    Column("cues", "list", "the modality cues found (not, could, will, ...)"),
    Column("actor", "string", "how the actor side was found"),
    Column("recipient", "string", "how the recipient side was found"),
)
DYAD_CSV = (
    Column("period", "string", "2024-W11 (ISO week), 2024-03 (month) or 2024 (year)"),
    Column("direction", "string", "A>B (A acts on B), B>A, or A+B (both on the acting side)"),
    Column("event", "string", "the PLOVER category; empty on the row of a period with no event"),
    Column("quad_code", "integer", "the category's quad class"),
    Column("count", "integer", "factual events of that category, direction and period (0 for a quiet period)"),
    Column("mean_score", "float", "their mean PLOVER score"),
    Column("event_ids", "string", "their ids, separated by spaces"),
)
DOCUMENTS = (
    Column("doc_id", "string", "SHA-1 of the normalised text: the same article twice is stored once"),
    Column("source_file", "string", "the file it was read from (<stdin> for standard input)"),
    Column("title", "string", "the title"),
    Column("published", "string", "publication date, YYYY-MM-DD, YYYY-MM or YYYY"),
    Column("date_precision", "string", "day, month or year"),
    Column("outlet", "string", "the outlet"),
    Column("author", "string", "the byline"),
    Column("url", "string", "the URL"),
    Column("dateline", "string", "the dateline's place (BELGRADE -)"),
    Column("n_sentences", "integer", "sentences coded"),
)
QUOTES = (
    Column("id", "string", "the quotation's id"),
    Column("date", "string", "when it was said: the speech verb's time expression, else the article's date"),
    Column("speaker", "string", "the speaker's name as resolved by the actors stage"),
    Column("channel", "string", "statement, facebook, x, telegram, press conference, interview, tv, ... when "
           "the text says"),
    Column("direct", "boolean", "true for quoted words, false for reported speech (X said that ...)"),
    Column("text", "string", "the words quoted, or the reported clause"),
    Column("speaker_text", "string", "the words that named the speaker (the Serbian interior minister)"),
    Column("speaker_key", "string", "the speaker's entity key in its document"),
    Column("date_precision", "string", "day, month or year"),
    Column("claim_id", "string", "shared by quotations repeating one claim across articles"),
    Column("doc_id", "string", "the document"),
    Column("source_file", "string", "its file"),
    Column("outlet", "string", "its outlet"),
    Column("published", "string", "its publication date"),
    Column("url", "string", "its URL"),
    Column("sentence", "integer", "the sentence's number"),
    Column("char_start", "integer", "where the quoted words start in the original text"),
    Column("char_end", "integer", "where they end (exclusive)"),
    Column("caption", "boolean", "read in a photo caption"),
)
NETWORK_NODE = (
    Column("id", "string", "a country code, or a corpus entity id"),
    Column("label", "string", "the name to show"),
    Column("kind", "string", "country or entity"),
    Column("country", "string", "its country code"),
    Column("sector", "string", "its sector"),
    Column("type", "string", "GPE, PERSON or ORG"),
    Column("events", "integer", "factual events it takes part in"),
)
NETWORK_EDGE = (
    Column("source", "string", "the acting node's id"),
    Column("target", "string", "the node acted on"),
    Column("count", "integer", "factual events from source to target (GraphML: also `weight`)"),
    Column("mean_score", "float", "their mean PLOVER score (GraphML: NaN when none)"),
    Column("categories", "object", "events per PLOVER category (GraphML: JSON text)"),
    Column("events", "list", "their ids (GraphML: separated by spaces)"),
)


def render_codebook() -> str:
    """docs/codebook.md's generated part."""
    parts = [
        _section("The PLOVER record", "`kronika events --format plover` and `kronika export --format plover`: "
                 "one JSON object a line. A missing value is null.", PLOVER_FIELDS),
        _section("Actor entries", "Each item of `actor` and `recipient`.", ACTOR_ENTRY, level=3),
        _section("event_loc", "", EVENT_LOC, level=3),
        _section("cite_info", "", CITE_INFO, level=3),
        _section("sources", "Each item of `sources`.", SOURCE_ENTRY, level=3),
        _section("kronika's explain field", "`kronika events --format jsonl` is the PLOVER record plus `explain` "
                 "(null for events coded before kronika kept explanations): why it was coded so.", EXPLAIN),
        _section("Flat events", "`kronika events --format csv|parquet` and `kronika export --format csv|parquet`, "
                 "one row per real-world event (`--by-source`: per report). In Parquet each column has the "
                 "type shown and a list is a list of strings; in CSV a missing value is an empty cell, a list "
                 "is JSON text (`[\"GOV\", \"MIL\"]`), a date is YYYY-MM-DD and a boolean true or false.",
                 FLAT_COLUMNS),
        _section("CAMEO-style events", "`kronika export --format cameo`: CSV for users of GDELT and ICEWS data. "
                 "A compound event (several actors or recipients) becomes one row per pair of distinct CAMEO "
                 "actor codes, each with the event's `id`; a side with no coded actor leaves its columns "
                 "empty. Names follow GDELT's event table where the meaning is the same.", CAMEO_COLUMNS)
        + "\n" + _crosswalk(),
        _section("Counts", "`kronika counts --format csv|json` (JSON: `{\"by\", \"group\", \"matched\", "
                 "\"not_placed\", \"rows\"}` with these rows). Every period from the first to the last is "
                 "present, 0 when nothing happened; with `--group`, every group has every period. With "
                 "`--since`/`--until` the periods run from one to the other. An event whose date is less "
                 "precise than the period (a 2024 event by month) or unknown is in no period: `not_placed` "
                 "counts them.", COUNT_COLUMNS) + "\n" + _groups(),
        _section("Dyads", "`kronika dyad A B --format csv`: one row per period, direction and category of the "
                 "factual events between A and B. `--format json` holds the same cells plus totals per period "
                 "and direction, and the events counted and not counted.", DYAD_CSV),
        _section("Documents", "`kronika documents --format csv|jsonl`.", DOCUMENTS),
        _section("Quotations", "`kronika quotes --format csv|jsonl`.", QUOTES),
        _section("Network nodes", "`kronika network --format json` (`{\"nodes\", \"edges\"}`) and `--format "
                 "graphml` (node and edge attributes of the same names).", NETWORK_NODE),
        _section("Network edges", "", NETWORK_EDGE, level=3),
    ]
    return "\n".join(parts)


def _section(title: str, intro: str, columns: Sequence[Column], level: int = 2) -> str:
    lines = [f"{'#' * level} {title}", ""]
    if intro:
        lines += [intro, ""]
    lines += ["| field | type | meaning |", "|---|---|---|"]
    lines += [f"| `{c.name}` | {c.kind} | {c.doc.replace('|', '/')} |" for c in columns]
    return "\n".join(lines) + "\n"


def _crosswalk() -> str:
    sectors = ", ".join(f"{k} → {v}" for k, v in SECTOR_TO_CAMEO_TYPE.items() if k != v)
    same = " ".join(k for k, v in SECTOR_TO_CAMEO_TYPE.items() if k == v)
    bodies = ", ".join(f"{k} → {v}" for k, v in INTERNATIONAL_TO_CAMEO.items())
    return (f"PLOVER sectors kept as CAMEO types: {same}. Renamed: {sectors}. No CAMEO type: PRM, PRE, UNK.\n"
            f"PLOVER international codes as CAMEO actor prefixes: {bodies}.\n")


def _groups() -> str:
    return "`--group` values:\n\n" + "\n".join(f"- `{k}`: {v}" for k, v in GROUPS.items()) + "\n"
