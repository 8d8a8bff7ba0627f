from django.urls import path

from . import views

app_name = "appointments"

urlpatterns = [
    path("centres/", views.centre_list, name="centres"),
    path("centres/booking/", views.lookup, name="lookup"),
    path("centres/booking/done/", views.booking_done, name="done"),
    path("centres/booking/status/", views.booking_status, name="status"),
    path("centres/booking/cancel/", views.booking_cancel, name="cancel"),
    path("centres/<slug:slug>/", views.centre_detail, name="centre"),
    path("centres/<slug:slug>/book/", views.book_form, name="book"),
]
