"""Money as Russian documents write it: «1 234,56 ₽» and «Одна тысяча двести тридцать четыре рубля 56 копеек»."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from num2words import num2words

from priemnaya.russian import plural

from .choices import VatRate

NBSP = "\u00a0"
CENT = Decimal("0.01")
# No paid service of a management company costs more; a larger figure is a typing error.
MAX_PRICE = Decimal("1000000.00")
MAX_QUANTITY = Decimal("1000")


class MoneyError(ValueError):
    """A sum that cannot be taken; the message is for people."""


def parse_amount(raw, *, limit: Decimal = MAX_PRICE, what: str = "Цена") -> Decimal:
    """A positive sum in roubles from «1 234,56», «1234.56» or a Decimal; MoneyError with a Russian message."""
    text = str(raw if raw is not None else "").strip().replace(NBSP, "").replace(" ", "").replace(",", ".")
    text = text.removesuffix("₽").removesuffix("руб.").removesuffix("р.")
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise MoneyError(f"{what}: введите число, например 1 500 или 1 234,56.") from None
    if not amount.is_finite() or amount <= 0:
        raise MoneyError(f"{what}: нужно число больше нуля.")
    if amount > limit:
        raise MoneyError(f"{what} больше {rub(limit)}: проверьте, не лишние ли цифры.")
    if amount != amount.quantize(CENT):
        raise MoneyError(f"{what}: не больше двух знаков после запятой (копейки).")
    return amount.quantize(CENT)


def _grouped(whole: int) -> str:
    return f"{whole:,}".replace(",", NBSP)


def figures(amount: Decimal) -> str:
    """«1 234,56»: a sum in a document's table, thousands grouped by non-breaking spaces."""
    amount = Decimal(amount).quantize(CENT, ROUND_HALF_UP)
    sign = "−" if amount < 0 else ""
    whole, cents = divmod(abs(amount) * 100, 100)
    return f"{sign}{_grouped(int(whole))},{int(cents):02d}"


def rub(amount: Decimal) -> str:
    """«1 234,56 ₽»: the sign kept on the line with the figures by a non-breaking space."""
    return f"{figures(amount)}{NBSP}₽"


def number(value: Decimal) -> str:
    """A quantity as a document writes it: «1», «2,5»."""
    text = f"{Decimal(value).normalize():f}"
    return text.replace(".", ",")


def amount_in_words(amount: Decimal) -> str:
    """«Одна тысяча двести тридцать четыре рубля 56 копеек»: roubles in words, kopecks in figures."""
    amount = Decimal(amount).quantize(CENT, ROUND_HALF_UP)
    whole, cents = int(amount), int((amount - int(amount)) * 100)
    words = num2words(whole, lang="ru")  # рубль is masculine: «один рубль», «двадцать один рубль»
    rouble = plural(whole, "рубль", "рубля", "рублей")
    kopeck = plural(cents, "копейка", "копейки", "копеек")
    return f"{words[:1].upper()}{words[1:]} {rouble} {cents:02d} {kopeck}"


def vat_included(total: Decimal, rate: VatRate) -> Decimal | None:
    """The VAT contained in a price that includes it (total × rate / (100 + rate)); None without VAT."""
    percent = VatRate(rate).percent
    if percent is None:
        return None
    return (Decimal(total) * percent / (100 + percent)).quantize(CENT, ROUND_HALF_UP)


def vat_line(rate: VatRate, amount: Decimal | None) -> str:
    """The invoice's VAT line: «Без НДС» or «В том числе НДС 22 %»."""
    percent = VatRate(rate).percent
    return "Без НДС" if percent is None or amount is None else f"В том числе НДС {percent}{NBSP}%"
