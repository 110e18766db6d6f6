"""Site chrome in languages beyond English (Korean, Arabic, Persian and Thai, in particle-
ending, right-to-left or unspaced prose, among them): each page's menu, share, ad, related,
comment and copyright lines, its skip links, "follow us" prompts and consent buttons, its
labelled datelines and the boxes its class names call related go, and its prose stays."""
from __future__ import annotations

import pytest

from cleaner import Options, clean
from cleaner.language import SHORT_LISTS
from cleaner.rules import defaults

PAGES = {
    "it": (["Accedi", "Cerca", "Condividi", "Pubblicità", "Leggi anche: Il nuovo piano per il porto",
            "Articoli correlati", "Commenti", "© 2025 Gazzetta S.p.A. Tutti i diritti riservati."],
           ["Il consiglio comunale ha approvato ieri sera il nuovo piano per il traffico del centro storico, "
            "che entrerà in vigore dal primo giorno di aprile dopo mesi di discussione con i residenti.",
            "Secondo l'assessore, le nuove regole ridurranno il traffico di attraversamento di circa un terzo "
            "e permetteranno di allargare i marciapiedi nelle vie più strette."]),
    "pt": (["Entrar", "Pesquisar", "Compartilhar", "Publicidade", "Leia também: Novo plano para o porto",
            "Notícias relacionadas", "Comentários", "© 2025 Jornal do Porto. Todos os direitos reservados."],
           ["A câmara municipal aprovou ontem à noite o novo plano de trânsito para o centro histórico, que "
            "entra em vigor no primeiro dia de abril depois de meses de discussão com os moradores.",
            "Segundo o vereador, as novas regras vão reduzir o trânsito de passagem em cerca de um terço e "
            "permitir alargar os passeios nas ruas mais estreitas."]),
    "nl": (["Inloggen", "Zoeken", "Delen", "Advertentie", "Lees ook: Nieuw plan voor de haven",
            "Gerelateerde artikelen", "Reacties", "© 2025 Havenkrant. Alle rechten voorbehouden."],
           ["De gemeenteraad heeft gisteravond het nieuwe verkeersplan voor de binnenstad goedgekeurd, dat "
            "op de eerste dag van april ingaat na maanden van overleg met de bewoners.",
            "Volgens de wethouder zullen de nieuwe regels het doorgaande verkeer met ongeveer een derde "
            "verminderen en kunnen de stoepen in de smalste straten worden verbreed."]),
    "pl": (["Zaloguj się", "Szukaj", "Udostępnij", "Reklama", "Czytaj także: Nowy plan dla portu",
            "Polecane", "Komentarze", "© 2025 Gazeta Portowa. Wszelkie prawa zastrzeżone."],
           ["Rada miasta przyjęła wczoraj wieczorem nowy plan ruchu dla starego miasta, który wejdzie w "
            "życie pierwszego kwietnia po miesiącach rozmów z mieszkańcami.",
            "Według radnego nowe zasady zmniejszą ruch tranzytowy o około jedną trzecią i pozwolą poszerzyć "
            "chodniki na najwęższych ulicach."]),
    "tr": (["Giriş yap", "Ara", "Paylaş", "Reklam", "Ayrıca okuyun: Liman için yeni plan",
            "İlgili haberler", "Yorumlar", "© 2025 Liman Gazetesi. Tüm hakları saklıdır."],
           ["Belediye meclisi dün akşam tarihi şehir merkezi için yeni trafik planını onayladı ve plan, "
            "sakinlerle aylar süren görüşmelerin ardından nisan ayının ilk gününde yürürlüğe girecek.",
            "Meclis üyesine göre yeni kurallar transit trafiği yaklaşık üçte bir oranında azaltacak ve en dar "
            "sokaklarda kaldırımların genişletilmesine olanak tanıyacak."]),
    "sv": (["Logga in", "Sök", "Dela", "Annons", "Läs också: Ny plan för hamnen",
            "Relaterade artiklar", "Kommentarer", "© 2025 Hamnbladet. Alla rättigheter förbehållna."],
           ["Kommunfullmäktige godkände i går kväll den nya trafikplanen för gamla stan, som börjar gälla "
            "den första april efter flera månaders samtal med de boende.",
            "Enligt kommunalrådet kommer de nya reglerna att minska genomfartstrafiken med ungefär en "
            "tredjedel och göra det möjligt att bredda trottoarerna på de smalaste gatorna."]),
    "ko": (["로그인", "검색", "공유하기", "광고", "관련기사: 항만을 위한 새 계획", "많이 본 뉴스", "댓글 3",
            "저작권자 © 항만일보 무단전재 및 재배포 금지"],
           ["시의회는 어젯밤 구도심의 새로운 교통 계획을 승인했으며, 이 계획은 주민들과 몇 달 동안 논의한 끝에 "
            "4월 첫날부터 시행된다.",
            "시의원에 따르면 새로운 규정은 통과 교통을 약 3분의 1 줄이고 가장 좁은 거리의 인도를 넓힐 수 있게 해 줄 것이다."]),
    "ar": (["تسجيل الدخول", "بحث", "شارك", "إعلان", "اقرأ أيضا: خطة جديدة للميناء", "أخبار ذات صلة", "التعليقات",
            "© 2025 جريدة الميناء. جميع الحقوق محفوظة."],
           ["وافق المجلس البلدي مساء أمس على خطة المرور الجديدة لوسط المدينة القديمة، والتي ستدخل حيز التنفيذ في "
            "اليوم الأول من أبريل بعد أشهر من النقاش مع السكان.",
            "وبحسب عضو المجلس، فإن القواعد الجديدة ستقلل حركة العبور بنحو الثلث وستسمح بتوسيع الأرصفة في أضيق الشوارع."]),
    "uk": (["Увійти", "Пошук", "Поділитися", "Реклама", "Читайте також: Новий план для порту", "Схожі новини",
            "Коментарі", "© 2025 Портова газета. Всі права захищені."],
           ["Міська рада вчора ввечері затвердила новий план руху для старого міста, який набуде чинності з першого "
            "квітня після кількох місяців обговорення з мешканцями.",
            "За словами депутата, нові правила зменшать транзитний рух приблизно на третину і дозволять розширити "
            "тротуари на найвужчих вулицях."]),
    "vi": (["Đăng nhập", "Tìm kiếm", "Chia sẻ", "Quảng cáo", "Xem thêm: Kế hoạch mới cho cảng", "Tin liên quan",
            "Bình luận", "© 2025 Báo Cảng. Bản quyền thuộc về Báo Cảng."],
           ["Hội đồng thành phố tối qua đã thông qua kế hoạch giao thông mới cho khu phố cổ, kế hoạch sẽ có hiệu lực "
            "từ ngày đầu tiên của tháng Tư sau nhiều tháng thảo luận với người dân.",
            "Theo ủy viên hội đồng, các quy định mới sẽ giảm khoảng một phần ba lượng xe đi xuyên qua và cho phép mở "
            "rộng vỉa hè trên những con phố hẹp nhất."]),
    "cs": (["Přihlásit se", "Hledat", "Sdílet", "Reklama", "Přečtěte si také: Nový plán pro přístav",
            "Související články", "Komentáře", "© 2025 Přístavní noviny. Všechna práva vyhrazena."],
           ["Městské zastupitelstvo včera večer schválilo nový dopravní plán pro staré město, který začne platit "
            "prvního dubna po několika měsících jednání s obyvateli.",
            "Podle radního nová pravidla sníží průjezdnou dopravu zhruba o třetinu a umožní rozšířit chodníky v "
            "nejužších ulicích, které jsou dnes pro chodce nebezpečné."]),
    "hu": (["Bejelentkezés", "Keresés", "Megosztás", "Hirdetés", "Kapcsolódó: Új terv a kikötőnek",
            "Kapcsolódó cikkek", "Hozzászólások", "© 2025 Kikötői Hírlap. Minden jog fenntartva."],
           ["A városi közgyűlés tegnap este elfogadta az óváros új közlekedési tervét, amely a lakókkal folytatott "
            "több hónapos egyeztetés után április elsején lép hatályba.",
            "A képviselő szerint az új szabályok nagyjából egyharmadával csökkentik az átmenő forgalmat, és lehetővé "
            "teszik a járdák szélesítését a legszűkebb utcákban."]),
    "el": (["Σύνδεση", "Αναζήτηση", "Κοινοποίηση", "Διαφήμιση", "Διαβάστε επίσης: Νέο σχέδιο για το λιμάνι",
            "Σχετικά άρθρα", "Σχόλια", "© 2025 Εφημερίδα του Λιμανιού. Με επιφύλαξη παντός δικαιώματος."],
           ["Το δημοτικό συμβούλιο ενέκρινε χθες το βράδυ το νέο κυκλοφοριακό σχέδιο για την παλιά πόλη, το οποίο "
            "θα τεθεί σε ισχύ την πρώτη Απριλίου μετά από μήνες συζητήσεων με τους κατοίκους.",
            "Σύμφωνα με τον δημοτικό σύμβουλο, οι νέοι κανόνες θα μειώσουν τη διερχόμενη κυκλοφορία κατά περίπου ένα "
            "τρίτο και θα επιτρέψουν τη διαπλάτυνση των πεζοδρομίων στους πιο στενούς δρόμους."]),
    "ro": (["Autentificare", "Căutare", "Distribuie", "Publicitate", "Citește și: Un nou plan pentru port",
            "Articole similare", "Comentarii", "© 2025 Ziarul Portului. Toate drepturile rezervate."],
           ["Consiliul local a aprobat aseară noul plan de trafic pentru centrul vechi, care va intra în vigoare la "
            "începutul lunii aprilie, după luni de discuții cu locuitorii.",
            "Potrivit consilierului, noile reguli vor reduce traficul de tranzit cu aproximativ o treime și vor "
            "permite lărgirea trotuarelor pe cele mai înguste străzi."]),
    "he": (["התחברות", "חיפוש", "שתפו", "פרסומת", "קראו גם: תוכנית חדשה לנמל", "כתבות נוספות", "תגובות",
            "© 2025 עיתון הנמל. כל הזכויות שמורות."],
           ["מועצת העיר אישרה אתמול בערב את תוכנית התנועה החדשה לעיר העתיקה, והיא תיכנס לתוקף בראשון באפריל לאחר "
            "חודשים של דיונים עם התושבים.",
            "לדברי חבר המועצה, הכללים החדשים יפחיתו את תנועת המעבר בכשליש ויאפשרו להרחיב את המדרכות ברחובות הצרים ביותר."]),
    "fa": (["ورود", "جستجو", "اشتراک گذاری", "تبلیغات", "بیشتر بخوانید: طرح تازه برای بندر", "مطالب مرتبط",
            "نظرات", "© 2025 روزنامه بندر. کلیه حقوق این سایت محفوظ است."],
           ["شورای شهر دیشب طرح جدید ترافیک برای بافت قدیمی شهر را تصویب کرد که پس از ماه‌ها گفت‌وگو با ساکنان "
            "از نخستین روز فروردین اجرا می‌شود.",
            "به گفته عضو شورا، قوانین تازه ترافیک عبوری را حدود یک‌سوم کاهش می‌دهد و امکان عریض کردن "
            "پیاده‌روها در باریک‌ترین خیابان‌ها را فراهم می‌کند."]),
    # Thai writes no spaces between words: its words are counted from its letters and its
    # function words found inside the text (features.py).
    "th": (["เข้าสู่ระบบ", "ค้นหา", "แชร์", "โฆษณา", "อ่านเพิ่มเติม: แผนใหม่สำหรับท่าเรือ", "ข่าวที่เกี่ยวข้อง",
            "ความคิดเห็น", "© 2025 หนังสือพิมพ์ท่าเรือ สงวนลิขสิทธิ์"],
           ["สภาเมืองอนุมัติแผนการจราจรใหม่สำหรับเขตเมืองเก่าเมื่อคืนนี้ และแผนนี้จะมีผลบังคับใช้ในวันแรกของเดือนเมษายน "
            "หลังจากที่ได้มีการหารือกับผู้อยู่อาศัยในพื้นที่มาเป็นเวลาหลายเดือน",
            "สมาชิกสภากล่าวว่า กฎใหม่จะช่วยลดการจราจรที่ผ่านเมืองลงได้ประมาณหนึ่งในสาม "
            "และจะทำให้สามารถขยายทางเท้าในถนนที่แคบที่สุดได้"]),
    "hi": (["लॉग इन", "खोजें", "शेयर करें", "विज्ञापन", "यह भी पढ़ें: बंदरगाह के लिए नई योजना", "संबंधित खबरें",
            "टिप्पणियाँ", "© 2025 बंदरगाह समाचार. सर्वाधिकार सुरक्षित."],
           ["नगर परिषद ने कल शाम पुराने शहर के लिए नई यातायात योजना को मंज़ूरी दे दी, जो निवासियों के साथ महीनों की "
            "चर्चा के बाद अप्रैल की पहली तारीख से लागू होगी।",
            "पार्षद के अनुसार नए नियम शहर से होकर गुज़रने वाले यातायात को लगभग एक तिहाई तक कम कर देंगे और सबसे "
            "संकरी गलियों में फुटपाथ चौड़े करने की अनुमति देंगे।"]),
}


