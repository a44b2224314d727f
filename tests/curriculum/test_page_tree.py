"""The manual's page tree: modules only under the manual, lessons only under modules, nothing under lessons."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from curriculum.blocks import RICH_TEXT_FEATURES
from curriculum.models import LessonPage, ManualPage, ModulePage
from tests.factories import LessonPageFactory, ManualPageFactory, ModulePageFactory, make_site_root


class PageTreeRulesTests(WagtailPageTestCase):
    def test_manual_sits_at_the_top_and_holds_only_modules(self):
        self.assertAllowedParentPageTypes(ManualPage, {Page})
        self.assertAllowedSubpageTypes(ManualPage, {ModulePage})

    def test_module_sits_only_under_the_manual_and_holds_only_lessons(self):
        self.assertAllowedParentPageTypes(ModulePage, {ManualPage})
        self.assertAllowedSubpageTypes(ModulePage, {LessonPage})

    def test_lesson_sits_only_under_a_module_and_holds_nothing(self):
        self.assertAllowedParentPageTypes(LessonPage, {ModulePage})
        self.assertAllowedSubpageTypes(LessonPage, set())

    def test_allowed_placements(self):
        self.assertCanCreateAt(Page, ManualPage)
        self.assertCanCreateAt(ManualPage, ModulePage)
        self.assertCanCreateAt(ModulePage, LessonPage)

    def test_forbidden_placements(self):
        for parent, child in [
            (Page, ModulePage),
            (Page, LessonPage),
            (ManualPage, ManualPage),
            (ManualPage, LessonPage),
            (ModulePage, ManualPage),
            (ModulePage, ModulePage),
            (LessonPage, ManualPage),
            (LessonPage, ModulePage),
            (LessonPage, LessonPage),
        ]:
            with self.subTest(parent=parent.__name__, child=child.__name__):
                self.assertCanNotCreateAt(parent, child)


class PageCreationTests(WagtailPageTestCase):
    """Each page type can be created through the admin where the tree allows it, in both languages."""

    @classmethod
    def setUpTestData(cls):
        cls.root = Page.get_first_root_node()
        cls.manual = ManualPageFactory(parent=cls.root)
        make_site_root(cls.manual)
        cls.module = ModulePageFactory(parent=cls.manual, number=1, slug="module-one")

    def setUp(self):
        self.login()

    def test_can_create_manual(self):
        self.assertCanCreate(
            self.root,
            ManualPage,
            nested_form_data(
                {
                    "title_km": "សៀវភៅណែនាំថ្មី",
                    "title_en": "New manual",
                    "slug": "new-manual",
                    "introduction_km": rich_text("<p>សេចក្ដីផ្ដើម</p>", features=RICH_TEXT_FEATURES),
                    "introduction_en": rich_text("<p>Introduction</p>", features=RICH_TEXT_FEATURES),
                    "audience_km": rich_text("", features=RICH_TEXT_FEATURES),
                    "audience_en": rich_text("", features=RICH_TEXT_FEATURES),
                }
            ),
        )
        self.assertTrue(ManualPage.objects.filter(slug="new-manual", title_en="New manual").exists())

    def test_can_create_module(self):
        self.assertCanCreate(
            self.manual,
            ModulePage,
            nested_form_data(
                {
                    "title_km": "ម៉ូឌុលថ្មី",
                    "title_en": "New module",
                    "slug": "new-module",
                    "number": "2",
                    "estimated_minutes": "25",
                    "audience_roles": ["police_officer"],
                    "summary_km": "សេចក្ដីសង្ខេប",
                    "summary_en": "Summary",
                    "learning_objectives_km": "",
                    "learning_objectives_en": "",
                }
            ),
        )
        self.assertTrue(ModulePage.objects.child_of(self.manual).filter(slug="new-module").exists())

    def test_can_create_lesson(self):
        self.assertCanCreate(
            self.module,
            LessonPage,
            nested_form_data(
                {
                    "title_km": "មេរៀនថ្មី",
                    "title_en": "New lesson",
                    "slug": "new-lesson",
                    "summary_km": "",
                    "summary_en": "",
                    "body_km": streamfield([("text", rich_text("<p>ស្ត្រី</p>", features=RICH_TEXT_FEATURES))]),
                    "body_en": streamfield([("text", rich_text("<p>Women</p>", features=RICH_TEXT_FEATURES))]),
                }
            ),
        )
        self.assertTrue(LessonPage.objects.child_of(self.module).filter(slug="new-lesson").exists())

    def test_each_page_type_renders_and_is_editable(self):
        # (assertPageIsRoutable does not apply: it routes the /km/ prefix as if it were a page slug.)
        lesson = LessonPageFactory(parent=self.module, slug="lesson-one")
        # The StreamFields' form is drawn by JavaScript, so the lesson's edit data is given, not read from the HTML.
        lesson_data = nested_form_data(
            {
                "title_km": "មេរៀន",
                "title_en": "Lesson",
                "slug": "lesson-one",
                "body_km": streamfield([("text", rich_text("<p>ព្រះ</p>", features=RICH_TEXT_FEATURES))]),
                "body_en": streamfield([]),
            }
        )
        for page, post_data in ((self.manual, None), (self.module, None), (lesson, lesson_data)):
            with self.subTest(page=type(page).__name__):
                self.assertPageIsRenderable(page)
                self.assertPageIsEditable(page, post_data=post_data)
