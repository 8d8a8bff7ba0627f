"""The forum's rules: who publishes at once, what the public sees, and how a post's text is shown.

A resident's first post waits for a moderator; once one is approved the resident publishes at once,
unless a moderator has restricted them. A topic is seen when its opening post is published. Every text is
shown through `appeals.masking.hide_personal_data`: a phone, an e-mail, a flat or an account number, or a
person's name typed in a post does not reach the page.
"""

from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from accounts.models import Company
from appeals.masking import People, hide_personal_data

from .errors import ResidentError
from .models import Post, Report, Resident, Topic

State = Post.State
LOCKED = "Тема закрыта для новых сообщений."


def masked(text: str) -> str:
    """The text as the public sees it; the company's own phones and e-mails stay."""
    company = Company.current()
    return hide_personal_data(text, People(own_phones=(company.phone, company.hotline, company.hq_phone),
                                           own_emails=(company.email, company.hq_email)))


def publishes_at_once(resident: Resident) -> bool:
    return resident.forum_trusted and not resident.forum_restricted


def _new_state(resident: Resident) -> str:
    return State.PUBLISHED if publishes_at_once(resident) else State.PENDING


def visible_topics() -> QuerySet:
    """Topics whose opening post is published: pinned first, then by the latest message."""
    opened = Post.objects.filter(topic=OuterRef("pk"), is_opening=True, state=State.PUBLISHED)
    # Exists, not a join: a join on the opening post would also narrow the replies counted.
    return (Topic.objects.filter(Exists(opened))
            .select_related("author")
            .annotate(replies=Count("posts", filter=Q(posts__state=State.PUBLISHED, posts__is_opening=False)))
            .order_by("-is_pinned", "-last_post_at", "-pk"))


def topic_posts(topic: Topic, viewer: Resident | None) -> QuerySet:
    """The published posts of the topic, and the viewer's own still waiting, oldest first."""
    shown = Q(state=State.PUBLISHED)
    if viewer is not None:
        shown |= Q(state=State.PENDING, author=viewer)
    return topic.posts.filter(shown).select_related("author").order_by("created_at", "pk")


def find_visible_topic(topic_id: int, viewer: Resident | None) -> Topic | None:
    """The topic if the public may see it, or if it is the viewer's own still waiting for a moderator."""
    topic = visible_topics().filter(pk=topic_id).first()
    if topic is None and viewer is not None:
        topic = Topic.objects.filter(pk=topic_id, author=viewer, posts__is_opening=True,
                                     posts__state=State.PENDING).first()
    return topic


@transaction.atomic
def start_topic(resident: Resident, title: str, text: str) -> Post:
    """A new topic and its opening post (held for a moderator unless the resident publishes at once)."""
    topic = Topic.objects.create(title=title, author=resident, last_post_at=timezone.now())
    return Post.objects.create(topic=topic, author=resident, text=text, is_opening=True,
                               state=_new_state(resident))


@transaction.atomic
def reply(resident: Resident, topic: Topic, text: str) -> Post:
    topic = Topic.objects.select_for_update().get(pk=topic.pk)
    if topic.is_locked:
        raise ResidentError(LOCKED, "text")
    post = Post.objects.create(topic=topic, author=resident, text=text, state=_new_state(resident))
    if post.state == State.PUBLISHED:
        Topic.objects.filter(pk=topic.pk).update(last_post_at=post.created_at)
    return post


def reportable_post(post_id: int) -> Post | None:
    """A published post of a visible topic: only what the public sees can be reported."""
    return Post.objects.filter(pk=post_id, state=State.PUBLISHED,
                               topic__in=visible_topics().values("pk")).select_related("topic").first()


def report(post: Post, reason: str, comment: str = "") -> Report:
    return Report.objects.create(post=post, reason=reason, comment=comment.strip())
