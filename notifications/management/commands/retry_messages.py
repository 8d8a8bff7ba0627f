from django.core.management.base import BaseCommand

from notifications import tasks


class Command(BaseCommand):
    help = "Повторить отправку сообщений, не ушедших с первого раза."

    def handle(self, *args, **options):
        self.stdout.write(f"Повторных попыток: {tasks.retry_due()}")
