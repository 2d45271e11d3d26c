"""Currency knowledge: ISO codes, symbols, currency words, ambiguous units.

A surface form maps either to an ISO 4217 code ("€" → "EUR") or to an
ambiguous unit ("$", "dollars", "¥", "pounds", "kroner"…), written "@name",
that `Choice` resolves from a nationality word, the publisher's country or
words near the amount (see context.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

# ISO 4217 codes recognised as written codes ("USD 10", "10 EUR"): the most traded
# currencies and those of the countries the gazetteer covers. Codes that are also common
# capitalised words are left out.
ISO_CODES = frozenset(
    "USD EUR JPY GBP CNY AUD CAD CHF HKD SGD SEK KRW NOK NZD INR MXN TWD ZAR BRL DKK "
    "PLN THB ILS IDR CZK AED HUF CLP SAR PHP MYR RUB RON PEN BHD BGN ARS KWD QAR EGP "
    "PKR VND NGN KZT UAH ISK LKR KES OMR JOD TTD JMD GYD BBD BSD BZD XCD KYD ZWL ZMW BWP NAD "
    "MUR FJD UGX TZS RWF ETB BDT NPR MMK KHR XOF XAF DOP UYU GHS GMD LRD SLE SLL MWK LSL SZL "
    "DZD TND PGK SBD WST VUV BND MOP SCR MVR CDF AOA MZN SSP SDG GNF CVE HTG".split()
)
NON_ISO_CODES = {"RMB": "CNY"}


@dataclass(frozen=True)
class Choice:
    """An ambiguous unit: `default` (None: needs evidence), currency by country, words hinting."""

    default: str | None
    by_country: dict[str, str] = field(default_factory=dict)
    hints: dict[str, tuple[str, ...]] = field(default_factory=dict)


_CN = ("yuan", "renminbi", "rmb", "china", "chinese", "beijing", "shanghai")
_JP = ("yen", "japan", "japanese", "tokyo")
_GB = ("britain", "british", "uk", "u.k.", "england", "english", "london", "sterling")
_NORDIC = {
    "SEK": ("sweden", "swedish", "stockholm", "kronor"),
    "NOK": ("norway", "norwegian", "oslo"),
    "DKK": ("denmark", "danish", "copenhagen"),
    "ISK": ("iceland", "icelandic", "reykjavik"),
}

AMBIGUOUS: dict[str, Choice] = {
    "dollar": Choice(
        "USD",
        {
            "US": "USD",
            "AU": "AUD",
            "CA": "CAD",
            "NZ": "NZD",
            "SG": "SGD",
            "HK": "HKD",
            "TW": "TWD",
            "JM": "JMD",
            "BS": "BSD",
            "BB": "BBD",
            "BZ": "BZD",
            "FJ": "FJD",
            "LR": "LRD",
            "NA": "NAD",
            "TT": "TTD",
            "ZW": "ZWL",
            "BN": "BND",
            "GY": "GYD",
            "WS": "WST",
            "SB": "SBD",
            "TO": "TOP",
            "KY": "KYD",
            "BM": "BMD",
        },
    ),
    "yen-sign": Choice("JPY", {"CN": "CNY", "JP": "JPY"}, {"CNY": _CN, "JPY": _JP}),
    "pound": Choice(
        None,
        {"GB": "GBP", "EG": "EGP", "LB": "LBP", "SY": "SYP", "SD": "SDG", "SS": "SSP"},
        {"GBP": _GB, "EGP": ("egypt", "egyptian", "cairo")},
    ),
    "won": Choice(None, {"KR": "KRW", "KP": "KPW"}, {"KRW": ("korea", "korean", "seoul")}),
    "krone": Choice("NOK", {"NO": "NOK", "DK": "DKK"}, {k: _NORDIC[k] for k in ("NOK", "DKK")}),
    "krona": Choice("SEK", {"SE": "SEK", "IS": "ISK"}, {k: _NORDIC[k] for k in ("SEK", "ISK")}),
    "kr": Choice("SEK", {"SE": "SEK", "NO": "NOK", "DK": "DKK", "IS": "ISK"}, _NORDIC),
    "peso": Choice(
        "MXN",
        {
            "MX": "MXN",
            "PH": "PHP",
            "AR": "ARS",
            "CL": "CLP",
            "CO": "COP",
            "UY": "UYU",
            "CU": "CUP",
            "DO": "DOP",
        },
        {
            "MXN": ("mexico", "mexican"),
            "PHP": ("philippines", "philippine", "filipino", "manila"),
            "ARS": ("argentina", "argentine", "argentinian", "buenos aires"),
            "CLP": ("chile", "chilean", "santiago"),
            "COP": ("colombia", "colombian", "bogota"),
        },
    ),
    "rupee": Choice(
        "INR",
        {"IN": "INR", "PK": "PKR", "LK": "LKR", "NP": "NPR", "MU": "MUR", "SC": "SCR"},
        {
            "INR": ("india", "indian", "delhi", "mumbai"),
            "PKR": ("pakistan", "pakistani", "karachi", "islamabad", "lahore"),
            "LKR": ("sri lanka", "sri lankan", "colombo"),
            "NPR": ("nepal", "nepalese", "kathmandu"),
        },
    ),
    "franc": Choice(
        "CHF",
        {
            "CH": "CHF",
            "LI": "CHF",
            "SN": "XOF",
            "CI": "XOF",
            "CM": "XAF",
            "RW": "RWF",
            "CD": "CDF",
            "GN": "GNF",
            "BI": "BIF",
            "DJ": "DJF",
            "KM": "KMF",
            "MG": "MGA",
        },
        {"CHF": ("swiss", "switzerland", "zurich", "geneva")},
    ),
    "riyal": Choice(
        "SAR",
        {"SA": "SAR", "QA": "QAR", "OM": "OMR", "IR": "IRR", "YE": "YER"},
        {
            "SAR": ("saudi", "riyadh"),
            "QAR": ("qatar", "qatari", "doha"),
            "OMR": ("oman", "omani", "muscat"),
            "IRR": ("iran", "iranian", "tehran"),
        },
    ),
    "dinar": Choice(
        None,
        {
            "KW": "KWD",
            "BH": "BHD",
            "JO": "JOD",
            "IQ": "IQD",
            "TN": "TND",
            "DZ": "DZD",
            "RS": "RSD",
            "LY": "LYD",
            "MK": "MKD",
        },
        {
            "KWD": ("kuwait", "kuwaiti"),
            "BHD": ("bahrain", "bahraini"),
            "JOD": ("jordan", "jordanian", "amman"),
            "IQD": ("iraq", "iraqi", "baghdad"),
            "TND": ("tunisia", "tunisian", "tunis"),
            "DZD": ("algeria", "algerian", "algiers"),
            "RSD": ("serbia", "serbian", "belgrade"),
            "LYD": ("libya", "libyan", "tripoli"),
        },
    ),
    "dirham": Choice(
        "AED",
        {"AE": "AED", "MA": "MAD"},
        {
            "AED": ("emirates", "emirati", "uae", "dubai", "abu dhabi"),
            "MAD": ("morocco", "moroccan", "rabat"),
        },
    ),
    "shilling": Choice(
        "KES",
        {"KE": "KES", "UG": "UGX", "TZ": "TZS", "SO": "SOS"},
        {
            "KES": ("kenya", "kenyan", "nairobi"),
            "UGX": ("uganda", "ugandan", "kampala"),
            "TZS": ("tanzania", "tanzanian", "dar es salaam"),
        },
    ),
    "pence-sign": Choice(None, {"GB": "GBP"}, {"GBP": _GB}),
    "rand-sign": Choice(None, {"ZA": "ZAR"}, {"ZAR": ("south africa", "south african", "rand")}),
    "kwacha": Choice(
        None,
        {"ZM": "ZMW", "MW": "MWK"},
        {"ZMW": ("zambia", "zambian", "lusaka"), "MWK": ("malawi", "malawian", "lilongwe")},
    ),
    "loti-sign": Choice(None, {"LS": "LSL"}, {"LSL": ("lesotho", "basotho", "maseru", "maloti")}),
    # Zambian and Malawian papers write the kwacha "K" ("K4.5 million"), as PNG's the kina.
    "kwacha-sign": Choice(
        None,
        {"ZM": "ZMW", "MW": "MWK", "PG": "PGK"},
        {
            "ZMW": ("zambia", "zambian", "lusaka", "kwacha"),
            "MWK": ("malawi", "malawian", "lilongwe"),
            "PGK": ("papua new guinea", "port moresby", "kina"),
        },
    ),
    # Nigerian papers write the naira as "N" ("N45,000", "N12 million") as often as "₦", and
    # Philippine papers the peso as "P" ("P48.6 million", "P90,000") as often as "₱".
    "naira-sign": Choice(None, {"NG": "NGN"}, {"NGN": ("nigeria", "nigerian", "naira")}),
    # Gambian papers write the dalasi "D" ("D214 million", "D30,000").
    "dalasi-sign": Choice(None, {"GM": "GMD"}, {"GMD": ("gambia", "gambian", "banjul", "dalasi")}),
    # … and Botswana's the pula as "P" too ("P96 million", "between P450,000 and P600,000").
    "p-sign": Choice(
        None,
        {"PH": "PHP", "BW": "BWP"},
        {"PHP": ("philippines", "philippine", "filipino"), "BWP": ("botswana", "gaborone", "pula")},
    ),
}

# Written before the number, case-sensitive ("US$5", "HK$3.2 billion", "Rs 3 crore").
PREFIXES: dict[str, str] = {
    "US$": "USD",
    "U.S.$": "USD",
    "US $": "USD",
    "U.S. $": "USD",
    "$US": "USD",
    "A$": "AUD",
    "AU$": "AUD",
    "C$": "CAD",
    "CA$": "CAD",
    "Can$": "CAD",
    "NZ$": "NZD",
    "FJ$": "FJD",
    # The dollars of the Caribbean, the Americas, Africa and the Pacific as their own press
    # writes them: "TT$5 million", "J$40 million", "ZWL$50 000".
    "TT$": "TTD",
    "J$": "JMD",
    "JA$": "JMD",
    "G$": "GYD",
    "GY$": "GYD",
    "BZ$": "BZD",
    "EC$": "XCD",
    "Bds$": "BBD",
    "BDS$": "BBD",
    "BD$": "BMD",
    "CI$": "KYD",
    "L$": "LRD",
    "SI$": "SBD",
    "WS$": "WST",
    "WST$": "WST",  # Samoan papers: "WST$18,500"
    "Z$": "ZWL",
    "ZW$": "ZWL",
    "ZWL$": "ZWL",
    "NLe": "SLE",  # Sierra Leone's new leone (2022): "NLe 3.1 million"
    "ZiG": "ZWG",  # Zimbabwe Gold, the currency since April 2024: "ZiG40 million"
    "ZWG": "ZWG",
    "RD$": "DOP",
    "MOP$": "MOP",
    "Col$": "COP",
    "COL$": "COP",
    "AR$": "ARS",
    "S$": "SGD",
    "SG$": "SGD",
    "HK$": "HKD",
    "NT$": "TWD",
    "R$": "BRL",
    "MX$": "MXN",
    "Mex$": "MXN",
    "$": "@dollar",
    "€": "EUR",
    "£": "GBP",
    "E£": "EGP",
    "IR£": "IEP",  # the Irish pound, before the euro
    "¥": "@yen-sign",
    "JP¥": "JPY",
    "CN¥": "CNY",
    "₹": "INR",
    "Rs.": "@rupee",
    "Rs": "@rupee",
    "₨": "@rupee",
    "Rp": "IDR",
    "Rp.": "IDR",
    "RM": "MYR",
    "₱": "PHP",
    "₩": "KRW",
    "₽": "RUB",
    "₺": "TRY",
    "₪": "ILS",
    "฿": "THB",
    "₫": "VND",
    "₦": "NGN",
    "₴": "UAH",
    "₸": "KZT",
    "SFr.": "CHF",
    "Fr.": "CHF",
    "kr": "@kr",
    "kr.": "@kr",
    "zł": "PLN",
    "Ksh": "KES",
    "KSh": "KES",
    "S/": "PEN",
    "S/.": "PEN",
    "R": "@rand-sign",
    "M": "@loti-sign",
    "K": "@kwacha-sign",
    "N$": "NAD",
    "N": "@naira-sign",
    "D": "@dalasi-sign",
    "P": "@p-sign",
    "TSh": "TZS",
    "Tsh": "TZS",
    "TShs": "TZS",
    "USh": "UGX",
    "Ush": "UGX",
    "Sh": "@shilling",
    "Shs": "@shilling",  # Ugandan and Tanzanian papers: "Shs1.7 billion", "Shs480b"
    "Rwf": "RWF",  # the Rwandan franc as Rwandan papers write it: "Rwf4.5 billion"
    "RWF": "RWF",
    "FRw": "RWF",
    "Br": "ETB",  # the Ethiopian birr's sign: "Br 2.5 billion"
    "Tk": "BDT",  # the Bangladeshi taka: "Tk 1.2 crore", "Tk 30,000"
    "Tk.": "BDT",
    "৳": "BDT",
    "GH¢": "GHS",
    "CFA": "XOF",  # (West Africa's franc, the one Ghanaian and Nigerian news meets)
    "GH₵": "GHS",
    "₵": "GHS",
}

# Symbols written after the number, case-sensitive ("1.234,56 €", "100 zł").
SUFFIX_SYMBOLS: dict[str, str] = {
    "€": "EUR",
    "zł": "PLN",
    "Kč": "CZK",
    "kr": "@kr",
    "kr.": "@kr",
    "₽": "RUB",
    "₺": "TRY",
    "₪": "ILS",
    "₫": "VND",
    "£": "GBP",
    "$": "@dollar",
    "¥": "@yen-sign",
    "lei": "RON",
    "лв": "BGN",
    "₴": "UAH",
    "/-": "@shilling",  # East African notation: "4m/-", "500,000/-"
}

# CJK currency signs written right after the number ("500円", "5万元", "3억 원").
CJK_SIGNS: dict[str, str] = {"円": "JPY", "元": "CNY", "원": "KRW"}

# Currency words after the number, lower-case, singular and plural forms.
UNIT_WORDS: dict[str, str] = {
    **dict.fromkeys(("dollar", "dollars"), "@dollar"),
    **dict.fromkeys(("euro", "euros"), "EUR"),
    **dict.fromkeys(("yuan", "renminbi", "rmb"), "CNY"),
    "yen": "JPY",
    **dict.fromkeys(("pound", "pounds"), "@pound"),
    **dict.fromkeys(("sterling", "pounds sterling", "pound sterling"), "GBP"),
    **dict.fromkeys(("franc", "francs"), "@franc"),
    **dict.fromkeys(("cfa franc", "cfa francs"), "XOF"),
    **dict.fromkeys(("krona", "kronor"), "@krona"),
    **dict.fromkeys(("krone", "kroner"), "@krone"),
    "won": "@won",
    **dict.fromkeys(("rupee", "rupees"), "@rupee"),
    **dict.fromkeys(("peso", "pesos"), "@peso"),
    "rand": "ZAR",
    "reais": "BRL",
    **dict.fromkeys(("zloty", "zlotys", "zlotych", "złoty", "złotych"), "PLN"),
    "baht": "THB",
    **dict.fromkeys(("shekel", "shekels", "sheqel", "sheqels"), "ILS"),
    "rupiah": "IDR",
    **dict.fromkeys(("koruna", "korunas", "koruny"), "CZK"),
    **dict.fromkeys(("dirham", "dirhams"), "@dirham"),
    **dict.fromkeys(("lira", "liras", "lire"), "TRY"),
    **dict.fromkeys(("forint", "forints"), "HUF"),
    **dict.fromkeys(("riyal", "riyals", "rial", "rials"), "@riyal"),
    **dict.fromkeys(("ringgit", "ringgits"), "MYR"),
    **dict.fromkeys(("soles", "nuevos soles"), "PEN"),
    **dict.fromkeys(("dinar", "dinars"), "@dinar"),
    **dict.fromkeys(("leu", "lei"), "RON"),
    **dict.fromkeys(("lev", "leva"), "BGN"),
    **dict.fromkeys(("ruble", "rubles", "rouble", "roubles"), "RUB"),
    **dict.fromkeys(("deutsche mark", "deutsche marks", "deutschmark", "deutschmarks"), "DEM"),
    "dong": "VND",
    "naira": "NGN",
    "birr": "ETB",
    **dict.fromkeys(("Rwandan franc", "Rwandan francs"), "RWF"),
    **dict.fromkeys(("loti", "maloti"), "LSL"),
    "kwacha": "@kwacha",
    "cedi": "GHS",
    "cedis": "GHS",
    "tenge": "KZT",
    "tala": "WST",
    "dalasi": "GMD",
    "kina": "PGK",
    "pula": "BWP",
    "taka": "BDT",
    **dict.fromkeys(("kyat", "kyats"), "MMK"),
    **dict.fromkeys(("riel", "riels"), "KHR"),
    **dict.fromkeys(("afghani", "afghanis"), "AFN"),
    "lari": "GEL",
    "somoni": "TJS",
    **dict.fromkeys(("kwanza", "kwanzas"), "AOA"),
    **dict.fromkeys(("metical", "meticais"), "MZN"),
    "ariary": "MGA",
    **dict.fromkeys(("lilangeni", "emalangeni"), "SZL"),
    "nakfa": "ERN",
    "rufiyaa": "MVR",
    "ngultrum": "BTN",
    "vatu": "VUV",
    **dict.fromkeys(("lempira", "lempiras"), "HNL"),
    **dict.fromkeys(("quetzal", "quetzales"), "GTQ"),
    "colones": "CRC",
    **dict.fromkeys(("guaraní", "guaraníes", "guarani", "guaranis"), "PYG"),
    **dict.fromkeys(("bolívar", "bolívares", "bolivares"), "VES"),
    **dict.fromkeys(("denar", "denars", "denari"), "MKD"),
    "lekë": "ALL",
    **dict.fromkeys(("tugrik", "tugriks", "tögrög"), "MNT"),
    **dict.fromkeys(("pa'anga", "paʻanga"), "TOP"),
    **dict.fromkeys(("hryvnia", "hryvnias", "hryvnya", "hryvnyas"), "UAH"),
    **dict.fromkeys(("shilling", "shillings"), "@shilling"),
    "real": "@real",
    "cfa francs": "XOF",
    **dict.fromkeys(("рубль", "рубля", "рублей", "руб.", "руб"), "RUB"),
    **dict.fromkeys(("доллар", "доллара", "долларов"), "@dollar"),
    "евро": "EUR",
}
# "real" is money only with "Brazilian" or a Brazilian publisher.
AMBIGUOUS["real"] = Choice(None, {"BR": "BRL"})
# A cent is a hundredth of the publisher's own unit where it has cents ("50 cents" in a
# Kenyan, South African or Irish paper), else of the dollar in force.
AMBIGUOUS["cent"] = Choice(
    "USD",
    {
        **AMBIGUOUS["dollar"].by_country,
        **dict.fromkeys("IE MT CY DE FR IT ES PT NL BE AT FI GR".split(), "EUR"),
        "KE": "KES",
        "ZA": "ZAR",
        "LK": "LKR",
        "MU": "MUR",
    },
)

# Hundredths of the main unit: "50 cents" (of the dollar in force), "20 pence"; "50p" is
# read only under 100 and in a British context (never "1080p", "4 p.m.").
PENCE_SIGN = "@pence-sign"
FRACTION_WORDS: dict[str, str] = {
    **dict.fromkeys(("cent", "cents"), "@cent"),
    **dict.fromkeys(("euro cent", "euro cents", "eurocent", "eurocents"), "EUR"),
    **dict.fromkeys(("penny", "pence"), "GBP"),
    # a dollar's cents named by its country ("5 HK cents a share", "74.27 U.S. cents")
    **dict.fromkeys(("us cent", "us cents", "u.s. cent", "u.s. cents"), "USD"),
    **dict.fromkeys(("hk cent", "hk cents"), "HKD"),
    **dict.fromkeys(("singapore cent", "singapore cents"), "SGD"),
    # hundredths with names of their own: the rupee's paise, the naira's kobo, the kwacha's ngwee
    **dict.fromkeys(("paise", "paisa"), "@rupee"),
    "kobo": "NGN",
    "ngwee": "ZMW",
    "thebe": "BWP",
}

# Nationality words before a currency word ("Australian dollars") → ISO 3166 country.
NATIONALITIES: dict[str, str] = {
    "us": "US",
    "u.s.": "US",
    "american": "US",
    "australian": "AU",
    "canadian": "CA",
    "new zealand": "NZ",
    "singapore": "SG",
    "singaporean": "SG",
    "hong kong": "HK",
    "taiwan": "TW",
    "taiwanese": "TW",
    "new taiwan": "TW",
    "jamaican": "JM",
    "zimbabwe": "ZW",
    "zimbabwean": "ZW",
    "namibian": "NA",
    "brunei": "BN",
    "british": "GB",
    "egyptian": "EG",
    "lebanese": "LB",
    "syrian": "SY",
    "sudanese": "SD",
    "south korean": "KR",
    "korean": "KR",
    "north korean": "KP",
    "norwegian": "NO",
    "danish": "DK",
    "swedish": "SE",
    "icelandic": "IS",
    "mexican": "MX",
    "philippine": "PH",
    "argentine": "AR",
    "argentinian": "AR",
    "chilean": "CL",
    "colombian": "CO",
    "uruguayan": "UY",
    "cuban": "CU",
    "dominican": "DO",
    "indian": "IN",
    "pakistani": "PK",
    "sri lankan": "LK",
    "nepalese": "NP",
    "nepali": "NP",
    "mauritian": "MU",
    "swiss": "CH",
    "rwandan": "RW",
    "congolese": "CD",
    "guinean": "GN",
    "burundian": "BI",
    "saudi": "SA",
    "qatari": "QA",
    "omani": "OM",
    "iranian": "IR",
    "yemeni": "YE",
    "kuwaiti": "KW",
    "bahraini": "BH",
    "jordanian": "JO",
    "iraqi": "IQ",
    "tunisian": "TN",
    "algerian": "DZ",
    "serbian": "RS",
    "libyan": "LY",
    "macedonian": "MK",
    "emirati": "AE",
    "uae": "AE",
    "moroccan": "MA",
    "kenyan": "KE",
    "ugandan": "UG",
    "tanzanian": "TZ",
    "somali": "SO",
    "brazilian": "BR",
    "chinese": "CN",
    "japanese": "JP",
    "south african": "ZA",
    "russian": "RU",
    "turkish": "TR",
    "polish": "PL",
    "czech": "CZ",
    "hungarian": "HU",
    "romanian": "RO",
    "bulgarian": "BG",
    "ukrainian": "UA",
    "israeli": "IL",
    "thai": "TH",
    "malaysian": "MY",
    "indonesian": "ID",
    "vietnamese": "VN",
    "nigerian": "NG",
    "kazakh": "KZ",
    "peruvian": "PE",
    "fijian": "FJ",
    "trinidad and tobago": "TT",
}
