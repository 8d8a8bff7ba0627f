"""What moderators do to posts and topics; each verb checks the permission itself (views only choose buttons).

`POST_ACTIONS` is the one table of a post's moves: the states it may leave and the state it enters.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from appeals import access

from .models import Post, Report, Resident, Topic

PERMISSION = "residents.moderate_forum"
State = Post.State

POST_ACTIONS: dict[str, tuple[tuple[str, ...], str, str]] = {
    "approve": ((State.PENDING,), State.PUBLISHED, "Опубликовать"),
    "hide": ((State.PENDING, State.PUBLISHED), State.HIDDEN, "Скрыть"),
    "restore": ((State.HIDDEN,), State.PUBLISHED, "Вернуть"),
}
# Topic action → (field, value, label).
TOPIC_ACTIONS: dict[str, tuple[str, bool, str]] = {
    "lock": ("is_locked", True, "Закрыть для ответов"),
    "unlock": ("is_locked", False, "Открыть для ответов"),
    "pin": ("is_pinned", True, "Закрепить"),
    "unpin": ("is_pinned", False, "Открепить"),
}


def may_moderate(user) -> bool:
    return access.holds(user, PERMISSION)


def check_moderator(user) -> None:
    if not may_moderate(user):
        raise PermissionDenied("Модерировать форум может только сотрудник с правом модератора.")


@transaction.atomic
def moderate_post(user, post_id: int, action: str) -> Post | None:
    """Move the post as POST_ACTIONS says; None when it is not in a state the action leaves (already done).

    Approving a resident's post lets their later posts publish at once; hiding one closes its reports."""
    check_moderator(user)
    sources, target, _label = POST_ACTIONS[action]
    post = Post.objects.select_for_update().select_related("author", "topic").filter(pk=post_id).first()
    if post is None or post.state not in sources:
        return None
    now = timezone.now()
    post.state, post.moderated_at, post.moderated_by = target, now, user
    post.save(update_fields=["state", "moderated_at", "moderated_by"])
    if action == "approve":
        Resident.objects.filter(pk=post.author_id).update(forum_trusted=True)
    if target == State.PUBLISHED and post.created_at > post.topic.last_post_at:
        Topic.objects.filter(pk=post.topic_id).update(last_post_at=post.created_at)
    if target == State.HIDDEN:
        close_reports(user, post.pk)
    return post


def moderate_topic(user, topic_id: int, action: str) -> bool:
    check_moderator(user)
    field, value, _label = TOPIC_ACTIONS[action]
    return bool(Topic.objects.filter(pk=topic_id).update(**{field: value}))


def close_reports(user, post_id: int) -> int:
    """The open reports of the post resolved (the post hidden, or the reports found groundless)."""
    check_moderator(user)
    return Report.objects.filter(post_id=post_id, resolved_at__isnull=True).update(
        resolved_at=timezone.now(), resolved_by=user)


def restrict(user, resident_id: int, restricted: bool) -> bool:
    """From now on the resident's posts wait for a moderator (or no longer do)."""
    check_moderator(user)
    return bool(Resident.objects.filter(pk=resident_id).update(forum_restricted=restricted))
