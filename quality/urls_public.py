from django.urls import path

from . import views_public

app_name = "quality-public"

urlpatterns = [
    path("survey/<str:token>/", views_public.survey, name="survey"),
]
