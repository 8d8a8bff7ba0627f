"""Delete what is past its retention period now, as the daily task does, and say how much went."""

from django.core.management.base import BaseCommand, CommandError

from retention.pruning import BATCH_SIZE, LABELS, prune


class Command(BaseCommand):
    help = ("Удалить то, что хранится дольше своего срока: ключи идемпотентности API, уведомления, "
            "журналы доступа и входов, истёкшие сессии.")

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=BATCH_SIZE, help="строк в одной транзакции")

    def handle(self, *args, batch_size: int, **options):
        if batch_size < 1:
            raise CommandError("Размер пачки должен быть не меньше одной строки.")
        for kind, count in prune(batch_size=batch_size).items():
            self.stdout.write(f"{LABELS[kind]}: удалено {count}")
