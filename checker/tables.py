"""Markdown tables: what a figure in a cell measures, from its column header and its row label.

"| Cloud | €412.6m |" under "| Segment | Revenue |" is the cloud segment's revenue, as the prose
would say it ("cloud revenue was €412.6m"). The context reader reads a table row as a line of
words and cannot tell a label from a metric ("Devices" read as a count of devices); this module
reads the grid from the file's text, so a cell's figure gets the header's metric and the row's
label as what narrows it, and compares with the prose that restates it.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from decimal import Decimal

from checker.claims import Claim, sum_range
from checker.findings import LineIndex
from checker.nlp.context import singular
from checker.nlp.lexicon import load_lexicon
from checker.source import Source

_ROW = re.compile(r"^\s*\|(.*)\|\s*$")
_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_WORD = re.compile(r"[^\W\d_]+")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


@dataclasses.dataclass(frozen=True)
class Cell:
    row_label: str  # the first cell's words, as a claim's subject is written
    header: str  # the column's header text
    label: str = ""  # the first cell as written
    caption: str = ""  # the line just before the table ("Net sales by region, in SEK m:")
    corner: str = ""  # the header row's first cell ("SEK million", "Segment", "")


def has_tables(source: Source) -> bool:
    """A Markdown file that may hold a table."""
    return source.format == "markdown" and "|" in source.text


def is_table_row(line: str) -> bool:
    """'| Revenue | 1,216 | 1,043 |': a row of a Markdown table (its separator is no row)."""
    return _ROW.match(line) is not None and _SEPARATOR.match(line) is None


def with_table_readings(index: LineIndex, claims: Iterable[Claim]) -> tuple[Claim, ...]:
    """The claims, each one in a Markdown table cell read with its column's metric, unit
    ("Revenue (€m)") and period ("2023"), and its row's label; ``index`` is the file's lines."""
    claims = tuple(claims)
    lines = _Lines(index)
    readings = _readings(claims)
    return tuple(_read_in_cell(claim, lines, readings) for claim in claims)


def _by_line(lines: _Lines, claims: Iterable[Claim]) -> dict[int, list[Claim]]:
    """The figures with a value (no dates, no conversions in brackets) by the line they are on."""
    by_line: dict[int, list[Claim]] = {}
    for claim in claims:
        if claim.value is not None and claim.equivalent_of < 0:
            by_line.setdefault(lines.index_of(claim.start), []).append(claim)
    return by_line


def _row_labels(lines: _Lines, rows: list[int]) -> list[str]:
    """Each row's first cell, its words in lower case: 'total', 'group total'."""
    return [" ".join(_WORD.findall(_cells(lines.line(r))[0].lower())) for r in rows]


def _total_label(label: str) -> bool:
    """'Total', 'Group total', or 'Total income' (a total named by what it adds up)."""
    return label in load_lexicon().table_total_labels or label.startswith("total ")


def _totals_periods(labels: list[str]) -> bool:
    """'| Full year |' under rows that each name a part of it: a month, 'Q2', 'H1'."""
    lexicon = load_lexicon()
    parts = lexicon.period_part_labels
    return labels[-1] in lexicon.period_total_labels and all(
        label in parts or any(word in lexicon.months or word in parts for word in label.split())
        for label in labels[:-1]
    )


def column_totals(index: LineIndex, claims: Iterable[Claim]) -> Iterator[tuple[Claim, list[Claim]]]:
    """(total, parts) for each column of a Markdown table whose last row is labelled 'Total'
    ('Group', 'Overall') and whose other rows each give a figure of the total's measure."""
    lines = _Lines(index)
    by_line = _by_line(lines, claims)
    for rows in lines.tables():
        labels = _row_labels(lines, rows)
        if (
            len(rows) < 3
            or not (_total_label(labels[-1]) or _totals_periods(labels))
            or any(_total_label(label) for label in labels[:-1])
        ):
            continue
        columns = [lines.by_column(r, by_line.get(r, [])) for r in rows]
        skipped = _signed_columns(lines, rows) | _rate_columns(lines, rows)
        for column in set(columns[-1]) - skipped:
            total = columns[-1][column]
            parts = [
                cells.get(column)
                for row, label, cells in zip(rows[:-1], labels[:-1], columns[:-1], strict=True)
                if not _empty_cell(lines, row, column)  # "| Corporate | – |": nothing to add
                and not _OF_WHICH_ROW.match(label)  # "| of which childcare |": in the row above
            ]
            if all(p is not None and _same_measure(p, total) for p in parts):
                yield total, [p for p in parts if p is not None]


