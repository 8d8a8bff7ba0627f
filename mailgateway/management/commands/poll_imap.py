"""Take the unread letters of the IMAP mailbox (settings IMAP_*) and file them: run it from cron or a timer."""

from django.core.management.base import BaseCommand, CommandError

from mailgateway.imap import MailboxSettings, poll


class Command(BaseCommand):
    help = "Забрать непрочитанные письма из почтового ящика по IMAP и зарегистрировать их как обращения."

    def handle(self, *args, **options):
        box = MailboxSettings.from_settings()
        if not (box.host and box.user):
            raise CommandError("Почтовый ящик не настроен: задайте IMAP_HOST, IMAP_USER и IMAP_PASSWORD.")
        result = poll(box)
        self.stdout.write(f"Писем обработано: {result.filed}, не сохранено (повтор при следующем опросе): "
                          f"{result.failed}")
        if result.failed:
            raise CommandError("Не все письма сохранены.")
