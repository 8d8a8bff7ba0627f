import pytest
from django.utils import timezone

from appeals.choices import Status
from appeals.models import Appeal, Reason
from conftest import create_appeal
from triage.answers import suggest_answers
from triage.answers import suggestions as answers
from triage.answers.drafts import draft_from_answer

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_answer_index")]


def answered(text: str, answer: str, reason: str | None = None, status: str = Status.ANSWERED, **extra) -> Appeal:
    appeal = create_appeal(text, reason=reason, **extra)
    Appeal.objects.filter(pk=appeal.pk).update(status=status, answer_text=answer, answered_at=timezone.now())
    appeal.refresh_from_db()
    return appeal


@pytest.fixture
def journal(db):
    return {
        "roof": answered("Протекает крыша над моей квартирой на пятом этаже",
                         "Кровля над квартирой отремонтирована, протечка устранена.", "roof-damage"),
        "intercom": answered("Не работает домофон, дверь в парадную не открывается",
                             "Домофон отремонтирован, замок входной двери исправен.", "mkd-intercom"),
        "rats": answered("В подвале дома крысы, нужна дератизация",
                         "В подвале проведена дератизация силами специализированной организации.", "san-rats"),
    }


def test_most_similar_answered_appeal_comes_first(journal):
    found = suggest_answers("Сломался домофон в нашей парадной, дверь не открыть")
    assert found[0].appeal_id == journal["intercom"].pk
    assert "Домофон отремонтирован" in found[0].draft
    assert found[0].reason == "Неисправный домофон" and found[0].number == journal["intercom"].number


def test_unrelated_text_gets_no_suggestion(journal):
    assert suggest_answers("Как пройти в библиотеку имени Маяковского?") == []
    assert suggest_answers("") == []


def test_unanswered_appeals_are_not_suggested(journal):
    waiting = create_appeal("Опять не работает домофон в парадной")
    Appeal.objects.filter(pk=waiting.pk).update(status=Status.ANSWER_DRAFTED, answer_text="Проект ответа.")
    found = suggest_answers("Не работает домофон")
    assert waiting.pk not in [s.appeal_id for s in found]


def test_the_appeal_itself_is_never_suggested(journal):
    found = suggest_answers(journal["roof"])
    assert journal["roof"].pk not in [s.appeal_id for s in found]


def test_closed_appeals_are_suggested_too(journal):
    closed = answered("Течёт крыша, мокрый потолок в комнате", "Крыша отремонтирована в срок.", status=Status.CLOSED)
    assert closed.pk in [s.appeal_id for s in suggest_answers("Протекла крыша, потолок в комнате мокрый")]


def test_same_reason_is_preferred_when_the_appeal_has_one(journal):
    stairs = answered("В парадной крысы бегают по лестнице", "Лестница вымыта, мусор убран.", "mkd-stairs")
    appeal = create_appeal("В парадной крысы бегают по лестнице, ужас", reason="san-rats")
    assert suggest_answers(appeal.text)[0].appeal_id == stairs.pk
    found = suggest_answers(appeal)
    assert found[0].appeal_id == journal["rats"].pk
    assert found[0].reason_id == Reason.objects.get(code="san-rats").pk


def test_identical_drafts_are_offered_once(journal):
    for flat in ("3", "8"):
        answered(f"Не работает домофон в парадной, квартира {flat}", "Домофон отремонтирован.", "mkd-intercom")
    drafts = [s.draft for s in suggest_answers("Не работает домофон в парадной")]
    assert len(drafts) == len(set(drafts))


def test_newly_answered_appeals_join_the_index(journal):
    question = "Лифт стоит, третий день не работает"
    assert not any("лифт" in s.draft.lower() for s in suggest_answers(question))
    answered("Лифт стоит третий день", "Лифт отремонтирован специализированной организацией.", "lift-fault")
    assert "Лифт отремонтирован" in suggest_answers(question)[0].draft


def test_earlier_applicants_details_never_reach_the_draft(db):
    answered("Течёт стояк в ванной, вода у соседей снизу",
             "Уважаемая Мария Петровна!\n\nВаше обращение рассмотрено. Марии Петровне сообщаем, что стояк "
             "в кв. 45 по адресу ул. Марата, д. 7 заменён. Вопросы — по телефону 8 (921) 123-45-67 "
             "или marya.ivanova@mail.ru. Исполнитель Сидоров С. С.",
             "water-pipes", full_name="Иванова Мария Петровна", phone="+79211234567", flat="45",
             email="marya.ivanova@mail.ru", address_text="ул. Марата, д. 7, кв. 45")
    draft = suggest_answers("Течёт стояк в ванной")[0].draft
    for leak in ("Мария", "Марии", "Петровн", "Иванов", "ivanova", "45", "921", "123-45-67", "Марата", "Сидоров"):
        assert leak not in draft
    assert draft.startswith("Уважаемый(-ая) [имя и отчество]!")
    assert "стояк" in draft and "[адрес]" in draft and "[телефон]" in draft


