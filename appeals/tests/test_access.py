import pytest

from appeals import services
from appeals.access import can_view, log_pd_access, may, visible_appeals
from appeals.models import PersonalDataAccess
from conftest import create_appeal, create_staff

pytestmark = pytest.mark.django_db


def test_specialist_sees_only_own_department_and_own_assignments(specialist):
    roof = create_appeal(reason="roof-damage")  # tech
    litter = create_appeal(reason="yard-litter")  # san
    assert list(visible_appeals(specialist)) == [roof]
    assert can_view(specialist, roof) and not can_view(specialist, litter)
    litter = services.assign(services.transition(litter, "register", None), None, assignee=specialist)
    assert can_view(specialist, litter)


def test_operator_and_supervisor_see_all(operator, supervisor):
    create_appeal(reason="roof-damage"), create_appeal(reason="yard-litter")
    assert visible_appeals(operator).count() == 2
    assert visible_appeals(supervisor).count() == 2


def test_role_abilities(operator, specialist, supervisor, admin_user):
    appeal = create_appeal(reason="roof-damage")
    assert may(operator, "receive") and not may(specialist, "receive")
    assert may(supervisor, "assign", appeal) and not may(operator, "assign", appeal)
    assert not may(specialist, "assign", appeal)
    assert may(specialist, "classify", appeal) and not may(operator, "edit", appeal)
    assert admin_user.has_perm("appeals.view_pd_access_log") and not supervisor.has_perm("appeals.view_pd_access_log")


def test_user_without_role_sees_nothing():
    nobody = create_staff("nobody", "operator")
    nobody.groups.clear()
    create_appeal()
    assert visible_appeals(nobody).count() == 0


def test_access_log_records_the_applicant(operator):
    appeal = create_appeal()
    log_pd_access(operator, action="view_appeal", appeal=appeal, ip="127.0.0.1")
    row = PersonalDataAccess.objects.get()
    assert row.applicant == appeal.applicant and row.user == operator and row.ip == "127.0.0.1"
