"""The public order form and the staff forms of an order's steps."""

import datetime as dt

from django import forms

from appeals.applicants import ApplicantData
from portal.forms import ResidentContactChecks
from priemnaya.form_once import OnceField

from .models import PaidService
from .money import MAX_QUANTITY, MoneyError, parse_amount, rub
from .services import COMMENT_MAX

DATE_FORMATS = ["%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y"]


class ServiceChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, service: PaidService) -> str:
        return f"{service.name} — {rub(service.price)} / {service.unit}"


class DateInput(forms.DateInput):
    input_type = "date"

    def format_value(self, value):
        return value.isoformat() if isinstance(value, dt.date) else value


class OrderForm(ResidentContactChecks, forms.Form):
    once = OnceField()  # a repeat of the same rendered form gives the first order
    service = ServiceChoiceField(
        label="Услуга", queryset=PaidService.objects.filter(is_active=True), empty_label="— выберите услугу —",
        error_messages={"required": "Выберите услугу из перечня.",
                        "invalid_choice": "Такой услуги нет в перечне: выберите услугу из списка."})
    full_name = forms.CharField(label="Фамилия, имя, отчество", max_length=300, error_messages={
        "required": "Укажите, пожалуйста, фамилию, имя и отчество."})
    phone = forms.CharField(label="Телефон", max_length=40, required=False,
                            help_text="Например: +7 921 123-45-67 или 8 812 123-45-67.",
                            widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}))
    email = forms.EmailField(label="Электронная почта", required=False, help_text="На неё придёт счёт на оплату.",
                             error_messages={
                                 "invalid": "Проверьте адрес электронной почты, например: ivanova@mail.ru."},
                             widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    address = forms.CharField(label="Адрес дома", max_length=400, required=False,
                              help_text="Улица и номер дома, например: улица Марата, 7.")
    building = forms.CharField(required=False, widget=forms.HiddenInput)
    flat = forms.CharField(label="Квартира", max_length=20, required=False)
    preferred_date = forms.DateField(label="Желаемая дата работ", required=False, input_formats=DATE_FORMATS,
                                     widget=DateInput, help_text="Окончательную дату согласует с вами сотрудник.",
                                     error_messages={"invalid": "Введите дату, например: 15.03.2026."})
    comment = forms.CharField(label="Комментарий", max_length=COMMENT_MAX, required=False,
                              widget=forms.Textarea(attrs={"rows": 4}),
                              help_text="Что нужно сделать, удобное время, как пройти в квартиру.",
                              error_messages={"max_length": "Комментарий не длиннее %(limit_value)d знаков "
                                                            "(сейчас %(show_value)d)."})
    consent = forms.BooleanField(label="Я согласен (согласна) на обработку моих персональных данных",
                                 error_messages={"required": "Без согласия на обработку персональных данных "
                                                             "мы не можем принять заказ."})

    def clean(self):
        data = super().clean()
        if not data.get("phone") and not data.get("email") and not {"phone", "email"} & set(self.errors):
            self.add_error("phone", "Укажите телефон или электронную почту, чтобы мы могли с вами связаться.")
        building = data.get("building")
        if building is not None and " ".join(data.get("address", "").split()) != building.address:
            data["building"] = None  # the address was retyped after picking: trust the text
        if not data.get("building") and not data.get("address", "").strip() and "address" not in self.errors:
            self.add_error("address", "Укажите адрес, по которому нужно выполнить работы.")
        return data

    def applicant(self) -> ApplicantData:
        data = self.cleaned_data
        return ApplicantData(full_name=data["full_name"], phone=data["phone"], email=data["email"],
                             flat=data["flat"].strip())


class AmountField(forms.CharField):
    """A sum typed as people type it («1 500», «1234,56»); the domain's check, with its Russian message."""

    def __init__(self, *, limit=None, what: str = "Цена", **kwargs):
        self.limit, self.what = limit, what
        super().__init__(max_length=20, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        try:
            return parse_amount(value, what=self.what, **({"limit": self.limit} if self.limit else {}))
        except MoneyError as error:
            raise forms.ValidationError(str(error)) from None


class ConfirmForm(forms.Form):
    price = AmountField(label="Цена за единицу, ₽", error_messages={"required": "Укажите цену."})
    quantity = AmountField(label="Количество", limit=MAX_QUANTITY, what="Количество", initial="1",
                           error_messages={"required": "Укажите количество."})
    work_date = forms.DateField(label="Дата работ", input_formats=DATE_FORMATS, widget=DateInput,
                                error_messages={"required": "Укажите дату работ.",
                                                "invalid": "Введите дату, например: 15.03.2026."})


class CancelForm(forms.Form):
    reason = forms.CharField(label="Причина отмены", max_length=500, widget=forms.Textarea(attrs={"rows": 2}),
                             error_messages={"required": "Укажите причину отмены."})
