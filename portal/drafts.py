"""Who sees what the public does not yet: an unpublished item of any public section is shown, for a
preview, to whoever may edit it in the admin — one rule for every section."""


def may_preview(user, model) -> bool:
    opts = model._meta
    return (user is not None and user.is_authenticated and user.is_active and user.is_staff
            and user.has_perm(f"{opts.app_label}.change_{opts.model_name}"))
