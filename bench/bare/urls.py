from django.urls import path

from . import views

urlpatterns = [path("appeals", views.create)]
