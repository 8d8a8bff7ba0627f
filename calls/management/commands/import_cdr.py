"""`manage.py import_cdr Master.csv`: the PBX's call-detail records into the call statistics."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from calls import cdr


class Command(BaseCommand):
    help = "Загрузить звонки из CDR-файла Asterisk (Master.csv); повторная загрузка ничего не добавляет."

    def add_arguments(self, parser):
        parser.add_argument("file", help="CSV-файл в формате Master.csv (cdr_csv)")
        parser.add_argument("--utc", action="store_true", help="время в файле — UTC (usegmtime=yes)")
        parser.add_argument("--batch", type=int, default=cdr.BATCH, help="строк за один шаг")

    def handle(self, *args, file: str, utc: bool, batch: int, **options):
        self.verbosity = options["verbosity"]
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"Файл «{file}» не найден.")
        if batch < 1:
            raise CommandError("--batch: нужно целое число больше нуля.")
        record = cdr.start_import(path.name, path.stat().st_size, in_utc=utc)
        with path.open("rb") as stream:
            cdr.import_file(record, stream, batch, progress=self._progress)
        for error in record.errors:
            self.stderr.write(error["message"])
        if record.error_count > len(record.errors):
            self.stderr.write(f"…и ещё строк с ошибками: {record.error_count - len(record.errors)}.")
        self.stdout.write(f"Строк: {record.rows_done}; добавлено звонков: {record.rows_added}; "
                          f"уже были загружены: {record.rows_known}; с ошибками: {record.error_count}.")

    def _progress(self, record):
        if self.verbosity > 1:
            self.stdout.write(f"… {record.rows_done} строк ({record.percent} %)")
