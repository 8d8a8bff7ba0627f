"""The language features measured on the shared data: `python -m bench.intelligence --data PATH`.

Sections are functions `section(args) -> dict` of numbers, printed as they finish (SECTIONS; the others
live in bench/intelligence_more.py and bench/intelligence_ceiling.py): classification, incidents, extraction,
emergencies, faq, answers, ceiling (how much of a reason the text holds at all).

classification: the validation protocol (bench/README.md) — the preset chosen on the month before the
latest, trained on the months before it; the chosen one trained on every month but the latest and tested on
the latest month once, with the plain preset beside it. Portal reasons (labels «category → reason») and their categories
(the sums of reason probabilities): accuracy, macro-F1 over the classes present in the test month,
calibration error (ECE). Our tree (`triage.classifier.tree`): macro-F1 of our reasons, manual triage as
one more class. Emergencies (`triage.rules` emergency rules and the model together): recall on the portal's
reasons that are emergencies in our tree, and the share of all appeals raised.
Then, in a fresh process, one appeal at a time on one core: load time, latency p50/p95, peak memory.
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from appeals.default_tree import TREE
from evaluation.classifier import measure
from evaluation.metrics import evaluate, report
from evaluation.presets import choose
from triage.classifier import TextClassifier, TreeModel
from triage.classifier.datasets import Examples, load_examples
from triage.classifier.presets import PLAIN
from triage.classifier.training import fit_shipped
from triage.classifier.tree import our_code
from triage.rules import detect

from . import intelligence_more as more
from .intelligence_ceiling import ceiling
from .intelligence_export import export

LATENCY_TEXTS = 1000


def _progress(message: str) -> None:
    print(f"  [{time.strftime('%H:%M:%S')}] {message}", flush=True)


EMERGENCY = {code for reasons in TREE.values() for code, *_rest, minutes, _portal in reasons if minutes is not None}
# The model's total probability of emergency reasons from which an appeal counts as raised by the model.
EMERGENCY_SHARES = (0.1, 0.2, 0.3, 0.5)


def _our_tree(model: TextClassifier, test: Examples) -> dict:
    """Our reasons (None — manual triage — as one more class) and the emergencies, rules and model together."""
    from appeals.reference import portal_reason_map

    tree, portal = TreeModel(model), portal_reason_map()
    truth = [str(our_code(label, test.label_ids.get(label, []), portal)) for label in test.labels]
    codes, proba = tree.proba(test.texts)
    best = proba.argmax(axis=1)
    evaluation = evaluate(truth, [str(codes[k]) for k in best], proba.max(axis=1))
    print(report(evaluation, "Наше дерево (None — ручной разбор):", width=40))
    urgent = np.array([c in EMERGENCY for c in codes])
    is_urgent = np.array([t in EMERGENCY for t in truth])
    by_rules = np.array([detect(t, d) is not None for t, d in zip(test.texts, test.dates, strict=True)])
    emergency = {"portal_emergencies": int(is_urgent.sum()), "recall_rules": _share(by_rules[is_urgent]),
                 "raised_by_rules_share": _share(by_rules)}
    for share in EMERGENCY_SHARES:
        by_model = (proba[:, urgent].sum(axis=1) >= share) | urgent[best]
        raised = by_model | by_rules
        emergency[f"at_{share}"] = {"recall": _share(raised[is_urgent]), "recall_model": _share(by_model[is_urgent]),
                                    "raised_share": _share(raised)}
    return {"tree": evaluation.summary(), "emergency": emergency}


def _share(flags: np.ndarray) -> float:
    return round(float(flags.mean()), 4) if len(flags) else 0.0


def _serving(model_path: Path, texts: list[str]) -> dict:
    """Load and classify in a fresh process: what a web worker pays."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as file:
        json.dump(texts, file, ensure_ascii=False)
    env = os.environ | {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    done = subprocess.run([sys.executable, "-m", "bench.intelligence", "--serve-probe", str(model_path), file.name],
                          capture_output=True, text=True, env=env, check=True)
    os.unlink(file.name)
    return json.loads(done.stdout.strip().splitlines()[-1])


def _memory_mb() -> dict:
    """Resident memory now and at its peak, from /proc (ru_maxrss would carry the parent's peak over exec)."""
    status = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines() if ":" in line)
    return {key: round(int(status[field].split()[0]) / 1024, 1) for key, field in
            (("rss_mb", "VmRSS"), ("peak_rss_mb", "VmHWM")) if field in status}


def serve_probe(model_path: str, texts_path: str) -> None:
    texts = json.loads(Path(texts_path).read_text())
    memory_before = _memory_mb()
    started = time.perf_counter()
    model = TextClassifier.load(model_path)
    load_s = time.perf_counter() - started
    timings = []
    for text in texts:
        started = time.perf_counter()
        model.predict_one(text)
        timings.append((time.perf_counter() - started) * 1000)
    print(json.dumps({"load_s": round(load_s, 3), "latency_ms_p50": round(float(np.percentile(timings, 50)), 2),
                      "latency_ms_p95": round(float(np.percentile(timings, 95)), 2),
                      "latency_ms_max": round(max(timings), 2), "appeals": len(texts),
                      "rss_mb_before_load": memory_before.get("rss_mb")} | _memory_mb()))


