"""Reading the data files that ship with kronika: lexicons, gazetteers, word lists, the knowledge base.

One loader for every file, ``load(package, name, schema)``. Each file's first line says which version
of its format it is written in (``# version: 1``), and the loader refuses a file of another version;
then it checks the file's shape against a schema (which keys, lists of what), so a file edited by
hand fails at start-up, with the file, the line and the key in the message, rather than coding with
half a lexicon. What the values mean (a code that is no country, a word listed twice) the stage that
reads the file checks.

libyaml's parser reads the same documents about four times faster than PyYAML's pure-Python one; every
worker process loads all the lexicons when it starts, so this is start-up time on every run. The
slower node-by-node reading is only done to find the line of an error.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, Protocol, overload

import yaml

from kronika.errors import ConfigError

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # pure Python where libyaml is not built in
_VERSION = re.compile(r"# version: (\d+)\s*$")

Key = str | int  # a mapping key, or a list index (0-based; messages count from 1)


def load_yaml(text: str) -> Any:
    """Parse one YAML document with the safe loader (no Python objects from tags)."""
    return yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader


class _Mismatch(Exception):
    """A value that does not fit its schema: where it is (keys from the top) and why."""

    def __init__(self, path: tuple[Key, ...], reason: str) -> None:
        super().__init__(reason)
        self.path = path
        self.reason = reason


class Shape(Protocol):
    """What a value must look like; ``check`` raises _Mismatch naming the path below ``path``."""

    def check(self, value: object, path: tuple[Key, ...]) -> None: ...

    def describe(self) -> str: ...


@dataclass(frozen=True)
class Scalar:
    """One of these Python types: ``Scalar((str,), "a string")``. None is accepted only if listed."""

    types: tuple[type, ...]
    what: str

    def check(self, value: object, path: tuple[Key, ...]) -> None:
        # bool is an int to Python, not to a lexicon: "weight: yes" is no number
        if not isinstance(value, self.types) or (isinstance(value, bool) and bool not in self.types):
            raise _Mismatch(path, f"expected {self.what}, got {_name(value)}")

    def describe(self) -> str:
        return self.what


STR = Scalar((str,), "a string")
NUMBER = Scalar((int, float), "a number")
BOOL = Scalar((bool,), "true or false")


@dataclass(frozen=True)
class ListOf:
    item: Shape

    def check(self, value: object, path: tuple[Key, ...]) -> None:
        if not isinstance(value, list):
            raise _Mismatch(path, f"expected {self.describe()}, got {_name(value)}")
        for k, v in enumerate(value):
            self.item.check(v, (*path, k))

    def describe(self) -> str:
        return f"a list of {_plural(self.item.describe())}"


WORDS = ListOf(STR)  # a list of words or phrases


@dataclass(frozen=True)
class MapOf:
    """A mapping with any string keys, each value of one shape."""

    value: Shape

    def check(self, value: object, path: tuple[Key, ...]) -> None:
        if not isinstance(value, dict):
            raise _Mismatch(path, f"expected {self.describe()}, got {_name(value)}")
        for k, v in value.items():
            if not isinstance(k, str):
                raise _Mismatch((*path, k), f"the key {k!r} is not a string")
            self.value.check(v, (*path, k))

    def describe(self) -> str:
        return f"a mapping to {_plural(self.value.describe())}"


@dataclass(frozen=True)
class Record:
    """A mapping with known keys: those ``required``, and others ``optional`` (a null value counts as
    absent there); any other key is an error unless ``open``."""

    required: Mapping[str, Shape] = field(default_factory=dict)
    optional: Mapping[str, Shape] = field(default_factory=dict)
    open: bool = False

    def check(self, value: object, path: tuple[Key, ...]) -> None:
        if not isinstance(value, dict):
            raise _Mismatch(path, f"expected a mapping, got {_name(value)}")
        for k, shape in self.required.items():
            if k not in value:
                raise _Mismatch(path, f'missing key "{k}"')
            shape.check(value[k], (*path, k))
        for k, v in value.items():
            if k in self.required:
                continue
            if k in self.optional:
                if v is not None:
                    self.optional[k].check(v, (*path, k))
            elif not self.open:
                known = ", ".join([*self.required, *self.optional])
                raise _Mismatch((*path, k), f"unknown key (known: {known})")

    def describe(self) -> str:
        return "a mapping"


@dataclass(frozen=True)
class OneOf:
    """Any of these shapes (the message names them all)."""

    shapes: tuple[Shape, ...]

    def check(self, value: object, path: tuple[Key, ...]) -> None:
        for shape in self.shapes:
            try:
                shape.check(value, path)
            except _Mismatch:
                continue
            return
        raise _Mismatch(path, f"expected {self.describe()}, got {_name(value)}")

    def describe(self) -> str:
        return " or ".join(s.describe() for s in self.shapes)


NOTHING = Scalar((type(None),), "nothing")


def optional(shape: Shape) -> Shape:
    """The shape, or nothing (a key written with no value)."""
    return OneOf((shape, NOTHING))


@dataclass(frozen=True)
class Schema:
    """A YAML file: the version its first line must give, and the shape of its document."""

    version: int
    shape: Shape


@dataclass(frozen=True)
class Table:
    """A CSV file: the version its first line must give, and its header. Lines starting with # are
    comments; every row must have as many fields as the header."""

    version: int
    columns: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Row:
    line: int  # in the file, from 1
    values: dict[str, str]


def where(package: str | Path, name: str) -> str:
    """How messages name a data file: ``kronika/actors/data/countries.yaml``, or the path of a copy."""
    if isinstance(package, Path):
        return str(package / name)
    return f"{package.replace('.', '/')}/data/{name}"


def _open(package: str | Path, name: str) -> Traversable | Path:
    return package / name if isinstance(package, Path) else resources.files(package) / "data" / name


@overload
def load(package: str | Path, name: str, schema: Schema) -> Any: ...


@overload
def load(package: str | Path, name: str, schema: Table) -> Iterator[Row]: ...


def load(package: str | Path, name: str, schema: Schema | Table) -> Any:
    """Read ``name`` from the ``data`` folder of ``package`` (or from a folder, for a copy) and check
    its version and shape. Raises ConfigError naming the file, and the line and key where known (for a
    CSV file, a row's error is raised when the row is reached)."""
    file = where(package, name)
    try:
        text = _open(package, name).read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{file}: cannot be read ({exc})") from exc
    _check_version(text, file, schema.version)
    if isinstance(schema, Table):
        return _rows(text, file, schema.columns)
    try:
        data = load_yaml(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" line {mark.line + 1}" if mark is not None else ""
        raise ConfigError(f"{file}{line}: not valid YAML: {one_line_yaml_error(exc)}") from exc
    try:
        schema.shape.check(data, ())
    except _Mismatch as bad:
        raise ConfigError(f"{file} line {_line_of(text, bad.path)}: {_key_text(bad.path)}{bad.reason}") from None
    return data


def _check_version(text: str, file: str, expected: int) -> None:
    end = text.find("\n")
    first = text if end < 0 else text[:end]
    m = _VERSION.match(first)
    if m is None:
        raise ConfigError(f'{file} line 1: expected "# version: {expected}" as the first line')
    if int(m.group(1)) != expected:
        raise ConfigError(f"{file} line 1: version {m.group(1)}, but this kronika reads version {expected}")


def _rows(text: str, file: str, columns: tuple[str, ...]) -> Iterator[Row]:
    """The header is checked now; the rows as they are read (a large file is never held as dicts whole)."""
    numbered = [(n, t) for n, t in enumerate(text.splitlines(), 1) if t and not t.startswith("#")]
    parsed = zip(numbered, csv.reader(t for _, t in numbered), strict=True)
    header = next(parsed, None)
    if header is None or tuple(header[1]) != columns:
        raise ConfigError(f"{file} line {header[0][0] if header else 1}: expected the header {','.join(columns)}")

    def rows() -> Iterator[Row]:
        for (n, _), row in parsed:
            if len(row) != len(columns):
                raise ConfigError(f"{file} line {n}: {len(row)} fields, expected {len(columns)}")
            yield Row(n, dict(zip(columns, row, strict=True)))

    return rows()


def one_line_yaml_error(exc: yaml.YAMLError) -> str:
    """PyYAML's message on one line, without the location of the problem (the caller names it) but
    with where what it was reading began: "while parsing a flow sequence (from line 725), ..."."""
    problem = getattr(exc, "problem", None)
    if not problem:
        return " ".join(str(exc).split())
    context, mark = getattr(exc, "context", None), getattr(exc, "context_mark", None)
    if context and mark is not None:
        context += f" (from line {mark.line + 1})"
    return f"{context}, {problem}" if context else str(problem)


def _line_of(text: str, path: tuple[Key, ...]) -> int:
    """The line of the value at ``path`` (or of the nearest enclosing one that is there), from the
    document's nodes: only read when there is an error to place."""
    node: yaml.Node | None = yaml.compose(text, Loader=yaml.SafeLoader)
    line = node.start_mark.line + 1 if node is not None else 1
    for key in path:
        if node is None:
            break
        line = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            found = [(k, v) for k, v in node.value if k.value == str(key)]
            node = found[0][1] if found else None
            if found:
                line = found[0][0].start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
            line = node.start_mark.line + 1
        else:
            node = None
    return line


def _key_text(path: tuple[Key, ...]) -> str:
    """``titles: SPY: minister: `` or ``triggers: entry 12: weight: ``: the key path as messages give it."""
    return "".join(f"entry {k + 1}: " if isinstance(k, int) else f"{k}: " for k in path)


def _name(value: object) -> str:
    return {type(None): "nothing", dict: "a mapping", list: "a list", str: f"the string {value!r}",
            bool: f"{value}".lower()}.get(type(value), f"{type(value).__name__} {value!r}")


def _plural(what: str) -> str:
    for one, many in (("a string", "strings"),
                      ("a number", "numbers"), ("a mapping", "mappings"), ("a list", "lists")):
        if what.startswith(one):
            return many + what[len(one):]
    return what
