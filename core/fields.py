"""Model fields shared across apps."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

INVALID_CHOICE = _("%(value)s is not one of the available choices.")


class ChoiceListField(models.JSONField):
    """A list of choice codes stored as JSON (works the same on SQLite and PostgreSQL), edited as checkboxes."""

    def __init__(self, *args, choices=None, **kwargs):
        self.item_choices = list(choices or [])
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["choices"] = self.item_choices
        if kwargs.get("default") is list:
            del kwargs["default"]
        if kwargs.get("blank") is True:
            del kwargs["blank"]
        return name, path, args, kwargs

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        allowed = {code for code, _label in self.item_choices}
        for item in value or []:
            if item not in allowed:
                raise ValidationError(INVALID_CHOICE, code="invalid_choice", params={"value": item})

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=self.item_choices,
            required=not self.blank,
            widget=forms.CheckboxSelectMultiple,
            label=self.verbose_name,
            help_text=self.help_text,
        )
