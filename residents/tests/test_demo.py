from conftest import create_appeal
from residents import demo
from residents.models import Post, Report, Topic


def test_the_demo_loader_is_idempotent_and_says_the_login(reference_data):
    create_appeal("Не работает лифт")
    said = demo.load()
    assert demo.LOGIN in said and demo.PASSWORD in said
    counts = (Topic.objects.count(), Post.objects.count(), Report.objects.count())
    demo.load()
    assert (Topic.objects.count(), Post.objects.count(), Report.objects.count()) == counts
    assert Post.objects.filter(state=Post.State.PENDING).count() == 1
    assert Report.objects.count() == 1
    assert demo.Resident.objects.get(email=demo.LOGIN).appeal_links.count() == 1
