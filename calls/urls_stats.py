from django.urls import path

from . import views_stats

urlpatterns = [
    path("", views_stats.stats_page, name="calls-stats"),
    path("export.xlsx", views_stats.stats_export, name="calls-stats-export"),
    path("cdr/", views_stats.cdr_imports, name="calls-cdr-imports"),
    path("cdr/<int:pk>/", views_stats.cdr_import, name="calls-cdr-import"),
    path("cdr/<int:pk>/step/", views_stats.cdr_import_step, name="calls-cdr-import-step"),
]
