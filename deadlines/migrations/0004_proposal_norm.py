from django.db import migrations, models

NOTE = "Системное предложение: мера внедряется за 20 рабочих дней с регистрации (табл. 5.3.3)"


def add_proposal_norm(apps, schema_editor):
    # Systemic proposals now exist (the proposals app) and read this norm for their due date.
    DeadlineNorm = apps.get_model("deadlines", "DeadlineNorm")
    if not DeadlineNorm.objects.filter(kind="proposal", reason__isnull=True, complexity="", channel="").exists():
        DeadlineNorm.objects.create(kind="proposal", working_days=20, note=NOTE)


def drop_proposal_norms(apps, schema_editor):
    apps.get_model("deadlines", "DeadlineNorm").objects.filter(kind="proposal").delete()


class Migration(migrations.Migration):
    dependencies = [("deadlines", "0003_verbose_names")]

    operations = [
        migrations.AlterField(
            model_name="deadlinenorm",
            name="kind",
            field=models.CharField(choices=[("registration", "Регистрация и назначение ответственного"),
                                            ("answer", "Ответ или обоснованный отказ"), ("extension", "Продление"),
                                            ("total", "Предельный общий срок"),
                                            ("proposal", "Системное предложение: внедрение меры")],
                                   max_length=20, verbose_name="этап"),
        ),
        migrations.RunPython(add_proposal_norm, drop_proposal_norms),
    ]
