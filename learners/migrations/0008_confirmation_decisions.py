# Coordinators' decisions on learners' claims (rejections with their reason, undone rejections), and the indexes the
# coordinators' learner list reads its pages from.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("learners", "0007_signin_failure_account"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="ConfirmationDecision",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "decision",
                    models.CharField(
                        choices=[
                            ("confirmed", "Confirmed"),
                            ("rejected", "Rejected"),
                            ("reopened", "Rejection undone"),
                        ],
                        max_length=10,
                        verbose_name="decision",
                    ),
                ),
                ("reason", models.TextField(blank=True, max_length=500, verbose_name="reason")),
                ("decided_at", models.DateTimeField(verbose_name="decided at")),
                (
                    "decided_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="decided by",
                    ),
                ),
                (
                    "profile",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="decisions",
                        to="learners.learnerprofile",
                        verbose_name="learner",
                    ),
                ),
            ],
            options={
                "verbose_name": "confirmation decision",
                "verbose_name_plural": "confirmation decisions",
                "ordering": ["-decided_at", "-pk"],
                "indexes": [models.Index(fields=["profile", "-decided_at"], name="confirmation_decision_latest")],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(("decision", "rejected"), _negated=True),
                            models.Q(("reason", ""), _negated=True),
                            _connector="OR",
                        ),
                        name="confirmation_rejection_has_reason",
                    )
                ],
            },
        ),
        migrations.AddIndex(
            model_name="learnerprofile",
            index=models.Index(fields=["province", "full_name_km", "id"], name="learner_list_by_name"),
        ),
        migrations.AddIndex(
            model_name="learnerprofile",
            index=models.Index(fields=["training_active_on", "id"], name="learner_list_by_activity"),
        ),
    ]
