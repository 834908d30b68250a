"""``recapcast studio``: a local web app to read, hear, edit and re-speak a show's scripts.

It sits beside the command line: it may use build.py and every stage, and no stage
imports it. ``web`` is the HTTP side (starlette), ``server`` runs it (uvicorn),
``workbench`` is what the studio does, without HTTP.
"""
