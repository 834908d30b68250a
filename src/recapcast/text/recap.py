"""Import's recogniser, under the name other modules have always imported it by: see the
``recognise`` package (phrases, patterns, rules, the context pass, the reader)."""

from __future__ import annotations

from recapcast.text.ledger import Kept, LeftOut
from recapcast.text.recognise.recognise import Recognised, recognise

__all__ = ["Kept", "LeftOut", "Recognised", "recognise"]
