"""Public forms: the web appeal (CH3) and the status look-up (CH4)."""

from django import forms
from django.conf import settings
from django.urls import reverse_lazy

from appeals.applicants import ApplicantData
from appeals.attachments import check_file_name, detect_kind, shown_name
from appeals.choices import Kind
from appeals.contacts import check_email, check_name, normalize_phone
from appeals.errors import AppealError
from housing.models import Building
from priemnaya.form_once import OnceField

TEXT_MAX = 5000
MAX_FILES = 3
# The public side takes photos and scans only; staff may attach office documents.
PUBLIC_FILE_TYPES = {"jpg", "png", "pdf"}
_SNIFF_BYTES = 8192
KIND_ORDER = [Kind.APPEAL, Kind.COMPLAINT, Kind.REQUEST, Kind.QUESTION, Kind.PROPOSAL]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files under one name; each is checked by its content and size."""

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if len(files) > MAX_FILES:
            raise forms.ValidationError(f"Можно приложить не больше {MAX_FILES} файлов.")
        for uploaded in files:
            super().clean(uploaded, initial)
            check_public_file(uploaded)
        return files


def size_label(size: int) -> str:
    """«10 МБ», «500 КБ»: how a limit is told to people."""
    megabyte = 1024 * 1024
    return f"{size / megabyte:.3g} МБ".replace(".", ",") if size >= megabyte else f"{max(1, size // 1024)} КБ"


def check_public_file(uploaded) -> None:
    """Refuse what is not a JPG, PNG or PDF by content, or is larger than allowed."""
    if uploaded.size > settings.ATTACHMENT_MAX_BYTES:
        raise forms.ValidationError(
            f"Файл «{shown_name(uploaded.name)}» больше {size_label(settings.ATTACHMENT_MAX_BYTES)}. "
            "Уменьшите его или приложите другой.")
    head = uploaded.read(_SNIFF_BYTES)
    uploaded.seek(0)
    kind = detect_kind(head, uploaded.name)
    if kind is None or kind.extension not in PUBLIC_FILE_TYPES:
        raise forms.ValidationError(f"Файл «{shown_name(uploaded.name)}» не подходит: можно приложить только "
                                    "фотографию (JPG, PNG) или документ PDF.")
    try:
        check_file_name(uploaded.name, kind)
    except AppealError as error:
        raise forms.ValidationError(error.message) from None


def _domain_checked(check, value: str) -> str:
    """The domain's check of a contact (the same the API and the back office get); its error on the field."""
    try:
        return check(value)
    except AppealError as error:
        raise forms.ValidationError(error.message) from None


def prefilled(query) -> dict:
    """What a link may fill in the appeal form (FAQ's «Не нашли ответ?»): the kind and the text; nothing else,
    and nothing that is not one of the form's own values."""
    initial = {}
    if query.get("kind") in Kind.values:
        initial["kind"] = query["kind"]
    if text := (query.get("text") or "").strip():
        initial["text"] = text[:TEXT_MAX]
    return initial


class ResidentContactChecks:
    """The checks of who a resident is and where, shared by every public form that takes them (the appeal
    form, a paid order): the domain's own checks of a name, a phone and an e-mail, and the building picked."""

    def clean_full_name(self) -> str:
        return " ".join(_domain_checked(check_name, self.cleaned_data["full_name"]).split())

    def clean_phone(self) -> str:
        return _domain_checked(normalize_phone, self.cleaned_data["phone"])

    def clean_email(self) -> str:
        return _domain_checked(check_email, self.cleaned_data["email"])

    def clean_building(self) -> Building | None:
        # Set by picking a suggestion; a stale or forged value is simply ignored.
        value = self.cleaned_data["building"]
        return Building.objects.filter(is_active=True, pk=value).first() if value.isdigit() else None


class AppealForm(ResidentContactChecks, forms.Form):
    once = OnceField()  # a repeat of the same rendered form gives the first appeal
    kind = forms.ChoiceField(label="Вид обращения", choices=[(k.value, k.label) for k in KIND_ORDER],
                             initial=Kind.APPEAL)
    full_name = forms.CharField(label="Фамилия, имя, отчество", max_length=300, error_messages={
        "required": "Укажите, пожалуйста, фамилию, имя и отчество."})
    phone = forms.CharField(label="Телефон", max_length=40, required=False,
                            help_text="Например: +7 921 123-45-67 или 8 812 123-45-67.",
                            widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}))
    email = forms.EmailField(label="Электронная почта", required=False, error_messages={
        "invalid": "Проверьте адрес электронной почты, например: ivanova@mail.ru."},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    address = forms.CharField(label="Адрес дома", max_length=400, required=False,
                              help_text="Улица и номер дома, например: улица Марата, 7.")
    building = forms.CharField(required=False, widget=forms.HiddenInput)
    flat = forms.CharField(label="Квартира", max_length=20, required=False)
    # The hints are asked for by POST with only what they need: the text may hold a name or a phone.
    text = forms.CharField(label="Текст обращения", max_length=TEXT_MAX, widget=forms.Textarea(attrs={
                               "rows": 8, "hx-post": reverse_lazy("portal:appeal_hints"), "hx-target": "#appeal-hints",
                               "hx-trigger": "input changed delay:800ms",
                               "hx-params": "text,building,csrfmiddlewaretoken", "hx-include": "[name='building']",
                               "hx-sync": "this:replace"}),
                           error_messages={
                               "required": "Опишите, пожалуйста, суть обращения.",
                               "max_length": "Текст не должен быть длиннее %(limit_value)d знаков "
                                             "(сейчас %(show_value)d).",
                           })
    attachments = MultipleFileField(label="Фотографии или документы (если есть)", required=False)
    consent = forms.BooleanField(label="Я согласен (согласна) на обработку моих персональных данных",
                                 error_messages={"required": "Без согласия на обработку персональных данных "
                                                             "мы не можем принять обращение."})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        attachments = self.fields["attachments"]
        attachments.widget.attrs["accept"] = ".jpg,.jpeg,.png,.pdf"
        attachments.help_text = (f"До {MAX_FILES} файлов: JPG, PNG или PDF, каждый не больше "
                                 f"{size_label(settings.ATTACHMENT_MAX_BYTES)}.")

    def clean(self):
        data = super().clean()
        if not data.get("phone") and not data.get("email") and "phone" not in self.errors \
                and "email" not in self.errors:
            self.add_error("phone", "Укажите телефон или электронную почту, чтобы мы могли вам ответить.")
        building = data.get("building")
        # A suggestion was picked and then the address retyped: trust the text, not the stale choice.
        if building is not None and " ".join(data.get("address", "").split()) != building.address:
            data["building"] = None
        return data

    def applicant(self) -> ApplicantData:
        data = self.cleaned_data
        return ApplicantData(full_name=data["full_name"], phone=data["phone"], email=data["email"],
                             flat=data["flat"].strip())


class TrackForm(forms.Form):
    number = forms.CharField(label="Номер обращения", max_length=40, help_text="Например: 26-004217.",
                             error_messages={"required": "Введите номер обращения."},
                             widget=forms.TextInput(attrs={"autocomplete": "off"}))
    code = forms.CharField(label="Код доступа", max_length=40,
                           help_text="10 знаков: латинские буквы и цифры, например: UKZ2W8HGR5.",
                           error_messages={"required": "Введите код доступа."},
                           widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters",
                                                         "spellcheck": "false"}))
