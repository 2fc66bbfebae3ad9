"""`page_common.line_starting_with`: the footers' and end-of-content phrases of page parsers."""

from __future__ import annotations

from qe_desktop.importers.page_common import line_starting_with


def test_a_space_is_any_run_of_spaces_and_the_case_does_not_matter() -> None:
    footer = line_starting_with("Plan du site", r"\d+ commentaires?")
    assert footer.match("PLAN\u00a0du \n site")
    assert footer.match("12  commentaires")
    assert not footer.match("Voir le plan du site")  # at the start of the line only
    assert footer.pattern == r"^(?:Plan\s+du\s+site|\d+\s+commentaires?)"
