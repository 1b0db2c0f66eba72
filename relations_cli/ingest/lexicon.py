"""The lexicon: every word list and word pattern that ingest's rules read, each defined once and named.

Rules are code; what they look for is here, as data, so that the real-article work adds words, not branches.
"""

from __future__ import annotations

import re


def words(*phrases: str) -> re.Pattern[str]:
    """A pattern for any of the phrases as whole words, in any case (group 1 is the phrase found)."""
    return re.compile(rf"\b({'|'.join(phrases)})\b", re.I)


# Month and weekday names, as written; the patterns and stop-lists below are built from them.
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December")  # fmt: skip
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAYS = tuple(day.lower() for day in WEEKDAY_NAMES)
MONTHS = {name[:3].lower(): number for number, name in enumerate(MONTH_NAMES, 1)}

# Words that end a title: what follows is the person's name.
TITLE_HEADS = (
    "Minister|President|Premier|Chancellor|King|Queen|Emir|Amir|Prince|Princess|Sheikh|Sultan|Ambassador|Envoy|"
    "Secretary|Secretary-General|Chairman|Chairwoman|Chairperson|Chair|Speaker|Commander|Chief|General|Admiral|"
    "Colonel|Marshal|Director|Director-General|Head|Governor|Mayor|Adviser|Advisor|Councilor|Councillor|"
    "Aide|Representative|Undersecretary|Under-Secretary|Attaché|Spokesperson|Spokesman|Senator|Vice-President|"
    "Vice-Premier|Commander-in-Chief|Lieutenant|Brigadier|Captain|Deputy|counterpart|Counterpart|Officer|"
    "Foreign Minister|Dr|Dr\\.|Mr|Mr\\.|Ms|Ms\\.|Mrs|Mrs\\.|H\\.E\\.?|Excellency"
)

# Title words that are common first names too: after another title word they begin the name
# ("his Iranian counterpart Amir Hatami"), elsewhere they are the title ("Amir Sheikh Tamim").
TITLES_ALSO_NAMES = {"Amir"}

NAME_PARTICLES = {"bin", "bint", "ibn", "al", "el", "de", "da", "dos", "van", "von", "der", "du", "le", "la"}

NOT_NAMES = {
    "The", "His", "Her", "Their", "Ministry", "Minister", "Republic", "Defence", "Defense", "Foreign", "Affairs",
    "Government", "State", "National", "Federal", "Office", "Staff", "Armed", "Forces", "Army", "Navy", "Council",
    "Commission", "Committee", "Assembly", "Parliament", *WEEKDAY_NAMES, "On", "In", "At", "During", "After",
    "Both", "He", "She", "They", "It", "This", "That",
    "Delegation", "Embassy", "Joint", "Chief", "Military", "General", "Central", "People", "Cabinet", "Also",
    # verbs and nouns of a headline in title case: "Wang Yi Holds Talks with ..."
    "Holds", "Hold", "Held", "Talks", "Meets", "Meet", "Met", "Receives", "Received", "Visits", "Calls", "Says",
    "Signs", "Discusses", "Discuss", "With", "And", "To", "For", "Of", "Urges", "Hails", "Welcomes",
    "Kicks", "Begins", "Launches", "Opens", "Inks", "Agree", "Agrees",
    # institutions and events written like names
    "Agreement", "Enterprise", "Exercise", "Community", "Rulers", "Accord", "Assistant", "Special", "Union",
    "Hospital", "Secretariat", "University", "Institute", "Centre", "Center", "Agency", "Corporation", "Authority",
    "College", "Academy", "Division", "Brigade", "Battalion", "Regiment", "Command", "Commanding", "Guest", "Expo",
    "Forum",
    # a page's header and credit lines in title case: "State Documents & Translation   Date 10 November 2021"
    "Date", "Documents", "Translation", "Published", "Updated", "Posted", "Source", "Photo",
}  # fmt: skip

# The words of regions, which an office's portfolio holds ("Undersecretary for Latin America and the Caribbean"):
# a "name" made of them alone is no one's.
REGION_WORDS = {
    "Latin", "America", "Americas", "Caribbean", "Africa", "Europe", "Pacific", "Atlantic", "Arctic", "Balkans",
    "Sahel", "Gulf", "Asia-Pacific", "Indo-Pacific", "Eurasia",
}  # fmt: skip