@pytest.mark.parametrize("language", sorted(PAGES))
def test_chrome_goes_and_prose_stays(language):
    chrome, prose = PAGES[language]
    login, search, share, ad, read_also, related, comments, copyright_line = chrome
    lines = [login, search, "", share, "", prose[0], "", ad, "", read_also, "", prose[1], "",
             related, "", comments, "", copyright_line]
    doc = clean("\n".join(lines).encode(), options=Options(input_kind="text"))
    assert doc.metadata.language == language
    assert doc.text.split("\n\n") == prose


# A shop's page of labels: colours, sizes and prices, and few stop words of any language.
LABELS = ("Deep Blue Cup 12 oz $24 Add to cart White Cup 16 oz $28 Add to cart Green Cup with lid $30 "
          "Black Series travel mug $35 Sun Yellow Cup $24 Show more colours Your bag is empty Best sellers "
          "New in Super soft cotton tee Blue Navy White Black Green Dark Brown Sizes S M L XL ") * 3


def test_a_page_of_english_labels_is_read_in_the_language_it_declares():
    # jusText's Finnish list holds "blue", "white", "your" and "super": by votes alone the
    # labels came out Finnish, and were measured against Finnish stop words.
    page = f'<html lang="en"><head><title>Cups</title></head><body><main><p>{LABELS}</p></main></body></html>'
    assert clean(page.encode()).metadata.language == "en"


