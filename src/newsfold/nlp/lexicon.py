"""English language data, kept once and read by every stage.

Months, weekdays, number words and the words of speech live here as data;
stages build their own patterns and narrower sets from these (a stage that
needs "months and weekdays, but not 'may'" derives it, it does not retype it).
Lower case unless a name says otherwise.
"""
from __future__ import annotations

MONTH_NAMES: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
# Abbreviations as newsrooms write them ("Sept" beside "Sep"; "May" has none).
MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
MONTHS_FULL: dict[str, int] = {name.lower(): number for number, name in enumerate(MONTH_NAMES, start=1)}
# Every way a month is written -> its number (1-12).
MONTHS: dict[str, int] = {**MONTHS_FULL, **MONTH_ABBREVIATIONS}

WEEKDAY_NAMES: tuple[str, ...] = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAYS: tuple[str, ...] = tuple(name.lower() for name in WEEKDAY_NAMES)
WEEKDAY_ABBREVIATIONS: dict[str, int] = {
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6,
}
# Every way a weekday is written -> its number (Monday = 0, as datetime.weekday()).
WEEKDAY_NUMBERS: dict[str, int] = {**{name: n for n, name in enumerate(WEEKDAYS)}, **WEEKDAY_ABBREVIATIONS}

# Number words: units and teens, tens, and the scales that multiply them.
UNIT_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS_WORDS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALE_WORDS: dict[str, int] = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000,
    "billion": 1_000_000_000, "trillion": 1_000_000_000_000,
}
# Scales written short after an amount ("S$13.3m", "$2bn", "5k"; "RM45mil", "US$1.2bil" in the Malaysian press).
SCALE_ABBREVIATIONS: dict[str, int] = {
    "k": 1_000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000, "mil": 1_000_000,
    "bn": 1_000_000_000, "b": 1_000_000_000, "bil": 1_000_000_000, "tn": 1_000_000_000_000,
}
# Verbs that take "over" as their particle ("will take over 114 checkpoints",
# "handed over 20 files"): the "over" after them is no "more than".
OVER_PARTICLE_VERBS: frozenset[str] = frozenset({"take", "hand", "turn", "sign"})

# Honorifics written before a name, with the gender they mark where they mark one.
HONORIFIC_GENDER: dict[str, str] = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "madam": "f", "mdm": "f"}
HONORIFICS: frozenset[str] = frozenset(HONORIFIC_GENDER) | {"dr"}