def share_columns(index: LineIndex, claims: Iterable[Claim]) -> Iterator[list[Claim]]:
    """The percentages of each table column whose header says they are shares of one whole
    ('Share', 'Share of FY2024 total (%)', '% of sales'), without a total row's: the rows'
    shares of that whole, which cannot add up to more than 100%."""
    lines = _Lines(index)
    by_line = _by_line(lines, claims)
    for rows in lines.tables():
        header = lines.header_of(rows[0])
        if header is None or len(rows) < 3:
            continue
        labels = _row_labels(lines, rows)
        body = [
            r
            for r, label in zip(rows, labels, strict=True)
            if not (_total_label(label) or _OF_WHICH_ROW.match(label))
        ]
        columns = [lines.by_column(r, by_line.get(r, [])) for r in body]
        for column, name in enumerate(_cells(lines.line(header))):
            if not column or not _SHARE_HEADER.search(name):
                continue
            cells = [cells.get(column) for cells in columns]
            if all(c is not None and c.kind == "percent" for c in cells):
                yield [c for c in cells if c is not None]


def change_cells(index: LineIndex, claims: Iterable[Claim]) -> Iterator[tuple[Claim, Claim, Claim]]:
    """Each percentage in a column headed as a change ('Change', '% change', 'YoY') with the
    row's figures under two headers that are periods of one kind: (the percentage, the earlier
    period's figure, the later's). '| Online | 61.2 | 54.8 | +13.7% |' under '| Channel | 2025
    | 2024 | Change |' says 54.8 grew 13.7% to 61.2."""
    lines = _Lines(index)
    by_line = _by_line(lines, claims)
    for rows in lines.tables():
        header = lines.header_of(rows[0])
        if header is None:
            continue
        names = _cells(lines.line(header))
        changes = [k for k, name in enumerate(names) if k and _CHANGE_HEADER.fullmatch(name)]
        periods = {k: _period_of(name) for k, name in enumerate(names) if k}
        dated = [k for k, period in periods.items() if period]
        if len(changes) != 1 or len(dated) != 2:
            continue
        first, second = dated
        if not _comparable_periods(periods[first], periods[second]):
            continue
        earlier, later = sorted(dated, key=lambda k: periods[k])
        for row in rows:
            cells = lines.by_column(row, by_line.get(row, []))
            change = cells.get(changes[0])
            if change is None or change.kind != "percent" or earlier not in cells:
                continue
            if later in cells and cells[earlier].value and cells[later].value is not None:
                yield change, cells[earlier], cells[later]


# "Change", "% change", "Change (%)", "YoY", "y/y", "Growth": a column of changes between the
# table's two periods
_CHANGE_HEADER = re.compile(
    r"\s*(?:%\s*)?(?:change|chg|growth|yoy|y/y|y-o-y)(?:\s*\(%\)|\s*%)?\s*", re.IGNORECASE
)


def allocation_columns(index: LineIndex, claims: Iterable[Claim]) -> Iterator[list[Claim]]:
    """The columns of percentages of a table in which one such column adds up to 100 (as its
    precision allows) over the rows without a total: an allocation ('| UK equities | 38.4 |
    36.9 |'), each of whose columns is a whole divided, so each must add up to 100 as well."""
    lines = _Lines(index)
    by_line = _by_line(lines, claims)
    for rows in lines.tables():
        labels = _row_labels(lines, rows)
        body = [r for r, label in zip(rows, labels, strict=True) if not _total_label(label)]
        if len(body) < 3 or any(_OF_WHICH_ROW.match(label) for label in labels):
            continue
        cells = [lines.by_column(r, by_line.get(r, [])) for r in body]
        columns = [
            [row[column] for row in cells]
            for column in sorted(set().union(*cells))
            if column and all(column in row for row in cells)
        ]
        percents = [c for c in columns if all(_a_share(x) for x in c)]
        if len(percents) >= 2 and any(_adds_to_hundred(c) for c in percents):
            yield from percents


