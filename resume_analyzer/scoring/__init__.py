"""Scoring: competency coverage, impact, presentation and job match, and the feedback."""
