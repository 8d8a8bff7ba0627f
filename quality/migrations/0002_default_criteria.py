# The scoring form's default criteria (quality/defaults.py); staff edit them and their weights in the admin.

from django.db import migrations


def add(apps, schema_editor):
    from quality.defaults import load_criteria

    load_criteria(apps.get_model("quality", "Criterion"))


def remove(apps, schema_editor):
    from quality.defaults import CRITERIA

    apps.get_model("quality", "Criterion").objects.filter(code__in=[c[0] for c in CRITERIA]).delete()


class Migration(migrations.Migration):

    dependencies = [("quality", "0001_reviews_and_surveys")]

    operations = [migrations.RunPython(add, remove)]
