"""Small hand-written appeals for the classifier tests (no shared data is read by tests)."""

import json

ROOF = [
    "Течёт крыша над квартирой", "Протекает кровля после дождя", "С крыши капает вода в комнату",
    "Крыша протекла, мокрый потолок", "Дырявая кровля, вода на чердаке", "Протечка с крыши на последнем этаже",
    "Течь кровли над подъездом", "Кровля течёт при каждом дожде",
]
LIFT = [
    "Не работает лифт", "Лифт сломан третий день", "Лифт стоит, кнопки не горят", "Лифт не едет на этажи",
    "Сломался лифт во втором подъезде", "Лифт застревает между этажами", "Неисправен лифт, двери не открываются",
    "Лифт гудит и не работает",
]
LITTER = [
    "Мусор во дворе", "Во дворе разбросан мусор", "Грязь и мусор на газоне у дома", "Мусор не убирают во дворе",
    "Кучи мусора на детской площадке", "Бутылки и пакеты во дворе", "Двор завален мусором",
    "Мусор у контейнеров разнесло по двору",
]
DATA = [("Кровля", "Повреждение кровли", 26, ROOF), ("Содержание МКД", "Неисправный лифт", 122, LIFT),
        ("Благоустройство", "Мусор на внутридворовой территории", 12, LITTER)]


def labelled() -> tuple[list[str], list[str]]:
    texts, labels = [], []
    for category, reason, _id, examples in DATA:
        texts += examples
        labels += [f"{category} → {reason}"] * len(examples)
    return texts, labels


def portal_rows() -> list[dict]:
    """Records shaped like the city portal's export, spread over two months."""
    rows = []
    for category, reason, reason_id, examples in DATA:
        for i, text in enumerate(examples):
            rows.append({"id": f"{reason_id}-{i}", "text": text, "category": category, "reason": reason,
                         "reason_id": reason_id, "created": f"2021-0{1 + i % 2}-1{i % 9}T10:00:00"})
    return rows


def write_jsonl(path, rows) -> str:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return str(path)
