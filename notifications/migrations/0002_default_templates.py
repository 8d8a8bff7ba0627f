from django.db import migrations


def add_defaults(apps, schema_editor):
    from notifications.defaults import TEMPLATES

    Template = apps.get_model("notifications", "Template")
    for event, channel, subject, body in TEMPLATES:
        Template.objects.get_or_create(event=event, channel=channel, defaults={"subject": subject, "body": body})


def remove_defaults(apps, schema_editor):
    apps.get_model("notifications", "Template").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("notifications", "0001_messages_and_templates")]

    operations = [migrations.RunPython(add_defaults, remove_defaults)]
