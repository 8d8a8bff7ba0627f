"""Rate limits of the resident area: per IP (the public forms' limit) and per e-mail or phone.

The per-address count stops one address being flooded with codes or its password guessed from many IPs;
it is kept under a keyed hash of the address, so the counting table holds no contacts.
"""

from django.conf import settings
from django.utils.crypto import salted_hmac

from priemnaya import ratelimit

# Per address and window (PUBLIC_RATE_WINDOW): codes sent, and log-in or code attempts.
CODES_PER_ADDRESS = 5
TRIES_PER_ADDRESS = 10


def _address_key(value: str) -> str:
    return "addr:" + salted_hmac("residents.rate-limit", value.lower()).hexdigest()[:24]


def refused(request, scope: str, address: str = "", per_address: int = TRIES_PER_ADDRESS) -> int | None:
    """Count one attempt of this IP (and of this address, when given): None while within the limits, else the
    seconds to wait."""
    if not ratelimit.hit(request, f"residents-{scope}", settings.PUBLIC_RATE_LIMIT):
        return ratelimit.seconds_left(request, f"residents-{scope}")
    if address and not ratelimit.hit(_address_key(address), f"residents-{scope}", per_address):
        return ratelimit.seconds_left(_address_key(address), f"residents-{scope}")
    return None
