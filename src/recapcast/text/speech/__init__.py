"""Written text to what a narrator says, one module per kind of written form.

The kinds follow the semiotic classes of text normalisation (cardinal, ordinal, decimal,
money, measure, date, time, telephone, electronic, whitelist...); :mod:`.pipeline` orders
them, and :mod:`.languages` holds what each show language says differently. Nothing is
imported here, so the language tables load without the rules.
"""
