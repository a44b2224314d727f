"""The printable "still to finish" list of a province, district or commune (A4 landscape PDF), for a visit.

WeasyPrint with the packaged Noto Sans Khmer, as the one-page summary (`summary_pdf`): Pango and HarfBuzz shape
Khmer, no machine font is needed, and every word is HTML text. Labels print in Khmer then English; a learner's
role in both; one heading per district and commune, with the table's headings repeated on every page.
"""

from collections.abc import Sequence

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import pdf
from core.fonts import source_font_path
from core.roles import Role
from core.translated import both
from learners.models import Gender, LearnerProfile

from .area_rows import NOT_GIVEN
from .filters import Filters
from .still_to_finish import ListPlace, grouped, with_progress

# WeasyPrint lays a row out in 20 to 30 ms here (300 rows: 6 to 10 s, 21 pages), so a request for a longer list
# would keep a worker busy too long. Above this, a province is printed a district or a commune at a time (the page
# says so); a visit covers one anyway.
PRINTABLE_ROWS = 400

LABELS = {
    "title": _("Still to finish the course"),
    "intro": _(
        "Confirmed learners who have not yet completed every module their role requires, by district and commune."
    ),
    "generated": _("Generated on"),
    "people": _("People"),
    "roles": _("Roles"),
    "gender": _("Gender"),
    "number": _("No."),
    "name": _("Name"),
    "role": _("Role"),
    "phone": _("Phone"),
    "unit": _("Unit or organisation"),
    "modules": _("Modules done"),
    "last_activity": _("Last activity"),
    "notes": _("Notes"),
    "not_started": _("Not started"),
    "district": _("District"),
    "commune": _("Commune"),
    "nobody": _("Nobody in this place is still to finish the course."),
    "footer": _(
        "Modules done = required modules completed ÷ modules the learner's role requires. "
        "Personal data: keep this list safe and destroy it after the visit."
    ),
}


def _filter_lines(filters: Filters) -> list[dict]:
    roles, genders = dict(Role.choices), dict(Gender.choices)
    lines = []
    if filters.roles:
        values = both(lambda: ", ".join(str(roles[code]) for code in filters.roles))
        lines.append({"label": both(LABELS["roles"]), "value": values})
    if filters.genders:
        values = both(lambda: ", ".join(str(genders[code]) for code in filters.genders))
        lines.append({"label": both(LABELS["gender"]), "value": values})
    return lines


def _names(place) -> dict[str, str]:
    if place is None:
        return {"km": NOT_GIVEN[0], "en": NOT_GIVEN[1]}
    return {"km": place.name_km, "en": place.name_en}


def still_to_finish_context(*, place: ListPlace, filters: Filters, learners: Sequence[LearnerProfile], today=None):
    role_names = {code: both(label) for code, label in Role.choices}
    groups = grouped(with_progress(learners))
    number = 0
    printed = []
    for group in groups:
        rows = []
        for row in group.learners:
            number += 1
            rows.append({"number": number, "row": row, "role": role_names.get(row.profile.role, {})})
        printed.append({"district": _names(group.district), "commune": _names(group.commune), "rows": rows})
    chain = [place.province] + [p for p in (place.district, place.commune) if p is not None]
    return {
        "place": place,
        "chain": [_names(p) for p in chain],
        "groups": printed,
        "count": number,
        "filters": _filter_lines(filters),
        "today": today or timezone.localdate(),
        "labels": {key: both(label) for key, label in LABELS.items()},
        "font_url": source_font_path().resolve().as_uri(),
    }


def still_to_finish_html(**options) -> str:
    return render_to_string("reports/still_to_finish_pdf.html", still_to_finish_context(**options))


def still_to_finish_pdf(**options) -> bytes:
    """The PDF of `still_to_finish_context(**options)`: place, filters, the learners in list order, and today."""
    # core.pdf adds the Khmer text layer, so a name copied from the PDF reads as it was printed.
    return pdf.write_pdf(pdf.render(still_to_finish_html(**options), base_url=str(source_font_path().parent)))
