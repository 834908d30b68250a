"""The line patterns import matches, built from the phrase tables: dialogue, stage directions,
time stamps, dates, bylines, spoiler warnings, sign-offs, furniture."""

from __future__ import annotations

import re

from recapcast.text.recognise.phrases import (
    _CLOSE,
    _MANNER,
    _MONTH,
    _NUMBER_NAMES,
    _OPEN,
    _SAID,
    _SAYING_TO,
    _SAYING_VERBS,
    BY,
    BYLINE_VERBS,
    COMMENTS,
    CORRECTIONS,
    DATED,
    DATED_ON,
    FORUM_ACTIONS,
    INVITES,
    READ_TIME_AFTER,
    READ_TIME_BEFORE,
    SHARE_INVITES,
    SHARE_THIS,
    SHARE_VERB,
    SHARE_WHAT,
    SOCIAL_NETWORKS,
    SPOILER_OPENS,
    SPOILER_SAYS,
    SPOILER_WORDS,
    TAG_LABELS,
    WRITER_BIO,
    alt,
)
from recapcast.text.recognise.phrases_closing import COMMENT_FORMS, SIGN_OFFS, TOLD
from recapcast.text.recognise.phrases_sections import (
    CHAPTER_WORDS,
    COUNT_OF,
    EPISODE_WORDS,
    PART_WORDS,
    RATING_LABELS,
    SEASON_WORDS,
)
from recapcast.text.recognise.phrases_time import (
    AGE_UNITS,
    AGE_WORDS,
    AGO_AFTER,
    AGO_BEFORE,
    CLOCK_AFTER,
    DATE_AT,
    DATE_OF,
    DAY_MARKS,
    EVERY,
    MINUTES,
    MONTHS,
    MONTHS_SHORT,
    WEEKDAYS,
    WEEKDAYS_SHORT,
    YEAR_SEASONS,
)

_DIALOGUE = re.compile(
    r"^(?P<name>[^:\"“”()\[\]\d]{1,60}?)\s*(?:[(\[](?P<direction>[^)\]]{1,40})[)\]])?\s*"
    r"(?P<mark>:|—|–|--)\s*(?P<line>\S.*)$")


_STAGE_DIRECTION = re.compile(r"\s*(?:\[[^\[\]]{1,60}\]|\([^()]{1,40}\))\s*")


# "*lights flicker*" alone on its line: a stage direction set in asterisks
_STARRED_DIRECTION = re.compile(r"^\s*[*_][a-z][^*_]{0,60}[*_]\s*$")


_BRACKETED_LINE = re.compile(r"^\s*[\[(][^\])]{1,80}[\])]\s*$")


_PAUSE = re.compile(r"^\[pause\s+(?P<s>\d+(?:\.\d+)?)\s*s?\]$", re.IGNORECASE)


_INLINE_DIRECTION = re.compile(r"\s*\[(?:[a-z][^\[\]]{0,40}|\d{1,2}:\d{2}(?::\d{2})?)\]")


_TIMESTAMP = re.compile(
    # a live blog's "8:58 PM:" or "9:15 p.m. ET —": a clock time with its mark after it
    r"^[\[(]?\d{1,2}:\d{2}\s*[apAP]\.?\s?[mM]\.?(?:\s+[A-Z]{2,4})?[\])]?\s*[—–\-|:]+\s*"
    # "(7:02pm) Adaeze opens ...": a clock time in brackets
    r"|^[\[(]\d{1,2}[:.]\d{2}\s*(?:[apAP]\.?\s?[mM]\.?)?(?:\s+[A-Z]{2,4})?[\])]\s*"
    r"|^[\[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?(?!\s*(?:[apAP]\.?\s?[mM]\b|o'clock))\s*"
    r"(?:[—–\-|:]+\s*)?")


_ATTRIBUTION_LINE = re.compile(r"^(?:—|–|--|―|~)\s*(?P<name>[^—–~]{1,60}?)\s*$")


