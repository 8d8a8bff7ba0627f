"""The public site's map (table 5.3.4): its sections and their pages, in one place for the header, the
footer and the section pages. A section added to the site adds its pages here."""

from dataclasses import dataclass

from django.urls import reverse


@dataclass(frozen=True)
class Page:
    title: str
    url_name: str
    about: str = ""

    @property
    def url(self) -> str:
        return reverse(self.url_name)


@dataclass(frozen=True)
class Section:
    slug: str  # the address of its own page, when it has no other (/feedback/, /info/)
    title: str
    home: str  # the url name the header links to
    pages: tuple[Page, ...]

    @property
    def url(self) -> str:
        return reverse(self.home)

    def holds(self, path: str) -> bool:
        """Whether a page at `path` belongs to the section (for the header's mark of where one is)."""
        return any(path.startswith(p.url) for p in self.pages if p.url != "/") or path == self.url


SECTIONS = (
    Section("services", "Услуги", "services:list", (
        Page("Услуги и тарифы", "services:list", "Перечень услуг, цены, кто и на каком основании их устанавливает."),
        Page("Льготы и субсидии", "services:benefits", "Кто имеет право, какие нужны документы, куда обращаться."),
        Page("Образцы документов", "services:documents", "Заявления, договоры, акты — скачать и заполнить."),
        Page("Качество обслуживания", "services:quality", "Показатели по журналу обращений за каждый месяц."),
        Page("Платные услуги", "orders:catalogue", "Дополнительные услуги по прейскуранту: заказ и счёт на оплату."),
    )),
    Section("feedback", "Обратная связь", "portal:section_feedback", (
        Page("Вопросы и ответы", "portal:faq", "Найдите ответ на типичный вопрос или задайте свой."),
        Page("Подать обращение или жалобу", "portal:appeal_form", "Круглосуточно; номер обращения — сразу."),
        Page("Узнать статус обращения", "portal:track", "По номеру обращения и коду доступа."),
        Page("Ответы на обращения", "feedback:answers", "Краткие ответы на обращения и жалобы, без личных данных."),
        Page("Отзывы", "feedback:reviews", "Оценки и отзывы жителей о работе компании; оставить свой."),
        Page("Обращение в Региональный штаб", "feedback:hq",
             "Если вы не согласны с ответом: сведения, контакты и форма обращения."),
        Page("Форум жителей", "residents:topics", "Обсуждения жителей с модерацией."),
    )),
    Section("info", "Справочная", "portal:section_info", (
        Page("Новости", "reference:news", "Изменение тарифов, отключения, новые формы обслуживания."),
        Page("Отключения", "reference:outages", "Плановые и аварийные отключения по домам."),
        Page("Пункты оплаты", "reference:payment_points", "Адреса, часы работы и телефоны."),
        Page("Приём в офисе", "appointments:centres", "Центры обслуживания и запись на приём."),
        Page("Контакты", "reference:contacts", "Горячая линия, аварийная служба, специалисты, реквизиты."),
        Page("Полезные ссылки", "reference:links", "Жилищный комитет, ГЖИ, ГИС ЖКХ и другие."),
    )),
    Section("clients", "Клиентам", "services:clients", (
        Page("Нормативная база, жилищный фонд, полезная информация", "services:clients",
             "Законы и постановления, сведения о домах, советы по энергосбережению и безопасности."),
    )),
)


def section(slug: str) -> Section | None:
    return next((s for s in SECTIONS if s.slug == slug), None)


def current_page(section: Section, path: str) -> Page | None:
    """The page of the section `path` is on or under (a news item is under «Новости»): the longest match."""
    under = [p for p in section.pages if path == p.url or (p.url != "/" and path.startswith(p.url))]
    return max(under, key=lambda p: len(p.url), default=None)
