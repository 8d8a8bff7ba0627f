from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("staff/", include("backoffice.urls")),
    path("api/v1/", include("api.urls")),
    path("", include("portal.urls")),
]
