"""Words and phrases import recognises, as data: labels, section names, furniture, buttons,
saying verbs, month names, per language where a language has its own."""

from __future__ import annotations

_PARTICLES = {"de", "da", "do", "dos", "das", "del", "della", "di", "du", "van", "von", "der",
              "den", "ter", "la", "le", "ní", "nic", "ó", "ua", "mac", "mc", "bin", "ibn",
              "al", "el", "y", "af", "zu", "st.", "of"}


# Words that end in a colon as labels, not as a speaker's name.
_LABELS = {
    # a fan-fiction archive's work header
    "relationship", "relationships", "character", "characters", "fandom", "fandoms",
    "archive warning", "archive warnings", "category", "categories", "language", "words",
    "chapters", "kudos", "hits", "bookmarks", "tags", "additional tags", "series",
    "rating", "ratings", "verdict", "warning", "note", "notes", "update", "updated", "edit",
    "editor's note", "spoiler", "spoilers", "spoiler warning", "spoiler alert", "grade",
    "score", "scores", "previously", "next week", "next time", "also", "plus", "bonus",
    "source", "sources", "photo", "photos", "image", "credit", "credits", "cast", "starring",
    "written", "directed", "director", "writer", "writers", "air date", "aired", "runtime",
    "genre", "network", "season", "episode", "part", "act", "chapter", "scene", "question",
    "answer", "q", "a", "tl;dr", "tldr", "summary", "recap", "review", "final thoughts",
    "best line", "quote", "quote of the week", "mvp", "stray observations", "the good",
    "the bad", "the ugly", "pros", "cons", "read more", "related", "watch", "listen",
    "location", "time", "date", "setting", "song", "music", "soundtrack", "bottom line",
    "overall", "standout", "highlights", "lowlights", "observations", "thoughts", "meanwhile",
    "later", "elsewhere", "today", "tonight", "now", "first", "second", "third", "finally",
    "lesson", "moral", "fun fact", "trivia", "tip", "ps", "p.s", "nb", "fyi", "round",
    "challenge", "twist", "winner", "loser", "eliminated", "result", "results", "vote",
    "votes", "immunity", "reward", "who went home", "caption", "via", "featured",
}


_SECTION_WORDS = {"part", "act", "chapter", "round", "day", "night", "week", "episode",
                  "season", "series", "scene", "previously", "next", "last", "this"}


# The sections a review is written in, whatever their case: "Stray observations".
_SECTION_LABELS = {"stray observations", "final thoughts", "the verdict", "bottom line",
                   "the bottom line", "what worked", "what didn't work", "what happened",
                   "the good", "the bad", "the ugly", "odds and ends", "loose ends",
                   "best line", "best lines", "quote of the week", "mvp", "observations",
                   "previously", "next week", "next time", "the recap", "the review",
                   "spoiler-free summary", "our verdict", "the episode", "what didn't",
                   "the highlights", "highlights",
                   "lowlights", "random thoughts", "other thoughts", "odds & ends"}


_LABEL_WORDS = {"week", "winner", "winners", "challenge", "result", "results", "score",
                "scores", "verdict", "grade", "rating", "ratings", "eliminated", "round",
                "episode", "season", "immunity", "reward", "vote", "votes", "standings",
                "baker", "runner-up", "runners-up", "finalist", "finalists", "champion",
                "bottom", "safe", "host", "hosts", "judge", "judges", "guest", "guests"}


_QUOTE_MARKS = "\"“”„«»"


# Spanish dialogue: "—No pienso pelearme —dice Maite desde la puerta—. Nunca."
_SAYING_VERBS = (
    "dice|dijo|responde|respondió|pregunta|preguntó|grita|gritó|susurra|susurró|contesta|"
    "contestó|añade|añadió|murmura|murmuró|explica|explicó|insiste|insistió|replica|replicó|"
    "exclama|exclamó|suelta|soltó|admite|admitió|confiesa|confesó|advierte|advirtió|asegura|"
    "aseguró|afirma|afirmó|sentencia|sentenció|repite|repitió|anuncia|anunció|"
    # Portuguese
    "diz|disse|pergunta|perguntou|respondeu|gritou|sussurrou|murmurou|explicou|insistiu|retruca|"
    "retrucou|exclamou|avisa|avisou|completa|completou")


