from django.core.management.base import BaseCommand

from practice.shipped import load_shipped


class Command(BaseCommand):
    help = "Добавить учебные сценарии звонков из поставки (уже загруженные и изменённые не трогаются)."

    def handle(self, *args, **options):
        self.stdout.write(f"Учебных сценариев добавлено: {load_shipped()}.")
