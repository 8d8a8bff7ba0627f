"""The verbs of `appeals.services` and `appeals.outgoing`, told on plain rows for the generator.

The generator writes a million appeals without the ORM, so it cannot call the verbs themselves. Each
verb here does to an appeal's row (a dict of its columns) what the real one does to the model, with
the real transition table, norms, production calendar and priority rule, and appends the history rows
the real one writes. `bench/tests/test_generator_matches_the_verbs.py` tells the same stories through
both and compares. A person is a `(user id, full name, department id)` tuple; `None` is the system.
"""

import datetime as dt

from appeals import outgoing, workflow
from appeals.choices import Channel, Complexity, Favour, Status
from appeals.services import derive_priority
from deadlines.models import NormKind

from .world import MSK, World, due, extended, norm, resumed

S = {s: str(s) for s in Status}  # plain strings for the database driver
# An appeal as it comes in: nothing decided yet.
_RECEIVED = {"registered_at": None, "category_id": None, "reason_id": None, "complexity": str(Complexity.A),
             "status": S[Status.RECEIVED], "department_id": None, "assignee_id": None, "result": "",
             "resolved_in_favour_of": "", "answer_text": "", "is_refusal": False, "answered_at": None,
             "extended_at": None, "extension_reason": "", "paused_at": None, "closed_at": None}
CLASSIFIED = ("reason_id", "category_id", "complexity", "priority", "department_id")  # in services.classify's order