# A record shop's page as scraped text: titles, prices and a few buttons. jusText's Finnish
# list, drawn from Wikipedia, holds "music", "film", "deep", "blue", "dark", "sun", "city",
# "club", "super", "line" and "power": by votes alone the page came out Finnish.
RECORD_SHOP = ("Music\nFilm\nRadio\nBest sellers\nGift cards\nSign in\n"
               "Deep Blue Vinyl 2024\n$24.99\nBlack Album (Deluxe)\n$32.50\nDark Sun LP\n$28.00\n"
               "City Lights: London 1979\n$30.00\nRoyal Club Sessions Vol. 2\n$26.00\nSuper Green 7\"\n$12.00\n"
               "White Line Fever (Remastered)\n$18.00\nRiver Power Radio Show\n$20.00\n"
               "Golden Age of Jazz Box Set\n$99.00\nYour basket is empty\n")


def test_an_undeclared_english_page_of_titles_is_not_taken_for_finnish():
    assert clean(RECORD_SHOP.encode(), options=Options(input_kind="text")).metadata.language == "en"


def test_a_declared_language_the_text_does_not_bear_out_is_not_believed():
    german = ("Der Gemeinderat hat gestern Abend den neuen Verkehrsplan für die Altstadt beschlossen, der "
              "nach monatelangen Gesprächen mit den Anwohnern am ersten April in Kraft tritt. ") * 3
    page = f'<html lang="en"><head><title>Plan</title></head><body><main><p>{german}</p></main></body></html>'
    assert clean(page.encode()).metadata.language == "de"


