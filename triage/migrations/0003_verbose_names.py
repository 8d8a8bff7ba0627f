"""Russian names for the admin: verbose names of models and fields (no change to the schema)."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('appeals', '0005_appeal_open_idx'),
        ('triage', '0002_default_faq'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='faqentry',
            options={'ordering': ['order', 'id'], 'verbose_name': 'частый вопрос', 'verbose_name_plural': 'частые вопросы'},
        ),
        migrations.AlterField(
            model_name='correction',
            name='appeal',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='triage_corrections', to='appeals.appeal', verbose_name='обращение'),
        ),
        migrations.AlterField(
            model_name='correction',
            name='at',
            field=models.DateTimeField(default=django.utils.timezone.now, verbose_name='когда'),
        ),
        migrations.AlterField(
            model_name='decision',
            name='appeal',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='triage_decisions', to='appeals.appeal', verbose_name='обращение'),
        ),
        migrations.AlterField(
            model_name='decision',
            name='created_at',
            field=models.DateTimeField(default=django.utils.timezone.now, verbose_name='когда'),
        ),
        migrations.AlterField(
            model_name='faqentry',
            name='updated_at',
            field=models.DateTimeField(auto_now=True, verbose_name='изменён'),
        ),
        migrations.AlterField(
            model_name='incidentappeal',
            name='appeal',
            field=models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='incident_link', to='appeals.appeal', verbose_name='обращение'),
        ),
        migrations.AlterField(
            model_name='incidentappeal',
            name='incident',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='memberships', to='triage.incident', verbose_name='инцидент'),
        ),
        migrations.AlterField(
            model_name='incidentappeal',
            name='linked_at',
            field=models.DateTimeField(default=django.utils.timezone.now, verbose_name='добавлено'),
        ),
        migrations.AlterField(
            model_name='incidentappeal',
            name='linked_by',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, to=settings.AUTH_USER_MODEL, verbose_name='кто добавил'),
        ),
    ]
