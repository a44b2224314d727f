# Which account decisions each learner has been shown (each is shown once), and the reminders texted to learners
# (one per learner in a chosen number of days).

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('learners', '0008_confirmation_decisions'),
    ]

    operations = [
        migrations.CreateModel(
            name='DecisionSeen',
            fields=[
                ('decision', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='seen', serialize=False, to='learners.confirmationdecision', verbose_name='decision')),
                ('seen_at', models.DateTimeField(auto_now_add=True, verbose_name='seen at')),
            ],
            options={
                'verbose_name': 'decision seen by the learner',
                'verbose_name_plural': 'decisions seen by learners',
            },
        ),
        migrations.CreateModel(
            name='TextReminder',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('phone', models.CharField(max_length=16, verbose_name='phone number')),
                ('sent_at', models.DateTimeField(db_index=True, verbose_name='sent at')),
                ('profile', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='text_reminders', to='learners.learnerprofile', verbose_name='learner')),
            ],
            options={
                'verbose_name': 'text reminder',
                'verbose_name_plural': 'text reminders',
                'ordering': ['-sent_at'],
            },
        ),
    ]
