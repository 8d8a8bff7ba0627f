"""System checks of the proposals' settings."""

from django.conf import settings
from django.core.checks import Error, register


@register()
def effect_windows(app_configs, **kwargs):
    """A minimum above the maximum would never let an effect be judged; a window of no days judges nothing."""
    low, high = settings.PROPOSAL_EFFECT_MIN_DAYS, settings.PROPOSAL_EFFECT_MAX_DAYS
    if low < 1 or high < low:
        return [Error(f"PROPOSAL_EFFECT_MIN_DAYS ({low}) must be at least 1 and at most PROPOSAL_EFFECT_MAX_DAYS"
                      f" ({high}).", id="proposals.E001")]
    return []
