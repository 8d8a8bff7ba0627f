from django.urls import path

from . import views

urlpatterns = [
    path("", views.letter_list, name="staff-mail-incoming"),
    path("<int:pk>/", views.letter_detail, name="staff-mail-letter"),
]
