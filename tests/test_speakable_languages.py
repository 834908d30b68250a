"""Numbers and symbols are said in the show's language, not in English."""

from __future__ import annotations

import re

import pytest

from recapcast.model import Show
from recapcast.text.numbers import number_words_for
from recapcast.text.script import parse_script
from recapcast.text.segments import plan_segments
from recapcast.text.speakable import speakable

ENGLISH_NUMBER_WORDS = set(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
    "eighty ninety hundred thousand million billion first second third fourth fifth "
    "percent point half quarter quarters dollars dollar pounds season episode "
    "out minus versus o'clock".split())
SPANISH = ("El episodio 12 empieza a las 9:30. En S3E4, el 20% de los 1.200 invitados "
           "paga €12,50 y 4/5 estrellas; la 1ª vez fue en 1962, a 40 km, con $1,2M y "
           "3–6 votos. Dr. Ruiz llega a las 21:15.")


@pytest.mark.parametrize("language, written, spoken", [
    ("es", "El episodio 12 empieza a las 9:30.", "El episodio doce empieza a las nueve y media."),
    ("es", "Llega a las 21:15 y sale a las 1:00.",
     "Llega a las veintiuna y cuarto y sale a las una en punto."),
    ("es", "S3E4", "temporada tres episodio cuatro"),
    ("es", "el 20% de los 1.200 invitados",
     "el veinte por ciento de los mil doscientos invitados"),
    ("es", "paga €12,50", "paga doce euros con cincuenta céntimos"),
    ("es", "paga 12,50 €", "paga doce euros con cincuenta céntimos"),
    ("es", "4/5 estrellas", "cuatro de cinco estrellas"),
    ("es", "la 1ª vez y el 2º", "la primera vez y el segundo"),
    ("es", "en 1962", "en mil novecientos sesenta y dos"),
    ("es", "a 40 km", "a cuarenta kilómetros"),
    ("es", "con $1,2M", "con un millón doscientos mil dólares"),
    ("es", "3–6 votos", "tres a seis votos"),
    ("es", "Dr. Ruiz y Sra. Pérez", "doctor Ruiz y señora Pérez"),
    ("es", "Felipe II", "Felipe segundo"),
    ("es", "Parte 2", "Parte dos"),
    # The decimal comma is said as a comma; 24-hour times with "h"; day/month/year dates.
    ("es", "2,5 millones de euros", "dos coma cinco millones de euros"),
    ("es", "a las 22:00 h en punto", "a las veintidós horas en punto"),
    ("es", "el 15/08/2026", "el quince de agosto de dos mil veintiséis"),
    # Numbers agree with the noun they count; ordinals shorten before it.
    ("es", "350 hectáreas y 1.200 personas", "trescientas cincuenta hectáreas y mil doscientas "
                                             "personas"),
    ("es", "21 años, 31 días y 21 semanas", "veintiún años, treinta y un días y veintiuna "
                                            "semanas"),
    ("es", "el 21 de marzo", "el veintiuno de marzo"),
    ("es", "200 millones de personas", "doscientos millones de personas"),
    ("es", "el 3.º episodio", "el tercer episodio"),
    ("es", "el siglo XXI en EE. UU.", "el siglo veintiuno en Estados Unidos"),
    ("es", "en los 1990s", "en los mil novecientos noventa"),
    ("fr", "2,5 millions", "deux virgule cinq millions"),
    ("es-MX", "12", "doce"),
    ("fr", "L'épisode 12 commence à 21h30.",
     "L'épisode douze commence à vingt et une heures trente."),
    ("fr", "S2E5 : 20 %", "saison deux épisode cinq: vingt pour cent"),
    ("fr", "3/4", "trois quarts"),
    ("de", "Folge 12 beginnt um 9:30 Uhr.", "Folge zwölf beginnt um neun Uhr dreißig."),
    ("de", "Es kostet 3,5 Mio. Euro, 20 %",
     "Es kostet drei Komma fünf Millionen Euro, zwanzig Prozent"),
    # German ordinals and dates: the number and a full stop before a noun, in its case.
    ("de", "Am 14.11.2026 beginnt die 3. Folge.",
     "Am vierzehnten November zweitausendsechsundzwanzig beginnt die dritte Folge."),
    ("de", "in der 1. Folge, z. B. am 3. Oktober",
     "in der ersten Folge, zum Beispiel am dritten Oktober"),
    # French: spaces between thousands, 1er/3e, Roman centuries, kings with cardinals.
    ("fr", "Il a payé 150 000 € pour 1 500 vaches.",
     "Il a payé cent cinquante mille euros pour mille cinq cents vaches."),
    ("fr", "Le 1er épisode et le 3e acte", "Le premier épisode et le troisième acte"),
    ("fr", "Au XIXe siècle, Louis XIV et François Ier",
     "Au dix neuvième siècle, Louis quatorze et François premier"),
    ("fr", "le 01/11/2026", "le premier novembre deux mille vingt six"),
    ("en-gb", "In 2005 she paid £105.",
     "In two thousand and five she paid one hundred and five pounds."),
    ("en-us", "In 2005 she paid £105.", "In two thousand five she paid one hundred five pounds."),
    ("pt-BR", "O episódio 12", "O episódio doze"),
    # One agrees with a singular noun; a label's number stays "uno"
    ("es", "Tiene 1 hija, 1 voto y 1 canción.", "Tiene una hija, un voto y una canción."),
    ("es", "Vive en el 3.er piso y quedó en 1er lugar.",
     "Vive en el tercer piso y quedó en primer lugar."),
    # a day and month without a year, where a date is meant; a fraction of something stays
    ("es", "El sáb. 10/02 en la Av. Libertador, el 3/4 del público.",
     "El sábado diez de febrero en la avenida Libertador, el tres cuartos del público."),
    ("it", "Il 10/02 al 12° piano dal 1° maggio.",
     "Il dieci febbraio al dodicesimo piano dal primo maggio."),
    ("pt", "No dia 10/02, às 22h e à 1h.", "No dia dez de fevereiro, às vinte e duas horas e "
     "à uma hora."),
    ("es", "La temporada 1 termina entre 5-10 €.",
     "La temporada uno termina entre cinco y diez euros."),
    ("it", "L'episodio 12", "L'episodio dodici"),
    # Italian and Portuguese say their own words around the numbers
    ("it", "Il 25% dei 30 concorrenti, con il dott. Vanni: voto 7,5/10.",
     "Il venticinque per cento dei trenta concorrenti, con il dottor Vanni: voto sette "
     "virgola cinque su dieci."),
    ("pt", "Nota 8/10 e 25% para a Dra. Lima em 15/10/2023.",
     "Nota oito de dez e vinte e cinco por cento para a doutora Lima em quinze de outubro de "
     "dois mil e vinte e três."),
])
def test_numbers_are_said_in_the_show_language(language: str, written: str, spoken: str):
    assert speakable(written, language=language) == spoken


