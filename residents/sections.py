"""The account page's sections: each a function `(resident) -> dict | None` named by its dotted path.

A section's context has `title` and `template` (included with the context as `section`); None leaves the
section out. Another part of the site adds its own by appending its path here, like demo.content.LOADERS.
"""

from django.utils.module_loading import import_string

SECTIONS: list[str] = [
    "residents.account.appeals_section",
    "appointments.account.bookings_section",
    "orders.resident.orders_section",
    "letters.resident.letters_section",
]


def account_sections(resident) -> list[dict]:
    """Every section's context for this resident, in the list's order."""
    found = []
    for path in SECTIONS:
        context = import_string(path)(resident)
        if context:
            found.append(context)
    return found
