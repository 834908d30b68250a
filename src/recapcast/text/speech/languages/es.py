"""Spanish: its words around numbers, feminine hours ("las veintiuna y cuarto"), dates with
"de", and numbers and ordinals that agree with the noun they count."""

from __future__ import annotations

import re

from recapcast.text.speech.languages.base import Language, Reader, regnal_to_ten

WORDING = dict(
    words={
        "percent": "por ciento", "to": "a", "and": "y", "plus": "más", "equals": "igual a",
        "minus": "menos", "number": "número", "versus": "contra", "about": "unos",
        "season": "temporada", "episode": "episodio", "episodes": "episodios",
        "page": "página", "pages": "páginas", "out of": "de", "dot": "punto", "at": "arroba",
        "half": "medio", "a half": "y medio", "one half": "un medio", "of": "de",
        "the": "", "hours": "horas", "minutes": "minutos", "seconds": "segundos",
        "hour": "hora", "minute": "minuto", "second": "segundo", "o'clock": "en punto",
        "hashtag": "",
        "in the words of": "En palabras de",
        "thanks for listening to": "Gracias por escuchar",
    },
    abbreviations={
        "Dr.": "doctor", "Dra.": "doctora", "Sr.": "señor", "Sra.": "señora",
        "Srta.": "señorita", "Dña.": "doña", "Ud.": "usted", "Uds.": "ustedes",
        "vs.": "contra", "etc.": "etcétera", "aprox.": "aproximadamente", "pág.": "página",
        "núm.": "número", "Nº": "número", "n.º": "número", "Avda.": "avenida",
        "Prof.": "profesor", "Profa.": "profesora", "Cap.": "capítulo",
        "EE. UU.": "Estados Unidos", "EE.UU.": "Estados Unidos", "EEUU": "Estados Unidos",
        "Sto.": "santo", "Sta.": "santa", "Av.": "avenida", "sáb.": "sábado",
        "dom.": "domingo", "lun.": "lunes", "mié.": "miércoles", "jue.": "jueves",
        "vie.": "viernes",
    },
    month_names=tuple("enero febrero marzo abril mayo junio julio agosto septiembre octubre "
                      "noviembre diciembre".split()),
    units={
        "km": ("kilómetro", "kilómetros"), "m": ("metro", "metros"),
        "cm": ("centímetro", "centímetros"), "kg": ("kilo", "kilos"),
        "g": ("gramo", "gramos"), "km/h": ("kilómetro por hora", "kilómetros por hora"),
        "mph": ("milla por hora", "millas por hora"), "min": ("minuto", "minutos"),
        "h": ("hora", "horas"), "ghz": ("gigahercio", "gigahercios"),
        "mhz": ("megahercio", "megahercios"), "gb": ("gigabyte", "gigabytes"),
        "mb": ("megabyte", "megabytes"), "l": ("litro", "litros"),
        "ml": ("mililitro", "mililitros"),
        "°c": ("grado centígrado", "grados centígrados"), "°": ("grado", "grados"),
    },
    fractions={2: ("medio", "medios"), 3: ("tercio", "tercios"), 4: ("cuarto", "cuartos")},
)

_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)\b")
_ORDINAL_ER = re.compile(r"\b(\d{1,3})\.?er\b")
# Words after a number that are not the noun it counts.
_NOT_NOUNS = {"de", "del", "y", "o", "a", "al", "en", "por", "para", "con", "sin", "que",
              "es", "son", "más", "menos", "tras", "las", "los", "sus", "mis", "tus",
              "nos", "les", "pues", "veces", "dos", "tres", "seis", "diez", "doce",
              "millones", "horas"}
_MASCULINE_A = {"días", "problemas", "programas", "mapas", "temas", "sistemas",
                "planetas", "idiomas", "climas", "dramas", "poemas", "esquemas", "dilemas",
                "cometas", "tranvías", "sofás", "papás", "guardias", "policías", "pilotas"}
_FEMININE = {"veces", "mujeres", "noches", "partes", "calles", "llaves", "naves",
             "clases", "fases", "series", "especies", "imágenes", "flores", "manos",
             "gentes", "muertes", "torres", "madres", "redes", "leyes", "voces", "luces",
             "cruces", "fuentes", "frases", "mieses", "sedes", "suertes", "carnes"}
# Words a number after which is a label, not a count: "la temporada 1 termina".
_LABELS = {"el", "la", "los", "las", "temporada", "episodio", "capítulo", "parte", "número",
           "nivel", "ronda", "fase", "acto", "puesto", "página", "minuto", "día", "año",
           "semana", "juego", "partido", "lugar", "sala", "puerta", "casilla", "nº"}
