"""The version for the visually impaired (ГОСТ Р 52872-2019): large type, a high-contrast colour scheme and
no images, chosen by the visitor and kept across pages in a cookie. No JavaScript is needed to use it."""

from dataclasses import dataclass, replace
from urllib.parse import urlencode

COOKIE = "a11y"
COOKIE_AGE = 365 * 24 * 3600
SIZES = {"large": "Крупный", "xlarge": "Очень крупный"}
SCHEMES = {"bw": "Чёрным по белому", "wb": "Белым по чёрному", "blue": "Тёмно-синим по голубому"}


@dataclass(frozen=True)
class Accessibility:
    """A visitor's choice; `on` False is the usual site."""

    on: bool = False
    size: str = "large"
    scheme: str = "bw"
    images: bool = False

    @property
    def body_classes(self) -> str:
        if not self.on:
            return ""
        classes = ["a11y", f"a11y-{self.size}", f"a11y-{self.scheme}"]
        return " ".join(classes if self.images else [*classes, "a11y-noimg"])

    def cookie_value(self) -> str:
        return "-".join([self.size, self.scheme, "img" if self.images else "noimg"])

    def changed(self, **params: str) -> "Accessibility":
        """The choice after a visitor's request; unknown values leave a setting as it was."""
        choice = self if self.on else Accessibility(on=True)
        if params.get("mode") == "off":
            return Accessibility()
        if params.get("size") in SIZES:
            choice = replace(choice, size=params["size"])
        if params.get("scheme") in SCHEMES:
            choice = replace(choice, scheme=params["scheme"])
        if params.get("images") in ("on", "off"):
            choice = replace(choice, images=params["images"] == "on")
        return choice


def from_cookie(value: str | None) -> Accessibility:
    """The choice a cookie holds; anything malformed reads as the usual site."""
    parts = (value or "").split("-")
    if len(parts) != 3 or parts[0] not in SIZES or parts[1] not in SCHEMES or parts[2] not in ("img", "noimg"):
        return Accessibility()
    return Accessibility(on=True, size=parts[0], scheme=parts[1], images=parts[2] == "img")


def switch_query(next_path: str, **params: str) -> str:
    """The query string of a link that changes the choice and comes back to `next_path`."""
    return urlencode({**params, "next": next_path})
