"""A resident's letters on their account page (`residents.sections`), handed out only to the owner: the
letters of the appeals the account may see (`residents.appeals.own_appeals`, the one rule). Never on the
anonymous status page: a number and a code are not proof enough for a document with a name and an address."""

from django.http import FileResponse, Http404
from django.views.decorators.http import require_GET

from residents.appeals import own_appeals
from residents.session import current_resident

from .models import Letter

SHOWN = 10


def own_letters(resident):
    return (Letter.objects.filter(appeal__in=own_appeals(resident).values("pk"))
            .select_related("appeal").order_by("-date", "-id"))


def letters_section(resident) -> dict | None:
    """The section's context; None when no letter was sent on the resident's appeals."""
    letters = list(own_letters(resident)[:SHOWN])
    if not letters:
        return None
    return {"title": "Письма по обращениям", "template": "letters/_account_section.html", "letters": letters}


@require_GET
def own_letter(request, number: str):
    """A letter's PDF for the resident whose appeal it answers; anyone else (and anonymous) gets a 404."""
    resident = current_resident(request)
    letter = own_letters(resident).filter(number=number).first() if resident is not None else None
    if letter is None:
        raise Http404
    try:
        handle = letter.pdf.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(handle, content_type="application/pdf", as_attachment=True, filename=letter.file_name)
