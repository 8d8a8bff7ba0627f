"""An applicant's details found in free text, to prefill a registration: nothing is saved."""

from ninja import Router, Schema
from pydantic import Field, field_validator

from appeals.services import MAX_TEXT
from triage.extraction import extract

from .schemas import NOT_BLANK, REQUEST_ERRORS, FieldProblems, Input, Message

router = Router(tags=["Разбор текста"])


class ExtractIn(Input):
    text: str = Field(..., min_length=1, max_length=MAX_TEXT, pattern=NOT_BLANK,
                      description="Запись оператора во время звонка, текст письма: не из одних пробелов")

    @field_validator("text")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("Введите текст.")
        return value


class ExtractOut(Schema):
    full_name: str | None = Field(None, description="ФИО в именительном падеже: «Иванова Мария Петровна»")
    phone: str | None = Field(None, description="+7XXXXXXXXXX")
    email: str | None = None
    street: str | None = Field(None, description="Как в реестре домов («улица Марата») или как написано, "
                                                 "с полным названием типа улицы")
    house: str | None = Field(None, description="«7», «7А», «100/2»")
    korpus: str | None = None
    litera: str | None = None
    flat: str | None = None
    building_id: int | None = Field(None, description="Дом из реестра, если адрес ему соответствует")


@router.post("/extract", response={200: ExtractOut, 401: Message, 422: FieldProblems, **REQUEST_ERRORS},
             summary="Найти данные заявителя в тексте")
def extract_details(request, payload: ExtractIn):
    """ФИО, телефон, почта и адрес из свободного текста; null — чего в тексте нет. Ничего не сохраняется."""
    return extract(payload.text).as_dict()
