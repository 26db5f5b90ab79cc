"""The only stage that imports spaCy (in ``model`` and ``parse``); ``tree`` is a pure view of a parse."""
