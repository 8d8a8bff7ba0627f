"""Preparing appeal texts for the language features: cleaning, and the forms the models read.

`clean_text` is what a person would call the text: no HTML, one mask for hidden personal data,
single spaces. The models read two views of it: `char_text` (lower case, digits as «0», for
character n-grams) and `lemma_text` (dictionary forms from the search index's lemmatiser, so
«протекает» and «протекла» are one word for the model too).
"""

import html
import re

from appeals.search import search_keys

MASK = "[СКРЫТО]"  # how the city portal (and our import) marks removed personal data

_SKIPPED_BLOCKS = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<!--.*?-->|</?[a-zA-Z][^<>]*>", re.DOTALL)
_MASKS = re.compile(r"\[\s*(?:скрыто|скрыт|удалено)\s*\]", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
_DIGITS = re.compile(r"\d+")
_MASK_WORD = "скрыто"  # the mask as one plain word for the models


def strip_html(text: str) -> str:
    """Text without tags, comments, scripts and styles; entities (&nbsp;, &quot;) decoded."""
    if "<" in text:
        text = _TAG.sub(" ", _SKIPPED_BLOCKS.sub(" ", text))
    return html.unescape(text) if "&" in text else text


def clean_text(text: str | None) -> str:
    """HTML stripped, every spelling of the personal-data mask made `MASK`, whitespace collapsed."""
    text = strip_html(text or "")
    text = _MASKS.sub(MASK, text)
    return _SPACES.sub(" ", text).strip()


# The formal frame of a letter, which says nothing of the problem. The texts come flattened to one line
# (`clean_text`), so the frame is found by its words: a heading to the addressee up to where the letter begins,
# greetings, the closing and whatever follows it, the blanks for a date and a signature.
_HEADING = re.compile(r"^\s*(?:(?:генеральному|исполнительному)\s+)?(?:директору|руководителю|начальнику"
                      r"|в\s+управляющую\s+компанию)\b", re.IGNORECASE)
_BEGINS = re.compile(r"\b(?:здравствуйте|добрый\s+день|уважаем\w+|заявление|жалоба|прошу|обращаюсь|сообщаю"
                     r"|довожу|просим)\b", re.IGNORECASE)
_FRAME = re.compile(
    r"\b(?:здравствуйте|добрый\s+(?:день|вечер)|доброе\s+утро|доброго\s+времени\s+суток)\b[!,.]?"
    r"|\bуважаем\w+(?:\s+[А-ЯЁа-яё]+){0,3}\s*[!,]"
    r"|\b(?:с\s+уважением|заранее\s+(?:благодарю|спасибо)|благодарю\s+за\s+внимание|отправлено\s+с)\b.*"
    r"|«?_+»?\s*_+\s*(?:20\d*_*)?\s*г?\.?|\bподпись\b\s*[:_]*",
    re.IGNORECASE | re.DOTALL)


def letter_body(text: str | None) -> str:
    """A formal letter without its frame (the `letters` preset of the classifier): the problem stays."""
    text = clean_text(text)
    body = text
    if _HEADING.match(body) and (begins := _BEGINS.search(body, 0, 600)):
        body = body[begins.start():]
    body = _SPACES.sub(" ", _FRAME.sub(" ", body)).strip()
    return body or text


def char_text(text: str | None) -> str:
    """The view character n-grams read: cleaned, lower case, ё as е, every number as «0», the mask as a word."""
    text = clean_text(text).replace(MASK, f" {_MASK_WORD} ").lower().replace("ё", "е")
    return _SPACES.sub(" ", _DIGITS.sub("0", text)).strip()


def lemmas(text: str | None) -> list[str]:
    """The words of the cleaned text as search-index lemmas; numbers become «0»."""
    keys = search_keys(clean_text(text).replace(MASK, f" {_MASK_WORD} "))
    return ["0" if key.isdigit() else key for key in keys]


def lemma_text(text: str | None) -> str:
    """`lemmas` joined by spaces: the view word n-grams read."""
    return " ".join(lemmas(text))
