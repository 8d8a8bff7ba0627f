from django.urls import path

from . import views

app_name = "quality"

# Under /staff/quality/.
urlpatterns = [
    path("", views.queue, name="queue"),
    path("complaints/", views.complaint, name="complaint"),
    path("review/<int:pk>/", views.review, name="review"),
    path("me/", views.my_scorecard, name="mine"),
    path("operators/<int:pk>/", views.operator_scorecard, name="scorecard"),
    path("team/", views.team_page, name="team"),
]
