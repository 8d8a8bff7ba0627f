from django.urls import path

from . import views_staff

urlpatterns = [
    path("", views_staff.message_list, name="staff-mail-outgoing"),
    path("<int:pk>/", views_staff.message_detail, name="staff-mail-message"),
    path("<int:pk>/resend/", views_staff.message_resend, name="staff-mail-resend"),
]
