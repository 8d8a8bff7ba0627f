"""The admin site: its Russian header, every model admin speaking Russian, and deletion of several objects."""

from django.contrib import admin, messages
from django.contrib.admin.actions import delete_selected as django_delete_selected

from .admin_phrases import DELETED, RussianPhrasesMixin
from .nouns import noun_for

TITLE = "Приёмная — администрирование"


@admin.action(permissions=["delete"], description="Удалить %(selected)s")
def delete_selected(modeladmin, request, queryset):
    """Django's action, with its confirmation page and its message in the right case."""
    noun = noun_for(modeladmin.opts)
    count = queryset.count()
    with modeladmin.own_messages(request):
        response = django_delete_selected(modeladmin, request, queryset)
    if response is None:
        if count:
            modeladmin.message_user(request, f"Успешно {noun.agree(DELETED, count)} {noun.counted(count)}.",
                                    messages.SUCCESS)
        return None
    context = response.context_data
    blocked = context["perms_lacking"] or context["protected"]
    context["objects_named"] = noun.counted_acc(count)
    context["title"] = f"{'Не удаётся удалить' if blocked else 'Удалить'} {noun.counted_acc(count)}"
    return response


class AdminSite(admin.AdminSite):
    site_header = TITLE
    site_title = TITLE
    index_title = TITLE
    # The index is one click away; the lists need the width (the users' list lost two columns to it).
    enable_nav_sidebar = False

    def __init__(self, name="admin"):
        super().__init__(name)
        self.add_action(delete_selected)

    def register(self, model_or_iterable, admin_class=None, **options):
        """Mix the Russian phrases into whatever registers here: our admins, and auth's and axes' own."""
        admin_class = admin_class or admin.ModelAdmin
        if not issubclass(admin_class, RussianPhrasesMixin):
            admin_class = type(admin_class.__name__, (RussianPhrasesMixin, admin_class),
                               {"__module__": admin_class.__module__, "__doc__": admin_class.__doc__})
        super().register(model_or_iterable, admin_class, **options)
