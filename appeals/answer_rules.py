"""What an answer to a resident may carry when it is sent: no gap left for a person to fill, and the
notice of the right to appeal (W7) once, as the system adds it; and the parts of an answer written as a
letter (its greeting, its sign-off), for those who set it in a page of their own.

The gaps are written in square brackets («[имя и отчество]», «[дата]»); answer drafts made from earlier
answers (`triage.answers.drafts`) leave them where a person must write, with the names defined here.
"""

import re

from .errors import AppealError

GREETING_NAME = "[имя и отчество]"
NAME = "[ФИО]"
PHONE = "[телефон]"
EMAIL = "[e-mail]"
ADDRESS = "[адрес]"
FLAT_NUMBER = "[№]"
NUMBER = "[№ обращения]"
DATE = "[дата]"
OMITTED = "[…]"

# A bracketed gap; «[1]» (a reference) is not one.
_GAP = re.compile(r"\[(?!\s*\d+\s*\])[^\[\]\n]{0,60}\]")
# A paragraph telling the resident of the right to appeal: the system adds the company's own one.
_NOTICE = re.compile(r"вправе\s+(?:обратиться|обжаловать)|не\s+согласны\s+с\s+(?:ответом|решением)", re.IGNORECASE)


def unfilled(text: str) -> list[str]:
    """The gaps left in the text, each once, in order."""
    return list(dict.fromkeys(match.group() for match in _GAP.finditer(text or "")))


def check_filled(text: str) -> None:
    """Refuse to send an answer with a gap a person was to fill; the message names the gaps."""
    gaps = unfilled(text)
    if gaps:
        named = ", ".join(f"«{gap}»" for gap in gaps[:5]) + (" и другие" if len(gaps) > 5 else "")
        raise AppealError(f"В ответе остались места для заполнения: {named}. Впишите вместо них нужное "
                          "или уберите их — ответ с ними не отправляется.", "answer_text")


def without_hq_notice(text: str) -> str:
    """The text without the lines telling of the right to appeal to the higher organisation."""
    kept = [line for line in (text or "").split("\n") if not _NOTICE.search(line)]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()


# An answer written as a letter opens with a greeting line and closes with «С уважением» and who signs.
_GREETING = re.compile(r"\A\s*((?:Уважаем|Здравствуйте)[^\n]*)\n+")
_SIGN_OFF = re.compile(r"\n\s*С уважением.*\Z", re.DOTALL)


def letter_parts(text: str) -> tuple[str, str]:
    """(the greeting line or "", what the answer says without its greeting and its sign-off)."""
    text = (text or "").strip()
    found = _GREETING.match(text)
    greeting = found.group(1).strip() if found else ""
    body = text[found.end():] if found else text
    return greeting, _SIGN_OFF.sub("", body).strip()
