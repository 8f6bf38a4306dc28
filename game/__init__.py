"""The session: engine, store, voting and export; the TUIs and the command line."""
