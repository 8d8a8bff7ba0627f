from django.urls import path

from . import views

app_name = "proposals"

urlpatterns = [
    path("staff/proposals/", views.proposal_list, name="list"),
    path("staff/proposals/new/", views.proposal_new, name="new"),
    path("staff/proposals/<int:pk>/", views.proposal_page, name="page"),
    path("staff/proposals/<int:pk>/edit/", views.proposal_edit, name="edit"),
    path("staff/proposals/<int:pk>/links/", views.proposal_link, name="link"),
    path("staff/proposals/<int:pk>/links/<slug:kind>/<str:ref>/remove/", views.proposal_unlink, name="unlink"),
    path("staff/proposals/<int:pk>/implemented/", views.proposal_implemented, name="implemented"),
]
