"""The admin's phrases about a model, in the case Russian needs.

Django fills «Добавить %s», «Выберите %s для изменения», «%(count)s %(name)s», its messages and its history
with the nominative; `RussianPhrasesMixin` puts the forms of `priemnaya.nouns` there instead. The site
(`priemnaya.admin_site`) mixes it into every model admin, ours and those of auth and axes alike; the templates
under templates/admin/ read the same forms from the change list (`cl.noun`, `cl.counted`) and the context.
"""

import json
from contextlib import contextmanager

from django.contrib import messages
from django.contrib.admin import helpers
from django.contrib.admin.models import LogEntry
from django.contrib.admin.options import IS_POPUP_VAR
from django.contrib.admin.utils import model_format_dict, quote
from django.contrib.admin.views import main
from django.contrib.auth.models import Permission
from django.db import models
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import capfirst, get_text_list
from django.utils.translation import gettext

from .nouns import Noun, noun_for, noun_named

ADDED = ("добавлен", "добавлена", "добавлено", "добавлены")
CHANGED = ("изменён", "изменена", "изменено", "изменены")
DELETED = ("удалён", "удалена", "удалено", "удалены")
NOT_FOUND = ("не найден", "не найдена", "не найдено", "не найдены")
KEEP_EDITING = " Ниже можно продолжить правку."
# Django names its own permissions «Can add причина»; ours (Appeal.Meta) are Russian already.
PERMISSION_VERBS = {"add": "Добавлять", "change": "Изменять", "delete": "Удалять", "view": "Просматривать"}


class ChangeList(main.ChangeList):
    """The change list with its title and its count in the right case: «Выберите причину», «40 домов»."""

    def __init__(self, request, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.noun = noun_for(self.opts)
        if self.is_popup:
            self.title = f"Выберите {self.noun.acc}"
        elif self.model_admin.has_change_permission(request):
            self.title = f"Выберите {self.noun.acc} для изменения"
        else:
            self.title = f"Выберите {self.noun.acc} для просмотра"

    @property
    def counted(self) -> str:
        return self.noun.counted(self.result_count)


class InlineAdminFormSet(helpers.InlineAdminFormSet):
    def inline_formset_data(self):
        data = json.loads(super().inline_formset_data())
        data["options"]["addText"] = f"Добавить {noun_for(self.opts.model._meta).another}"
        return json.dumps(data)


class RussianPhrasesMixin:
    """Titles, messages and history of a model admin in Russian that agrees with the model's name."""

    @property
    def noun(self) -> Noun:
        return noun_for(self.opts)

    # Titles

    def get_changelist(self, request, **kwargs):
        return ChangeList

    def changelist_view(self, request, extra_context=None):
        if request.method == "POST" and "_save" in request.POST:
            return self._save_list_editable(request, extra_context)
        response = super().changelist_view(request, extra_context)
        context = getattr(response, "context_data", None)
        if context and "cl" in context:
            context["selection_note"] = f"Выбрано 0 из {len(context['cl'].result_list)}"
        return response

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if add:
            verb = "Добавить"
        elif self.has_change_permission(request, obj):
            verb = "Изменить"
        else:
            verb = "Просмотреть"
        context["title"] = f"{verb} {self.noun.acc}"
        return super().render_change_form(request, context, add, change, form_url, obj)

    def render_delete_form(self, request, context):
        blocked = context["perms_lacking"] or context["protected"]
        # Django's texts put the name after «Удаление …» when deletion is blocked, after «удалить …» otherwise.
        context["object_name"] = self.noun.gen if blocked else self.noun.acc
        context["title"] = f"{'Не удаётся удалить' if blocked else 'Удалить'} {self.noun.acc}"
        return super().render_delete_form(request, context)

    def get_action_choices(self, request, default_choices=models.BLANK_CHOICE_DASH):
        names = {**model_format_dict(self.opts), "selected": self.noun.selected}
        choices = [*default_choices]
        for _func, name, description in self.get_actions(request).values():
            choices.append((name, description % names))
        return choices

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if field is not None and db_field.related_model is Permission:
            field.label_from_instance = permission_label
        return field

    def get_inline_formsets(self, request, formsets, inline_instances, obj=None):
        inline_formsets = super().get_inline_formsets(request, formsets, inline_instances, obj)
        for inline_formset in inline_formsets:
            # Only the «Добавить ещё …» text differs; Django offers no hook for it.
            inline_formset.__class__ = InlineAdminFormSet
        return inline_formsets

    def history_view(self, request, object_id, extra_context=None):
        response = super().history_view(request, object_id, extra_context)
        page = getattr(response, "context_data", {}).get("action_list")
        if page is not None:
            page.object_list = list(page.object_list)
            for entry in page.object_list:
                entry.description = describe_change(entry)
        return response

    # Messages: Django's are built from the nominative; inside `own_messages` they give way to these.

    @contextmanager
    def own_messages(self, request):
        """Inside, Django's messages are dropped: the caller says it in Russian afterwards."""
        request._admin_own_messages = True
        try:
            yield
        finally:
            del request._admin_own_messages

    def message_user(self, request, message, *args, **kwargs):
        if not getattr(request, "_admin_own_messages", False):
            super().message_user(request, message, *args, **kwargs)

    def _named(self, request, obj) -> str:
        """«Причина «<a>Протечка</a>»»: the model's name and the object, linked when it may be changed."""
        name = capfirst(self.opts.verbose_name)
        if not self.has_change_permission(request, obj):
            return format_html("{} «{}»", name, obj)
        url = reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=(quote(obj.pk),),
                      current_app=self.admin_site.name)
        return format_html('{} «<a href="{}">{}</a>»', name, url, obj)

    def response_add(self, request, obj, post_url_continue=None):
        with self.own_messages(request):
            response = super().response_add(request, obj, post_url_continue)
        if IS_POPUP_VAR not in request.POST:
            self.message_user(request, format_html("{} {}.{}", self._named(request, obj), self.noun.agree(ADDED),
                                                   self._next_step(request)), messages.SUCCESS)
        return response

    def response_change(self, request, obj):
        with self.own_messages(request):
            response = super().response_change(request, obj)
        if IS_POPUP_VAR not in request.POST:
            done = ADDED if "_saveasnew" in request.POST else CHANGED
            self.message_user(request, format_html("{} {}.{}", self._named(request, obj), self.noun.agree(done),
                                                   self._next_step(request)), messages.SUCCESS)
        return response

    def _next_step(self, request) -> str:
        if "_continue" in request.POST or "_saveasnew" in request.POST:
            return KEEP_EDITING
        if "_addanother" in request.POST:
            return f" Ниже можно добавить {self.noun.another}."
        return ""

    def response_delete(self, request, obj_display, obj_id):
        with self.own_messages(request):
            response = super().response_delete(request, obj_display, obj_id)
        if IS_POPUP_VAR not in request.POST:
            self.message_user(request, f"{capfirst(self.opts.verbose_name)} «{obj_display}» "
                                       f"{self.noun.agree(DELETED)}.", messages.SUCCESS)
        return response

    def _save_list_editable(self, request, extra_context):
        request._admin_changed_in_list = 0  # counted by log_change, one per saved row
        with self.own_messages(request):
            response = super().changelist_view(request, extra_context)
        count = request._admin_changed_in_list
        if count:
            self.message_user(request, f"{capfirst(self.noun.agree(CHANGED, count))} {self.noun.counted(count)}.",
                              messages.SUCCESS)
        return response

    def log_change(self, request, obj, message):
        if hasattr(request, "_admin_changed_in_list"):
            request._admin_changed_in_list += 1
        return super().log_change(request, obj, message)

    def _get_obj_does_not_exist_redirect(self, request, opts, object_id):
        noun = noun_for(opts)
        self.message_user(request, f"{capfirst(opts.verbose_name)} с идентификатором «{object_id}» "
                                   f"{noun.agree(NOT_FOUND)}: возможно, {noun.agree(DELETED)}.", messages.WARNING)
        return HttpResponseRedirect(reverse("admin:index", current_app=self.admin_site.name))


