"""Systemic proposals (W8, табл. 5.3.3): a measure against a problem that keeps coming back, with an owner,
a deadline by the production calendar, the appeals and incidents it answers, and when it was implemented."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone

from appeals.models import HistoryRow
from deadlines.calendar import local_date


class ProposalSequence(models.Model):
    """Per-year counter of proposal numbers (СП-26-0001)."""

    year = models.PositiveIntegerField("год", primary_key=True)
    last = models.PositiveIntegerField("последний номер", default=0)

    class Meta:
        verbose_name = "счётчик номеров предложений"
        verbose_name_plural = "счётчики номеров предложений"


class Proposal(models.Model):
    number = models.CharField("номер", max_length=20, unique=True)
    problem = models.TextField("проблема")
    measure = models.TextField("мера")
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="proposals",
                              verbose_name="ответственный")
    building = models.ForeignKey("housing.Building", null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="proposals", verbose_name="дом")
    reason = models.ForeignKey("appeals.Reason", null=True, blank=True, on_delete=models.PROTECT,
                               verbose_name="причина")
    registered_at = models.DateTimeField("зарегистрировано", default=timezone.now)
    registered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT,
                                      related_name="+", verbose_name="кто зарегистрировал")
    due_at = models.DateTimeField("срок внедрения")
    implemented_on = models.DateField("мера внедрена", null=True, blank=True)
    implemented_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                       related_name="+", verbose_name="кто внедрил")
    implementation = models.TextField("что сделано", blank=True)
    appeals = models.ManyToManyField("appeals.Appeal", blank=True, related_name="proposals",
                                     verbose_name="обращения")
    incidents = models.ManyToManyField("triage.Incident", blank=True, related_name="proposals",
                                       verbose_name="инциденты")

    class Meta:
        verbose_name = "системное предложение"
        verbose_name_plural = "системные предложения"
        ordering = ["-registered_at", "-id"]
        indexes = [models.Index(fields=["implemented_on", "due_at"], name="proposal_state_idx"),
                   models.Index(fields=["owner", "-registered_at"], name="proposal_owner_idx")]
        permissions = [("manage_proposal", "Открывать и вести системные предложения")]

    def __str__(self) -> str:
        return f"Предложение № {self.number}"

    def get_absolute_url(self) -> str:
        return f"/staff/proposals/{self.pk}/"

    @property
    def is_implemented(self) -> bool:
        return self.implemented_on is not None

    def is_overdue(self, now: dt.datetime | None = None) -> bool:
        """Not implemented and past its deadline; one that was implemented late stays marked as late."""
        if self.implemented_on is not None:
            return self.implemented_on > local_date(self.due_at)
        return self.due_at < (now or timezone.now())


class ProposalEvent(HistoryRow):
    """One row of a proposal's history."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="events",
                                 verbose_name="предложение")

    class Meta(HistoryRow.Meta):
        verbose_name = "запись истории предложения"
        verbose_name_plural = "история предложений"
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["proposal", "at"], name="proposal_event_idx")]
