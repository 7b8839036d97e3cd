"""The language server's parts, in process: positions, the message inside a mail, per-document config."""
from __future__ import annotations

import re

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import askcheck
from askcheck.lsp.documents import NotLintable, mail_view, view, wanted
from askcheck.lsp.linting import fix_all, lint_document
from askcheck.lsp.positions import LineMap

# Line breaks of every kind the protocol knows, separators it does not ("\u2028", form feed), and
# characters of one, two and four UTF-8 bytes (two UTF-16 units for the emoji).
TEXT = st.text(alphabet=st.sampled_from(list("ab \n\r\u2028\x0cé€🎉")), max_size=40)
UNITS = {"utf-8": lambda s: len(s.encode("utf-8")), "utf-16": lambda s: len(s.encode("utf-16-le")) // 2,
         "utf-32": len}


@settings(max_examples=300, deadline=None)
@given(TEXT, st.sampled_from(sorted(UNITS)), st.data())
def test_positions_round_trip_and_count_code_units(text, encoding, data):
    lines = LineMap(text, encoding)
    offset = data.draw(st.integers(0, len(text)))
    assume(text[offset - 1:offset + 1] != "\r\n")  # between the two characters of one line break: no position
    line, column = lines.position(offset)
    assert lines.offset(line, column) == offset
    # Lines end only at \r\n, \r or \n; a column counts the code units from the line's start.
    before = re.split(r"\r\n|\r|\n", text[:offset])
    assert line == len(before) - 1
    assert column == UNITS[encoding](before[-1])


def test_positions_past_the_end_or_inside_a_character_are_clamped():
    lines = LineMap("a🎉b\ncd", "utf-16")
    assert lines.offset(0, 2) == 1  # the middle of the emoji's surrogate pair: the emoji
    assert lines.offset(0, 99) == 3  # past the line's end: its end, before the line break
    assert lines.offset(7, 0) == 6  # past the last line: the end of the text
    assert lines.position(99) == (1, 2)


def test_documents_askcheck_reads():
    assert wanted("plaintext", None) and wanted("markdown", "/x/a.md") and wanted("mail", None)
    assert wanted("unknown", "/x/note.txt") and wanted("", "/x/reply.eml")
    assert not wanted("python", "/x/a.py")


def test_mail_view_maps_the_body_back_to_the_document():
    document = ("From: a@example.com\r\nSubject: =?utf-8?q?Caf=C3=A9_menu?=\r\n\r\n"
                "Line one.\r\n> quoted apology\r\nCan you help?\r\n-- \r\nSam\r\n")
    message = mail_view(document)
    assert message.subject == "Café menu"
    assert message.text == "Line one.\r\n\nCan you help?"
    start = message.text.index("Can")
    assert document[message.to_document(start):].startswith("Can you help?")
    assert message.to_document(len(message.text)) == document.index("\r\n-- ")


def test_a_mail_without_headers_is_all_body_and_a_plain_text_is_all_message():
    assert mail_view("Hi Sam,\nCan you help?\n> old\n").text == "Hi Sam,\nCan you help?"
    assert view("Subject: x\n\nhi", "plaintext", "/x/a.txt").text == "Subject: x\n\nhi"


def test_mime_encoded_mail_is_not_linted_in_the_editor():
    with pytest.raises(NotLintable, match="MIME-encoded"):
        mail_view("Content-Type: multipart/alternative; boundary=x\nSubject: hi\n\n--x\n")
    result = lint_document("Content-Transfer-Encoding: base64\n\nU29ycnk=\n", 3, "mail", None)
    assert result.findings == () and "MIME-encoded" in result.problem and result.version == 3


def test_document_findings_and_fixes_are_in_document_offsets(tmp_path):
    document = "Subject: slides\n\n> Sorry to bother you\nSorry to bother you, but could you review them? Thanks!\n"
    findings = lint_document(document, 1, "mail", str(tmp_path / "m.eml")).findings
    body = "Sorry to bother you, but could you review them? Thanks!\n"
    assert [(f.code, f.start, f.end) for f in findings] == [
        (f.code, f.start + document.index(body), f.end + document.index(body)) for f in askcheck.check(body)]
    apology = next(f for f in findings if f.code == "ASK401")
    assert document[apology.start:apology.end] == "Sorry to bother"
    fixed = fix_all(document, "mail", str(tmp_path / "m.eml"))
    assert fixed == "Subject: slides\n\n> Sorry to bother you\nCould you review them? Thanks!\n"


def test_per_document_config_and_exclude(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.askcheck]\nselect = ["ASK4"]\nexclude = ["drafts/*"]\n'
                                             'surprise = 1\n')
    (tmp_path / "drafts").mkdir()
    text = "Could you review my slides? Sorry to bother you. Thanks!"
    linted = lint_document(text, 1, "plaintext", str(tmp_path / "a.txt"))
    assert [f.code for f in linted.findings] == [f.code for f in askcheck.check(text, select=["ASK4"])] == ["ASK401"]
    assert linted.warnings == (f"{tmp_path / 'pyproject.toml'}: tool.askcheck.surprise: unknown key, ignored",)
    assert lint_document(text, 1, "plaintext", str(tmp_path / "drafts" / "b.txt")).findings == ()
    assert len(lint_document(text, 1, "plaintext", None).findings) == len(askcheck.check(text))  # unsaved: defaults
