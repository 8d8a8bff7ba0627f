"""The default words of each message (loaded by a data migration; staff edit them in the admin)."""

_HELLO = "Здравствуйте{% if applicant_name %}, {{ applicant_name }}{% endif %}!\n\n"
_CHECK = "\n\nПроверить статус: номер {{ number }}, код доступа {{ access_code }}."
_SIGN = "\n\n{{ company_name }}{% if company_phone %}, тел. {{ company_phone }}{% endif %}"
_HQ = "{% if hq_notice %}\n\n{{ hq_notice }}{% endif %}"

TEMPLATES = [
    ("registered", "email", "Обращение № {{ number }} зарегистрировано",
     _HELLO + "Ваше обращение зарегистрировано под номером {{ number }}."
     "{% if answer_due %} Ответ будет дан не позднее {{ answer_due }}.{% endif %}" + _CHECK + _SIGN),
    ("registered", "sms", "",
     "Обращение зарегистрировано, № {{ number }}, код доступа {{ access_code }}. {{ company_name }}"),
    ("clarification", "email", "Обращение № {{ number }}: нужны уточнения",
     _HELLO + "Чтобы рассмотреть обращение № {{ number }}, нам нужны уточнения. Пожалуйста, свяжитесь с нами."
     + _CHECK + _SIGN),
    ("clarification", "sms", "",
     "По обращению № {{ number }} нужны уточнения, свяжитесь с нами{% if company_phone %}: {{ company_phone }}"
     "{% endif %}. {{ company_name }}"),
    ("extended", "email", "Обращение № {{ number }}: срок рассмотрения продлён",
     _HELLO + "Срок рассмотрения обращения № {{ number }} продлён до {{ answer_due }}."
     "{% if extension_reason %}\n\nПричина: {{ extension_reason }}{% endif %}" + _CHECK + _SIGN),
    ("extended", "sms", "",
     "Срок по обращению № {{ number }} продлён до {{ answer_due }}. {{ company_name }}"),
    ("answered", "email", "Ответ на обращение № {{ number }}",
     _HELLO + "Ответ на ваше обращение № {{ number }}:\n\n{{ answer_text }}" + _HQ + _CHECK + _SIGN),
    ("answered", "sms", "",
     "Дан ответ на обращение № {{ number }}. Текст — на странице статуса, код доступа {{ access_code }}."
     " {{ company_name }}"),
    ("refused", "email", "Обращение № {{ number }}: отказ",
     _HELLO + "По вашему обращению № {{ number }} принято решение об отказе.\n\n{{ answer_text }}" + _HQ
     + _CHECK + _SIGN),
    ("refused", "sms", "",
     "По обращению № {{ number }} отказ. Текст и куда обжаловать — на странице статуса, код доступа"
     " {{ access_code }}. {% if hq_notice %}{{ hq_notice }}{% endif %}"),
    ("status", "email", "Ваше обращение № {{ number }}",
     _HELLO + "Обращение № {{ number }}: {{ status }}." + _CHECK + _SIGN
     + "\n\nОтказаться от необязательных сообщений: {{ unsubscribe_url }}"),
    ("status", "sms", "", "Обращение № {{ number }}: {{ status }}. {{ company_name }}"),
    # The quality survey (quality.surveys): one click, no login; the link works once.
    ("survey", "email", "Оцените ответ на обращение № {{ number }}",
     _HELLO + "Нам важно знать, довольны ли вы ответом на обращение № {{ number }}. Оцените его одним нажатием"
     " (от 1 до 5) по ссылке — входить на сайт не нужно:\n\n{{ survey_url }}\n\nСсылка действует до"
     " {{ survey_until }} и только один раз." + _SIGN
     + "\n\nОтказаться от необязательных сообщений: {{ unsubscribe_url }}"),
    ("survey", "sms", "", "Оцените ответ по обращению № {{ number }}: {{ survey_url }} {{ company_name }}"),
    ("invoice", "email", "Счёт на оплату № {{ invoice_number }}",
     "Здравствуйте!\n\nПо вашему заказу «{{ service_name }}» (заявка № {{ number }}) выставлен счёт"
     " № {{ invoice_number }} от {{ invoice_date }} на сумму {{ invoice_total }}. Счёт — во вложении." + _CHECK
     + "\n\n{{ supplier_name }}"),
    ("letter", "email", "Письмо по обращению № {{ number }}, исх. № {{ letter_number }}",
     _HELLO + "Направляем письмо по вашему обращению № {{ number }}: исх. № {{ letter_number }} от"
     " {{ letter_date }} ({{ letter_kind }}). Письмо — во вложении, в формате PDF." + _CHECK + _SIGN),
    # W7: the resident's appeal to the Regional HQ — their confirmation, and the letter to the HQ itself.
    ("hq_confirmation", "email", "Обращение в Штаб по № {{ number }}",
     _HELLO + "Ваше обращение в {{ hq_name }} по обращению № {{ number }} принято {{ request_date }} и направлено"
     " в Штаб вместе с текстом обращения и ответом.{% if hq_notice %}\n\n{{ hq_notice }}{% endif %}" + _CHECK + _SIGN),
    ("hq_confirmation", "sms", "",
     "Ваше обращение по № {{ number }} принято и направлено в {{ hq_name }}. {{ company_name }}"),
    ("hq_request", "email", "Обращение заявителя по № {{ number }} ({{ company_name }})",
     "{{ hq_name }}\n\n"
     "Заявитель по обращению № {{ number }} в {{ company_full_name }} не согласен с результатом его рассмотрения"
     " и просит Штаб рассмотреть вопрос.\n\n"
     "Обращение поступило: {{ received }}\n"
     "Срок ответа: {{ answer_due }}\n"
     "Ответ дан: {% if answered %}{{ answered }}{% else %}ответа нет, срок истёк{% endif %}\n"
     "Заявитель: {% if applicant_name %}{{ applicant_name }}{% else %}не указан{% endif %}"
     "{% if applicant_contacts %} ({{ applicant_contacts }}){% endif %}\n"
     "Адрес: {% if address %}{{ address }}{% else %}не указан{% endif %}\n\n"
     "Текст обращения:\n{{ appeal_text }}\n\n"
     "Ответ управляющей компании:\n{% if answered %}{{ answer_text }}{% else %}Ответ не дан.{% endif %}\n\n"
     "С чем не согласен заявитель ({{ request_date }}):\n{{ request_text }}"),
    ("digest", "email", "Сроки обращений: {{ total }}",
     "Здравствуйте, {{ person_name }}!\n\n"
     "{% if overdue %}Срок нарушен:\n{% for item in overdue %}— № {{ item.number }}, срок {{ item.due }}\n"
     "{% endfor %}\n{% endif %}"
     "{% if due_soon %}Срок истекает:\n{% for item in due_soon %}— № {{ item.number }}, срок {{ item.due }}\n"
     "{% endfor %}{% endif %}\n"
     "Отказаться от ежедневной сводки: {{ unsubscribe_url }}"),
]
