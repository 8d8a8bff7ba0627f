"""Overdue, due today and due soon read a range of due dates among the running appeals (not paused):
finding the few overdue ones no longer walks every open appeal newest first."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("appeals", "0010_rekey_matching")]

    operations = [
        migrations.AddIndex(
            model_name="appeal",
            index=models.Index(
                condition=models.Q(("status__in", ["answer_drafted", "assigned", "in_progress", "received",
                                                   "registered", "waiting_external"])),
                fields=["answer_due"], name="appeal_running_due_idx"),
        ),
    ]
