"""Russian names for the admin: verbose names of models and fields (no change to the schema)."""

import appeals.models
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('appeals', '0007_notification_created_idx'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='appealevent',
            options={'ordering': ['at', 'id'], 'verbose_name': 'запись истории обращения', 'verbose_name_plural': 'история обращений'},
        ),
        migrations.AlterModelOptions(
            name='notification',
            options={'ordering': ['-created_at', '-id'], 'verbose_name': 'уведомление', 'verbose_name_plural': 'уведомления'},
        ),
        migrations.AlterModelOptions(
            name='numbersequence',
            options={'verbose_name': 'счётчик номеров', 'verbose_name_plural': 'счётчики номеров'},
        ),
        migrations.AlterModelOptions(
            name='personaldataaccess',
            options={'ordering': ['-at', '-id'], 'verbose_name': 'запись о доступе к персональным данным', 'verbose_name_plural': 'журнал доступа к персональным данным'},
        ),
        migrations.AlterField(
            model_name='appeal',
            name='created_at',
            field=models.DateTimeField(auto_now_add=True, verbose_name='создано'),
        ),
        migrations.AlterField(
            model_name='appeal',
            name='search_lemmas',
            field=models.TextField(blank=True, editable=False, verbose_name='леммы для поиска'),
        ),
        migrations.AlterField(
            model_name='appeal',
            name='updated_at',
            field=models.DateTimeField(auto_now=True, verbose_name='изменено'),
        ),
        migrations.AlterField(
            model_name='appealevent',
            name='action',
            field=models.CharField(max_length=40, verbose_name='действие'),
        ),
        migrations.AlterField(
            model_name='appealevent',
            name='actor',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, to=settings.AUTH_USER_MODEL, verbose_name='кто'),
        ),
        migrations.AlterField(
            model_name='appealevent',
            name='appeal',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='events', to='appeals.appeal', verbose_name='обращение'),
        ),
        migrations.AlterField(
            model_name='appealevent',
            name='at',
            field=models.DateTimeField(default=django.utils.timezone.now, verbose_name='когда'),
        ),
        migrations.AlterField(
            model_name='appealevent',
            name='field',
            field=models.CharField(blank=True, max_length=40, verbose_name='поле'),
        ),
        migrations.AlterField(
            model_name='appealevent',
            name='is_public',
            field=models.BooleanField(default=False, verbose_name='видно заявителю'),
        ),
        migrations.AlterField(
            model_name='appealevent',
            name='new_value',
            field=models.TextField(blank=True, verbose_name='стало'),
        ),
        migrations.AlterField(
            model_name='appealevent',
            name='note',
            field=models.TextField(blank=True, verbose_name='примечание'),
        ),
        migrations.AlterField(
            model_name='appealevent',
            name='old_value',
            field=models.TextField(blank=True, verbose_name='было'),
        ),
        migrations.AlterField(
            model_name='applicant',
            name='created_at',
            field=models.DateTimeField(default=django.utils.timezone.now, verbose_name='добавлен'),
        ),
        migrations.AlterField(
            model_name='applicant',
            name='name_key',
            field=models.CharField(db_index=True, editable=False, max_length=300, verbose_name='ключ поиска по ФИО'),
        ),
        migrations.AlterField(
            model_name='attachment',
            name='appeal',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='attachments', to='appeals.appeal', verbose_name='обращение'),
        ),
        migrations.AlterField(
            model_name='attachment',
            name='content_type',
            field=models.CharField(max_length=100, verbose_name='тип файла'),
        ),
        migrations.AlterField(
            model_name='attachment',
            name='file',
            field=models.FileField(upload_to=appeals.models.attachment_path, verbose_name='файл'),
        ),
        migrations.AlterField(
            model_name='attachment',
            name='size',
            field=models.PositiveIntegerField(verbose_name='размер, байт'),
        ),
        migrations.AlterField(
            model_name='attachment',
            name='uploaded_at',
            field=models.DateTimeField(default=django.utils.timezone.now, verbose_name='загружено'),
        ),
        migrations.AlterField(
            model_name='attachment',
            name='uploaded_by',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, to=settings.AUTH_USER_MODEL, verbose_name='кто загрузил'),
        ),
        migrations.AlterField(
            model_name='notification',
            name='appeal',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='notifications', to='appeals.appeal', verbose_name='обращение'),
        ),
        migrations.AlterField(
            model_name='notification',
            name='created_at',
            field=models.DateTimeField(default=django.utils.timezone.now, verbose_name='создано'),
        ),
        migrations.AlterField(
            model_name='notification',
            name='due',
            field=models.DateTimeField(blank=True, null=True, verbose_name='срок'),
        ),
        migrations.AlterField(
            model_name='notification',
            name='kind',
            field=models.CharField(choices=[('assigned', 'Назначено вам'), ('due_soon', 'Срок истекает'), ('overdue', 'Срок нарушен')], max_length=20, verbose_name='вид'),
        ),
        migrations.AlterField(
            model_name='notification',
            name='read_at',
            field=models.DateTimeField(blank=True, null=True, verbose_name='прочитано'),
        ),
        migrations.AlterField(
            model_name='notification',
            name='user',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='notifications', to=settings.AUTH_USER_MODEL, verbose_name='сотрудник'),
        ),
        migrations.AlterField(
            model_name='numbersequence',
            name='last',
            field=models.PositiveIntegerField(default=0, verbose_name='последний номер'),
        ),
        migrations.AlterField(
            model_name='numbersequence',
            name='year',
            field=models.PositiveIntegerField(primary_key=True, serialize=False, verbose_name='год'),
        ),
        migrations.AlterField(
            model_name='outgoingrequest',
            name='appeal',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='outgoing_requests', to='appeals.appeal', verbose_name='обращение'),
        ),
        migrations.AlterField(
            model_name='outgoingrequest',
            name='created_by',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, to=settings.AUTH_USER_MODEL, verbose_name='кто отправил'),
        ),
        migrations.AlterField(
            model_name='personaldataaccess',
            name='at',
            field=models.DateTimeField(db_index=True, default=django.utils.timezone.now, verbose_name='когда'),
        ),
    ]
