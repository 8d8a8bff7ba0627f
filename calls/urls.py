from django.urls import path

from . import views

urlpatterns = [
    path("", views.today, name="staff-calls"),
    path("start/", views.start, name="staff-call-start"),
    path("<int:pk>/", views.review, name="staff-call-review"),
    path("<int:pk>/end/", views.end, name="staff-call-end"),
    path("<int:pk>/recording/", views.recording, name="staff-call-recording"),
    path("<int:pk>/recording/add/", views.recording_upload, name="staff-call-recording-add"),
    path("<int:pk>/<slug:name>/", views.step, name="staff-call-step"),
    path("visits/", views.visits_today, name="staff-visits"),
    path("visits/<int:pk>/<slug:name>/", views.visit_step, name="staff-visit-step"),
]
