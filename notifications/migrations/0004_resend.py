# «Отправить ещё раз»: who asked and when, and the attempts before it (not counted against the limit).

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('notifications', '0003_hq_events'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='message',
            name='attempts_before_resend',
            field=models.PositiveSmallIntegerField(default=0, verbose_name='попыток до повторной отправки'),
        ),
        migrations.AddField(
            model_name='message',
            name='resent_at',
            field=models.DateTimeField(blank=True, null=True, verbose_name='отправлено ещё раз'),
        ),
        migrations.AddField(
            model_name='message',
            name='resent_by',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='кто отправил ещё раз'),
        ),
    ]
