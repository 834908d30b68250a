"""Import's recogniser: what each line of a recap is, by named rules, then one context pass
(``recognise.recognise``).

Nothing is imported here: a build reads only the phrase tables (for the dialogue of a
script), and importing the whole recogniser with them cost every CLI run about 0.3 s.
"""
