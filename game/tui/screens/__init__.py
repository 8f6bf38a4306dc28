"""One screen per file, each with its styles in a .tcss file beside it."""
