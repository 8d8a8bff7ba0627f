"""The resident area's forms: each checks its input through the domain and says what is wrong in Russian."""

from django import forms

from .errors import ResidentError
from .identity import parse_identifier
from .models import Report
from .signin import check_display_name

TITLE_MAX = 150
TEXT_MAX = 5000
_LENGTH = "Не длиннее %(limit_value)d знаков (сейчас %(show_value)d)."


def _domain(check, value):
    try:
        return check(value)
    except ResidentError as error:
        raise forms.ValidationError(error.message) from None


def _identifier_field(**extra) -> forms.CharField:
    return forms.CharField(label="Электронная почта или телефон", max_length=120,
                           help_text="Например: ivanova@mail.ru или +7 921 123-45-67.",
                           error_messages={"required": "Укажите электронную почту или телефон.",
                                           "max_length": _LENGTH},
                           widget=forms.TextInput(attrs={"autocomplete": "username", "spellcheck": "false"}), **extra)


def _password_field(label: str, autocomplete: str, **extra) -> forms.CharField:
    return forms.CharField(label=label, max_length=128, strip=False,
                           error_messages={"required": "Введите пароль.", "max_length": _LENGTH},
                           widget=forms.PasswordInput(attrs={"autocomplete": autocomplete}), **extra)


class IdentifierForm(forms.Form):
    identifier = _identifier_field()

    def clean_identifier(self):
        return _domain(parse_identifier, self.cleaned_data["identifier"])


class SignUpForm(IdentifierForm):
    display_name = forms.CharField(label="Имя на форуме", max_length=60,
                                   help_text="Его увидят другие жители, например: Ирина с Марата. "
                                             "Электронную почту и телефон не видит никто.",
                                   error_messages={"required": "Придумайте имя для форума.", "max_length": _LENGTH})
    consent = forms.BooleanField(label="Я согласен (согласна) на обработку моих персональных данных",
                                 error_messages={"required": "Без согласия на обработку персональных данных "
                                                             "мы не можем открыть личный кабинет."})

    def clean_display_name(self):
        return _domain(check_display_name, self.cleaned_data["display_name"])


class PasswordLogInForm(IdentifierForm):
    password = _password_field("Пароль", "current-password")


class CodeForm(forms.Form):
    code = forms.CharField(label="Код из сообщения", max_length=20, help_text="6 цифр.",
                           error_messages={"required": "Введите код из сообщения.", "max_length": _LENGTH},
                           widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}))


class ResetForm(CodeForm):
    new_password = _password_field("Новый пароль", "new-password",
                                   help_text="Не короче 8 знаков; не используйте простые пароли вроде 12345678.")


class PasswordForm(forms.Form):
    new_password = _password_field("Новый пароль", "new-password",
                                   help_text="Не короче 8 знаков; не используйте простые пароли вроде 12345678.")


class LinkAppealForm(forms.Form):
    number = forms.CharField(label="Номер обращения", max_length=40, help_text="Например: 26-004217.",
                             error_messages={"required": "Введите номер обращения.", "max_length": _LENGTH},
                             widget=forms.TextInput(attrs={"autocomplete": "off"}))
    code = forms.CharField(label="Код доступа", max_length=40,
                           help_text="10 знаков: латинские буквы и цифры, например: UKZ2W8HGR5.",
                           error_messages={"required": "Введите код доступа.", "max_length": _LENGTH},
                           widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}))


def _text_field(label: str, max_length: int, if_empty: str, **extra) -> forms.CharField:
    return forms.CharField(label=label, max_length=max_length,
                           error_messages={"required": if_empty, "max_length": _LENGTH}, **extra)


class TopicForm(forms.Form):
    title = _text_field("Тема", TITLE_MAX, "Напишите, о чём тема.",
                        help_text="Коротко, например: Когда заменят лифт в доме на ул. Марата, 7?")
    text = _text_field("Сообщение", TEXT_MAX, "Напишите сообщение.", widget=forms.Textarea(attrs={"rows": 8}),
                       help_text=f"До {TEXT_MAX} знаков. Не указывайте телефоны, адреса электронной почты, "
                                 "номера квартир и лицевых счетов: они будут скрыты.")

    def clean_title(self):
        title = " ".join(self.cleaned_data["title"].split())
        if not any(ch.isalnum() for ch in title):
            raise forms.ValidationError("Напишите, о чём тема.")
        return title


class ReplyForm(forms.Form):
    text = TopicForm.base_fields["text"]


class ReportForm(forms.Form):
    reason = forms.ChoiceField(label="Что не так с сообщением", choices=Report.Reason.choices,
                               widget=forms.RadioSelect, error_messages={
                                   "required": "Выберите причину жалобы.",
                                   "invalid_choice": "Выберите причину из списка."})
    comment = _text_field("Пояснение (если нужно)", 500, "", required=False,
                          widget=forms.Textarea(attrs={"rows": 3}))
