from django.urls import include, path

urlpatterns = [
    path("", include("residents.urls_public")),
    path("staff/forum/", include("residents.urls_staff")),
]
