"""Well-known heads of state and government, foreign and defence ministers: whose country a name stands for.

Data, not rules. Reports often name a leader without the country ("President Duterte received a call from
US President Donald Trump"); a title and a name found here place the person, and so the party. Each row: the
name as written (a surname, or more words where a surname alone is shared), the office (`head` of state,
`government`, `foreign`, `defence`), the country, and the years in office (an open end: still in office when
the table was written). Only long-serving or unmistakable figures: a miss costs less than a wrong country.
"""

from __future__ import annotations

from functools import cache

from ..text import fold
from . import lexicon as lx

_TABLE = """
Bush | head | USA | 1989-1993
Bush | head | USA | 2001-2009
Obama | head | USA | 2009-2017
Trump | head | USA | 2017-2021
Trump | head | USA | 2025-
Biden | head | USA | 2021-2025
Powell | foreign | USA | 2001-2005
Condoleezza Rice | foreign | USA | 2005-2009
Hillary Clinton | foreign | USA | 2009-2013
Kerry | foreign | USA | 2013-2017
Tillerson | foreign | USA | 2017-2018
Pompeo | foreign | USA | 2018-2021
Blinken | foreign | USA | 2021-2025
Rubio | foreign | USA | 2025-
Rumsfeld | defence | USA | 2001-2006
Gates | defence | USA | 2006-2011
Panetta | defence | USA | 2011-2013
Hagel | defence | USA | 2013-2015
Mattis | defence | USA | 2017-2019
Esper | defence | USA | 2019-2020
Lloyd Austin | defence | USA | 2021-2025
Hegseth | defence | USA | 2025-
Putin | head | RUS | 2000-2008
Putin | government | RUS | 2008-2012
Putin | head | RUS | 2012-
Medvedev | head | RUS | 2008-2012
Medvedev | government | RUS | 2012-2020
Mishustin | government | RUS | 2020-
Lavrov | foreign | RUS | 2004-
Shoigu | defence | RUS | 2012-2024
Belousov | defence | RUS | 2024-
Hu Jintao | head | CHN | 2003-2013
Xi | head | CHN | 2013-
Wen Jiabao | government | CHN | 2003-2013
Li Keqiang | government | CHN | 2013-2023
Li Qiang | government | CHN | 2023-
Yang Jiechi | foreign | CHN | 2007-2013
Wang Yi | foreign | CHN | 2013-2022
Wang Yi | foreign | CHN | 2023-
Qin Gang | foreign | CHN | 2022-2023
Chang Wanquan | defence | CHN | 2013-2018
Wei Fenghe | defence | CHN | 2018-2023
Dong Jun | defence | CHN | 2023-
Chirac | head | FRA | 1995-2007
Sarkozy | head | FRA | 2007-2012
Hollande | head | FRA | 2012-2017
Macron | head | FRA | 2017-
Le Drian | defence | FRA | 2012-2017
Le Drian | foreign | FRA | 2017-2022
Merkel | government | DEU | 2005-2021
Scholz | government | DEU | 2021-2025
Merz | government | DEU | 2025-
Steinmeier | foreign | DEU | 2005-2009
Steinmeier | foreign | DEU | 2013-2017
Steinmeier | head | DEU | 2017-
Baerbock | foreign | DEU | 2021-2025
Pistorius | defence | DEU | 2023-
Tony Blair | government | GBR | 1997-2007
Gordon Brown | government | GBR | 2007-2010
Cameron | government | GBR | 2010-2016
Cameron | foreign | GBR | 2023-2024
Theresa May | government | GBR | 2016-2019
Boris Johnson | government | GBR | 2019-2022
Sunak | government | GBR | 2022-2024
Starmer | government | GBR | 2024-
Lammy | foreign | GBR | 2024-2025
Koizumi | government | JPN | 2001-2006
Abe | government | JPN | 2006-2007
Abe | government | JPN | 2012-2020
Suga | government | JPN | 2020-2021
Kishida | government | JPN | 2021-2024
Kishida | foreign | JPN | 2012-2017
Ishiba | government | JPN | 2024-2025
Kono | foreign | JPN | 2017-2019
Kono | defence | JPN | 2019-2020
Motegi | foreign | JPN | 2019-2021
Hayashi | foreign | JPN | 2021-2023
Manmohan Singh | government | IND | 2004-2014
Modi | government | IND | 2014-
Kovind | head | IND | 2017-2022
Murmu | head | IND | 2022-
Swaraj | foreign | IND | 2014-2019
Jaishankar | foreign | IND | 2019-
Rajnath Singh | defence | IND | 2019-
Musharraf | head | PAK | 2001-2008
Zardari | head | PAK | 2008-2013
Zardari | head | PAK | 2024-
Nawaz Sharif | government | PAK | 2013-2017
Imran Khan | government | PAK | 2018-2022
Shehbaz Sharif | government | PAK | 2022-
Shahbaz Sharif | government | PAK | 2022-
Erdogan | government | TUR | 2003-2014
Erdogan | head | TUR | 2014-
Davutoglu | foreign | TUR | 2009-2014
Cavusoglu | foreign | TUR | 2014-2023
Fidan | foreign | TUR | 2023-
Akar | defence | TUR | 2018-2023
Khamenei | head | IRN | 1989-
Ahmadinejad | head | IRN | 2005-2013
Rouhani | head | IRN | 2013-2021
Raisi | head | IRN | 2021-2024
Pezeshkian | head | IRN | 2024-
Zarif | foreign | IRN | 2013-2021
Amir-Abdollahian | foreign | IRN | 2021-2024
Araghchi | foreign | IRN | 2024-
Mohammed bin Salman | government | SAU | 2022-
Faisal bin Farhan | foreign | SAU | 2019-
Mohamed bin Zayed | head | ARE | 2022-
Abdullah bin Zayed | foreign | ARE | 2006-
Tamim bin Hamad | head | QAT | 2013-
Mubarak | head | EGY | 1981-2011
Sisi | head | EGY | 2014-
Shoukry | foreign | EGY | 2014-2024
Netanyahu | government | ISR | 2009-2021
Netanyahu | government | ISR | 2022-
Assad | head | SYR | 2000-2024
Kadhimi | government | IRQ | 2020-2022
Sudani | government | IRQ | 2022-
Zelensky | head | UKR | 2019-
Zelenskyy | head | UKR | 2019-
Poroshenko | head | UKR | 2014-2019
Kuleba | foreign | UKR | 2020-2024
Lukashenko | head | BLR | 1994-
Makei | foreign | BLR | 2012-2022
Nazarbayev | head | KAZ | 1991-2019
Tokayev | head | KAZ | 2019-
Tleuberdi | foreign | KAZ | 2019-2023
Karimov | head | UZB | 1991-2016
Mirziyoyev | government | UZB | 2003-2016
Mirziyoyev | head | UZB | 2016-
Rahmon | head | TJK | 1994-
Berdimuhamedov | head | TKM | 2007-
Meredov | foreign | TKM | 2001-
Japarov | head | KGZ | 2021-
Aliyev | head | AZE | 2003-
Bayramov | foreign | AZE | 2020-
Mammadyarov | foreign | AZE | 2004-2020
Pashinyan | government | ARM | 2018-
Saakashvili | head | GEO | 2004-2013
Orban | government | HUN | 2010-
Szijjarto | foreign | HUN | 2014-
Vucic | head | SRB | 2017-
Mitsotakis | government | GRC | 2019-
Meloni | government | ITA | 2022-
Mattarella | head | ITA | 2015-
Rutte | government | NLD | 2010-2024
Tusk | government | POL | 2023-
Duda | head | POL | 2015-2025
Lula | head | BRA | 2003-2010
Lula | head | BRA | 2023-
Rousseff | head | BRA | 2011-2016
Bolsonaro | head | BRA | 2019-2022
Kirchner | head | ARG | 2003-2015
Macri | head | ARG | 2015-2019
Milei | head | ARG | 2023-
Pena Nieto | head | MEX | 2012-2018
Lopez Obrador | head | MEX | 2018-2024
Sheinbaum | head | MEX | 2024-
Videgaray | foreign | MEX | 2017-2018
Ebrard | foreign | MEX | 2018-2023
Uribe | head | COL | 2002-2010
Duque | head | COL | 2018-2022
Petro | head | COL | 2022-
Chavez | head | VEN | 1999-2013
Maduro | head | VEN | 2013-
Diaz-Canel | head | CUB | 2018-
Bachelet | head | CHL | 2006-2010
Bachelet | head | CHL | 2014-2018
Pinera | head | CHL | 2010-2014
Pinera | head | CHL | 2018-2022
Boric | head | CHL | 2022-
Harper | government | CAN | 2006-2015
Trudeau | government | CAN | 2015-2025
Carney | government | CAN | 2025-
Howard | government | AUS | 1996-2007
Rudd | government | AUS | 2007-2010
Gillard | government | AUS | 2010-2013
Turnbull | government | AUS | 2015-2018
Morrison | government | AUS | 2018-2022
Albanese | government | AUS | 2022-
Julie Bishop | foreign | AUS | 2013-2018
Penny Wong | foreign | AUS | 2022-
Marles | defence | AUS | 2022-
Ardern | government | NZL | 2017-2023
Hipkins | government | NZL | 2023-2023
Luxon | government | NZL | 2023-
Winston Peters | foreign | NZL | 2017-2020
Winston Peters | foreign | NZL | 2023-
Yudhoyono | head | IDN | 2004-2014
Widodo | head | IDN | 2014-2024
Jokowi | head | IDN | 2014-2024
Prabowo | defence | IDN | 2019-2024
Prabowo | head | IDN | 2024-
Marsudi | foreign | IDN | 2014-2024
Mahathir | government | MYS | 1981-2003
Mahathir | government | MYS | 2018-2020
Najib | government | MYS | 2009-2018
Muhyiddin | government | MYS | 2020-2021
Ismail Sabri | government | MYS | 2021-2022
Anwar | government | MYS | 2022-
Arroyo | head | PHL | 2001-2010
Aquino | head | PHL | 2010-2016
Duterte | head | PHL | 2016-2022
Marcos | head | PHL | 2022-
Locsin | foreign | PHL | 2018-2022
Nguyen Xuan Phuc | government | VNM | 2016-2021
Nguyen Xuan Phuc | head | VNM | 2021-2023
Pham Minh Chinh | government | VNM | 2021-
Prayut | government | THA | 2014-2023
Prayuth | government | THA | 2014-2023
Lee Hsien Loong | government | SGP | 2004-2024
Lawrence Wong | government | SGP | 2024-
Ng Eng Hen | defence | SGP | 2011-2025
Balakrishnan | foreign | SGP | 2015-
Hun Sen | government | KHM | 1985-2023
Hun Manet | government | KHM | 2023-
Lee Myung-bak | head | KOR | 2008-2013
Park Geun-hye | head | KOR | 2013-2017
Moon Jae-in | head | KOR | 2017-2022
Yoon Suk Yeol | head | KOR | 2022-2025
Kang Kyung-wha | foreign | KOR | 2017-2021
Kim Jong Un | head | PRK | 2011-
Elbegdorj | head | MNG | 2009-2017
Rajapaksa | head | LKA | 2005-2015
Rajapaksa | head | LKA | 2019-2022
Sirisena | head | LKA | 2015-2019
Hasina | government | BGD | 2009-2024
Karzai | head | AFG | 2001-2014
Ghani | head | AFG | 2014-2021
Mbeki | head | ZAF | 1999-2008
Zuma | head | ZAF | 2009-2018
Ramaphosa | head | ZAF | 2018-
Obasanjo | head | NGA | 1999-2007
Buhari | head | NGA | 2015-2023
Tinubu | head | NGA | 2023-
Kibaki | head | KEN | 2002-2013
Kenyatta | head | KEN | 2013-2022
Ruto | head | KEN | 2022-
Kikwete | head | TZA | 2005-2015
Magufuli | head | TZA | 2015-2021
Museveni | head | UGA | 1986-
Kagame | head | RWA | 2000-
Meles Zenawi | government | ETH | 1995-2012
Hailemariam | government | ETH | 2012-2018
Abiy | government | ETH | 2018-
Akufo-Addo | head | GHA | 2017-2025
Macky Sall | head | SEN | 2012-2024
Ouattara | head | CIV | 2011-
Lourenco | head | AGO | 2017-
Nyusi | head | MOZ | 2015-2025
Mugabe | head | ZWE | 1980-2017
Mnangagwa | head | ZWE | 2017-
Bouteflika | head | DZA | 1999-2019
Tebboune | head | DZA | 2019-
Bourita | foreign | MAR | 2017-
"""


@cache
def _rows() -> dict[str, list[tuple[str, str, int, int]]]:
    """Folded name -> (office, country, first year, last year) for each row of the table."""
    rows: dict[str, list[tuple[str, str, int, int]]] = {}
    for line in _TABLE.strip().splitlines():
        name, office, code, years = (cell.strip() for cell in line.split("|"))
        first, _, last = years.partition("-")
        rows.setdefault(fold(name), []).append((office, code, int(first), int(last) if last else 9999))
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
