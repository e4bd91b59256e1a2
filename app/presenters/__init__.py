"""One presenter per screen: the screen's decisions, in plain Python.

A presenter takes the core (app.core.Core) and a navigator by injection, and the screen
it drives as a small Protocol (`show(model)` and, where it asks, `ask(question, ...)`).
It hands the screen frozen view models and offers the actions the screen forwards its
touches and keys to. Tests drive presenters with a fake screen; no Kivy is needed.
"""
