"""Only here to put the root-level skills_taxonomy.yaml inside the wheel.

The taxonomy lives at the repository root, where coaches look for it; installed, the package
finds it beside its own modules. Everything else is declared in pyproject.toml.
"""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT_DATA = ("skills_taxonomy.yaml",)


class BuildWithRootData(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads the file from the checkout's root
        for name in ROOT_DATA:
            source = Path(__file__).parent / name
            if source.exists():
                self.mkpath(str(Path(self.build_lib) / "resume_analyzer"))
                self.copy_file(str(source), str(Path(self.build_lib) / "resume_analyzer" / name))


setup(cmdclass={"build_py": BuildWithRootData})
