"""Small things the feedback pages show: a rating as stars, a number of reviews in words, the appeal's block."""

from django import template

from appeals import access
from priemnaya.russian import plural

from .. import summaries

register = template.Library()


@register.filter
def stars(rating: int) -> str:
    """«★★★★☆» for 4."""
    rating = max(0, min(5, int(rating or 0)))
    return "★" * rating + "☆" * (5 - rating)


@register.filter
def reviews_counted(count: int) -> str:
    """«1 отзыв», «3 отзыва», «12 отзывов»."""
    return f"{count} {plural(count, 'отзыв', 'отзыва', 'отзывов')}"


@register.inclusion_tag("feedback/staff/_appeal_block.html", takes_context=True)
def published_answer_block(context, appeal):
    """On the appeal's page: publish its answer on the public site (or take it down), for those allowed."""
    user = context["request"].user
    shown = summaries.has_answer(appeal) and access.may(user, "publish_answer", appeal)
    return {"shown": shown, "appeal": appeal, "published": shown and summaries.is_published(appeal),
            "csrf_token": context.get("csrf_token")}
