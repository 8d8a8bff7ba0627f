import pytest

from residents import forum
from residents.models import Post, Report, Topic

from .conftest import create_resident, signed_in

State = Post.State


def _new_topic(client, title="Когда заменят лифт в доме на ул. Марата, 7?", text="Лифт стоит уже неделю."):
    return client.post("/forum/new/", {"title": title, "text": text})


def test_a_first_post_waits_for_a_moderator(resident_client, client_factory):
    response = _new_topic(resident_client)
    topic = Topic.objects.get()
    assert response.status_code == 302 and topic.posts.get().state == State.PENDING
    assert "Ждёт проверки модератором" in resident_client.get(f"/forum/{topic.pk}/").content.decode()
    visitor = client_factory()
    assert topic.title not in visitor.get("/forum/").content.decode()
    assert visitor.get(f"/forum/{topic.pk}/").status_code == 404


def test_once_approved_later_posts_publish_at_once(resident_client, resident, supervisor, client_factory):
    _new_topic(resident_client)
    topic = Topic.objects.get()
    moderator = client_factory()
    moderator.force_login(supervisor)
    assert moderator.post(f"/staff/forum/posts/{topic.posts.get().pk}/approve/").status_code == 302
    resident.refresh_from_db()
    assert resident.forum_trusted
    resident_client.post(f"/forum/{topic.pk}/", {"text": "Спасибо, лифт запустили."})
    assert topic.posts.filter(state=State.PUBLISHED).count() == 2
    page = client_factory().get(f"/forum/{topic.pk}/").content.decode()
    assert "Спасибо, лифт запустили." in page and "Ирина с Марата" in page


def test_a_restricted_resident_waits_again(resident, db):
    resident.forum_trusted, resident.forum_restricted = True, True
    post = forum.start_topic(resident, "Тема", "Текст")
    assert post.state == State.PENDING


def test_anyone_may_report_a_post_and_it_lands_in_the_queue(client, supervisor, client_factory, db):
    author = create_resident(forum_trusted=True)
    post = forum.start_topic(author, "Поверка счётчиков: кто делал в этом году?", "Делали в марте.")
    response = client.post(f"/forum/posts/{post.pk}/report/", {"reason": "insult", "comment": "грубо"})
    assert response.status_code == 302
    assert Report.objects.get().post == post
    moderator = client_factory()
    moderator.force_login(supervisor)
    forum.start_topic(author, "Другая тема", "Сообщение без жалоб")
    page = moderator.get("/staff/forum/").content.decode()
    assert "Оскорбления, грубость" in page and "грубо" in page
    assert "Сообщение без жалоб" not in page


def test_a_report_needs_a_reason(client, db):
    post = forum.start_topic(create_resident(forum_trusted=True), "Тема", "Текст")
    response = client.post(f"/forum/posts/{post.pk}/report/", {"reason": "<b>x</b>"})
    assert response.status_code == 400 and "Выберите причину из списка" in response.content.decode()


def test_a_pending_post_cannot_be_reported(client, resident):
    post = forum.start_topic(resident, "Тема", "Текст")
    assert client.get(f"/forum/posts/{post.pk}/report/").status_code == 404


@pytest.mark.parametrize("path", ["/staff/forum/", "/staff/forum/posts/{post}/hide/",
                                  "/staff/forum/topics/{topic}/lock/", "/staff/forum/topics/{topic}/pin/"])
def test_moderation_needs_the_permission(client, operator, path, db):
    post = forum.start_topic(create_resident(forum_trusted=True), "Тема", "Текст")
    client.force_login(operator)
    url = path.format(post=post.pk, topic=post.topic_id)
    response = client.get(url) if url == "/staff/forum/" else client.post(url)
    assert response.status_code == 403
    post.refresh_from_db()
    assert post.state == State.PUBLISHED and not Topic.objects.filter(is_locked=True).exists()


