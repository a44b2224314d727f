"""Cambodia's provinces, districts and communes, keyed by their NCDD gazetteer codes."""

from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.translated import field_in_language


class PlaceUnit(models.TextChoices):
    """The kind of administrative unit, as the NCDD gazetteer names it."""

    PROVINCE = "province", _("Province")
    CAPITAL = "capital", _("Capital")
    DISTRICT = "district", _("District (srok)")
    KHAN = "khan", _("Section (khan)")
    MUNICIPALITY = "municipality", _("Municipality (krong)")
    COMMUNE = "commune", _("Commune (khum)")
    SANGKAT = "sangkat", _("Quarter (sangkat)")


PROVINCE_UNITS = (PlaceUnit.PROVINCE, PlaceUnit.CAPITAL)
DISTRICT_UNITS = (PlaceUnit.DISTRICT, PlaceUnit.KHAN, PlaceUnit.MUNICIPALITY)
COMMUNE_UNITS = (PlaceUnit.COMMUNE, PlaceUnit.SANGKAT)


class Place(models.Model):
    """What provinces, districts and communes share: the gazetteer code is the natural key and the primary key."""

    code_length = 0
    name_km = models.CharField(_("name in Khmer"), max_length=100)
    name_en = models.CharField(_("name in English"), max_length=100)
    unit = models.CharField(_("unit type"), max_length=20, choices=PlaceUnit.choices)

    class Meta:
        abstract = True
        ordering = ["code"]

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        """The name in the reader's language (Khmer unless the page is English)."""
        return field_in_language(self)

    def natural_key(self):
        return (self.code,)


class PlaceManager(models.Manager):
    def get_by_natural_key(self, code):
        return self.get(code=code)


class Province(Place):
    code_length = 2
    code = models.CharField(
        _("gazetteer code"),
        max_length=2,
        primary_key=True,
        validators=[RegexValidator(r"^\d{2}$", _("A province code has two digits."))],
    )
    iso_code = models.CharField(_("ISO 3166-2 code"), max_length=6, unique=True)

    objects = PlaceManager()

    class Meta(Place.Meta):
        verbose_name = _("province")
        verbose_name_plural = _("provinces")
        constraints = [
            models.CheckConstraint(condition=Q(code__regex=r"^[0-9]{2}$"), name="province_code_two_digits"),
        ]


class District(Place):
    code_length = 4
    code = models.CharField(
        _("gazetteer code"),
        max_length=4,
        primary_key=True,
        validators=[RegexValidator(r"^\d{4}$", _("A district code has four digits."))],
    )
    province = models.ForeignKey(
        Province, verbose_name=_("province"), on_delete=models.PROTECT, related_name="districts"
    )

    objects = PlaceManager()

    class Meta(Place.Meta):
        verbose_name = _("district")
        verbose_name_plural = _("districts")
        constraints = [
            models.CheckConstraint(condition=Q(code__regex=r"^[0-9]{4}$"), name="district_code_four_digits"),
        ]


class Commune(Place):
    code_length = 6
    code = models.CharField(
        _("gazetteer code"),
        max_length=6,
        primary_key=True,
        validators=[RegexValidator(r"^\d{6}$", _("A commune code has six digits."))],
    )
    district = models.ForeignKey(
        District, verbose_name=_("district"), on_delete=models.PROTECT, related_name="communes"
    )

    objects = PlaceManager()

    class Meta(Place.Meta):
        verbose_name = _("commune")
        verbose_name_plural = _("communes")
        constraints = [
            models.CheckConstraint(condition=Q(code__regex=r"^[0-9]{6}$"), name="commune_code_six_digits"),
        ]
