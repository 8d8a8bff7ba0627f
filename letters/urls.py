from django.urls import path

from . import resident, views_staff

app_name = "letters"

urlpatterns = [
    path("account/letters/<str:number>.pdf", resident.own_letter, name="own-letter"),
    path("staff/letters/", views_staff.letter_list, name="staff-register"),
    path("staff/appeals/<str:number>/letters/<slug:kind>/", views_staff.issue, name="staff-issue"),
    path("staff/appeals/<str:number>/letters/<int:pk>.pdf", views_staff.letter_file, name="staff-file"),
    path("staff/appeals/<str:number>/letters/<int:pk>/posted/", views_staff.posted, name="staff-posted"),
]
