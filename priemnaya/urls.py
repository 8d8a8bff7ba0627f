from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView

urlpatterns = [
    path("admin/", admin.site.urls),
    path("staff/calls/stats/", include("calls.urls_stats")),
    path("staff/calls/", include("calls.urls")),
    path("staff/mail/outgoing/", include("notifications.urls_staff")),
    path("staff/mail/", include("mailgateway.urls")),
    path("staff/insights/", include("insights.urls")),
    path("staff/practice/", include("practice.urls")),
    path("staff/quality/", include("quality.urls")),
    path("staff/", include("backoffice.urls")),
    path("api/v1/", include("api.urls")),
    path("open311/", include("open311.urls")),
    path("", include("appointments.urls")),
    path("", include("reference.urls")),
    path("", include("services.urls")),
    path("", include("feedback.urls")),
    path("", include("residents.urls")),
    path("", include("orders.urls")),
    path("", include("letters.urls")),
    path("", include("proposals.urls")),
    path("notifications/", include("notifications.urls")),
    path("", include("quality.urls_public")),  # the applicants' survey links
    path("", include("portal.urls")),
    # Browsers ask for it on pages with no icon link (the admin's): the site's icon, not a 404 in the log.
    path("favicon.ico", RedirectView.as_view(url=static("favicon.svg"), permanent=True)),
]

# Russian error pages in the look of the site's part they happen in (JSON under /api/).
handler400 = "priemnaya.errors.bad_request"
handler403 = "priemnaya.errors.permission_denied"
handler404 = "priemnaya.errors.page_not_found"
handler500 = "priemnaya.errors.server_error"
