"""The back office's forum moderation, under /staff/forum/ (its own namespace: staff addresses, not the public's)."""

from django.urls import path

from . import views_moderation

app_name = "moderation"

urlpatterns = [
    path("", views_moderation.queue, name="queue"),
    path("posts/<int:post_id>/<slug:action>/", views_moderation.post_action, name="post_action"),
    path("topics/<int:topic_id>/<slug:action>/", views_moderation.topic_action, name="topic_action"),
    path("residents/<int:resident_id>/restrict/", views_moderation.restrict, name="restrict"),
]