# Words written before a name that are not part of it: "Datuk Seri Anwar Ibrahim", "Lt Col Peter Mwangi".
NAME_PREFIXES = {
    "Mr", "Mrs", "Ms", "Miss", "Dr", "Prof", "Professor", "Datuk", "Dato", "Dato’", "Dato'", "Datin", "Seri", "Sri",
    "Bapak", "Ibu", "Tun", "Hon", "Honourable", "Honorable", "Excellency", "H.E", "HE", "Sheikh", "Sheikha", "His",
    "Her", "Majesty", "Highness", "Royal", "General", "Lt", "Col", "Colonel", "Brig", "Brigadier", "Maj",
    "Adm", "Admiral", "Capt", "Captain", "Cdr", "Commander", "Lieutenant", "Sgt", "President", "Minister", "Premier",
    "PM", "Senator", "Ambassador", "Secretary", "Chairman", "Vice", "Deputy", "Prime", "King", "Queen", "Prince",
    "Crown", "Foreign", "Defence", "Defense", "Air", "Marshal", "Rear", "Vice-Admiral", "Wing", "Lord", "Lady",
    "Sir", "Dame", "Princess", "Sultan", "Emir",
    # ranks written with a hyphen: "Defense Minister Col-Gen Zakir Hasanov"
    "Col-Gen", "Colonel-General", "Lt-Gen", "Maj-Gen", "Brig-Gen", "Lt-Col", "Rear-Adm", "Vice-Adm",
}  # fmt: skip

# Of those, the titles a name is written with when one name follows ("King Abdullah", "Prince Ali", "Lord
# Cameron"): that one word is how the person is known, not a surname to join a full name written elsewhere.
STYLES = {"King", "Queen", "Prince", "Princess", "Sheikh", "Sheikha", "Sultan", "Emir", "Lord", "Lady"}

# Ranks and honorifics of two words whose words are also names: "Major Gen X" (but "Gen Nakatani" is a
# name), Malaysia's "Tan Sri X" (but "Tan Kin Lian" is a name).
RANK_PAIRS = {
    ("Major", "Gen"), ("Lt", "Gen"), ("Brig", "Gen"), ("Maj", "Gen"), ("Lt", "Col"), ("Major", "General"),
    ("Wing", "Commander"), ("Tan", "Sri"), ("Puan", "Sri"), ("Toh", "Puan"),
}  # fmt: skip

OFFICE_WORDS = {
    "Defence", "Defense", "National", "Affairs", "Foreign", "Armed", "Forces", "Council", "Security", "Supreme",
    "Commission", "Committee", "Military", "Central", "General", "Staff", "Ministry", "State", "Trade", "Industry",
    "Economy", "Economic", "Energy", "Finance", "Health", "Education", "Interior", "Justice", "Culture",
    "Transport", "Agriculture", "Development", "Investment", "Communications", "Digital", "Emergency",
    "Situations", "Internal", "External", "Planning", "Commerce", "Labour", "Labor", "Science", "Technology",
    "Parliament", "Assembly", "Senate", "House", "Republic", "Kingdom", "Federation", "Party", "Communist",
    "Army", "Navy", "Air", "Force", "Guard", "Border", "Service", "Office", "Administration", "Cabinet",
    "Government", "Union", "Bank", "Fund", "Chief", "Deputy", "Vice", "Minister", "Secretary", "Chairman",
    "Production", "Federal", "Presidential", "People's", "Workers'", "Democratic", "Socialist", "Islamic",
    "Popular", "Revolutionary", "Guards", "Corps", "Police", "Intelligence", "Statistics", "Tourism",
    "Environment", "Resources", "Natural", "Water", "Mines", "Mining", "Oil", "Gas", "Petroleum", "Relations",
    "Prime", "Senior", "First", "Acting", "Crown", "Grand", "Executive", "Permanent", "Special", "Assistant",
    "Ministers", "Lieutenant", "Colonel", "Major", "Brigadier", "Rear", "Admiral",
    # portfolios: "Minister of Electricity X", "Minister of Higher Education, Scientific Research and Innovation, X"
    # (not words that are also surnames, such as Power, Young, Land or Post)
    "Electricity", "Research", "Scientific", "Innovation", "Higher", "Housing", "Youth", "Sports", "Infrastructure",
    "Telecommunications", "Information", "Media", "Broadcasting", "Fisheries", "Forestry", "Aviation", "Maritime",
    "Railways", "Irrigation", "Welfare", "Heritage", "Urban", "Religious", "Endowments", "Sciences", "Hydrocarbons",
    "Minerals", "Investments", "Cooperation", "International", "Integration", "Diaspora", "Expatriates",
    "Overseas", "Regional", "Solidarity", "Employment", "Vocational", "Training", "Family", "Women", "Children",
    "Gender", "Social", "Public", "Works", "Climate", "Food", "Livestock", "Space", "Commonwealth", "Ecology",
    "Representatives", "Deputies", "Lords", "Commons",
}  # fmt: skip