# French dialogue: "— Ta sœur habite à Marseille, dit Capucine."
_FRENCH_VERBS = ("dit|répond|demande|lance|murmure|crie|ajoute|souffle|explique|réplique|"
                 "rétorque|poursuit|insiste|soupire|s'exclame|s’exclame|s'écrie|s’écrie|"
                 "s'étonne|s’étonne|avoue|annonce|chuchote|hurle|lâche|glisse|tranche|ironise")


# Words after the speaker's name that say how ("quietly", "sans la regarder").
_MANNER = (r"(?:\s+(?!(?:and|then|as|before|while|but|et|puis|mais|und|dann|y|pero)\b)"
           r"[a-zà-ÿ'’\-]+){0,4}")


# A line that is one quotation and who said it, in English, French or German:
# '"I'm done," Mara says.', 'Mara tells him, "Go."', '« Non », répond Anselme.',
# '„Warum?“, fragt Henrike.'
_SAID = (r"says|said|asks|asked|replies|replied|shouts|shouted|yells|yelled|whispers|"
         r"whispered|adds|added|snaps|snapped|mutters|muttered|explains|explained|insists|"
         r"insisted|admits|admitted|warns|warned|screams|screamed|tells (?:him|her|them|us)|"
         r"told (?:him|her|them|us)|"
         rf"{_FRENCH_VERBS}|sagt|fragt|antwortet|ruft|flüstert|meint|erwidert|murmelt|"
         rf"schreit|gesteht|erklärt|{_SAYING_VERBS}")


_OPEN, _CLOSE = "\"“«„‚", "\"”»“‘"


_NUMBER_NAMES = ("one two three four five six seven eight nine ten eleven twelve thirteen "
                 "fourteen fifteen sixteen seventeen eighteen nineteen twenty").split()


_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")


# Labels over a list of links to other articles: the lines under them are headlines.
_LINK_LIST_LABELS = {"related", "related stories", "related articles", "related links",
                     "related content", "read more", "see also", "also read", "more stories",
                     "more like this", "recommended", "recommended for you",
                     "you may also like", "you might also like", "most read", "most popular",
                     "popular", "trending", "trending now", "latest", "up next",
                     "mehr zum thema", "lesen sie auch", "lire aussi", "à lire aussi",
                     "voir aussi", "lee también", "leer más", "leggi anche", "lees ook",
                     "leia também", "veja também", "saiba mais", "topics", "explore more",
                     "more on this story",
                     "more from"}


_FURNITURE_HEADINGS = _LINK_LIST_LABELS | {
    "comments", "share this", "share", "advertisement", "ad", "sponsored", "sponsored content",
    "paid content", "promoted", "latest news", "newsletter", "tags"}


# A page's table of contents: dropped with the list under it.
_CONTENTS_HEADINGS = {"contents", "table of contents", "inhalt", "inhaltsverzeichnis",
                      "sommaire", "índice", "indice"}


# Headings dropped with what they head: the furniture ones and a comment form's.
_DROPPED_HEADINGS = _FURNITURE_HEADINGS | _CONTENTS_HEADINGS | {"leave a comment",
                                                                  "leave a reply"}


# A button or call to action on its own line: a newsletter's "Subscribe now".
_BUTTONS = {"subscribe", "subscribe now", "share", "share this post", "read in app",
            "open in app", "upgrade to paid", "give a gift subscription", "restack",
            "leave a comment", "sign up", "sign in", "log in", "download the app", "listen now",
            "print", "email", "tweet", "pin it", "copy link", "back to top", "continue reading",
            "show comments", "view comments", "load more", "keep reading",
            "view in browser", "view this post on the web", "view online", "s'abonner",
            "abonnieren", "suscríbete", "hi friends", "hi all", "hi everyone", "hey everyone",
            "hey friends", "hello friends", "hello everyone", "dear readers", "hey y'all",
            "iscriviti", "partager", "teilen", "compartir", "condividi"}


# Sections of a reference page that are not the recap: a wiki's notes and sources.
_BACK_MATTER = {"references", "notes", "footnotes", "citations", "sources", "bibliography",
                "external links", "further reading", "see also", "notes and references",
                "références", "einzelnachweise", "weblinks", "referencias", "enlaces externos",
                "note", "collegamenti esterni"}


_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "il", "elle", "ils", "elles", "on",
             "er", "sie", "es", "wir", "ihr", "someone", "everyone", "nobody", "somebody"}


_ORDINAL_WORDS = {w: n for n, w in enumerate(
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth "
    "twentieth".split())}
