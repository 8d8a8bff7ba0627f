"""Every answer to a staff member that read an applicant's record writes a row of the 152-ФЗ access log.

One middleware for the back office, the API and the admin alike (`appeals.personal_data`), so that no
page can forget. An answer counts as shown when it carries a page or data (2xx, or a form shown again
with its errors, 400); a redirect, a refusal or an error shows nothing. The public site is no staff view,
whoever is logged in: what it shows of an appeal is masked.
"""

from appeals import personal_data

# The public site and Open311's reads show no one's personal data (the texts are masked), whoever is logged in.
PUBLIC_NAMESPACES = {"portal", "feedback", "open311"}
PUBLIC_VIEWS = {"api:track", "orders:catalogue", "orders:new", "orders:done", "orders:own-invoice",
                "letters:own-letter"}


def _shown(response) -> bool:
    return (200 <= response.status_code < 300 and response.status_code != 204) or response.status_code == 400


def _view_name(request) -> str:
    match = getattr(request, "resolver_match", None)
    return match.view_name if match is not None else request.path


def _public(request) -> bool:
    match = getattr(request, "resolver_match", None)
    return match is not None and (match.namespace in PUBLIC_NAMESPACES or match.view_name in PUBLIC_VIEWS)


class PersonalDataAccessLog:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with personal_data.watching() as seen:
            response = self.get_response(request)
        user = getattr(request, "user", None)  # the API sets it from the token inside the view
        if seen and user is not None and user.is_authenticated and _shown(response) and not _public(request):
            personal_data.record(user, seen, action=_view_name(request), ip=request.META.get("REMOTE_ADDR"))
        return response
