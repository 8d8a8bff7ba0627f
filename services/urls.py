from django.urls import path

from . import views, views_clients

app_name = "services"

urlpatterns = [
    path("services/", views.service_list, name="list"),
    path("services/benefits/", views.benefits, name="benefits"),
    path("services/documents/", views.documents, name="documents"),
    path("services/documents/<slug:slug>/", views.document_download, name="document"),
    path("services/quality/", views.quality, name="quality"),
    path("services/<slug:slug>/", views.service_detail, name="detail"),
    path("clients/", views_clients.clients, name="clients"),
    path("clients/articles/<slug:slug>/", views_clients.article, name="article"),
]