_MASCULINE_A_SINGULAR = {w[:-1] for w in _MASCULINE_A} | {"día", "mapa", "sofá", "papá"}
_FEMININE_SINGULAR = {"mujer", "noche", "parte", "calle", "llave", "nave", "clase", "fase",
                      "serie", "especie", "imagen", "flor", "mano", "gente", "muerte",
                      "torre", "madre", "red", "ley", "voz", "luz", "cruz", "fuente",
                      "frase", "sede", "suerte", "carne", "vez", "hora", "tarde"}


def _word_after(m: re.Match) -> str:
    following = _NEXT_WORD.match(m.string, m.end())
    return following.group(1) if following else ""


def _feminine(noun: str) -> bool:
    """Whether a plural noun is (most likely) feminine."""
    noun = noun.lower()
    if noun in _MASCULINE_A:
        return False
    return (noun.endswith("as") or noun in _FEMININE
            or noun.endswith(("dades", "tades", "ciones", "siones", "umbres", "tudes")))


def _feminine_singular(noun: str) -> bool:
    """Whether a singular noun is (most likely) feminine: hija, canción, ciudad."""
    noun = noun.lower()
    if noun in _MASCULINE_A_SINGULAR:
        return False
    return (noun.endswith(("a", "ión", "dad", "tad", "umbre", "tud", "ez"))
            or noun in _FEMININE_SINGULAR)


def clock(r: Reader, hour: int, minute: int, *, hours: bool = False,
          ampm: str | None = None, end: str = "") -> str:
    """9:30 -> nueve y media; 21:15 -> veintiuna y cuarto; 22:00 h -> veintidós horas."""
    h = re.sub(r"uno$", "una", r.n.cardinal(hour))  # hours are feminine: la una
    if minute == 0 and (hour > 12 or hours):
        return f"{h} horas"
    named = {0: "en punto", 15: "y cuarto", 30: "y media"}
    return f"{h} {named.get(minute) or 'y ' + r.n.cardinal(minute)}"


def date(r: Reader, day: int, month: int, year: int | None, before: str,
         iso: bool = False) -> str:
    """15/08/2026 -> quince de agosto de dos mil veintiséis."""
    name = r.w.month_names[month - 1]
    spoken = f"{r.n.cardinal(day)} de {name}"
    return spoken if year is None else f"{spoken} de {r.n.year(year)}"


def ordinals(r: Reader, text: str) -> str:
    """1.er piso, 3er lugar: primer, tercer (before a masculine noun)."""
    return _ORDINAL_ER.sub(
        lambda m: re.sub(r"\b(prim|terc)ero$", r"\1er", r.ordinal(int(m.group(1)))), text)


def ordinal_agree(r: Reader, words: str, m: re.Match) -> str:
    """el tercer episodio, el primer día: shortened before a noun."""
    noun = _word_after(m)
    if noun.islower() and noun.lower() not in _NOT_NOUNS:
        words = re.sub(r"\b(prim|terc)ero$", r"\1er", words)
    return words


def cardinal(r: Reader, m: re.Match) -> str:
    """A number agreeing with the noun after it: veintiún años, trescientas cincuenta
    hectáreas, mil doscientas personas."""
    words = r.cardinal(m.group(0))
    noun = _word_after(m)
    if noun.lower() in _NOT_NOUNS or not noun.islower():
        return f" {words} "
    if not noun.endswith("s"):
        label = re.search(r"(\w+)\s+$", m.string[:m.start()])
        if words == "uno" and not (label and label.group(1).lower() in _LABELS):
            # 1 hija, 1 voto: una hija, un voto (not "la temporada 1 termina")
            return " una " if _feminine_singular(noun) else " un "
        return f" {words} "
    if _feminine(noun):
        words = re.sub(r"ientos\b", "ientas", re.sub(r"uno$", "una", words))
    else:
        words = re.sub(r"veintiuno$", "veintiún", re.sub(r"(?<!\w)uno$", "un", words))
    return f" {words} "


LANGUAGE = Language(code="es", wording=WORDING, clock=clock, date=date, ordinals=ordinals,
                    ordinal_agree=ordinal_agree, cardinal=cardinal, regnal=regnal_to_ten,
                    hour_marks=("h",),
                    degree_ordinal=True, clock_before=r"(?i:a las|a la|de las|desde las|"
                    r"hasta las|sobre las|hacia las)", clock_after=r"h\b|horas\b")
