"""Search text kept in the clerk's session and named in addresses by a token.

A journal search finds applicants by surname and phone; in an address it would stay in web-server
logs and browser histories. The form is posted, the text kept here, and the address carries only the
token, so the page still pages, exports and reloads like any other.
"""

import secrets

SESSION_KEY = "searches"
TOKEN = "s"
KEPT = 20  # the latest searches of a session; an older token asks for the search again


def keep(request, text: str) -> str:
    """A token for the text (the same one for a search repeated)."""
    kept: dict = request.session.get(SESSION_KEY, {})
    token = next((t for t, kept_text in kept.items() if kept_text == text), None) or secrets.token_urlsafe(6)
    kept.pop(token, None)
    kept[token] = text
    request.session[SESSION_KEY] = dict(list(kept.items())[-KEPT:])
    return token


def recall(request, token: str) -> str | None:
    """The text of a token of this session, or None."""
    return request.session.get(SESSION_KEY, {}).get(token)
