"""Routing and navigation for the manual's pages in a fixed, small number of queries.

Wagtail's default routing costs two queries per URL segment and its view-restriction check two more;
on slow, busy servers every lesson view counts, so the manual resolves a lesson directly by its URL
path (the page tree rules fix which page type lives at which depth) and reads its ancestors and
siblings in one query that also serves the breadcrumb, previous/next links and view restrictions.
"""

from django.db.models import Q
from django.http import Http404
from django.utils.functional import cached_property
from wagtail.models import Page, PageViewRestriction
from wagtail.url_routing import RouteResult


def route_descendant(root: Page, request, path_components: list[str], models_by_depth: dict[int, type]):
    """Resolve `path_components` below `root` with one query when the page type at that depth is known.

    Returns None when the fast path does not apply, so the caller falls back to Wagtail's own routing
    (which also handles sub-routes a page type may add).
    """
    model = models_by_depth.get(len(path_components))
    if model is None:
        return None
    url_path = root.url_path + "/".join(path_components) + "/"
    page = model.objects.filter(url_path=url_path, path__startswith=root.path).first()
    if page is None:
        return None
    if not page.live:
        raise Http404
    return RouteResult(page)


class TreeNeighbourhoodMixin:
    """Ancestors and live siblings of a page, read once and shared.

    tests/curriculum/test_routing.py checks that pages, 404s and view restrictions come out as with Wagtail's
    own routing, for every kind of page and restriction."""

    @cached_property
    def _neighbourhood(self) -> list[Page]:
        steplen = Page.steplen
        # The tree root too: never shown, but a view restriction set there covers every page, as in Wagtail.
        ancestor_paths = [self.path[: steplen * depth] for depth in range(1, self.depth)]
        parent_path = self.path[:-steplen]
        query = Q(path__in=ancestor_paths) | Q(path__startswith=parent_path, depth=self.depth, live=True)
        return list(Page.objects.filter(query).order_by("path"))

    @property
    def tree_ancestors(self) -> list[Page]:
        """Ancestors below the tree root (the manual, then the module), for breadcrumbs and progress."""
        return [page for page in self._neighbourhood if 1 < page.depth < self.depth]

    @property
    def tree_siblings(self) -> list[Page]:
        """Live pages beside this one (itself included, live or not), in tree order."""
        siblings = [page for page in self._neighbourhood if page.depth == self.depth and page.pk != self.pk]
        return sorted([*siblings, self], key=lambda page: page.path)

    @cached_property
    def _view_restrictions(self):
        pages = [self, *(page for page in self._neighbourhood if page.depth < self.depth)]
        if any(page.alias_of_id for page in pages):
            return super().get_view_restrictions()  # aliases take their source page's restrictions
        return PageViewRestriction.objects.filter(page_id__in=[page.pk for page in pages])

    def get_view_restrictions(self):
        """One queryset per page object, so every check in a request (the lesson-reading hook, then Wagtail's
        own) reads the restrictions once."""
        return self._view_restrictions
