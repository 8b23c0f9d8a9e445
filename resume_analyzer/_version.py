"""The package version, in a module that imports nothing so any module may import it.

pyproject.toml reads it from here (`[tool.setuptools.dynamic]`), so it is written once.
"""

__version__ = "0.1.0"
