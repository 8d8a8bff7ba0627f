"""Russian words with numbers: «1 рабочий день», «3 рабочих дня», «5 рабочих дней»."""


def plural(n: int, one: str, few: str, many: str) -> str:
    """The form of a noun that goes with the number `n`."""
    n = abs(n)
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def working_days(n: int) -> str:
    return f"{n} {plural(n, 'рабочий день', 'рабочих дня', 'рабочих дней')}"
