"""Russian names for the admin: verbose names of models and fields (no change to the schema)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('api', '0001_idempotency_key'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterField(
            model_name='idempotencykey',
            name='created_at',
            field=models.DateTimeField(auto_now_add=True, db_index=True, verbose_name='получен'),
        ),
        migrations.AlterField(
            model_name='idempotencykey',
            name='key',
            field=models.CharField(max_length=200, verbose_name='ключ'),
        ),
        migrations.AlterField(
            model_name='idempotencykey',
            name='request_hash',
            field=models.CharField(max_length=64, verbose_name='хеш запроса'),
        ),
        migrations.AlterField(
            model_name='idempotencykey',
            name='response_body',
            field=models.JSONField(verbose_name='тело ответа'),
        ),
        migrations.AlterField(
            model_name='idempotencykey',
            name='response_status',
            field=models.PositiveSmallIntegerField(verbose_name='код ответа'),
        ),
        migrations.AlterField(
            model_name='idempotencykey',
            name='user',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='пользователь'),
        ),
    ]
