"""Shared test helpers: small factories for the usual objects (users by role, buildings, appeals)."""

import datetime as dt
from contextlib import contextmanager
from unittest import mock

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache

from accounts.models import Department, StaffProfile
from accounts.roles import set_role
from appeals import services
from appeals.applicants import ApplicantData
from appeals.models import AppealEvent, Reason
from deadlines.calendar import MOSCOW
from housing.models import Building

PASSWORD = "test-pass-123!"


@pytest.fixture(scope="session")
def django_db_createdb(request):
    """SQLite's test database is a file (threads share it) made anew each run, as the in-memory one was:
    a reused file would keep what an earlier run's transactional tests emptied."""
    from django.conf import settings

    return request.config.getvalue("create_db") or settings.DATABASES["default"]["ENGINE"].endswith("sqlite3")


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Reference data comes from a data migration; a reused database may have lost it to a flush."""
    from appeals.reference import load_reference_data

    with django_db_blocker.unblock():
        load_reference_data()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _answer_index_in_the_request(monkeypatch):
    """A test's data is not committed, so a background thread could not read it; the tests of the
    background index switch it back on."""
    from triage.answers import suggestions

    monkeypatch.setattr(suggestions, "REBUILD_IN_BACKGROUND", False)


@pytest.fixture
def fresh_answer_index(monkeypatch):
    """The answer-draft index built anew for the test, and checked for new answers on every use."""
    from triage.answers import suggestions

    suggestions.forget_index()
    monkeypatch.setattr(suggestions, "CHECK_EVERY_SECONDS", 0.0)
    yield
    suggestions.forget_index()


@pytest.fixture(scope="session", autouse=True)
def _a_cache_of_its_own(tmp_path_factory):
    """The embedded default's file cache is shared by processes: tests keep theirs elsewhere, so clearing
    it never empties the cache of a server or a benchmark running from the same directory."""
    from django.conf import settings
    from django.test import override_settings

    default = settings.CACHES["default"]
    if not default["BACKEND"].endswith("FileBasedCache"):
        yield
        return
    with override_settings(CACHES={"default": {**default, "LOCATION": str(tmp_path_factory.mktemp("cache"))}}):
        yield


@pytest.fixture(scope="session", autouse=True)
def _an_answer_index_of_its_own(tmp_path_factory):
    """The answer-draft index file too: a server running from the same directory keeps its own."""
    from django.test import override_settings

    with override_settings(ANSWER_INDEX_PATH=str(tmp_path_factory.mktemp("answers") / "answer-index.npz")):
        yield


@pytest.fixture(autouse=True)
def _clean_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def reference_data(transactional_db):
    """Departments, the classification tree and the norms, as after migrate.

    Each transactional test ends by emptying every table, which also removes what the data
    migrations loaded; the next browser test (or a reused test database) would find none.
    The content types, permissions and role groups are made again here too (idempotent), so a test
    may start after any other.
    """
    from django.contrib.contenttypes.models import ContentType
    from django.core.management.sql import emit_post_migrate_signal

    from appeals.reference import load_reference_data

    ContentType.objects.clear_cache()
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    load_reference_data()


def create_staff(username: str, role: str, department_code: str | None = None, **extra) -> User:
    user = User.objects.create_user(username=username, password=PASSWORD, email=f"{username}@example.ru",
                                    first_name=extra.pop("first_name", username.capitalize()),
                                    last_name=extra.pop("last_name", "Тестов"), **extra)
    set_role(user, role)
    department = Department.objects.get(code=department_code) if department_code else None
    StaffProfile.objects.create(user=user, department=department)
    return user


def create_building(street: str = "улица Марата", house: str = "7", **extra) -> Building:
    return Building.objects.create(street=street, house=house, **extra)


def create_appeal(text: str = "Протекает крыша над квартирой", *, channel: str = "phone", reason: str | None = None,
                  full_name: str = "Иванова Мария Петровна", phone: str = "+79211234567", **extra):
    applicant = ApplicantData(full_name=full_name, phone=phone, email=extra.pop("email", ""),
                              flat=extra.pop("flat", "12")) if full_name else None
    reason_obj = Reason.objects.get(code=reason) if reason else None
    return services.receive_appeal(text=text, channel=channel, applicant=applicant, reason=reason_obj, **extra)


@pytest.fixture
def operator(db):
    return create_staff("operator", "operator", "crm")


@pytest.fixture
def supervisor(db):
    return create_staff("supervisor", "supervisor", "crm")


@pytest.fixture
def specialist(db):
    return create_staff("specialist", "specialist", "tech")


@pytest.fixture
def admin_user(db):
    return create_staff("admin", "admin", None, is_staff=True, is_superuser=True)


@pytest.fixture
def building(db):
    return create_building()


@contextmanager
def happening_at(moment: dt.datetime):
    """Whatever the verbs do inside happens at `moment`: the appeal's dates and its history rows alike."""
    at_field = AppealEvent._meta.get_field("at")
    with mock.patch("django.utils.timezone.now", return_value=moment), \
            mock.patch.dict(at_field.__dict__, {"_get_default": lambda: moment}):
        yield


