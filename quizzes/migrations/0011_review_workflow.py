"""Quizzes keep drafts and revisions and go through the "Two-trainer review" as pages do.

Schema: Wagtail's draft, lock and revision columns on Quiz, and the quiz version each attempt was started on.
Data: every existing quiz stays live, with its content as its first (published) revision; the review workflow
(learners 0003) is assigned to quizzes; trainers may add, change, lock and unlock quizzes and administrators also
delete them. Nobody holds "publish" on quizzes (quizzes.wagtail_hooks.ReviewedQuizPermissionPolicy).
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models
from django.utils import timezone
from modelcluster.models import get_serializable_data_for_fields

TRAINER = "Trainer"
ADMINISTRATOR = "Administrator"
WORKFLOW_NAME = "Two-trainer review"
TRAINER_ACTIONS = ["add", "change", "view", "lock", "unlock"]
GROUP_ACTIONS = {TRAINER: TRAINER_ACTIONS, ADMINISTRATOR: [*TRAINER_ACTIONS, "delete"]}
# Made by Wagtail after migrations for snippets with locking; this migration needs them now.
EXTRA_PERMISSIONS = {"lock": "Can lock quiz", "unlock": "Can unlock quiz"}


def _quiz_content_type(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    return ContentType.objects.get_or_create(app_label="quizzes", model="quiz")[0]


def _permissions(apps, content_type):
    Permission = apps.get_model("auth", "Permission")
    for action, name in [
        ("add", "Can add quiz"),
        ("change", "Can change quiz"),
        ("delete", "Can delete quiz"),
        ("view", "Can view quiz"),
        *EXTRA_PERMISSIONS.items(),
    ]:
        Permission.objects.get_or_create(content_type=content_type, codename=f"{action}_quiz", defaults={"name": name})
    return {p.codename: p for p in Permission.objects.filter(content_type=content_type)}


def _content(quiz, Question, Choice) -> dict:
    """The quiz as a revision holds it (as modelcluster's ClusterableModel.serializable_data writes it)."""
    content = get_serializable_data_for_fields(quiz)
    content["questions"] = []
    for question in Question.objects.filter(quiz=quiz).order_by("sort_order", "pk"):
        data = get_serializable_data_for_fields(question)
        choices = Choice.objects.filter(question=question).order_by("sort_order", "pk")
        data["choices"] = [get_serializable_data_for_fields(choice) for choice in choices]
        content["questions"].append(data)
    return content


def quizzes_reviewed(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Quiz = apps.get_model("quizzes", "Quiz")
    Question = apps.get_model("quizzes", "Question")
    Choice = apps.get_model("quizzes", "Choice")
    Revision = apps.get_model("wagtailcore", "Revision")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")

    content_type = _quiz_content_type(apps)
    permissions = _permissions(apps, content_type)
    for name, actions in GROUP_ACTIONS.items():
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.add(*[permissions[f"{action}_quiz"] for action in actions])

    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is not None:
        WorkflowContentType.objects.update_or_create(content_type=content_type, defaults={"workflow": workflow})

    now = timezone.now()
    for quiz in Quiz.objects.filter(latest_revision__isnull=True).order_by("pk"):
        published_at = quiz.updated_at or now
        revision = Revision.objects.create(
            content_type=content_type,
            base_content_type=content_type,
            object_id=str(quiz.pk),
            created_at=published_at,
            object_str=quiz.title or "",
            content=_content(quiz, Question, Choice),
        )
        Quiz.objects.filter(pk=quiz.pk).update(
            live=True,
            has_unpublished_changes=False,
            latest_revision=revision,
            live_revision=revision,
            first_published_at=published_at,
            last_published_at=published_at,
        )


def quizzes_unreviewed(apps, schema_editor):
    """Back: the workflow no longer applies to quizzes and the groups lose the quiz permissions (the columns
    holding revisions go with the schema)."""
    Group = apps.get_model("auth", "Group")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    content_type = _quiz_content_type(apps)
    WorkflowContentType.objects.filter(content_type=content_type).delete()
    permissions = _permissions(apps, content_type)
    for name in GROUP_ACTIONS:
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.remove(*permissions.values())


class Migration(migrations.Migration):
    dependencies = [
        ("learners", "0003_groups_and_workflow"),
        ("quizzes", "0010_content_versions"),
        ("wagtailcore", "0098_apitoken"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="attempt",
            name="quiz_revision",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="wagtailcore.revision",
                verbose_name="quiz version",
            ),
        ),
        migrations.AddField(
            model_name="quiz",
            name="expire_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="expiry date/time"),
        ),
        migrations.AddField(
            model_name="quiz",
            name="expired",
            field=models.BooleanField(default=False, editable=False, verbose_name="expired"),
        ),
        migrations.AddField(
            model_name="quiz",
            name="first_published_at",
            field=models.DateTimeField(blank=True, db_index=True, null=True, verbose_name="first published at"),
        ),
        migrations.AddField(
            model_name="quiz",
            name="go_live_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="go live date/time"),
        ),
        migrations.AddField(
            model_name="quiz",
            name="has_unpublished_changes",
            field=models.BooleanField(default=False, editable=False, verbose_name="has unpublished changes"),
        ),
        migrations.AddField(
            model_name="quiz",
            name="last_published_at",
            field=models.DateTimeField(editable=False, null=True, verbose_name="last published at"),
        ),
        migrations.AddField(
            model_name="quiz",
            name="latest_revision",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="wagtailcore.revision",
                verbose_name="latest revision",
            ),
        ),
        migrations.AddField(
            model_name="quiz",
            name="live",
            field=models.BooleanField(default=True, editable=False, verbose_name="live"),
        ),
        migrations.AddField(
            model_name="quiz",
            name="live_revision",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="wagtailcore.revision",
                verbose_name="live revision",
            ),
        ),
        migrations.AddField(
            model_name="quiz",
            name="locked",
            field=models.BooleanField(default=False, editable=False, verbose_name="locked"),
        ),
        migrations.AddField(
            model_name="quiz",
            name="locked_at",
            field=models.DateTimeField(editable=False, null=True, verbose_name="locked at"),
        ),
        migrations.AddField(
            model_name="quiz",
            name="locked_by",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="locked_%(class)ss",
                to=settings.AUTH_USER_MODEL,
                verbose_name="locked by",
            ),
        ),
        migrations.RunPython(quizzes_reviewed, quizzes_unreviewed),
    ]
