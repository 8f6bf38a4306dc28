"""Survey figures transcribed by hand from the research summary (seed 001).

Source: "Burgers als partners in lokale veiligheidszorg" (VIVES, Expertisecentrum Sociale
Innovatie), survey of 1,219 residents in ten Flemish municipalities, early 2020.
Tables 4 and 5 (statements, 1 = helemaal oneens ... 5 = helemaal eens) and Table 8 (task
types, 1 = zeker niet ... 5 = zeker wel). Figures are as printed: `low` is the printed
'som oneens' / 'som niet' column, `high` the printed 'som eens' / 'som wel' column.

This table is kept independent of the deck's YAML on purpose: the deck tests compare the
two, so a typo in either shows up.
"""

from __future__ import annotations

# fmt: off
# (exact statement text, table, n, (p1, p2, p3, p4, p5), low, high)
STATEMENTS: list[tuple[str, str, int, tuple[int, int, int, int, int], int, int]] = [
    # Tabel 4 Opinies over deelname aan activiteiten in het politiedomein
    ("De politie moet de veiligheid in mijn buurt garanderen",
     "Tabel 4", 1201, (2, 4, 9, 43, 42), 6, 85),
    ("Ik vind het belangrijk om anderen te helpen",
     "Tabel 4", 1195, (1, 4, 12, 54, 28), 5, 82),
    ("De hulp van burgers bij het verminderen van criminaliteit is zinvol",
     "Tabel 4", 1193, (3, 8, 19, 52, 18), 11, 70),
    ("Burgerparticipatie bij de opsporing van daders is nuttig",
     "Tabel 4", 1193, (2, 10, 20, 51, 17), 13, 68),
    ("Door te helpen in mijn buurt vergroot ik mijn netwerk",
     "Tabel 4", 1193, (3, 9, 27, 48, 14), 11, 62),
    ("Ik moet zelf bijdragen aan de veiligheid van mijn buurt",
     "Tabel 4", 1195, (4, 12, 22, 47, 14), 16, 61),
    ("Het is leuk om mij in te zetten voor de veiligheid van mijn buurt",
     "Tabel 4", 1195, (3, 11, 30, 42, 14), 14, 55),
    ("Ik vind het mijn plicht om te helpen mijn buurt veiliger te maken",
     "Tabel 4", 1198, (5, 13, 29, 40, 13), 18, 53),
    ("Meehelpen in mijn buurt levert voor mij persoonlijk ook voordelen op",
     "Tabel 4", 1193, (5, 15, 31, 37, 12), 20, 49),
    ("Buren aanspreken op hun gedrag zal negatief voor mij uitpakken",
     "Tabel 4", 1194, (6, 19, 32, 32, 11), 25, 43),
    ("Ik kan mezelf verder ontwikkelen door te participeren in mijn buurt",
     "Tabel 4", 1130, (5, 18, 39, 31, 7), 23, 38),
    ("Alleen de overheid is verantwoordelijk om criminaliteit te bestrijden",
     "Tabel 4", 1193, (11, 34, 24, 21, 11), 44, 32),
    ("Het kost te veel moeite om in mijn buurt actief te zijn",
     "Tabel 4", 1134, (7, 27, 40, 21, 6), 34, 27),
    ("Ik vind dat iedereen zich zelf maar moet redden",
     "Tabel 4", 1193, (40, 37, 15, 4, 3), 77, 8),
    # Tabel 5 Opinies over het veiligheidsbeleid van de gemeente
    ("Ik ben tevreden over de inspanningen die de gemeente levert om veiligheidsproblemen "
     "aan te pakken en de veiligheid van de bewoners te garanderen.",
     "Tabel 5", 1122, (5, 14, 27, 45, 9), 19, 54),
    ("De gemeente besteedt voldoende aandacht aan veiligheid in de gemeente.",
     "Tabel 5", 1042, (4, 17, 27, 44, 8), 21, 52),
    ("De gemeente informeert de burgers over het aanpakken van onveiligheid in de buurt.",
     "Tabel 5", 1042, (8, 26, 31, 29, 6), 34, 35),
    ("De gemeente betrekt de buurt in de aanpak van onveiligheid in de buurt",
     "Tabel 5", 1122, (10, 28, 37, 20, 4), 38, 25),
]

# (task name as in the seed, exact description, n, (p1, p2, p3, p4, p5), low, high)
TASKS: list[tuple[str, str, int, tuple[int, int, int, int, int], int, int]] = [
    # Tabel 8 Bereidheid tot deelname aan mogelijke bijkomende veiligheidsprojecten of -initiatieven
    ("Opsporing",
     "dat betekent dat de samenleving er op basis van gerichte informatie van de politie "
     "gaat helpen bij de opsporing van verdachte personen bv Faroek, burgernet,\u2026",
     1114, (10, 18, 27, 30, 16), 27, 46),
    ("Informatiedeling",
     "bv. Whatsapp groepen.",
     1182, (13, 18, 25, 32, 13), 31, 45),
    ("Toezicht",
     "daarbij wordt er via observatie informatie verworven en doorgegeven aan de overheid "
     "bv BIN (buurtinformatienetwerken).",
     1189, (11, 17, 31, 30, 11), 28, 41),
    ("Contactbevordering",
     "bv. Wijkbabbels.",
     1182, (12, 19, 28, 25, 15), 32, 40),
    ("Zorg voor de openbare ruimte",
     "de bedoeling is dat de buurt zelf bepaalde delen van de openbare ruimte opknappen en "
     "schoonhouden bv DOK Gent.",
     1190, (14, 20, 27, 28, 12), 34, 39),
    ("Beleidsbeïnvloeding",
     "waarbij de burgers bijdragen aan de prioritering in de aanpak van problemen bv. "
     "buurtcafés.",
     1180, (13, 25, 32, 22, 8), 38, 30),
    ("Conflictbemiddeling",
     "een onpartijdige derde gaat bemiddelen bij conflicten die zowel voortdurend zijn als "
     "incidenteel bv. project burenbemiddeling.",
     1110, (20, 30, 25, 18, 6), 50, 25),
]
# fmt: on

# Section 2.2 of the summary: "Uiteindelijk namen 1,219 burgers, gemiddeld 122 per gemeente,
# deel" in "de 10 deelnemende steden en gemeenten uit West- en Oost-Vlaanderen"; "we kunnen de
# resultaten immers onder geen beding veralgemenen naar alle inwoners".
SAMPLE_SIZE = 1219
MUNICIPALITIES = 10

# Other survey figures cards quote, with the N the summary gives them (Tables 3, 6 and 7).
OTHER_SURVEY_NS = {
    "Tabel 3": 1219,  # woonperiode en uitzicht van de buurt (N=1,219)
    "Tabel 6": 973,  # kennis van het BIN, in steden met een BIN
    "Tabel 7 deelname": 496,  # deelname aan het BIN, van wie het kent
}
