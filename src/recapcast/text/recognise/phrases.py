"""Words and phrases import recognises, as data: labels, section names, furniture, buttons,
saying verbs, month names, per language where a language has its own."""

from __future__ import annotations

import re

from recapcast.text.recognise.phrases_closing import CLOSING_TABLES
from recapcast.text.recognise.phrases_sections import SECTION_TABLES
from recapcast.text.recognise.phrases_time import MONTHS, MONTHS_SHORT, TIME_TABLES

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


LANGUAGES = ("en", "es", "fr", "de", "it", "pt", "nl", "sv")
"""The languages the phrase tables cover (Dutch and Swedish where a site's furniture and
dates have them)."""


def alt(*tables: dict[str, tuple[str, ...]] | tuple[str, ...]) -> str:
    """One regular-expression alternation of every phrase in ``tables`` (per-language
    tables or plain tuples): longest first, each phrase matched as written, except that
    a space matches any run of spaces and an apostrophe either ' or ’."""
    phrases = set()
    for table in tables:
        for group in (table.values() if isinstance(table, dict) else (table,)):
            phrases.update(group)
    escaped = (re.sub(r"['’]", "['’]", re.escape(x).replace(r"\ ", r"\s+"))
               for x in sorted(phrases, key=lambda x: (-len(x), x)))
    return "(?:" + "|".join(escaped) + ")"


# An English month, as "March 3, 2027" and a social post's embed write it (a date line in
# any language is ``patterns._DATE``'s, from every language's months).
_MONTH = rf"{alt(MONTHS['en'], MONTHS_SHORT['en'])}\.?"


def phrases_of(table: dict[str, tuple[str, ...]]) -> frozenset[str]:
    """Every phrase of a per-language table, in any language."""
    return frozenset(x for group in table.values() for x in group)


def coverage(tables: dict[str, dict[str, tuple[str, ...]]]) -> dict[str, dict[str, int]]:
    """How many phrases each concept has in each language (a table for docs/import.md)."""
    return {concept: {lang: len(table.get(lang, ())) for lang in LANGUAGES}
            for concept, table in tables.items()}


# Verbs that say who speaks after a quotation ('"Go," says Mara', '— Non, dit Capucine.',
# '—No pienso pelearme —dice Maite—.'); English ones that need their object are phrases.
SAYING = {
    "en": ("says", "said", "asks", "asked", "replies", "replied", "shouts", "shouted",
           "yells", "yelled", "whispers", "whispered", "adds", "added", "snaps", "snapped",
           "mutters", "muttered", "explains", "explained", "insists", "insisted", "admits",
           "admitted", "warns", "warned", "screams", "screamed", "tells him", "tells her",
           "tells them", "tells us", "told him", "told her", "told them", "told us"),
    "fr": ("dit", "répond", "demande", "lance", "murmure", "crie", "ajoute", "souffle",
           "explique", "réplique", "rétorque", "poursuit", "insiste", "soupire", "s'exclame",
           "s'écrie", "s'étonne", "avoue", "annonce", "chuchote", "hurle", "lâche", "glisse",
           "tranche", "ironise"),
    "de": ("sagt", "fragt", "antwortet", "ruft", "flüstert", "meint", "erwidert", "murmelt",
           "schreit", "gesteht", "erklärt"),
    "es": ("dice", "dijo", "responde", "respondió", "pregunta", "preguntó", "grita", "gritó",
           "susurra", "susurró", "contesta", "contestó", "añade", "añadió", "murmura",
           "murmuró", "explica", "explicó", "insiste", "insistió", "replica", "replicó",
           "exclama", "exclamó", "suelta", "soltó", "admite", "admitió", "confiesa", "confesó",
           "advierte", "advirtió", "asegura", "aseguró", "afirma", "afirmó", "sentencia",
           "sentenció", "repite", "repitió", "anuncia", "anunció"),
    "pt": ("diz", "disse", "pergunta", "perguntou", "respondeu", "gritou", "sussurrou",
           "murmurou", "explicou", "insistiu", "retruca", "retrucou", "exclamou", "avisa",
           "avisou", "completa", "completou"),
    "it": ("chiede", "chiese", "risponde", "rispose", "sussurra", "sussurrò", "aggiunge",
           "aggiunse", "mormora", "mormorò", "spiega", "spiegò", "grida", "gridò", "disse"),
}
# The pronoun before a saying verb that says to whom: "», lui dit Souleymane", "—le advierte".
SAYING_TO = {"fr": ("lui", "leur", "me", "te", "nous", "vous"),
             "es": ("le", "les", "me", "te", "nos", "se"), "pt": ("lhe", "lhes", "me", "te"),
             "it": ("gli", "le", "mi", "ti", "ci")}
