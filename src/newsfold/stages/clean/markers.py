"""What page parts look like: the markers of captions, credits, embeds,
sign-offs, promos and navigation, and the words the rules share.

Patterns here are read by the line rules (a whole paragraph) and the inline
rules (a piece of a flattened paragraph) alike.
"""
from __future__ import annotations

import re

from ...nlp.lexicon import MONTH_NAMES, MONTHS, WEEKDAY_NAMES

# A month as written in a date stamp: "Jan", "Jan.", "January", "Sept"
# (each month's longest form first).
MONTH = "(?:" + "|".join(
    name.capitalize()
    for number in range(1, 13)
    for name in sorted((n for n, m in MONTHS.items() if m == number), key=len, reverse=True)
) + r")\.?"
WIRE = r"(?:AP|AFP|Reuters|REUTERS|EPA(?:-EFE)?|Getty Images|Bloomberg|Xinhua|Anadolu(?: Agency)?|dpa|UPI|TASS|ANSA|PA(?: Wire)?|PTI|IANS|Shutterstock|Alamy)"

# A photo credit closes a caption: "(AP Photo/Jane Doe)", "Photograph: J Doe/Reuters",
# "REUTERS/Jane Doe", "AFP via Getty Images", "Credit: ...". Credits open some captions.
CREDIT_AT_END = re.compile(
    r"""(?:
        \(\s*(?:[A-Z][\w.-]*\s+)?(?:Photo|Photograph|Image|Picture|Pic|Foto|File\s+photo)s?\b[^()]{0,120}\)
      | (?:^|[.!?|—–]\s*)(?:Photo|Photograph|Image|Picture|Pictures|Photos)\s*(?:credit\s*)?(?::|by\b)[^!?]{1,100}
      | (?:/\s*|\bvia\s+|^)Getty\s+Images\b[^.!?]{0,40}
      | \b(?:REUTERS|AFP|AP|EPA|EPA-EFE|ANADOLU|XINHUA)\s*/\s*[A-Z][^!?]{1,60}
      | (?:^|[.!?]\s+)(?:Credit|Image\s+credit|©)\s*:?\s*[^!?]{1,80}
    )\W*$""",
    re.VERBOSE,
)
CAPTION_START = re.compile(
    r"^(?:FILE\s+PHOTO\b|(?:[A-Z]{2,6}\s+)?(?:FILE\s+)?(?:PHOTO|PICTURE|IMAGE|VIDEO)S?\s*:|Photo\s*:|Photograph\s*:|Image\s*:|Picture\s*:|Caption\s*:|Pictured\s*:"
    r"|Image\s+(?:caption|source|copyright)\b|Media\s+caption\b|Photo\s+(?:credit|by)\b"
    r"|(?:Top|Featured|Header|Cover|Lead|Main|Hero)\s+(?:image|photo|picture|pic|video)s?\b|Source\s+image\b"
    r"|Photos?\s+(?:used\s+)?for\s+illustration|(?:Image|Photo|Picture)s?\s+(?:adapted\s+)?(?:via|courtesy\s+of)\b)",
    re.IGNORECASE,
)
# "Photos from X/Facebook": a credit only when it names where the picture came from.
CREDIT_LINE = re.compile(
    r"^(?:Photos?|Images?|Pictures?|Screenshots?|Videos?)\s+(?:from|by|via|adapted\s+from|courtesy\s+of)\s+.{1,300}"
    r"(?:/\s*(?:Facebook|FB|Instagram|IG|TikTok|Twitter|X|YouTube|Reddit|Xiaohongshu|Weibo)|\bon\s+(?:Facebook|Instagram|TikTok|Twitter|X|YouTube)"
    r"|\b(?:Unsplash|Pexels|Depositphotos|Shutterstock|Getty\s+Images|Reuters|AFP|AP|EPA))\W*$",
    re.IGNORECASE,
)
# A credit alone on a line, in capitals: "JANE DOE/THE EVENING POST", "PHOTO: JANE DOE".
CAPS_CREDIT = re.compile(r"^(?:[A-Z][A-Z.'’-]*\s+){0,3}[A-Z][A-Z.'’-]*\s*/\s*(?:[A-Z][A-Z.'’-]*\s*){1,5}$")
# A time stamp alone on a line: "Feb 07, 2025 10:25 PM", "7 February 2025, 18:30".
STAMP = re.compile(
    rf"^(?:(?:\d{{1,2}}\s+{MONTH}|{MONTH}\s+\d{{1,2}}),?\s+\d{{4}},?\s+\d{{1,2}}[:.]\d{{2}}\s*(?:[AaPp]\.?[Mm]\.?)?\s*\w{{0,5}}"
    r"|\d{1,2}[:.]\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?)$"
)
# A section or date header: "Calden | Feb 3, 2031, 10:15 am", "10:15 AM · The Daily Post · Transport":
# two to four short labels between bars or dots, none a sentence.
HEADER_SEPARATOR = re.compile(r"\s+(?:[|·•]|//)\s+|\s*\|\s*")
HEADER_TIME = re.compile(rf"\d{{1,2}}[:.]\d{{2}}|\b{MONTH}\s+\d{{1,2}}\b|\b\d{{1,2}}\s+{MONTH}|\b\d{{4}}-\d{{2}}-\d{{2}}\b|\bago\b|^\d{{1,2}}/\d{{1,2}}/\d{{2,4}}$")

