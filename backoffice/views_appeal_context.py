"""What the appeal page shows: time left, the timeline in words, the buttons a user may press."""

import datetime as dt
from dataclasses import dataclass
from difflib import SequenceMatcher

from django.http import Http404
from django.shortcuts import get_object_or_404

from appeals import access, workflow
from appeals.choices import Complexity, Favour, Priority, Status
from appeals.due import Due
from appeals.models import Appeal
from priemnaya.russian import working_days

ACTION_LABELS = {
    "received": "Обращение поступило",
    "classified": "Классификация",
    "assigned": "Назначение",
    "reassigned": "Переназначение",
    "draft_saved": "Сохранён проект ответа",
    "linked": "Связано с другим обращением",
    "attachment_added": "Добавлено вложение",
    "outgoing_added": "Направлен запрос в организацию",
    "outgoing_replied": "Получен ответ организации",
    "auto_triage": "Автоматический разбор",
    "priority_raised": "Приоритет повышен",
    "triage_corrected": "Классификация исправлена",
    "incident_linked": "Включено в инцидент",
    "incident_unlinked": "Исключено из инцидента",
    "commented": "Комментарий",
    "answer_published": "Ответ опубликован в интернет-приёмной",
    "answer_unpublished": "Ответ снят с публикации",
    "hq_request": "Заявитель обратился в Региональный штаб",
    "letter_issued": "Сформировано письмо заявителю",
    "letter_posted": "Письмо отправлено почтой",
}
FIELD_LABELS = {
    "status": "Статус", "answer_due": "Срок ответа", "reason": "Причина", "category": "Категория",
    "complexity": "Сложность", "priority": "Приоритет", "department": "Подразделение",
    "assignee": "Ответственный", "answer_text": "Текст ответа", "result": "Результат",
    "resolved_in_favour_of": "В чью пользу", "linked": "Обращение", "attachment": "Файл",
    "outgoing_request": "Организация",
}
VALUE_LABELS = {"status": Status, "complexity": Complexity, "priority": Priority, "resolved_in_favour_of": Favour}
# Transitions that need a few words from the person pressing the button; the text is the prompt.
NOTE_PROMPTS = {
    "request_clarification": "Какие сведения нужны от заявителя",
    "wait_applicant": "Какие сведения нужны от заявителя",
    "escalate": "Что и почему передаётся в вышестоящую организацию",
    "reopen": "Причина возобновления",
    "withdraw": "Как заявитель отозвал обращение (необязательно)",
}
# Transitions pressed elsewhere on the page: in the answer editor, the extension or the assignment form.
EDITOR_TRANSITIONS = {"draft_answer", "answer", "refuse"}


def appeal_or_404(user, number: str) -> Appeal:
    """The appeal if the user may see it; otherwise 404, so that its existence is not revealed."""
    appeal = get_object_or_404(
        Appeal.objects.select_related("applicant__building", "building", "reason__category", "category",
                                      "department", "assignee"), number=number)
    if not access.can_view(user, appeal):
        raise Http404
    return appeal


def may_take(user, appeal: Appeal) -> bool:
    """Offer «Взять себе»: an open appeal nobody is responsible for that this person may take."""
    return appeal.is_open and appeal.assignee_id is None and appeal.department_id is not None \
        and access.may(user, "take", appeal) and not access.may(user, "reassign", appeal)


@dataclass
class Button:
    name: str
    label: str
    prompt: str = ""
    note_required: bool = False


def buttons(user, appeal: Appeal) -> list[Button]:
    """The transition buttons shown in the actions block (the editor and the extension have their own)."""
    result = []
    waits_for_reply = None
    for step in access.allowed_transitions(user, appeal):
        if step.name in EDITOR_TRANSITIONS or step.name in ("extend", "assign"):
            continue
        if step.name == "wait_external":  # recording a request does it; by hand only for a request already sent
            waits_for_reply = appeal.outgoing_requests.filter(answered_at__isnull=True).exists()
            if not waits_for_reply:
                continue
        prompt = NOTE_PROMPTS.get(step.name, "")
        result.append(Button(step.name, step.label, prompt, bool(prompt) and step.name != "withdraw"))
    return result


