"""Issue an API token for a staff member; the token is shown once, alone on the last line."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from accounts.models import ApiToken


class Command(BaseCommand):
    help = "Выдать API-токен сотруднику. Токен печатается один раз, отдельной последней строкой."

    def add_arguments(self, parser):
        parser.add_argument("username", help="логин сотрудника")

    def handle(self, *args, username: str, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"Сотрудник с логином «{username}» не найден.")
        if not user.is_active:
            raise CommandError(f"Учётная запись «{username}» отключена; токен не выдан.")
        token, key = ApiToken.issue(user)
        self.stdout.write(f"Токен {token.prefix}… выдан сотруднику {username}. Сохраните его: больше он не покажется.")
        self.stdout.write(key)
