from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from housing.importer import import_buildings


class Command(BaseCommand):
    help = "Загрузить реестр домов из CSV-файла (столбцы: улица, дом, корпус, литера, район)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="путь к CSV-файлу")

    def handle(self, *args, file: str, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"Файл не найден: {file}")
        report = import_buildings(path)
        self.stdout.write(report.summary())
        for error in report.errors:
            self.stdout.write(str(error))
        if report.errors:
            raise CommandError(f"Импорт завершён с ошибками: {len(report.errors)}.", returncode=1)
