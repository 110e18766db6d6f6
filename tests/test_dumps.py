"""Text-browser dumps (lynx, w3m): numbered links, reference lists, depth bullets and hard
wrapping read back, through the real CLI where a user would meet them."""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap

from cleaner import Options, clean
from cleaner.dumps import references_start
from cleaner.wrapping import wrap_width

PARAGRAPHS = [
    "The council voted on Tuesday to restore the ferry service to the island, which stopped "
    "running two winters ago when the old boat failed its [14]safety inspection and was sold.",
    "Residents had campaigned for the return of the service since the spring, and more than "
    "two thousand of them signed a petition that was handed to the council in June.",
    "A new boat will be leased from a yard on the mainland while the council looks for the "
    "money to buy one outright, and the first crossings are planned for the early summer.",
    "Fares will stay at last year's level for islanders, the council said, while visitors will "
    "pay a little more in the summer months to help cover the cost of the lease.",
]


def _lynx_page() -> str:
    """A page as `lynx -dump` gives it: menus with depth bullets and numbered links,
    paragraphs indented three columns and wrapped at 78, form controls, and the list of
    the links' addresses at the end."""
    menu = ["     * [1]Home", "     * [2]News", "          + [3]Local", "          + [4]World",
            "               o [5]Harbour", "     * [6]Sport", "   (BUTTON) Search [7]Sign in", ""]
    body = ["   Council votes to bring back the island ferry", ""]
    for paragraph in PARAGRAPHS:
        body += textwrap.wrap(paragraph, 75, initial_indent="   ", subsequent_indent="   ") + [""]
    footer = ["     * [8]About us", "     * [9]Contact", "     * [10]Privacy", ""]
    refs = ["References", ""] + [f"  {n:2d}. https://news.example/page-{n}/" for n in range(1, 15)]
    refs[6:6] = ["   Visible links:"]
    return "\n".join(menu + body + footer + refs) + "\n"


def test_a_lynx_dump_comes_out_as_its_article_without_link_numbers_or_addresses():
    out = subprocess.run([sys.executable, "-m", "cleaner", "--input-kind", "text"], input=_lynx_page(),
                         capture_output=True, text=True, check=True).stdout
    assert "safety inspection and was sold." in out
    for leftover in ("[14]", "https://", "References", "(BUTTON)", "Visible links", "Privacy"):
        assert leftover not in out
    # Each wrapped paragraph is one paragraph again.
    assert PARAGRAPHS[1] in out


def test_a_dumps_menu_items_are_list_items_and_its_numbered_links_are_links():
    doc = clean(_lynx_page(), options=Options(input_kind="text"))
    harbour = next(b for b in doc.blocks if b.text == "Harbour")
    assert harbour.tag == "li" and harbour.link_chars == len("Harbour")
    sign_in = next(b for b in doc.blocks if "Sign in" in b.text)
    assert sign_in.text == "Search Sign in" and sign_in.link_chars == len("Sign in")


def test_a_dumps_image_file_names_are_no_words_but_bracketed_text_stays():
    # lynx names an image that has no alt text by its file: "[ferry-2.jpg]".
    page = _lynx_page().replace("   Council votes", "   [11][ferry-2.jpg] [harbour_map.PNG?w=640]\n   Council votes")
    page = page.replace("two thousand of them", "two thousand [sic] of them")
    doc = clean(page, options=Options(input_kind="text"))
    text = "\n".join(b.text for b in doc.blocks)
    assert ".jpg" not in text and "harbour_map" not in text
    assert "two thousand [sic] of them" in doc.text


def test_a_pages_own_references_heading_is_not_taken_for_the_dumps_list():
    citations = "References\n\n1. Smith, J. (2019). Ferries of the northern isles. Island Press.\n"
    text = "\n\n".join(PARAGRAPHS) + "\n" + " ".join(f"[{n}]" for n in range(6)) + "\n" + citations
    assert references_start(text) == -1
    assert references_start(_lynx_page()) > 0


def test_wrapped_text_is_recognised_with_a_few_unwrapped_code_lines():
    # Text browsers wrap prose but not <pre>: a few long code lines must not hide the width.
    prose = "\n\n".join(textwrap.fill(p, 72) for p in PARAGRAPHS * 6)  # about 70 lines
    code = "\n".join(["    result = compute_the_crossing_timetable(first_departure, last_departure, interval)"] * 2)
    assert wrap_width(prose + "\n\n" + code + "\n") == 72


def test_a_paragraph_wrapped_twice_at_different_columns_is_kept_once():
    # The same paragraph in two layouts (a tab and a panel of the same text) wraps at other
    # words each time: its lines differ, the paragraph does not.
    first = textwrap.fill(PARAGRAPHS[1], 72)
    second = textwrap.fill(PARAGRAPHS[1], 60, initial_indent="  ", subsequent_indent="  ")
    others = [textwrap.fill(p, 72) for p in PARAGRAPHS[2:] + PARAGRAPHS[:1]]
    text = "\n\n".join([first] + others + [second]) + "\n"
    doc = clean(text, options=Options(input_kind="text"))
    assert doc.text.count("petition that was handed") == 1


