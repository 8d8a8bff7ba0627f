from django.contrib.auth import views as auth_views
from django.urls import path

from . import (
    views_access_log,
    views_auth,
    views_boards,
    views_incidents,
    views_journal,
    views_notifications,
    views_outages,
    views_rebalance,
    views_triage,
)

urlpatterns = [
    path("", views_auth.home, name="staff-home"),
    path("login/", views_auth.StaffLoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("journal/", views_journal.journal, name="staff-journal"),
    path("journal/export.xlsx", views_journal.journal_export, name="staff-journal-export"),
    path("journal/export.pdf", views_journal.journal_export_pdf, name="staff-journal-export-pdf"),
    path("my/", views_boards.my_appeals, name="staff-my"),
    path("overdue/", views_boards.overdue_board, name="staff-overdue"),
    path("load/", views_boards.load_board, name="staff-load"),
    path("load/<slug:code>/rebalance/", views_rebalance.rebalance, name="staff-rebalance"),
    path("triage/", views_triage.triage_inbox, name="staff-triage"),
    path("triage/<str:number>/", views_triage.triage_register, name="staff-triage-register"),
    path("incidents/", views_incidents.incident_list, name="staff-incidents"),
    path("incidents/<int:pk>/", views_incidents.incident_detail, name="staff-incident"),
    path("incidents/<int:pk>/outage/", views_outages.publish_from_incident, name="staff-incident-outage"),
    path("notifications/", views_notifications.notifications, name="staff-notifications"),
    path("access-log/", views_access_log.access_log, name="staff-access-log"),
]