def _a_share(cell: Claim) -> bool:
    """A percentage that may be a share: not negative, not a change ('+2.7%')."""
    return cell.kind == "percent" and cell.role != "change" and (cell.value or 0) >= 0


def _adds_to_hundred(column: list[Claim]) -> bool:
    low, high = sum_range(column)
    return low <= _HUNDRED <= high


_HUNDRED = Decimal(100)


_SHARE_HEADER = re.compile(r"\bshare\b|%\s+of\b|\bper ?cent of\b|\bpct of\b", re.IGNORECASE)


def of_which_rows(index: LineIndex, claims: Iterable[Claim]) -> Iterator[tuple[Claim, Claim]]:
    """(part, whole) for each cell of a row labelled 'of which ...' and the cell of the same
    column in the row it is part of ('| of which back catalogue | 1,192 |' under '| Net sales |
    2,846 |')."""
    lines = _Lines(index)
    by_line = _by_line(lines, claims)
    for rows in lines.tables():
        parent: dict[int, Claim] = {}
        for row in rows:
            cells = lines.by_column(row, by_line.get(row, []))
            label = _cells(lines.line(row))[0]
            if not _OF_WHICH_ROW.match(label):
                parent = cells
                continue
            for column, part in cells.items():
                whole = parent.get(column)
                if whole is not None and (part.kind, part.unit) == (whole.kind, whole.unit):
                    yield part, whole


_EMPTY_CELL = re.compile(r"^(?:[-–—]|n/?a|)$", re.IGNORECASE)


def earlier_cell(index: LineIndex, claims: Iterable[Claim], cell: Claim) -> Claim | None:
    """The figure of the column before ``cell``'s in its row, when the two columns' headers are
    periods and that one's is the earlier ('| Operating profit | 14.6 | 21.9 |' under '| FY2020
    | FY2021 |': 14.6 for 21.9), or None."""
    lines = _Lines(index)
    row = lines.index_of(cell.start)
    header = lines.header_of(row)
    if header is None or header == row:
        return None
    in_row = [c for c in claims if lines.index_of(c.start) == row]
    by_column = lines.by_column(row, in_row)
    column = next((k for k, c in by_column.items() if c.start == cell.start), None)
    headers = _cells(lines.line(header))
    if column is None or column - 1 not in by_column or column >= len(headers):
        return None
    before, after = _period_of(headers[column - 1]), _period_of(headers[column])
    if not _comparable_periods(before, after) or before > after:
        return None
    return by_column[column - 1]


def _comparable_periods(a: str, b: str) -> bool:
    """Two periods of one kind, and not the same one ('2024-Q3' and '2023-Q3', 'FY2021' and
    'FY2020'): a change runs from the earlier to the later."""
    return bool(a and b) and _part(a) == _part(b) and a != b


def _part(period: str) -> str:
    """'H1' of '2016-H1', 'FY' of 'FY2021', '' of '2021': what kind of period it is."""
    return period.partition("-")[2] or ("FY" if period.startswith("FY") else "")


def _empty_cell(lines: _Lines, row: int, column: int) -> bool:
    cells = _cells(lines.line(row))
    return column < len(cells) and _EMPTY_CELL.match(cells[column]) is not None


def _signed_columns(lines: _Lines, rows: list[int]) -> set[int]:
    """Columns with a negative cell ("-11.3", "(8.6)", "−"): the figures are read unsigned, so
    their sum is not the column's."""
    signed: set[int] = set()
    for row in rows:
        for column, cell in enumerate(_cells(lines.line(row))):
            if column and re.match(r"^[-−–(]\s*\d", cell):
                signed.add(column)
    return signed


def _rate_columns(lines: _Lines, rows: list[int]) -> set[int]:
    """Columns whose header says they are rates or averages ('EBIT per kg (NOK)', 'Margin, %',
    'Average price'): their total row is not their sum."""
    header = lines.header_of(rows[0])
    if header is None:
        return set()
    cells = _cells(lines.line(header))
    return {i for i, cell in enumerate(cells) if i and _RATE_HEADER.search(cell)}


