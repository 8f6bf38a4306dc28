"""The participant app: vote in a terminal or in a browser tab."""

from game.tui.participant.app import ParticipantApp

__all__ = ["ParticipantApp"]
