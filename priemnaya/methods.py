"""A method a page does not handle is 405 with `Allow`: a Russian page, JSON under /api/.

Views declare their methods the usual Django ways (require_GET, require_POST, require_http_methods,
a class-based view's handlers; ninja knows the API's). A view that declares none handles what a
browser sends: GET, HEAD and POST. A page (outside the API) handles nothing else even when it says so
(the admin's redirects declare PUT and DELETE). The rest is refused here, before the CSRF check and
before the view runs, whatever the view would have done with it.
"""

from functools import lru_cache

from django.http import HttpResponseNotAllowed

from .errors import error_page, is_api

BROWSER_METHODS = ("GET", "HEAD", "POST")
PAGE_METHODS = (*BROWSER_METHODS, "OPTIONS")


def any_method(view):
    """For a view that answers every method alike (an unknown API address is 404 whatever the method)."""
    view.any_method = True
    return view


def _closure(function) -> dict:
    code = getattr(function, "__code__", None)
    if code is None or not function.__closure__:
        return {}
    return {name: cell.cell_contents for name, cell in zip(code.co_freevars, function.__closure__, strict=True)}


@lru_cache(maxsize=1024)  # views live as long as the process: their closures are read once, not per request
def declared_methods(view) -> tuple[str, ...] | None:
    """The methods `view` says it handles, or None when it says nothing."""
    view_class = getattr(view, "view_class", None)
    if view_class is not None:
        return tuple(m.upper() for m in view_class.http_method_names if hasattr(view_class, m))
    while view is not None:
        cells = _closure(view)
        if "request_method_list" in cells:  # Django's require_http_methods keeps its list there
            return tuple(cells["request_method_list"])
        operations = getattr(cells.get("self"), "operations", None)  # a ninja path and its operations
        if operations is not None:
            return tuple(sorted({method for operation in operations for method in operation.methods}))
        view = getattr(view, "__wrapped__", None)
    return None


def allowed_methods(request, view) -> list[str]:
    declared = declared_methods(view) or BROWSER_METHODS
    return list(declared) if is_api(request) else [m for m in declared if m in PAGE_METHODS]


def not_allowed(request, allowed) -> object:
    allow = ", ".join(allowed)
    message = f"Метод не поддерживается: {request.method}. Допустимо: {allow}."
    response = error_page(request, 405, "errors/405.html", {"method": request.method, "allowed": allow},
                          api_message=message)
    response["Allow"] = allow
    return response


class MethodNotAllowed:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if isinstance(response, HttpResponseNotAllowed):
            # the bare answer of a decorator or of ninja: the same page, with the Allow it gave
            return not_allowed(request, [m.strip() for m in response["Allow"].split(",")])
        return response

    def process_view(self, request, view, args, kwargs):
        if getattr(view, "any_method", False):
            return None
        allowed = allowed_methods(request, view)
        if request.method not in allowed:
            return not_allowed(request, allowed)
        return None

