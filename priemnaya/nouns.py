"""What each model is called in the cases Russian needs, beyond Meta's verbose_name and verbose_name_plural.

Django builds «Добавить %s», «Выберите %s для изменения» and «40 %s» from the nominative; Russian wants
«Добавить причину», «Выберите причину для изменения» and «1 дом, 3 дома, 40 домов». This table is the one
place those forms live; the admin (`priemnaya.admin_phrases`) reads it for every model it shows.
"""

from dataclasses import dataclass, replace

from django.db.models.options import Options

MASCULINE, FEMININE, NEUTER, PLURAL = "m", "f", "n", "pl"  # PLURAL: a word with no singular («настройки»)


@dataclass(frozen=True)
class Noun:
    one: str  # 1, 21, 101 …: «1 дом» (the nominative, as Meta's verbose_name)
    few: str  # 2–4, 22–24 …: «3 дома»
    many: str  # 0, 5–20, 25 …: «40 домов» (the genitive plural)
    acc: str  # «Добавить дом», «Выберите причину»
    gen: str  # «Удаление причины…», «у профиля сотрудника»
    gender: str  # «добавлен», «добавлена», «добавлено», «добавлены»
    animate: bool = False  # «выбранных пользователей», not «выбранные пользователи»
    plural: str = ""  # the nominative plural; Meta's verbose_name_plural unless that is a heading

    def form(self, count: int) -> str:
        """The form that follows the number: 1 дом, 3 дома, 5 домов, 11 домов, 21 дом."""
        if count % 10 == 1 and count % 100 != 11:
            return self.one
        if 2 <= count % 10 <= 4 and not 12 <= count % 100 <= 14:
            return self.few
        return self.many

    def counted(self, count: int) -> str:
        if self.gender == PLURAL:
            return f"{self.one}: {count}"  # «1 настройки» is not Russian, and digits have no «одни»
        return f"{count} {self.form(count)}"

    def counted_acc(self, count: int) -> str:
        """«Удалить 1 причину», «Удалить 5 причин»."""
        return f"{count} {self.acc}" if self.form(count) == self.one else self.counted(count)

    def agree(self, forms: tuple[str, str, str, str], count: int | None = None) -> str:
        """The word (m, f, n, plural) that agrees with this noun, or with `count` of it."""
        masculine, feminine, neuter, plural = forms
        if count is not None and self.form(count) != self.one:
            return plural
        return {MASCULINE: masculine, FEMININE: feminine, NEUTER: neuter}.get(self.gender, plural)

    @property
    def another(self) -> str:
        """«ещё одну причину», «ещё одного пользователя»."""
        one = self.agree(("одного" if self.animate else "один", "одну", "одно", "одни"))
        return f"ещё {one} {self.acc}"

    @property
    def acc_plural(self) -> str:
        """«Изменять причины», «Изменять пользователей»."""
        return self.many if self.animate else self.plural

    @property
    def selected(self) -> str:
        """«Удалить выбранные причины», «Удалить выбранных пользователей»."""
        return f"{'выбранных' if self.animate else 'выбранные'} {self.acc_plural}"


M, F, N = MASCULINE, FEMININE, NEUTER

