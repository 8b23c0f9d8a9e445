"""Training for the artifacts in models/: a development tool, never shipped in the wheel.

Run from the repository root: `python -m training.area_model --corpus ../shared/corpus`
(`make model`). Nothing in resume_analyzer/ or web/ imports it.
"""
