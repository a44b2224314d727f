"""Coordinators and administrators set training targets and read their history; trainers and learners get none.

Which provinces' targets each of them reaches is decided in code (reports.targets.selectors.target_provinces).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ("Provincial coordinator", "National coordinator", "Administrator")
CODENAMES = ["add_target", "change_target", "delete_target", "view_target", "view_targetchange"]


def ensure_permissions(apps):
    # Permissions are normally created after all migrations ran; this migration needs them now.
    app_config = apps.get_app_config("reports")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None


def grant(apps, schema_editor):
    ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = list(Permission.objects.filter(content_type__app_label="reports", codename__in=CODENAMES))
    for name in GROUPS:
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="reports", codename__in=CODENAMES)
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0001_initial"),
        ("learners", "0003_groups_and_workflow"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
