"""The four criteria of operator quality (A6), each measuring every operator (or one) over [since, until) in a
few queries: {operator id: Measured}."""

import datetime as dt
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Avg, Count, F, Q, Sum
from django.utils import timezone

from calls import stats as call_stats
from practice import results as practice_results

from .attribution import COMPLETE, corrections_of, registered_between, registration_seconds
from .models import OperatorComplaint, ReviewScore, Survey
from .numbers import medians


@dataclass(frozen=True)
class Figure:
    label: str
    value: float | None
    unit: str = ""
    digits: int = 1

    @property
    def text(self) -> str:
        if self.value is None:
            return "—"
        number = f"{self.value:.{self.digits}f}".replace(".", ",") if self.digits else f"{round(self.value)}"
        return f"{number} {self.unit}".strip()


@dataclass
class Measured:
    headline: Figure
    details: list[Figure] = field(default_factory=list)


def _local(moment: dt.datetime) -> dt.date:
    return timezone.localtime(moment).date()


class Speed:
    code, title, higher_is_better = "speed", "Скорость обработки", False
    headline_label = "Медиана регистрации"

    def empty(self) -> Measured:
        return Measured(Figure(self.headline_label, None, "мин"))

    def measure(self, since, until, operator_id) -> dict[int, Measured]:
        appeals = registered_between(since, until, operator_id)
        counts = appeals.values("registrar").annotate(
            n=Count("pk"), within=Count("pk", filter=Q(registration_due__isnull=False,
                                                       registered_at__lte=F("registration_due"))))
        median = medians(appeals.annotate(g=F("registrar"), v=registration_seconds()).values("g", "v"))
        found = {}
        for row in counts:
            found[row["registrar"]] = Measured(
                Figure(self.headline_label, median[row["registrar"]] / 60 if row["registrar"] in median else None,
                       "мин"),
                [Figure("Зарегистрировано обращений", row["n"], digits=0),
                 Figure("В срок регистрации (1 день)", row["within"] * 100 / row["n"], "%", 0)])
        period = call_stats.Period(_local(since), _local(until - dt.timedelta(microseconds=1)), operator_id)
        for group in call_stats.aggregate(period, "operator", percentiles=()):
            if group.key is None or not group.calls:
                continue
            entry = found.setdefault(group.key, self.empty())
            entry.details.append(Figure("Принято звонков", group.answered, digits=0))
            for code in ("finding", "informing", "wrap_up"):
                figure = group.figures[code]
                entry.details.append(Figure(f"{figure.measure.label}, в среднем (норма {figure.norm} с)",
                                            figure.average, "с", 0))
        return found


class Service:
    code, title, higher_is_better = "service", "Качество обслуживания", True
    headline_label = "Оценка руководителя"

    def empty(self) -> Measured:
        return Measured(Figure(self.headline_label, None, "из 5"))

    def measure(self, since, until, operator_id) -> dict[int, Measured]:
        scores = ReviewScore.objects.filter(review__reviewed_at__gte=since, review__reviewed_at__lt=until)
        if operator_id:
            scores = scores.filter(review__item__operator_id=operator_id)
        found = {}
        for row in scores.values("review__item__operator").annotate(
                points=Sum(F("score") * F("weight")), weights=Sum("weight"), reviews=Count("review", distinct=True)):
            found[row["review__item__operator"]] = Measured(
                Figure(self.headline_label, row["points"] / row["weights"], "из 5"),
                [Figure("Проверено обращений и звонков", row["reviews"], digits=0)])
        for row in scores.values("review__item__operator", "criterion__name", "criterion__order").annotate(
                average=Avg("score")).order_by("criterion__order", "criterion__name"):
            found[row["review__item__operator"]].details.append(Figure(row["criterion__name"], row["average"], "из 5"))
        complaints = OperatorComplaint.objects.filter(flagged_at__gte=since, flagged_at__lt=until)
        if operator_id:
            complaints = complaints.filter(operator_id=operator_id)
        for row in complaints.values("operator").annotate(n=Count("pk")):
            found.setdefault(row["operator"], self.empty()).details.append(
                Figure("Жалоб на оператора", row["n"], digits=0))
        return found