_SAYING_TO = alt(SAYING_TO)
# The languages that set dialogue off with dashes, the verb after the second dash.
_SAYING_VERBS = alt(SAYING["es"], SAYING["pt"])
_SAID = alt(SAYING)


# Words after the speaker's name that say how ("quietly", "sans la regarder"), up to one
# that starts the next clause.
CLAUSE_START = {"en": ("and", "then", "as", "before", "while", "but"),
                "fr": ("et", "puis", "mais"), "de": ("und", "dann"), "es": ("y", "pero"),
                "it": ("e", "poi", "però"), "pt": ("e", "depois", "mas"),
                "nl": ("en", "maar")}
# (not Italian "ma", Dutch "dan": a speaker may be called Ma or Dan; dialogue.py reads this
# table as words that are never a name)
_MANNER = rf"(?:\s+(?!{alt(CLAUSE_START)}\b)[a-zà-ÿ'’\-]+){{0,4}}"


_OPEN, _CLOSE = "\"“«„‚", "\"”»“‘"


_NUMBER_NAMES = ("one two three four five six seven eight nine ten eleven twelve thirteen "
                 "fourteen fifteen sixteen seventeen eighteen nineteen twenty").split()





# Labels over a list of links to other articles: the lines under them are headlines.
LINK_LIST_LABELS = {
    "en": ("related", "related stories", "related articles", "related links",
           "related content", "read more", "see also", "also read", "more stories",
           "more like this", "recommended", "recommended for you", "you may also like",
           "you might also like", "most read", "most popular", "popular", "trending",
           "trending now", "latest", "up next", "topics", "explore more",
           "more on this story", "more from",
           # show notes' links
           "links mentioned", "links mentioned in this episode", "links from this episode",
           "links from the episode", "mentioned in this episode", "show links", "links"),
    "de": ("mehr zum thema", "lesen sie auch"),
    "fr": ("lire aussi", "à lire aussi", "voir aussi"),
    "es": ("lee también", "leer más"),
    "it": ("leggi anche",),
    "nl": ("lees ook",),
    "pt": ("leia também", "veja também", "saiba mais"),
}
_LINK_LIST_LABELS = phrases_of(LINK_LIST_LABELS)
# The same said before a colon, on the line of a link ("Read more: ...", "Lire aussi : ...").
LINK_LINE_LABELS = {
    "en": ("read more about", "read more", "related", "see also", "also read", "more",
           "watch", "recommended", "most read", "trending"),
    "fr": ("lire aussi", "à lire aussi", "voir aussi"),
    "de": ("mehr zum thema", "lesen sie auch", "auch interessant"),
    "es": ("lee también", "leer más", "ver también"),
    "it": ("leggi anche",),
    "nl": ("lees ook",),
}


_FURNITURE_HEADINGS = _LINK_LIST_LABELS | {
    "comments", "share this", "share", "advertisement", "ad", "sponsored", "sponsored content",
    "paid content", "promoted", "latest news", "newsletter", "tags"}


# A guide's cast list's heading: dropped with the list of "role – actor" under it.
CAST_HEADINGS = {"en": ("cast", "cast list", "main cast", "guest cast", "guest stars"),
                 "de": ("besetzung", "darsteller"), "fr": ("distribution",),
                 "es": ("reparto",), "it": ("cast", "interpreti"), "pt": ("elenco",),
                 "nl": ("cast", "rolverdeling", "rollen")}
_CAST_HEADINGS = phrases_of(CAST_HEADINGS)

