from django.core.management.base import BaseCommand

from notifications import tasks


class Command(BaseCommand):
    help = "Разослать сотрудникам сводку обращений с истекающим и нарушенным сроком (не чаще раза в день)."

    def add_arguments(self, parser):
        parser.add_argument("--now", help="момент в ISO 8601 (по умолчанию — сейчас)")

    def handle(self, *args, now=None, **options):
        sent = tasks.send_digests(now)
        self.stdout.write(f"Сводок поставлено в отправку: {sent}")
