from django.urls import include, path

# Lists, journal, dashboards and log-in live in urls_lists; one appeal's pages in urls_appeal.
urlpatterns = [
    path("", include("backoffice.urls_lists")),
    path("", include("backoffice.urls_appeal")),
    path("appointments/", include("appointments.urls_staff")),
    path("", include("feedback.urls_staff")),
]
