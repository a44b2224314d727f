# Failures are counted per account key (existing or not), address and pair; rows older than the lockout window
# no longer count, so the few existing ones are dropped rather than given a made-up key.

from django.db import migrations, models


def forget_old_failures(apps, schema_editor):
    apps.get_model("learners", "SignInFailure").objects.all().delete()


class Migration(migrations.Migration):

    dependencies = [
        ("learners", "0006_trainer_source"),
    ]

    operations = [
        migrations.RunPython(forget_old_failures, migrations.RunPython.noop),
        migrations.RemoveIndex(model_name="signinfailure", name="learners_si_user_id_4e3941_idx"),
        migrations.RemoveIndex(model_name="signinfailure", name="learners_si_address_a4d092_idx"),
        migrations.AddField(
            model_name="signinfailure",
            name="account",
            field=models.CharField(default="", max_length=160, verbose_name="account"),
            preserve_default=False,
        ),
        migrations.AddIndex(
            model_name="signinfailure",
            index=models.Index(fields=["account", "address", "created_at"], name="signin_fail_account_addr"),
        ),
        migrations.AddIndex(
            model_name="signinfailure",
            index=models.Index(fields=["address", "created_at"], name="signin_fail_address"),
        ),
    ]
