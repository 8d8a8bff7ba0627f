"""A staff member's permissions read once and shared by the web processes, not queried at every request.

Django's `ModelBackend` reads a user's permissions with two queries per request (its cache lives on the user
object, made anew by every request): at intake that was a tenth of an appeal's cost. Here the set is kept in
the shared cache under a version that any change of groups, memberships or permissions moves on, so a
changed role is seen by the next request of every process.
"""

from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from priemnaya import versioned

VERSION_KEY = "accounts:permissions-version"


class CachedPermissionsBackend(ModelBackend):
    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            user_obj._perm_cache = _cached(user_obj, lambda: ModelBackend.get_all_permissions(self, user_obj))
        return user_obj._perm_cache


def _cached(user, read) -> set[str]:
    return versioned.read(VERSION_KEY, f"accounts:permissions:{user.pk}:{int(user.is_superuser)}",
                          lambda: set(read()))


def forget() -> None:
    """Every cached permission set is stale from now on."""
    versioned.forget(VERSION_KEY)


@receiver(m2m_changed, sender=Group.permissions.through)
@receiver(m2m_changed, sender=Group.user_set.through)
@receiver(m2m_changed, sender=Permission.user_set.through)
@receiver(post_delete, sender=Group)
@receiver(post_delete, sender=Permission)
@receiver(post_save, sender=Permission)
def _permissions_changed(**_signal) -> None:
    forget()