_QUOTED_THEN_NAME = re.compile(
    r"^(?P<before>.*?)(?:[\"“](?P<quote>[^\"“”]{2,})[\"”]|‘(?P<single>.{2,})’)\s*(?:—|–|--|―|~)\s*"
    r"(?P<name>[^\"“”—–~]{1,60}?)\s*$")


_DASH_DIALOGUE = re.compile(
    rf"^[—―]\s*(?P<quote>[^—―]+?)\s*[—―]\s*(?:{_SAYING_TO}\s+)?(?:{_SAYING_VERBS})\s+"
    rf"(?P<name>[^\W\d_][^—―,.;]*?)(?P<aside>,?\s+[a-záéíóúñ][^—―]*?)?\s*(?:[—―]\s*[.,;]?\s*(?P<more>\S.*))?[.,;]?\s*$")


# A dash line of dialogue: "— Ta sœur habite à Marseille, dit Capucine.", "— Never, says Ines."
_FRENCH_DASH = re.compile(
    rf"^[—―–]\s*(?P<quote>.+?)\s*(?P<mark>[,!?…])\s*(?:{_SAID})(?:-t-(?:il|elle))?\s+"
    rf"(?P<name>[^\W\d_][^,.;!?]*?){_MANNER}\s*[.!]?$")


_SAYING = re.compile(rf"(?:{_SAID}|{_SAYING_VERBS})\b", re.IGNORECASE)


_QUOTE_THEN_SAID = re.compile(
    rf"^[{_OPEN}]\s*(?P<quote>[^{_OPEN}{_CLOSE}]{{2,}}?)\s*[{_CLOSE}]\s*,?\s*"
    rf"(?:(?:{_SAYING_TO}\s+)?(?:{_SAID})(?:-t-(?:il|elle))?\s+(?P<name>[^\W\d_][^,.;!?]*?)"
    rf"|(?P<name2>[^\W\d_][^,.;!?]*?)\s+(?:{_SAID})){_MANNER}\s*[.!,]?"
    # the quotation going on after its speaker: '"Nobody has the key," says Denise. "That's
    # the point."'
    rf"(?:\s*[{_OPEN}]\s*(?P<more>[^{_OPEN}{_CLOSE}]{{2,}}?)\s*[{_CLOSE}])?\s*$")


_SAID_THEN_QUOTE = re.compile(
    rf"^(?P<name>[^\W\d_][^,.;!?\"“«„]*?)\s+(?:{_SAID})\s*[,:]\s*[{_OPEN}]\s*"
    rf"(?P<quote>[^{_OPEN}{_CLOSE}]{{2,}}?)\s*[{_CLOSE}]\s*\.?$")


# A screenplay excerpt: a character's cue alone on its line, then the words; sluglines and
# transitions are stage directions.
_CUE = re.compile(r"^(?P<name>[A-Z][A-Z'’.\- ]{1,30}?)\s*"
                  r"(?:\((?:CONT'D|CONT’D|V\.O\.|O\.S\.|O\.C\.|CONTINUED)\))?$")


_SLUGLINE = re.compile(r"^(?:INT|EXT|INT\./EXT|EXT\./INT|I/E)[.\s]\s*[A-Z0-9'’ .,\-–—/]+$")


_TRANSITION = re.compile(r"^(?:(?:SMASH |MATCH |HARD |JUMP )?CUT TO|DISSOLVE TO|FADE (?:IN|OUT|TO "
                         r"BLACK)|CUT TO BLACK|BACK TO SCENE|END OF (?:ACT|EPISODE)\b.*)[:.]?$")


_TILDE_NAME = re.compile(r"^(?P<quote>.*\S)\s+~\s*(?P<name>[^~]{1,60}?)\s*$")


_EPISODE_HEADING = re.compile(
    rf"^{alt(EPISODE_WORDS, CHAPTER_WORDS)}\s+(?P<n>\d+|{'|'.join(_NUMBER_NAMES)})\s*[:.\-–—~]\s*"
    r"(?P<title>\S.*)$", re.IGNORECASE)