def test_a_thai_article_in_scraped_text_keeps_its_headline_and_paragraphs():
    # No spaces between words and no full stops: the words are counted from the letters,
    # a long line that ends in Thai letters ends a sentence, and the short line above the
    # prose is the headline, not the first paragraph.
    menu = ["หน้าแรก", "ข่าว", "กีฬา", "บันเทิง", "ติดต่อเรา"]
    headline = "กรุงเทพฯ เตรียมปรับปรุงระบบขนส่ง"
    prose = ["กรุงเทพมหานครประกาศแผนการปรับปรุงระบบขนส่งสาธารณะครั้งใหญ่ในปีหน้า โดยจะเพิ่มจำนวนรถโดยสาร"
             "ประจำทางและขยายเส้นทางรถไฟฟ้าไปยังชานเมือง เพื่อลดปัญหาการจราจรติดขัดที่เกิดขึ้นทุกวัน",
             "ผู้ว่าราชการกรุงเทพมหานครกล่าวว่า โครงการนี้จะใช้งบประมาณหลายพันล้านบาท และคาดว่าจะแล้วเสร็จ"
             "ภายในสามปี ประชาชนจำนวนมากแสดงความยินดีกับข่าวนี้ แต่บางส่วนยังกังวลเรื่องค่าโดยสารที่อาจสูงขึ้น"]
    page = "\n".join(menu) + f"\n\n{headline}\n\n" + "\n\n".join(prose) + "\n\n© 2025 ข่าวกรุงเทพ สงวนลิขสิทธิ์\n"
    doc = clean(page.encode(), options=Options(input_kind="text"))
    assert doc.metadata.language == "th"
    assert doc.metadata.title == headline
    assert doc.text.split("\n\n") == prose


def _article(language: str, lines: tuple[str, ...] | list[str], head: str = ""):
    """An HTML page in `language` whose <article> holds `head` and then each line in a <p>."""
    body = head + "".join(f"<p>{line}</p>" for line in lines)
    return clean(f"<!DOCTYPE html><html lang='{language}'><body><article>{body}</article></body></html>".encode())


def _paragraphs(language: str, lines: tuple[str, ...] | list[str]) -> list[str]:
    """The text _article's page comes out with, paragraph by paragraph."""
    return _article(language, lines).text.split("\n\n")


