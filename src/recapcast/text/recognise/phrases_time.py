"""Words of dates, times and ages, per language, as data: month and weekday names, the
words a date line puts around them, a post's age ("3 hours ago", "hace 3 horas"), a read
time's minutes, a schedule's weekdays. ``patterns.py`` builds its date, age, read-time and
air-time patterns from these; their structure (digits, order, punctuation) stays generic.

Pure data: nothing here imports the rest of the recogniser (``phrases.PHRASE_TABLES``
counts these tables with the others)."""

from __future__ import annotations

# Month names, and the abbreviations a date line writes ("Mar. 3", "3 févr. 2027"). Three-
# letter abbreviations that are everyday words (Portuguese "out", Italian "set", "gen") are
# left out: the full name is what a page prints beside a year.
MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "setiembre", "octubre", "noviembre", "diciembre"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"),
    "de": ("Januar", "Jänner", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
           "September", "Oktober", "November", "Dezember"),
    "it": ("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
           "settembre", "ottobre", "novembre", "dicembre"),
    "pt": ("janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto",
           "setembro", "outubro", "novembro", "dezembro"),
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"),
    "sv": ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
           "september", "oktober", "november", "december"),
}
MONTHS_SHORT = {
    "en": ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
           "Dec"),
    "es": ("ene", "feb", "abr", "jun", "jul", "ago", "sept", "oct", "nov", "dic"),
    "fr": ("janv", "févr", "avr", "juil", "sept", "oct", "nov", "déc"),
    "de": ("Jan", "Feb", "Mär", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Okt", "Nov",
           "Dez"),
    "it": ("feb", "mar", "apr", "mag", "giu", "lug", "ago", "ott", "nov", "dic"),
    "pt": ("jan", "fev", "abr", "jun", "jul", "ago", "dez"),
    "nl": ("jan", "feb", "mrt", "apr", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
}

# When a show airs, said weekly: "tous les jeudis à 21h10", "every Thursday at 9 p.m.";
# and the weekday a date line opens with ("Tuesday, March 3, 2027", "mardi 3 mars 2027").
WEEKDAYS = {
    "en": ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "es": ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
    "de": ("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"),
    "it": ("lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"),
    "pt": ("segunda", "terça", "quarta", "quinta", "sexta", "sábado", "domingo"),
    "nl": ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
    "sv": ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"),
}
# A weekday as a date line abbreviates it ("Tue, Mar 3", "Di., 3. März"): only before a
# date, never alone.
WEEKDAYS_SHORT = {
    "en": ("mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun"),
    "fr": ("lun", "mer", "jeu", "ven", "sam", "dim"),
    "es": ("lun", "mié", "jue", "vie", "sáb", "dom"),
    "de": ("mo", "di", "mi", "do", "fr", "sa", "so"),
    "it": ("lun", "mer", "gio", "ven", "sab", "dom"),
    "pt": ("seg", "ter", "qua", "qui", "sex", "sáb", "dom"),
    "nl": ("ma", "di", "wo", "do", "vr", "za", "zo"),
}
EVERY = {"en": ("every",), "fr": ("tous les", "chaque"), "es": ("todos los", "cada"),
         "de": ("jeden",), "it": ("ogni", "tutti i"), "pt": ("todas as", "todos os", "às"),
         "nl": ("elke", "iedere"), "sv": ("varje",)}

# The word between a day and its month and year: "15 de outubro de 2023".
DATE_OF = {"es": ("de",), "pt": ("de",)}
# A day's ordinal mark after its number: "March 3rd", "1er mars", "1º de maio".
DAY_MARKS = {"en": ("st", "nd", "rd", "th"), "fr": ("er",), "es": ("º",), "pt": ("º",),
             "it": ("º",)}
# The word before a date line's time: "March 3 at 10:15", "3. März um 10:15 Uhr".
DATE_AT = {"en": ("at",), "fr": ("à",), "de": ("um",), "es": ("a las",), "pt": ("às",),
           "it": ("alle", "ore"), "nl": ("om",), "sv": ("kl.", "klockan")}
