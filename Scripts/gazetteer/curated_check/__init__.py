"""Checks of the hand-written tables in Gazetteer/curated/ (Scripts/check-curated). Standard library only."""
