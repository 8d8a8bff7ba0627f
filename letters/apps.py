from django.apps import AppConfig


class LettersConfig(AppConfig):
    name = "letters"
    verbose_name = "Исходящие письма"

    def ready(self) -> None:
        from appeals import access
        from appeals.workflow import OPERATE, WORK

        # Operators print and post the letters; the responsible specialist issues the one to their answer.
        access.add_actions({"issue_letter": ((OPERATE, WORK), "Сформировать письмо заявителю")})
