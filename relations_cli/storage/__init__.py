"""The database file: its byte layout, the index's columns, the two write strategies and the store.

`store.Store` is the way in for everyone else; the modules below it each own one thing (see the
README's layout section).
"""