# Lower-case words a title may begin with after a name: "Jane Doe, defence minister of X".
TITLE_STARTS = {
    "defence", "defense", "foreign", "prime", "deputy", "vice", "minister", "president", "chief", "head", "acting",
    "former", "special", "senior", "first", "secretary", "ambassador", "chairman",
    "newly", "recently",  # "X, the recently appointed Minister of Foreign Affairs"
}  # fmt: skip


# Words that put a place in the future: "the next meeting will take place in Tanzania".
FUTURE = words("will", "would", "shall", "next", "is to", "are to", "to be held", "scheduled", "planned", "upcoming")
# Between an unknown place and the country it is in: "the Kakheti region of Georgia", "Parliament House, Canberra".
PLACED_IN = re.compile(
    r"^(?:\s+(?:region|province|state|district|city|county|area|prefecture)\s+of\s+(?:the\s+)?|,\s*|"
    # "at the Ministry of Foreign Affairs of Turkmenistan": an institution of the country
    r"(?P<institution>\s+of\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+(?:and\s+)?){1,4}of\s+(?:the\s+)?))$"
)

# Between the countries of a list: "India, the US and Japan", "Kenya-Rwanda-Uganda".
LIST_GAP = re.compile(r"^\s*(?:,\s*(?:and\s+)?|and\s+|&\s*|[-–/]\s*)(?:the\s+)?$")

# Being somewhere, in a sentence with no verb of engaging: "President X was in Pyongyang from Oct. 28-31".
PRESENT_IN = re.compile(r"\b(?:was|were|is|are|stayed|stays|staying)\s+in\b")

# Verbs of arriving: a sentence told only with them is about travel, not yet the engagement.
ARRIVAL = words("arrived", "arrives", "arrival", "landed")

VISITED = re.compile(r"\b(?:visit(?:ed|ing|s)?|visit to|trip to|arrived in|arrives in|tour of|travelled to|traveled to)"
                   r"\s+(?:the\s+)?$", re.I)  # fmt: skip

NOT_PLACES = {
    *MONTH_NAMES, *WEEKDAY_NAMES, "The", "This", "That", "Which", "Order", "Accordance", "Addition", "Particular",
    "Turn", "Total", "Response", "Light", "Line", "Charge",
    # documents and texts: "in the MoU", "in the Joint Statement"
    "MoU", "MoUs", "MOU", "MOUs", "Memorandum", "Agreement", "Statement", "Declaration", "Communique", "Protocol",
    "Treaty", "Framework", "Plan", "Roadmap",
}  # fmt: skip

# Seas and oceans, where a drill is told to be ("in the Gulf of Oman", "in the Black Sea", "in the Indo-Pacific"):
# no country's place.
SEAS = {
    "Gulf", "Sea", "Bay", "Strait", "Straits", "Ocean", "Channel", "Indo-Pacific", "Asia-Pacific", "Mediterranean",
    "Pacific", "Atlantic", "Arctic", "Waters",
}  # fmt: skip

SITUATION = re.compile(r"\b(situation|crisis|war|conflict|peace|tensions|developments|stability|events)\s*$", re.I)

# Active voice only: in "was received by", what comes before is the guest.
RECEIVED = re.compile(r"(?<!was )(?<!were )(?<!been )\b(received|receives|hosted|hosts|hosting|welcomed|welcomes)\b")

MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)

WEEKDAY = re.compile(rf"\b(?:on\s+|last\s+|this\s+)?({'|'.join(WEEKDAY_NAMES)})\b")

RELATIVE_DAY = re.compile(
    r"\b(yesterday|today|earlier today|this morning|this afternoon|this evening|tonight|last week|last month|"
    r"earlier this week|this week)\b",
    re.I,
)
# A verb of reporting just before a date: the day it was told, not the day it happened.
REPORTED = re.compile(r"\b(?:said|says|told|announced|reported|stated|added|noted)\s+(?:on\s+|late\s+|early\s+)?$")
# A photo's caption saved with the text: its date is the photo's ("[Photo/Xinhua]", "File photo").
PHOTO_CAPTION = re.compile(r"[\[(]\s*Photos?\b|\bPhotos?\s*[:/|]|\bfile photo\b|\(AFP\)\s*$", re.I)
# A photo from the archive ("(Twitter/PMO India/File)", "File photo"): its people are of another day.
FILE_PHOTO = re.compile(r"\bfile (?:photo|picture|image)\b|\([^()]{0,60}\bFile\s*\)", re.I)

