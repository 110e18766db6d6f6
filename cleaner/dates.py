"""Dates written by people or machines, to ISO 8601 (YYYY-MM-DD)."""
from __future__ import annotations

import re
from datetime import date

from .language import MARKS

# Month names, January to December, of the languages whose dates are read; abbreviations
# are their first three letters (see _abbreviations).
MONTH_NAMES = (
    "january february march april may june july august september october november december",
    "januar februar märz april mai juni juli august september oktober november dezember",
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "januari februari maart april mei juni juli augustus september oktober november december",
    "januari februari mars april maj juni juli augusti september oktober november december",
    "januari februari maret april mei juni juli agustus september oktober november desember",
    "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia",
    "ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık",
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня",
    "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر",
    "ledna února března dubna května června července srpna září října listopadu prosince",
    "ιανουαρίου φεβρουαρίου μαρτίου απριλίου μαΐου ιουνίου ιουλίου αυγούστου σεπτεμβρίου οκτωβρίου νοεμβρίου δεκεμβρίου",
    "tammikuuta helmikuuta maaliskuuta huhtikuuta toukokuuta kesäkuuta heinäkuuta elokuuta syyskuuta lokakuuta marraskuuta joulukuuta",
    "januari februari mac april mei jun julai ogos september oktober november disember",
    "január február március április május június július augusztus szeptember október november december",
    "ianuarie februarie martie aprilie mai iunie iulie august septembrie octombrie noiembrie decembrie",
    "januára februára marca apríla mája júna júla augusta septembra októbra novembra decembra",
    "जनवरी फ़रवरी मार्च अप्रैल मई जून जुलाई अगस्त सितंबर अक्टूबर नवंबर दिसंबर",
    "มกราคม กุมภาพันธ์ มีนาคม เมษายน พฤษภาคม มิถุนายน กรกฎาคม สิงหาคม กันยายน ตุลาคม พฤศจิกายน ธันวาคม",
)
THAI_MONTHS = MONTH_NAMES[-1].split()
# Thai abbreviations ("ธ.ค." for ธันวาคม).
THAI_SHORT = "ม.ค. ก.พ. มี.ค. เม.ย. พ.ค. มิ.ย. ก.ค. ส.ค. ก.ย. ต.ค. พ.ย. ธ.ค.".split()


def _abbreviations() -> dict[str, int]:
    """Each month name's first three letters ("déc", "dez", "ago"), where no other month
    of any language starts with them (Czech "čer" is June and July)."""
    seen: dict[str, set[int]] = {}
    for names in MONTH_NAMES:
        for i, name in enumerate(names.split(), 1):
            seen.setdefault(name[:3], set()).add(i)
    return {short: months.pop() for short, months in seen.items() if len(months) == 1}


MONTH_NUMBERS = {
    **_abbreviations(),
    **{m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)},
    **{name: i for names in MONTH_NAMES for i, name in enumerate(names.split(), 1)},
    **{short: i for i, short in enumerate(THAI_SHORT, 1)},
    "sept": 9, "févr": 2, "janv": 1, "juil": 7, "إبريل": 4, "ابريل": 4, "اغسطس": 8,
    # Hindi's other spellings (without the nukta, with a half "m" for the anusvara).
    "फरवरी": 2, "सितम्बर": 9, "नवम्बर": 11, "दिसम्बर": 12,
    # The Levantine and Iraqi names of the one-word months (Syria, Lebanon, Jordan, Iraq).
    "شباط": 2, "آذار": 3, "اذار": 3, "نيسان": 4, "أيار": 5, "ايار": 5, "حزيران": 6, "تموز": 7,
    "أيلول": 9, "ايلول": 9,
}
ISO = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
SLASHED_YMD = re.compile(r"(?<!\d)(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?!\d)")
DMY = re.compile(r"(?<!\d)(\d{1,2})[./](\d{1,2})[./](\d{4})(?!\d)")  # European order; the US order is ambiguous
# Chinese and Japanese 年月日, Korean 년 월 일 ("2025년 12월 5일").
CJK = re.compile(r"(\d{4})\s?[年년]\s?(\d{1,2})\s?[月월]\s?(\d{1,2})\s?[日일]")
# A month's name: letters, and the vowel signs inside them ("दिसंबर"), which the regex
# engine does not count as letters.
NAME = rf"(?:[^\W\d_]|[{MARKS}])"
NAMED_MDY = re.compile(rf"\b({NAME}{{3,12}})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b")
NAMED_DMY = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\.?\s+(?:de\s+)?({NAME}{{3,12}})\.?,?\s+(?:de\s+)?(\d{{4}})\b")
# Vietnamese "ngày 3 tháng 12 năm 2025"; Thai "3 ธันวาคม 2568", in the Buddhist era (543
# years ahead), and with vowel signs that are not word characters to the regex engine.
VIETNAMESE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2}),?\s+năm\s+(\d{4})", re.I)
THAI = re.compile(rf"(\d{{1,2}})\s*({'|'.join(THAI_MONTHS + [re.escape(m) for m in THAI_SHORT])})\s*(?:พ\.ศ\.\s*)?(\d{{4}})")
# Hungarian puts the year first: "2025. december 3.".
NAMED_YMD = re.compile(rf"\b(\d{{4}})\.\s+({NAME}{{3,12}})\s+(\d{{1,2}})\.")
BUDDHIST_ERA = 543


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
    m = VIETNAMESE.search(text)
    if m and (found := _iso(int(m[3]), int(m[2]), int(m[1]))):
        return found
    m = THAI.search(text)
    if m and (found := _iso(int(m[3]) - (BUDDHIST_ERA if int(m[3]) > 2400 else 0), _month(m[2]), int(m[1]))):
        return found
    m = NAMED_YMD.search(text)
    if m and (found := _iso(int(m[1]), _month(m[2]), int(m[3]))):
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
