"""A `media_url` is kept as a link and never opened by the server; still, staff click it, so a link into the
company's own network (a loopback, private or link-local address, a local name) is refused, as is one that
hides its real host behind a user name («https://bank.ru@evil.example/»)."""

import ipaddress
import socket
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

MAX_LENGTH = 2000
LOCAL_SUFFIXES = (".localhost", ".local", ".localdomain", ".internal", ".intranet", ".lan", ".home.arpa", ".corp")
_SYNTAX = URLValidator(schemes=["http", "https"])


class BadLink(ValueError):
    """The link is refused; the message is for people."""


def _ip_literal(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """The address a host written as a number stands for, in any form a browser reads: «127.0.0.1», «[::1]»,
    and also «127.1», «0x7f.0.0.1» or «2130706433» (inet_aton's forms; parsed locally, nothing is looked up)."""
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        pass
    try:
        return ipaddress.IPv4Address(socket.inet_aton(host))
    except OSError:
        return None


def _is_public(address) -> bool:
    mapped = getattr(address, "ipv4_mapped", None)
    return (mapped or address).is_global


def check_media_url(value: str) -> str:
    """The link as it will be stored ('' for none); BadLink when it is refused."""
    value = (value or "").strip()
    if not value:
        return ""
    if len(value) > MAX_LENGTH:
        raise BadLink(f"Ссылка длиннее {MAX_LENGTH} знаков.")
    try:
        parts = urlsplit(value)
        host = (parts.hostname or "").rstrip(".").lower()
    except ValueError:
        raise BadLink("Это не ссылка на страницу или файл в интернете.") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise BadLink("Принимаем только ссылки http:// и https://.")
    if parts.username is not None or parts.password is not None:
        raise BadLink("В ссылке не должно быть имени пользователя или пароля перед адресом сайта.")
    address = _ip_literal(host) if host else None
    if address is not None:
        if not _is_public(address):
            raise BadLink("Ссылка ведёт во внутреннюю сеть (локальный или частный адрес): такие не принимаем.")
        return value
    if not host or "." not in host or host == "localhost" or host.endswith(LOCAL_SUFFIXES):
        raise BadLink("Ссылка ведёт во внутреннюю сеть (локальное имя): такие не принимаем.")
    try:
        _SYNTAX(value)
    except ValidationError:
        raise BadLink("Это не ссылка на страницу или файл в интернете.") from None
    return value
