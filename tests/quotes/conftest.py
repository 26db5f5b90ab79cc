"""Running the real pipeline (spaCy, actors, events, quotes) on short invented articles."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kronika.records import DocResult


@pytest.fixture(scope="session")
def resources():
    from kronika.runner.pipeline import Resources

    return Resources.load()


@pytest.fixture(scope="session")
def code(nlp, resources) -> Callable[..., DocResult]:
    """Code one article given as text (title line, date line, body) and return its DocResult."""
    from kronika.ingest import article_from_text
    from kronika.runner.pipeline import code_batch

    def run(text: str, name: str = "invented.txt") -> DocResult:
        article = article_from_text(text, source_file=name, source_path=name)
        (result,) = code_batch(nlp, [article], resources)
        assert isinstance(result, DocResult), result.detail  # the traceback of the step that failed
        return result

    return run