_PIPE_LABEL = re.compile(r"^(?P<label>[A-Z][A-Z0-9'’&,.\- ]{1,40}?)\s+\|\s+(?P<text>\S.{20,})$")


_RATING_LABEL = re.compile(rf"^{alt(RATING_LABELS)}\s*:\s*\S", re.IGNORECASE)


_PART_HEADING = re.compile(rf"^{alt(PART_WORDS)}\s+\w+\s*[:.\-–—]\s*\S", re.IGNORECASE)


_EDIT_LINK = re.compile(r"\s*\[\s*edit(?:\s*\|\s*edit source)?\s*\]", re.IGNORECASE)


_HASHTAG = re.compile(r"(?<![\w&/#])#(?P<tag>[^\W\d_][\w]*)")


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“A-Z0-9])")


# A date line in any language: "Tuesday, March 3rd, 2027", "mardi 3 mars 2027", "Di., 3. März
# 2027 um 10:15 Uhr", "15 de outubro de 2023", "2027-03-03", with its time.
_ANY_MONTH = rf"{alt(MONTHS, MONTHS_SHORT)}\.?"
_DAY = rf"\d{{1,2}}{alt(DAY_MARKS)}?"
_DATE = re.compile(
    rf"^(?:{alt(WEEKDAYS, WEEKDAYS_SHORT)}\.?,?\s+)?(?:{_ANY_MONTH}\s+{_DAY},?(?:\s+\d{{4}})?"
    rf"|{_DAY}\.?\s+(?:{alt(DATE_OF)}\s+)?{_ANY_MONTH},?\s+(?:{alt(DATE_OF)}\s+)?\d{{4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}|\d{{1,2}}\.\s?\d{{1,2}}\.\s?\d{{2,4}})"
    rf"(?:,?\s+(?:{alt(DATE_AT)}\s+)?\d{{1,2}}(?:[:h.]\d{{2}})?\s*"
    rf"(?:[ap]\.?m\.?|{alt(CLOCK_AFTER)}|h)?(?:\s+[A-Z]{{2,4}})?)?\.?$", re.IGNORECASE)


# A time of day as a live-watch recap's section heading: "9:02 PM", "10:04 p.m." (the
# clock's am/pm mark is what tells it from a score or a runtime).
_CLOCK_HEADING = re.compile(r"^\d{1,2}[:.]\d{2}\s*[ap]\.?\s?m\.?(?:\s+[A-Z]{2,4})?$",
                            re.IGNORECASE)


_CLOCK_ONLY = re.compile(r"^\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?$",
                         re.IGNORECASE)


# A credit worded its own way: "filed under Recaps by Nnamdi Okonjo", "Live-tweeted, then
# tidied up, by Dolores Ibarra-Nakamura (@forkandflame)"
_CREDITED = re.compile(
    r"^(?:(?:filed|posted|published) (?:under|in) [^,.;]{1,40}?|[\w-]+ed\b[^.!?]{0,40}?|"
    r"(?:running |live )?(?:commentary|notes|thoughts))\s*,?"
    r"\s+(?:by|from)\s+(?P<name>[^\W\d_][^|·•,;(]*?)\s*(?:\(@?[\w.]+\))?$", re.IGNORECASE)


# "15 de outubro de 2023, 21h30", "3 de marzo de 2025 a las 10:15": a Spanish or
# Portuguese date line, and its time
_ROMANCE_DATE = re.compile(
    rf"^\d{{1,2}}\s+{alt(DATE_OF)}\s+[^\W\d_]{{3,10}}\s+{alt(DATE_OF)}\s+\d{{4}}"
    rf"(?:,?\s+(?:{alt(DATE_AT)}\s+)?\d{{1,2}}(?:[:h]\d{{2}})?h?)?\.?$", re.IGNORECASE)


# The stars, halves and hearts of a rating: "★★★★½ ♥".
_RATING_GLYPHS = "★☆½⯪♥❤♡⭐"


