"""The overdue filter walks the open appeals newest first, not the whole journal."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("appeals", "0004_search_vector")]

    operations = [
        migrations.AddIndex(
            model_name="appeal",
            index=models.Index(
                condition=models.Q(("status__in", ["answer_drafted", "assigned", "clarification", "in_progress",
                                                   "received", "registered", "waiting_applicant",
                                                   "waiting_external"])),
                fields=["-received_at", "-id"], name="appeal_open_idx"),
        ),
    ]
