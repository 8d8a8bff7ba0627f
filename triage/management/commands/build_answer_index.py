import time

from django.core.management.base import BaseCommand

from triage.answers import stored


class Command(BaseCommand):
    help = ("Построить индекс черновиков ответов (ответы на похожие обращения) для веб-процессов; "
            "после массовой загрузки или по расписанию. Читаются только обращения, которых нет в прежнем индексе.")

    def handle(self, *args, **options):
        started = time.perf_counter()
        made = stored.build()
        self.stdout.write(f"Индекс черновиков: {made['appeals']} обращений, прочитано заново {made['read']}, "
                          f"{made['bytes'] / 2**20:.1f} МБ, {time.perf_counter() - started:.1f} с → {stored.path()}")
