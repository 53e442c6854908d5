from __future__ import annotations

import codecs

import pytest

from briefreader.corpus.decode import decode_bytes
from briefreader.corpus.errors import Rejected

TEXT = "Guantánamo — “quoted” ’s"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be"),
        (codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"), "utf-32-le"),
        (TEXT.encode("utf-8"), "utf-8"),
    ],
)
def test_bom_and_utf8_decode_exactly(data: bytes, encoding: str) -> None:
    decoded = decode_bytes(data)
    assert decoded.text == TEXT
    assert decoded.encoding == encoding
    assert decoded.confidence == 1.0
    assert decoded.warnings == ()


def test_utf16_without_bom_is_recognised_and_flagged() -> None:
    text = "The Taliban and ISKP: a plain English sentence of some length."
    for encoding in ("utf-16-le", "utf-16-be"):
        decoded = decode_bytes(text.encode(encoding))
        assert decoded.text == text
        assert decoded.encoding == encoding
        assert "no byte-order mark" in decoded.warnings[0]


def test_legacy_encoding_is_guessed_with_a_confidence_warning() -> None:
    text = (
        "Les négociations à Genève ont échoué après trois jours. Le ministre a déclaré "
        "qu’il était « très déçu » de l’attitude des délégués étrangers."
    )
    decoded = decode_bytes(text.encode("cp1252"))
    assert decoded.text == text
    assert decoded.confidence < 1.0 or decoded.warnings
    assert any("encoding guessed" in w for w in decoded.warnings)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"PK\x03\x04\x14\x00\x00\x00", "ZIP"),
        (b"text\x00with\x00\x00nul bytes\x00 here \x01\x02", "binary"),
        (bytes(range(1, 9)) * 50, "binary"),
    ],
)
def test_binary_and_empty_input_is_rejected_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(Rejected, match=reason):
        decode_bytes(data)


def test_random_high_bytes_are_flagged_not_decoded_into_garbage() -> None:
    garbage = bytes((i * 97 + 13) % 128 + 128 for i in range(3000))
    decoded = decode_bytes(garbage)
    assert decoded.text == garbage.decode("utf-8", errors="replace")
    assert decoded.warnings[0].startswith("encoding unknown")


def test_mostly_utf8_with_a_stray_windows_byte_keeps_the_utf8() -> None:
    data = "It’s a “café” in Zürich and a stray ".encode() + b"\x92" + b" quote."
    decoded = decode_bytes(data)
    assert decoded.text == "It’s a “café” in Zürich and a stray ’ quote."
    assert decoded.encoding == "utf-8"
    assert decoded.warnings == ("mostly UTF-8; 1 stray byte(s) read as cp1252",)


def test_equivalent_code_pages_are_reported_by_their_common_name() -> None:
    text = "Die Verhandlungen in Genf sind gescheitert. Er sei sehr enttäuscht über die Haltung."
    decoded = decode_bytes(text.encode("mac_roman"))
    assert decoded.text == text
    assert decoded.encoding == "mac_roman"
