"""Russian full-text search by lemmas, on SQLite (FTS5) and PostgreSQL (tsvector, 'simple').

Both sides of a match go through `search_keys`: the text is read in its matching form
(`priemnaya.matching.clean`), words become their dictionary form, and verbs lose aspect suffixes so
that «протекает» (протекать) meets «протекла» (протечь).
"""

import re
from functools import lru_cache

import pymorphy3
from django.db import connection
from django.db.models import BooleanField, Q, QuerySet
from django.db.models.expressions import RawSQL

from priemnaya.matching import clean
from priemnaya.request_memo import once_per_request

from .errors import AppealError

_WORD = re.compile(r"[0-9a-zа-яё]+", re.IGNORECASE)
_VERB_TAGS = {"INFN", "VERB", "PRTF", "PRTS", "GRND"}
# Longest first; "чь" verbs (протечь) meet their "кать" partners (протекать) as "к".
_VERB_SUFFIXES = ("ывать", "ивать", "овать", "евать", "вать", "ать", "ять", "еть", "ить", "уть", "ыть",
                  "ться", "ти")


@lru_cache(maxsize=1)
def morph() -> pymorphy3.MorphAnalyzer:
    """The process's one Russian morphological analyzer (some 20 MB): every module shares it."""
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
    parse = morph().parse(word)[0]
    lemma = parse.normal_form.replace("ё", "е")
    return _verb_key(lemma) if parse.tag.POS in _VERB_TAGS else lemma


def is_verb(word: str) -> bool:
    """A verb or a verb form (participle, gerund): these words are the weaker cue in a short question."""
    return morph().parse(word.lower().replace("ё", "е"))[0].tag.POS in _VERB_TAGS


def search_words(text: str) -> list[str]:
    """The words of a text as written (in its matching form), in the order `search_keys` gives their keys."""
    return _WORD.findall(clean(text))


def search_keys(text: str) -> list[str]:
    return [word_key(w) for w in search_words(text)]


# Words nearly every appeal holds: a query of these alone would list the whole journal.
STOP_WORDS = frozenset("а и или но да же бы не ни в во на с со к ко по о об обо от до из за для при без над под "
                       "про у".split())
NOTHING_TO_SEARCH = ("В запросе нет слов, по которым можно искать: напишите слово из текста обращения, "
                     "фамилию или номер телефона.")


def check_query(query: str) -> str:
    """A search query as the journal takes it (stripped; '' for none). AppealError naming `q` when it holds
    no word to search by — only signs («№», «...»), single letters or digits, prepositions and conjunctions:
    such a query would find every appeal."""
    query = (query or "").strip()
    if query and not any(len(key) >= 2 and key not in STOP_WORDS for key in search_keys(query)):
        raise AppealError(NOTHING_TO_SEARCH, "q")
    return query


def index_text(*parts: str) -> str:
    """The lemmas of the texts, one string."""
    return " ".join(search_keys(" ".join(p for p in parts if p)))


def appeal_index_text(text: str, short_content: str, address_text: str, number: str) -> str:
    """What is stored in Appeal.search_lemmas."""
    return index_text(text, short_content, address_text, number)


# PostgreSQL: a word found in many appeals fills a page within the newest few thousand, so walking the
# journal's newest-first index and testing each row's stored vector stops early; a rare word is found at
# once through the GIN index, where that walk could cross the whole table. The planner takes the words of
# a query as independent and so sees «нет горячей воды» as rare; a bounded look at the newest appeals decides.
RECENT_APPEALS = 5000
FREQUENT_MATCHES = 20


def filter_search(queryset: QuerySet, query: str, *, applicant_ids=(), newest_first: bool = True) -> QuerySet:
    """Appeals whose text holds every word of `query` in any of its forms, or that come from one of
    `applicant_ids` (the applicants the same query names: a list, or a query of their ids).

    `newest_first`: the matches will be read newest first, a page at a time; otherwise (a count) they
    are all read, and the index of the words serves best whatever their number."""
    keys = list(dict.fromkeys(search_keys(query)))
    condition = Q()
    if keys:
        condition |= Q(_text_condition(queryset.model._meta.db_table, keys, newest_first))
    if isinstance(applicant_ids, QuerySet) or applicant_ids:  # a query is not run here, only nested
        condition |= Q(applicant_id__in=applicant_ids)
    return queryset.filter(condition)


def _text_condition(table: str, keys: list[str], newest_first: bool) -> RawSQL:
    if connection.vendor == "postgresql":
        tsquery = " & ".join(keys)
        sql = f"{table}.search_vector @@ to_tsquery('simple'::regconfig, %s)"  # a stored column (migration 0004)
        if newest_first and frequent_recently(table, tsquery):
            # The function behind @@: the same test, but no index answers it and the planner assumes it
            # common, so it walks the newest-first index.
            sql = f"ts_match_vq({table}.search_vector, to_tsquery('simple'::regconfig, %s))"
        return RawSQL(sql, [tsquery], output_field=BooleanField())
    match = " AND ".join(f'"{k}"' for k in keys)
    sql = f"{table}.id IN (SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH %s)"
    return RawSQL(sql, [match], output_field=BooleanField())


def walks_newest_first(table: str, query: str) -> bool:
    """Whether a page of this search is read by walking the journal newest first (PostgreSQL: its words are
    frequent among the newest appeals), not through the words' index."""
    keys = list(dict.fromkeys(search_keys(query)))
    return bool(keys) and connection.vendor == "postgresql" and frequent_recently(table, " & ".join(keys))


def frequent_recently(table: str, tsquery: str) -> bool:
    """Whether the newest RECENT_APPEALS hold at least FREQUENT_MATCHES matches (stops when they do); asked
    once per request."""
    return once_per_request(f"search-frequent:{table}:{tsquery}", lambda: _frequent_recently(table, tsquery))


def _frequent_recently(table: str, tsquery: str) -> bool:
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT count(*) FROM (SELECT 1 FROM (SELECT search_vector FROM {table} "
            f"ORDER BY received_at DESC, id DESC LIMIT %s) recent "
            f"WHERE search_vector @@ to_tsquery('simple'::regconfig, %s) LIMIT %s) found",
            [RECENT_APPEALS, tsquery, FREQUENT_MATCHES])
        return cursor.fetchone()[0] >= FREQUENT_MATCHES
