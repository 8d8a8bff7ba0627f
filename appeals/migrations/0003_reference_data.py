from django.db import migrations


def load(apps, schema_editor):
    from appeals.reference import load_reference_data

    load_reference_data(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("appeals", "0002_search_index"),
        ("deadlines", "0001_initial"),
        ("accounts", "0001_initial"),
    ]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
