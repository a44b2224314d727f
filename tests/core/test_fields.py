"""ChoiceListField: a list of choice codes that only accepts the codes it offers."""

import pytest
from django import forms
from django.core.exceptions import ValidationError

from core.fields import INVALID_CHOICE, ChoiceListField
from core.roles import Role
from curriculum.models import ModulePage


def field() -> ChoiceListField:
    return ModulePage._meta.get_field("audience_roles")


def test_accepts_known_codes_and_an_empty_list():
    field().validate(["police_officer", "ccwc_focal_point"], None)
    field().validate([], None)


def test_rejects_an_unknown_code_with_its_message():
    with pytest.raises(ValidationError) as caught:
        field().validate(["police_officer", "astronaut"], None)
    assert caught.value.code == "invalid_choice"
    assert caught.value.messages == [str(INVALID_CHOICE) % {"value": "astronaut"}]


def test_rejects_a_label_instead_of_a_code():
    with pytest.raises(ValidationError):
        field().validate([str(Role.POLICE_OFFICER.label)], None)


@pytest.mark.django_db
def test_model_full_clean_reports_the_field():
    module = ModulePage(title="ម៉ូឌុល", slug="m", number=1, summary="s", audience_roles=["astronaut"])
    with pytest.raises(ValidationError) as caught:
        module.clean_fields()
    assert "audience_roles" in caught.value.message_dict


def test_defaults_to_an_empty_list_and_may_be_blank():
    assert field().get_default() == []
    assert field().blank


def test_form_field_is_checkboxes_with_the_choices():
    form_field = field().formfield()
    assert isinstance(form_field, forms.MultipleChoiceField)
    assert isinstance(form_field.widget, forms.CheckboxSelectMultiple)
    assert [code for code, _label in form_field.choices] == list(Role.values)
    assert not form_field.required
    assert form_field.clean(["official"]) == ["official"]
    with pytest.raises(ValidationError):
        form_field.clean(["astronaut"])


def test_deconstruct_keeps_the_choices_and_omits_defaults():
    standalone = ChoiceListField("roles", choices=[("a", "A")])
    _name, path, _args, kwargs = standalone.deconstruct()
    assert path == "core.fields.ChoiceListField"
    assert kwargs["choices"] == [("a", "A")]
    assert "default" not in kwargs
    assert "blank" not in kwargs
    assert ChoiceListField(**kwargs).item_choices == [("a", "A")]
