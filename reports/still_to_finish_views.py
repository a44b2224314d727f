"""The "still to finish" screens (admin, under Reports) and their printable PDF: by name, per district and commune.

/admin/reports/still-to-finish/ counts the reader's provinces; a province's, district's or commune's page lists its
learners (a page at a time) under one heading per district and commune, with the counts of the places inside it.
Who sees what is `scope.report_scope`, as on the coverage pages: no scope is "forbidden"; a place outside it, or
codes that do not belong together, "not found". Never shared outside NGOCRC: these are names and phone numbers.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core.roles import Role
from learners.models import Gender

from .filters import Filters
from .named_lists import still_to_finish_list
from .scope import Scope, report_scope
from .still_to_finish import (
    ListPlace,
    PlaceNotFound,
    counts_by_area,
    grouped,
    place_within,
    still_to_finish,
    with_progress,
)
from .still_to_finish_pdf import PRINTABLE_ROWS, still_to_finish_pdf

PAGE_SIZE = 100
TOO_LONG_TO_PRINT = _(
    "This list has %(count)s people, more than %(limit)s: print a district or a commune (or fewer roles) instead."
)


class StillToFinishForm(forms.Form):
    """Who a list is narrowed to: the coverage pages pass their role and gender filters along."""

    role = forms.MultipleChoiceField(
        label=_("Roles"), choices=Role.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    gender = forms.MultipleChoiceField(
        label=_("Gender"), choices=Gender.choices, required=False, widget=forms.CheckboxSelectMultiple
    )

    def filters(self) -> Filters:
        """The filters chosen; none while the form has errors (which the page shows)."""
        if not self.is_bound or not self.is_valid():
            return Filters()
        return Filters(roles=tuple(self.cleaned_data["role"]), genders=tuple(self.cleaned_data["gender"]))


def _scope(request: HttpRequest) -> Scope:
    scope = report_scope(user=request.user)
    if scope is None:
        raise PermissionDenied
    return scope


def _place(scope: Scope, kwargs: dict) -> ListPlace | None:
    if "code" not in kwargs:
        return None
    try:
        return place_within(
            scope=scope, province=kwargs["code"], district=kwargs.get("district"), commune=kwargs.get("commune")
        )
    except PlaceNotFound:
        raise Http404 from None


def _codes(place: ListPlace | None) -> list[str]:
    if place is None:
        return []
    return [p.code for p in (place.province, place.district, place.commune) if p is not None]


def list_url(place: ListPlace | None, *, pdf: bool = False) -> str:
    return still_to_finish_list(*_codes(place), pdf=pdf)


def child_url(place: ListPlace | None, code: str) -> str | None:
    """The list of one of the places inside `place` (None for the row of learners with no place given)."""
    return still_to_finish_list(*_codes(place), code) if code else None


class StillToFinishView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "reports/still_to_finish.html"
    header_icon = "user"

    def dispatch(self, request, *args, **kwargs):
        self.scope = _scope(request)
        self.place = _place(self.scope, kwargs)
        self.form = StillToFinishForm(request.GET if request.GET else None)
        self.filters = self.form.filters()
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        if self.place is None:
            return _("Still to finish the course")
        return _("Still to finish in %(place)s") % {"place": self.place.name}

    def get_breadcrumbs_items(self):
        home = list(super().get_breadcrumbs_items())  # a copy: Wagtail's is a list shared by every admin view
        if self.place is None:
            return [*home, {"url": "", "label": _("Still to finish")}]
        steps = [ListPlace(self.place.province)]
        if self.place.district is not None:
            steps.append(ListPlace(self.place.province, self.place.district))
        if self.place.commune is not None:
            steps.append(self.place)
        above = [{"url": self._with_query(list_url(None)), "label": _("Still to finish")}] + [
            {"url": self._with_query(list_url(step)), "label": step.name} for step in steps[:-1]
        ]
        return [*home, *above, {"url": "", "label": steps[-1].name}]

    def _query(self) -> str:
        query = self.request.GET.copy()
        query.pop("page", None)
        return query.urlencode()

    def _with_query(self, url: str) -> str:
        query = self._query()
        return f"{url}?{query}" if query else url

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(form=self.form, place=self.place, national=self.scope.national, query=self._query(), areas=[])
        if self.place is None or self.place.child_level is not None:  # a commune's list is not split further
            areas = counts_by_area(scope=self.scope, filters=self.filters, place=self.place)
            context.update(
                areas=[(area, self._link(child_url(self.place, area.code))) for area in areas],
                area_level=self.place.child_level if self.place else "province",
                total=sum(area.count for area in areas),
            )
        if self.place is not None:
            learners = still_to_finish(scope=self.scope, filters=self.filters, place=self.place)
            page = Paginator(learners, PAGE_SIZE).get_page(self.request.GET.get("page"))
            context.update(
                page=page,
                total=page.paginator.count,
                groups=grouped(with_progress(list(page.object_list))),
                pdf_url=self._with_query(list_url(self.place, pdf=True)),
                printable=PRINTABLE_ROWS,
            )
        return context

    def _link(self, url: str | None) -> str | None:
        return self._with_query(url) if url else None


def still_to_finish_pdf_view(request: HttpRequest, **kwargs) -> HttpResponse:
    """The list of a province, district or commune, every page of it, to print for a visit."""
    scope = _scope(request)
    place = _place(scope, kwargs)
    form = StillToFinishForm(request.GET if request.GET else None)
    back = f"{list_url(place)}?{request.GET.urlencode()}" if request.GET else list_url(place)
    if form.is_bound and not form.is_valid():
        return redirect(back)  # the page says what is wrong with the filters
    filters = form.filters()
    learners = still_to_finish(scope=scope, filters=filters, place=place)
    count = learners.count()
    if count > PRINTABLE_ROWS:
        messages.error(request, TOO_LONG_TO_PRINT % {"count": count, "limit": PRINTABLE_ROWS})
        return redirect(back)
    content = still_to_finish_pdf(place=place, filters=filters, learners=list(learners))
    where = place.narrowest  # a gazetteer code holds its parents' (commune 070101 is in district 0701, province 07)
    name = f"still-to-finish-{where.code}-{slugify(where.name_en)}-{timezone.localdate().isoformat()}.pdf"
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"  # names and phone numbers, for signed-in coordinators
    return response
