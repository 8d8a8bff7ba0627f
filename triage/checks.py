"""System checks of triage's configuration."""

from django.conf import settings
from django.core.checks import Error, register


@register()
def triage_model_loads(app_configs, **kwargs):
    """A TRIAGE_MODEL that is missing or unreadable would leave triage on its rules alone, silently."""
    if not settings.TRIAGE_MODEL:
        return []
    from triage.classifier import ModelError, TreeModel

    try:
        TreeModel.load(settings.TRIAGE_MODEL)
    except ModelError as error:
        return [Error(f"TRIAGE_MODEL cannot be loaded: {error}",
                      hint="Point it at a file written by `manage.py train_classifier`, or unset it.",
                      id="triage.E001")]
    return []
