import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from notifications import tasks


class Command(BaseCommand):
    help = "Разослать сотрудникам сводку обращений с истекающим и нарушенным сроком (не чаще раза в день)."

    def add_arguments(self, parser):
        parser.add_argument("--now", help="момент в ISO 8601 (по умолчанию — сейчас)")

    def handle(self, *args, now=None, **options):
        if now:
            try:
                dt.datetime.fromisoformat(now)
            except ValueError as error:
                raise CommandError("Момент укажите в формате ISO 8601, например 2026-12-03T08:00+03:00.") from error
        sent = tasks.send_digests(now)
        self.stdout.write(f"Сводок поставлено в отправку: {sent}")