_RATE_HEADER = re.compile(
    r"%|(?<!\d)/(?!\d)|\bper\b|\bratio\b|\bmargin\b|\baverage\b|\bavg\b|\brate\b", re.I
)  # "AISC (A$/oz)", "Grade (g/t)"; not "2023/24"


def _same_measure(part: Claim, total: Claim) -> bool:
    return (part.kind, part.unit) == (total.kind, total.unit) and part.kind != "percent"


def _readings(claims: tuple[Claim, ...]) -> dict[str, str]:
    """What each ambiguous sign ('$', '¥') stands for in this document: as its figures read
    it, else the lexicon's default; 'dollars' as '$'."""
    readings = dict(_ambiguous())
    read: dict[str, Counter[str]] = defaultdict(Counter)
    for claim in claims:
        if claim.currency_symbol in readings:
            read[claim.currency_symbol][claim.unit] += 1
    for symbol, units in read.items():
        readings[symbol] = max(units, key=units.__getitem__)
    readings["dollar"] = readings["dollars"] = readings["$"]
    return readings


def _read_in_cell(claim: Claim, lines: _Lines, readings: dict[str, str]) -> Claim:
    if claim.kind == "date" or claim.equivalent_of >= 0:
        return claim
    cell = lines.cell_at(claim.start)
    if cell is None:
        return claim
    caption = cell.caption if _is_caption(cell.caption) else ""
    # a count the header gives no unit stays a count: the caption may give one
    claim = _in_header_unit(claim, cell.header, readings)
    claim = _in_header_unit(claim, cell.label, readings)  # "| Net profit (CHF m) | 1,826 |"
    metric = _metric_of(cell.header) or _metric_of(caption)  # "Net sales by region:"
    if not metric and _rows_are_metrics(cell):
        # "| Operating profit | 583 |" under "| SEK m | Q3 2023 |" or a caption "(€m unless
        # stated):": the row names the metric, and only an amount takes the table's unit
        # "| General fund expenditure (in $ millions) | 2024-25 |" over "| Transportation | 22.9 |":
        # the corner names the metric, each row a part of it
        metric = _metric_of(cell.label) or _metric_of(cell.corner)
        if _an_amount(metric, cell):
            claim = _in_header_unit(claim, cell.corner, readings)
            claim = _in_header_unit(claim, caption, readings)
    elif caption:
        claim = _in_header_unit(claim, caption, readings)  # "in millions of kronor:"
    elif _an_amount(metric, cell):
        claim = _in_header_unit(claim, cell.corner, readings)  # "| CHF million | Sales 2019 |"
    if claim.kind == "count" and not _PERCENT_HEADER.search(cell.header):
        claim = _in_label_scale(claim, cell.label)
        claim = _in_label_scale(claim, cell.header)  # "| Volume (TEU 000) | Q2 2024 |"
    if not metric and claim.metric and claim.metric == _metric_of(cell.label):
        claim = dataclasses.replace(claim, metric="")  # "| Stores | 414.2 |": a row's label
    if not metric and not cell.row_label:
        return claim
    claim = dataclasses.replace(
        claim,
        metric=metric or claim.metric,
        subject=cell.row_label or claim.subject,
        subject_text=cell.row_label or claim.subject_text,
    )
    scope = _period_of(cell.header)
    if not scope or (claim.scope and not claim.scope_inherited):
        return claim
    # "| Segment | 2023 | 2022 |", "| Q2 2019 | Q2 2018 |": each column is a period
    return dataclasses.replace(claim, scope=scope, scope_inherited=False)


_CAPTION_WORDS = 14
_NUMBERED_CAPTION = re.compile(r"^[*_]*(?:table|figure|exhibit|chart)\s+\w+\b", re.IGNORECASE)


def _is_caption(line: str) -> bool:
    """A line that introduces the table under it ('Net sales by region, in SEK m:', 'Table 1:
    Revenue by segment (€ million)', a short title), not a paragraph of prose."""
    return (
        line.endswith(":")
        or _NUMBERED_CAPTION.match(line) is not None
        or (len(line.split()) <= _CAPTION_WORDS and not line.rstrip("*_ ").endswith("."))
    )