# A page's table of contents: dropped with the list under it.
CONTENTS_HEADINGS = {"en": ("contents", "table of contents"),
                     "de": ("inhalt", "inhaltsverzeichnis"), "fr": ("sommaire",),
                     "es": ("índice",), "it": ("indice",)}
_CONTENTS_HEADINGS = phrases_of(CONTENTS_HEADINGS)


# Headings dropped with what they head: the furniture ones and a comment form's.
_DROPPED_HEADINGS = _FURNITURE_HEADINGS | _CONTENTS_HEADINGS | {"leave a comment",
                                                                  "leave a reply"}


# A button or call to action on its own line: a newsletter's "Subscribe now".
BUTTONS = {
    "en": ("subscribe", "subscribe now", "share", "share this post", "read in app",
           "open in app", "upgrade to paid", "give a gift subscription", "restack",
           "leave a comment", "sign up", "sign in", "log in", "download the app",
           "listen now", "print", "email", "tweet", "pin it", "copy link", "back to top",
           "continue reading", "show comments", "view comments", "load more", "keep reading",
           "listen to post", "listen to this post", "listen to this article",
           "type your email", "type your email...", "enter your email", "write a comment...",
           # a tracking site's buttons (its spoiler gate: "I can handle the truth.")
           "i can handle the truth", "show spoilers", "reveal spoilers", "show review",
           "view in browser", "view this post on the web", "view online", "hi friends",
           "hi all", "hi everyone", "hey everyone", "hey friends", "hello friends",
           "hello everyone", "dear readers", "hey y'all"),
    "fr": ("s'abonner", "partager"),
    "de": ("abonnieren", "teilen"),
    "es": ("suscríbete", "compartir"),
    "it": ("iscriviti", "condividi"),
}
_BUTTONS = phrases_of(BUTTONS)


# The line a blog's feed adds under each post (WordPress's SEO plugins): "The post X
# appeared first on Y.", "L'articolo X proviene da Y.": how it opens, and what it says.
FEED_FOOTER_OPENS = {
    "en": ("the post",), "it": ("l'articolo", "l’articolo"), "fr": ("l'article", "l’article",
                                                                     "le post"),
    "de": ("der beitrag",), "es": ("la entrada", "el artículo"), "pt": ("o post", "o artigo"),
    "nl": ("het bericht",),
}
FEED_FOOTER_SAYS = {
    "en": ("appeared first on",), "it": ("proviene da", "è apparso per la prima volta su"),
    "fr": ("est apparu en premier sur",), "de": ("erschien zuerst auf",),
    "es": ("se publicó primero en", "apareció primero en"),
    "pt": ("apareceu primeiro em",), "nl": ("verscheen eerst op",),
}

# Sections of a reference page that are not the recap: a wiki's notes and sources.
BACK_MATTER = {
    "en": ("references", "notes", "footnotes", "citations", "sources", "bibliography",
           "external links", "further reading", "see also", "notes and references",
           # a fan wiki's episode page, after the plot: its list of who and what appears
           # (its trivia is sentences about the episode, kept)
           "appearances", "gallery"),
    "fr": ("références", "apparitions"),
    "de": ("einzelnachweise", "weblinks", "auftritte"),
    "es": ("referencias", "enlaces externos", "apariciones"),
    "it": ("note", "collegamenti esterni", "apparizioni"),
    "pt": ("referências", "ligações externas", "aparições"),
    "nl": ("referenties", "bronnen", "externe links", "verschijningen"),
}
_BACK_MATTER = phrases_of(BACK_MATTER)

# A section a writer keeps for themselves in a note: dropped up to the next heading.
PERSONAL_NOTES = {
    "en": ("my notes", "notes to self", "note to self", "to do", "todo", "to-do",
           "personal notes", "my thoughts for later", "for later"),
    "fr": ("mes notes", "à faire", "notes perso"), "de": ("meine notizen", "zu erledigen"),
    "es": ("mis notas", "pendientes", "por hacer"), "it": ("le mie note", "da fare"),
    "pt": ("minhas notas", "a fazer"),
}
_PERSONAL_NOTES = phrases_of(PERSONAL_NOTES)


