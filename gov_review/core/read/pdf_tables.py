"""Ruled tables of a PDF page: visible edges → cells → tables, and the text of each cell.

The rules are those the reader had on pdfplumber's "lines" strategy, so that the same PDF gives
the same cells: edges at most 3 pt apart are snapped to their mean position and joined when they
leave gaps of at most 3 pt; edges shorter than 3 pt are dropped; a vertical and a horizontal edge
meet where they pass within 3 pt of each other; a cell is the smallest rectangle whose four corners
are meeting points joined by edges; cells sharing a corner form one table (two cells at least).
A character belongs to the cell holding its centre.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from operator import attrgetter

from gov_review.core.read.pdf_page import Char, Edge
from gov_review.core.read.pdf_text import cell_text

SNAP = 3.0
JOIN = 3.0
MIN_LENGTH = 3.0
MIN_LENGTH_PREFILTER = 1.0
MEET = 3.0

Box = tuple[float, float, float, float]


@dataclass(slots=True)
class Table:
    cells: list[Box]

    @property
    def bbox(self) -> Box:
        return (
            min(c[0] for c in self.cells),
            min(c[1] for c in self.cells),
            max(c[2] for c in self.cells),
            max(c[3] for c in self.cells),
        )

    def rows(self) -> list[list[Box | None]]:
        """Cells by row (same top), each row as long as the table has distinct left edges."""
        xs = sorted({c[0] for c in self.cells})
        by_top: dict[float, dict[float, Box]] = defaultdict(dict)
        for cell in sorted(self.cells, key=lambda c: (c[1], c[0])):
            by_top[cell[1]][cell[0]] = cell
        return [[row.get(x) for x in xs] for _, row in sorted(by_top.items())]

    def texts(self, chars: list[Char]) -> list[list[str | None]]:
        x0, top, x1, bottom = self.bbox
        # (centre x, centre y, char) of the characters inside the table
        inside = [
            (cx, cy, ch)
            for ch in chars
            if x0 <= (cx := (ch.x0 + ch.x1) / 2) < x1 and top <= (cy := (ch.top + ch.bottom) / 2) < bottom
        ]
        out = []
        for row in self.rows():
            present = [c for c in row if c is not None]
            row_top = min(c[1] for c in present)
            row_bottom = max(c[3] for c in present)
            row_chars = [t for t in inside if row_top <= t[1] < row_bottom]
            out.append([None if c is None else cell_text(_in(row_chars, c)) for c in row])
        return out


def _in(chars: list[tuple[float, float, Char]], box: Box) -> list[Char]:
    """The characters whose centre lies in ``box``."""
    x0, top, x1, bottom = box
    return [ch for cx, cy, ch in chars if x0 <= cx < x1 and top <= cy < bottom]


def find_tables(edges: list[Edge]) -> list[Table]:
    merged = _merge([e for e in edges if e.length >= MIN_LENGTH_PREFILTER])
    merged = [e for e in merged if e.length >= MIN_LENGTH]
    points = _intersections(merged)
    return [Table(cells) for cells in _tables(_cells(points))]


def _snap(edges: list[Edge], vertical: bool) -> list[Edge]:
    pos = (lambda e: e.x0) if vertical else (lambda e: e.top)
    out: list[Edge] = []
    values = sorted({pos(e) for e in edges})
    groups: list[list[float]] = []
    for v in values:
        if groups and v <= groups[-1][-1] + SNAP:
            groups[-1].append(v)
        else:
            groups.append([v])
    which = {v: i for i, g in enumerate(groups) for v in g}
    members: list[list[Edge]] = [[] for _ in groups]
    for e in edges:
        members[which[pos(e)]].append(e)
    for group in members:
        mean = sum(pos(e) for e in group) / len(group)
        for e in group:
            if vertical:
                out.append(Edge("v", mean, e.top, mean, e.bottom))
            else:
                out.append(Edge("h", e.x0, mean, e.x1, mean))
    return out


def _merge(edges: list[Edge]) -> list[Edge]:
    snapped = _snap([e for e in edges if e.orientation == "v"], True) + _snap(
        [e for e in edges if e.orientation == "h"], False
    )
    lines: dict[tuple[str, float], list[Edge]] = defaultdict(list)
    for e in snapped:
        lines[(e.orientation, e.x0 if e.orientation == "v" else e.top)].append(e)
    out: list[Edge] = []
    for (orientation, _), group in sorted(lines.items()):
        # along the line: from x0 to x1 (horizontal) or from top to bottom (vertical)
        first, last_name = ("x0", "x1") if orientation == "h" else ("top", "bottom")
        start, end = attrgetter(first), attrgetter(last_name)
        group.sort(key=start)
        joined = [group[0]]
        for e in group[1:]:
            last = joined[-1]
            if start(e) <= end(last) + JOIN:
                if end(e) > end(last):
                    joined[-1] = replace(last, **{last_name: end(e)})
            else:
                joined.append(e)
        out.extend(joined)
    return out


Point = tuple[float, float]


def _intersections(edges: list[Edge]) -> dict[Point, tuple[set[Box], set[Box]]]:
    """Meeting points → (keys of the vertical edges, keys of the horizontal edges) through them."""
    points: dict[Point, tuple[set[Box], set[Box]]] = {}
    verticals = sorted((e for e in edges if e.orientation == "v"), key=lambda e: (e.x0, e.top))
    horizontals = sorted((e for e in edges if e.orientation == "h"), key=lambda e: (e.top, e.x0))
    for v in verticals:
        for h in horizontals:
            if v.top <= h.top + MEET and v.bottom >= h.top - MEET and h.x0 - MEET <= v.x0 <= h.x1 + MEET:
                vs, hs = points.setdefault((v.x0, h.top), (set(), set()))
                vs.add(v.key())
                hs.add(h.key())
    return points


def _cells(points: dict[Point, tuple[set[Box], set[Box]]]) -> list[Box]:
    def connects(p1: Point, p2: Point) -> bool:
        if p1[0] == p2[0] and points[p1][0] & points[p2][0]:
            return True
        return p1[1] == p2[1] and bool(points[p1][1] & points[p2][1])

    ordered = sorted(points)
    by_x: dict[float, list[Point]] = defaultdict(list)
    by_y: dict[float, list[Point]] = defaultdict(list)
    for p in ordered:
        by_x[p[0]].append(p)
        by_y[p[1]].append(p)
    cells: list[Box] = []
    for pt in ordered:
        below = [p for p in by_x[pt[0]] if p > pt]
        right = [p for p in by_y[pt[1]] if p > pt]
        cell = _smallest(pt, below, right, points, connects)
        if cell is not None:
            cells.append(cell)
    return cells


def _smallest(pt, below, right, points, connects) -> Box | None:  # type: ignore[no-untyped-def]
    for below_pt in below:
        if not connects(pt, below_pt):
            continue
        for right_pt in right:
            if not connects(pt, right_pt):
                continue
            corner = (right_pt[0], below_pt[1])
            if corner in points and connects(corner, right_pt) and connects(corner, below_pt):
                return (pt[0], pt[1], corner[0], corner[1])
    return None


def _tables(cells: list[Box]) -> list[list[Box]]:
    """Cells grouped into tables by shared corners, top to bottom; single cells are no table."""
    parent = list(range(len(cells)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_at: dict[Point, int] = {}  # a corner → the first cell that has it
    for i, cell in enumerate(cells):
        for corner in _corners(cell):
            j = first_at.setdefault(corner, i)
            if j != i:
                parent[root(i)] = root(j)
    groups: dict[int, list[Box]] = defaultdict(list)
    for i, cell in enumerate(cells):
        groups[root(i)].append(cell)
    tables = sorted(groups.values(), key=lambda t: min((c[1], c[0]) for c in t))
    return [t for t in tables if len(t) > 1]


def _corners(box: Box) -> tuple[Point, Point, Point, Point]:
    x0, top, x1, bottom = box
    return ((x0, top), (x0, bottom), (x1, top), (x1, bottom))
