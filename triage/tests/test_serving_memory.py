"""Serving triage needs no scikit-learn (its import alone holds some 65 MB in every web worker): the grams and
the TF-IDF it serves with are its own, and give scikit-learn's to the last bit."""

import os
import subprocess
import sys

import numpy as np
import pytest
from django.conf import settings
from sklearn.feature_extraction.text import TfidfVectorizer

from triage.classifier.model import _vectorizer
from triage.tfidf import Tfidf, char_wb_grams, word_grams

TEXTS = ["", "а", "  два   пробела  ", "течь крыша течь\tкрыша\u00a0подъезд", "ab", "x y z x y",
         "Протекает крыша над квартирой 47, вода в электрощитке!", "ёлка ЁЛКА ёж-ёжик 12/3а кв.5",
         "очень-очень длинноеслововкотороммногобукв и кот"]


@pytest.mark.parametrize("text", TEXTS)
def test_the_grams_are_scikit_learns(text):
    assert word_grams(text) == _vectorizer("words").build_analyzer()(text)
    assert char_wb_grams(text) == _vectorizer("chars").build_analyzer()(text)


def test_the_tfidf_is_scikit_learns_to_the_last_bit():
    documents = ["течь крыша течь", "крыша подъезд", "", "лифт лифт лифт не работать", "течь",
                 "подъезд лифт крыша течь мусор"] * 3 + ["новый слово"]
    ours = Tfidf(documents)
    theirs = TfidfVectorizer(analyzer=str.split, sublinear_tf=True, dtype=np.float32)
    matrix = theirs.fit_transform(documents).tocsr()
    assert ours.vocabulary_ == theirs.vocabulary_
    assert np.array_equal(ours.idf_, theirs.idf_) and ours.idf_.dtype == np.float32
    assert np.array_equal(ours.matrix.toarray(), matrix.toarray())
    queries = ["течь крыша крыша", "нет таких слов", "", "лифт мусор"]
    assert np.array_equal(ours.transform(queries).toarray(), theirs.transform(queries).toarray())


def test_serving_triage_imports_no_scikit_learn():
    code = ("import sys, django; django.setup()\n"
            "import priemnaya.urls, triage.services, triage.answers\n"  # every page, API handler and task
            "from triage.answers.suggestions import AnswerIndex\n"
            "from triage.classifier import predictor\n"
            "from triage.extraction import extract\n"
            "assert predictor.rank('Течёт крыша над квартирой').options\n"
            "index = AnswerIndex.from_texts(['Течёт крыша', 'Не работает лифт'], ['roof', 'lift'])\n"
            "assert index.rank('крыша течёт')\n"
            "extract('Иванова Мария Петровна, тел. 8 921 123-45-67')\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'sklearn'))\n")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "priemnaya.settings"}
    done = subprocess.run([sys.executable, "-c", code], cwd=settings.BASE_DIR, env=env, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_gunicorn_loads_the_models_once_before_forking_its_workers():
    """Loaded in the master, the models' pages are shared by the workers instead of copied into each."""
    import gc
    import runpy
    from pathlib import Path

    from appeals.search import morph
    from triage.classifier import predictor
    from triage.extraction.names import _ner
    from triage.semantic import _word_space

    config = runpy.run_path(str(Path(settings.BASE_DIR) / "gunicorn.conf.py"))
    assert config["preload_app"] is True
    predictor.reset()
    for cached in (morph, _ner, _word_space):
        cached.cache_clear()
    try:
        config["when_ready"](None)
    finally:
        gc.unfreeze()
    assert predictor._loaded and all(cached.cache_info().currsize == 1 for cached in (morph, _ner, _word_space))
