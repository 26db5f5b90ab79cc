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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kronika.errors import InputError
from kronika.lang.en import fold
from kronika.plover import AUX_MODES, NOT_FACT_AUX


def doc_key(name: object) -> str:
    base = Path(str(name)).name
    return base.split("_")[0].split(".")[0]


def _codes(side: list[dict[str, Any]] | None) -> set[str]:
    return {str(e.get("code", "")).upper() for e in (side or []) if e.get("code")}


def _aux(rec: dict[str, Any]) -> set[str]:
    a = rec.get("aux")
    vals = set(a if isinstance(a, list) else [a] if a else [])
    vals |= {c for c in rec.get("context") or [] if c in AUX_MODES}
    return vals


def _source(rec: dict[str, Any]) -> str | None:
    ci = rec.get("cite_info") or {}
    for k in ("source_file", "doc", "document", "file"):
        if rec.get(k):
            return str(rec[k])
        if ci.get(k):
            return str(ci[k])
    return None


def participants_match(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    ga, gr = _codes(gold["actor"]), _codes(gold["recipient"])
    pa, pr = _codes(pred.get("actor")), _codes(pred.get("recipient"))
    if gold["event"] == "CONSULT" or not gr:
        gu, pu = ga | gr, pa | pr
        need = min(2, len(gu)) if gold["event"] == "CONSULT" else 1
        return len(gu & pu) >= need if gu else True
    if ga and not (ga & pa):
        return False
    return bool(gr & pr)


def same_sentence(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    return fold(gold["evidence"] or "") in fold(pred.get("text") or pred.get("sentence") or "")


def right_category(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    return same_sentence(gold, pred) and pred.get("event") in [gold["event"], *gold.get("also_accept", [])]


def event_matches(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    return right_category(gold, pred) and participants_match(gold, pred)


def date_ok(gold_date: str | None, pred_date: str | None, published_year: object = None) -> bool:
    if gold_date is None:
        return pred_date in (None, "") or bool(published_year and str(pred_date).startswith(str(published_year)))
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


def load_gold(path: str) -> dict[str, Any]:
    try:
        gold = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise InputError(path, "no such file") from exc
    except json.JSONDecodeError as exc:
        raise InputError(path, f"not valid JSON: {exc.msg}", line=exc.lineno) from exc
    if not isinstance(gold, dict) or not isinstance(gold.get("documents"), list):
        raise InputError(path, 'expected an object with a "documents" list', field="documents")
    for n, d in enumerate(gold["documents"]):
        for k in ("file", "events"):
            if k not in d:
                raise InputError(path, f"document {n} has no {k!r}", field=f"documents[{n}].{k}")
    return gold


def score(gold: dict[str, Any], preds: list[dict[str, Any]]) -> Report:
    """Precision, recall, F1, negation traps and date accuracy, overall and per category."""
    overall = Tally()
    cats: dict[str, Tally] = defaultdict(Tally)
    by_doc = {doc_key(d["file"]): d for d in gold["documents"]}
    preds_by_doc: dict[str, list[dict[str, Any]]] = {}
    for p in preds:
        preds_by_doc.setdefault(doc_key(_source(p) or "?"), []).append(p)
    report = Report(overall, cats)
    for key, doc in by_doc.items():
        ps = preds_by_doc.get(key, [])
        used: set[int] = set()
        for p in ps:
            overall.predicted += 1
            cats[str(p.get("event"))].predicted += 1
        for g in doc["events"]:
            blocking = set(g.get("aux") and [g["aux"]] or []) & set(NOT_FACT_AUX)
            hits = [i for i, p in enumerate(ps) if event_matches(g, p)]
            good = [i for i in hits if blocking <= _aux(ps[i])]
            bad = [i for i in hits if i not in good]
            for t in (overall, cats[g["event"]]):
                t.traps += len(bad)
            used.update(good)
            if g.get("required"):
                for t in (overall, cats[g["event"]]):
                    t.required += 1
                if good:
                    for t in (overall, cats[g["event"]]):
                        t.found += 1
                    if g.get("date") is not None or "published" in doc:
                        ok = any(date_ok(g.get("date"), ps[i].get("date"), doc.get("published_year"))
                                 for i in good)
                        for t in (overall, cats[g["event"]]):
                            t.dates += 1
                            t.dates_ok += ok
                else:
                    report.missed.append((doc["file"][:3], g["event"], g["evidence"][:70]))
                for t in (overall, cats[g["event"]]):
                    if not any(same_sentence(g, p) for p in ps):
                        t.no_event += 1
                    elif not any(right_category(g, p) for p in ps):
                        t.wrong_category += 1
                    elif not hits:
                        t.codes_wrong += 1
        for i in used:
            overall.matched += 1
            cats[str(ps[i].get("event"))].matched += 1
        report.unmatched += [(doc["file"][:3], str(ps[i].get("event")), (ps[i].get("text") or "")[:70])
                             for i in range(len(ps)) if i not in used]
    return report


def score_store(db: str, gold_path: str) -> Report:
    from kronika.analyse.listing import event_listing

    return score(load_gold(gold_path), [ev.to_plover() for ev in event_listing(db).rows])


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
