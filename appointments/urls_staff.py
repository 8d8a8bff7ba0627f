from django.urls import path

from . import views_staff

urlpatterns = [
    path("", views_staff.day_list, name="staff-appointments"),
    path("<int:pk>/", views_staff.change, name="staff-appointment-change"),
]