def test_a_spanish_show_has_no_english_number_words():
    spoken = speakable(SPANISH, language="es")
    words = set(re.findall(r"[\w']+", spoken.lower()))
    assert not words & ENGLISH_NUMBER_WORDS, words & ENGLISH_NUMBER_WORDS
    assert not re.search(r"\d", spoken)
    assert "doce" in words and "veinte" in words


def test_a_language_without_number_words_keeps_the_digits_for_the_voice():
    # num2words has no Irish: the voice reads digits in its own language, never in English.
    assert number_words_for("ga") is None
    assert speakable("Tá 12 duine anseo ag 9:30.", language="ga") == (
        "Tá 12 duine anseo ag 9:30.")


def test_the_show_language_reaches_the_segments():
    script = parse_script('---\ntitle: "x"\n---\n\nTiene 12 años.\n', "ep1", "ep1.md")
    for language, word in (("es", "doce"), ("en-us", "twelve"), ("de", "zwölf")):
        show = Show(title="t", author="a", description="d", language=language)
        segments, _ = plan_segments(script, show)
        spoken = [s.text for s in segments if "12" in s.written]
        assert spoken and word in spoken[0], (language, spoken)


def test_sentences_end_neither_at_a_german_ordinal_nor_inside_guillemets():
    from recapcast.text.speakable import split_sentences

    assert split_sentences("Die 3. Folge ist gut. Sie beginnt am 3. Oktober.") == [
        "Die 3. Folge ist gut.", "Sie beginnt am 3. Oktober."]
    assert split_sentences("« Tu étais où, exactement ? » demande-t-elle. Puis elle part.") == [
        "« Tu étais où, exactement ? » demande-t-elle.", "Puis elle part."]
    # An English number at a sentence's end still ends it.
    assert split_sentences("He was 12. The next day he left.") == [
        "He was 12.", "The next day he left."]


def test_german_abbreviations_and_lowercase_chat_do_not_break_sentences_wrongly():
    from recapcast.text.speakable import split_sentences

    assert split_sentences("Sie hat 3,5 Mio. Euro verloren, z. B. im Winter. Dann geht sie.") == [
        "Sie hat 3,5 Mio. Euro verloren, z. B. im Winter.", "Dann geht sie."]
    # A chat log written all in lowercase still has sentences.
    assert split_sentences("ok so the twins are back. ollie asks where dad is. nobody answers.") \
        == ["ok so the twins are back.", "ollie asks where dad is.", "nobody answers."]
    assert split_sentences("It was 2 a.m. in the box. Then she left.") == [
        "It was 2 a.m. in the box.", "Then she left."]


def test_sentences_end_after_a_contraction_and_a_temperature():
    from recapcast.text.speakable import split_sentences

    assert split_sentences("Until she doesn't. Bake at 350°F. It leans. J. Smith waits.") == [
        "Until she doesn't.", "Bake at 350°F.", "It leans.", "J. Smith waits."]
