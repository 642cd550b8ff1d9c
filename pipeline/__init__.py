"""newsevents: military and security events from news articles, as a checkable table."""

__version__ = "0.2.0"
