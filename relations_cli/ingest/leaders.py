"""Well-known heads of state and government, foreign and defence ministers: whose country a name stands for.

Data, not rules. Reports often name a leader without the country ("President Duterte received a call from
US President Donald Trump"); a title and a name found here place the person, and so the party. By country, each
entry: the name as written (a surname, or more words where a surname alone is shared), then the office (`head`
of state, `government`, `foreign`, `defence`) and the years in office (an open end: still in office when the
table was written). Only long-serving or unmistakable figures: a miss costs less than a wrong country.
"""

from __future__ import annotations

import re
from functools import cache

from ..text import fold
from . import lexicon as lx

_TABLE = """
USA: Bush (head 1989-1993); Bush (head 2001-2009); Obama (head 2009-2017); Trump (head 2017-2021); Trump (head
    2025-); Biden (head 2021-2025); Powell (foreign 2001-2005); Condoleezza Rice (foreign 2005-2009); Hillary
    Clinton (foreign 2009-2013); Kerry (foreign 2013-2017); Tillerson (foreign 2017-2018); Pompeo (foreign
    2018-2021); Blinken (foreign 2021-2025); Rubio (foreign 2025-); Rumsfeld (defence 2001-2006); Gates (defence
    2006-2011); Panetta (defence 2011-2013); Hagel (defence 2013-2015); Mattis (defence 2017-2019); Esper (defence
    2019-2020); Lloyd Austin (defence 2021-2025); Hegseth (defence 2025-)
RUS: Putin (head 2000-2008); Putin (government 2008-2012); Putin (head 2012-); Medvedev (head 2008-2012); Medvedev
    (government 2012-2020); Mishustin (government 2020-); Lavrov (foreign 2004-); Shoigu (defence 2012-2024);
    Belousov (defence 2024-)
CHN: Hu Jintao (head 2003-2013); Xi (head 2013-); Wen Jiabao (government 2003-2013); Li Keqiang (government
    2013-2023); Li Qiang (government 2023-); Yang Jiechi (foreign 2007-2013); Wang Yi (foreign 2013-2022); Wang Yi
    (foreign 2023-); Qin Gang (foreign 2022-2023); Chang Wanquan (defence 2013-2018); Wei Fenghe (defence
    2018-2023); Dong Jun (defence 2023-)
FRA: Chirac (head 1995-2007); Sarkozy (head 2007-2012); Hollande (head 2012-2017); Macron (head 2017-); Le Drian
    (defence 2012-2017); Le Drian (foreign 2017-2022)
DEU: Merkel (government 2005-2021); Scholz (government 2021-2025); Merz (government 2025-); Steinmeier (foreign
    2005-2009); Steinmeier (foreign 2013-2017); Steinmeier (head 2017-); Baerbock (foreign 2021-2025); Pistorius
    (defence 2023-)
GBR: Tony Blair (government 1997-2007); Gordon Brown (government 2007-2010); Cameron (government 2010-2016); Cameron
    (foreign 2023-2024); Theresa May (government 2016-2019); Boris Johnson (government 2019-2022); Sunak (government
    2022-2024); Starmer (government 2024-); Lammy (foreign 2024-2025)
JPN: Koizumi (government 2001-2006); Abe (government 2006-2007); Abe (government 2012-2020); Suga (government
    2020-2021); Kishida (government 2021-2024); Kishida (foreign 2012-2017); Ishiba (government 2024-2025); Kono
    (foreign 2017-2019); Kono (defence 2019-2020); Motegi (foreign 2019-2021); Hayashi (foreign 2021-2023)
IND: Manmohan Singh (government 2004-2014); Modi (government 2014-); Kovind (head 2017-2022); Murmu (head 2022-);
    Swaraj (foreign 2014-2019); Jaishankar (foreign 2019-); Rajnath Singh (defence 2019-)
PAK: Musharraf (head 2001-2008); Zardari (head 2008-2013); Zardari (head 2024-); Nawaz Sharif (government
    2013-2017); Imran Khan (government 2018-2022); Shehbaz Sharif (government 2022-); Shahbaz Sharif (government
    2022-)
TUR: Erdogan (government 2003-2014); Erdogan (head 2014-); Davutoglu (foreign 2009-2014); Cavusoglu (foreign
    2014-2023); Fidan (foreign 2023-); Akar (defence 2018-2023)
IRN: Khamenei (head 1989-); Ahmadinejad (head 2005-2013); Rouhani (head 2013-2021); Raisi (head 2021-2024);
    Pezeshkian (head 2024-); Zarif (foreign 2013-2021); Amir-Abdollahian (foreign 2021-2024); Araghchi (foreign
    2024-)
SAU: Mohammed bin Salman (government 2022-); Faisal bin Farhan (foreign 2019-)
ARE: Mohamed bin Zayed (head 2022-); Abdullah bin Zayed (foreign 2006-)
QAT: Tamim bin Hamad (head 2013-)
EGY: Mubarak (head 1981-2011); Sisi (head 2014-); Shoukry (foreign 2014-2024)
ISR: Netanyahu (government 2009-2021); Netanyahu (government 2022-)
SYR: Assad (head 2000-2024)
IRQ: Kadhimi (government 2020-2022); Sudani (government 2022-)
UKR: Zelensky (head 2019-); Zelenskyy (head 2019-); Poroshenko (head 2014-2019); Kuleba (foreign 2020-2024)
BLR: Lukashenko (head 1994-); Makei (foreign 2012-2022)
KAZ: Nazarbayev (head 1991-2019); Tokayev (head 2019-); Tleuberdi (foreign 2019-2023)
UZB: Karimov (head 1991-2016); Mirziyoyev (government 2003-2016); Mirziyoyev (head 2016-)
TJK: Rahmon (head 1994-)
TKM: Berdimuhamedov (head 2007-); Meredov (foreign 2001-)
KGZ: Japarov (head 2021-)
AZE: Aliyev (head 2003-); Bayramov (foreign 2020-); Mammadyarov (foreign 2004-2020)
ARM: Pashinyan (government 2018-)
GEO: Saakashvili (head 2004-2013)
HUN: Orban (government 2010-); Szijjarto (foreign 2014-)
SRB: Vucic (head 2017-)
GRC: Mitsotakis (government 2019-)
ITA: Meloni (government 2022-); Mattarella (head 2015-)
NLD: Rutte (government 2010-2024)
POL: Tusk (government 2023-); Duda (head 2015-2025)
BRA: Lula (head 2003-2010); Lula (head 2023-); Rousseff (head 2011-2016); Bolsonaro (head 2019-2022)
ARG: Kirchner (head 2003-2015); Macri (head 2015-2019); Milei (head 2023-)
MEX: Pena Nieto (head 2012-2018); Lopez Obrador (head 2018-2024); Sheinbaum (head 2024-); Videgaray (foreign
    2017-2018); Ebrard (foreign 2018-2023)
COL: Uribe (head 2002-2010); Duque (head 2018-2022); Petro (head 2022-)
VEN: Chavez (head 1999-2013); Maduro (head 2013-)
CUB: Diaz-Canel (head 2018-)
CHL: Bachelet (head 2006-2010); Bachelet (head 2014-2018); Pinera (head 2010-2014); Pinera (head 2018-2022); Boric
    (head 2022-)
CAN: Harper (government 2006-2015); Trudeau (government 2015-2025); Carney (government 2025-)
AUS: Howard (government 1996-2007); Rudd (government 2007-2010); Gillard (government 2010-2013); Turnbull
    (government 2015-2018); Morrison (government 2018-2022); Albanese (government 2022-); Julie Bishop (foreign
    2013-2018); Penny Wong (foreign 2022-); Marles (defence 2022-)
NZL: Ardern (government 2017-2023); Hipkins (government 2023-2023); Luxon (government 2023-); Winston Peters
    (foreign 2017-2020); Winston Peters (foreign 2023-)
IDN: Yudhoyono (head 2004-2014); Widodo (head 2014-2024); Jokowi (head 2014-2024); Prabowo (defence 2019-2024);
    Prabowo (head 2024-); Marsudi (foreign 2014-2024)
MYS: Mahathir (government 1981-2003); Mahathir (government 2018-2020); Najib (government 2009-2018); Muhyiddin
    (government 2020-2021); Ismail Sabri (government 2021-2022); Anwar (government 2022-)
PHL: Arroyo (head 2001-2010); Aquino (head 2010-2016); Duterte (head 2016-2022); Marcos (head 2022-); Locsin
    (foreign 2018-2022)
VNM: Nguyen Xuan Phuc (government 2016-2021); Nguyen Xuan Phuc (head 2021-2023); Pham Minh Chinh (government 2021-)
THA: Prayut (government 2014-2023); Prayuth (government 2014-2023)
SGP: Lee Hsien Loong (government 2004-2024); Lawrence Wong (government 2024-); Ng Eng Hen (defence 2011-2025);
    Balakrishnan (foreign 2015-)
KHM: Hun Sen (government 1985-2023); Hun Manet (government 2023-)
KOR: Lee Myung-bak (head 2008-2013); Park Geun-hye (head 2013-2017); Moon Jae-in (head 2017-2022); Yoon Suk Yeol
    (head 2022-2025); Kang Kyung-wha (foreign 2017-2021)
PRK: Kim Jong Un (head 2011-)
MNG: Elbegdorj (head 2009-2017)
LKA: Rajapaksa (head 2005-2015); Rajapaksa (head 2019-2022); Sirisena (head 2015-2019)
BGD: Hasina (government 2009-2024)
AFG: Karzai (head 2001-2014); Ghani (head 2014-2021)
ZAF: Mbeki (head 1999-2008); Zuma (head 2009-2018); Ramaphosa (head 2018-)
NGA: Obasanjo (head 1999-2007); Buhari (head 2015-2023); Tinubu (head 2023-)
KEN: Kibaki (head 2002-2013); Kenyatta (head 2013-2022); Ruto (head 2022-)
TZA: Kikwete (head 2005-2015); Magufuli (head 2015-2021)
UGA: Museveni (head 1986-)
RWA: Kagame (head 2000-)
ETH: Meles Zenawi (government 1995-2012); Hailemariam (government 2012-2018); Abiy (government 2018-)
GHA: Akufo-Addo (head 2017-2025)
SEN: Macky Sall (head 2012-2024)
CIV: Ouattara (head 2011-)
AGO: Lourenco (head 2017-)
MOZ: Nyusi (head 2015-2025)
ZWE: Mugabe (head 1980-2017); Mnangagwa (head 2017-)
DZA: Bouteflika (head 1999-2019); Tebboune (head 2019-)
MAR: Bourita (foreign 2017-)
IND: Vajpayee (government 1998-2004); Pranab Mukherjee (head 2012-2017); Parrikar (defence 2014-2017); Sitharaman
    (defence 2017-2019)
PAK: Gilani (government 2008-2012); Qureshi (foreign 2018-2022); Bilawal (foreign 2022-2023); Ishaq Dar (foreign
    2024-); Khawaja Asif (defence 2022-)
LKA: Wickremesinghe (government 2015-2019); Wickremesinghe (head 2022-2024); Dissanayake (head 2024-)
IRN: Khatami (head 1997-2005)
IRQ: Barham Salih (head 2018-2022); Fuad Hussein (foreign 2020-)
SAU: Salman bin Abdulaziz (head 2015-)
JOR: Safadi (foreign 2017-)
EGY: Abdelatty (foreign 2024-)
ISR: Herzog (head 2021-); Olmert (government 2006-2009)
UKR: Sybiha (foreign 2024-); Reznikov (defence 2021-2023); Umerov (defence 2023-2025)
ARM: Sargsyan (head 2008-2018); Sargsyan (government 2008-2014); Mirzoyan (foreign 2021-)
AZE: Hasanov (defence 2013-)
GEO: Garibashvili (government 2021-2024); Kobakhidze (government 2024-)
UZB: Kamilov (foreign 2012-2022); Saidov (foreign 2022-)
TJK: Muhriddin (foreign 2013-)
TUR: Yildirim (government 2016-2018); Guler (defence 2023-)
GRC: Tsipras (government 2015-2019); Dendias (foreign 2019-2023); Dendias (defence 2023-)
ITA: Berlusconi (government 2001-2006); Berlusconi (government 2008-2011); Renzi (government 2014-2016); Conte
    (government 2018-2021); Draghi (government 2021-2022); Tajani (foreign 2022-); Di Maio (foreign 2019-2022)
ESP: Pedro Sanchez (government 2018-); Rajoy (government 2011-2018); Albares (foreign 2021-)
FRA: Colonna (foreign 2022-2024); Barrot (foreign 2024-); Lecornu (defence 2022-2025)
DEU: Maas (foreign 2018-2021); Wadephul (foreign 2025-)
GBR: Hague (foreign 2010-2014); Raab (foreign 2019-2021); Cleverly (foreign 2022-2023); Wallace (defence 2019-2023);
    Shapps (defence 2023-2024); Healey (defence 2024-)
POL: Sikorski (foreign 2007-2014); Sikorski (foreign 2023-); Morawiecki (government 2017-2023)
CAN: Joly (foreign 2021-2025)
AUS: Marise Payne (foreign 2018-2022); Dutton (defence 2021-2022)
NZL: Mahuta (foreign 2020-2023)
JPN: Kamikawa (foreign 2023-2024); Iwaya (foreign 2024-2025); Nakatani (defence 2024-2025)
KOR: Park Jin (foreign 2022-2024); Chung Eui-yong (foreign 2021-2022)
VNM: To Lam (head 2024-); Vo Van Thuong (head 2023-2024); Bui Thanh Son (foreign 2021-); Pham Binh Minh (foreign
    2011-2021)
THA: Srettha (government 2023-2024); Paetongtarn (government 2024-2025); Don Pramudwinai (foreign 2015-2023)
PHL: Manalo (foreign 2022-2025); Lorenzana (defence 2016-2022)
KHM: Prak Sokhonn (foreign 2016-2025)
KEN: Mudavadi (foreign 2022-)
NGA: Onyeama (foreign 2015-2023); Tuggar (foreign 2023-)
GHA: Mahama (head 2012-2017); Mahama (head 2025-)
ZAF: Pandor (foreign 2019-2024); Lamola (foreign 2024-)
DZA: Attaf (foreign 2023-)
TUN: Saied (head 2019-)
SSD: Salva Kiir (head 2011-)
SOM: Hassan Sheikh Mohamud (head 2022-)
TZA: Suluhu (head 2021-)
COD: Tshisekedi (head 2019-); Kabila (head 2001-2019)
ZMB: Hichilema (head 2021-)
CMR: Biya (head 1982-)
TCD: Deby (head 1990-)
BRA: Mauro Vieira (foreign 2023-)
ECU: Noboa (head 2023-)
BOL: Evo Morales (head 2006-2019); Arce (head 2020-2025)
CUB: Castro (head 1976-2018)
NIC: Ortega (head 2007-)
OMN: Qaboos (head 1970-2020); Haitham (head 2020-); Albusaidi (foreign 2020-)
PSE: Mahmoud Abbas (head 2005-)
"""