def _survey_averages(surveys) -> dict[int, tuple[float, int]]:
    """{person: (average rating, surveys)} over the surveys where the person registered or answered (a survey
    of an appeal they did both for counts once): one UNION of the two roles, averaged in the database."""
    as_registrar = surveys.filter(registered_by__isnull=False).annotate(g=F("registered_by")).values("pk", "g",
                                                                                                        "rating")
    as_answerer = surveys.filter(answered_by__isnull=False).annotate(g=F("answered_by")).values("pk", "g", "rating")
    both = as_registrar.union(as_answerer)
    sql, params = both.query.get_compiler(using=both.db).as_sql()
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT g, AVG(rating), COUNT(*) FROM ({sql}) AS rated GROUP BY g", params)
        return {g: (float(avg), n) for g, avg, n in cursor.fetchall()}


class Satisfaction:
    code, title, higher_is_better = "satisfaction", "Удовлетворённость заявителей", True
    headline_label = "Средняя оценка в опросах"

    def empty(self) -> Measured:
        return Measured(Figure(self.headline_label, None, "из 5"))

    def measure(self, since, until, operator_id) -> dict[int, Measured]:
        surveys = Survey.objects.order_by().filter(rated_at__gte=since, rated_at__lt=until)
        if operator_id:
            surveys = surveys.filter(Q(registered_by=operator_id) | Q(answered_by=operator_id))
        found = {person: Measured(Figure(self.headline_label, avg, "из 5"), [Figure("Ответов на опрос", n, digits=0)])
                 for person, (avg, n) in _survey_averages(surveys).items()}
        for role, label in (("registered_by", "Как регистратор"), ("answered_by", "Как автор ответа")):
            for row in surveys.filter(**{f"{role}__isnull": False}).values(role).annotate(avg=Avg("rating"),
                                                                                          n=Count("pk")):
                if row[role] in found:
                    found[row[role]].details.append(Figure(f"{label} (опросов: {row['n']})", row["avg"], "из 5"))
        if operator_id:
            found = {k: v for k, v in found.items() if k == operator_id}
        return found


class Accuracy:
    code, title, higher_is_better = "accuracy", "Точность и полнота регистрации", True
    headline_label = "Заполнено всё обязательное"

    def empty(self) -> Measured:
        return Measured(Figure(self.headline_label, None, "%", 0))

    def measure(self, since, until, operator_id) -> dict[int, Measured]:
        appeals = registered_between(since, until, operator_id).annotate(corrections=corrections_of())
        found = {}
        for row in appeals.values("registrar").annotate(
                n=Count("pk"), complete=Count("pk", filter=COMPLETE),
                corrected=Count("pk", filter=Q(corrections__gt=0)), corrections_total=Sum("corrections")):
            found[row["registrar"]] = Measured(
                Figure(self.headline_label, row["complete"] * 100 / row["n"], "%", 0),
                [Figure("Исправлено после регистрации", row["corrected"] * 100 / row["n"], "%", 0),
                 Figure("Исправлений (причина, сложность, адрес)", row["corrections_total"] or 0, digits=0)])
        return found


class Practice:
    """Not one of the seed's four: the practice calls' scores (`practice`), beside them for training."""

    code, title, higher_is_better = "practice", "Учебные звонки", True
    headline_label = "Средний балл учебных звонков"

    def empty(self) -> Measured:
        return Measured(Figure(self.headline_label, None, "из 100"))

    def measure(self, since, until, operator_id) -> dict[int, Measured]:
        return {person: Measured(Figure(self.headline_label, average, "из 100"),
                                 [Figure("Учебных звонков", attempts, digits=0)])
                for person, (attempts, average) in practice_results.per_operator(since, until, operator_id).items()}


SPEED, SERVICE, SATISFACTION, ACCURACY, PRACTICE = Speed(), Service(), Satisfaction(), Accuracy(), Practice()