# Words that say a line is about when the page went up: "Updated March 3", "Publié le ...".
DATED = {
    "en": ("posted", "published", "updated", "last updated", "last modified",
           "first published", "originally published",
           "last update", "watched", "rewatched", "reviewed",
           "aired", "air date", "airdate", "modified"),
    "fr": ("publié", "mis à jour"), "de": ("veröffentlicht", "aktualisiert"),
    "es": ("publicado", "actualizado"), "it": ("pubblicato", "aggiornato"),
    "nl": ("gepubliceerd", "bijgewerkt"),
}
# The word before the date after those: "on", "le", "am", "el", "il", "op"
DATED_ON = {"en": ("on", "at"), "fr": ("le",), "de": ("am",), "es": ("el",), "it": ("il",),
            "nl": ("op",)}

# How a byline names its writer: "By Ana Ruiz", "Par ...", "Von ...".
BY = {"en": ("by",), "fr": ("par",), "de": ("von",), "es": ("por",), "it": ("di",),
      "nl": ("door",)}

# A sponsor's section of a newsletter or show notes, as its heading says it: "SPONSOR",
# "This issue is brought to you by" (the heading and the read under it are left out).
SPONSOR_HEADINGS = {
    "en": ("sponsor", "sponsors", "our sponsor", "our sponsors", "today's sponsor",
           "this week's sponsor", "sponsored by", "brought to you by", "a word from our sponsor",
           "a word from our sponsors", "this issue is brought to you by",
           "this episode is brought to you by", "this week's issue is brought to you by",
           "thanks to our sponsor", "thanks to our sponsors"),
    "fr": ("partenaire", "nos partenaires", "sponsorisé par", "avec le soutien de"),
    "de": ("sponsor", "präsentiert von", "unterstützt von", "werbung"),
    "es": ("patrocinador", "patrocinadores", "patrocinado por"),
    "it": ("sponsor", "sponsorizzato da"),
}
# How a sponsor read opens, without a heading: "This episode is supported by Quillfeather".
SPONSOR_READ_OPENS = {
    "en": ("this episode is supported by", "this episode is brought to you by",
           "this episode is sponsored by", "this episode is presented by",
           "this issue is brought to you by", "this issue is sponsored by",
           "this newsletter is sponsored by", "this newsletter is brought to you by",
           "this post is sponsored by", "this week's episode is brought to you by",
           "today's episode is brought to you by", "support for this episode comes from",
           "support for this podcast comes from", "today's sponsor is",
           "this week's sponsor is"),
    "fr": ("cet épisode est sponsorisé par", "cet épisode vous est présenté par"),
    "de": ("diese folge wird präsentiert von", "diese folge wird unterstützt von"),
    "es": ("este episodio está patrocinado por", "este episodio es posible gracias a"),
}


# A read-time line: "7 min read", "Lesezeit: 4 Minuten", "5 minutos de lectura".
READ_TIME_AFTER = {"en": ("read", "reading time"), "fr": ("de lecture",),
                   "es": ("de lectura",), "it": ("di lettura",), "nl": ("leestijd",),
                   "de": ("lesezeit",), "pt": ("de leitura",), "sv": ("läsning", "lästid")}
READ_TIME_BEFORE = {"de": ("lesezeit",), "fr": ("temps de lecture", "lecture de"),
                    "es": ("tiempo de lectura", "lectura de"),
                    "it": ("tempo di lettura", "lettura di"), "nl": ("leestijd",),
                    "en": ("reading time", "read time", "time to read"),
                    "pt": ("tempo de leitura",), "sv": ("lästid",)}

