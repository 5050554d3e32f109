"""The rule pack's message templates as compiled functions: ``formatter(t)(params)`` is
``t.format_map(params)``, four times faster (every finding formats two messages).

A template of plain named fields (``{table}“{row}”行有 {n} 个…``) becomes a generated function that
reads the fields from the mapping in order and joins them with the literal text in an f-string;
the literal text, format specs and field names never enter the source (they are bound as
constants), so any template text is safe. Anything else (positional or dotted fields, nested
specs) is left to ``str.format_map``. A missing field raises KeyError, as format_map does.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from string import Formatter
from typing import Any

Format = Callable[[Mapping[str, Any]], str]

_CACHE: dict[str, Format] = {}  # per template text: a reloaded pack's new texts are added


def formatter(template: str) -> Format:
    hit = _CACHE.get(template)
    if hit is None:
        hit = _CACHE[template] = _compile(template)
    return hit


def _compile(template: str) -> Format:
    try:
        parts = list(Formatter().parse(template))
    except ValueError:  # an unbalanced brace: format_map raises it the same way
        return template.format_map
    consts: dict[str, object] = {}  # L<i>: literal text, K<i>: field name, S<i>: format spec
    reads: list[str] = []
    pieces: list[str] = []
    for i, (literal, field, spec, conversion) in enumerate(parts):
        if literal:
            consts[f"L{i}"] = literal
            pieces.append(f"{{L{i}}}")
        if field is None:
            continue
        if not field.isidentifier() or (spec and "{" in spec) or conversion not in (None, "r", "s", "a"):
            return template.format_map
        consts[f"K{i}"] = field
        reads.append(f"    v{i} = p[K{i}]")
        piece = f"v{i}" + (f"!{conversion}" if conversion else "")
        if spec:
            consts[f"S{i}"] = spec
            piece += f":{{S{i}}}"
        pieces.append("{" + piece + "}")
    body = "".join(f"{line}\n" for line in reads)
    source = f"def fmt(p):\n{body}    return f'{''.join(pieces)}'\n"
    namespace: dict[str, Any] = dict(consts)
    exec(compile(source, "<rule pack message>", "exec"), namespace)
    return namespace["fmt"]
