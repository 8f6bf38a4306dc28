"""Widgets grouped by domain area; each takes state and posts messages."""
