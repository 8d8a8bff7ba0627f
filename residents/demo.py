"""Demo content of the resident area (run by `load_demo`): a resident's account with appeals, and a forum.

Idempotent: the account and each topic are made once, by their address and title.
"""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from appeals.models import Appeal

from .models import AppealLink, Post, Report, Resident, Topic

LOGIN, PASSWORD = "zhitel@example.ru", "zhitel-demo-2026"
NEIGHBOURS = [("sosed.marata@example.ru", "Сосед с Марата"), ("rubinshteyna15@example.ru", "Жилец с Рубинштейна"),
              ("dvor.pushkinskaya@example.ru", "Пушкинская, 10")]
NEWCOMER = ("novosel@example.ru", "Новосёл")
# Title → (author index, opening text, replies as (author index, text)); -1 is the demo resident.
TOPICS = {
    "Когда заменят лифт в доме на ул. Марата, 7?": (0, "Лифт во втором подъезде останавливается между этажами "
        "уже третий раз за месяц. Говорили, что его заменят в этом году. Кто-нибудь знает сроки?", [
        (-1, "Я подавала обращение, ответили, что замена включена в план капитального ремонта на следующий год."),
        (1, "У нас на улице Рубинштейна меняли прошлым летом, работы шли около шести недель."),
        (0, "Спасибо! Тогда буду следить за новостями и напишу обращение ещё раз, если лифт опять застрянет.")]),
    "Поверка счётчиков: кто делал в этом году?": (1, "Подошёл срок поверки счётчиков воды. Кто делал в этом "
        "году — сколько стоило и как передали результат в управляющую компанию?", [
        (2, "Делали в марте через аккредитованную организацию, результат сам появился в реестре, "
            "в управляющую компанию ничего нести не пришлось."),
        (-1, "Проверьте, что организация есть в реестре аккредитованных лиц. Мне попадались объявления "
             "с заниженной ценой, а потом оказалось, что поверку не засчитали.")]),
    "Уборка снега во дворе на Пушкинской": (2, "После снегопада двор расчистили только у первого подъезда. "
        "У остальных — сугробы, с коляской не пройти.", [
        (0, "Лучше подать обращение: так у него будет номер и срок ответа."),
        (2, "Подал, через день всё расчистили. Спасибо за совет.")]),
}
PENDING_TOPIC = ("Можно ли поставить велопарковку у дома?", "Хотим поставить велосипедную стойку во дворе. "
                 "Куда обращаться и нужно ли собрание собственников?")
REPORTED_REPLY = "Да все они там ничего не делают, только деньги собирают!"


def _resident(email: str, name: str, **extra) -> Resident:
    resident, _ = Resident.objects.get_or_create(email=email, defaults={
        "display_name": name, "confirmed_at": timezone.now(), **extra})
    return resident


def _post(topic: Topic, author: Resident, text: str, at: dt.datetime, **extra) -> Post:
    post = Post.objects.create(topic=topic, author=author, text=text, state=extra.pop("state", Post.State.PUBLISHED),
                               **extra)
    Post.objects.filter(pk=post.pk).update(created_at=at)  # a demo forum with a history, not all of today
    return post


def _topic(title: str, author: Resident, text: str, replies: list, people: list, start: dt.datetime) -> None:
    topic = Topic.objects.create(title=title, author=author, last_post_at=start)
    _post(topic, author, text, start, is_opening=True)
    at = start
    for index, reply in replies:
        at += dt.timedelta(hours=5)
        _post(topic, people[index], reply, at)
    Topic.objects.filter(pk=topic.pk).update(created_at=start, last_post_at=at)


def _forum(demo: Resident) -> int:
    people = [_resident(email, name, forum_trusted=True) for email, name in NEIGHBOURS] + [demo]
    made, start = 0, timezone.now() - dt.timedelta(days=20)
    for title, (author, text, replies) in TOPICS.items():
        start += dt.timedelta(days=4)
        if not Topic.objects.filter(title=title).exists():
            _topic(title, people[author], text, replies, people, start)
            made += 1
    if not Topic.objects.filter(title=PENDING_TOPIC[0]).exists():
        newcomer = _resident(*NEWCOMER)
        topic = Topic.objects.create(title=PENDING_TOPIC[0], author=newcomer, last_post_at=timezone.now())
        _post(topic, newcomer, PENDING_TOPIC[1], timezone.now(), is_opening=True, state=Post.State.PENDING)
        made += 1
    if not Report.objects.exists():
        topic = Topic.objects.get(title="Уборка снега во дворе на Пушкинской")
        post = _post(topic, people[1], REPORTED_REPLY, timezone.now() - dt.timedelta(days=1))
        Report.objects.create(post=post, reason=Report.Reason.INSULT, comment="Грубо и не по делу.")
    return made


@transaction.atomic
def load() -> str:
    demo = _resident(LOGIN, "Жительница с Марата", forum_trusted=True)
    if not demo.has_password:
        demo.set_password(PASSWORD)
        demo.save(update_fields=["password"])
    for appeal in Appeal.objects.filter(applicant__isnull=False).order_by("-received_at")[:3]:
        AppealLink.objects.get_or_create(resident=demo, appeal=appeal)
    made = _forum(demo)
    return (f"Личный кабинет жителя: {LOGIN} / {PASSWORD}, обращений в кабинете: {demo.appeal_links.count()}; "
            f"форум: тем добавлено {made}, всего {Topic.objects.count()}.")
