"""Re-key the stored search keys after the matching form changed: `python manage.py rekey_search`."""

import time

from django.core.management.base import BaseCommand

from appeals.models import Appeal, Applicant, name_key
from appeals.search import appeal_index_text
from housing.addresses import building_search_key
from housing.models import Building
from priemnaya.rekeying import BATCH, rekey

KEYS = [
    (Building, "search_key", ("street", "house", "korpus", "litera"), building_search_key),
    (Applicant, "name_key", ("full_name",), name_key),
    (Appeal, "search_lemmas", ("text", "short_content", "address_text", "number"), appeal_index_text),
]


class Command(BaseCommand):
    help = ("Пересчитывает ключи поиска (адреса домов, ФИО заявителей, леммы обращений) по нынешним правилам "
            "сравнения текста; записывает только устаревшие, можно запускать повторно и на работающей системе.")

    def add_arguments(self, parser):
        parser.add_argument("--batch", type=int, default=BATCH, help="строк за один запрос")

    def handle(self, *args, batch: int, **options):
        for model, field, sources, make in KEYS:
            started = time.monotonic()
            read, changed = rekey(model, field, sources, make, batch)
            self.stdout.write(f"{model._meta.verbose_name_plural}: прочитано {read}, обновлено {changed} "
                              f"за {time.monotonic() - started:.1f} с")