# A spoiler warning: a word that opens it, or one inside it ("Spoilers ahead").
SPOILER_OPENS = {
    "en": ("warning", "spoiler", "caution", "note", "heads up", "fair warning", "beware",
           "full", "attention"),
    "de": ("achtung", "vorsicht"), "es": ("atención", "cuidado", "aviso"),
    "it": ("attenzione",), "fr": ("attention", "avertissement"),
    "pt": ("atenção", "aviso", "alerta"), "nl": ("let op", "waarschuwing"),
    "sv": ("varning",),
}
SPOILER_SAYS = {
    "en": ("ahead", "contain", "contains", "below", "alert", "warning", "follow", "discuss",
           "discusses", "discussed", "you've been warned", "be warned"),
    "fr": ("contient",), "de": ("enthält",), "es": ("contiene",), "it": ("contiene",),
    "pt": ("contém",), "nl": ("bevat",), "sv": ("innehåller",),
}
# What a spoiler warning tells a reader who has not watched yet: "If you haven't watched
# yet, bookmark this and come back." (a sentence of the warning, not of the story)
NOT_WATCHED = {
    "en": ("if you haven't watched", "if you haven't seen", "if you haven't caught up",
           "if you're not caught up", "bookmark this", "come back later", "come back when"),
    "es": ("si no has visto", "si aún no has visto", "si todavía no has visto"),
    "fr": ("si vous n'avez pas vu", "si vous n'avez pas encore vu", "si tu n'as pas vu"),
    "de": ("wer die folge noch nicht gesehen hat", "falls ihr die folge noch nicht",
           "wenn du die folge noch nicht"),
    "it": ("se non avete visto", "se non hai visto", "se non hai ancora visto"),
    "pt": ("se você não assistiu", "se ainda não assistiu", "se ainda não viu"),
}
# A warning that says what the text gives away, without the word "spoiler": "Dieser Text
# verrät Details zur fünften Folge", "Attention, cet article dévoile des éléments clés".
REVEALS_WARNING = {"en": ("warning",), "de": ("achtung", "vorsicht"), "fr": ("attention",),
                   "es": ("atención",), "it": ("attenzione",), "pt": ("aviso",)}
REVEALS_SUBJECT = {
    "en": ("this article", "this recap", "this review", "this post"),
    "de": ("dieser text", "dieser artikel", "dieser beitrag"),
    "fr": ("cet article", "ce texte"), "es": ("este artículo", "este texto"),
    "it": ("questo articolo", "questo testo"), "pt": ("este artigo", "este texto"),
}
REVEALS_VERB = {
    "en": ("reveals", "gives away"), "de": ("verrät", "enthält"),
    "fr": ("dévoile", "révèle", "contient"), "es": ("revela", "desvela", "contiene"),
    "it": ("rivela", "contiene"), "pt": ("contém",),
}

# The comments under a recap, as their heading says it: "412 Comments", "Kommentare".
COMMENTS = {"en": ("comment", "comments", "replies", "responses"),
            "de": ("kommentar", "kommentare"), "fr": ("commentaire", "commentaires"),
            "es": ("comentario", "comentarios"), "it": ("commento", "commenti"),
            "pt": ("comentário", "comentários")}

# "Share this article": a share line, in the words of each language.
SHARE_VERB = {"en": ("share",), "es": ("comparte", "compartir"),
              "fr": ("partagez", "partager"), "de": ("teilen sie",), "it": ("condividi",)}
SHARE_THIS = {"en": ("this",), "es": ("este", "esta"), "fr": ("cet", "cette"),
              "de": ("diesen", "diese"), "it": ("questo", "questa")}
SHARE_WHAT = {"en": ("article", "story", "post", "recap"), "es": ("artículo", "nota"),
              "de": ("artikel", "beitrag"), "it": ("articolo",)}

