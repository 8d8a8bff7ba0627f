from django.urls import path

from . import views, views_accessibility, views_faq, views_hints

app_name = "portal"

urlpatterns = [
    path("", views.landing, name="landing"),
    path("appeal/", views.appeal_form, name="appeal_form"),
    path("appeal/done/", views.appeal_done, name="appeal_done"),
    path("appeal/buildings/", views.building_suggestions, name="building_suggestions"),
    path("appeal/hints/", views_hints.appeal_hints, name="appeal_hints"),
    path("faq/", views_faq.faq, name="faq"),
    path("track/", views.track, name="track"),
    path("track/status/", views.track_status, name="track_status"),
    path("accessibility/", views_accessibility.accessibility, name="accessibility"),
    path("feedback/", views.section_page, {"slug": "feedback"}, name="section_feedback"),
    path("info/", views.section_page, {"slug": "info"}, name="section_info"),
]
