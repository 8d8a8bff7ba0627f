"""How much of a portal reason is in the text at all: the `ceiling` section of `bench.intelligence`.

Two measurements on the latest month, with the classifier of the classification section:
- texts seen word for word in the earlier months: how often the reason (category) they get now is the one
  most of the earlier copies got — what any reader of the text alone could do with them;
- the same model told the portal's `city_object` (Дом, Двор, Улица, Квартира …), which the resident picks
  on the portal's map before the reason: only reasons filed under that object in the earlier months may
  win. The object is not known at our intake, so this is no product setting; it shows where the rest of
  the reason lives. Incidents are regrouped with the masked reasons too, and with the true reasons: what
  the grouping rule reaches with a perfect classifier.
"""

from collections import Counter, defaultdict

import numpy as np

from evaluation.metrics import evaluate
from triage.classifier.datasets import PATH_SEPARATOR, group_key, label_of
from triage.classifier.tree import tree_grouping
from triage.text import clean_text

from .intelligence_more import _split, grouping_score, incident_records, raw_records


def _labelled(records: list[dict]) -> list[dict]:
    out = []
    for r in records:
        text, label = clean_text(str(r.get("text") or "")), label_of(r, "reason")
        if text and label:
            out.append(r | {"_text": text, "_label": label})
    return out


def _category(label: str) -> str:
    return label.split(PATH_SEPARATOR, 1)[0]


def _verbatim(earlier: list[dict], latest: list[dict]) -> dict:
    seen: dict[str, Counter] = defaultdict(Counter)
    for r in earlier:
        seen[group_key(r["_text"])][r["_label"]] += 1
    same_reason = same_category = repeated = 0
    for r in latest:
        labels = seen.get(group_key(r["_text"]))
        if labels:
            majority = labels.most_common(1)[0][0]
            repeated += 1
            same_reason += majority == r["_label"]
            same_category += _category(majority) == _category(r["_label"])
    return {"repeated": repeated, "of": len(latest), "same_reason": round(same_reason / max(repeated, 1), 3),
            "same_category": round(same_category / max(repeated, 1), 3)}


def _masked_proba(model, earlier: list[dict], latest: list[dict]) -> np.ndarray:
    """The model's probabilities with reasons never filed under the appeal's object set to zero."""
    allowed: dict[str, set[str]] = defaultdict(set)
    for r in earlier:
        allowed[r.get("city_object") or ""].add(r["_label"])
    index = {c: k for k, c in enumerate(model.classes)}
    proba = model.predict_proba([r["_text"] for r in latest])
    for row, r in zip(proba, latest, strict=True):
        keep = [index[c] for c in allowed.get(r.get("city_object") or "", ()) if c in index]
        if keep and row[keep].sum() > 0:
            mask = np.zeros(len(row), bool)
            mask[keep] = True
            row[~mask] = 0.0
            row /= row.sum()
    return proba


def _scores(model, proba: np.ndarray, latest: list[dict]) -> dict:
    """Macro-F1 of the reasons, and of the categories as the product reads them (sums of reason probabilities)."""
    reasons = evaluate([r["_label"] for r in latest], [model.classes[k] for k in proba.argmax(axis=1)])
    names, member = model.membership(model.parents)
    categories = evaluate([_category(r["_label"]) for r in latest],
                          [names[k] for k in model.grouped(proba, member, "parent").argmax(axis=1)])
    return {"reasons_macro_f1": round(reasons.macro_f1, 4), "categories_macro_f1": round(categories.macro_f1, 4)}


def _true_proba(model, latest: list[dict]) -> np.ndarray:
    """Certainty in every appeal's true reason: what the grouping does with a perfect classifier."""
    index = {c: k for k, c in enumerate(model.classes)}
    proba = np.zeros((len(latest), len(model.classes)), np.float32)
    for row, r in zip(proba, latest, strict=True):
        if r["_label"] in index:
            row[index[r["_label"]]] = 1.0
    return proba


def _incidents(model, proba: np.ndarray, latest: list[dict]) -> float:
    """Pairwise F1 of the product's grouping fed the given portal-reason probabilities (in our tree)."""
    names, member = model.membership(tree_grouping(model))
    ranked = iter([[(names[k], float(row[k])) for k in np.argsort(-row) if names[k]][:3]
                   for row in model.grouped(proba, member, "tree")])
    records = incident_records([r | {"text": r["_text"]} for r in latest])
    return round(grouping_score(records, lambda texts: [next(ranked) for _ in texts]).f1, 3)


def ceiling(args) -> dict:
    model = getattr(args, "trained_model", None)
    if model is None:
        raise SystemExit("ceiling: run it with the classification section")
    earlier, latest = (_labelled(part) for part in _split(raw_records(args.data)))
    result = {"verbatim": _verbatim(earlier, latest)}
    for name, proba in (("text", model.predict_proba([r["_text"] for r in latest])),
                        ("text_and_city_object", _masked_proba(model, earlier, latest))):
        result[name] = _scores(model, proba, latest) | {"incidents_f1": _incidents(model, proba, latest)}
    result["incidents_f1_true_reasons"] = _incidents(model, _true_proba(model, latest), latest)
    v = result["verbatim"]
    print(f"Потолок текста: {v['repeated']} из {v['of']} текстов месяца уже были слово в слово; причина "
          f"совпала с прежним большинством в {v['same_reason']:.1%}, категория — в {v['same_category']:.1%}. "
          f"Та же модель, зная city_object портала (при приёме его нет): причины "
          f"{result['text']['reasons_macro_f1']} → {result['text_and_city_object']['reasons_macro_f1']}, "
          f"категории {result['text']['categories_macro_f1']} → "
          f"{result['text_and_city_object']['categories_macro_f1']}, инциденты "
          f"{result['text']['incidents_f1']} → {result['text_and_city_object']['incidents_f1']}; инциденты с верными "
          f"причинами портала (идеальный классификатор): {result['incidents_f1_true_reasons']}", flush=True)
    return result
