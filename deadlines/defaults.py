"""The default norms (tables 5.3.1 and 5.3.3, ПП РФ № 416): loaded into the norms table, which the admin
edits, and used as they are only while that table has no default row for a kind."""

from .models import NormKind

DEFAULT_NORMS = {
    NormKind.REGISTRATION: (1, "Регистрация, классификация, назначение ответственного: 1 рабочий день (табл. 5.3.3)"),
    NormKind.ANSWER: (10, "Ответ или обоснованный отказ: 10 рабочих дней (ПП РФ № 416; табл. 5.3.3: 1 + 9)"),
    NormKind.EXTENSION: (10, "Продление рассмотрения: не более 10 рабочих дней (табл. 5.3.1)"),
    NormKind.TOTAL: (21, "Общий срок с продлением: не более 21 рабочего дня (табл. 5.3.1)"),
    NormKind.PROPOSAL: (20, "Системное предложение: мера внедряется за 20 рабочих дней с регистрации (табл. 5.3.3)"),
}
