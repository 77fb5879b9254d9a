"""Detail panes for the selected event and its document: quotes, figures, countries, source text."""
