"""The Flask web app (installed as `resume_analyzer.web`, see pyproject.toml).

It lands with the web issue; `make run` shows the CLI's help until then.
"""