ENGLISH_PROSE = [
    "The city council last night approved the new traffic plan for the old town, which comes into force on "
    "the first of April after months of talks with the people who live there.",
    "According to the councillor, the new rules will cut through traffic by about a third and allow the "
    "pavements of the narrowest streets to be widened at last.",
]


def _prose(language: str) -> list[str]:
    """Two paragraphs of a news story in `language`, English where this module has none."""
    if language in CJK_PROSE:
        return CJK_PROSE[language]
    found = PAGES.get(language) or CHROME_IN_ARTICLE.get(language)
    return found[1] if found else ENGLISH_PROSE


# Lines the older lists missed, each alone in a <p> of the article where only its words can
# give it away: a skip link, "share on ...", "see more", a newsletter prompt, a related heading.
CHROME_IN_ARTICLE = {
    "de": (["Zum Inhalt springen", "Auf Facebook teilen", "Mehr anzeigen", "Abonnieren Sie unseren Newsletter",
            "Ähnliche Artikel"],
           ["Der Stadtrat hat gestern Abend den neuen Verkehrsplan für die Altstadt beschlossen, der nach "
            "monatelangen Gesprächen mit den Anwohnern am ersten April in Kraft treten soll.",
            "Nach Angaben der Stadträtin wird der Durchgangsverkehr um etwa ein Drittel sinken, und in den "
            "engsten Gassen können die Gehwege endlich verbreitert werden."]),
    "fr": (["Aller au contenu principal", "Partager sur Facebook", "En savoir plus",
            "Inscrivez-vous à notre newsletter", "Articles similaires"],
           ["Le conseil municipal a adopté hier soir le nouveau plan de circulation pour la vieille ville, qui "
            "entrera en vigueur le premier avril après des mois de discussions avec les habitants.",
            "Selon l'adjointe au maire, les nouvelles règles réduiront le trafic de transit d'environ un tiers et "
            "permettront d'élargir les trottoirs dans les rues les plus étroites."]),
    "es": (["Ir al contenido", "Compartir en Facebook", "Ver más", "Suscríbete a nuestro boletín",
            "Artículos relacionados"],
           ["El ayuntamiento aprobó anoche el nuevo plan de tráfico para el casco antiguo, que entrará en vigor "
            "el primero de abril después de meses de conversaciones con los vecinos.",
            "Según la concejala, las nuevas normas reducirán el tráfico de paso en alrededor de un tercio y "
            "permitirán ensanchar las aceras de las calles más estrechas."]),
    "ru": (["Перейти к содержимому", "Поделиться в Telegram", "Подробнее", "Подписывайтесь на наш канал",
            "Похожие новости"],
           ["Городской совет вчера вечером утвердил новый план движения для старого города, который вступит в "
            "силу первого апреля после нескольких месяцев обсуждений с жителями.",
            "По словам депутата, новые правила сократят транзитное движение примерно на треть и позволят "
            "расширить тротуары на самых узких улицах."]),
}


@pytest.mark.parametrize("language", sorted(CHROME_IN_ARTICLE))
def test_chrome_lines_inside_an_article_go(language):
    chrome, prose = CHROME_IN_ARTICLE[language]
    skip, share, more, newsletter, related = chrome
    assert _paragraphs(language, (skip, prose[0], share, more, prose[1], newsletter, related)) == prose


# A news site's "latest" or "most read" heading, "follow us" and a consent banner's button.
MORE_CHROME = {
    "de": ("Neueste Artikel", "Folgen Sie uns", "Alle akzeptieren"),
    "fr": ("Dernières actualités", "Suivez-nous", "Tout accepter"),
    "es": ("Últimas noticias", "Síguenos", "Aceptar todo"),
    "ru": ("Последние новости", "Подписывайтесь на нас", "Принять все"),
    "it": ("Ultime notizie", "Seguici", "Accetta tutto"),
    "pt": ("Últimas notícias", "Siga-nos", "Aceitar todos"),
    "nl": ("Nieuwste artikelen", "Volg ons", "Alles accepteren"),
    "pl": ("Najczęściej czytane", "Obserwuj nas", "Zaakceptuj wszystkie"),
    "tr": ("En çok okunanlar", "Bizi takip edin", "Tümünü kabul et"),
}


@pytest.mark.parametrize("language", sorted(MORE_CHROME))
def test_latest_headings_follow_prompts_and_consent_buttons_go(language):
    prose = _prose(language)
    latest, follow, accept = MORE_CHROME[language]
    assert _paragraphs(language, (follow, prose[0], accept, prose[1], latest)) == prose


