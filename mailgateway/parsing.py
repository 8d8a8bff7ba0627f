"""A raw letter as the rest of the gateway reads it: sender, subject, readable text and attached files.

Python's `email` with `policy.default` decodes the headers (RFC 2047, quoted-printable and base64 alike)
and the bodies by their declared charset; a body whose charset is missing or wrong is read as UTF-8, then
windows-1251, then KOI8-R, as Russian mail most often comes. HTML-only letters become plain text.
"""

import hashlib
import re
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser

import lxml.html
from lxml import etree

FALLBACK_CHARSETS = ("utf-8", "cp1251", "koi8-r")
MESSAGE_KEY_MAX = 300
# Elements whose content nobody reads; the head holds the title and styles.
_UNREAD = ("script", "style", "head", "noscript", "template")
_BLOCKS = ("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "ul", "ol",
           "pre", "hr", "section", "article", "header", "footer")


@dataclass
class AttachedFile:
    name: str
    content: bytes


@dataclass
class Letter:
    message: EmailMessage
    message_key: str
    from_name: str
    from_address: str
    subject: str
    text: str
    files: list[AttachedFile] = field(default_factory=list)

    def header(self, name: str) -> str:
        return str(self.message.get(name, "") or "").strip()


def html_to_text(html: str) -> str:
    """The words a reader sees in an HTML letter: no tags, scripts or styles; one line per paragraph."""
    if not html.strip():
        return ""
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    etree.strip_elements(root, *_UNREAD, etree.Comment, with_tail=False)
    for element in root.iter(*_BLOCKS):
        element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _decoded(part: EmailMessage) -> str:
    try:
        return part.get_content()
    except (LookupError, UnicodeDecodeError, AssertionError):
        data = part.get_payload(decode=True) or b""
        for charset in FALLBACK_CHARSETS:
            try:
                return data.decode(charset)
            except UnicodeDecodeError:
                continue
        return data.decode("utf-8", "replace")


def _body_text(message: EmailMessage) -> tuple[str, EmailMessage | None]:
    body = message.get_body(preferencelist=("plain", "html"))
    if body is None:
        return "", None
    text = _decoded(body)
    if body.get_content_subtype() == "html":
        text = html_to_text(text)
    return text.strip(), body


def _files(message: EmailMessage, body: EmailMessage | None) -> list[AttachedFile]:
    files = []
    for part in message.walk():
        if part is body or part.is_multipart() or part.get_content_maintype() == "message":
            continue
        name = part.get_filename() or ""
        if not name and (part.get_content_maintype() == "text" and part.get_content_disposition() != "attachment"):
            continue  # the other alternative of the body (HTML beside the plain text)
        files.append(AttachedFile(name=name, content=part.get_payload(decode=True) or b""))
    return files


def _sender(message: EmailMessage) -> tuple[str, str]:
    try:
        addresses = message["From"].addresses if message["From"] is not None else ()
    except (AttributeError, IndexError, ValueError):
        addresses = ()
    if not addresses:
        return "", ""
    return (addresses[0].display_name or "").strip(), (addresses[0].addr_spec or "").strip().strip("<>")


def message_key(message: EmailMessage, raw: bytes) -> str:
    message_id = str(message.get("Message-ID", "") or "").strip().strip("<>").strip()
    if message_id and len(message_id) <= MESSAGE_KEY_MAX:
        return message_id
    return "sha256:" + hashlib.sha256(raw).hexdigest()


def parse(raw: bytes) -> Letter:
    """The letter in `raw` (the bytes an SMTP server or an IMAP mailbox hands over)."""
    message = BytesParser(policy=policy.default).parsebytes(raw)
    text, body = _body_text(message)
    from_name, from_address = _sender(message)
    subject = " ".join(str(message.get("Subject", "") or "").split())
    return Letter(message=message, message_key=message_key(message, raw), from_name=from_name,
                  from_address=from_address, subject=subject, text=text, files=_files(message, body))
