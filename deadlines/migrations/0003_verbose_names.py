"""Russian names for the admin: verbose names of models and fields (no change to the schema)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('deadlines', '0002_drop_proposal_norm'),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='calendaroverride',
            options={'ordering': ['date'], 'verbose_name': 'поправка производственного календаря', 'verbose_name_plural': 'поправки производственного календаря'},
        ),
    ]
