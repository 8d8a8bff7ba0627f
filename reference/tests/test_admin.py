"""Staff edit the section in the admin, which speaks of each item in proper Russian and links to its preview."""

import pytest

from .factories import create_news

pytestmark = pytest.mark.django_db
MODELS = ["newsitem", "outage", "paymentpoint", "contactgroup", "usefullink", "companydetails"]


@pytest.mark.parametrize("model", MODELS)
def test_each_list_and_add_page_opens(client, admin_user, model):
    client.force_login(admin_user)
    assert client.get(f"/admin/reference/{model}/").status_code == 200
    assert client.get(f"/admin/reference/{model}/add/").status_code == 200


def test_a_news_item_links_to_its_page_for_a_preview(client, admin_user):
    item = create_news("draft", published=False)
    client.force_login(admin_user)
    assert "Добавить новость" in client.get("/admin/reference/newsitem/").content.decode()
    shortcut = f"/admin/r/{_ct(item)}/{item.pk}/"
    assert shortcut in client.get(f"/admin/reference/newsitem/{item.pk}/change/").content.decode()
    final = client.get(shortcut, follow=True)
    assert final.redirect_chain[-1][0].endswith("/news/draft/") and "Предпросмотр" in final.content.decode()


def _ct(obj) -> int:
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(obj).pk