_ENTRY = re.compile(r"(?P<name>[^;()]+?)\s+\((?P<office>\w+)\s+(?P<first>\d{4})-(?P<last>\d{4})?\)")


@cache
def _rows() -> dict[str, list[tuple[str, str, int, int]]]:
    """Folded name -> (office, country, first year, last year) for each entry of the table."""
    rows: dict[str, list[tuple[str, str, int, int]]] = {}
    for block in re.split(r"\n(?=[A-Z]{3}: )", " ".join(_TABLE.split("\n    ")).strip()):
        code, _, entries = block.partition(": ")
        for m in _ENTRY.finditer(entries):
            last = int(m.group("last")) if m.group("last") else 9999
            rows.setdefault(fold(m.group("name")), []).append((m.group("office"), code, int(m.group("first")), last))
    return rows


def office_of(role: str | None) -> str | None:
    """The office a role names (`head`, `government`, `foreign`, `defence`), or None (a deputy, a former one)."""
    if not role or lx.NOT_THE_OFFICE.search(role):
        return None
    return next((office for office, pattern in lx.OFFICES if pattern.search(role)), None)


def country_of(name: str, role: str | None, year: int | None) -> str | None:
    """The country of a leader named with the office's title, in office in `year` (any year when None)."""
    office = office_of(role)
    if office is None:
        return None
    words = fold(name).split()
    rows = _rows()
    for length in range(min(3, len(words)), 0, -1):  # the longest name in the table wins
        for i in range(len(words) - length + 1):
            hits = {
                code
                for held, code, first, last in rows.get(" ".join(words[i : i + length]), [])
                if held == office and (year is None or first <= year <= last)
            }
            if len(hits) == 1:
                return hits.pop()
    return None
