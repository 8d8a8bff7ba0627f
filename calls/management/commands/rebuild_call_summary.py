"""`manage.py rebuild_call_summary [--from ДАТА] [--to ДАТА]`: the statistics' summary built anew from the calls."""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from calls import summary


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"«{value}»: нужна дата вида ГГГГ-ММ-ДД.") from None


class Command(BaseCommand):
    help = ("Пересобрать сводку звонков по часам и операторам (для статистики колл-центра) из самих звонков, "
            "а из неё — суммы за дни и месяцы.")

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="start", help="первый день, ГГГГ-ММ-ДД (по умолчанию — с начала)")
        parser.add_argument("--to", dest="end", help="последний день, ГГГГ-ММ-ДД (по умолчанию — до конца)")

    def handle(self, *args, start: str | None, end: str | None, **options):
        first = _date(start) if start else None
        last = _date(end) if end else None
        if first and last and first > last:
            raise CommandError("--from позже --to.")
        cells, rows = summary.rebuild(first, last)
        self.stdout.write(f"Сводка пересобрана: ячеек (день, час, оператор) — {cells}, "
                          f"сумм за дни и месяцы — {rows}.")