# Words of a sentence that tells the engagement itself (its date and place are told there).
ENGAGED = words(
    "met", "meet", "meets", "meeting", "visit", "visits", "visited", "visiting", "talks", "held", "hold", "holds",
    "signed", "sign", "signing", "discussed", "discuss", "received", "receives", "hosted", "hosts", "call", "phone",
    "telephone", "spoke", "conversation", "exercises?", "drills?", "took place", "arrived", "conducted", "attended",
    "consultations", "negotiations", "videoconference", "video link", "inked", "concluded", "convened", "gathered",
    "summit", "conference", "ceremony", "session", "forum", "retreat", "began", "begin", "launched", "opened",
    "exchanged", "started", "hosting", "kicked off", "commenced", "inaugurated",
)  # fmt: skip

DATE_CONTEXT = re.compile(
    r"\b(war|crash|occurred|anniversary|since|founded|established|born|died|killed|attack|attacks|earthquake|"
    r"election|elections|independence|ceasefire|previous|last year|earlier visit|in \d{4}|deadline|expires?|"
    r"scheduled|will be held|next)\b",
    re.I,
)

NAME_JOINERS = {"of", "and", "the"}

# Index entries that are ordinary words in prose, or too short to trust there.
NOT_IN_PROSE = {"us", "man", "chad", "jordan", "georgia", "niger", "guinea"}

COUNTRY_ABBREVIATIONS = {"US": "USA", "U.S.": "USA", "UK": "GBR", "U.K.": "GBR", "UAE": "ARE", "DPRK": "PRK",
                  "PRC": "CHN", "ROK": "KOR", "USA": "USA", "PNG": "PNG"}  # fmt: skip

# Phrases that hold a country's name or demonym but name no country (folded).
NOT_COUNTRIES = {
    "korean peninsula", "small island developing states", "island", "islands", "small island", "pacific islands",
    "the island", "island nation", "island state",
    # seas and gulfs named after a country: "the Gulf of Oman", "the South China Sea"
    "gulf of oman", "sea of oman", "gulf of aden", "gulf of guinea", "gulf of mexico", "gulf of thailand",
    "south china sea", "east china sea", "sea of japan", "gulf of finland",
    # regions of the Americas: "Latin America and the Caribbean" is not the United States
    "latin america", "south america", "central america", "north america", "latin american", "south american",
    "central american", "north american", "ibero american", "pan american", "inter american",
}  # fmt: skip

# Names and demonyms in news prose that the resolver finds ambiguous or does not hold.
PROSE_NAMES = {
    "south korea": "KOR", "north korea": "PRK", "republic of korea": "KOR", "korea": "KOR", "dpr korea": "PRK",
    "democratic peoples republic of korea": "PRK", "turkey": "TUR", "turkiye": "TUR", "georgia": "GEO",
    "jordan": "JOR", "chad": "TCD", "niger": "NER", "guinea": "GIN", "kosovo": "XKX", "america": "USA",
    "peoples republic of china": "CHN", "emirates": "ARE", "viet nam": "VNM", "britain": "GBR",
    "great britain": "GBR", "republic of the congo": "COG", "democratic republic of the congo": "COD",
    "northern ireland": "GBR",
}  # fmt: skip

PROSE_DEMONYMS = {
    "south korean": "KOR", "north korean": "PRK", "korean": "KOR", "emirati": "ARE", "saudi": "SAU",
    "kazakh": "KAZ", "uzbek": "UZB", "kyrgyz": "KGZ", "tajik": "TJK", "turkmen": "TKM", "azeri": "AZE",
    "filipino": "PHL", "philippine": "PHL", "dutch": "NLD", "vietnamese": "VNM", "british": "GBR",
    "belarusian": "BLR", "russian": "RUS", "chinese": "CHN", "iranian": "IRN", "iraqi": "IRQ", "qatari": "QAT",
    "omani": "OMN", "kuwaiti": "KWT", "bahraini": "BHR", "yemeni": "YEM", "israeli": "ISR", "swiss": "CHE",
    "congolese": "COD", "georgian": "GEO", "jordanian": "JOR", "chadian": "TCD", "nigerien": "NER",
    "guinean": "GIN", "kosovar": "XKX", "turkish": "TUR", "american": "USA", "indian": "IND",
    "argentine": "ARG", "argentinian": "ARG", "lao": "LAO", "laotian": "LAO", "thai": "THA", "afghan": "AFG",
}  # fmt: skip

