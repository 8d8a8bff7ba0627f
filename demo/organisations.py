"""The demo company, its higher organisation, resource companies and staff.

All contacts below are demo values: the phones use the fictional 555 exchange and the e-mail
and web addresses use the reserved .example domain, so nothing can reach a real organisation.
"""

from dataclasses import dataclass

from django.contrib.auth.hashers import get_hasher, make_password
from django.contrib.auth.models import User
from django.contrib.auth.password_validation import validate_password

from accounts.models import Company, Department, StaffProfile
from accounts.roles import ADMIN, OPERATOR, ROLE_TITLES, SPECIALIST, SUPERVISOR, set_role
from appeals.models import ResourceCompany

COMPANY = {
    "name": "ООО «Жилкомсервис № 1 Центрального района»",
    "short_name": "ЖКС № 1 Центрального района",
    "address": "191040, Санкт-Петербург, Лиговский проспект, д. 44, лит. В, пом. 2-Н",
    "phone": "+7 (812) 555-01-10",
    "hotline": "+7 (812) 555-01-01, круглосуточно",
    "email": "priemnaya@zhks1-centr.example",
    # The higher organisation named in every answer that is not fully in the applicant's favour (W7).
    "hq_name": "Региональный штаб по защите прав потребителей в сфере ЖКХ",
    "hq_address": "191023, Санкт-Петербург, набережная реки Фонтанки, д. 50, приёмная",
    "hq_phone": "+7 (812) 555-02-00",
    "hq_email": "shtab@zhkh-spb.example",
    "hq_site": "https://shtab-zhkh.example",
}
# A company still carrying this placeholder name was never set up by anyone, so the demo may fill it in.
PLACEHOLDER_SHORT_NAME = "УК"

RESOURCE_COMPANIES = [
    # key, name, service, phone, e-mail
    ("water", "ГУП «Водоканал Санкт-Петербурга»", "Холодное водоснабжение и водоотведение",
     "+7 (812) 555-03-01", "zapros@vodokanal.example"),
    ("heat", "ГУП «ТЭК СПб»", "Отопление и горячее водоснабжение", "+7 (812) 555-03-02", "zapros@tek-spb.example"),
    ("grid", "ПАО «Россети Ленэнерго»", "Электрические сети", "+7 (812) 555-03-03", "zapros@lenenergo.example"),
    ("power", "АО «Петербургская сбытовая компания»", "Электроснабжение (расчёты)", "+7 (812) 555-03-04",
     "zapros@pesc.example"),
    ("gas", "АО «Газпром газораспределение Санкт-Петербург»", "Газоснабжение", "+7 (812) 555-03-05",
     "zapros@gazprom-gr.example"),
]


@dataclass(frozen=True)
class StaffLogin:
    username: str
    password: str
    role: str
    department: str | None
    last_name: str
    first_name: str
    position: str

    @property
    def line(self) -> str:
        return f"{self.username} / {self.password} / {ROLE_TITLES[self.role]}"


STAFF = [
    StaffLogin("operator", "operator-demo-2026", OPERATOR, "crm", "Смирнова", "Ольга", "Оператор контакт-центра"),
    StaffLogin("operator2", "operator2-demo-2026", OPERATOR, "crm", "Кузнецов", "Артём", "Оператор контакт-центра"),
    StaffLogin("ads", "ads-demo-2026", SPECIALIST, "ads", "Волков", "Игорь", "Диспетчер аварийной службы"),
    StaffLogin("tech", "tech-demo-2026", SPECIALIST, "tech", "Лебедев", "Сергей", "Инженер технической службы"),
    StaffLogin("san", "san-demo-2026", SPECIALIST, "san", "Орлова", "Наталья", "Мастер санитарного содержания"),
    StaffLogin("billing", "billing-demo-2026", SPECIALIST, "billing", "Соколова", "Елена",
               "Специалист расчётного отдела"),
    StaffLogin("docs", "docs-demo-2026", SPECIALIST, "docs", "Морозова", "Ирина",
               "Специалист паспортно-учётной службы"),
    StaffLogin("supervisor", "supervisor-demo-2026", SUPERVISOR, "crm", "Андреева", "Марина",
               "Начальник отдела по работе с обращениями граждан"),
    StaffLogin("admin", "admin-demo-2026", ADMIN, None, "Павлов", "Дмитрий", "Администратор системы"),
]


# Demo passwords are printed for everyone, so a slow hash protects nothing; Django re-hashes a password
# with the full iteration count at the first login.
DEMO_HASH_ITERATIONS = 60_000


def _demo_password_hash(password: str) -> str:
    hasher = get_hasher("default")
    if hasher.algorithm == "pbkdf2_sha256":
        return hasher.encode(password, hasher.salt(), iterations=DEMO_HASH_ITERATIONS)
    return make_password(password)


def demo_staff_exists() -> bool:
    return User.objects.filter(username__in=[s.username for s in STAFF]).exists()


def setup_company() -> Company:
    """Fill in the company unless someone has already set up a real one."""
    company = Company.objects.order_by("pk").first()
    if company is not None and company.short_name not in (PLACEHOLDER_SHORT_NAME, COMPANY["short_name"]):
        return company
    company = company or Company()
    for field, value in COMPANY.items():
        setattr(company, field, value)
    company.save()
    return company


def setup_resource_companies() -> dict[str, ResourceCompany]:
    found = {}
    for key, name, service, phone, email in RESOURCE_COMPANIES:
        found[key], _ = ResourceCompany.objects.get_or_create(
            name=name, defaults={"service": service, "phone": phone, "email": email})
    return found


def create_staff() -> dict[str, User]:
    """The demo staff, one account per login of STAFF; returns them by login."""
    users = {}
    for index, person in enumerate(STAFF, start=1):
        validate_password(person.password)
        user = User(username=person.username, first_name=person.first_name, last_name=person.last_name,
                    email=f"{person.username}@zhks1-centr.example",
                    is_staff=person.role == ADMIN, is_superuser=person.role == ADMIN)
        user.password = _demo_password_hash(person.password)
        user.save()
        set_role(user, person.role)
        department = Department.objects.get(code=person.department) if person.department else None
        StaffProfile.objects.create(user=user, department=department, position=person.position,
                                    phone=f"+7 (812) 555-01-{10 + index}")
        users[person.username] = user
    return users
