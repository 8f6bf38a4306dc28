"""PDF output with reportlab: card sheets, session report, paper ballots."""
