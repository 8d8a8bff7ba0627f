"""Russian full-text search by lemmas, on SQLite (FTS5) and PostgreSQL (tsvector, 'simple').

Both sides of a match go through `search_keys`: words become their dictionary form, and
verbs lose aspect suffixes so that «протекает» (протекать) meets «протекла» (протечь).
"""

import re
from functools import lru_cache

import pymorphy3
from django.db import connection
from django.db.models import BooleanField, QuerySet
from django.db.models.expressions import RawSQL

_WORD = re.compile(r"[0-9a-zа-яё]+", re.IGNORECASE)
_VERB_TAGS = {"INFN", "VERB", "PRTF", "PRTS", "GRND"}
# Longest first; "чь" verbs (протечь) meet their "кать" partners (протекать) as "к".
_VERB_SUFFIXES = ("ывать", "ивать", "овать", "евать", "вать", "ать", "ять", "еть", "ить", "уть", "ыть",
                  "ться", "ти")


@lru_cache(maxsize=1)
def _morph() -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer()


def _verb_key(lemma: str) -> str:
    base = lemma[:-2] if lemma.endswith(("ся", "сь")) else lemma
    if base.endswith("чь"):
        stem = base[:-2] + "к"
    else:
        stem = base
        for suffix in _VERB_SUFFIXES:
            if base.endswith(suffix):
                stem = base[: -len(suffix)]
                break
    if len(stem) >= 2 and stem[-1] == "л" and stem[-2] in "бвмпф":  # затоплять / затопить
        stem = stem[:-1]
    return stem if len(stem) >= 4 else lemma


@lru_cache(maxsize=200_000)
def word_key(word: str) -> str:
    word = word.lower().replace("ё", "е")
    if not re.search("[а-я]", word):
        return word
    parse = _morph().parse(word)[0]
    lemma = parse.normal_form.replace("ё", "е")
    return _verb_key(lemma) if parse.tag.POS in _VERB_TAGS else lemma


def search_keys(text: str) -> list[str]:
    return [word_key(w) for w in _WORD.findall(text or "")]


def index_text(*parts: str) -> str:
    """What is stored in Appeal.search_lemmas."""
    return " ".join(search_keys(" ".join(p for p in parts if p)))


def filter_search(queryset: QuerySet, query: str) -> QuerySet:
    """Appeals whose text holds every word of `query` in any of its forms."""
    keys = list(dict.fromkeys(search_keys(query)))
    if not keys:
        return queryset
    table = queryset.model._meta.db_table
    if connection.vendor == "postgresql":
        sql = f"to_tsvector('simple'::regconfig, {table}.search_lemmas) @@ to_tsquery('simple'::regconfig, %s)"
        return queryset.filter(RawSQL(sql, [" & ".join(keys)], output_field=BooleanField()))
    match = " AND ".join(f'"{k}"' for k in keys)
    sql = f"{table}.id IN (SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH %s)"
    return queryset.filter(RawSQL(sql, [match], output_field=BooleanField()))
