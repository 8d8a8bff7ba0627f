# The Regional HQ's letter and the resident's confirmation of their appeal to it, with their default words.

from django.db import migrations, models

NEW_EVENTS = ("hq_confirmation", "hq_request")


def add_defaults(apps, schema_editor):
    from notifications.defaults import TEMPLATES

    Template = apps.get_model("notifications", "Template")
    for event, channel, subject, body in TEMPLATES:
        if event in NEW_EVENTS:
            Template.objects.get_or_create(event=event, channel=channel, defaults={"subject": subject, "body": body})


def remove_defaults(apps, schema_editor):
    apps.get_model("notifications", "Template").objects.filter(event__in=NEW_EVENTS).delete()


class Migration(migrations.Migration):

    dependencies = [
        ('notifications', '0002_default_templates'),
    ]

    operations = [
        migrations.AlterField(
            model_name='message',
            name='event',
            field=models.CharField(choices=[('registered', 'Обращение зарегистрировано'), ('clarification', 'Нужны уточнения'), ('extended', 'Срок продлён'), ('answered', 'Дан ответ'), ('refused', 'Отказ'), ('status', 'Изменился статус'), ('invoice', 'Счёт на оплату'), ('hq_confirmation', 'Обращение в Региональный штаб принято'), ('hq_request', 'Письмо в Региональный штаб'), ('digest', 'Сводка сроков для сотрудника')], max_length=30, verbose_name='событие'),
        ),
        migrations.AlterField(
            model_name='template',
            name='event',
            field=models.CharField(choices=[('registered', 'Обращение зарегистрировано'), ('clarification', 'Нужны уточнения'), ('extended', 'Срок продлён'), ('answered', 'Дан ответ'), ('refused', 'Отказ'), ('status', 'Изменился статус'), ('invoice', 'Счёт на оплату'), ('hq_confirmation', 'Обращение в Региональный штаб принято'), ('hq_request', 'Письмо в Региональный штаб'), ('digest', 'Сводка сроков для сотрудника')], max_length=30, verbose_name='событие'),
        ),
        migrations.RunPython(add_defaults, remove_defaults),
    ]