_BYLINE = re.compile(
    rf"^(?:{alt(BYLINE_VERBS)}\s+)?{alt(BY)}\s+"
    rf"(?P<name>[^\W\d_][^|·•,;({_RATING_GLYPHS}]*?)\s*(?:\(@?[\w.]+\)|\([^()]{{1,60}}\))?"
    rf"(?:\s*[{_RATING_GLYPHS}]+)*"
    rf"(?:\s+{alt(DATED_ON)}\s+[^,]*\d[^,]*)?"  # "... on 12/03/2026 at 10:15"
    r"(?:\s*,\s*(?P<role>[^.!?]*))?$", re.IGNORECASE)


_DATED = re.compile(rf"^{alt(DATED)}\b(?:\s+{alt(DATED_ON)})?", re.IGNORECASE)


# "Posted by u/fenlandfan", "by @kay": a forum or social handle instead of a name.
_HANDLE_BYLINE = re.compile(
    r"^(?:(?:posted|submitted|written|shared|review(?:ed)?|logged)\s+)?by\s+"
    r"(?P<handle>(?:/?u/|@)[\w.\-]{2,40}"
    r"|(?=[\w.\-]*[_\d])[\w.\-]{2,40}|(?-i:[a-z][a-z.\-]{1,39}))"
    # a tracking site's stars and heart after the reviewer: "Review by kay_reads ★★★★½ ♥"
    rf"(?:\s*[{_RATING_GLYPHS}]+)*$", re.IGNORECASE)


# A fan-fiction archive's header of a work: "Fandom: ...", "Kudos: 412".
_WORK_FIELD = re.compile(r"^(?:fandoms?|characters?|relationships?|additional tags|words|"
                         r"chapters|kudos|hits|bookmarks|archive warnings?|categor(?:y|ies)|"
                         r"stats|collections?|series)\s*:\s*\S", re.IGNORECASE)


# What a fan site's post line says beside its author: "Spring 2027 season", "Episode 12 of 13".
_POST_INFO = re.compile(rf"^(?:{alt(YEAR_SEASONS)} \d{{4}}(?: {alt(SEASON_WORDS)})?|"
                        rf"{alt(EPISODE_WORDS)} \d+ {alt(COUNT_OF)} \d+|"
                        rf"{alt(SEASON_WORDS)} \d+,? {alt(EPISODE_WORDS)} \d+|"
                        r"editor'?s rating\b.{0,20}|"
                        # a live post's label beside its byline: "Live updates · Refresh for
                        # the latest"
                        r"live(?: updates| blog| coverage)?|"
                        # a tracking site's diary labels: "Watched 14 Feb · Rewatch"
                        r"rewatch(?:ed)?|first watch|"
                        # a newsletter's number: "Issue #112", "Vol. 3, No. 12"
                        r"(?:issue|no\.?|vol\.?|volume|edition)\s*#?\s*\d+"
                        r"(?:,? (?:no\.?|issue)\s*#?\d+)?|"
                        # a podcast episode's own details: "Runtime: 1:12:48 · Explicit"
                        r"(?:runtime|running time|length|duration)\s*:?\s*\d[\d:]*"
                        r"(?:\s*(?:min(?:ute)?s?|h|hrs?))?|explicit|clean|"
                        r"refresh (?:the page )?for (?:the latest|updates|more)(?: updates)?)$",
                        re.IGNORECASE)


# A post's age as forums and social sites show it: "6h", "3 hours ago", "yesterday".
_AGE = re.compile(
    rf"^(?:{alt(AGO_BEFORE)}\s+)?\d{{1,3}}\s*{alt(AGE_UNITS)}\.?(?:\s+{alt(AGO_AFTER)})?$"
    rf"|^{alt(AGE_WORDS)}$", re.IGNORECASE)


# The poster's own notes under a forum post: "Edit: typo", "EDIT 2: thanks for the gold".
_POST_EDIT = re.compile(r"^(?:edit|eta)\s*\d*\s*[:\-–—]", re.IGNORECASE)


