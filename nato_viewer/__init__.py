"""nato_viewer: timeline and briefing viewer for NATO and defence news."""

__version__ = "0.1.0"
