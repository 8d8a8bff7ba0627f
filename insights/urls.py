from django.urls import path

from . import views

urlpatterns = [
    path("", views.flow, name="insights-flow"),
    path("problems/", views.problems, name="insights-problems"),
    path("deadlines/", views.deadlines, name="insights-deadlines"),
    path("reports/", views.report_list, name="insights-reports"),
    path("reports/<int:pk>/", views.report_detail, name="insights-report"),
    path("reports/<int:pk>/retry/", views.report_retry, name="insights-report-retry"),
    path("reports/<int:pk>/<str:kind>/", views.report_file, name="insights-report-file"),
]
