"""Every answer to a staff member that read an applicant's record writes a row of the 152-ФЗ access log.

One middleware for the back office, the API and the admin alike (`appeals.personal_data`), so that no
page can forget. An answer counts as shown when it carries a page or data (2xx, or a form shown again
with its errors, 400); a redirect, a refusal or an error shows nothing.
"""

from appeals import personal_data


def _shown(response) -> bool:
    return (200 <= response.status_code < 300 and response.status_code != 204) or response.status_code == 400


def _view_name(request) -> str:
    match = getattr(request, "resolver_match", None)
    return match.view_name if match is not None else request.path


class PersonalDataAccessLog:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with personal_data.watching() as seen:
            response = self.get_response(request)
        user = getattr(request, "user", None)  # the API sets it from the token inside the view
        if seen and user is not None and user.is_authenticated and _shown(response):
            personal_data.record(user, seen, action=_view_name(request), ip=request.META.get("REMOTE_ADDR"))
        return response