# An invitation to comment or share, in a line of its own (English ones are in
# ``patterns._CALL_TO_ACTION``): "... en commentaire !", "¡Compártela!".
INVITES = {
    "fr": ("en commentaire", "en commentaires",
           "dans les commentaires", "laissez un commentaire", "partagez cet article"),
    "es": ("en los comentarios", "déjanos un comentario", "deja tu comentario",
           "compártela", "compártelo", "comparte este", "comparte esta"),
    "de": ("in den kommentaren", "schreiben sie es uns", "teilen sie diesen"),
    "it": ("nei commenti", "lascia un commento", "condividi questo", "condividi questa"),
    "pt": ("nos comentários", "deixe um comentário", "deixe seu comentário",
           "deixe o seu comentário", "compartilhe este", "compartilhe esta",
           "compartilhe com"),
    "nl": ("in de reacties", "laat een reactie achter", "deel dit artikel", "deel deze"),
}
# A writer's bio under the recap and its "follow" line, in the words of each language:
# "Ana Ruiz writes about TV for The Daily Glow. Follow her on Bluesky."
WRITER_BIO = {
    "en": ("writes about tv", "writes about television", "covers tv", "covers television",
           "writes about film and tv", "writes about movies and tv", "is a tv critic",
           "is a television critic", "follow her on", "follow him on", "follow them on"),
    "es": ("escribe sobre televisión", "escribe sobre series", "escribe sobre tv",
           "es crítica de televisión", "es crítico de televisión", "síguela en", "síguelo en"),
    "fr": ("écrit sur les séries", "écrit sur la télévision", "écrit sur la télé",
           "suivez-la sur", "suivez-le sur"),
    "de": ("schreibt über serien", "schreibt über fernsehen", "schreibt über tv",
           "folgen sie ihr auf", "folgen sie ihm auf"),
    "it": ("scrive di serie tv", "scrive di televisione", "scrive di tv", "seguila su",
           "seguilo su"),
    "pt": ("escreve sobre séries", "escreve sobre televisão", "escreve sobre tv",
           "siga-a no", "siga-o no"),
}
# An invitation to pass the recap on, closing it: "Did you enjoy this recap? Share it with
# a friend!"
SHARE_INVITES = {
    "en": ("share it with a friend", "share this with a friend", "share it with someone",
           "share this recap with", "did you enjoy this recap", "enjoyed this recap?",
           "if you enjoyed this recap", "if you liked this recap"),
    "es": ("compártelo con", "compártela con", "¿te gustó este resumen", "¿te ha gustado"),
    "fr": ("partagez-le", "partagez-la", "vous avez aimé ce récap", "vous avez aimé ce résumé",
           "vous avez aimé cet article"),
    "de": ("teile ihn mit", "teilen sie ihn mit", "hat ihnen dieser", "hat dir dieser"),
    "it": ("condividilo con", "condividila con", "ti è piaciuto questo"),
    "pt": ("compartilhe com", "gostou deste resumo", "gostou desta análise"),
}
# The networks a share line names: "Facebook · X · WhatsApp · Telegram".
SOCIAL_NETWORKS = ("facebook", "x", "twitter", "whatsapp", "telegram", "linkedin", "reddit",
                   "pinterest", "bluesky", "threads", "email", "e-mail", "mastodon", "tumblr",
                   "flipboard", "messenger", "copy link", "copier le lien", "copiar enlace")
# A tag list's label: "Tags:", "Etiquetas:", "Mots-clés :".
TAG_LABELS = {"en": ("tags", "tag", "tagged", "tagged with", "tagged as", "topics", "topic",
                     "labels", "label", "filed under", "filed in", "category", "categories",
                     "posted in"),
              "es": ("etiquetas", "temas", "archivado en", "categoría", "categorías"),
              "fr": ("mots-clés", "mots clés", "étiquettes", "thèmes", "sujets", "catégorie",
                     "catégories", "classé dans"),
              "de": ("schlagwörter", "stichwörter", "themen", "kategorie", "kategorien"),
              "it": ("etichette", "argomenti", "categoria", "categorie", "archiviato in"),
              "pt": ("etiquetas", "marcadores", "tópicos", "categoria", "categorias",
                     "arquivado em"),
              "nl": ("tags", "categorie", "categorieën", "onderwerpen")}
# How a byline says what the writer did before "by": "Posted by", "Publicado por".
BYLINE_VERBS = {"en": ("written", "posted", "words", "recap", "recapped", "review", "reviewed",
                       "live-blogged", "liveblogged", "live updates", "updates", "coverage",
                       "reporting", "story", "text", "photo", "photos"),
                "nl": ("geschreven", "gepubliceerd"),
                "es": ("publicado", "escrito", "reseña"), "fr": ("publié", "écrit"),
                "de": ("veröffentlicht", "geschrieben"), "it": ("pubblicato", "scritto"),
                "pt": ("publicado", "escrito")}