def test_earlier_applicants_own_details_are_masked_where_no_general_pattern_sees_them(db):
    answered("Течёт кран на кухне", "Гражданину Воробью сообщаем: кран на кухне заменён. Мастер позвонит по "
             "номеру 123-45-67 и подойдёт на Лиговский 50.", "water-pipes", full_name="Воробей Пётр Ильич",
             phone="+78121234567", address_text="Лиговский 50")
    draft = suggest_answers("Течёт кран на кухне")[0].draft
    for leak in ("Воробью", "123-45-67", "Лиговский 50"):
        assert leak not in draft
    assert "кран на кухне заменён" in draft


def test_draft_masks_names_found_by_their_form_and_keeps_legal_references():
    draft = draft_from_answer(
        "Здравствуйте, Олег Тимурович! Сообщение № 3070286 от 18.10.2020 рассмотрено. Мастер Тимурову О. Т. "
        "поручено заменить кран (постановление Правительства РФ от 13.08.2006 № 491). Звонила Анна Кузнецова.",
        names=["Тимуров Олег Тимурович"])
    assert "Тимур" not in draft and "Олег" not in draft and "Анна" not in draft and "Кузнецова" not in draft
    assert "3070286" not in draft and "18.10.2020" not in draft
    assert "от 13.08.2006 № 491" in draft


def _wait_for_the_builder():
    import threading

    for thread in threading.enumerate():
        if thread.name == "answer-index":
            thread.join(timeout=30)


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("reference_data")
def test_a_page_never_waits_for_the_index_to_grow(monkeypatch):
    """Once built, the index takes new answers in a background thread; requests meanwhile use the one they have."""
    monkeypatch.setattr(answers, "REBUILD_IN_BACKGROUND", True)
    answered("Не работает домофон", "Домофон отремонтирован.", "mkd-intercom")
    question = "Лифт стоит, третий день не работает"
    suggest_answers(question)
    _wait_for_the_builder()
    assert answers.index_ready() and not any("Лифт" in s.draft for s in suggest_answers(question))
    answered("Лифт стоит третий день", "Лифт отремонтирован специализированной организацией.", "lift-fault")
    assert not any("Лифт" in s.draft for s in suggest_answers(question))  # the old index answers at once
    _wait_for_the_builder()
    assert "Лифт отремонтирован" in suggest_answers(question)[0].draft


@pytest.fixture
def slow_first_build(monkeypatch):
    """Building the index takes until the returned event is set, as on a journal of millions; one answer."""
    import threading

    monkeypatch.setattr(answers, "REBUILD_IN_BACKGROUND", True)
    slow, build = threading.Event(), answers.stored.build
    monkeypatch.setattr(answers.stored, "build", lambda *a, **k: slow.wait(30) and build(*a, **k))
    answered("Лифт стоит третий день", "Лифт отремонтирован специализированной организацией.", "lift-fault")
    return slow


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("reference_data")
def test_the_first_index_of_a_large_journal_is_built_without_holding_the_page(monkeypatch, slow_first_build):
    """The first build waits FIRST_BUILD_WAIT_SECONDS at most; until it ends there are no drafts, and it says so."""
    import threading

    monkeypatch.setattr(answers, "FIRST_BUILD_WAIT_SECONDS", 0.05)
    slow = slow_first_build
    question = "Лифт стоит, третий день не работает"
    answers.warm_up()  # a clerk logged in: the build starts, nobody waits
    assert not answers.index_ready()
    assert suggest_answers(question) == []  # an appeal page waits a moment, then goes on without drafts
    assert sum(1 for t in threading.enumerate() if t.name == "answer-index") == 1
    slow.set()
    _wait_for_the_builder()
    assert answers.index_ready() and "Лифт отремонтирован" in suggest_answers(question)[0].draft


def test_the_freshness_check_reads_the_newest_answer_not_the_whole_journal(journal):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    suggest_answers("Протекает крыша")
    with CaptureQueriesContext(connection) as check:
        suggest_answers("Протекает крыша")  # the fixture checks at every call
    reads = [q["sql"] for q in check.captured_queries if "answer_text" in q["sql"] and "LIMIT" not in q["sql"]]
    assert not [sql for sql in reads if "COUNT(" in sql.upper()], reads


