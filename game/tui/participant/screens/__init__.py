"""The participant app's screens: join, wait, vote (one per ballot method), voted, results."""
