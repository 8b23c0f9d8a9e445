"""NLP over the parsed resume: the spaCy pipeline, skill mentions, impact findings."""