# "An earlier version of this recap misstated ...": a correction under the article.
CORRECTIONS = {
    "en": ("an earlier version of this", "a previous version of this",
           "this article has been corrected", "this article has been updated",
           "this recap has been corrected", "this recap has been updated",
           "this story has been corrected", "this story has been updated"),
    "fr": ("une version précédente de cet article", "une précédente version de cet article",
           "rectificatif", "erratum"),
    "es": ("una versión anterior de este artículo", "fe de erratas"),
    "de": ("in einer früheren version dieses artikels", "korrektur"),
    "it": ("una versione precedente di questo articolo", "rettifica"),
    "pt": ("uma versão anterior deste", "errata"),
}
# A forum's or a social site's action links, a line of them: "Reply Share Report".
FORUM_ACTIONS = {
    "en": ("reply", "share", "save", "report", "award", "give award", "hide", "permalink",
           "embed", "more replies", "continue this thread", "upvote", "downvote", "vote",
           "follow", "like", "quote", "thanks"),
    "es": ("responder", "compartir", "guardar", "denunciar", "citar", "me gusta"),
    "fr": ("répondre", "partager", "signaler", "citer", "j'aime"),
    "de": ("antworten", "teilen", "melden", "zitieren", "gefällt mir", "speichern"),
    "it": ("rispondi", "condividi", "segnala", "cita", "mi piace", "salva"),
    "pt": ("responder", "compartilhar", "denunciar", "citar", "curtir", "salvar"),
    "nl": ("reageren", "delen", "rapporteren", "citeren", "opslaan"),
}
# The word "spoiler" in each language (most borrow the English one).
SPOILER_WORDS = {"en": ("spoiler", "spoilers", "spoiling", "spoils"),
                 "fr": ("spoiler", "spoilers", "divulgâcheur", "divulgâcheurs"),
                 "es": ("spoiler", "spoilers", "destripe", "destripes"),
                 "de": ("spoiler", "spoilern"), "it": ("spoiler",),
                 "pt": ("spoiler", "spoilers"), "nl": ("spoiler", "spoilers")}

# Site furniture by sort, in the words of each language: an ad slot's label, a poll, a
# copyright line, where to watch, a photo's credit label ("Foto: dpa").
ADVERTISEMENT = {"en": ("advertisement", "sponsored"),
                 "es": ("publicidad", "anuncio", "patrocinado"),
                 "fr": ("publicité", "sponsorisé"), "de": ("anzeige", "gesponsert"),
                 "it": ("pubblicità", "sponsorizzato"),
                 "pt": ("publicidade", "anúncio", "patrocinado"),
                 "nl": ("advertentie", "gesponsord"), "sv": ("annons", "sponsrat")}
POLL = {"en": ("poll",), "es": ("encuesta",), "fr": ("sondage",), "de": ("umfrage",),
        "it": ("sondaggio",), "pt": ("enquete",), "nl": ("peiling",), "sv": ("omröstning",)}
COPYRIGHT = {"en": ("copyright", "all rights reserved"),
             "es": ("todos los derechos reservados",), "fr": ("tous droits réservés",),
             "de": ("alle rechte vorbehalten",), "it": ("tutti i diritti riservati",),
             "pt": ("todos os direitos reservados",), "nl": ("alle rechten voorbehouden",),
             "sv": ("alla rättigheter förbehållna",)}
WHERE_TO_WATCH = {
    "en": ("where to watch", "where to stream", "where to buy", "streaming on",
           "available on", "available to stream on"),
    "es": ("dónde ver", "dónde verla", "disponible en"),
    "fr": ("où regarder", "où la regarder", "disponible sur"),
    "de": ("wo streamen", "wo schauen", "verfügbar bei", "verfügbar auf"),
    "it": ("dove vedere", "dove guardarla", "disponibile su"),
    "pt": ("onde assistir", "disponível em", "disponível na"),
    "nl": ("waar te zien", "waar kijken", "te zien op"),
    "sv": ("var kan man se", "finns på"),
}
PHOTO_LABELS = {"en": ("photo", "image", "photograph", "picture", "video"),
                "es": ("foto", "imagen", "fotografía"), "fr": ("photo", "crédit photo"),
                "de": ("foto", "bild"), "it": ("foto", "immagine"),
                "pt": ("foto", "imagem", "crédito da foto"), "nl": ("foto", "beeld"),
                "sv": ("foto", "bild")}
