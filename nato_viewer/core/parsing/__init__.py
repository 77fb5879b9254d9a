"""Rule-based extraction of events, quotes, figures, countries and people (French and English)."""
