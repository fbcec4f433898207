"""briefing: a static briefing-site generator for news stories."""

__version__ = "0.1.0"
