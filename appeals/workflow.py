"""The life cycle of an appeal: one table of named transitions, checked on every change.

Each transition names what a person needs to take it (`Need`); `appeals.access.may` answers it.
"""

from dataclasses import dataclass

from .choices import Status as S


class TransitionError(Exception):
    """A transition that the life cycle forbids; the message is for people."""


@dataclass(frozen=True)
class Need:
    """A permission of the appeals app, and whether the person must also be responsible for the appeal
    (its assignee; for an appeal nobody is assigned to, a specialist of its department)."""

    permission: str  # a codename of the appeals app, or «app_label.codename» of another app
    responsible: bool = False

    @property
    def full_permission(self) -> str:
        return self.permission if "." in self.permission else f"appeals.{self.permission}"


OPERATE = Need("register_appeal")  # operators: receive, register, clarify, route
WORK = Need("work_appeal", responsible=True)  # the responsible specialist works the appeal
EXTEND = Need("extend_appeal")
ESCALATE = Need("escalate_appeal")
REOPEN = Need("reopen_appeal")
ASSIGN = Need("assign_appeal")


@dataclass(frozen=True)
class Transition:
    name: str
    sources: frozenset[str]
    target: str | None  # None: the status stays (extension)
    label: str
    public_note: str = ""
    needs: tuple[Need, ...] = (WORK,)  # any one of them suffices


_WORK = frozenset({S.ASSIGNED, S.IN_PROGRESS, S.WAITING_APPLICANT, S.WAITING_EXTERNAL, S.ANSWER_DRAFTED})
_OPEN = frozenset({S.RECEIVED, S.CLARIFICATION, S.REGISTERED}) | _WORK

TRANSITIONS = {
    t.name: t
    for t in [
        Transition("register", frozenset({S.RECEIVED}), S.REGISTERED, "Зарегистрировать",
                   "Обращение зарегистрировано.", (OPERATE,)),
        Transition("request_clarification", frozenset({S.RECEIVED}), S.CLARIFICATION,
                   "Вернуть для уточнения", "Нужны уточнения от заявителя; срок приостановлен.", (OPERATE,)),
        Transition("clarified", frozenset({S.CLARIFICATION}), S.RECEIVED, "Уточнения получены",
                   "Заявитель предоставил уточнения.", (OPERATE,)),
        Transition("assign", frozenset({S.REGISTERED}), S.ASSIGNED, "Назначить ответственного",
                   "Назначен ответственный исполнитель.", (ASSIGN,)),
        Transition("start", frozenset({S.ASSIGNED}), S.IN_PROGRESS, "Взять в работу", "Обращение в работе."),
        Transition("wait_applicant", frozenset({S.IN_PROGRESS}), S.WAITING_APPLICANT,
                   "Запросить сведения у заявителя", "Ожидаем сведения от заявителя; срок приостановлен."),
        Transition("applicant_replied", frozenset({S.WAITING_APPLICANT}), S.IN_PROGRESS,
                   "Заявитель ответил", "Заявитель предоставил сведения, работа продолжена."),
        Transition("wait_external", frozenset({S.IN_PROGRESS}), S.WAITING_EXTERNAL,
                   "Ждём ответа организации", "Направлен запрос в ресурсоснабжающую организацию."),
        Transition("external_replied", frozenset({S.WAITING_EXTERNAL}), S.IN_PROGRESS,
                   "Организация ответила", "Получен ответ организации, работа продолжена."),
        Transition("draft_answer", frozenset({S.IN_PROGRESS}), S.ANSWER_DRAFTED, "Подготовить проект ответа",
                   "Подготовлен проект ответа."),
        Transition("revise", frozenset({S.ANSWER_DRAFTED}), S.IN_PROGRESS, "Вернуть на доработку",
                   "Ответ дорабатывается."),
        Transition("answer", frozenset({S.ANSWER_DRAFTED}), S.ANSWERED, "Направить ответ", "Дан ответ."),
        Transition("refuse", frozenset({S.ANSWER_DRAFTED}), S.ANSWERED, "Направить обоснованный отказ",
                   "Дан обоснованный отказ."),
        Transition("extend", frozenset({S.ASSIGNED, S.IN_PROGRESS, S.WAITING_EXTERNAL, S.ANSWER_DRAFTED}), None,
                   "Продлить срок", "Срок рассмотрения продлён.", (EXTEND,)),
        Transition("escalate", frozenset({S.IN_PROGRESS, S.WAITING_EXTERNAL, S.ANSWER_DRAFTED, S.ANSWERED}),
                   S.ESCALATED, "Передать в вышестоящую организацию",
                   "Обращение передано в вышестоящую организацию.", (ESCALATE,)),
        Transition("close", frozenset({S.ANSWERED, S.ESCALATED}), S.CLOSED, "Закрыть", "Обращение закрыто."),
        Transition("reopen", frozenset({S.ANSWERED, S.CLOSED}), S.IN_PROGRESS, "Возобновить",
                   "Рассмотрение возобновлено.", (REOPEN,)),
        Transition("withdraw", _OPEN, S.WITHDRAWN, "Отозвано заявителем", "Заявитель отозвал обращение.",
                   (OPERATE, WORK)),
    ]
}


def get_transition(name: str) -> Transition:
    try:
        return TRANSITIONS[name]
    except KeyError:
        raise TransitionError(f"Неизвестное действие «{name}».") from None


def check(name: str, status: str) -> Transition:
    """Return the transition if it is allowed from `status`, else raise TransitionError."""
    transition = get_transition(name)
    if status not in transition.sources:
        raise TransitionError(
            f"Действие «{transition.label}» невозможно, когда обращение в статусе «{S(status).label}»."
        )
    return transition


def available(status: str) -> list[Transition]:
    """Transitions allowed from `status`, in table order (for buttons)."""
    return [t for t in TRANSITIONS.values() if status in t.sources]
