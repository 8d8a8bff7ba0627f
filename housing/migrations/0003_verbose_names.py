"""Russian names for the admin: verbose names of models and fields (no change to the schema)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('housing', '0002_building_coordinates'),
    ]

    operations = [
        migrations.AlterField(
            model_name='building',
            name='search_key',
            field=models.CharField(db_index=True, editable=False, max_length=300, verbose_name='ключ поиска'),
        ),
    ]
