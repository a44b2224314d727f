"""The admin's form for the manual's pages: the slug is never a trainer's problem, and no error hides on a tab.

Wagtail's own form requires a slug and refuses one a sibling uses; its script fills the slug from the Khmer title,
which gives "-" or nothing. Here the slug may be left empty or be anything: it is made readable and unique
(curriculum.slugs). Should any field of the Promote tab still be refused, the error is also named in the banner at
the top of the editor, where a trainer on the Content tab sees it.
"""

from django.core.exceptions import NON_FIELD_ERRORS
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from .slugs import readable_slug

SLUG_HELP = _(
    "The page's name in its web address, in Latin letters. Leave it empty: it is made from the English title, "
    "or from the Khmer title written in Latin letters, and a number is added if another page here uses it."
)
PROMOTE_TAB_ERROR = _("Please check the Promote tab: %(fields)s.")
PROMOTE_FIELDS = ("slug", "seo_title", "search_description")


class ManualPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        slug = self.fields.get("slug")
        if slug is not None:
            slug.required = False
            slug.validators = []  # anything typed is turned into a readable slug instead of refused
            slug.help_text = SLUG_HELP

    def clean(self):
        if "slug" in self.fields:
            self.cleaned_data["slug"] = readable_slug(
                slug=self.cleaned_data.get("slug"),
                title_en=self.cleaned_data.get("title_en"),
                title_km=self.cleaned_data.get("title_km") or self.cleaned_data.get("title"),
                parent=self.parent_page,
                page=self.instance,
            )
        return super().clean()

    def _post_clean(self):
        super()._post_clean()
        refused = [
            str(self.fields[name].label)
            for name in self.errors
            if name != NON_FIELD_ERRORS and name.startswith(PROMOTE_FIELDS) and name in self.fields
        ]
        if refused:
            # A non-field error makes Wagtail's banner list every error with its field's label.
            self.add_error(None, PROMOTE_TAB_ERROR % {"fields": ", ".join(refused)})
