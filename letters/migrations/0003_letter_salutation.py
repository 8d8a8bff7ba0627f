
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('letters', '0002_default_templates'),
    ]

    operations = [
        migrations.AddField(
            model_name='letter',
            name='salutation',
            field=models.CharField(blank=True, max_length=200, verbose_name='обращение к адресату'),
        ),
    ]