# A dated line under the article, labelled in the page's language: metadata, not text.
DATELINES = {
    "it": ("Aggiornato il 6 dicembre 2025", "2025-12-06"),
    "pt": ("Atualizado em 6 de dezembro de 2025", "2025-12-06"),
    "nl": ("Bijgewerkt op 6 december 2025", "2025-12-06"),
    "pl": ("Opublikowano: 6 grudnia 2025", "2025-12-06"),
    "tr": ("Yayınlanma tarihi: 6 Aralık 2025", "2025-12-06"),
    "ko": ("입력 2025년 12월 6일", "2025-12-06"),
}


@pytest.mark.parametrize("language", sorted(DATELINES))
def test_a_labelled_dateline_is_metadata(language):
    chrome, prose = PAGES[language]
    line, iso = DATELINES[language]
    doc = _article(language, (prose[0], prose[1], line), head=f"<h1>{chrome[4].split(':')[-1].strip()}</h1>")
    assert doc.date == iso
    assert doc.text.split("\n\n") == prose


def test_class_names_in_portuguese_and_spanish_say_what_a_box_is():
    # Boxes named in the site's language: "compartilhar" (share) and "relacionados"
    # (related) around headline-like links, under a body named "materia-conteudo".
    chrome, prose = PAGES["pt"]
    related = "".join(f'<li><a href="/n/{n}">Câmara aprova novo plano para o porto, etapa {n}</a></li>'
                      for n in range(1, 5))
    page = (f"<!DOCTYPE html><html lang='pt'><body><div class='materia-conteudo'><h1>Novo plano de trânsito</h1>"
            f"<p>{prose[0]}</p><p>{prose[1]}</p></div>"
            f"<div class='compartilhar'><a href='/s/f'>Facebook do jornal</a> <a href='/s/w'>WhatsApp do jornal</a></div>"
            f"<div class='noticias-relacionados'><ul>{related}</ul></div></body></html>")
    doc = clean(page.encode())
    assert doc.text.split("\n\n") == prose


# A Chinese and a Japanese news page's bars and buttons between the paragraphs.
CJK_CHROME = {
    "zh": ["来源：人民网", "责任编辑：王芳", "扫一扫，分享到微信", "上一篇", "版权所有 © 2025 港口日报"],
    "ja": ["この記事の写真", "会員限定記事", "シェアする", "次の記事", "無断転載・複製を禁じます"],
}
CJK_PROSE = {
    "zh": ["市议会昨晚批准了老城区新的交通规划，该规划在与居民进行了数月的讨论之后，将于四月一日起正式实施。",
           "据议员介绍，新规定将使过境交通减少大约三分之一，并且可以拓宽最狭窄街道上的人行道。"],
    "ja": ["市議会は昨夜、旧市街の新しい交通計画を承認した。住民との数か月にわたる話し合いを経て、四月一日から実施される。",
           "議員によると、新しい規則で通過交通はおよそ三分の一減り、最も狭い通りの歩道を広げることができるという。"],
}


@pytest.mark.parametrize("language", sorted(CJK_CHROME))
def test_chinese_and_japanese_news_chrome_goes(language):
    first, second, third, fourth, fifth = CJK_CHROME[language]
    prose = _prose(language)
    assert _paragraphs(language, (first, prose[0], second, third, prose[1], fourth, fifth)) == prose


# Share, comment, follow and back-to-top lines, and a related heading, in the article.
MORE_LINES = {
    "vi": ["Chia sẻ bài viết", "Gửi bình luận", "Quay lại đầu trang", "Bài viết liên quan"],
    "th": ["แชร์บทความนี้", "อ่านข่าวต่อ", "กลับสู่ด้านบน", "ข่าวที่เกี่ยวข้อง"],
    "hi": ["शेयर करें", "टिप्पणी करें", "ऊपर जाएं", "संबंधित खबरें"],
    "ar": ["شارك هذا المقال", "تابعونا على", "العودة إلى الأعلى", "أخبار ذات صلة"],
    "tr": ["Paylaş", "Haberin devamı", "Başa dön", "İlgili haberler"],
    "pl": ["Udostępnij", "Komentarze", "Wróć do góry", "Zobacz również"],
}


@pytest.mark.parametrize("language", sorted(MORE_LINES))
def test_share_follow_and_back_to_top_lines_go(language):
    prose = _prose(language)
    share, second, top, related = MORE_LINES[language]
    assert _paragraphs(language, (share, prose[0], second, prose[1], top, related)) == prose


