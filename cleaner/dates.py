"""Dates written by people or machines, to ISO 8601 (YYYY-MM-DD)."""
from __future__ import annotations

import re
from datetime import date

MONTH_NUMBERS = {
    **{m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)},
    "sept": 9, "januar": 1, "februar": 2, "märz": 3, "mai": 5, "juni": 6, "juli": 7, "okt": 10, "dez": 12,
    "janvier": 1, "février": 2, "mars": 3, "avril": 4, "juin": 6, "juillet": 7, "août": 8,
    "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12,
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
    "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7,
    "августа": 8, "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
}
ISO = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
SLASHED_YMD = re.compile(r"(?<!\d)(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?!\d)")
DMY = re.compile(r"(?<!\d)(\d{1,2})[./](\d{1,2})[./](\d{4})(?!\d)")  # European order; the US order is ambiguous
CJK = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
NAMED_MDY = re.compile(r"\b([^\W\d_]{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
NAMED_DMY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:de\s+)?([^\W\d_]{3,10})\.?,?\s+(?:de\s+)?(\d{4})\b")


def _month(name: str) -> int | None:
    name = name.lower()
    return MONTH_NUMBERS.get(name) or MONTH_NUMBERS.get(name[:3])


def _iso(year: int, month: int | None, day: int) -> str | None:
    if not month or not 1990 <= year <= 2100:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_date(text: str) -> str | None:
    """The first date found in the text, as YYYY-MM-DD, or None."""
    for pattern in (ISO, SLASHED_YMD, CJK):
        m = pattern.search(text)
        if m and (found := _iso(int(m[1]), int(m[2]), int(m[3]))):
            return found
    m = NAMED_MDY.search(text)
    if m and (found := _iso(int(m[3]), _month(m[1]), int(m[2]))):
        return found
    m = NAMED_DMY.search(text)
    if m and (found := _iso(int(m[3]), _month(m[2]), int(m[1]))):
        return found
    m = DMY.search(text)
    if m and (found := _iso(int(m[3]), int(m[2]), int(m[1]))):
        return found
    return None
