from django.urls import reverse

from .accessibility import COOKIE, SCHEMES, SIZES, from_cookie, switch_query
from .sections import SECTIONS, current_page


def accessibility(request) -> dict:
    """The visitor's choice of the version for the visually impaired and the links that change it."""
    choice = from_cookie(request.COOKIES.get(COOKIE))
    # The page's path only: a query string may hold what must not be echoed (an access code from a link).
    here, base = request.path, reverse("portal:accessibility")

    def link(**params) -> str:
        return f"{base}?{switch_query(here, **params)}"

    return {"a11y": choice, "a11y_links": {
        "on": link(mode="on"), "off": link(mode="off"),
        "sizes": [(label, link(size=key), key == choice.size) for key, label in SIZES.items()],
        "schemes": [(label, link(scheme=key), key == choice.scheme, key) for key, label in SCHEMES.items()],
        "images": link(images="off" if choice.images else "on"),
    }}


def site_map(request) -> dict:
    """The sections for the header and the footer, and the one the page belongs to."""
    if request.path.startswith(("/staff/", "/admin/", "/api/")):
        return {}
    here = request.path
    current = next((s for s in SECTIONS if s.holds(here)), None)
    return {"site_sections": SECTIONS, "current_section": current.slug if current else "",
            "section_here": current, "page_here": current_page(current, here) if current else None}