_READ_TIME = re.compile(
    rf"^\d+\s*(?:-\s*)?{alt(MINUTES)}\.?\s*{alt(READ_TIME_AFTER)}$"
    rf"|^{alt(READ_TIME_BEFORE)}\s*:?\s*\d+\s*{alt(MINUTES)}\.?$", re.IGNORECASE)


_META_SPLIT = re.compile(
    rf"\s+[|·•/]\s+|\s+[—–]\s+(?=(?:by|updated|posted|published|filed|\d|{_MONTH}\s"
    rf"|{alt(BY, DATED)}\s|{_ANY_MONTH}\s))",
    re.IGNORECASE)


_SPOILER = re.compile(rf"(?<!\w){alt(SPOILER_WORDS)}(?!\w)", re.IGNORECASE)


_SPOILER_CUE = re.compile(rf"^{alt(SPOILER_OPENS)}|\b{alt(SPOILER_SAYS)}\b", re.IGNORECASE)


_SIGN_OFF = re.compile(
    rf"(?<!\w){alt(SIGN_OFFS)}(?!\w)|"
    r"follow (?:me|us|her|him|them) (?:on|at)\b|follow (?:me|us)\b|"
    r"\bhas (?:covered|written about|reviewed) (?:tv|television)\b|"
    r"\bis an? (?:staff|freelance|senior|contributing|regular|tv|television) (?:writer|editor|"
    r"critic|reporter|columnist)\b|buy me a coffee|ko-?fi|patreon|"
    r"\bsubscribe (?:now|here|below|today|to (?:my|our)\b|to the (?:blog|newsletter|channel|"
    r"podcast|feed))|^subscribe\b|share this|leave a comment|let me know in the comments|"
    r"sound off in the comments|join the (?:discussion|conversation)|newsletter|"
    r"\bsign up (?:here|now|below|today|for (?:my|our|the newsletter))\b|support (?:me|my|the "
    r"blog)|\bunsubscribe\b|you(?:'re| are) "
    r"receiving this|manage (?:your )?preferences|that's (?:it|all) (?:for|from)\b"
    r"|see you next \w+day\b|\bfind me on\b"
    r"|\bhit reply\b"
    # a podcast's: "Rate and review us wherever you get your podcasts", "Leave a voicemail"
    r"|\brate (?:and|&) review\b|\bwherever you get your podcasts\b"
    r"|\bleave (?:us )?a voicemail\b|^send us your\b"
    rf"|(?<!\w){alt(WRITER_BIO, SHARE_INVITES)}(?!\w)", re.IGNORECASE)


_PREVIOUSLY = re.compile(r"^(?:previously\b|last (?:week|time|episode|season)\b|when we last)",
                         re.IGNORECASE)


_MORE_FROM = re.compile(
    r"^more (?:from|on|in|about)\b|^related(?: \w+)?$|^(?:more|other|recent|latest|popular|"
    r"similar|recommended) (?:stories|recaps|reviews|posts|articles|news|coverage|reading)\b",
    re.IGNORECASE)


_TAGS = re.compile(rf"^{alt(TAG_LABELS)}\s*:", re.IGNORECASE)


_BARE_HANDLE = re.compile(r"^@[\w.]{2,40}(?: on (?:instagram|twitter|x|bluesky|tiktok|threads|"
                          r"mastodon|youtube))?$|^/?r/\w{2,40}$", re.IGNORECASE)


