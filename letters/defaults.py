"""The shipped words of each letter (a data migration loads them; staff edit them in the admin) and who signs
when a template names nobody."""

from .choices import LetterKind

SIGNATORY_POST = "Генеральный директор"

BODIES = {
    # The heading («О результатах рассмотрения обращения») and «На обращение № … от …» are the letter's own.
    LetterKind.ANSWER: (
        "{{ answer }}\n"
        "{% if hq_notice %}<p class=\"hq-notice\">{{ hq_notice }}</p>{% endif %}\n"
    ),
    LetterKind.REFUSAL: (
        "{{ answer }}\n"
        "<p class=\"hq-notice\">{{ hq_notice }}</p>\n"
    ),
    LetterKind.EXTENSION: (
        "<p>Сообщаем, что срок рассмотрения Вашего обращения от {{ received }} № {{ number }} продлён "
        "до {{ due }} включительно.</p>\n"
        "<p>Причина продления: {{ extension_reason }}</p>\n"
        "<p>Ответ по существу обращения будет направлен Вам не позднее этого срока.</p>\n"
    ),
}
