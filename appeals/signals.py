from django.dispatch import Signal

# Sent after commit with `appeal` and `action` (a transition name or a verb like "assigned").
appeal_changed = Signal()
