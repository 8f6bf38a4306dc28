"""A screen for every round kind, each with its styles beside it."""