def test_a_moderator_hides_and_restores_a_post_and_hiding_closes_its_reports(client, supervisor, db):
    post = forum.start_topic(create_resident(forum_trusted=True), "Тема", "Текст")
    forum.report(post, "spam")
    client.force_login(supervisor)
    client.post(f"/staff/forum/posts/{post.pk}/hide/")
    post.refresh_from_db()
    assert post.state == State.HIDDEN and not Report.objects.filter(resolved_at__isnull=True).exists()
    assert client.get(f"/forum/{post.topic_id}/").status_code == 404  # its opening post is hidden
    client.post(f"/staff/forum/posts/{post.pk}/restore/")
    post.refresh_from_db()
    assert post.state == State.PUBLISHED


def test_a_moderator_locks_and_pins_a_topic(client, supervisor, db):
    author = create_resident(forum_trusted=True)
    post = forum.start_topic(author, "Тема", "Текст")
    client.force_login(supervisor)
    client.post(f"/staff/forum/topics/{post.topic_id}/lock/")
    client.post(f"/staff/forum/topics/{post.topic_id}/pin/")
    topic = Topic.objects.get()
    assert topic.is_locked and topic.is_pinned
    client.logout()
    signed_in(client, author)
    response = client.post(f"/forum/{topic.pk}/", {"text": "Ещё одно"})
    assert response.status_code == 400 and "Тема закрыта" in response.content.decode()
    client.post("/account/logout/")
    client.force_login(supervisor)
    client.post(f"/staff/forum/topics/{topic.pk}/unlock/")
    client.post(f"/staff/forum/topics/{topic.pk}/unpin/")
    topic.refresh_from_db()
    assert not topic.is_locked and not topic.is_pinned


def test_an_unknown_moderation_action_is_not_found(client, supervisor, db):
    client.force_login(supervisor)
    assert client.post("/staff/forum/posts/1/delete/").status_code == 404


def test_a_visitor_cannot_post(client, db):
    response = _new_topic(client)
    assert response.status_code == 302 and response["Location"].startswith("/account/login/")
    assert not Topic.objects.exists()


def test_a_too_long_post_is_refused_in_russian(resident_client):
    response = _new_topic(resident_client, text="а" * 10_000)
    assert response.status_code == 400 and "Не длиннее 5000 знаков (сейчас 10000)" in response.content.decode()
    assert not Topic.objects.exists()


def test_hostile_text_is_shown_escaped(client, db):
    post = forum.start_topic(create_resident(forum_trusted=True), "<script>alert(1)</script>",
                             '<img src=x onerror="alert(1)">')
    page = client.get(f"/forum/{post.topic_id}/").content.decode()
    assert "<script>alert" not in page and "<img src=x" not in page


def test_pages_out_of_range_or_not_numbers_show_a_page(client, db):
    post = forum.start_topic(create_resident(forum_trusted=True), "Тема", "Текст")
    for query in ("?page=abc", "?page=999", "?page=-1"):
        assert client.get(f"/forum/{query}").status_code == 200
        assert client.get(f"/forum/{post.topic_id}/{query}").status_code == 200


def test_topics_and_replies_come_by_pages(client, db):
    author = create_resident(forum_trusted=True)
    first = forum.start_topic(author, "Первая тема", "Текст")
    for i in range(25):
        forum.reply(author, first.topic, f"Ответ номер {i}")
    page_one = client.get(f"/forum/{first.topic_id}/").content.decode()
    page_two = client.get(f"/forum/{first.topic_id}/?page=2").content.decode()
    assert "Ответ номер 18" in page_one and "Ответ номер 19" not in page_one
    assert "Ответ номер 24" in page_two and "Страница 2 из 2" in page_two


def test_the_topic_list_counts_published_replies(client, db):
    author = create_resident(forum_trusted=True)
    post = forum.start_topic(author, "Тема", "Текст")
    forum.reply(author, post.topic, "Первый ответ")
    forum.reply(author, post.topic, "Второй ответ")
    Post.objects.create(topic=post.topic, author=author, text="Ждёт", state=State.PENDING)
    assert forum.visible_topics().get().replies == 2
    assert "ответов: 2" in client.get("/forum/").content.decode()
