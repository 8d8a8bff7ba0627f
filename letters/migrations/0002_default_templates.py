# The shipped words of each letter, for staff to edit in the admin.

from django.db import migrations


def add_defaults(apps, schema_editor):
    from letters.defaults import BODIES

    LetterTemplate = apps.get_model("letters", "LetterTemplate")
    for kind, body in BODIES.items():
        LetterTemplate.objects.get_or_create(kind=str(kind), defaults={"body": body})


def remove_defaults(apps, schema_editor):
    apps.get_model("letters", "LetterTemplate").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("letters", "0001_initial")]

    operations = [migrations.RunPython(add_defaults, remove_defaults)]
