"""The practice registration form (the live one's fields and widgets) and the supervisor's scenario form."""

from django import forms

from appeals.choices import Priority
from appeals.contacts import check_line, normalize_phone
from appeals.models import Applicant
from appeals.services import derive_priority
from backoffice.forms import CARE_FLAGS, ApplicantFields, chosen_reason, domain_checked, reason_choices
from backoffice.widgets import QuickSelect
from housing.services import match_building

from .models import Scenario
from .scoring import Entered

FACTS_EXAMPLE = "! Номер телефона для связи | Записывайте: 8 921 123-45-67\nДавно ли так? | Со вчерашнего вечера"
AUTO_PRIORITY = [("", "По причине и заявителю (автоматически)")]


class PracticeForm(ApplicantFields):
    """What the operator registers during the practice call, as on the registration screen."""

    text = forms.CharField(label="Текст обращения", required=False, max_length=20_000,
                           widget=forms.Textarea(attrs={"rows": 4, "placeholder": "Запишите суть обращения"}))
    reason = forms.ChoiceField(label="Категория и причина", widget=QuickSelect,
                               error_messages={"required": "Выберите причину обращения.",
                                               "invalid_choice": "Такой причины нет в классификаторе."})
    priority = forms.ChoiceField(label="Приоритет", required=False, choices=AUTO_PRIORITY + Priority.choices,
                                 widget=QuickSelect)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].choices = reason_choices("— выберите причину —")

    def clean_reason(self):
        return chosen_reason(self.cleaned_data.get("reason"))

    def entered(self) -> Entered:
        """The registration as scoring reads it: a building typed but not picked is matched as the live
        screen matches it; an empty priority is the one registration would derive."""
        data = self.cleaned_data
        building = data["building_id"] or match_building(data["address_text"])
        priority = data["priority"] or derive_priority(
            data["reason"], Applicant(**{flag: data[flag] for flag, _label in CARE_FLAGS}))
        return Entered(reason_id=data["reason"].pk, reason_name=data["reason"].name, priority=priority,
                       building_id=building.pk if building else None,
                       address=building.address if building else data["address_text"], flat=data["flat"],
                       full_name=data["full_name"], phone=data["phone"])


def facts_text(facts: list[dict]) -> str:
    return "\n".join(f"{'! ' if f.get('required') else ''}{f['question']} | {f['answer']}" for f in facts)


def parse_facts(text: str) -> list[dict]:
    """«! Вопрос | ответ заявителя» a line; «!» marks what the operator must ask."""
    facts = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        required = line.startswith("!")
        question, bar, answer = line.lstrip("!").partition("|")
        if not bar or not question.strip() or not answer.strip():
            raise forms.ValidationError(f"Строка {number}: напишите вопрос и ответ через «|», "
                                        "например «! Номер телефона | 8 921 123-45-67».")
        facts.append({"question": question.strip(), "answer": answer.strip(), "required": required})
    return facts


class ScenarioForm(forms.ModelForm):
    reason = forms.ChoiceField(label="Ожидаемая причина", widget=QuickSelect,
                               error_messages={"required": "Выберите ожидаемую причину."})
    facts_lines = forms.CharField(
        label="Что заявитель скажет, если спросить", required=False, max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5, "placeholder": FACTS_EXAMPLE}),
        help_text="Строка — вопрос и ответ заявителя через «|». «!» в начале: это оператор обязан уточнить.")

    class Meta:
        model = Scenario
        fields = ["title", "caller_words", "expected_priority", "expected_address", "expected_flat", "caller_name",
                  "caller_phone", "lesson", "time_target", "is_published"]
        widgets = {"caller_words": forms.Textarea(attrs={"rows": 6}), "lesson": forms.Textarea(attrs={"rows": 3}),
                   "expected_priority": QuickSelect}
        help_texts = {"expected_address": "Как в реестре: «улица Рубинштейна, 13». Дом из реестра найдём сами.",
                      "time_target": "Сколько секунд даётся на регистрацию; 300 — норматив постобработки звонка."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].choices = reason_choices("— выберите причину —")
        if self.instance.pk:
            self.initial.setdefault("reason", self.instance.expected_reason_id)
            self.initial.setdefault("facts_lines", facts_text(self.instance.facts))

    def clean_reason(self):
        return chosen_reason(self.cleaned_data.get("reason"))

    def clean_facts_lines(self) -> list[dict]:
        return parse_facts(self.cleaned_data["facts_lines"])

    def clean_caller_name(self) -> str:
        return domain_checked(check_line, self.cleaned_data["caller_name"], "caller_name")

    def clean_caller_phone(self) -> str:
        return domain_checked(normalize_phone, self.cleaned_data["caller_phone"])

    def save(self, commit: bool = True) -> Scenario:
        scenario = super().save(commit=False)
        scenario.expected_reason = self.cleaned_data["reason"]
        scenario.facts = self.cleaned_data["facts_lines"]
        scenario.expected_building = match_building(scenario.expected_address)
        if commit:
            scenario.save()
        return scenario
