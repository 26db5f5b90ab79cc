"""The local engine streams: it never reads far ahead of what it has written."""

from __future__ import annotations

from collections.abc import Iterator

from kronika.runner.local import LocalExecutor


def test_the_pool_reads_a_bounded_number_of_batches_ahead() -> None:
    pulled: list[int] = []

    def batches() -> Iterator[list]:
        for n in range(40):
            pulled.append(n)
            yield []

    executor = LocalExecutor(workers=2)
    ahead = []
    for done, _ in enumerate(executor.map(batches()), start=1):
        ahead.append(len(pulled) - done)
    assert len(pulled) == 40
    # However long the input, at most two batches per worker are in flight (plus the one being handed over).
    assert max(ahead) <= 2 * 2 + 1
