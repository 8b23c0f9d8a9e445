"""What a contact line says beyond the contact fields is kept (in the preamble), never
dropped: a citizenship, a postcode, a second number; labels of what was taken out are not."""

from __future__ import annotations

import pytest

from resume_analyzer.document import Contact
from resume_analyzer.parsing.contact import unheld_parts

CONTACT = Contact(
    name="Jordan Example",
    email="jordan@example.com",
    phone="(415) 555-0199",
    location="Austin, TX",
    links=(),
)


@pytest.mark.parametrize(
    ("line", "parts"),
    [
        ("US Citizen | (415) 555-0199 | jordan@example.com", ["US Citizen"]),
        ("Austin, TX 78701 • jordan@example.com", ["78701"]),
        ("📞 (415) 555-0199 | 🔗 LinkedIn | 💻 GitHub | linkedin.com/in/jordan", []),
        ("(415) 555-0199 (Mobile)", []),
        ("jordan@example.com | Open to relocation", ["Open to relocation"]),
        ("Bay Area (from Aug. 2026) | jordan@example.com", ["Bay Area (from Aug. 2026)"]),
    ],
)
def test_unheld_parts_of_a_contact_line(line: str, parts: list[str]) -> None:
    assert unheld_parts(line, CONTACT) == parts