# A forum's vote count and action links, a sort menu, a thread's flair: "1.4k", "Reply Share
# Report", "Sort by: Best", "Episode Discussion".
_FORUM_FURNITURE = re.compile(
    r"^[+-]?\d[\d.,]*\s?[kKmM]?(?:\s+(?:points?|votes?|upvotes?|likes?))?$"
    rf"|^(?:{alt(FORUM_ACTIONS)}(?!\w)\s*(?:\(\d[\d,.]*\)\s*)?)+\.?$"
    r"|^(?:♥|❤|♡)?\s*\d[\d.,]*\s?[kK]?\s+(?:likes?|notes?|reblogs?|claps?|views?|shares?|"
    r"retweets?|reposts?|responses?|hearts?)\b.{0,80}$|^liked by\b.{0,80}$"
    r"|^[\w.\-]{2,40} (?:reblogged this from [\w.\-]{2,40}(?: and added:?.*)?|liked this|"
    r"posted this)$"
    r"|^like (?:this )?(?:review|post|comment)\b.{0,40}$"
    r"|^sort by\b.{0,30}$|^(?:episode|post-episode|pre-episode|live|weekly|official)\s+"
    r"discussion(?: thread)?$|^level \d+$",
    re.IGNORECASE)


# A photo's caption with its credit: "Pictured: X as Y in "Show." Photo: Name/Agency"
_CAPTION = re.compile(r"^(?:pictured|above|below|top|bottom|left|right|from left|seen here)\s*:"
                      r".{0,240}\b(?:photo|photograph|credit|courtesy|image)\b", re.IGNORECASE)


# A site's call to action in a line of its own: a newsletter box, "Have a news tip?",
# "Tell me in the comments below!", a share line. Each needs words no scene of a recap has.
_CALL_TO_ACTION = re.compile(
    r"^(?:sign up|subscribe)\b|\b(?:sign up|subscribe)\b.{0,40}\b(?:our|my) "
    r"(?:\w+ )?(?:newsletters?|inbox)\b"
    r"|\b(?:tell|let) (?:me|us)\b.{0,40}\bin the comments\b|\bin the comments (?:below|section)\b"
    r"|\bhit (?:up )?the comments\b|^read on for (?:the|our|my) (?:highlights|recap|full)\b"
    r"|\bleave a comment\b|\bsubscribe to (?:the|my|our) newsletter\b"
    r"|^follow (?:the|our|me|us)\b.{0,60}@\w|\bdrop (?:your|a) (?:hot )?(?:takes?|comments?)\b"
    r"|\bforwarded this (?:email |newsletter )?to you\b|\bplease clap\b"
    # (a short line; in a longer paragraph the welcome goes a sentence at a time,
    # rules._without_welcome)
    r"|\b(?:welcome|hello|hi)\b.{0,40}\bnew subscribers\b|\bpaid subscribers (?:get|can|will)\b"
    r"|^quick housekeeping\b|^housekeeping\s*:"
    # a newsletter platform's own boxes: "X is a reader-supported publication. To receive
    # new posts and support my work, consider becoming a free or paid subscriber."
    r"|\bis an? reader-supported publication\b|\bconsider becoming a (?:free or )?paid subscriber\b"
    r"|^refresh (?:the page )?for (?:updates|more)\b"
    r"|^(?:update|editor'?s note|correction)\s*:.{0,80}\b(?:this (?:recap|article|story|post)|"
    r"an earlier version|was (?:first )?published|misspelled|misstated|corrected)\b"
    r"|\bsound off (?:below|in the comments)\b|^have a (?:news )?tip\b|\bsend (?:us )?your tips\b"
    r"|\bforward (?:it|this(?: email| newsletter)?) to a friend\b"
    rf"|^{alt(SHARE_VERB)} {alt(SHARE_THIS)} {alt(SHARE_WHAT)}\b"
    rf"|(?<!\w){alt(INVITES)}(?!\w)"
    # a share line's networks: "Facebook · X · WhatsApp · Telegram"
    rf"|(?<!\w){alt(SOCIAL_NETWORKS)}\s*[·|•/]\s*{alt(SOCIAL_NETWORKS)}(?!\w)",
    re.IGNORECASE)

