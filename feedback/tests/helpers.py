"""Small builders the feedback tests share: an answered appeal, a published review."""

from appeals import services
from appeals.models import Reason
from conftest import create_appeal, create_building, create_staff
from feedback import reviews


def answered_appeal(supervisor, *, text: str = "Протекает крыша над квартирой", answer: str = "Кровля отремонтирована.",
                    reason: str = "roof-damage", building=None, **extra):
    """An appeal received, registered, worked and answered by the verbs."""
    specialist = create_staff(f"spec{Reason.objects.count()}{services.Appeal.objects.count()}", "specialist", "tech")
    building = building or create_building(street="улица Рубинштейна", house="15")
    appeal = create_appeal(text, building=building, **extra)
    services.classify(appeal, supervisor, reason=Reason.objects.get(code=reason))
    appeal = services.transition(appeal, "register", supervisor)
    appeal = services.assign(appeal, supervisor, assignee=specialist)
    appeal = services.transition(appeal, "start", specialist)
    appeal = services.transition(appeal, "draft_answer", specialist, answer_text=answer)
    return services.transition(appeal, "answer", supervisor, result="Выполнено", resolved_in_favour_of="applicant")


def published_review(supervisor, *, rating: int = 5, text: str = "Всё сделали быстро, спасибо.", name: str = ""):
    review = reviews.submit_review(rating=rating, text=text, author_name=name)
    return reviews.moderate(review, supervisor, "publish")