# -- facts and summaries: stop words ----------------------------------------
# The commonest function words (and "said", "says"): every stop list starts here.
COMMON_STOPWORDS: frozenset[str] = frozenset(
    [
        "a", "about", "after", "also", "an", "and", "are", "as", "at", "be", "been", "before",
        "but", "by", "could", "for", "from", "had", "has", "have", "he", "her", "his", "i", "in",
        "into", "is", "it", "its", "no", "not", "of", "on", "or", "our", "over", "she", "should",
        "than", "that", "the", "their", "then", "these", "they", "this", "those", "to", "was", "we",
        "were", "what", "which", "who", "will", "with", "would", "you", "said", "says"
    ]
)
# A fuller list, for telling whether two sentences are worded alike.
STOPWORDS: frozenset[str] = COMMON_STOPWORDS | frozenset(
    [
        "above", "again", "against", "all", "am", "any", "because", "being", "below", "between",
        "both", "can", "did", "do", "does", "doing", "down", "during", "each", "few", "further",
        "having", "here", "hers", "herself", "him", "himself", "how", "if", "itself", "just", "me",
        "more", "most", "my", "myself", "nor", "now", "off", "once", "only", "other", "ours",
        "ourselves", "out", "own", "same", "so", "some", "such", "theirs", "them", "themselves",
        "there", "through", "too", "under", "until", "up", "very", "when", "where", "while", "whom",
        "why", "your", "yours", "yourself", "yourselves"
    ]
)
# --- names, titles and speech (entities, quotes) ---------------------------------
# Words in front of a person's name that are not part of it.
PERSON_TITLES: frozenset[str] = frozenset({
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
    "gen", "general", "lt", "lieutenant", "col", "colonel", "maj", "major", "capt",
    "captain", "adm", "admiral", "sgt", "sergeant", "cmdr", "commander", "brig",
    "brigadier", "president", "vice", "pm", "premier", "prime", "minister", "chancellor",
    "secretary", "sec", "sen", "senator", "rep", "representative", "gov", "governor",
    "mayor", "king", "queen", "prince", "princess", "pope", "sheikh", "emir", "ayatollah",
    "chief", "justice", "judge", "ambassador", "spokesman", "spokeswoman",
    "spokesperson", "deputy", "foreign", "defence", "defense", "interior", "finance",
    "chairman", "chairwoman", "chairperson", "chair", "ceo", "director", "envoy", "rev", "father",
    "st", "coach", "officer", "inspector", "superintendent", "lawyer", "attorney",
    "counsel", "prosecutor", "dpp", "assistant", "associate", "constable", "commissioner",
    # local government ("Councillor Ana Ruiz", "Cllr Ruiz")
    "councillor", "councilor", "councilman", "councilwoman", "cllr", "alderman",
    # Malay honorifics written before a name ("Datuk Ana Ruiz")
    "datuk", "dato", "datin", "seri", "asst", "comm", "supt", "insp", "assoc", "adj", "adjunct",
    # clergy ("Pastor Ana Ruiz", "Ps Ruiz", "Imam Tomas Reyes")
    "pastor", "ps", "reverend", "revd", "fr", "bishop", "archbishop", "cardinal", "imam", "rabbi",
    "ustaz", "venerable",
})
# Words that set a role in time ("the former MP", "the then minister"): a
# holder named with the role but not with such a word may be someone else.
TENURE_WORDS: frozenset[str] = frozenset({
    "former", "ex", "then", "late", "outgoing", "incoming", "retired", "acting", "interim",
})
# Titles as abbreviated before a name ("Adm.", "Maj.-Gen."); a period after one
# does not end a sentence.
TITLE_ABBREVIATIONS: frozenset[str] = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "sir", "dame", "lord", "gen", "maj", "adm", "col", "lt",
    "capt", "cpt", "sgt", "cmdr", "brig", "sen", "rep", "gov", "pres", "rev", "st", "hon",
    "maj-gen", "lt-gen", "brig-gen", "asst", "comm", "supt", "insp", "dep", "snr", "ps", "revd", "fr",
})
# The titles that cannot start an organisation or place name ("General Anvil"),
# so they may turn a mislabelled entity into a person.
STRONG_TITLES: frozenset[str] = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "adm", "gen", "maj", "lt", "col", "capt", "sgt",
    "pm", "president", "minister", "chancellor", "premier", "senator", "sen",
    "secretary-general", "spokesperson", "spokesman", "spokeswoman", "ambassador",
    "mayor", "governor", "gov", "ceo", "chairman", "chairwoman", "chairperson",
})
# Job titles that also start organisation or place names ("General Anvil",
# "Captain Cook"): they make a person only before a full name.
WEAK_TITLES: frozenset[str] = frozenset({
    "general", "captain", "chief", "judge", "commander", "director", "admiral", "colonel",
    "major", "lieutenant", "sergeant", "inspector", "superintendent", "justice", "officer",
    "king", "queen", "prince", "princess", "pope", "coach",
})
# Two-word job titles ("Harbor Master Tomas Reyes"), read as one title word.
TITLE_PHRASES: frozenset[tuple[str, str]] = frozenset({
    ("harbor", "master"), ("harbour", "master"), ("prime", "minister"), ("secretary", "general"),
    ("foreign", "minister"), ("defence", "minister"), ("defense", "minister"),
    ("police", "chief"), ("fire", "chief"), ("army", "chief"), ("chief", "executive"),
    ("port", "captain"), ("vice", "president"), ("deputy", "mayor"), ("deputy", "minister"),
})
# Job titles: alone they are no entity, whatever the tagger labelled them.
JOB_TITLES: frozenset[str] = STRONG_TITLES | WEAK_TITLES | {
    "mayor", "governor", "chairman", "chairwoman", "chair", "ceo", "envoy", "secretary",
    "spokeswoman", "deputy", "chancellor", "representative",
}
# The end of a portfolio or office the tagger took into a name ("Minister for
# Culture, Community and Youth Ana Ruiz", "Leader of the Opposition Ana Ruiz").
PORTFOLIO_WORDS: frozenset[str] = frozenset({
    "parliament", "opposition", "youth", "development", "affairs", "health", "education",
    "culture", "community", "transport", "trade", "industry", "manpower", "law", "state",
    "home", "environment", "sustainability", "communications", "information", "digital",
    "social", "family", "families", "sport", "sports", "labour", "labor", "energy",
    "agriculture", "tourism", "security", "works", "housing", "welfare", "infrastructure",
})
# Roles a subject may name instead of a person ("the Secretary-General said").
ROLE_WORDS: frozenset[str] = frozenset({
    "secretary-general", "secretary", "general", "chief", "minister", "president", "premier",
    "chancellor", "spokesperson", "spokesman", "spokeswoman", "commander", "ambassador",
    "envoy", "head", "leader", "director", "official", "mayor", "governor", "prosecutor",
    "chairman", "chairwoman", "chairperson", "chair", "ceo", "king", "queen", "pope", "prime",
    "representative", "negotiator", "adviser", "advisor"
})
# Words that open a sentence which leans on the one before it ("It said…",
# "However, …", "The two other officers…"): such a line misleads when read alone.
CONTEXT_OPENERS: frozenset[str] = frozenset({
    "he", "she", "it", "they", "this", "these", "those", "that", "his", "her", "its", "their",
    "however", "but", "also", "meanwhile", "still", "yet", "and", "so", "instead", "besides",
    "moreover", "furthermore", "nevertheless", "nonetheless", "then", "later", "another", "other",
    "others", "both", "such", "there",
})
# Roles that speak for an institution ("a spokesman for the foreign ministry").
SPOKESPERSON_ROLES: frozenset[str] = frozenset({"spokesman", "spokeswoman", "spokesperson", "representative"})
# Nouns naming an institution that may speak ("the ministry said").
INSTITUTION_WORDS: frozenset[str] = frozenset({
    "ministry", "government", "office", "embassy", "army", "presidency", "cabinet", "kremlin",
    "parliament", "council", "committee", "agency", "commission", "police", "military",
    "mission", "bureau", "department", "authority", "board", "court", "tribunal", "secretariat"
})
# Unnamed people who may be a quote's subject ("one witness said").
UNNAMED_SPEAKER_NOUNS: frozenset[str] = frozenset({
    "teen", "teenager", "youth", "man", "woman", "boy", "girl", "driver",
    "motorist", "rider", "passenger", "victim", "suspect", "accused", "defendant",
    "student", "worker", "owner", "customer", "patient", "mother", "father",
    "witness", "eyewitness", "resident", "official", "source", "neighbour",
    "neighbor", "bystander", "shopkeeper", "doctor", "survivor", "relative",
    "user", "fan", "reader", "viewer", "follower", "commenter", "netizen",
    "pensioner", "retiree", "commuter", "shopper", "tourist", "visitor", "teacher", "nurse",
    "farmer", "fisherman", "trader", "vendor", "grandmother", "grandfather", "homeowner", "tenant",
})
# People named by their tie to someone: "Ana Ruiz's family said" is not Ana Ruiz speaking.
RELATION_NOUNS: frozenset[str] = frozenset({
    "family", "families", "relatives", "relative", "parents", "mother", "father", "wife", "husband",
    "son", "daughter", "brother", "sister", "cousin", "uncle", "aunt", "nephew", "niece",
    "grandson", "granddaughter", "grandmother", "grandfather", "friend", "friends", "neighbour",
    "neighbor", "fiancee", "fiance", "partner", "son-in-law", "daughter-in-law", "widow",
    "colleague", "colleagues", "lawyer", "lawyers", "employer", "children",
})
# Common nouns for places: "Ana Ruiz, a city in the north" is no person.
PLACE_NOUNS: frozenset[str] = frozenset({
    "city", "town", "village", "country", "province", "region", "capital", "district",
    "state", "area", "island", "port", "county", "suburb", "neighbourhood", "neighborhood",
})
# Administrative divisions a writer puts after a place's name in lower case
# ("Varlo province", "Menth city"): the place itself. Not "state" ("Washington
# state" is not Washington, DC) nor "island" ("Christmas Island").
ADMIN_DIVISIONS: frozenset[str] = frozenset({
    "province", "county", "prefecture", "district", "municipality", "region", "city", "governorate",
})
# A photo caption is a noun phrase closed by one of these: "The wrecked shelter, photographed on Monday."
CAPTION_PARTICIPLES: frozenset[str] = frozenset({"photographed", "pictured", "seen", "shown", "filmed"})
# Speech verbs the tagger takes into the name after them ("…,” Said Ruiz").
LEADING_SPEECH_VERBS: frozenset[str] = frozenset({"said", "says", "added", "told"})
# Verbs whose subject speaks: a name that is their subject is a person or a body
# that talks, not a place. Denials count; the quote verbs below leave them out.
SPEECH_VERBS: frozenset[str] = frozenset({
    "say", "says", "said", "saying", "tell", "tells", "told", "add", "adds", "added",
    "announce", "announces", "announced", "state", "states", "stated", "warn",
    "warns", "warned", "write", "writes", "wrote", "tweet", "tweets", "tweeted",
    "confirm", "confirms", "confirmed", "deny", "denies", "denied", "insist",
    "insists", "insisted", "argue", "argues", "argued", "claim", "claims",
    "claimed", "note", "notes", "noted", "explain", "explains", "explained",
    "ask", "asks", "asked", "urge", "urges", "urged",
})
# Speech verbs whose passive subject is the one spoken to, not the speaker: "the court
# was told", "residents were urged"; only an agent ("was told by X") names who spoke.
ADDRESSEE_VERBS: frozenset[str] = frozenset({
    "tell", "tells", "told", "ask", "asks", "asked", "urge", "urges", "urged", "warn", "warns", "warned",
    "assure", "assures", "assured", "remind", "reminds", "reminded", "inform", "informs", "informed",
    "thank", "thanks", "thanked",
})
# Words that attribute quoted words to a subject ("…,” she recalled; according to X).
QUOTE_VERBS: frozenset[str] = frozenset({
    "say", "said", "says", "saying", "tell", "told", "tells", "telling", "add", "added", "adds",
    "adding", "warn", "warned", "warns", "warning", "urge", "urged", "urges", "urging", "state",
    "stated", "states", "stating", "note", "noted", "notes", "noting", "explain", "explained",
    "explains", "insist", "insisted", "insists", "write", "wrote", "writes", "tweet", "tweeted",
    "tweets", "post", "posted", "declare", "declared", "declares", "announce", "announced",
    "announces", "stress", "stressed", "stresses", "ask", "asked", "asks", "reply", "replied",
    "replies", "argue", "argued", "argues", "claim", "claimed", "continue", "continued",
    "continues", "express", "expressed", "expresses", "describe", "described", "condemn",
    "condemned", "condemns", "thank", "thanked", "thanks", "accuse", "accused", "blame",
    "blamed", "blames", "promise", "promised", "vow", "vowed", "pledge", "pledged", "admit",
    "admitted", "acknowledge", "acknowledged", "emphasise", "emphasised", "emphasize",
    "emphasized", "underline", "underlined", "remark", "remarked", "comment", "commented",
    "suggest", "suggested", "conclude", "concluded", "according", "quoted", "recalled",
    "recall", "share", "shared", "shares", "elaborate", "elaborated", "elaborates", "reiterate",
    "reiterated", "reiterates", "recount", "recounted", "recounts", "quip", "quipped", "quips",
    "assure", "assured", "assures", "respond", "responded", "responds", "caution", "cautioned",
    "cautions", "lament", "lamented", "laments", "concede", "conceded", "concedes", "confirm",
    "confirmed", "confirms", "reveal", "revealed", "reveals", "exclaim", "exclaimed", "shout",
    "shouted", "read", "reads", "rule", "ruled", "rules",
})
# Nouns for words given out in writing: "a statement from X read", "a letter by X said": X speaks.
STATEMENT_NOUNS: frozenset[str] = frozenset({"statement", "letter", "message", "tribute", "note", "release"})
# Lower-case words that may stand inside a person's name ("Ludwig van Beethoven",
# "Ana de la Cruz", "Aziz bin Omar"): any other lower-case word inside a
# tagged PERSON ("Ruiz fed Dean") shows two names run together by a verb.
NAME_PARTICLES: frozenset[str] = frozenset({
    "van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "dos", "das", "la", "le",
    "ter", "ten", "y", "e", "bin", "binti", "bint", "ibn", "al", "el", "ap", "bte", "s/o", "d/o",
})
# Common nouns an article uses for a body it has named ("the company said",
# "the carmaker added"): the speaker is that body, as "it" would be.
BODY_BACK_REFERENCES: frozenset[str] = frozenset({
    "company", "firm", "group", "carmaker", "automaker", "manufacturer", "maker", "retailer",
    "airline", "operator", "bank", "lender", "insurer", "developer", "chain", "business",
    "conglomerate", "startup", "publisher", "broadcaster", "union", "charity", "club",
})
# Words before a name that are not part of it ("the Harbor Authority").
LEADING_DETERMINERS: frozenset[str] = frozenset({
    "the", "a", "an", "both", "all", "this", "that", "these", "those",
})
# A name's last word says what kind of thing it is ("Calden Harbor Bridge").
NAME_SUFFIX_LABELS: dict[str, str] = {
    **dict.fromkeys(("bridge", "tunnel", "airport", "port", "station", "hospital", "stadium",
                     "pier", "terminal", "checkpoint", "viaduct", "junction", "interchange", "flyover",
                     "overpass", "underpass", "wharf", "jetty", "depot"), "FAC"),
    **dict.fromkeys(("authority", "agency", "ministry", "lines", "press", "guard", "council",
                     "company", "group", "foundation", "trust", "institute", "university",
                     "association", "commission", "committee", "corporation", "party", "board", "bureau",
                     "department", "force", "tribunal", "forum", "society", "federation", "alliance",
                     "coalition"), "ORG"),
    # laws and instruments ("... Harmony Act", "... Amendment Bill"): things, never speakers
    **dict.fromkeys(("act", "bill", "code", "amendment", "treaty", "convention", "charter",
                     "ordinance", "regulations", "directive", "constitution"), "OTHER"),
}
# Word endings that British and American English spell apart, British first
# ("defence" / "defense", "harbour" / "harbor"): a body's name written either way is one name.
SPELLING_ENDINGS: tuple[tuple[str, str], ...] = (
    ("isations", "izations"), ("isation", "ization"), ("ising", "izing"), ("ised", "ized"), ("ise", "ize"),
    ("ence", "ense"), ("ours", "ors"), ("our", "or"), ("tres", "ters"), ("tre", "ter"), ("ogue", "og"),
)
# Legal forms after a company's name ("X Ltd", "X (Private) Limited", "X Inc."):
# the company without them is the same company.
LEGAL_FORMS: frozenset[str] = frozenset({
    "limited", "ltd", "pte", "private", "inc", "incorporated", "corp", "llc", "plc", "gmbh",
    "ag", "bhd", "berhad", "sdn", "pty", "nv", "bv", "co", "llp", "sa", "spa",
    "asa", "ab", "oyj", "se", "kk",  # Norway, Sweden, Finland, the EU-wide company, Japan
})
# A legal form of three letters or more ends a company's name, never a person's
# ("Halden Marine Sdn Bhd" tagged a person is a company); "Co", "SA" and the like
# may be a surname ("Rui de Sa").
NAME_SUFFIX_LABELS.update(dict.fromkeys(
    (form for form in LEGAL_FORMS if len(form) >= 3 and form not in ("private", "spa")), "ORG"))