def test_w3m_depth_bullets_start_list_items_of_their_own():
    # An item that fills its line is not carried on by the next item, whatever its bullet.
    items = [("•", "Timetables for the winter and the summer crossings, and the fares of each"),
             ("□", "Winter crossings leave every two hours from six in the morning until late"),
             ("☆", "Summer crossings leave every hour from six in the morning until midnight"),
             ("○", "Fares")]
    text = "\n".join(textwrap.fill(p, 72) for p in PARAGRAPHS[:2]) + "\n" + "\n".join(
        f"{bullet} {item}" for bullet, item in items) + "\n\n" + "\n\n".join(textwrap.fill(p, 72) for p in PARAGRAPHS[2:]) + "\n"
    doc = clean(text, options=Options(input_kind="text"))
    for bullet, item in items:
        assert any(b.text == f"{bullet} {item}" and b.group == b.index for b in doc.blocks), item


def test_a_wrapped_paragraph_is_one_block_for_the_passes():
    # The wrapper's line breaks are not the page's: each paragraph is one block, as the
    # page had it, so the passes count an article's paragraphs, not its screen lines
    # (read line by line, a listing's teasers wrapped over three lines each outweighed it).
    doc = clean(_lynx_page(), options=Options(input_kind="text"))
    for paragraph in PARAGRAPHS:
        block = next(b for b in doc.blocks if b.text.startswith(paragraph[:30]))
        assert block.text == paragraph.replace("[14]", "")
        # The link numbered on one of its lines still counts as the block's link text.
        assert (block.link_chars > 0) == ("[14]" in paragraph)


def test_a_short_page_whose_two_longest_paragraphs_share_a_length_is_not_wrapped():
    # The longest lines of any text end near its longest line: two paragraphs of one
    # length on a short page are no wrapper's width, and are not joined into one.
    first = "The central bank left its main rate unchanged on Thursday, as most economists had expected it would."
    second = "Analysts now expect a first cut in the spring of next year, if figures allow it, the bank said then."
    assert len(first) == len(second) == 100
    lines = ["Home", "Politics", "Economy", "Sport", "Sign in", "ECONOMY",
             "The central bank holds its rates for a third month", "The decision was expected by markets",
             "By Maria Papadopoulou", "04.12.2026, 11:20", first, "Advertisement", second,
             "Markets rose after the announcement in the afternoon.", "Share", "Most read",
             "Snow expected across the region this weekend", "Local restaurant wins a national award"]
    text = "\n".join(lines)
    assert wrap_width(text) == 0
    doc = clean(text.encode())
    assert first in doc.text and second in doc.text and f"{first} {second}" not in doc.text


CHINESE_PARAGRAPHS = [
    "上海市交通委员会周四宣布，从下周一起，洋山深水港将恢复夜间通航，这是自去年秋季航道疏浚工程启动以来首次全面开放夜间作业。",
    "据港口管理部门介绍，夜间通航恢复后，集装箱船舶的平均等待时间预计将从原来的三十六小时缩短至二十小时左右，整体货运效率有望提升约三成。",
    "疏浚工程共清理淤泥约一千二百万立方米，航道水深由原来的十四米增加至十六米，可满足目前世界上最大型集装箱船舶的进出港需求。",
    "一位航运公司负责人表示，夜间通航的恢复对于缓解春节后的运输高峰具有重要意义，公司已计划在下个月增加两条欧洲航线的班次。",
    "不过，也有环保人士指出，夜间作业可能对长江口附近的鸟类栖息地造成一定影响，呼吁有关部门加强监测。",
    "对此，港口管理部门回应称，已在航道两侧设置了十二个生态监测点，并将定期公布监测数据。",
]


def test_chinese_paragraphs_of_one_line_each_are_not_taken_for_wrapped_text(tmp_path):
    # A page whose every paragraph is one line of Chinese, of about one length, with no
    # blank line between: a wrapper breaks Chinese between any two letters, so lines of
    # Chinese longer than a width were not wrapped at it, and a short line ("字号：大 中 小",
    # the font-size control) is no paragraph's first part.
    lines = ["首页", "新闻", "财经", "科技", "登录 注册", "上海港口恢复夜间通航 货运效率提升三成",
             "2025年3月7日 09:30 来源：新华网 作者：李明", "分享到：微信 微博 QQ空间", "字号：大 中 小",
             *CHINESE_PARAGRAPHS, "责任编辑：王芳", "相关阅读", "宁波舟山港一季度吞吐量创新高", "天津港启用全自动化码头",
             "关于我们 | 联系我们 | 广告服务 | 隐私政策", "© 2025 某某新闻网 版权所有"]
    page = tmp_path / "news.txt"
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "cleaner", "-f", "json", str(page)],
                         capture_output=True, text=True, check=True)
    assert json.loads(out.stdout)["text"].split("\n\n") == CHINESE_PARAGRAPHS


def test_chinese_wrapped_at_a_column_is_joined_again_without_spaces():
    # A text browser wraps Chinese between any two letters, at half its columns (two a
    # letter): each paragraph is one again, with no space where the wrapper broke it.
    paragraphs = [p + p for p in CHINESE_PARAGRAPHS]
    text = "\n\n".join("\n".join(p[i:i + 36] for i in range(0, len(p), 36)) for p in paragraphs) + "\n"
    assert wrap_width(text) == 36
    doc = clean(text.encode(), options=Options(input_kind="text"))
    assert doc.text.split("\n\n") == paragraphs