def test_an_appeal_answered_within_the_same_second_as_another_is_seen(journal):
    question = "Лифт стоит, третий день не работает"
    suggest_answers(question)
    moment = Appeal.objects.order_by("-answered_at").first().answered_at
    appeal = create_appeal("Лифт стоит третий день", reason="lift-fault")
    Appeal.objects.filter(pk=appeal.pk).update(status=Status.ANSWERED, answered_at=moment,
                                                 answer_text="Лифт отремонтирован специализированной организацией.")
    assert "Лифт отремонтирован" in suggest_answers(question)[0].draft


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("reference_data")
def test_pages_opened_while_the_first_index_is_built_do_not_wait_for_it(monkeypatch, slow_first_build):
    """Only the request that starts the build waits its moment; a build of a million answers takes minutes."""
    import time

    monkeypatch.setattr(answers, "FIRST_BUILD_WAIT_SECONDS", 0.5)
    slow = slow_first_build
    question = "Лифт стоит, третий день не работает"
    assert suggest_answers(question) == []  # this one started the build and waited
    started = time.monotonic()
    for _ in range(4):
        assert suggest_answers(question) == []
    assert time.monotonic() - started < 0.5  # four pages, not four waits of half a second
    slow.set()
    _wait_for_the_builder()
    assert "Лифт отремонтирован" in suggest_answers(question)[0].draft


def test_the_index_holds_the_newest_answers_of_each_reason_up_to_the_cap(settings):
    from triage.answers import stored

    settings.ANSWER_INDEX_PER_REASON = 2
    old = answered("Не работает домофон в первой парадной", "Первый ответ про домофон.", "mkd-intercom")
    Appeal.objects.filter(pk=old.pk).update(received_at=timezone.now() - timezone.timedelta(days=30))
    newer = [answered(f"Не работает домофон, случай {n}", f"Ответ про домофон {n}.", "mkd-intercom") for n in (2, 3)]
    roof = answered("Протекает крыша", "Крыша отремонтирована.", "roof-damage")
    made = stored.build()
    assert made["appeals"] == 3 and made["read"] == 3
    assert sorted(stored.load()["ids"]) == sorted([a.pk for a in newer] + [roof.pk])
    assert stored.build()["read"] == 0  # a rebuild reads only appeals the file did not hold


def test_an_empty_journal_builds_an_empty_index_and_builds_it_again():
    from triage.answers import stored

    assert stored.build()["appeals"] == 0
    assert stored.build()["appeals"] == 0  # reading the previous, empty file
    assert stored.load()["ids"] == [] and suggest_answers("Протекает крыша") == []


def test_a_process_loads_the_index_a_worker_built_without_building_it(journal, monkeypatch):
    from django.core.management import call_command

    from triage.answers import stored

    call_command("build_answer_index", stdout=__import__("io").StringIO())
    monkeypatch.setattr(stored, "build", lambda *a, **k: pytest.fail("a web process built the index"))
    assert suggest_answers("Сломался домофон")[0].appeal_id == journal["intercom"].pk


@pytest.mark.filterwarnings("ignore:Overriding setting DATABASES")
def test_a_file_built_from_another_database_is_ignored(journal, settings):
    from triage.answers import stored

    stored.build()
    settings.DATABASES = {**settings.DATABASES, "default": {**settings.DATABASES["default"], "NAME": "another"}}
    assert stored.load() is None


@pytest.fixture
def tasks_on_a_broker(settings):
    """Tasks sent to the configured broker (Redis when REDIS_URL is set, else kombu's in-memory transport) instead
    of run in-process; yields the queue they land in."""
    from priemnaya.celery import app

    eager = app.conf.task_always_eager  # read through to the settings: first
    settings.CELERY_TASK_ALWAYS_EAGER = False
    app.conf.update(task_always_eager=False)
    try:
        with app.connection_for_write() as connection:
            queue = connection.SimpleQueue("celery")
            queue.clear()
            yield queue
            queue.clear()
            queue.close()
    finally:
        app.conf.update(task_always_eager=eager)


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("reference_data")
def test_with_tasks_on_a_broker_a_web_process_asks_for_a_build_and_loads_the_result(monkeypatch, tasks_on_a_broker):
    """Deployed: the web process queues `build_answer_index` once and never builds; a worker's file is loaded."""
    from triage import tasks
    from triage.answers import stored

    monkeypatch.setattr(answers, "REBUILD_IN_BACKGROUND", True)
    monkeypatch.setattr(answers, "FIRST_LOOK_SECONDS", 0.0)
    answered("Лифт стоит третий день", "Лифт отремонтирован специализированной организацией.", "lift-fault")
    question = "Лифт стоит, третий день не работает"
    assert suggest_answers(question) == [] and suggest_answers(question) == []
    assert not stored.path().exists()
    sent = [tasks_on_a_broker.get(timeout=1).headers["task"] for _ in range(tasks_on_a_broker.qsize())]
    assert sent.count("triage.tasks.build_answer_index") == 1  # asked once, not at every page
    tasks.build_answer_index()  # what the worker does
    assert "Лифт отремонтирован" in suggest_answers(question)[0].draft
