# The scoring form's criteria as the seed names them (politeness, competence, correct information); staff edit
# them and their weights in the admin.

from django.db import migrations

CRITERIA = [
    ("politeness", "Вежливость", "Приветствие, тон, внимание к заявителю, корректное завершение разговора.", 1, 1),
    ("competence", "Компетентность", "Знание порядка работы и услуг, умение выяснить суть обращения.", 1, 2),
    ("correctness", "Правильность предоставленной информации",
     "Сведения, сроки и номер обращения сообщены верно и полностью.", 2, 3),
]


def add(apps, schema_editor):
    Criterion = apps.get_model("quality", "Criterion")
    for code, name, hint, weight, order in CRITERIA:
        Criterion.objects.get_or_create(code=code, defaults={"name": name, "hint": hint, "weight": weight,
                                                             "order": order})


def remove(apps, schema_editor):
    apps.get_model("quality", "Criterion").objects.filter(code__in=[c[0] for c in CRITERIA]).delete()


class Migration(migrations.Migration):

    dependencies = [("quality", "0001_reviews_and_surveys")]

    operations = [migrations.RunPython(add, remove)]
