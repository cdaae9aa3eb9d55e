"""The one value type shared by the YAML reader and the model: a bare (unquoted) scalar."""

from __future__ import annotations


class BareScalar(str):
    """A plain (unquoted) YAML scalar that YAML 1.1 would have read as something other than text.

    The reader keeps every scalar as text and marks these, so the model can tell `title: no`
    (the coach meant text, YAML 1.1 would read a boolean) from `title: "no"`.
    `kind` is one of "bool", "int", "float", "null", "timestamp".
    """

    kind: str

    def __new__(cls, value: str, kind: str) -> BareScalar:
        instance = super().__new__(cls, value)
        instance.kind = kind
        return instance

    def __reduce__(self) -> tuple[type[BareScalar], tuple[str, str]]:
        return (BareScalar, (str(self), self.kind))


class FoldedPlain(str):
    """A plain (unquoted) scalar that runs over several lines, which YAML folds into one line
    of text: `dose: 4x100m` followed by an indented `- extra step` line reads "4x100m - extra
    step". One-line fields refuse it; `continued_on` is the 1-based line it continues on."""

    continued_on: int

    def __new__(cls, value: str, continued_on: int) -> FoldedPlain:
        instance = super().__new__(cls, value)
        instance.continued_on = continued_on
        return instance

    def __reduce__(self) -> tuple[type[FoldedPlain], tuple[str, int]]:
        return (FoldedPlain, (str(self), self.continued_on))
