"""The public site's content in the demo: each section's own loader, run after the appeals (or on an
existing demo), so a section added later fills in on the next `load_demo`. Every loader is idempotent:
it adds what is missing and leaves what staff edited alone."""

from django.utils.module_loading import import_string

# Dotted paths of functions taking no arguments; each section appends its own.
LOADERS: list[str] = [
    "appointments.demo.load",
    "reference.demo.load",
    "services.demo.load",
    "feedback.demo.load",
    "residents.demo.load",
    "orders.demo.load",
    "letters.demo.load",
    "proposals.demo.load",
    "calls.demo.load",
    "practice.demo.load",
    "quality.demo.load",
]


def load_content() -> list[str]:
    """Run every section's loader; the lines they report, for the command's output."""
    lines = []
    for path in LOADERS:
        said = import_string(path)()
        if said:
            lines.append(said)
    return lines