def _rows_are_metrics(cell: Cell) -> bool:
    """A results table: periods across the top, and a corner cell that is empty or gives the
    unit ("SEK million", "$ million, except per share"), so each row names a metric, not a
    segment ("| Segment | 2023 |")."""
    if not _period_of(cell.header):
        return False
    corner = cell.corner
    return not corner or _unit_of(corner, _ambiguous()) is not None


def _an_amount(metric: str, cell: Cell) -> bool:
    """A cell of a money metric that its row does not say is a rate: it takes the table's unit."""
    return metric in load_lexicon().money_metrics and not _NOT_AN_AMOUNT.search(cell.label)


# "Operating margin, %", "Earnings per share, SEK", "Cost-income ratio": not an amount in the
# table's unit.
_NOT_AN_AMOUNT = re.compile(r"%|\bper\b|\bratio\b|\bmargin\b|\beps\b", re.IGNORECASE)


_PART_OF_YEAR = re.compile(r"\b(?:([QH])([1-4])|([1-4])([QH]))")
_FISCAL_YEAR = re.compile(r"\bFY\s?'?(\d{4}|\d{2})\b|(?<!\d)((?:19|20)\d\d)[-/–]\d\d(?!\d)")


def _period_of(header: str) -> str:
    """'2023', '2019-Q2' for 'Q2 2019', 'FY2024' for 'FY24' or '2024-25', '2024-H1' for
    'H1 FY24', as the pipeline writes periods; '' for none."""
    fiscal = _FISCAL_YEAR.search(header)
    if fiscal:
        digits = fiscal.group(1) or fiscal.group(2)
        year = digits if len(digits) == 4 else f"20{digits}"
    else:
        found = _YEAR.search(header)
        if found is None:
            return ""
        year = found.group()
    part = _PART_OF_YEAR.search(header)
    if part:
        return f"{year}-{part.group(1) or part.group(4)}{part.group(2) or part.group(3)}"
    return f"FY{year}" if fiscal else year


class _Lines:
    """The file's lines by 0-based index, over the document's LineIndex."""

    def __init__(self, index: LineIndex) -> None:
        self.index = index
        self.starts = index.starts

    def line(self, number: int) -> str:
        return self.index.line_text(number + 1)

    def index_of(self, offset: int) -> int:
        return self.index.position(offset)[0] - 1

    def cell_at(self, offset: int) -> Cell | None:
        index = self.index_of(offset)
        row = self.line(index)
        if _ROW.match(row) is None or _SEPARATOR.match(row):
            return None
        header_index = self.header_of(index)
        if header_index is None or header_index == index:
            return None
        column = row[: offset - self.starts[index]].count("|") - 1
        cells = _cells(row)
        headers = _cells(self.line(header_index))
        if column < 1 or column >= len(headers) or not cells:
            return None  # the label column, or a row wider than its header
        caption = self._caption(header_index)
        label = self._parent_label(index, header_index) if _OF_WHICH_ROW.match(cells[0]) else ""
        return Cell(_subject(cells[0]), headers[column], label or cells[0], caption, headers[0])

    def _parent_label(self, index: int, header_index: int) -> str:
        """'| of which back catalogue | 1,192 |' under '| Net sales | 2,846 |': the row a part
        of which this row is, whose label names the metric and the unit."""
        for above in range(index - 1, header_index + 1, -1):
            cells = _cells(self.line(above))
            if cells and not _OF_WHICH_ROW.match(cells[0]):
                return cells[0]
        return ""

    def tables(self) -> Iterator[list[int]]:
        """The body rows of each table: the row lines after a separator under a header."""
        index = 1
        while index < len(self.starts):
            if _SEPARATOR.match(self.line(index)) and _ROW.match(self.line(index - 1)):
                rows = []
                index += 1
                while index < len(self.starts) and _ROW.match(self.line(index)):
                    rows.append(index)
                    index += 1
                yield rows
            index += 1

    def by_column(self, index: int, claims: list[Claim]) -> dict[int, Claim]:
        """The first figure of each cell of row ``index``, by column (the label column is 0)."""
        found: dict[int, Claim] = {}
        row = self.line(index)
        for claim in claims:
            column = row[: claim.start - self.starts[index]].count("|") - 1
            found.setdefault(column, claim)
        found.pop(0, None)
        return found

    def _caption(self, header_index: int) -> str:
        """The prose line just before a table, a blank line between them or not."""
        for index in (header_index - 1, header_index - 2):
            text = self.line(index).strip() if index >= 0 else ""
            if text:
                return "" if _ROW.match(text) else text
        return ""

    def header_of(self, index: int) -> int | None:
        """The header row of the table that line ``index`` belongs to: the row above the
        separator line ("|---|---|")."""
        while index > 0 and _ROW.match(self.line(index)) and not _SEPARATOR.match(self.line(index)):
            index -= 1
        if index > 0 and _SEPARATOR.match(self.line(index)) and _ROW.match(self.line(index - 1)):
            return index - 1
        return None