# The whole life cycle, one verb at a time, from Monday 3 March 2025, 10:00 Moscow time.
FULL_LIFE_CYCLE = [
    (dt.datetime(2025, 3, 3, 11, 0, tzinfo=MOSCOW), "register", {}),
    (dt.datetime(2025, 3, 3, 12, 0, tzinfo=MOSCOW), "assign", {}),
    (dt.datetime(2025, 3, 4, 9, 0, tzinfo=MOSCOW), "start", {}),
    (dt.datetime(2025, 3, 5, 10, 0, tzinfo=MOSCOW), "wait_applicant", {"note": "Уточнить номер подъезда"}),
    (dt.datetime(2025, 3, 6, 15, 0, tzinfo=MOSCOW), "applicant_replied", {"note": "Подъезд 3"}),
    (dt.datetime(2025, 3, 7, 10, 0, tzinfo=MOSCOW), "draft_answer", {"answer_text": "Кровля будет отремонтирована."}),
    (dt.datetime(2025, 3, 10, 10, 0, tzinfo=MOSCOW), "revise", {"note": "Указать сроки работ"}),
    (dt.datetime(2025, 3, 11, 10, 0, tzinfo=MOSCOW), "draft_answer",
     {"answer_text": "Кровля над вашим подъездом будет отремонтирована до 30 апреля."}),
    (dt.datetime(2025, 3, 12, 10, 0, tzinfo=MOSCOW), "extend", {"note": "Нужен осмотр подрядчика"}),
    (dt.datetime(2025, 3, 20, 16, 0, tzinfo=MOSCOW), "answer",
     {"result": "Ремонт кровли запланирован", "resolved_in_favour_of": "applicant"}),
    (dt.datetime(2025, 3, 21, 9, 0, tzinfo=MOSCOW), "close", {}),
]


def appeal_through_full_life_cycle(actor, assignee=None, *, until: str = "close"):
    """A category Б appeal received on 3 March 2025 and driven through FULL_LIFE_CYCLE by the verbs,
    up to the last time `until` is done."""
    assignee = assignee or create_staff("roofer", "specialist", "tech")
    with happening_at(dt.datetime(2025, 3, 3, 10, 0, tzinfo=MOSCOW)):
        appeal = create_appeal()
        appeal = services.classify(appeal, actor, reason=Reason.objects.get(code="roof-damage"), complexity="B")
    last = max(i for i, (_moment, name, _data) in enumerate(FULL_LIFE_CYCLE) if name == until)
    for moment, name, data in FULL_LIFE_CYCLE[: last + 1]:
        with happening_at(moment):
            if name == "assign":
                appeal = services.assign(appeal, actor, assignee=assignee)
            else:
                appeal = services.transition(appeal, name, actor, **data)
    return appeal


def raising(exception: Exception):
    """A view that raises `exception`: for the error pages no real view produces."""

    def view(request):
        raise exception

    return view


def urlconf_with(*paths) -> dict:
    """A test module's URLconf (for pytest.mark.urls): `paths` before the project's own, with its error handlers.
    Use as `globals().update(urlconf_with(...))`."""
    from priemnaya import urls

    handlers = {f"handler{code}": getattr(urls, f"handler{code}") for code in (400, 403, 404, 500)}
    return {"urlpatterns": [*paths, *urls.urlpatterns], **handlers}