# A social post quoted on a page, signed as its embed signs it: "... — Pomona Fan Account
# (@pomonaposts) May 4, 2027" (its handle, its date or both after the name).
_SOCIAL_POST_SIGNED = re.compile(
    r"[—–]\s*[^—–\n]{1,60}?\s*(?:\(@[\w.]{1,30}\)\s*(?:" + _MONTH + r"\s+\d{1,2},\s+\d{4})?"
    r"|(?:\(@[\w.]{1,30}\)\s*)?" + _MONTH + r"\s+\d{1,2},\s+\d{4})$")


# A correction under the article: "An earlier version of this recap misstated ..."
_CORRECTION = re.compile(rf"^(?:correction\s*:\s*)?{alt(CORRECTIONS)}\b", re.IGNORECASE)

# When the show airs: "Les Veilleurs de Brest, tous les jeudis à 21h10 sur France Ouest".
_AIR_TIME = re.compile(
    rf"(?<!\w)(?:{alt(EVERY)}\s+{alt(WEEKDAYS)}s?|{alt(WEEKDAYS)}s)(?!\w)"
    rf".{{0,20}}?\b\d{{1,2}}\s*(?:[:h.]\s*\d{{2}}|h\b|[ap]\.?m\.?|{alt(CLOCK_AFTER)}\b)",
    re.IGNORECASE)


# A post's tags on a line of their own: "#the velvet armada #tva spoilers #my posts"
_TAG_LINE = re.compile(r"^#[^\W\d_][^#\n]{0,40}(?:\s+#[^\W\d_][^#\n]{0,40})+$"
                       # a note's one tag alone on its line: "#quotes", "#tv/show-name"
                       r"|^#[^\W\d_][\w/\-]{0,40}$")


# A forum poster's edit that thanks or fixes, not one that adds to the recap
_THANKS_EDIT = re.compile(r"^(?:edit|eta)\s*\d*\s*[:\-–—]\s*(?:thanks?|thank you|wow|omg|"
                          r"typo|fixed|formatting|spelling|grammar|rip my inbox|holy)\b"
                          # a forum's own note under an edited post
                          r"|^last edited by\b.{0,60}$", re.IGNORECASE)


# What ends a recap pasted from a page: the comments under it.
_COMMENTS_START = re.compile(
    rf"^(?:\d[\d.,]*\s?k?\s+)?{alt(COMMENTS)}$|^sort by\b|^{alt(COMMENT_FORMS)}$|"
    r"^level 1$|^responses?\s*\(\d[\d,]*\)$|"
    r"^discussion about this (?:post|episode|article)$",
    re.IGNORECASE)


_INLINE_CREDIT = re.compile(r"\s*\((?:photo|image|picture|photograph|credit|foto|bild)s?"
                            r"(?:\s+credit)?\s*:[^()]{1,60}\)", re.IGNORECASE)


_FOOTNOTE_MARK = re.compile(r"\s*\[(?:\d{1,3}|[a-z]|note \d+|nb \d+|citation needed|"
                            r"clarification needed|who\?|when\?|according to whom\?)\]")


_COMMENT_COUNT = re.compile(rf"^(?:\d+|no|one)\s+{alt(COMMENTS)}$|"
                            r"^(?:comments?|replies)\s*\(?\d[\d,]*\)?$|"
                            r"^(?:leave|add|post) a (?:comment|reply)$|^comments?\s*\(\d+\)$",
                            re.IGNORECASE)


def _words(text: str) -> int:
    return len(text.split())


def _sentence(item: str) -> str:
    item = item.strip()
    if item and item[0].islower():
        item = item[0].upper() + item[1:]
    if item and (item[-1].isalnum() or item[-1] in ")”\"'’%") and not (
            item[-1] in "”\"'’)" and item[-2:-1] in tuple(".!?…")):
        item += "."  # not after 'forever."', which has its full stop
    return item


# A sentence of the story that quotes a sign-off: 'Thanks for reading, Theo says flatly.'

_TOLD = re.compile(rf"(?<!\w){alt(TOLD)}(?!\w)(?! me\b)"
                   r"(?<!writes(?= about\b))",  # "writes about TV for ...": a writer's bio
                   re.IGNORECASE)