_OF_WHICH_ROW = re.compile(r"^\W*(?:of which|o/w|including|incl\.?)\b", re.IGNORECASE)
# A count's scale in a row label or header: "Paid subscribers (millions)", "Visitors ('000)".
_COUNT_SCALE = re.compile(
    r"\((?:in\s+)?(?:(?P<scale>millions?|m|mn|mln|thousands?|000s|k)|['’]?000)"
    r"(?:\s+[^\W\d_]+)?\)",  # "(000)", "(thousand TEU)"
    re.IGNORECASE,
)


def _in_label_scale(claim: Claim, label: str) -> Claim:
    """'38.47' in the row '| Paid subscribers (millions) |' is 38.47 million."""
    if claim.kind != "count" or claim.counted or claim.value is None:
        return claim
    match = _COUNT_SCALE.search(label)
    if match is None:
        return claim
    factor = _scale_factors()[(match.group("scale") or "000s").lower()]  # "('000)" is 000s
    return dataclasses.replace(
        claim,
        value=claim.value * factor,
        step=claim.step * factor,
        value_high=None if claim.value_high is None else claim.value_high * factor,
    )


_PERCENT_HEADER = re.compile(r"\((?:%|per ?cent|pct)\)\s*$", re.IGNORECASE)


def _in_header_unit(claim: Claim, header: str, readings: dict[str, str]) -> Claim:
    """'84.2' under 'Revenue (€m)', 'Revenue (A$m)' or after 'Sales, in millions of pounds:' is
    84.2 million in that currency."""
    if claim.kind != "count" or claim.counted or claim.value is None:
        return claim
    if _PERCENT_HEADER.search(header):
        return dataclasses.replace(claim, kind="percent", unit="%")  # "Change (%)"
    unit = _unit_of(header, readings)
    if unit is None:
        return _in_header_quantity_unit(claim, header)
    code, factor = unit
    return dataclasses.replace(
        claim,
        kind="money",
        unit=code,
        value=claim.value * factor,
        step=claim.step * factor,
        value_high=None if claim.value_high is None else claim.value_high * factor,
    )


def _in_header_quantity_unit(claim: Claim, header: str) -> Claim:
    """'109,640' under 'Gold produced (oz)' is 109,640 ounces; not under 'Grade (g/t)'."""
    match = _UNIT_IN_BRACKETS.search(header)
    if match is None:
        return claim
    word = match.group(1)
    if len(word) < 2:
        return claim  # "Subscribers (m)": millions, not metres
    units = load_lexicon().units
    unit = units.get(word) or units.get(word.lower())
    if unit is None:
        return claim
    return dataclasses.replace(claim, kind="quantity", unit=unit)


_UNIT_IN_BRACKETS = re.compile(r"\(\s*([^\W\d_]+)\s*\)\s*$")


def _unit_of(text: str, readings: dict[str, str]) -> tuple[str, Decimal] | None:
    """The currency and scale a header or caption gives: '(€m)', '(A$ m)', '(SEK million)',
    'in € millions', 'in millions of kronor'; None if it gives none."""
    for pattern in _unit_patterns():
        match = pattern.search(text)
        if match is None:
            continue
        symbol = match.group("currency")
        code = readings.get(symbol.lower()) or _currency_codes().get(symbol.lower(), "")
        factor = _scale_factor((match.group("scale") or "").lower())
        if code and factor is not None:
            return code, factor
    return None


