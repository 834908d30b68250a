"""What closes a recap, per language, as data: a sign-off ("Thanks for reading!", "¡Gracias
por leer!"), the verbs that make such words a line of the story instead, the writer's
signature under it, and the comment form under the recap. ``patterns.py`` and
``closing.py`` build their patterns from these.

Pure data: nothing here imports the rest of the recogniser (``phrases.PHRASE_TABLES``
counts these tables with the others)."""

from __future__ import annotations

# A sign-off closing the recap: "Thanks for reading!", "¡Gracias por leer!", "Bis nächste
# Woche!" (more English ones, with their objects, are in ``patterns._SIGN_OFF``).
SIGN_OFFS = {
    "en": ("thanks for reading", "thank you for reading", "see you next week",
           "until next week", "until next time"),
    "es": ("gracias por leer", "gracias por leerme", "nos vemos la próxima semana",
           "nos vemos la semana que viene", "hasta la próxima semana",
           "hasta la semana que viene"),
    "fr": ("merci de m'avoir lu", "merci d'avoir lu", "merci pour votre lecture",
           "à la semaine prochaine", "rendez-vous la semaine prochaine"),
    "de": ("danke fürs lesen", "danke für's lesen", "vielen dank fürs lesen",
           "bis nächste woche", "bis zur nächsten woche", "bis zum nächsten mal"),
    "it": ("grazie per aver letto", "grazie per la lettura", "alla prossima settimana",
           "ci vediamo la prossima settimana"),
    "pt": ("obrigado por ler", "obrigada por ler", "obrigado pela leitura",
           "obrigada pela leitura", "até a próxima semana", "até semana que vem"),
    "nl": ("bedankt voor het lezen", "dank voor het lezen", "tot volgende week",
           "tot de volgende keer"),
    "sv": ("tack för att du läste", "vi ses nästa vecka"),
}
# A verb that makes a sentence with a sign-off's words the story's ('Thanks for reading,
# Theo says flatly.'); writing verbs are not among them, a writer's bio has them.
TOLD = {
    "en": ("says", "said", "mutters", "muttered", "captions", "captioned", "tells", "told",
           "asks", "asked", "writes", "wrote", "posts", "posted", "types", "typed", "reads",
           "shouts", "whispers"),
    "es": ("dice", "dijo", "responde", "respondió", "pregunta", "preguntó", "grita",
           "susurra", "murmura"),
    "fr": ("dit", "répond", "demande", "murmure", "crie", "chuchote", "lance"),
    "de": ("sagt", "sagte", "fragt", "fragte", "ruft", "flüstert", "murmelt"),
    "it": ("dice", "disse", "risponde", "chiede", "sussurra", "mormora"),
    "pt": ("diz", "disse", "responde", "pergunta", "sussurra", "murmura"),
    "nl": ("zegt", "zei", "vraagt", "roept", "fluistert"),
}
# How a writer signs under a sign-off: "Cheers, Tom", "Un abrazo, Lucía", "Bises, Claire".
SIGNATURES = {
    "en": ("cheers", "best", "love", "thanks", "talk soon", "see you", "until next time"),
    "es": ("saludos", "un abrazo", "abrazos", "besos", "gracias", "hasta pronto"),
    "fr": ("bises", "amitiés", "merci", "à bientôt", "à plus"),
    "de": ("grüße", "liebe grüße", "viele grüße", "danke", "bis bald"),
    "it": ("saluti", "un abbraccio", "baci", "grazie", "a presto"),
    "pt": ("abraços", "um abraço", "beijos", "obrigado", "obrigada", "até mais"),
    "nl": ("groetjes", "groeten", "bedankt", "tot snel"),
}
# The comment form under a recap, as a line of its own: what ends the recap (a blog
# platform's own wording in each language: "Leave a Reply", "Deja una respuesta").
COMMENT_FORMS = {
    "en": ("leave a reply", "join the discussion", "add a comment", "post a comment",
           "comments are closed", "what are your thoughts", "what are your thoughts?"),
    "es": ("deja una respuesta", "deja un comentario", "los comentarios están cerrados"),
    "fr": ("laisser un commentaire", "laisser une réponse", "les commentaires sont fermés"),
    "de": ("schreibe einen kommentar", "hinterlasse einen kommentar",
           "kommentar verfassen", "die kommentare sind geschlossen"),
    "it": ("lascia un commento", "lascia una risposta", "i commenti sono chiusi"),
    "pt": ("deixe uma resposta", "deixe um comentário", "comentários encerrados"),
    "nl": ("geef een reactie", "laat een reactie achter", "reacties zijn gesloten"),
    "sv": ("lämna ett svar", "lämna en kommentar"),
}

CLOSING_TABLES = {"sign-offs": SIGN_OFFS, "told": TOLD, "signatures": SIGNATURES,
                  "comment forms": COMMENT_FORMS}
"""The tables of this module, by concept, for ``phrases.PHRASE_TABLES``."""