def _hours(minutes: int) -> str:
    hours, mins = divmod(abs(minutes), 60)
    return f"{hours} ч {mins:02d} мин" if hours else f"{mins} мин"


TIME_LEFT_CSS = {Due.OVERDUE: "due-overdue", Due.TODAY: "due-today", Due.SOON: "due-soon", Due.OK: "due-ok",
                 Due.PAUSED: "muted"}


def time_left(appeal: Appeal, now: dt.datetime | None = None) -> dict | None:
    """How much time is left to answer, in words, with a CSS class for the urgency (`Appeal.due_state`)."""
    state = appeal.due_state(now)
    if state.state == Due.NONE:
        return None
    if state.state == Due.PAUSED:
        text = "Срок приостановлен: ждём заявителя"
    elif state.by_hours:
        text = f"Просрочено на {_hours(state.minutes)}" if state.is_overdue else f"Осталось {_hours(state.minutes)}"
    elif state.is_overdue:
        text = "Срок истёк" + (f" на {working_days(-state.working_days)}" if state.working_days < 0 else "")
    elif state.state == Due.TODAY:
        text = "Срок истекает сегодня"
    else:
        text = f"Осталось {working_days(state.working_days)}"
    return {"text": text, "css": TIME_LEFT_CSS[state.state]}


def _value(field: str, value: str) -> str:
    choices = VALUE_LABELS.get(field)
    if choices and value:
        try:
            return choices(value).label
        except ValueError:
            return value
    if field == "reason":
        # A reason is written as «Категория → причина»; the category has its own row.
        return value.split(" → ", 1)[-1]
    return value


TEXT_FIELDS = {"answer_text"}
DIFF_CONTEXT_WORDS = 4


def text_diff(old: str, new: str) -> list[tuple[str, str]]:
    """What an edit changed, word by word: ("same", "…a few words…"), ("del", …), ("ins", …)."""
    before, after = old.split(), new.split()
    parts = []
    for op, i1, i2, j1, j2 in SequenceMatcher(a=before, b=after, autojunk=False).get_opcodes():
        if op == "equal":
            words = before[i1:i2]
            if len(words) > 2 * DIFF_CONTEXT_WORDS:
                words = words[:DIFF_CONTEXT_WORDS] + ["…"] + words[-DIFF_CONTEXT_WORDS:]
            parts.append(("same", " ".join(words)))
            continue
        if i2 > i1:
            parts.append(("del", " ".join(before[i1:i2])))
        if j2 > j1:
            parts.append(("ins", " ".join(after[j1:j2])))
    return parts


def _change(event) -> dict | None:
    if not event.field:
        return None
    change = {"field": FIELD_LABELS.get(event.field, event.field), "old": _value(event.field, event.old_value),
              "new": _value(event.field, event.new_value)}
    if event.field in TEXT_FIELDS and event.old_value:
        # A long text is shown by what changed in it, not twice in full.
        change["diff"] = text_diff(event.old_value, event.new_value)
    return change


def _same_step(row: dict, event) -> bool:
    """Rows written by one action of one person at one moment are shown as one entry."""
    return (row["action"] == event.action and row["actor_id"] == event.actor_id and not event.note
            and abs((event.at - row["at"]).total_seconds()) < 2)


def timeline(appeal: Appeal) -> list[dict]:
    """The appeal's history in words: who, when, what, old → new, notes."""
    rows: list[dict] = []
    for event in appeal.events.select_related("actor"):
        change = _change(event)
        if rows and _same_step(rows[-1], event):
            rows[-1]["changes"] += [change] if change else []
            continue
        step = workflow.TRANSITIONS.get(event.action)
        rows.append({
            "at": event.at, "action": event.action, "actor_id": event.actor_id,
            "who": (event.actor.get_full_name() or event.actor.username) if event.actor else "Система",
            "what": step.label if step else ACTION_LABELS.get(event.action) or access.label_of_known(event.action),
            "changes": [change] if change else [], "note": event.note, "is_public": event.is_public,
        })
    return rows