# A headline linked inside an article's text, under a label that says it leads elsewhere.
READ_MORE = {
    "en": ("READ MORE: City council backs the harbour plan", "Related stories: Ferry fares rise again"),
    "de": ("Mehr zum Thema: Neuer Plan für den Hafen", "Weiterlesen: Fährpreise steigen erneut"),
    "fr": ("Lire la suite : Nouveau plan pour le port", "À lire aussi : Les tarifs du ferry augmentent"),
    "tr": ("Devamını oku: Liman için yeni plan", "İlgili haberler: Feribot ücretleri yine arttı"),
    "zh": ("相关阅读：港口新规划获批", "延伸阅读：渡轮票价再次上涨"),
    "ja": ("関連記事：港の新しい計画が承認", "あわせて読みたい：フェリー運賃が再び値上げ"),
}


@pytest.mark.parametrize("language", sorted(READ_MORE))
def test_read_more_lines_inside_an_article_go(language):
    prose = _prose(language)
    first, second = READ_MORE[language]
    assert _paragraphs(language, (prose[0], first, prose[1], second)) == prose


# A picture's credit line, as news sites in other languages write it.
PHOTO_CREDITS = {
    "de": "Foto: Anna Schmidt/dpa", "fr": "Photo : AFP", "es": "Fotografía: EFE", "ru": "Фото: РИА Новости",
    "pl": "Zdjęcie: PAP", "tr": "Fotoğraf: AA", "zh": "图片来源：新华社", "ja": "写真：共同通信", "ko": "사진=연합뉴스",
}


@pytest.mark.parametrize("language", sorted(PHOTO_CREDITS))
def test_photo_credits_go(language):
    prose = _prose(language)
    assert _paragraphs(language, (prose[0], PHOTO_CREDITS[language], prose[1])) == prose


@pytest.mark.parametrize("language, line, iso", [
    ("vi", "Cập nhật: 10:30 ngày 3 tháng 12 năm 2025", "2025-12-03"),
    ("th", "3 ธันวาคม 2568", "2025-12-03"),
    ("fi", "3. joulukuuta 2025", "2025-12-03"),
    ("hu", "Frissítve: 2025. március 5. 10:12", "2025-03-05"),
    ("th", "อัปเดต 3 ธ.ค. 2568", "2025-12-03"),
])
def test_a_dateline_in_the_article_is_the_pages_date(language, line, iso):
    doc = _article(language, (line, *_prose(language)))
    assert doc.date == iso
    assert line not in doc.text


@pytest.mark.parametrize("text, words, stop_share", [
    # Devanagari's vowel signs and Arabic's points are no word characters to the regex
    # engine: a word read as its pieces matched no stop word and counted two or three times.
    ("नगर परिषद ने कल शाम पुराने शहर के लिए नई यातायात योजना को मंज़ूरी दे दी, जो निवासियों के साथ "
     "महीनों की चर्चा के बाद अप्रैल की पहली तारीख से लागू होगी।", 32, 0.3),
    ("وَقَالَ المَجْلِسُ البَلَدِيُّ إِنَّ الخُطَّةَ الجَدِيدَةَ سَتَدْخُلُ حَيِّزَ التَّنْفِيذِ فِي أَوَّلِ أَبْرِيلَ بَعْدَ أَشْهُرٍ مِنَ النِّقَاشِ مَعَ السُّكَّانِ", 18, 0.3),
])
def test_words_keep_their_vowel_signs_and_points(text, words, stop_share):
    block = next(b for b in _article("hi" if "न" in text else "ar", [text]).blocks if b.text == text)
    assert block.features.words == words == len(text.split())
    assert block.features.stopword_density >= stop_share


def test_the_punctuation_stripped_from_a_token_is_in_no_word():
    # language._words strips it before testing a token whole: it must part words as a space does.
    from cleaner.language import WORD, WORD_EDGES, _words
    assert not any(WORD.match(ch) for ch in WORD_EDGES)
    text = "“Quoted,” (aside) end. it’s e-mail: the_one दिसंबर, done!"
    assert _words(text) == WORD.findall(text)


