"""The one value type shared by the YAML reader and the model: a bare (unquoted) scalar."""

from __future__ import annotations


class _MarkedText(str):
    """Text carrying one mark the reader put on it, kept through pickling (the preview's
    cache)."""

    _mark: object

    def __new__(cls, value: str, mark: object) -> _MarkedText:
        instance = super().__new__(cls, value)
        instance._mark = mark
        return instance

    def __reduce__(self) -> tuple[type[_MarkedText], tuple[str, object]]:
        return (type(self), (str(self), self._mark))


class BareScalar(_MarkedText):
    """A plain (unquoted) YAML scalar that YAML 1.1 would have read as something other than text.

    The reader keeps every scalar as text and marks these, so the model can tell `title: no`
    (the coach meant text, YAML 1.1 would read a boolean) from `title: "no"`.
    `kind` is one of "bool", "int", "float", "null", "timestamp".
    """

    @property
    def kind(self) -> str:
        return str(self._mark)


class FoldedPlain(_MarkedText):
    """A plain (unquoted) scalar that runs over several lines, which YAML folds into one line
    of text: `dose: 4x100m` followed by an indented `- extra step` line reads "4x100m - extra
    step". One-line fields refuse it; `continued_on` is the 1-based line it continues on."""

    @property
    def continued_on(self) -> int:
        return int(str(self._mark))
