"""The participant's ballot widgets: one per ballot method, and the rows they share."""