# Words that may end a company's name without making another body ("Acme
# International" is Acme): dropped like a legal form when the story also
# writes the bare name of an organisation.
GENERIC_ORG_TAILS: frozenset[str] = frozenset({
    "international", "group", "holdings", "corporation", "company", "global",
})
# Heads of a government body written either way round: "the Fisheries
# Department" is "the Department of Fisheries", "Ports Ministry" is "Ministry of Ports".
INVERTIBLE_BODY_HEADS: frozenset[str] = frozenset({
    "department", "ministry", "bureau", "office", "agency",
})

# Malay place and building words and their English names, as Singapore and
# Malaysian reports write a name either way ("Pulau Seranti" is "Seranti Island",
# "Kompleks Harbour Jaya" the "Harbour Jaya Complex"): the English word comes
# after the name, "mount" before it.
MALAY_GENERICS: dict[str, str] = {
    "pulau": "island", "bukit": "hill", "sungai": "river", "jalan": "road", "tasik": "lake",
    "kompleks": "complex", "masjid": "mosque", "lebuhraya": "expressway", "kampung": "village",
    "kampong": "village", "gunung": "mount",
}
ENGLISH_BEFORE_NAME: frozenset[str] = frozenset({"mount"})

# Stages of a process that one story dates apart (an arrest, a charge, a
# hearing, a sentence; a deadline): a day beside one stage and a day beside
# another, or beside none (the incident itself), are two events, not one day
# moved. Each word -> the stage it names, mostly verbs ("after his appeal"
# dates no appeal); "sentence" too, since a clause that ends "with a six-year
# prison sentence" on a day tells the sentencing.
EVENT_STAGES: dict[str, str] = {
    **dict.fromkeys(("arrest", "arrested", "detained"), "arrest"),
    **dict.fromkeys(("charged",), "charge"),
    **dict.fromkeys(("hearing", "hearings"), "hearing"),  # not "heard": "the court heard" tells testimony
    **dict.fromkeys(("trial", "trials"), "trial"),
    **dict.fromkeys(("plead", "pleaded", "pled", "plea"), "plea"),
    **dict.fromkeys(("convicted", "conviction", "verdict", "acquitted", "guilty"), "verdict"),
    **dict.fromkeys(("sentenced", "sentencing", "sentence", "jailed"), "sentence"),
    **dict.fromkeys(("adjourned", "adjournment", "postponed", "deferred"), "adjournment"),
    **dict.fromkeys(("bail", "remanded", "remand"), "custody"),
    **dict.fromkeys(("deadline", "expires", "expired", "expiry"), "deadline"),
}

# The last word of a site's name ("Emberly Hall", "Riverside Hospital", "Quay
# Street"): a name the tagger calls an organisation or a town is still a site
# where it ends in one of these.
SITE_NOUNS: frozenset[str] = frozenset({
    "hall", "pavilion", "centre", "center", "hotel", "hospital", "stadium", "arena", "park", "bridge",
    "road", "street", "avenue", "lane", "square", "market", "mall", "station", "airport", "pier", "wharf",
    "school", "college", "university", "church", "cathedral", "mosque", "temple", "museum", "theatre",
    "theater", "library", "plaza", "tower", "building", "court", "prison", "terminal", "quay", "dock",
    "viaduct", "junction", "interchange", "flyover", "overpass", "underpass", "tunnel", "jetty", "depot",
    "crossing", "dam", "weir",
})
