"""Scoring coded events against a reference annotation (the shape of the seeds' gold file).

The matching rules are the reference scorer's (``shared/eval/score.py``), so a user measuring kronika
on their own annotated articles gets the same figures: same document; the reference evidence inside
the predicted sentence (case, accents and quote styles folded); the category or an accepted
alternative; a shared actor and recipient code (for CONSULT, two shared participants); and a negated
or supposed reference event matched only by a prediction that says so.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kronika.errors import InputError
from kronika.lang.en import fold
from kronika.plover import AUX_MODES, NOT_FACT_AUX
from kronika.store.stored import StoredEvent


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One event of the reference annotation."""

    evidence: str  # words of the sentence that tells it
    event: str  # the PLOVER category
    also_accept: tuple[str, ...]  # other categories that count as right
    actor: frozenset[str]  # each side's codes, upper-cased
    recipient: frozenset[str]
    aux: str | None  # "negation", "hypothetical"...: only a prediction that says so matches
    date: str | None
    required: bool  # the clear events recall counts; the others only must not be contradicted


@dataclass(frozen=True, slots=True)
class GoldDocument:
    """One annotated article."""

    file: str
    events: tuple[GoldEvent, ...]
    dated: bool  # it gives a publication date: a required event with no date of its own is scored too
    published_year: str | None


@dataclass(frozen=True, slots=True)
class Gold:
    documents: tuple[GoldDocument, ...]


def doc_key(name: object) -> str:
    base = Path(str(name)).name
    return base.split("_")[0].split(".")[0]


def _codes(side: object) -> frozenset[str]:
    entries = side if isinstance(side, list) else []
    return frozenset(str(e["code"]).upper() for e in entries if isinstance(e, dict) and e.get("code"))


def _aux(pred: StoredEvent) -> set[str]:
    return set(pred.aux) | {c for c in pred.context if c in AUX_MODES}


def _pred_codes(pred: StoredEvent) -> tuple[frozenset[str], frozenset[str]]:
    return (frozenset(a.code.upper() for a in pred.actor if a.code),
            frozenset(a.code.upper() for a in pred.recipient if a.code))


def participants_match(gold: GoldEvent, pred: StoredEvent) -> bool:
    ga, gr = gold.actor, gold.recipient
    pa, pr = _pred_codes(pred)
    if gold.event == "CONSULT" or not gr:
        gu, pu = ga | gr, pa | pr
        need = min(2, len(gu)) if gold.event == "CONSULT" else 1
        return len(gu & pu) >= need if gu else True
    if ga and not (ga & pa):
        return False
    return bool(gr & pr)


def same_sentence(gold: GoldEvent, pred: StoredEvent) -> bool:
    return fold(gold.evidence) in fold(pred.text or "")


def right_category(gold: GoldEvent, pred: StoredEvent) -> bool:
    return same_sentence(gold, pred) and pred.event in (gold.event, *gold.also_accept)


def event_matches(gold: GoldEvent, pred: StoredEvent) -> bool:
    return right_category(gold, pred) and participants_match(gold, pred)


def date_ok(gold_date: str | None, pred_date: str | None, published_year: str | None = None) -> bool:
    if gold_date is None:
        return pred_date in (None, "") or bool(published_year and str(pred_date).startswith(published_year))
    if not pred_date:
        return False
    return str(pred_date).startswith(gold_date)


@dataclass
class Tally:
    required: int = 0
    found: int = 0
    predicted: int = 0
    matched: int = 0
    traps: int = 0
    dates: int = 0
    dates_ok: int = 0
    # where required events are lost: no prediction on the sentence, none of the right category, or
    # the category right but the actor/recipient codes wrong
    no_event: int = 0
    wrong_category: int = 0
    codes_wrong: int = 0

    @property
    def recall(self) -> float:
        return self.found / self.required if self.required else 0.0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def date_accuracy(self) -> float:
        return self.dates_ok / self.dates if self.dates else 0.0

    @property
    def category_recall(self) -> float:
        """Required events whose sentence got a prediction of the right category."""
        right = self.required - self.no_event - self.wrong_category
        return right / self.required if self.required else 0.0

    @property
    def code_accuracy(self) -> float:
        """Of those, the share whose actor and recipient codes also match."""
        right = self.required - self.no_event - self.wrong_category
        return (right - self.codes_wrong) / right if right else 0.0


@dataclass
class Report:
    overall: Tally
    by_category: dict[str, Tally]
    missed: list[tuple[str, str, str]] = field(default_factory=list)
    unmatched: list[tuple[str, str, str]] = field(default_factory=list)


def load_gold(path: str) -> Gold:
    try:
        gold = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise InputError(path, "no such file") from exc
    except json.JSONDecodeError as exc:
        raise InputError(path, f"not valid JSON: {exc.msg}", line=exc.lineno) from exc
    if not isinstance(gold, dict) or not isinstance(gold.get("documents"), list):
        raise InputError(path, 'expected an object with a "documents" list', field="documents")
    return Gold(tuple(_document(path, n, d) for n, d in enumerate(gold["documents"])))


