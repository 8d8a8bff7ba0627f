from django import forms

from .events import EVENT_CHOICES
from .models import Message


class MessagesFilter(forms.Form):
    status = forms.ChoiceField(label="Состояние", required=False, choices=[("", "Все"), *Message.Status.choices])
    event = forms.ChoiceField(label="Событие", required=False, choices=[("", "Все события"), *EVENT_CHOICES])
