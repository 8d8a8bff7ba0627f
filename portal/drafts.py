"""Who sees what the public does not yet: an unpublished item of any public section is shown, for a
preview, to whoever may edit it in the admin — one rule for every section."""

from appeals import access


def may_preview(user, model) -> bool:
    opts = model._meta
    return access.holds(user, f"{opts.app_label}.change_{opts.model_name}") and user.is_staff