# News prose in languages of the short lists (language.SHORT_LISTS) written in a script
# of their own: each is known by it, with no <html lang> to say so.
OWN_SCRIPT_PROSE = {
    "ta": ["சென்னை மற்றும் அதன் சுற்றுவட்டார மாவட்டங்களில் நேற்று இரவு முதல் விடாமல் கனமழை பெய்து வருகிறது. "
           "இதன் காரணமாக பல தாழ்வான பகுதிகளில் மழைநீர் தேங்கியுள்ளது.",
           "வானிலை ஆய்வு மையம் அடுத்த இரண்டு நாட்களுக்கு மழை தொடரும் என்று தெரிவித்துள்ளது."],
    "bn": ["কলকাতায় আজ সকাল থেকে ভারী বৃষ্টি হচ্ছে এবং শহরের বিভিন্ন এলাকায় জল জমে গেছে। "
           "অনেক রাস্তায় যান চলাচল বন্ধ হয়ে গেছে।",
           "আবহাওয়া দপ্তর জানিয়েছে যে আগামী দুই দিন এই বৃষ্টি চলবে এবং মানুষকে সতর্ক থাকতে বলা হয়েছে।"],
    "ka": ["თბილისში დღეს ძლიერი წვიმა მოვიდა და ქალაქის რამდენიმე ქუჩა დაიტბორა. "
           "მერიის თქმით, სამუშაოები მთელი ღამე გაგრძელდება.",
           "მეტეოროლოგების თქმით, წვიმა ხვალაც გაგრძელდება და მოსახლეობას სიფრთხილისკენ მოუწოდებენ."],
    "hy": ["Երևանում այսօր տեղացել է ուժեղ անձրև, և քաղաքի մի քանի փողոցներ ջրածածկ են եղել։ "
           "Քաղաքապետարանը հայտնել է, որ աշխատանքները կշարունակվեն ամբողջ գիշեր։",
           "Օդերևութաբանները նշում են, որ անձրևը կշարունակվի նաև վաղը, և բնակիչներին խորհուրդ է տրվում զգույշ լինել։"],
}


@pytest.mark.parametrize("language", sorted(OWN_SCRIPT_PROSE))
def test_a_language_of_its_own_script_is_known_by_it_and_read_with_its_stop_list(language):
    page = "".join(f"<p>{line}</p>" for line in OWN_SCRIPT_PROSE[language])
    doc = clean(f"<!DOCTYPE html><html><body><article>{page}</article></body></html>".encode())
    assert doc.metadata.language == language
    # No paragraph reads as having few stop words, as every one did with no list to count
    # them by (Georgian, which joins its particles to the words, counts fewest).
    assert min(b.features.stopword_density for b in doc.blocks) >= defaults().thresholds.stopwords_low


SWAHILI = ["Mvua kubwa iliyonyesha kwa siku tatu mfululizo imesababisha mafuriko katika vijiji kadhaa vya "
           "mikoa ya Pwani, huku familia mamia zikilazimika kuhama makazi yao.",
           "Idara ya hali ya hewa imetabiri kuwa mvua itaendelea hadi mwisho wa wiki, na imewataka wananchi "
           "wanaoishi karibu na mito kuchukua tahadhari."]


@pytest.mark.parametrize("declared", ["sw", None])
def test_swahili_is_read_with_its_own_stop_list_declared_or_not(declared):
    # Swahili's list is drawn from Wikipedia and holds "the", "of" and "and": it votes
    # without them. Before it was read at all, Swahili prose was measured as Turkish.
    doc = _article(declared, SWAHILI) if declared else clean("".join(f"<p>{line}</p>" for line in SWAHILI).encode())
    assert doc.metadata.language == "sw"
    assert min(b.features.stopword_density for b in doc.blocks) >= defaults().thresholds.stopwords_mid


def test_an_english_page_of_labels_is_never_taken_for_a_language_of_the_short_lists():
    # Uzbek's list holds all twenty of English's commonest words, Marathi's "the", "of" and "and".
    page = f'<html><head><title>Cups</title></head><body><main><p>{LABELS}</p></main></body></html>'
    assert clean(page.encode()).metadata.language not in SHORT_LISTS.values()


SOMALI = ["Roob culus ayaa ka da'ay magaalada Muqdisho saddexdii maalmood ee la soo dhaafay, taasoo keentay in "
          "qoysas badan ay ka barakacaan guryahooda oo ay u guuraan xeryo ku yaal duleedka.",
          "Dowladda hoose ayaa sheegtay in waddada weyn ee isku xirta magaalooyinka la xiray muddo kooban kadib "
          "markii biyuhu qaadeen buundo ku taal meel u dhow wabiga."]


def test_a_declared_language_no_list_knows_is_believed_rather_than_a_chance_vote():
    # Somali has no stop list: by vote its words came out Estonian, and were counted as
    # Estonian stop words. Undeclared, the vote is all there is.
    assert _article("so", SOMALI).metadata.language == "so"
    assert _article("und", SOMALI).metadata.language != "und"


NORWEGIAN = ["Bystyret vedtok i går kveld den nye trafikkplanen for gamlebyen, som trer i kraft den første april "
             "etter flere måneders samtaler med beboerne.",
             "Ifølge byrådet vil de nye reglene redusere gjennomgangstrafikken med omtrent en tredjedel og gjøre det "
             "mulig å utvide fortauene i de smaleste gatene."]


@pytest.mark.parametrize("declared", ["nb", "nn", "no"])
def test_norwegian_is_known_by_each_code_pages_declare_it_with(declared):
    assert _article(declared, NORWEGIAN).metadata.language == "no"