# The word after a clock time that says it is one: "10:15 Uhr", "21.00 uur".
CLOCK_AFTER = {"de": ("uhr",), "nl": ("uur",)}

# A post's age as forums and social sites show it: "3 hours ago", "hace 3 horas", "vor 3
# Stunden", "3 ore fa": the units, the word before or after, and a whole line of its own.
AGE_UNITS = {
    "en": ("s", "m", "h", "d", "w", "mo", "y", "yr", "min", "mins", "minute", "minutes",
           "hr", "hrs", "hour", "hours", "day", "days", "week", "weeks", "month", "months",
           "year", "years"),
    "es": ("minuto", "minutos", "hora", "horas", "día", "días", "semana", "semanas", "mes",
           "meses", "año", "años"),
    "fr": ("minute", "minutes", "heure", "heures", "jour", "jours", "semaine", "semaines",
           "mois", "an", "ans", "année", "années"),
    "de": ("minute", "minuten", "stunde", "stunden", "std", "tag", "tagen", "woche",
           "wochen", "monat", "monaten", "jahr", "jahren"),
    "it": ("minuto", "minuti", "ora", "ore", "giorno", "giorni", "settimana", "settimane",
           "mese", "mesi", "anno", "anni"),
    "pt": ("minuto", "minutos", "hora", "horas", "dia", "dias", "semana", "semanas", "mês",
           "meses", "ano", "anos"),
    "nl": ("minuut", "minuten", "uur", "dag", "dagen", "week", "weken", "maand", "maanden",
           "jaar"),
    "sv": ("minut", "minuter", "timme", "timmar", "dag", "dagar", "vecka", "veckor",
           "månad", "månader", "år"),
}
AGO_BEFORE = {"es": ("hace",), "fr": ("il y a",), "de": ("vor",), "pt": ("há",),
              "sv": ("för",)}
AGO_AFTER = {"en": ("ago",), "it": ("fa",), "nl": ("geleden",), "sv": ("sedan",)}
AGE_WORDS = {"en": ("yesterday", "just now", "edited"), "es": ("ayer", "editado"),
             "fr": ("hier", "à l'instant", "modifié"), "de": ("gestern", "gerade eben",
                                                           "bearbeitet"),
             "it": ("ieri", "modificato"), "pt": ("ontem", "editado"),
             "nl": ("gisteren", "zojuist", "bewerkt"), "sv": ("igår", "redigerad")}

# A read time's minutes: "7 min read", "5 minutos de lectura", "Lesezeit: 4 Minuten".
MINUTES = {"en": ("min", "mins", "minute", "minutes"), "es": ("minutos",),
           "fr": ("minutes",), "de": ("minute", "minuten"), "it": ("minuti",),
           "pt": ("minutos",), "nl": ("minuten",), "sv": ("minuter",)}

# The seasons of the year a fan site dates its posts by: "Spring 2027 season".
YEAR_SEASONS = {
    "en": ("spring", "summer", "fall", "autumn", "winter"),
    "es": ("primavera", "verano", "otoño", "invierno"),
    "fr": ("printemps", "été", "automne", "hiver"),
    "de": ("frühling", "frühjahr", "sommer", "herbst", "winter"),
    "it": ("primavera", "estate", "autunno", "inverno"),
    "pt": ("primavera", "verão", "outono", "inverno"),
    "nl": ("lente", "voorjaar", "zomer", "herfst", "najaar", "winter"),
}

TIME_TABLES = {
    "months": MONTHS, "month abbreviations": MONTHS_SHORT, "weekdays": WEEKDAYS,
    "weekday abbreviations": WEEKDAYS_SHORT,
    "every": EVERY, "date at": DATE_AT, "post age units": AGE_UNITS,
    "post age words": {k: AGO_BEFORE.get(k, ()) + AGO_AFTER.get(k, ()) + AGE_WORDS.get(k, ())
                       for k in set(AGO_BEFORE) | set(AGO_AFTER) | set(AGE_WORDS)},
    "minutes": MINUTES, "year seasons": YEAR_SEASONS,
}
"""The tables of this module, by concept, for ``phrases.PHRASE_TABLES``."""
