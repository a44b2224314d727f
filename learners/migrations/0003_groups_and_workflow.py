"""The groups every deployment has, their permissions, and the two-trainer moderation workflow.

Learner: no admin access. Trainer: authors pages, images and documents in the Wagtail admin but cannot publish;
publication goes through "Second trainer approval" (another trainer approves). Coordinators: manage learners (scoped
to provinces in code, see learners.selectors). Administrator: everything in this app, users and publishing.
Places are readable by trainers and coordinators and writable by administrators only.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

LEARNER = "Learner"
TRAINER = "Trainer"
PROVINCIAL = "Provincial coordinator"
NATIONAL = "National coordinator"
ADMINISTRATOR = "Administrator"

VIEW_PLACES = [
    ("learners", "view_province"),
    ("learners", "view_district"),
    ("learners", "view_commune"),
]
MANAGE_LEARNERS = [
    ("wagtailadmin", "access_admin"),
    ("learners", "view_learnerprofile"),
    ("learners", "add_learnerprofile"),
    ("learners", "change_learnerprofile"),
    ("learners", "confirm_learner"),
    ("learners", "reset_learner_password"),
    ("learners", "import_learners"),
    ("learners", "unlock_learner"),
    ("learners", "export_learners"),
    ("learners", "view_importbatch"),
    *VIEW_PLACES,
]
AUTHORING = [
    ("wagtailadmin", "access_admin"),
    *VIEW_PLACES,
]
ADMINISTRATION = [
    *MANAGE_LEARNERS,
    ("learners", "add_province"),
    ("learners", "change_province"),
    ("learners", "add_district"),
    ("learners", "change_district"),
    ("learners", "delete_district"),
    ("learners", "add_commune"),
    ("learners", "change_commune"),
    ("learners", "delete_commune"),
    ("learners", "delete_learnerprofile"),
    ("learners", "change_coordinatorscope"),
    ("learners", "add_coordinatorscope"),
    ("learners", "view_coordinatorscope"),
    ("auth", "add_user"),
    ("auth", "change_user"),
    ("auth", "view_user"),
]
GROUP_PERMISSIONS = {
    LEARNER: [],
    TRAINER: AUTHORING,
    PROVINCIAL: MANAGE_LEARNERS,
    NATIONAL: MANAGE_LEARNERS,
    ADMINISTRATOR: ADMINISTRATION,
}
# Page permissions on the tree's root, so they hold for every page below.
PAGE_PERMISSIONS = {
    TRAINER: ["add_page", "change_page", "lock_page", "unlock_page"],
    ADMINISTRATOR: ["add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"],
}
COLLECTION_PERMISSIONS = {
    TRAINER: [
        ("wagtailimages", "add_image"),
        ("wagtailimages", "change_image"),
        ("wagtailimages", "choose_image"),
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "change_document"),
        ("wagtaildocs", "choose_document"),
    ],
}
COLLECTION_PERMISSIONS[ADMINISTRATOR] = [
    *COLLECTION_PERMISSIONS[TRAINER],
    ("wagtailimages", "delete_image"),
    ("wagtaildocs", "delete_document"),
]
TASK_NAME = "Second trainer approval"
WORKFLOW_NAME = "Two-trainer review"


def ensure_permissions(apps):
    # Permissions are normally created after all migrations ran; this migration needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def permission(apps, app_label, codename):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def create_groups(apps, schema_editor):
    ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    groups = {}
    for name, codes in GROUP_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(*[permission(apps, app_label, codename) for app_label, codename in codes])
        groups[name] = group

    root_page = Page.objects.filter(depth=1).first()
    if root_page is not None:
        for name, codenames in PAGE_PERMISSIONS.items():
            for codename in codenames:
                GroupPagePermission.objects.get_or_create(
                    group=groups[name], page=root_page, permission=permission(apps, "wagtailcore", codename)
                )
    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is not None:
        for name, codes in COLLECTION_PERMISSIONS.items():
            for app_label, codename in codes:
                GroupCollectionPermission.objects.get_or_create(
                    group=groups[name], collection=root_collection, permission=permission(apps, app_label, codename)
                )

    create_workflow(apps, trainers=groups[TRAINER], root_page=root_page)


def create_workflow(apps, *, trainers, root_page):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Task = apps.get_model("learners", "SecondTrainerApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")

    content_type, _created = ContentType.objects.get_or_create(app_label="learners", model="secondtrainerapprovaltask")
    task = Task.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = Task.objects.create(name=TASK_NAME, content_type=content_type, active=True)
    task.groups.add(trainers)
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    if root_page is not None:
        # Replaces Wagtail's default "Moderators approval" on the whole tree.
        WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})


def remove_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("learners", "SecondTrainerApprovalTask")
    Workflow.objects.filter(name=WORKFLOW_NAME).delete()
    Task.objects.filter(name=TASK_NAME).delete()
    Group.objects.filter(name__in=list(GROUP_PERMISSIONS)).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("learners", "0002_provinces"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
