"""The verbs of `appeals.services` and `appeals.outgoing`, told on plain rows for the generator.

The generator writes a million appeals without the ORM, so it cannot call the verbs themselves. Each
verb here does to an appeal's row (a dict of its columns) what the real one does to the model, with
the real transition table, norms, production calendar and priority rule, and appends the history rows
the real one writes. `bench/tests/test_generator_matches_the_verbs.py` tells the same stories through
both and compares. A person is a `(user id, full name, department id)` tuple; `None` is the system.
"""

import datetime as dt

from appeals import workflow
from appeals.choices import Channel, Complexity, Status
from appeals.services import derive_priority
from deadlines.models import NormKind

from .world import MSK, World, due, extended, norm, resumed

S = {s: str(s) for s in Status}  # plain strings for the database driver


class Verbs:
    """Changes appeal rows as the domain's verbs change appeals, and keeps the history rows they write."""

    def __init__(self, world: World):
        self.w = world
        self.events: list[tuple] = []
        self.requests: list[list] = []

    def receive(self, row: dict, actor: tuple | None, reason=None, complexity: str | None = None) -> None:
        """As services.receive_appeal. `row` holds what came in: id, number, access code, kind, channel,
        received_at, the applicant (`_care`: their care flags), building, flat, address and text."""
        received = row["received_at"]
        row.update(registered_at=None, category_id=None, reason_id=None, complexity=str(Complexity.A),
                   priority=str(derive_priority(None, row["_care"])), status=S[Status.RECEIVED], department_id=None,
                   assignee_id=None, result="", resolved_in_favour_of="", answer_text="", is_refusal=False,
                   answered_at=None, extended_at=None, extension_reason="", paused_at=None, closed_at=None,
                   created_at=received, updated_at=received)
        if reason is not None:
            self._apply_reason(row, reason, complexity or str(reason.default_complexity))
        self._set_deadlines(row)
        self._event(row, "received", actor, field="status", new=S[Status.RECEIVED],
                    note=f"Канал: {Channel(row['channel']).label}", public=True)

    def classify(self, row: dict, at: dt.datetime, actor: tuple | None, reason, complexity: str) -> None:
        """As services.classify: one history row per changed field, then the deadlines anew."""
        row["updated_at"] = at
        keys = ("reason_id", "category_id", "complexity", "priority", "department_id")
        before = {k: row[k] for k in keys}
        self._apply_reason(row, reason, complexity)
        reason_label, category_label, department_label = self.w.labels[reason.id]
        labels = (reason_label, category_label, row["complexity"], row["priority"], department_label)
        for key, label in zip(keys, labels, strict=True):
            if before[key] != row[key]:
                self._event(row, "classified", actor, field=key.removesuffix("_id"), old=before[key] or "", new=label)
        self._set_deadlines(row)

    def assign(self, row: dict, at: dt.datetime, actor: tuple | None, assignee: tuple) -> None:
        """As services.assign appointing the first responsible person."""
        row["updated_at"] = at
        step = workflow.check("assign", row["status"])
        self._event(row, "assign", actor, field="status", old=row["status"], new=S[step.target],
                    note=step.public_note, public=True)
        row.update(status=S[step.target], assignee_id=assignee[0])
        if row["department_id"] is None:
            row["department_id"] = assignee[2]
            self._event(row, "assigned", actor, field="department", new=self.w.department_names.get(assignee[2], ""))
        self._event(row, "assigned", actor, field="assignee", new=assignee[1])

    def transition(self, row: dict, at: dt.datetime, actor: tuple | None, name: str, note: str = "",
                   **changes) -> None:
        """As services.transition: a step of the real table, its side effects and its history rows."""
        row["updated_at"] = at
        step = workflow.check(name, row["status"])
        old_status, old_due = row["status"], row["answer_due"]
        row.update(changes)
        if name == "register":
            row["registered_at"] = at
        elif name in ("request_clarification", "wait_applicant"):
            row["paused_at"] = at
        elif name in ("clarified", "applicant_replied"):
            self._resume(row, at)
        elif name == "close":
            row["closed_at"] = at
        if step.target:
            row["status"] = S[step.target]
        self._event(row, name, actor, field="status" if step.target else "", old=old_status if step.target else "",
                    new=row["status"] if step.target else "", note=note, public=True)
        if row["answer_due"] != old_due:
            self._event(row, name, actor, field="answer_due", old=_fmt(old_due), new=_fmt(row["answer_due"]))

    def add_request(self, row: dict, at: dt.datetime, actor: tuple, organization: int, subject: str) -> list:
        """As outgoing.add_request for an appeal in work: the request, and the appeal waits for the reply."""
        request = [row["id"], organization, subject, at.date(), at.date() + dt.timedelta(days=10), None, "", actor[0]]
        self.requests.append(request)
        self.transition(row, at, actor, "wait_external")
        return request

    def record_reply(self, row: dict, at: dt.datetime, actor: tuple, request: list, reply: str) -> None:
        """As outgoing.record_reply of the appeal's only request: the reply, and the work goes on."""
        request[5:7] = [at.date(), reply]
        self.transition(row, at, actor, "external_replied")

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


def extension(row: dict) -> dt.datetime:
    """The answer deadline after the appeal's one extension."""
    return extended(row["received_at"], row["answer_due"], *_case(row))


def _case(row: dict) -> tuple:
    return row["reason_id"], row["complexity"], row["channel"]


def _fmt(moment: dt.datetime | None) -> str:
    return moment.astimezone(MSK).strftime("%d.%m.%Y %H:%M") if moment else ""
