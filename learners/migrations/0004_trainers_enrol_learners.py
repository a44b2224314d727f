"""Trainers enrol the people at their workshops and hand them a password in person.

They see only the learners they created (learners.selectors.learners_for), so no one else's personal data.
"""

from django.db import migrations

TRAINER = "Trainer"
CODENAMES = ["view_learnerprofile", "add_learnerprofile", "reset_learner_password"]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=TRAINER)
    group.permissions.add(*Permission.objects.filter(content_type__app_label="learners", codename__in=CODENAMES))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=TRAINER).first()
    if group is not None:
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="learners", codename__in=CODENAMES)
        )


class Migration(migrations.Migration):
    dependencies = [("learners", "0003_groups_and_workflow")]

    operations = [migrations.RunPython(grant, revoke)]