def permission_label(permission: Permission) -> str:
    """«Обращения | Добавлять причины» for «appeals | причина | Can add причина»."""
    model = permission.content_type.model_class()
    if model is None:
        return str(permission)
    action, _, model_name = permission.codename.partition("_")
    name = permission.name
    if action in PERMISSION_VERBS and model_name == model._meta.model_name:
        name = f"{PERMISSION_VERBS[action]} {noun_for(model._meta).acc_plural}"
    return f"{model._meta.app_config.verbose_name} | {name}"


def describe_change(entry: LogEntry) -> str:
    """A history entry in Russian: «Изменены поля «Телефон» и «Должность» у профиля сотрудника «Иванов»»."""
    if not entry.change_message.startswith("["):
        return entry.change_message
    try:
        sentences = [_describe_part(*part.popitem()) for part in json.loads(entry.change_message)]
    except (ValueError, KeyError, AttributeError, LookupError):
        return entry.get_change_message()  # a shape or a model name this table does not know
    return " ".join(sentences) or "Ни одно поле не изменено."


def _describe_part(kind: str, detail: dict) -> str:
    if not detail:
        return "Добавлено."
    name = gettext(detail["name"]) if "name" in detail else None
    noun = noun_named(name) if name else None
    if name and noun is None:
        raise LookupError(name)
    if kind == "added":
        return f"{capfirst(noun.agree(ADDED))} {name} «{detail['object']}»."
    if kind == "deleted":
        return f"{capfirst(noun.agree(DELETED))} {name} «{detail['object']}»."
    fields = [f"«{_field_label(field)}»" for field in detail["fields"]]
    sentence = f"Изменены поля {get_text_list(fields, 'и')}" if len(fields) > 1 else f"Изменено поле {fields[0]}"
    return f"{sentence} у {noun.gen} «{detail['object']}»." if noun else f"{sentence}."


def _field_label(label: str) -> str:
    """Django stores labels untranslated and capitalised («First name»); its catalog has «first name»."""
    translated = gettext(label)
    if translated == label:
        translated = gettext(label[:1].lower() + label[1:])
    return capfirst(translated)
