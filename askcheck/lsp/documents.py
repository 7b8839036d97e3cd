"""Which editor documents askcheck reads, and which part of each is the message.

Plain text and Markdown are one message each, as `askcheck lint` reads .txt and .md files. A mail
document (a mail client's compose buffer, an .eml file) is read as the corpus reader reads an email:
its header block is skipped, its Subject is context for the asks, and only the writer's own words are
linted (no quoted lines, no reply history, no signature: `corpus.strip_quoted`). Offsets into that
message map back to the document line by line, since quoted lines become empty lines there.
"""
from __future__ import annotations

import bisect
import email.policy
import re
from dataclasses import dataclass
from email.parser import HeaderParser
from pathlib import PurePath

from ..corpus import strip_quoted

TEXT_LANGUAGES = {"plaintext", "text", "markdown"}
MAIL_LANGUAGES = {"mail", "email", "eml"}
TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
MAIL_SUFFIXES = {".eml"}
_HEADER = re.compile(r"[!-9;-~]+:")  # a header field name: printable ASCII, no space, no colon
_CONTINUATION = re.compile(r"[ \t]")
_ENCODED = {"base64", "quoted-printable"}


class NotLintable(Exception):
    """A document askcheck cannot lint as written; str() says why, for the editor's log."""


def wanted(language_id: str, path: str | None) -> bool:
    suffix = PurePath(path).suffix.lower() if path else ""
    return (language_id in TEXT_LANGUAGES | MAIL_LANGUAGES) or suffix in TEXT_SUFFIXES | MAIL_SUFFIXES


def is_mail(language_id: str, path: str | None) -> bool:
    return language_id in MAIL_LANGUAGES or (bool(path) and PurePath(path).suffix.lower() in MAIL_SUFFIXES)


@dataclass(frozen=True)
class MessageView:
    """The message linted for a document, and how its offsets map back to the document's."""

    text: str
    subject: str | None = None
    body_start: int = 0  # where the body starts in the document
    message_lines: tuple[int, ...] = (0,)  # start of each line of `text`
    body_lines: tuple[int, ...] = (0,)  # start of each line of the document's body, from body_start

    def to_document(self, offset: int) -> int:
        line = bisect.bisect_right(self.message_lines, offset) - 1
        return self.body_start + self.body_lines[line] + offset - self.message_lines[line]


def _line_starts(text: str) -> tuple[int, ...]:
    return (0, *(i + 1 for i, c in enumerate(text) if c == "\n"))


def text_view(text: str) -> MessageView:
    return MessageView(text=text)


def mail_view(document: str) -> MessageView:
    headers, body_start = _header_block(document)
    subject = None
    if headers:
        parsed = HeaderParser(policy=email.policy.default).parsestr(headers)
        if parsed.get_content_maintype() == "multipart" or str(parsed.get("Content-Transfer-Encoding", "")).strip().lower() in _ENCODED:
            raise NotLintable("MIME-encoded mail (multipart, base64 or quoted-printable) is not linted in the "
                              "editor: use `askcheck lint` on the file")
        subject = str(parsed.get("Subject") or "").strip() or None
    body = document[body_start:]
    message = strip_quoted(body)
    return MessageView(text=message, subject=subject, body_start=body_start,
                       message_lines=_line_starts(message), body_lines=_line_starts(body))


def _header_block(document: str) -> tuple[str, int]:
    """The header lines at the top of a mail document and where its body starts (after the blank line
    that ends them). A document that does not open with a header field is all body."""
    lines = re.findall(r"[^\n]*\n|[^\n]+$", document)
    if not lines or not _HEADER.match(lines[0]):
        return "", 0
    offset = 0
    for line in lines:
        bare = line.rstrip("\r\n")
        if not bare:
            return document[:offset], offset + len(line)
        if not (_HEADER.match(bare) or _CONTINUATION.match(bare)):
            return document[:offset], offset  # no blank line: the body starts at the first non-header line
        offset += len(line)
    return document, len(document)


def view(text: str, language_id: str, path: str | None) -> MessageView:
    return mail_view(text) if is_mail(language_id, path) else text_view(text)
