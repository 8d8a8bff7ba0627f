import time

from django.core.management.base import BaseCommand, CommandError

from appeals.models import Appeal
from demo.builders import DemoError, load_demo
from demo.content import load_content
from demo.organisations import STAFF, demo_staff_exists


class Command(BaseCommand):
    help = ("Загрузить демонстрационные данные: компанию, дома, сотрудников и обращения за последние месяцы. "
            "Повторный запуск ничего не меняет.")

    def add_arguments(self, parser):
        parser.add_argument("--appeals", type=int, default=300, help="сколько обращений создать (по умолчанию 300)")
        parser.add_argument("--seed", type=int, default=None, help="начальное значение генератора")
        parser.add_argument("--force", action="store_true",
                            help="загрузить, даже если в базе уже есть обращения (не демонстрационные)")

    def handle(self, *args, appeals: int, seed: int | None, force: bool, **options):
        if appeals < 1 or appeals > 20_000:
            raise CommandError("Число обращений должно быть от 1 до 20 000.")
        if demo_staff_exists():
            self.stdout.write("Демонстрационные данные уже загружены.")
            self._load_content()
            self._print_logins()
            return
        if Appeal.objects.exists() and not force:
            self.stdout.write("В базе уже есть обращения; демонстрационные данные не загружены. "
                              "Чтобы всё же добавить их, запустите команду с --force.")
            return
        started = time.monotonic()
        try:
            result = load_demo(appeals=appeals, **({"seed": seed} if seed is not None else {}))
        except DemoError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Создано обращений: {result.appeals}, заявителей: {result.applicants}, "
                          f"домов в реестре: {result.buildings} ({time.monotonic() - started:.0f} с).")
        self._load_content()
        self._print_logins()

    def _load_content(self) -> None:
        for line in load_content():
            self.stdout.write(line)

    def _print_logins(self) -> None:
        self.stdout.write("Демонстрационные учётные записи (логин / пароль / роль):")
        for login in STAFF:
            self.stdout.write(login.line)
