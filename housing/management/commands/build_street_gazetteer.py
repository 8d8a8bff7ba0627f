from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from housing import gazetteer


class Command(BaseCommand):
    help = ("Строит справочник улиц Санкт-Петербурга (housing/data/spb_streets.txt) из адресов выгрузки обращений "
            "(JSON lines, поле address, как на портале «Наш Санкт-Петербург»).")

    def add_arguments(self, parser):
        parser.add_argument("--data", required=True, help="выгрузка .jsonl или .jsonl.gz")
        parser.add_argument("--output", default=str(gazetteer.PATH))

    def handle(self, *args, data, output, **options):
        if not Path(data).exists():
            raise CommandError(f"Файл не найден: {data}")
        found = gazetteer.build(gazetteer.read_addresses(Path(data)))
        if not found:
            raise CommandError("В выгрузке нет адресов с улицами.")
        Path(output).write_text("".join(f"{name}\t{count}\n" for name, count in found), encoding="utf-8")
        self.stdout.write(f"Улиц: {len(found)} → {output}")
