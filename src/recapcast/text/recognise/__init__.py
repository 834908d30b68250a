"""Import's recogniser: what each line of a recap is, by named rules, then one context pass."""

from recapcast.text.recognise.recognise import Recognised, recognise

__all__ = ["Recognised", "recognise"]
