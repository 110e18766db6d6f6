"""Site chrome in the languages the built-in phrase lists cover beyond English, German,
French, Spanish, Russian, Japanese and Chinese: each page's menu, share, ad, related,
comment and copyright lines go, and its prose stays."""
from __future__ import annotations

import pytest

from cleaner import Options, clean

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
