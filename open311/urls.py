"""/open311/: the service discovery and GeoReport v2 (`/open311/v2/…`), each address ending in .xml or .json."""

from django.urls import path, re_path

from . import views

app_name = "open311"

urlpatterns = [
    path("discovery.<str:fmt>", views.discovery, name="discovery"),
    path("v2/services.<str:fmt>", views.services, name="services"),
    path("v2/services/<str:code>.<str:fmt>", views.service_definition, name="service"),
    path("v2/requests.<str:fmt>", views.requests, name="requests"),
    path("v2/requests/<str:number>.<str:fmt>", views.request_detail, name="request"),
    path("v2/tokens/<str:token>.<str:fmt>", views.token, name="token"),
    re_path(r"^.*$", views.not_found),
]