class Verbs:
    """Changes appeal rows as the domain's verbs change appeals, and keeps the history rows they write."""

    def __init__(self, world: World):
        self.w = world
        self.events: list[tuple] = []
        self.requests: list[list] = []  # the columns of generate.REQUEST_FIELDS
        self.company_names = dict(world.companies)

    def receive(self, row: dict, actor: tuple | None, reason=None, complexity: str | None = None) -> None:
        """As services.receive_appeal. `row` holds what came in: id, number, access code, kind, channel,
        received_at, the applicant (`_care`: their care flags), building, flat, address and text."""
        row.update(_RECEIVED)
        row["priority"] = str(derive_priority(None, row["_care"]))
        row["created_at"] = row["updated_at"] = row["received_at"]
        if reason is not None:
            self._apply_reason(row, reason, complexity or str(reason.default_complexity))
        self._set_deadlines(row)
        self._event(row, "received", actor, field="status", new=S[Status.RECEIVED],
                    note=f"Канал: {Channel(row['channel']).label}", public=True)

    def classify(self, row: dict, at: dt.datetime, actor: tuple | None, reason, complexity: str | None = None) -> None:
        """As services.classify: one history row per changed field, then the deadlines anew unless the clock
        is stopped or the deadline extended."""
        row["updated_at"] = at
        before, old_labels = [row[k] for k in CLASSIFIED], self._labels(row)
        self._apply_reason(row, reason, complexity or (row["complexity"] if row["reason_id"] else
                                                      str(reason.default_complexity)))
        for key, old, old_label, label in zip(CLASSIFIED, before, old_labels, self._labels(row), strict=True):
            if old != row[key]:
                self._event(row, "classified", actor, field=key.removesuffix("_id"), old=old_label, new=label)
        if row["extended_at"] is None and row["paused_at"] is None:
            self._set_deadlines(row)

    def assign(self, row: dict, at: dt.datetime, actor: tuple | None, assignee: tuple) -> None:
        """As services.assign appointing the first responsible person: the appeal goes to their department."""
        row["updated_at"] = at
        step = workflow.check("assign", row["status"])
        self._event(row, "assign", actor, field="status", old=row["status"], new=S[step.target],
                    note=step.public_note, public=True)
        row["status"] = S[step.target]
        old, department = row["department_id"], assignee[2] or row["department_id"]
        if department != old:
            names = self.w.department_names
            self._event(row, "reassigned" if old else "assigned", actor, field="department",
                        old=names[old] if old else "", new=names[department])
            row["department_id"] = department
        row["assignee_id"] = assignee[0]
        self._event(row, "assigned", actor, field="assignee", new=assignee[1])

    def transition(self, row: dict, at: dt.datetime, actor: tuple | None, name: str, note: str = "",
                   **data) -> None:
        """As services.transition: a step of the real table, its side effects and its history rows.
        `data` is what the person gives: `answer_text` for a draft; `result` and `resolved_in_favour_of` for
        an answer or a refusal. Reopening is not told: the generator never reopens."""
        row["updated_at"] = at
        step = workflow.check(name, row["status"])
        old_status, old_due = row["status"], row["answer_due"]
        if name == "register":
            row["registered_at"] = at
        elif name in ("request_clarification", "wait_applicant"):
            row["paused_at"] = at
        elif name in ("clarified", "applicant_replied"):
            self._resume(row, at)
        elif name == "draft_answer":
            row["answer_text"] = data["answer_text"]
        elif name in ("answer", "refuse"):
            self._answer(row, name, at, data["result"], data.get("resolved_in_favour_of", ""))
        elif name == "extend":
            row.update(extension_reason=note, extended_at=at, answer_due=extended(row["received_at"],
                                                                                  row["answer_due"], *_case(row)))
        elif name == "close":
            row["closed_at"] = at
        elif name == "reopen":
            raise ValueError("The generator does not reopen appeals.")
        if step.target:
            row["status"] = S[step.target]
        self._event(row, name, actor, field="status" if step.target else "", old=old_status if step.target else "",
                    new=row["status"] if step.target else "", note=note, public=True)
        if row["answer_due"] != old_due:
            self._event(row, name, actor, field="answer_due", old=_fmt(old_due), new=_fmt(row["answer_due"]))

    def add_request(self, row: dict, at: dt.datetime, actor: tuple, organization: tuple[int, str],
                    subject: str) -> list:
        """As outgoing.add_request for an appeal in work, sent today with the reply date the form offers:
        the request, and the appeal waits for the reply."""
        row["updated_at"], sent = at, at.date()
        request = [row["id"], organization[0], subject, sent, outgoing.default_due(sent), None, "", actor[0]]
        self.requests.append(request)
        self._event(row, "outgoing_added", actor, field="outgoing_request", new=organization[1],
                    note=f"Ответ ожидается до {request[4]:%d.%m.%Y}")
        self.transition(row, at, actor, "wait_external")
        return request

    def record_reply(self, row: dict, at: dt.datetime, actor: tuple, request: list, reply: str) -> None:
        """As outgoing.record_reply of the appeal's only request, received today: the work goes on."""
        row["updated_at"], request[5:7] = at, [at.date(), reply]
        self._event(row, "outgoing_replied", actor, field="outgoing_request", new=self.company_names[request[1]],
                    note=f"Ответ получен {request[5]:%d.%m.%Y}")
        self.transition(row, at, actor, "external_replied")

    def _answer(self, row: dict, name: str, at: dt.datetime, result: str, favour: str) -> None:
        """As services._apply_answer: a refusal, or a decision not fully in the applicant's favour, carries
        the notice of the higher organisation (W7)."""
        refusal = name == "refuse"
        favour = favour or row["resolved_in_favour_of"] or (Favour.COMPANY if refusal else "")
        text, notice = row["answer_text"], self.w.hq_notice
        if (refusal or favour in (Favour.COMPANY, Favour.PARTLY)) and notice not in text:
            text = f"{text.rstrip()}\n\n{notice}"
        row.update(is_refusal=refusal, resolved_in_favour_of=str(favour), result=result[:500], answer_text=text,
                   answered_at=at)

    def _labels(self, row: dict) -> tuple:
        """The classification as the history shows it (services.classify records the objects' names)."""
        reason, category = self.w.labels[row["reason_id"]] if row["reason_id"] else ("", "")
        department = self.w.department_names[row["department_id"]] if row["department_id"] else ""
        return reason, category, row["complexity"], row["priority"], department

    def _apply_reason(self, row: dict, reason, complexity: str) -> None:
        row.update(reason_id=reason.id, category_id=reason.category_id, complexity=str(complexity),
                   priority=str(derive_priority(reason, row["_care"])))
        row["department_id"] = row["department_id"] or reason.department_id

    def _event(self, row: dict, action: str, actor: tuple | None, *, field: str = "", old: str = "", new: str = "",
               note: str = "", public: bool = False) -> None:
        self.events.append((row["id"], row["updated_at"], actor[0] if actor else None, action, field, str(old),
                            str(new), note, public))

    def _set_deadlines(self, row: dict) -> None:
        row["registration_due"] = due(NormKind.REGISTRATION, row["received_at"], *_case(row))
        row["answer_due"] = due(NormKind.ANSWER, row["received_at"], *_case(row))

    def _resume(self, row: dict, at: dt.datetime) -> None:
        by_hours = norm(NormKind.ANSWER, *_case(row)).by_hours
        if row["status"] == Status.CLARIFICATION:
            row["registration_due"] = resumed(row["registration_due"], row["paused_at"], at, by_hours)
        row["answer_due"] = resumed(row["answer_due"], row["paused_at"], at, by_hours)
        row["paused_at"] = None


def _case(row: dict) -> tuple:
    return row["reason_id"], row["complexity"], row["channel"]


def _fmt(moment: dt.datetime | None) -> str:
    return moment.astimezone(MSK).strftime("%d.%m.%Y %H:%M") if moment else ""