def _document(path: str, n: int, d: object) -> GoldDocument:
    where = f"documents[{n}]"
    if not isinstance(d, dict):
        raise InputError(path, f"document {n} is not an object", field=where)
    for k in ("file", "events"):
        if k not in d:
            raise InputError(path, f"document {n} has no {k!r}", field=f"{where}.{k}")
    if not isinstance(d["events"], list):
        raise InputError(path, f"document {n}'s events are not a list", field=f"{where}.events")
    year = d.get("published_year")
    return GoldDocument(file=str(d["file"]), events=tuple(_event(path, f"{where}.events[{m}]", e)
                                                         for m, e in enumerate(d["events"])),
                        dated="published" in d, published_year=str(year) if year else None)


def _event(path: str, where: str, e: object) -> GoldEvent:
    if not isinstance(e, dict):
        raise InputError(path, f"{where} is not an object", field=where)
    if not isinstance(e.get("event"), str):
        raise InputError(path, f"{where} has no category (\"event\")", field=f"{where}.event")
    aux, date = e.get("aux"), e.get("date")
    return GoldEvent(evidence=str(e.get("evidence") or ""), event=e["event"],
                     also_accept=tuple(str(c) for c in e.get("also_accept") or ()),
                     actor=_codes(e.get("actor")), recipient=_codes(e.get("recipient")),
                     aux=str(aux) if aux else None, date=str(date) if date is not None else None,
                     required=bool(e.get("required")))


def score(gold: Gold, preds: Sequence[StoredEvent]) -> Report:
    """Precision, recall, F1, negation traps and date accuracy, overall and per category."""
    overall = Tally()
    cats: dict[str, Tally] = defaultdict(Tally)
    by_doc = {doc_key(d.file): d for d in gold.documents}
    preds_by_doc: dict[str, list[StoredEvent]] = {}
    for p in preds:
        preds_by_doc.setdefault(doc_key(p.source_file or "?"), []).append(p)
    report = Report(overall, cats)
    for key, doc in by_doc.items():
        ps = preds_by_doc.get(key, [])
        used: set[int] = set()
        for p in ps:
            overall.predicted += 1
            cats[p.event].predicted += 1
        for g in doc.events:
            blocking = {g.aux} & set(NOT_FACT_AUX)
            hits = [i for i, p in enumerate(ps) if event_matches(g, p)]
            good = [i for i in hits if blocking <= _aux(ps[i])]
            bad = [i for i in hits if i not in good]
            for t in (overall, cats[g.event]):
                t.traps += len(bad)
            used.update(good)
            if g.required:
                for t in (overall, cats[g.event]):
                    t.required += 1
                if good:
                    for t in (overall, cats[g.event]):
                        t.found += 1
                    if g.date is not None or doc.dated:
                        ok = any(date_ok(g.date, ps[i].date, doc.published_year) for i in good)
                        for t in (overall, cats[g.event]):
                            t.dates += 1
                            t.dates_ok += ok
                else:
                    report.missed.append((doc.file[:3], g.event, g.evidence[:70]))
                for t in (overall, cats[g.event]):
                    if not any(same_sentence(g, p) for p in ps):
                        t.no_event += 1
                    elif not any(right_category(g, p) for p in ps):
                        t.wrong_category += 1
                    elif not hits:
                        t.codes_wrong += 1
        for i in used:
            overall.matched += 1
            cats[ps[i].event].matched += 1
        report.unmatched += [(doc.file[:3], ps[i].event, (ps[i].text or "")[:70])
                             for i in range(len(ps)) if i not in used]
    return report


def score_store(db: str, gold_path: str) -> Report:
    from kronika.analyse.listing import event_listing

    return score(load_gold(gold_path), list(event_listing(db).rows))


def render_report(r: Report, *, show_errors: bool = False) -> str:
    lines = [f"{'category':<10} {'required':>8} {'found':>6} {'recall':>7} {'predicted':>9} "
             f"{'matched':>8} {'precision':>9} {'F1':>6} {'traps':>6} {'dates':>7}"]

    def row(name: str, t: Tally) -> str:
        return (f"{name:<10} {t.required:>8} {t.found:>6} {t.recall:>7.3f} {t.predicted:>9} {t.matched:>8} "
                f"{t.precision:>9.3f} {t.f1:>6.3f} {t.traps:>6} {t.dates_ok:>3}/{t.dates:<3}")

    for name in sorted(r.by_category):
        lines.append(row(name, r.by_category[name]))
    lines.append(row("overall", r.overall))
    if show_errors:
        lines += [f"missed    {d} {c} {t}" for d, c, t in r.missed]
        lines += [f"unmatched {d} {c} {t}" for d, c, t in r.unmatched]
    o = r.overall
    lines.append(f"required events lost: no event on the sentence {o.no_event}, wrong category "
                 f"{o.wrong_category}, category right but actor/recipient codes wrong {o.codes_wrong}")
    lines.append(f"events: recall {o.recall:.3f} precision {o.precision:.3f} F1 {o.f1:.3f} "
                 f"negation_traps {o.traps} date_accuracy {o.date_accuracy:.3f} "
                 f"category_recall {o.category_recall:.3f} code_accuracy {o.code_accuracy:.3f}")
    return "\n".join(lines)
