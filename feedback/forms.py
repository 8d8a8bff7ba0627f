"""The feedback forms: a review, the appeal to the Regional HQ, the staff's summary and moderation, filters."""

from django import forms

from portal.forms import TrackForm

from . import hq, reviews, summaries
from .errors import FeedbackError

RATING_ERROR = "Поставьте оценку от 1 до 5."
RATING_CHOICES = [(5, "5 — отлично"), (4, "4 — хорошо"), (3, "3 — удовлетворительно"), (2, "2 — плохо"),
                  (1, "1 — очень плохо")]


def _text(label: str, limit: int, required: str, rows: int = 6, **kwargs) -> forms.CharField:
    return forms.CharField(label=label, max_length=limit, widget=forms.Textarea(attrs={"rows": rows}), error_messages={
        "required": required,
        "max_length": "Текст не должен быть длиннее %(limit_value)d знаков (сейчас %(show_value)d).",
    }, **kwargs)


def add_feedback_error(form: forms.Form, error: FeedbackError) -> None:
    """The domain's message on the field it names, or above the form."""
    form.add_error(error.field if error.field in form.fields else None, error.message)


class ReviewForm(forms.Form):
    rating = forms.TypedChoiceField(label="Ваша оценка", choices=RATING_CHOICES, coerce=int, widget=forms.RadioSelect,
                                    error_messages={"required": RATING_ERROR, "invalid_choice": RATING_ERROR})
    text = _text("Отзыв", reviews.TEXT_MAX, "Напишите, пожалуйста, текст отзыва.", rows=7,
                 help_text="Что понравилось, что нужно исправить. Не указывайте имена, телефоны и номера квартир: "
                           "на сайте они всё равно будут скрыты.")
    author_name = forms.CharField(label="Подпись (необязательно)", max_length=reviews.NAME_MAX, required=False,
                                  help_text="Например: «жительница Литейного проспекта». Без подписи отзыв будет "
                                            "подписан «Житель района».",
                                  error_messages={"max_length": "Подпись не должна быть длиннее %(limit_value)d "
                                                                "знаков (сейчас %(show_value)d)."})
    consent = forms.BooleanField(label="Я согласен (согласна), чтобы после проверки мой отзыв был опубликован на "
                                       "сайте", error_messages={"required": "Без вашего согласия мы не можем "
                                                                            "опубликовать отзыв."})


class HqForm(TrackForm):
    """The appeal's number and access code, as on the status page, and what the resident disagrees with."""

    text = _text("С чем вы не согласны", hq.TEXT_MAX, "Напишите, с чем вы не согласны.", rows=7,
                 help_text="Например: работы не выполнены, ответ не получен, с отказом не согласен(на).")
    consent = forms.BooleanField(label="Я согласен (согласна) на передачу в Штаб текста обращения, ответа на него "
                                       "и моих контактных данных из обращения",
                                 error_messages={"required": "Без вашего согласия мы не можем передать обращение "
                                                             "в Штаб."})


class SummaryForm(forms.Form):
    question = _text("Вопрос", summaries.QUESTION_MAX, "Введите вопрос.", rows=3,
                     help_text="Кратко, без имён и адресов: при публикации личные данные скрываются ещё раз.")
    answer = _text("Ответ", summaries.ANSWER_MAX, "Введите ответ.", rows=10)


class RejectForm(forms.Form):
    reason = forms.CharField(label="Причина отклонения", max_length=reviews.REASON_MAX, error_messages={
        "required": "Укажите причину отклонения.",
        "max_length": "Причина не должна быть длиннее %(limit_value)d знаков (сейчас %(show_value)d)."})


class AnswersFilter(forms.Form):
    """The public list's filters: a topic and a street (never a house: that would point at a person)."""

    topic = forms.ModelChoiceField(label="Тема", queryset=None, required=False, empty_label="Все темы",
                                   error_messages={"invalid_choice": "Такой темы нет: выберите тему из списка."})
    street = forms.ChoiceField(label="Улица", required=False,
                               error_messages={"invalid_choice": "По этой улице опубликованных ответов нет: "
                                                                 "выберите улицу из списка."})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = summaries.topics()
        self.fields["street"].choices = [("", "Все улицы")] + [(s, s) for s in summaries.streets()]

    def chosen(self) -> dict:
        """The valid filters; a wrong one is left out (and its message shown)."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: value for name, value in getattr(self, "cleaned_data", {}).items() if value}
