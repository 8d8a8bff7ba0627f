"""A staff member's permissions read once and shared by the web processes, not queried at every request.

Django's `ModelBackend` reads a user's permissions with two queries per request (its cache lives on the user
object, made anew by every request): at intake that was a tenth of an appeal's cost. Here the set is kept in
the shared cache under a version that any change of groups, memberships or permissions moves on, so a
changed role is seen by the next request of every process.
"""

import time

from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

VERSION_KEY = "accounts:permissions-version"


class CachedPermissionsBackend(ModelBackend):
    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            user_obj._perm_cache = _cached(user_obj, lambda: ModelBackend.get_all_permissions(self, user_obj))
        return user_obj._perm_cache


def _cached(user, read) -> set[str]:
    key = f"accounts:permissions:{user.pk}:{int(user.is_superuser)}"
    found = cache.get_many([VERSION_KEY, key])
    version = found.get(VERSION_KEY)
    if version is None:
        version = _start()
    kept = found.get(key)
    if kept is not None and kept[0] == version:
        return kept[1]
    permissions = set(read())
    cache.set(key, (version, permissions), 24 * 3600)
    return permissions


def forget() -> None:
    """Every cached permission set is stale from now on."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not there (a cleared or culled cache)
        _start()


def _start() -> int:
    """A version no set kept earlier can carry: the key may be lost while older sets are still cached."""
    version = time.time_ns()
    if not cache.add(VERSION_KEY, version, None):
        version = cache.get(VERSION_KEY, version)
    return version


@receiver(m2m_changed, sender=Group.permissions.through)
@receiver(m2m_changed, sender=Group.user_set.through)
@receiver(m2m_changed, sender=Permission.user_set.through)
@receiver(post_delete, sender=Group)
@receiver(post_delete, sender=Permission)
@receiver(post_save, sender=Permission)
def _permissions_changed(**_signal) -> None:
    forget()
