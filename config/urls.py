"""URL configuration: the admin outside the language prefix, everything readers see under /km/ or /en/."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from core import help as core_help
from core import offline as core_offline
from core import views as core_views
from core import web_manifest as core_web_manifest
from curriculum import views as curriculum_views
from quizzes import certificate_views
from search import views as search_views

handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"

urlpatterns = [
    path("", core_views.root_redirect, name="root"),
    path("health/", core_views.health, name="health"),
    # The service worker controls the paths below its own URL, so it is served from the root.
    path("sw.js", core_offline.service_worker, name="service_worker"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    # What a certificate's QR code holds: language-neutral, redirects to /km/verify/<code>/ or /en/...
    path("verify/<str:code>/", certificate_views.verify_short, name="certificate_verify_short"),
]

if settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.+)$", core_views.media, name="media"),
    ]

urlpatterns += i18n_patterns(
    path("offline/", core_offline.offline_page, name="offline"),
    path("help/", core_help.help_page, name="help"),
    path("manifest.webmanifest", core_web_manifest.web_manifest, name="web_manifest"),
    path("words/", curriculum_views.glossary, name="glossary"),
    path("search/", search_views.search_page, name="search"),
    path("", include("quizzes.urls")),
    path("account/two-factor/", include("learners.two_factor_views")),
    path("", include("learners.urls")),
    path("workshops/", include("workshops.urls")),
    path("", include("workshops.pack_urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
