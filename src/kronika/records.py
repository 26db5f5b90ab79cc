"""Plain records passed between stages.

Every record is a frozen, slotted dataclass: cheap to pickle for worker processes and Ray, and
impossible to mutate behind a later stage's back. Character offsets always say which text they point
into: ``text`` (the cleaned text used for analysis) or ``raw_text`` (the article as read).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field


def location(source: str, line: int | None = None, field: str | None = None) -> str:
    """Where a problem is, as messages show it: ``file line 3: field "published"``.

    Control characters in a file name (a newline, a tab) are shown escaped, so one problem stays one line.
    """
    where = "".join(c if c.isprintable() else repr(c)[1:-1] for c in source)
    if line is not None:
        where += f" line {line}"
    if field is not None:
        where += f': field "{field}"'
    return where


def clipped(value: str, limit: int = 200) -> str:
    """A piece of the user's input as a message quotes it: one line, at most ``limit`` characters (a
    100 kB field must not become a 100 kB message)."""
    value = " ".join(value.split())
    return value if len(value) <= limit else value[:limit] + "…"


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with one input or one record: data for the run summary, not a crash."""

    source: str  # file name (or "<stdin>"), or doc_id for problems found after ingest
    stage: str  # ingest | nlp | actors | events | store
    message: str
    line: int | None = None
    field: str | None = None
    severity: str = "error"  # error (the record was not stored) | warning (stored, with a caveat)
    detail: str | None = None  # the traceback of an unexpected failure, shown with --debug only

    def __str__(self) -> str:
        return f"{location(self.source, self.line, self.field)}: {self.message}"


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of ``length`` characters copied unchanged from raw_text[raw_start:] to text[clean_start:]."""

    clean_start: int
    raw_start: int
    length: int


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read and cleaned by the ingest stage.

    ``raw_text`` is the original article text (for HTML: the text extracted from the page, before
    boilerplate is stripped). ``text`` is what the later stages analyse: captions, credits, gallery
    counters, copyright lines and footers removed. ``segments`` map offsets in ``text`` back to
    ``raw_text`` (see :meth:`to_raw`).
    """

    doc_id: str  # sha1 of the normalised cleaned text: the same article twice gets one id
    source_file: str  # the input file's name ("<stdin>" for standard input)
    source_path: str  # the path as given, for messages
    fmt: str  # txt | md | html | json | jsonl | csv
    raw_text: str
    text: str
    segments: tuple[Segment, ...]
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD, YYYY-MM or YYYY
    date_precision: str | None = None  # day | month | year, None when published is None
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    dateline: str | None = None  # city named at the start of the body ("BELGRADE –")
    record: int | None = None  # row or line number inside a JSONL/CSV/JSON-array file
    captions: tuple[tuple[int, int], ...] = ()  # raw_text (start, end) of photo captions, credit cut off

    def to_raw(self, clean_offset: int) -> int:
        """Map an offset in ``text`` to the matching offset in ``raw_text``."""
        if not self.segments:
            return clean_offset
        starts = [s.clean_start for s in self.segments]
        i = max(0, bisect_right(starts, clean_offset) - 1)
        seg = self.segments[i]
        return seg.raw_start + min(max(clean_offset - seg.clean_start, 0), seg.length)


@dataclass(frozen=True, slots=True)
class Token:
    """One token of a parsed document; ``i`` and ``head`` index the document's token list."""

    i: int
    text: str
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int
    idx: int  # character offset in Article.text
    sent: int  # index of the sentence it belongs to
    ent_iob: str  # B | I | O
    ent_type: str
    ws: bool  # followed by whitespace

    @property
    def end(self) -> int:
        return self.idx + len(self.text)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of Article.text, with offsets in both texts."""

    doc_id: str
    index: int
    start: int  # offset in Article.text
    end: int
    text: str
    raw_start: int  # offset in Article.raw_text
    raw_end: int
    first_token: int
    last_token: int  # exclusive


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of text that names (or points to) an actor."""

    doc_id: str
    start_char: int  # offset in Article.text
    end_char: int
    text: str
    label: str  # PERSON | ORG | GPE | NORP | TITLE | PRON
    sentence: int
    entity_key: str | None = None  # the document-level entity it was resolved to


@dataclass(frozen=True, slots=True)
class ParsedDoc:
    """An article with its spaCy parse turned into kronika records (stages after nlp never see spaCy)."""

    article: Article
    tokens: tuple[Token, ...]
    sentences: tuple[Sentence, ...]
    entities: tuple[Mention, ...]  # spaCy's named entities


