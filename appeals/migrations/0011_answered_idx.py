"""Answered appeals newest first, for answer drafts' check whether an answer is new (one row read)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("appeals", "0010_rekey_matching")]

    operations = [
        migrations.AddIndex(
            model_name="appeal",
            index=models.Index(condition=models.Q(("answered_at__isnull", False)), fields=["-answered_at", "-id"],
                               name="appeal_answered_idx"),
        ),
    ]
