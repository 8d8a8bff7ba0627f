from django.db import migrations, models


def drop_proposal_norms(apps, schema_editor):
    # Systemic proposals have no deadline until they exist as a feature; their norm was read by nothing.
    apps.get_model("deadlines", "DeadlineNorm").objects.filter(kind="proposal").delete()


class Migration(migrations.Migration):
    dependencies = [("deadlines", "0001_initial")]

    operations = [
        migrations.RunPython(drop_proposal_norms, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="deadlinenorm",
            name="kind",
            field=models.CharField(choices=[("registration", "Регистрация и назначение ответственного"),
                                            ("answer", "Ответ или обоснованный отказ"), ("extension", "Продление"),
                                            ("total", "Предельный общий срок")],
                                   max_length=20, verbose_name="этап"),
        ),
    ]