@dataclass(frozen=True, slots=True)
class Role:
    """A title held by a person, as seen in articles, with the dates that bound it."""

    title: str
    sector: str | None
    country: str | None
    first_seen: str | None  # article dates on which the title was seen with the person
    last_seen: str | None
    since: str | None = None  # when the text says the role began ("appointed ... in May")
    until: str | None = None  # when the text says it ended ("stepped down ... in November 2023")
    former: bool = False  # "the former head of ..." on the date seen
    doc_id: str | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    """A canonical actor: within one document (``key`` local) or across the store (``entity_id``)."""

    key: str  # stable id: "person:aleksandar vulin", "country:SRB", "org:nato"...
    name: str
    type: str  # PERSON | ORG | GPE
    country: str | None  # ISO alpha-3 or PLOVER code (KOS, EUR, UNO, IGO, NGO, MNC...)
    sector: str | None  # PLOVER sector
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    mentions: int = 0
    doc_ids: tuple[str, ...] = ()
    source: str = "text"  # text | user (from an --actors file)


@dataclass(frozen=True, slots=True)
class ActorRef:
    """One side of an event, as PLOVER writes it."""

    code: str | None
    sector: str | None
    entity_text: str  # the words in the sentence ("" for an actor the sentence leaves implicit)
    identifier_text: str | None  # the canonical name it was resolved to
    entity_key: str | None = None
    # Not named in the sentence but implied by PLOVER's conventions ("was arrested": the police of the
    # country where it happened; a protest: the government of that country). Says why.
    inferred: str | None = None
    # The corpus-wide entity the merge resolved ``entity_key`` to: set only on what is read back from the
    # store (the merge replaces the key with it in the stored record).
    entity_id: str | None = None

    def to_plover(self) -> dict[str, str | bool | None]:
        out: dict[str, str | bool | None] = {
            "code": self.code,
            "sector": self.sector,
            "entity_text": self.entity_text,
            "identifier_text": self.identifier_text,
        }
        if self.entity_key:
            out["entity_key"] = self.entity_key  # replaced by the corpus-wide entity_id after the merge
        if self.inferred:
            out["inferred"] = self.inferred
        if self.entity_id:
            out["entity_id"] = self.entity_id  # last: the merge appends it
        return out


@dataclass(frozen=True, slots=True)
class Citation:
    """Where an event (or quote) was read: document, sentence and offsets into the original text."""

    doc_id: str
    source_file: str
    sentence: int
    char_start: int  # offsets in Article.raw_text
    char_end: int
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    text: str = ""
    caption: bool = False  # read in a photo caption (offsets still point into Article.raw_text)


@dataclass(frozen=True, slots=True)
class Explanation:
    """Why an event was coded as it is: what users read to trust the coder, and to correct it."""

    trigger: str  # the lexicon entry that fired: "sign VERB +object[agreement] -> SUPPORT"
    source: str  # where the entry comes from: kronika (its own lexicon), cameo (converted), rule:<name>
    cameo: str | None = None  # the CAMEO code of a converted entry
    rule: str | None = None  # the rule that changed the entry's category ("a cooperative act announced")
    cues: tuple[str, ...] = ()  # the words behind aux and the rule ("negation: not", "future: will")
    actor: str = ""  # how each side was found ("the verb's subject", "PLOVER convention: ...")
    recipient: str = ""

    def to_json(self) -> dict[str, object]:
        return {"trigger": self.trigger, "source": self.source, "cameo": self.cameo, "rule": self.rule,
                "cues": list(self.cues), "actor": self.actor, "recipient": self.recipient}


@dataclass(frozen=True, slots=True)
class Event:
    """A PLOVER event coded from one sentence."""

    id: str
    doc_id: str
    sentence: int
    event: str  # PLOVER category
    mode: tuple[str, ...]
    context: tuple[str, ...]
    aux: tuple[str, ...]  # negation | hypothetical | future | historical
    actor: tuple[ActorRef, ...]
    recipient: tuple[ActorRef, ...]
    date: str | None  # YYYY-MM-DD | YYYY-MM | YYYY
    date_precision: str | None
    event_loc: dict[str, object] | None
    event_scale: float
    quad_code: int
    cameo_root: str
    confidence: float
    text: str  # the sentence
    event_text: str  # the trigger words
    trigger_start: int  # offsets in Article.text
    trigger_end: int
    cite: Citation
    reported_by: str | None = None
    sources: tuple[Citation, ...] = ()
    explain: Explanation | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation (direct or reported) attributed to a speaker."""

    id: str
    doc_id: str
    text: str
    speaker: str | None  # canonical name
    speaker_key: str | None
    speaker_text: str | None  # the words naming the speaker
    channel: str | None  # statement | facebook | instagram | press conference | interview ...
    date: str | None
    date_precision: str | None
    direct: bool
    cite: Citation


@dataclass(slots=True)
class DocResult:
    """Everything the pipeline learned from one article, ready for the store."""

    article: Article
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    entities: tuple[Entity, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    problems: tuple[Problem, ...] = field(default_factory=tuple)
