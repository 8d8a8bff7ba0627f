from django import template

from appeals import access
from letters.choices import LetterKind
from letters.forms import IssueForm
from letters.services import kinds_now

register = template.Library()

ISSUE_LABELS = {
    LetterKind.ANSWER: "Сформировать письмо с ответом",
    LetterKind.REFUSAL: "Сформировать письмо об отказе",
    LetterKind.EXTENSION: "Сформировать письмо о продлении срока",
}


@register.inclusion_tag("letters/staff/_panel.html", takes_context=True)
def letters_panel(context) -> dict:
    """The appeal's letters on its page, and the kinds this person may issue now (the verb checks again)."""
    appeal, user = context["appeal"], context["user"]
    may_issue = access.may(user, "issue_letter", appeal)
    return {
        "appeal": appeal, "csrf_token": context.get("csrf_token"), "may_issue": may_issue,
        "letters": list(appeal.letters.all()), "issue_form": IssueForm(),
        "kinds": [(kind, ISSUE_LABELS[kind]) for kind in kinds_now(appeal)] if may_issue else [],
    }
