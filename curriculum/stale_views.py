"""Admin screens for translations to update: the report (Reports menu) and a trainer's confirmation.

Both are scoped to what the user may edit: pages through Wagtail's page permissions (a trainer's part of the
tree), quizzes through the model permission to change them.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from core.translated import field_in_language

from .translation_state import StaleTranslation, confirm_translation, stale_translations_of, tracked_models

CONFIRMED = _("Both languages of “%(title)s” are marked as saying the same.")
NOTHING_TO_CONFIRM = _("Nothing to confirm: no language of “%(title)s” is marked as behind.")


def _is_page_model(model) -> bool:
    return issubclass(model, Page)


def _may_change(user, model) -> bool:
    return user.has_perm(f"{model._meta.app_label}.change_{model._meta.model_name}")


def may_edit(user, obj) -> bool:
    if isinstance(obj, Page):
        return obj.permissions_for_user(user).can_edit()
    return _may_change(user, type(obj))


def visible_stale(user):
    """Stale translations of what `user` may edit."""
    page_types = [ContentType.objects.get_for_model(m) for m in tracked_models() if _is_page_model(m)]
    editable_pages = PagePermissionPolicy().instances_user_has_permission_for(user, "change").values("pk")
    scope = Q(content_type__in=page_types, object_id__in=editable_pages)
    for model in tracked_models():
        if not _is_page_model(model) and _may_change(user, model):
            scope |= Q(content_type=ContentType.objects.get_for_model(model))
    return StaleTranslation.objects.filter(scope, confirmed_at=None).select_related("changed_by")


def user_may_see_report(user) -> bool:
    if not user.is_active:
        return False
    if PagePermissionPolicy().instances_user_has_permission_for(user, "change").exists():
        return True
    return any(_may_change(user, m) for m in tracked_models() if not _is_page_model(m))


def attach_objects(rows, user) -> list:
    """Each row with its page or quiz (`row.obj`), title in the admin's language and edit link (a query per type)."""
    by_type: dict[int, list] = {}
    for row in rows:
        by_type.setdefault(row.content_type_id, []).append(row)
    finder = AdminURLFinder(user)
    for type_id, typed in by_type.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        objects = model.objects.in_bulk([row.object_id for row in typed]) if model else {}
        for row in typed:
            row.obj = objects.get(row.object_id)
            row.kind = model._meta.verbose_name if model else ""
            row.title = field_in_language(row.obj, "title") if row.obj else ""
            row.edit_url = finder.get_edit_url(row.obj) if row.obj else None
    return [row for row in rows if row.obj is not None]


class StaleTranslationsReport(ReportView):
    page_title = _("Translations to update")
    header_icon = "doc-full"
    template_name = "curriculum/admin/stale_report.html"
    results_template_name = "curriculum/admin/stale_report_results.html"
    index_url_name = "curriculum_stale_translations"
    index_results_url_name = "curriculum_stale_translations_results"
    no_results_message = _("Every translation is up to date.")
    paginate_by = 50

    def dispatch(self, request, *args, **kwargs):
        if not user_may_see_report(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return visible_stale(self.request.user)

    def decorate_paginated_queryset(self, object_list):
        return attach_objects(list(object_list), self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["next_url"] = self.request.get_full_path()
        return context


def _stale_object(content_type_id: int, object_id: int):
    content_type = get_object_or_404(ContentType, pk=content_type_id)
    model = content_type.model_class()
    if model is None or model not in tracked_models():
        raise Http404
    obj = get_object_or_404(model, pk=object_id)
    return obj.specific if isinstance(obj, Page) else obj


def confirm_view(request, content_type_id: int, object_id: int):
    """GET: what is being confirmed; POST: confirm it. Only for users who may edit the page or quiz."""
    obj = _stale_object(content_type_id, object_id)
    if not may_edit(request.user, obj):
        raise PermissionDenied
    title = field_in_language(obj, "title")
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = ""
    next_url = next_url or reverse("curriculum_stale_translations")
    if request.method == "POST":
        if confirm_translation(obj=obj, user=request.user):
            messages.success(request, CONFIRMED % {"title": title})
        else:
            messages.info(request, NOTHING_TO_CONFIRM % {"title": title})
        return redirect(next_url)
    rows = attach_objects(list(stale_translations_of(obj)), request.user)
    return TemplateResponse(
        request,
        "curriculum/admin/stale_confirm.html",
        {"object": obj, "title": title, "rows": rows, "next_url": next_url, "page_title": _("Confirm translation")},
    )