NOUNS: dict[str, Noun] = {
    # accounts
    "accounts.company": Noun("управляющая компания", "управляющие компании", "управляющих компаний",
                             acc="управляющую компанию", gen="управляющей компании", gender=F,
                             plural="управляющие компании"),
    "accounts.department": Noun("подразделение", "подразделения", "подразделений",
                                acc="подразделение", gen="подразделения", gender=N),
    "accounts.staffprofile": Noun("профиль сотрудника", "профиля сотрудника", "профилей сотрудников",
                                  acc="профиль сотрудника", gen="профиля сотрудника", gender=M,
                                  plural="профили сотрудников"),
    "accounts.apitoken": Noun("API-токен", "API-токена", "API-токенов", acc="API-токен", gen="API-токена", gender=M),
    "accounts.absence": Noun("отсутствие", "отсутствия", "отсутствий", acc="отсутствие", gen="отсутствия", gender=N),
    # housing
    "housing.building": Noun("дом", "дома", "домов", acc="дом", gen="дома", gender=M),
    # deadlines
    "deadlines.calendaroverride": Noun(
        "поправка производственного календаря", "поправки производственного календаря",
        "поправок производственного календаря", acc="поправку производственного календаря",
        gen="поправки производственного календаря", gender=F),
    "deadlines.deadlinenorm": Noun("норматив срока", "норматива срока", "нормативов сроков",
                                   acc="норматив срока", gen="норматива срока", gender=M),
    # appeals
    "appeals.category": Noun("категория", "категории", "категорий", acc="категорию", gen="категории", gender=F),
    "appeals.reason": Noun("причина", "причины", "причин", acc="причину", gen="причины", gender=F),
    "appeals.resourcecompany": Noun(
        "ресурсоснабжающая организация", "ресурсоснабжающие организации", "ресурсоснабжающих организаций",
        acc="ресурсоснабжающую организацию", gen="ресурсоснабжающей организации", gender=F),
    "appeals.applicant": Noun("заявитель", "заявителя", "заявителей", acc="заявителя", gen="заявителя", gender=M,
                              animate=True),
    "appeals.appeal": Noun("обращение", "обращения", "обращений", acc="обращение", gen="обращения", gender=N),
    "appeals.appealevent": Noun("запись истории обращения", "записи истории обращения", "записей истории обращения",
                                acc="запись истории обращения", gen="записи истории обращения", gender=F,
                                plural="записи истории обращения"),
    "appeals.outgoingrequest": Noun("исходящий запрос", "исходящих запроса", "исходящих запросов",
                                    acc="исходящий запрос", gen="исходящего запроса", gender=M),
    "appeals.attachment": Noun("вложение", "вложения", "вложений", acc="вложение", gen="вложения", gender=N),
    "appeals.numbersequence": Noun("счётчик номеров", "счётчика номеров", "счётчиков номеров",
                                   acc="счётчик номеров", gen="счётчика номеров", gender=M),
    "appeals.personaldataaccess": Noun(
        "запись о доступе к персональным данным", "записи о доступе к персональным данным",
        "записей о доступе к персональным данным", acc="запись о доступе к персональным данным",
        gen="записи о доступе к персональным данным", gender=F, plural="записи о доступе к персональным данным"),
    "appeals.notification": Noun("уведомление", "уведомления", "уведомлений", acc="уведомление", gen="уведомления",
                                 gender=N),
    # triage
    "triage.triagesettings": Noun("настройки автоматического разбора", "настройки автоматического разбора",
                                  "настроек автоматического разбора", acc="настройки автоматического разбора",
                                  gen="настроек автоматического разбора", gender=PLURAL),
    "triage.decision": Noun("автоматическое решение", "автоматических решения", "автоматических решений",
                            acc="автоматическое решение", gen="автоматического решения", gender=N),
    "triage.correction": Noun("исправление классификации", "исправления классификации", "исправлений классификации",
                              acc="исправление классификации", gen="исправления классификации", gender=N),
    "triage.routingrule": Noun("правило маршрутизации", "правила маршрутизации", "правил маршрутизации",
                               acc="правило маршрутизации", gen="правила маршрутизации", gender=N),
    "triage.incident": Noun("инцидент", "инцидента", "инцидентов", acc="инцидент", gen="инцидента", gender=M),
    "triage.incidentappeal": Noun("обращение инцидента", "обращения инцидента", "обращений инцидента",
                                  acc="обращение инцидента", gen="обращения инцидента", gender=N),
    "triage.faqentry": Noun("частый вопрос", "частых вопроса", "частых вопросов",
                            acc="частый вопрос", gen="частого вопроса", gender=M),
    # appointments
    "appointments.centre": Noun("центр обслуживания", "центра обслуживания", "центров обслуживания",
                                acc="центр обслуживания", gen="центра обслуживания", gender=M),
    "appointments.service": Noun("услуга центра", "услуги центра", "услуг центра", acc="услугу центра",
                                 gen="услуги центра", gender=F),
    "appointments.weeklyhours": Noun("часы приёма", "часы приёма", "часов приёма", acc="часы приёма",
                                     gen="часов приёма", gender=PLURAL),
    "appointments.question": Noun("вопрос о центре", "вопроса о центре", "вопросов о центре", acc="вопрос о центре",
                                  gen="вопроса о центре", gender=M),
    "appointments.publication": Noun("публикация о центре", "публикации о центре", "публикаций о центре",
                                     acc="публикацию о центре", gen="публикации о центре", gender=F),
    "appointments.appointment": Noun("запись на приём", "записи на приём", "записей на приём",
                                     acc="запись на приём", gen="записи на приём", gender=F,
                                     plural="записи на приём"),
    # reference
    "reference.newsitem": Noun("новость", "новости", "новостей", acc="новость", gen="новости", gender=F),
    "reference.outage": Noun("отключение", "отключения", "отключений", acc="отключение", gen="отключения", gender=N),
    "reference.paymentpoint": Noun("пункт оплаты", "пункта оплаты", "пунктов оплаты", acc="пункт оплаты",
                                   gen="пункта оплаты", gender=M),
    "reference.contactgroup": Noun("раздел контактов", "раздела контактов", "разделов контактов",
                                   acc="раздел контактов", gen="раздела контактов", gender=M),
    "reference.contact": Noun("контакт специалиста", "контакта специалиста", "контактов специалистов",
                              acc="контакт специалиста", gen="контакта специалиста", gender=M,
                              plural="контакты специалистов"),
    "reference.usefullink": Noun("полезная ссылка", "полезные ссылки", "полезных ссылок", acc="полезную ссылку",
                                 gen="полезной ссылки", gender=F, plural="полезные ссылки"),
    "reference.companydetails": Noun("аварийная служба", "аварийные службы", "аварийных служб",
                                     acc="аварийную службу", gen="аварийной службы", gender=F),
    # orders
    "orders.paidservice": Noun("платная услуга", "платные услуги", "платных услуг", acc="платную услугу",
                               gen="платной услуги", gender=F),
    "orders.order": Noun("заказ платной услуги", "заказа платной услуги", "заказов платных услуг",
                         acc="заказ платной услуги", gen="заказа платной услуги", gender=M),
    "orders.invoicesequence": Noun("счётчик номеров счетов", "счётчика номеров счетов", "счётчиков номеров счетов",
                                   acc="счётчик номеров счетов", gen="счётчика номеров счетов", gender=M),
    "orders.invoice": Noun("счёт на оплату", "счёта на оплату", "счетов на оплату", acc="счёт на оплату",
                           gen="счёта на оплату", gender=M),
    "orders.invoiceline": Noun("строка счёта", "строки счёта", "строк счёта", acc="строку счёта", gen="строки счёта",
                               gender=F),
    # letters
    "letters.lettersequence": Noun("счётчик исходящих номеров", "счётчика исходящих номеров",
                                   "счётчиков исходящих номеров", acc="счётчик исходящих номеров",
                                   gen="счётчика исходящих номеров", gender=M),
    "letters.letter": Noun("исходящее письмо", "исходящих письма", "исходящих писем", acc="исходящее письмо",
                           gen="исходящего письма", gender=N),
    "letters.lettertemplate": Noun("шаблон письма", "шаблона письма", "шаблонов писем", acc="шаблон письма",
                                   gen="шаблона письма", gender=M),
    # proposals
    "proposals.proposalsequence": Noun("счётчик номеров предложений", "счётчика номеров предложений",
                                       "счётчиков номеров предложений", acc="счётчик номеров предложений",
                                       gen="счётчика номеров предложений", gender=M),
    "proposals.proposal": Noun("системное предложение", "системных предложения", "системных предложений",
                               acc="системное предложение", gen="системного предложения", gender=N),
    "proposals.proposalevent": Noun("запись истории предложения", "записи истории предложения",
                                    "записей истории предложения", acc="запись истории предложения",
                                    gen="записи истории предложения", gender=F),
    # calls
    "calls.call": Noun("звонок", "звонка", "звонков", acc="звонок", gen="звонка", gender=M),
    "calls.visit": Noun("посещение офиса", "посещения офиса", "посещений офиса", acc="посещение офиса",
                        gen="посещения офиса", gender=N),
    "calls.callcentrenorms": Noun("нормы колл-центра", "нормы колл-центра", "норм колл-центра",
                                  acc="нормы колл-центра", gen="норм колл-центра", gender=PLURAL),
    "calls.operatorextension": Noun("добавочный номер оператора", "добавочных номера операторов",
                                    "добавочных номеров операторов", acc="добавочный номер оператора",
                                    gen="добавочного номера оператора", gender=M,
                                    plural="добавочные номера операторов"),
    "calls.cdrimport": Noun("импорт CDR", "импорта CDR", "импортов CDR", acc="импорт CDR", gen="импорта CDR",
                            gender=M, plural="импорты CDR"),
    # quality
    "quality.criterion": Noun("критерий оценки", "критерия оценки", "критериев оценки", acc="критерий оценки",
                              gen="критерия оценки", gender=M, plural="критерии оценки"),
    "quality.review": Noun("оценка работы", "оценки работы", "оценок работы", acc="оценку работы",
                           gen="оценки работы", gender=F, plural="оценки работы"),
    "quality.reviewscore": Noun("балл по критерию", "балла по критериям", "баллов по критериям",
                                acc="балл по критерию", gen="балла по критерию", gender=M,
                                plural="баллы по критериям"),
    "quality.operatorcomplaint": Noun("жалоба на оператора", "жалобы на операторов", "жалоб на операторов",
                                      acc="жалобу на оператора", gen="жалобы на оператора", gender=F,
                                      plural="жалобы на операторов"),
    "quality.survey": Noun("опрос удовлетворённости", "опроса удовлетворённости", "опросов удовлетворённости",
                           acc="опрос удовлетворённости", gen="опроса удовлетворённости", gender=M,
                           plural="опросы удовлетворённости"),
    # api
    "api.idempotencykey": Noun("ключ идемпотентности", "ключа идемпотентности", "ключей идемпотентности",
                               acc="ключ идемпотентности", gen="ключа идемпотентности", gender=M),
    # residents
    "residents.resident": Noun("житель", "жителя", "жителей", acc="жителя", gen="жителя", gender=M, animate=True,
                               plural="жители"),
    "residents.topic": Noun("тема форума", "темы форума", "тем форума", acc="тему форума", gen="темы форума",
                            gender=F),
    "residents.post": Noun("сообщение форума", "сообщения форума", "сообщений форума", acc="сообщение форума",
                           gen="сообщения форума", gender=N),
    "residents.report": Noun("жалоба на сообщение", "жалобы на сообщение", "жалоб на сообщения",
                             acc="жалобу на сообщение", gen="жалобы на сообщение", gender=F,
                             plural="жалобы на сообщения"),
    # Django's and the lock-out's own models, as their Russian translations name them
    "auth.user": Noun("пользователь", "пользователя", "пользователей", acc="пользователя", gen="пользователя",
                      gender=M, animate=True),
    "auth.group": Noun("группа", "группы", "групп", acc="группу", gen="группы", gender=F),
    "auth.permission": Noun("право", "права", "прав", acc="право", gen="права", gender=N),
    "admin.logentry": Noun("запись в журнале", "записи в журнале", "записей в журнале",
                           acc="запись в журнале", gen="записи в журнале", gender=F),
    "contenttypes.contenttype": Noun("тип содержимого", "типа содержимого", "типов содержимого",
                                     acc="тип содержимого", gen="типа содержимого", gender=M),
    "sessions.session": Noun("сессия", "сессии", "сессий", acc="сессию", gen="сессии", gender=F),
    "axes.accessattempt": Noun("запись о попытке доступа", "записи о попытке доступа", "записей о попытках доступа",
                               acc="запись о попытке доступа", gen="записи о попытке доступа", gender=F,
                               plural="записи о попытках доступа"),
    "axes.accesslog": Noun("запись о доступе", "записи о доступе", "записей о доступе",
                           acc="запись о доступе", gen="записи о доступе", gender=F, plural="записи о доступе"),
    "axes.accessfailurelog": Noun("ошибка доступа", "ошибки доступа", "ошибок доступа",
                                  acc="ошибку доступа", gen="ошибки доступа", gender=F),
    "axes.accessattemptexpiration": Noun(
        "срок блокировки", "срока блокировки", "сроков блокировки", acc="срок блокировки", gen="срока блокировки",
        gender=M, plural="сроки блокировки"),
    # services
    "services.normativeact": Noun("нормативный акт", "нормативных акта", "нормативных актов", acc="нормативный акт",
                                  gen="нормативного акта", gender=M),
    "services.service": Noun("услуга", "услуги", "услуг", acc="услугу", gen="услуги", gender=F),
    "services.tariff": Noun("тариф", "тарифа", "тарифов", acc="тариф", gen="тарифа", gender=M),
    "services.benefit": Noun("льгота или субсидия", "льготы или субсидии", "льгот или субсидий",
                             acc="льготу или субсидию", gen="льготы или субсидии", gender=F),
    "services.documenttemplate": Noun("форма документа", "формы документа", "форм документов",
                                      acc="форму документа", gen="формы документа", gender=F,
                                      plural="формы документов"),
    "services.article": Noun("статья", "статьи", "статей", acc="статью", gen="статьи", gender=F, plural="статьи"),
    "notifications.template": Noun("шаблон сообщения", "шаблона сообщения", "шаблонов сообщений",
                                   acc="шаблон сообщения", gen="шаблона сообщения", gender=M),
    "notifications.message": Noun("исходящее сообщение", "исходящих сообщения", "исходящих сообщений",
                                  acc="исходящее сообщение", gen="исходящего сообщения", gender=N),
    "notifications.attempt": Noun("попытка отправки", "попытки отправки", "попыток отправки",
                                  acc="попытку отправки", gen="попытки отправки", gender=F),
    "notifications.subscription": Noun("подписка", "подписки", "подписок", acc="подписку", gen="подписки",
                                       gender=F),
    "open311.integration": Noun("интеграция Open311", "интеграции Open311", "интеграций Open311",
                                acc="интеграцию Open311", gen="интеграции Open311", gender=F),
    "open311.submission": Noun("заявка Open311", "заявки Open311", "заявок Open311", acc="заявку Open311",
                               gen="заявки Open311", gender=F),
}


def noun_for(opts: Options) -> Noun:
    """The forms of a model's name; a model missing from the table keeps Django's nominatives."""
    noun = NOUNS.get(opts.label_lower)
    if noun is None:
        name, plural = str(opts.verbose_name), str(opts.verbose_name_plural)
        return Noun(name, plural, plural, acc=name, gen=name, gender=PLURAL, plural=plural)
    return noun if noun.plural else replace(noun, plural=str(opts.verbose_name_plural))


def noun_named(name: str) -> Noun | None:
    """The noun whose nominative is `name` (as the admin's history stores it), if the table has one."""
    name = name.lower()
    return next((noun for noun in NOUNS.values() if noun.one.lower() == name), None)