# The offices of the leaders table (leaders.py), by the words of a role; the first that matches wins.
OFFICES = (
    ("foreign", re.compile(r"\bforeign\b|external affairs|secretary of state|\bFM\b", re.I)),
    ("defence", re.compile(r"\bdefen[cs]e\b|armed forces minister", re.I)),
    ("government", re.compile(r"prime minister|premier|chancellor|\bPM\b|head of government", re.I)),
    ("head", re.compile(r"\bpresident\b|\bking\b|\bemir\b|\bamir\b|\bsultan\b|supreme leader|head of state", re.I)),
)
# Roles near an office that are not it: "Vice President", "former Prime Minister", "First Lady".
NOT_THE_OFFICE = re.compile(r"\b(vice|deputy|former|ex|first lady|spouse|wife|husband|son|daughter)\b", re.I)

# A person named only as the sender or subject of what others carry is mentioned, not a participant:
# "a message from Prime Minister X", "the invitation of President Y", "an invitation to his counterpart Z",
# "Special Envoy of PM W", "X's commitment".
RELAYED_BEFORE = re.compile(
    r"\b(?:message|messages|letter|greetings|regards|invitation|wishes|congratulations|condolences|envoy|behalf|"
    r"instructions?|appointed|appointment)\s+(?:from|of|to|by)?\s*(?:the\s+|his\s+|her\s+)?"
    r"(?:(?!and\b|with\b)[\w'’.-]+\s+){0,6}$",
    re.I,
)
RELAYED_AFTER = re.compile(
    r"^['’]s\s+(?:\w+\s+)?(?:commitment|message|letter|invitation|greetings|wishes|behalf|envoy|regards|"
    r"instructions?|talks|government|administration)\b",
    re.I,
)
# A meeting still to come: "the minister will meet President X next month".
TO_COME_BEFORE = re.compile(
    r"\b(?:will|would|is to|are to|(?:expected|set|scheduled|due) to)\s+(?:also\s+)?(?:meet|visit|receive|host|"
    r"call on|hold talks with)\s+(?:with\s+)?(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){0,5}$"
)
# After a name, letters of honours, degrees and offices ("Ali Khan OBE MP"): not part of the name.
POST_NOMINALS = {
    "MP",
    "OBE",
    "CBE",
    "MBE",
    "KBE",
    "GCMG",
    "KCMG",
    "CMG",
    "QC",
    "KC",
    "LLB",
    "PhD",
    "MNA",
    "MLA",
    "AO",
    # South Asian services' staff-college and office letters: "Manoj Pande COAS", "X, NDC, PSC"
    "COAS",
    "CDS",
    "CNS",
    "CAS",
    "GOC",
    "NDC",
    "PSC",
    "HDMC",
    "AFWC",
    "PVSM",
    "AVSM",
    "SM",
    "VSM",
}
# After "Name, title,": the person is the source of a report, not a participant ("…, said on Monday").
SOURCE_AFTER = re.compile(r"^,?\s*(?:\w+\s+)?(?:said|says|told|noted|stated|announced)\b")

# A page's date stamp, day first, in a short line of its own: "20.04.2019", "18:16 20.04.2019" (the time may be
# glued on), "11/May/2020 14:44", "Thursday, 23 February De 2023 19h06".
STAMP_DATE = re.compile(
    rf"(?:(?<!\d)|(?<=\d\d:\d\d))(?P<day>\d{{1,2}})(?P<sep>[./-])(?P<month>\d{{1,2}})(?P=sep)(?P<year>\d{{4}})(?!\d)|"
    rf"\b(?P<day2>\d{{1,2}})(?:/|\s+)(?P<month2>{MONTH})\.?(?:/|,?\s+(?:de\s+)?)(?P<year2>\d{{4}})\b",
    re.I,
)
# A year the text names (a caption's date, an exercise's name): bounds the year of year-less dates.
YEAR = re.compile(r"(?<![\d.,/])(?<!\d-)(?:19[5-9]\d|20\d\d)(?!\d)")