def _months(examples: Examples) -> list[tuple[int, int]]:
    return sorted({(d.year, d.month) for d in examples.dates if d})


def _in_months(examples: Examples, months) -> Examples:
    return examples.subset([i for i, d in enumerate(examples.dates) if d and (d.year, d.month) in months])


def _line(name: str, reasons, categories) -> str:
    return (f"  {name:28} причины: macro-F1 {reasons.macro_f1:.3f}, точность {reasons.accuracy:.3f}; "
            f"категории: macro-F1 {categories.macro_f1:.3f}, точность {categories.accuracy:.3f}")


def classification(args) -> dict:
    """The validation protocol: the preset is chosen on the month before the latest (trained on the months
    before it), then the chosen one is trained on every month but the latest and scored on the latest once;
    the plain preset beside it on both."""
    examples = load_examples(args.data, label_field="reason", text_field=args.text_field)
    months = _months(examples)
    if len(months) < 3:
        raise SystemExit("Для протокола нужны данные хотя бы за три месяца: обучение, проверка, тест.")
    *earlier, validation_month, test_month = months
    fit_early, validation = _in_months(examples, earlier), _in_months(examples, [validation_month])
    train, test = _in_months(examples, [*earlier, validation_month]), _in_months(examples, [test_month])
    print(f"Классификация: выбор на {validation_month[1]:02}.{validation_month[0]} ({len(validation)}) после "
          f"обучения на {len(fit_early)}; тест один раз на {test_month[1]:02}.{test_month[0]} ({len(test)}) "
          f"после обучения на {len(train)}", flush=True)
    result = {}
    if args.model:
        model = TextClassifier.load(args.model)
        print(f"  модель {model.version}: {model.meta.get('data')} — если она видела последний месяц, "
              "оценка завышена", flush=True)
    else:
        choice = choose(fit_early, _progress, sample=None, validation=validation)
        print(f"  {choice.explain()}", flush=True)
        for name, scores in choice.scores.items():
            print(f"  проверка, {name:20} причины {scores['macro_f1']:.3f} / {scores['accuracy']:.3f}; категории "
                  f"{scores.get('category_macro_f1', float('nan')):.3f} / "
                  f"{scores.get('category_accuracy', float('nan')):.3f}", flush=True)
        result["validation"] = {"month": f"{validation_month[0]}-{validation_month[1]:02}", "chosen": choice.name,
                                "presets": choice.scores}
        started = time.monotonic()
        model = fit_shipped(train, choice.settings, progress=_progress)
        print(f"  обучение «{choice.name}» {time.monotonic() - started:.0f} с", flush=True)
    args.trained_model = model  # the incidents section groups the latest month with it
    reasons, categories = measure(model, test)
    print(report(reasons, "Причины портала:", width=50))
    print(report(categories, "Категории портала (суммы вероятностей причин):", width=50))
    result |= {"reasons": reasons.summary(), "categories": categories.summary()}
    if not args.model:
        plain = TextClassifier(settings=PLAIN).fit(train.texts, train.labels, parents=train.parents)
        plain_reasons, plain_categories = measure(plain, test)
        print("Тест, один раз:", flush=True)
        print(_line(f"выбранная («{choice.name}»)", reasons, categories), flush=True)
        print(_line("простая (plain)", plain_reasons, plain_categories), flush=True)
        result["plain"] = {"reasons": plain_reasons.summary(), "categories": plain_categories.summary()}
    result |= _our_tree(model, test)
    with tempfile.TemporaryDirectory() as folder:
        path = model.save(Path(args.save) if args.save else Path(folder) / "probe.npz")
        result["size_mb"] = round(path.stat().st_size / 2**20, 2)
        sample = test.texts[:: max(1, len(test) // LATENCY_TEXTS)][:LATENCY_TEXTS]
        result["serving"] = _serving(path, sample)
    return result


SECTIONS = {"classification": classification, "incidents": more.incidents, "extraction": more.extraction,
            "emergencies": more.emergencies, "faq": more.faq, "answers": more.answers, "ceiling": ceiling,
            "export": export}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Measure the language features on labelled appeals.")
    parser.add_argument("--data", help="JSONL/CSV (.gz) with text, created, category, reason, reason_id")
    parser.add_argument("--text-field", default="text")
    parser.add_argument("--sections", default=",".join(SECTIONS), help="comma-separated: " + ", ".join(SECTIONS))
    parser.add_argument("--model", help="classification: measure this model instead of training one")
    parser.add_argument("--save", help="classification: keep the trained model here")
    parser.add_argument("--json", help="also write the numbers to this file")
    parser.add_argument("--serve-probe", nargs=2, metavar=("MODEL", "TEXTS"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve_probe:
        serve_probe(*args.serve_probe)
        return
    if not args.data:
        parser.error("--data is required")
    results = {}
    for name in args.sections.split(","):
        results[name] = SECTIONS[name](args)
        print(f"== {name}: {json.dumps(results[name], ensure_ascii=False)}", flush=True)
    results["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    if args.json:
        Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
