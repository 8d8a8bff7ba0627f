
# The applicant's satisfaction survey after an answer (the quality app), with its default words.

from django.db import migrations, models

NEW_EVENTS = ("survey",)


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
        ('notifications', '0005_letter_event'),
    ]

    operations = [
        migrations.AlterField(
            model_name='message',
            name='event',
            field=models.CharField(choices=[('registered', 'Обращение зарегистрировано'), ('clarification', 'Нужны уточнения'), ('extended', 'Срок продлён'), ('answered', 'Дан ответ'), ('refused', 'Отказ'), ('status', 'Изменился статус'), ('survey', 'Опрос о качестве ответа'), ('invoice', 'Счёт на оплату'), ('letter', 'Письмо заявителю (PDF)'), ('hq_confirmation', 'Обращение в Региональный штаб принято'), ('hq_request', 'Письмо в Региональный штаб'), ('digest', 'Сводка сроков для сотрудника')], max_length=30, verbose_name='событие'),
        ),
        migrations.AlterField(
            model_name='template',
            name='event',
            field=models.CharField(choices=[('registered', 'Обращение зарегистрировано'), ('clarification', 'Нужны уточнения'), ('extended', 'Срок продлён'), ('answered', 'Дан ответ'), ('refused', 'Отказ'), ('status', 'Изменился статус'), ('survey', 'Опрос о качестве ответа'), ('invoice', 'Счёт на оплату'), ('letter', 'Письмо заявителю (PDF)'), ('hq_confirmation', 'Обращение в Региональный штаб принято'), ('hq_request', 'Письмо в Региональный штаб'), ('digest', 'Сводка сроков для сотрудника')], max_length=30, verbose_name='событие'),
        ),
        migrations.RunPython(add_defaults, remove_defaults),
    ]
