"""A reply carrying an appeal's number joins it when it comes from that appeal's applicant."""

from appeals.choices import Status
from appeals.models import Appeal, AppealEvent
from conftest import create_appeal
from mailgateway.models import InboundMessage, Outcome

from .conftest import PNG_LIKE, letter, send


def _appeal_of_maria() -> Appeal:
    return create_appeal(channel="email", email="maria@example.ru")


def test_reply_from_the_applicant_joins_the_appeal_with_its_file(gateway):
    appeal = _appeal_of_maria()
    message = letter("Подъезд третий.\n> Уточните подъезд", subject=f"Re: Ваше обращение № {appeal.number}",
                     sender="Мария <Maria@Example.ru>")
    message.add_attachment(PNG_LIKE, maintype="image", subtype="png", filename="фото.png")
    send(gateway, message)
    assert Appeal.objects.count() == 1
    note = AppealEvent.objects.filter(appeal=appeal, action="commented").get().note
    assert "Подъезд третий." in note and "Уточните" not in note
    assert appeal.attachments.count() == 1
    assert InboundMessage.objects.get().outcome == Outcome.JOINED


def test_reply_from_another_address_makes_a_new_appeal(gateway):
    appeal = _appeal_of_maria()
    send(gateway, letter("Это не моё обращение", subject=f"Re: Ваше обращение № {appeal.number}",
                         sender="Чужой <other@example.ru>"))
    assert Appeal.objects.count() == 2
    assert not AppealEvent.objects.filter(appeal=appeal, action="commented").exists()
    assert InboundMessage.objects.get().outcome == Outcome.APPEAL


def test_same_message_id_twice_is_filed_once(gateway):
    message = letter(message_id="<once@example.ru>")
    send(gateway, message)
    send(gateway, message)
    assert Appeal.objects.count() == 1
    assert InboundMessage.objects.count() == 1


def test_reply_to_a_closed_appeal_makes_a_new_appeal(gateway):
    appeal = _appeal_of_maria()
    Appeal.objects.filter(pk=appeal.pk).update(status=Status.CLOSED)
    send(gateway, letter("Крыша снова течёт", subject=f"Re: Ваше обращение № {appeal.number}"))
    assert Appeal.objects.count() == 2
    assert InboundMessage.objects.get().outcome == Outcome.APPEAL
