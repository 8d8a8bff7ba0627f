from django.urls import path

from . import views

app_name = "reference"

urlpatterns = [
    path("news/", views.news_list, name="news"),
    path("news/<slug:slug>/", views.news_detail, name="news_detail"),
    path("outages/", views.outage_list, name="outages"),
    path("payment-points/", views.payment_points, name="payment_points"),
    path("contacts/", views.contacts, name="contacts"),
    path("links/", views.useful_links, name="links"),
]