# A site's account links, in its menu: "Sign in", "Iniciar sesión", "Anmelden".
ACCOUNT_LINKS = {
    "en": ("sign in", "log in", "login", "sign up", "create account", "create an account",
           "register", "my account"),
    "es": ("iniciar sesión", "regístrate", "registrarse", "mi cuenta", "crear cuenta"),
    "fr": ("se connecter", "connexion", "s'inscrire", "mon compte", "créer un compte"),
    "de": ("anmelden", "einloggen", "registrieren", "mein konto", "konto erstellen"),
    "it": ("accedi", "registrati", "il mio account", "crea account"),
    "pt": ("cadastre-se", "minha conta", "criar conta", "fazer login"),
    "nl": ("inloggen", "registreren", "mijn account", "account aanmaken"),
}
# Words that say a spoiler warning speaks of the recap, not the plot ("Achtung, Spoiler:
# Dieser Text enthält Details zur Folge"), and a "but" that says it goes on to tell more.
RECAP_WORDS = {
    "en": ("recap", "review", "article", "post", "episode", "episodes", "season", "finale",
           "premiere", "series"),
    "es": ("reseña", "resumen", "artículo", "episodio", "capítulo", "temporada"),
    "fr": ("récap", "récapitulatif", "article", "épisode", "saison"),
    "de": ("rezension", "artikel", "dieser text", "folge", "staffel"),
    "it": ("recensione", "articolo", "episodio", "puntata", "stagione"),
    "pt": ("resenha", "resumo", "artigo", "episódio", "temporada"),
    "nl": ("recensie", "artikel", "aflevering", "seizoen"),
}
BUT = {"en": ("but",), "es": ("pero",), "fr": ("mais",), "de": ("aber",), "it": ("ma", "però"),
       "pt": ("mas", "porém"), "nl": ("maar",), "sv": ("men",)}

PHRASE_TABLES = {
    "saying verbs": SAYING, "clause starts": CLAUSE_START, "link-list labels": LINK_LIST_LABELS,
    "link labels": LINK_LINE_LABELS, "contents headings": CONTENTS_HEADINGS,
    "buttons": BUTTONS, "back matter": BACK_MATTER, "dated": DATED, "byline by": BY,
    "read time": {k: READ_TIME_AFTER.get(k, ()) + READ_TIME_BEFORE.get(k, ())
                  for k in LANGUAGES},
    "spoiler words": {k: SPOILER_OPENS.get(k, ()) + SPOILER_SAYS.get(k, ())
                      for k in LANGUAGES},
    "reveals": {k: REVEALS_SUBJECT.get(k, ()) + REVEALS_VERB.get(k, ()) for k in LANGUAGES},
    "comments": COMMENTS, "share": SHARE_VERB, "personal notes": PERSONAL_NOTES,
    "saying to": SAYING_TO, "invitations": INVITES, "tag labels": TAG_LABELS,
    "byline verbs": BYLINE_VERBS, "corrections": CORRECTIONS,
    "not watched yet": NOT_WATCHED, "writer bios": WRITER_BIO,
    "share invitations": SHARE_INVITES,
    "sponsor headings": SPONSOR_HEADINGS, "sponsor reads": SPONSOR_READ_OPENS,
    "forum actions": FORUM_ACTIONS, **CLOSING_TABLES,
    "spoiler": SPOILER_WORDS, "advertisement": ADVERTISEMENT, "poll": POLL,
    "copyright": COPYRIGHT, "where to watch": WHERE_TO_WATCH, "photo labels": PHOTO_LABELS,
    "account links": ACCOUNT_LINKS, "recap words": RECAP_WORDS, "but": BUT,
    **SECTION_TABLES, **TIME_TABLES,
}
"""Every per-language table, by concept: ``coverage(PHRASE_TABLES)`` counts them."""


_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "il", "elle", "ils", "elles", "on",
             "er", "sie", "es", "wir", "ihr", "someone", "everyone", "nobody", "somebody"}


_ORDINAL_WORDS = {w: n for n, w in enumerate(
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth "
    "twentieth".split())}
