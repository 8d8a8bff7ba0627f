"""Pruning finds old notifications by their age without reading the whole table."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("appeals", "0006_role_permissions")]

    operations = [
        migrations.AddIndex(
            model_name="notification",
            index=models.Index(fields=["created_at"], name="notification_created_idx"),
        ),
    ]
