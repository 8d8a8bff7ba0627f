"""The staff navigation: which links a user sees, which is current, and unread notifications."""

from dataclasses import dataclass
from functools import cached_property

from django.contrib.auth.models import AnonymousUser

from appeals.access import may, sees_appeals
from appeals.choices import Status
from appeals.models import Appeal, Notification
from appointments.booking import may_manage as may_manage_appointments
from insights.cache import cached
from insights.rights import may_see as may_see_statistics
from mailgateway.letters import may_view as may_view_letters
from notifications.outbox import may_view as may_view_messages
from practice.rights import may_practise
from quality.rights import may_review as may_review_quality
from quality.rights import may_see_own as may_see_own_quality
from residents.moderation import may_moderate as may_moderate_forum


@dataclass(frozen=True)
class NavLink:
    url: str
    title: str
    active: bool
    count: int = 0
    count_title: str = "Непрочитанных"


class StaffNav:
    """Built lazily: pages that do not show the navigation make no queries for it."""

    def __init__(self, request):
        self.request = request
        # An error page for a request stopped before AuthenticationMiddleware (a bad Host) has no user.
        self.user = getattr(request, "user", AnonymousUser())

    @cached_property
    def triage_count(self) -> int:
        # On every staff page: counted once per change of any appeal (the statistics' versioned cache), not
        # once per page; after a burst of intake the count walks thousands of index entries.
        return cached("triage-count", "", Appeal.objects.filter(status=Status.RECEIVED).count)

    @cached_property
    def reviews_waiting(self) -> int:
        from feedback.reviews import waiting_count

        return waiting_count()

    @cached_property
    def unread_count(self) -> int:
        return Notification.objects.filter(user=self.user, read_at__isnull=True).count()

    def _link(self, url: str, title: str, count: int = 0, count_title: str = "Непрочитанных") -> NavLink:
        path = self.request.path
        return NavLink(url, title, path == url or (url != "/staff/" and path.startswith(url)), count, count_title)

    @cached_property
    def links(self) -> list[NavLink]:
        user = self.user
        if not user.is_authenticated:
            return []
        links = []
        if sees_appeals(user):
            links.append(self._link("/staff/journal/", "Журнал"))
        if may(user, "receive"):
            links.append(self._link("/staff/register/", "Зарегистрировать"))
            links.append(self._link("/staff/triage/", "Разбор", self.triage_count, "Ждут разбора"))
        if user.has_perm("appeals.work_appeal"):
            links.append(self._link("/staff/my/", "Мои обращения"))
        if sees_appeals(user):
            links.append(self._link("/staff/incidents/", "Инциденты"))
            links.append(self._link("/staff/letters/", "Исходящие письма"))
            links.append(self._link("/staff/proposals/", "Предложения"))
        if may(user, "view_orders"):
            links.append(self._link("/staff/orders/", "Заказы"))
        if may(user, "assign"):
            links.append(self._link("/staff/overdue/", "Просроченные"))
            links.append(self._link("/staff/load/", "Нагрузка"))
            links.append(self._link("/staff/calls/stats/", "Колл-центр"))
        if may_view_letters(user):
            links.append(self._link("/staff/mail/", "Почта"))
        elif may_view_messages(user):
            links.append(self._link("/staff/mail/outgoing/", "Почта"))
        if may_see_statistics(user):
            links.append(self._link("/staff/insights/", "Статистика"))
        if may_practise(user):
            links.append(self._link("/staff/practice/", "Учебные звонки"))
        if may_review_quality(user):
            links.append(self._link("/staff/quality/", "Качество"))
        elif may_see_own_quality(user):
            links.append(self._link("/staff/quality/me/", "Качество"))
        if may_manage_appointments(user):
            links.append(self._link("/staff/appointments/", "Приём в офисе"))
        if may(user, "moderate_reviews"):
            links.append(self._link("/staff/reviews/", "Отзывы", self.reviews_waiting, "Ждут модерации"))
        links.append(self._link("/staff/notifications/", "Уведомления", self.unread_count))
        if may_moderate_forum(user):
            links.append(self._link("/staff/forum/", "Форум"))
        if user.has_perm("appeals.view_pd_access_log"):
            links.append(self._link("/staff/access-log/", "Журнал доступа"))
        if user.is_staff:
            links.append(self._link("/admin/", "Справочники"))
        return links


def staff_nav(request) -> dict:
    return {"staff_nav": StaffNav(request)}