# Outlet sign-offs: "/TDH", "- The Daily Herald/ANN", "— WIRE", "–IANS", "PTI".
SIGNOFF = re.compile(
    rf"""^(?:
        [-–—/]+\s*(?:[A-Z]{{2,10}}(?:/[A-Z]{{2,10}})?|(?i:Bernama|IANS|PTI|ANI|AFP|Reuters|Xinhua|dpa|AP|ANN|Agencies))
      | (?:[-–—]\s*)?(?:The\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*){{0,3}}\s*/\s*(?:ANN|Asia\s+News\s+Network|AFP|AP|Reuters|Bernama|dpa|Xinhua|IANS|PTI)
      | {WIRE} | BERNAMA | IANS | ANI | TISG | int(?:/\w{{2,4}})+
      | \S+@\S+\.[a-z]{{2,}}
      | (?:He|She|They|The\s+writer|The\s+author)\s+(?:can\s+be\s+)?(?:reached|contacted)\s+(?:at|via)\s+\S+@\S+\.[a-z]{{2,}}\.?
    )$""",
    re.VERBOSE,
)
NAV_LINE = re.compile(  # "Opinion2 weeks ago", "- 1 min read", "- 01", "Breaking News", "Home > News"
    r"^(?:(?:(?:[-–—•*]\s*)?[A-Z][\w &-]{1,30}?\s*[·•|/–—-]?\s*)?\d+\s*(?:mins?|minutes?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago"
    r"|-\s*\d{1,2}|-\s*\d+\s+min(?:ute)?s?\s+read|Breaking\s+News|Skip\s+to\s+(?:main\s+)?content"
    r"|Home\s*[>›»/|].{0,80}|Advertisement|ADVERTISEMENT|Story\s+continues\s+below.{0,20}|Menu|Search|Log\s*in|Sign\s+in)$"
)
EMBED = re.compile(
    rf"""(?:
        \(@\w{{1,30}}\)\s*{MONTH}\s+\d{{1,2}},\s*\d{{4}}\W*$       # "— Wire Desk (@wiredesk) March 14, 2031"
      | \bpic\.twitter\.com/\w+
      | ^https?://(?:t\.co|twitter\.com|x\.com|www\.instagram\.com|www\.tiktok\.com)/\S*$
      | ^(?:A\s+post\s+shared\s+by|View\s+this\s+post\s+on\s+Instagram|Embedded\s+(?:content|video|tweet|post))
      | ^@\w{{2,30}}\s.*\s\#[A-Za-z]                                  # a clip's text: its @handle, then hashtags
      | ^\[embed\] | ^♬ | ^@\w{{2,30}}$                                  # an embed tag, a clip's sound, a handle alone
    )""",
    re.VERBOSE,
)
SOURCE_LINE = re.compile(
    r"^\(?\s*(?:Sources?\s*:\s*\S|Source\s+link$|(?:With|Including)\s+(?:files|reporting|additional\s+reporting|input|material)\s+(?:from|by)\b"
    # a note on where the text came from: "Parts of this story have been sourced from ...", "This article was translated from ..."
    r"|(?:(?:Parts|Some)\s+of\s+)?this\s+(?:story|article|report)\s+(?:has\s+been|have\s+been|was|were|is)\s+(?:partly\s+|partially\s+)?"
    r"(?:sourced|adapted|translated|compiled|taken)\s+from\b"
    # a syndication note: "(This article is published under a content partnership between ...)",
    # "This story is republished from ... under a Creative Commons licence"
    r"|(?:the|this)\s+(?:story|article|report|piece)\s+(?:is|was|has\s+been)\s+(?:re-?)?published\s+"
    r"(?:under|in\s+(?:partnership|collaboration)|as\s+part\s+of|with\s+(?:the\s+)?permission|through|courtesy)\b)",
    re.IGNORECASE,
)
PROMO = re.compile(
    r"""^\W*(?:
        read\s+(?:more|also)\b | also\s+read\b | see\s+also\s*: | more\s+on\s+this\s+story\b | most\s+read\b
      | related\s*(?:articles?|stories|coverage|content|reading)?\s*: | related\s+topics$ | recommended(?:\s+(?:reading|for\s+you))?\s*:?$
      | sign\s+up\b | subscribe\b | get\s+(?:our|the)\b.{0,60}\b(?:newsletter|inbox|app|alerts)\b
      | follow\s+(?:us|@) | like\s+us\s+on\b | join\s+(?:us|our\s+\w+)\s+on\b | download\s+(?:the|our)\b.{0,30}\bapp\b
      | click\s+here\b | tap\s+here\b | advertisement$ | story\s+continues\s+below\b | continue\s+reading\b
      | scroll\s+(?:down\s+)?to\s+continue\b | share\s+(?:this|on)\b | share$ | copy\s+link$
      | listen\s+to\s+(?:this\s+)?article\b | \d+\s+min(?:ute)?s?\s+read$ | (?:watch|video|listen|live(?:\s+updates?)?)\s*:
      | support\s+(?:our|independent)\s+journalism\b | our\s+standards\s*:
      | this\s+(?:article|story)\s+(?:was\s+)?(?:originally|first)\s+(?:published|appeared)\b
      | copyright\b | ©\s*\d{4} | all\s+rights\s+reserved\b
      | (?:also|read)\s+(?:read|also)\b | see\s+also\b | (?:more|related)\s+(?:great\s+)?(?:stories|articles|news|reads?)(?:\s+(?:from|like\s+this)\b.*|\s*:.*|$)
      | you\s+(?:may|might)\s+(?:also\s+)?(?:like|be\s+interested)\b | latest\s+news$ | (?:must|most)\s+(?:read|watch)s?\b
      | have\s+(?:news|a\s+(?:story|tip|news\s+tip))\b.{0,30}\b(?:share|tell)\b | got\s+a\s+(?:story|tip|news\s+tip)\b
      | send\s+(?:us\s+)?(?:your\s+)?(?:tips|stories|news\s+tips)\b | if\s+you\s+have\s+a\s+(?:story|tip)\b
      | share\s+your\s+(?:thoughts|views|story)\s+with\s+us\b | get\s+in\s+touch\s+with\s+us\b
      | join\s+(?:(?:the|our)\s+)?(?:\S+\s+){0,2}(?:whatsapp|telegram|viber|signal|line)\s+(?:channel|group|community)\b
      | (?:stay\s+tuned\b.{0,40}?\b)?follow(?:ing)?\s+\w+(?:\s+\w+)?\s+on\s+(?:twitter|x|facebook|instagram|tiktok|telegram|whatsapp|google\s+news|youtube)\b
      | follow\s+(?:\S+\s+){1,4}on\s+social\s+media\b
      | (?:hear|tune\s+in\b|listen\b).{0,80}?\bon\s+(?:\S+\s+){0,3}\d{2,3}(?:\.\d)?\s?(?:FM|AM)\b
      | (?:watch|listen)\s+(?:live|now|again|back)\s*: | get\s+(?:breaking\s+|the\s+latest\s+)?news\s+(?:first|faster|alerts)\b
      | get\s+(?:the|our)\s+(?:\S+\s+){0,4}(?:on|in)\s+your\s+(?:phone|inbox|mobile)\b
      | download\s+(?:the\s+)?(?:new\s+|free\s+)?\S+\s+app\b | go\s+to\s+\S+(?:\s+\S+)?\s+for\s+more\s+(?:stories|news)\b
      | (?:this\s+)?(?:article|story)\s+(?:was\s+)?first\s+published\b | permission\s+required\s+for\s+reproduction\b
      | this\s+(?:article|story)\s+was\s+(?:published|posted|updated)\s+on\b.{0,40}$
      | please\s+verify\s+you['’]re\s+not\s+a\s+robot\b | today['’]s\s+headlines\s*:
      | watch\s+(?:the\s+)?video\s+(?:below|here|above)\b | (?:tags?|keywords|topics)\s*: | share\s+on$
      | skip\s+to\s+(?:main\s+)?content\b | scroll\s+down\s+for\s+(?:video|more)\b | your\s+browser\s+does\s+not\s+support\b
      | more\s+in\s+[\w&'’ ]{1,30}[:\-–—\s]*$ | listen\s+live\b | you['’]re\s+(?:listening|tuned)\s+to\b | (?:turn\s+on|enable|allow)\s+(?:push\s+|breaking\s+news\s+)?(?:notifications|alerts)\b
      | get\s+the\s+(?:\S+\s+){0,2}app\b | (?:download|install)\s+(?:the\s+|our\s+)?(?:\S+\s+){0,2}app\b
      | share\s+your\s+(?:experiences|feedback|comments)\b | thank\s+you\s+for\s+(?:sharing\s+your|your)\s+(?:thoughts|feedback)\b
      | quickly\s+share\s+this\b | (?:(?:liked|enjoyed|loved)\s+this\b[^.!?]{0,30}\?\s*)?share\s+(?:it|this)\s+with\s+(?:your|a)\b | we\s+are\s+an\s+independent\b.{0,80}\b(?:readers|donations|supporters)\b
      | (?:donate|support\s+us)\s*(?:now|today|here)?\s*[.!:]?$
      | listen\s+(?:to\s+)?(?:\S+\s+){0,3}?(?:live\b|podcast|on\s+(?:the|our)\s+(?:\S+\s+)?app\b) | listen\s+(?:again|back)\b
      | have\s+your\s+say\b | (?:text|message|call|phone|e-?mail)\s+the\s+(?:studio|newsroom|show|programme|program|news\s+desk)\b
      | .{0,60}\bcomment\s+on\s+our\s+(?:\S+\s+){0,2}(?:page|channel|account|post)\b
      | tune\s+in\s+(?:to|for|on)\b | stream\s+(?:\S+\s+){0,3}?(?:live|anywhere|on\s+(?:the|our)\s+app|with\s+(?:the|our)\s+(?:free\s+)?app)\b
      | catch\s+up\s+on\b.{0,60}\b(?:on\s+demand|podcast|app)\b | get\s+(?:breaking\s+news\s+|news\s+)?alerts\b
      | support\s+(?:local|quality|our|independent)\s+(?:news|journalism|reporting)\b | comments?\s*\(\d+\)$ | \d+\s+comments?$
      | (?:do\s+you\s+)?(?:have|got)\s+a\s+(?:story\s+|news\s+)?tip\b
      | (?:do\s+you\s+)?(?:have|know)\s+(?:any\s+)?(?:more\s+)?information\s+(?:about|on)\s+this\s+(?:story|incident|case)\b
      | hear\s+the\s+full\s+(?:interview|story|report|conversation)\b
      | the\s+following\s+(?:report|story|article)\s+(?:was|is|has\s+been)\s+(?:supplied|provided|written|filed)\s+by\b
      | (?:the\s+)?(?:\S+\s+){0,3}will\s+have\s+more\s+on\s+(?:this|the)\b.{0,60}\b(?:edition|bulletin|programme|program|website)\b
      | this\s+(?:story|article)\s+has\s+been\s+(?:updated|corrected|amended)\b
      | (?:editor['’]?s\s+note|correction)\s*:
      | (?:(?:correction\s+note|clarification)\s*:\s*)?an\s+earlier\s+version\s+of\s+this\s+(?:story|article|report)\s+
        (?:contained|had|carried|included)\s+(?:an?\s+)?(?:inaccurate|incorrect|wrong|erroneous)\s+
        (?:information|details?|figures?|facts?|errors?)(?:\s+(?:on|about|regarding|in)\s+[^.!?]{1,80})?
        \.?(?:\s*we\s+(?:are\s+sorry|apologi[sz]e)\b[^.!?]{0,40})?\W*$
      | this\s+is\s+a\s+(?:breaking|developing)\s+(?:news\s+)?story\b | this\s+(?:story|article)\s+is\s+(?:developing|being\s+updated)\b
      | (?:more\s+(?:to\s+)?follows?|more\s+to\s+come|further\s+details\s+to\s+follow)\W*$
      | live\s+(?:updates?|coverage|blog)\s+(?:on|from)\s+[^.!?]{1,60}$
      | follow\s+(?:our|(?:the\s+)?\S+['’]s)\s+(?:live\s+|full\s+|latest\s+|continuing\s+)?coverage\b
      | please\s+include\s+a\s+(?:contact\s+|tele)?(?:phone\s+)?number\b
      | read\s+next\b | (?:most\s+(?:popular|viewed|shared)|trending(?:\s+now)?|top\s+stories|popular\s+now)$
      | stay\s+(?:up\s+to\s+date|informed|in\s+the\s+know)\b.{0,40}\b(?:newsletter|app|alerts|notifications)\b
      | reading\s+time\s*:?\s*\d+\s*min | read\s+related\b | in\s+case\s+you\s+missed\s+it\b | editor['’]?s\s+(?:choice|picks?)\s*: | recommended\s+reads?\s*:
      | original\s+(?:article|story|post)\s*:?$ | now\s+playing\s*: | related$ | more\s+from\s+[\w&'’ ]{1,30}[:\-–—\s]*$
      | (?:what\s+do\s+you\s+(?:think|make)(?:\s+(?:of|about)\s+[^?]{1,60})?\?\s*)?(?:let\s+us\s+know|tell\s+us)\b.{0,40}\bcomments?\b
      | baca\s+juga\b | lihat\s+juga\b | don['’]?t\s+miss\s*: | (?:also,?\s+)?(?:do\s+)?check\s+out\s+our\b
      | (?:enjoy|get|save)\s+(?:up\s+to\s+)?\d+\s?%\s+off\b
      | (?:watch|see)\s+the\s+(?:full\s+)?video\s*(?:below|here|:)|(?:you\s+can\s+)?watch\s+the\s+(?:full\s+)?video\s+(?:down\s+)?below\b
      | get\s+a\s+copy\s+of\b | got\s+a\s+(?:reaction|comment|question)\b | share\s+your\s+(?:thoughts|views|comments)\b
      | share\s+the\s+best\s+of\b | as\s+a\s+subscriber\b | why\s+you\s+can\s+trust\b
      | join\s+the\s+(?:conversation|discussion|debate)\b | comments?\s+(?:are|is)\s+(?:now\s+)?(?:open|closed)\b
      | (?:leave|add|post)\s+(?:a|your)\s+comment\b
      | this\s+(?:web)?site\s+uses\s+cookies\b | we\s+use\s+cookies\b
      | (?:more|further)\s+information\b.{0,100}\b(?:can\s+be\s+found|is\s+available)\s+(?:here|online|at\s+\S+\.\w|on\s+\S+\.\w)
      | (?:find\s+out\s+more|(?:get|find)\s+(?:more\s+)?details)\b.{0,80}(?:\bhere|\s\S+\.(?:com|org|net|gov|sg|my|co|io)\b\S*)\s*\.?$
      | .{0,80}\bgo\s+to\s+\S+\.(?:com|org|net|sg|my|co)\S*\s+for\s+more\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# A call to action or page residue anywhere in a sentence (flattened pages).
PROMO_INSIDE = re.compile(
    r"""(?:
        \bsign\s+up\s+(?:for|to|here|now|today)\b | \bsubscribe\s+(?:to\s+(?:our|the)|now|here|today)\b
      | \bnewsletters?\b.{0,60}\b(?:inbox|sign\s+up|subscrib)|\b(?:inbox|sign\s+up|subscrib)\w*\b.{0,60}\bnewsletters?\b
      | \bdelivered\s+(?:straight\s+)?to\s+your\s+inbox\b | \bverify\s+you['’]re\s+not\s+a\s+robot\b
      | \bthank\s+you\s+for\s+subscribing\b | \binvalid\s+email\s+address\b | \breceive\s+occasional\s+updates\b
      | \bclick\s+(?:here|the\s+link|to\s+share)\b | \(opens\s+in\s+(?:a\s+)?new\s+window\)
      | \bfollow\s+us\s+on\b | \bfollow\s+(?:us|our)\b.{0,60}\b(?:pages|channels|accounts|feeds)\b | \bjoin\s+(?:us|our\s+\w+)\s+on\s+(?:whatsapp|telegram|facebook|instagram|twitter|x|tiktok)\b
      | \bdownload\s+(?:the|our)\b.{0,30}\bapp\b.{0,40}\b(?:app\s+store|google\s+play|today|now)\b
      | \bget\s+in\s+touch\s+with\s+us\s+via\b | \bread\s+or\s+share\s+this\s+story\b
      | \blisten\s+live\b | \bturn\s+on\s+(?:push\s+)?(?:notifications|alerts)\b | \bget\s+the\s+(?:\S+\s+)?app\b
      | \bdownload\s+(?:the|our)\b.{0,40}\bapp\s+(?:for|to\s+get)\s+(?:alerts|notifications|breaking\s+news|the\s+latest)\b
      | \b(?:headlines|bulletins|news)\s+(?:at\s+the\s+top\s+of\s+)?every\s+hour\b | \bon\s+air\s+every\s+(?:hour|day|weekday|weeknight|morning|evening)\b
      | \bevery\s+hour,?\s+on\s+the\s+hour\b | \b(?:news|travel|updates|bulletins)\s+every\s+\d+\s+minutes\b
      | \bon\s+catch-?\s?up\s+now\b | \bwhenever\s+you\s+(?:need|want)\s+(?:it|them)\b.{0,40}\bapp\b
      | \b(?:e-?mail|contact|call|message)\s+(?:the\s+)?(?:\S+\s+){0,2}(?:newsdesk|news\s+desk|newsroom)\b
      | \bfollow\s+(?-i:(?:[A-Z][\w'’&-]*\s+){1,4})for\s+(?:the\s+)?latest\b
      | \brel(?:y|ies)\s+on\s+the\s+generosity\s+of\s+(?:our\s+)?readers\b | \bwe['’]re\s+here\s+to\s+listen\b
      | \bjoin\s+(?:(?:our|the|\S+['’]s)\s+)?(?:whatsapp|telegram|viber)\s+(?:(?:channel|group)\s+)?(?:now|today|here)\b
      | \bjoin\b.{0,30}\b(?:whatsapp|telegram|viber)\b.{0,60}\b(?:latest|breaking)\s+(?:news|updates|stories)\b
      | \bfollow\s+(?-i:(?:[A-Z][\w'’&-]*\s+){1,4})on\s+(?:Telegram|WhatsApp|Instagram|Facebook|Twitter|X|TikTok|YouTube|Threads|LinkedIn)\b
      | \bplease\s+(?:do\s+)?consider\s+(?:supporting|donating|subscribing|buying)\b | \bto\s+support\s+(?:us|our\s+work|[\w'’ ]{1,40}['’]s\s+work)\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# A call to action closing the text, addressed to the reader: "For more details, visit here.",
# "Check out the Harbour Board's programmes.", "Find out more at example.org."
CLOSING_CALL = re.compile(
    r"^(?:(?:for\s+(?:more|further)\s+(?:details|information|info)|to\s+(?:find\s+out|learn)\s+more)\s*,?\s*"
    r"(?:visit|see|go\s+to|head\s+to|click|check\s+out)\b|check\s+out\s+(?:the|our|their)\b|find\s+out\s+more\b"
    r"|visit\s+(?:here|our|\S+\.\w{2,})"
    # "Learn more about the club at their website here.", "Stay tuned as we share more updates soon!"
    r"|(?:learn|find\s+out|read)\s+more\s+about\b.{0,80}\b(?:here|website|webpage|page)\W*$"
    r"|stay\s+tuned\b.{0,60}$)",
    re.IGNORECASE,
)
# ... and the question to the reader before it: "Are you keen to return to work?"
READER_QUESTION = re.compile(r"^(?:are|do|did|have|would|will|want|looking|keen)\s+you\b.{0,120}\?$", re.IGNORECASE)
# A call for witnesses closing the text, after questions to the reader ("Were you there? Did you see
# what happened?"): how to reach the newsroom.
CONTACT_CALL = re.compile(
    r"\b(?:share\s+your\s+(?:experiences?|stor(?:y|ies)|pictures|photos|videos|footage)|get\s+in\s+touch\s+with\s+us"
    r"|contact\s+us|include\s+a\s+contact\s+number|speak\s+to\s+(?:a|one\s+of\s+our)\s+(?:\w+\s+)?journalists?"
    r"|(?:e-?mail|message|whatsapp|write\s+to)\s+us\b|e-?mailing\s+[\w.+-]+@[\w-]+\.[\w.]+)",
    re.IGNORECASE,
)
WITNESS_QUESTION = re.compile(r"\b(?:Are|Were|Did|Do|Have|Was)\s+you\b[^.!?\"“”]{0,100}\?")
COPYRIGHT_LINE = re.compile(r"^(?:Copyright\b|©|\(c\)\s*\d{4}).{0,120}$|.{0,80}\bAll\s+rights\s+reserved\.?$", re.IGNORECASE)
SAYS = re.compile(r"\b(?:said|says|told)\b")
# A cheap finite-verb test for short lines: an auxiliary, a past form, a verb after a pronoun.
VERB_HINT = re.compile(
    r"\b(?:is|are|was|were|am|be|been|has|have|had|will|would|can|could|may|might|must|shall|should|do|does|did"
    r"|says|said|told|\w{3,}ed)\b|^(?:I|We|You|He|She|It|They)\s",
    re.IGNORECASE,
)
# Capitalised words that start no name: "By Monday ..." is no byline, "... Then" no new sentence.
NOT_NAMES = frozenset(WEEKDAY_NAMES) | frozenset(MONTH_NAMES) | {
    "Then", "Now", "Contrast", "Comparison", "Law", "Far", "Now,", "Then,"}
FUNCTION_WORDS = {
    "a", "an", "the", "of", "in", "on", "at", "by", "for", "from", "to", "with", "and", "or", "but", "near", "into",
    "onto", "over", "under", "as", "after", "before", "during", "told", "said", "says", "tells", "via", "than",
    "about", "between", "against", "including", "like", "across", "behind", "outside", "inside", "toward", "towards",
    "is", "was", "are", "were", "his", "her", "their", "its", "our", "my", "your", "this", "that", "these", "those",
    "mr", "mrs", "ms", "dr", "st", "&", "-", "–", "—", "de", "van", "von", "al", "el", "bin", "le", "la",
}

# A sign-up box flattened into the text, two or more of its phrases in a row, often
# glued to the lede: "Get the morning briefing in your inbox + Subscribe", then
# "Thank you for subscribing!", "Could not subscribe, try again later", ... and
# the article's first sentence.
_FORM_PHRASE = (r"(?:Thank\s+you\s+for\s+(?:subscribing|signing\s+up)!?|We\s+have\s+more\s+newsletters"
                r"|Show\s+me|See\s+our\s+privacy\s+notice|Could\s+not\s+subscribe,?\s+try\s+again\s+later"
                r"|Invalid\s+e-?mail(?:\s+address)?|Something\s+went\s+wrong,?\s+please\s+try\s+again\s+later\.?)")
FORM_RUN = re.compile(
    r"(?:\bGet\s+[\w\s]{0,60}?\binbox\s*\+?\s*)?(?:\b(?:Subscribe|Sign\s+up)\s+)?"
    rf"\b{_FORM_PHRASE}(?:\s*{_FORM_PHRASE})+",
    re.IGNORECASE,
)