@functools.cache
def _unit_patterns() -> tuple[re.Pattern[str], ...]:
    codes = _currency_codes()
    symbols = "|".join(re.escape(s) for s in sorted(codes, key=len, reverse=True))
    scales = r"thousands|millions|billions|[a-z]+"
    return (
        # "(€m)", "(A$ m)", "(SEK million)", "(in £m)"
        # "(€m unless stated)", "($ million, except per-share data)", "(₹ lakh crore)"
        re.compile(rf"\(\s*(?:in\s+)?(?P<currency>{symbols}|[^\w\s()]{{1,3}})\s*"
                   rf"(?P<scale>[a-z]+(?:\s+crores?)?)?"
                   rf"\s*(?:,?\s*(?:unless|except)\b[^()]*)?\)", re.IGNORECASE),
        # "in € millions", "in SEK m"
        re.compile(rf"\bin\s+(?P<currency>{symbols})\s*(?P<scale>{scales})\b", re.IGNORECASE),
        # "in millions of kronor", "in thousands of dollars"
        re.compile(rf"\bin\s+(?P<scale>{scales})\s+of\s+(?P<currency>{symbols})\b", re.IGNORECASE),
        # after the column's name: "Sales, £m", "Revenue, SEK million"
        re.compile(rf",\s*(?P<currency>{symbols})\s*(?P<scale>{scales})\s*$", re.IGNORECASE),
        # a table's corner cell: "SEK million", "$ million, except per share", "€m"
        re.compile(rf"^\s*(?P<currency>{symbols})\s*(?P<scale>{scales})\b(?:,[^|]*)?$",
                   re.IGNORECASE),
    )  # fmt: skip


@functools.cache
def _currency_codes() -> dict[str, str]:
    """Symbols, codes and names, lower case, and the currency each stands for."""
    raw = load_lexicon().raw
    codes = {code.lower(): code for code in raw["iso_codes"]}
    for code, entry in raw["currencies"].items():
        codes.update({s.lower(): code for s in entry["symbols"]})
        codes.update({n.lower(): code for n in entry["names"]})
    codes.update({s.lower(): entry["default"] for s, entry in raw["ambiguous"].items()})
    return codes


@functools.cache
def _ambiguous() -> dict[str, str]:
    return {s: entry["default"] for s, entry in load_lexicon().raw["ambiguous"].items()}


def _scale_factor(scale: str) -> Decimal | None:
    """The factor of a scale of one word or two ('lakh crore' is 10^12)."""
    factors = _scale_factors()
    factor = Decimal(1)
    for word in scale.split() or [""]:
        if word not in factors:
            return None
        factor *= factors[word]
    return factor


@functools.cache
def _scale_factors() -> dict[str, Decimal]:
    """'' (units), 'm', 'mn', 'million', 'bn' ...: the scale a header's unit gives."""
    raw = load_lexicon().raw
    factors = {"": Decimal(1)}
    for entry in raw["scales"].values():
        factors.update({w: Decimal(entry["factor"]) for w in entry["words"]})
        factors.update({f"{w}s": Decimal(entry["factor"]) for w in entry["words"]})  # "millions"
    factors.update({w: Decimal(f) for w, f in raw["money_only_scales"].items()})
    return factors


def _cells(row: str) -> list[str]:
    match = _ROW.match(row)
    return [cell.strip() for cell in match.group(1).split("|")] if match else []


def _subject(label: str) -> str:
    """'Cloud services' as a subject is written: lower case, singular, sorted, no stop words."""
    words = {singular(w) for w in _WORD.findall(label.lower())}
    return " ".join(sorted(words - _stop_words()))


@functools.cache
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _metric_of(header: str) -> str:
    """The metric a column header names: 'Revenue (€m)' is revenue; '' for 'Change'."""
    words = " ".join(_WORD.findall(header.lower()))
    names = load_lexicon().metric_of_word
    found = [name for name in names if re.search(rf"\b{re.escape(name)}\b", words)]
    return names[max(found, key=len)] if found else ""
