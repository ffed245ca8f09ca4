"""Markdown tables (checker/tables.py): a cell's figure is read with its column's header and its
row's label, and compared with the prose that restates it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from checker.document import Document, Options, analyze_source
from checker.engine import Engine
from checker.findings import Finding
from checker.source import source_from_text
from tests.helpers import rule

DATE = dt.date(2024, 5, 14)
CONFLICT = [rule("conflicting-figures")]

SEGMENTS = """# Harwick results

| Region | Revenue (€m) | Operating profit (€m) | Margin |
|---|---|---|---|
| Europe | 84.2 | 12.1 | 14.4% |
| Asia | 48.9 | 6.3 | 12.9% |

Revenue in Asia was €48.9m and operating profit in Europe €12.1m.
"""

YEARS = """| Division | 2023 | 2022 |
|---|---|---|
| Foods | £412.6m | £380.2m |
| Drinks | £210.4m | £201.9m |

Foods sales rose to £412.6m in 2023 from £380.2m, and drinks sales climbed to £210.4m.
"""


def document(text: str) -> Document:
    return analyze_source(source_from_text(text, "draft.md", "markdown"), Options(date=DATE))


def findings(text: str) -> list[Finding]:
    return Engine(CONFLICT).check(document(text))


def _cells(text: str) -> dict[str, tuple]:
    """What was read in each figure, by its text (the first figure of each text)."""
    cells: dict[str, tuple] = {}
    for c in document(text).claims:
        cells.setdefault(c.text, (c.kind, c.unit, c.value, c.metric, c.subject, c.scope))
    return cells


def test_a_cell_takes_its_column_header_and_row_label() -> None:
    cells = _cells(SEGMENTS)
    assert cells["84.2"][:5] == ("money", "EUR", 84_200_000, "revenue", "europe")
    assert cells["6.3"][3:5] == ("profit", "asia")
    assert cells["12.9%"][3:5] == ("margin", "asia")


def test_a_year_column_gives_the_period() -> None:
    cells = _cells(YEARS)
    assert cells["£380.2m"][4:] == ("food", "2022")


def test_a_table_and_prose_that_agree_raise_nothing() -> None:
    assert findings(SEGMENTS) == []
    assert findings(YEARS) == []


def test_prose_restating_a_cell_wrongly_conflicts_with_it() -> None:
    (finding,) = findings(SEGMENTS.replace("Asia was €48.9m", "Asia was €84.9m"))
    assert (finding.location.line, finding.related[0].location.line) == (6, 8)
    (finding,) = findings(YEARS.replace("rose to £412.6m", "rose to £421.6m"))
    assert (finding.location.line, finding.related[0].location.line) == (3, 6)


def test_text_outside_tables_is_read_as_before() -> None:
    plain = "Revenue | in Asia was €48.9m."
    assert _cells(plain)["€48.9m"][3] == "revenue"


TOTALS = """| Division | 2023 | 2022 |
|---|---|---|
| Foods | £412.6m | £380.2m |
| Drinks | £210.4m | £201.9m |
| Total | £623.0m | £582.1m |
"""


def test_a_total_row_is_the_sum_of_the_rows_above_it() -> None:
    sums = [rule("sum-of-parts")]
    assert Engine(sums).check(document(TOTALS)) == []
    (finding,) = Engine(sums).check(document(TOTALS.replace("£623.0m", "£633.0m")))
    assert finding.location.line == 5
    assert "412.6 + 210.4 = 623" in finding.details["arithmetic"]


def test_a_row_label_that_is_a_metric_word_is_not_the_cell_s_metric() -> None:
    text = """| | 2023 | 2022 |
|---|---|---|
| Stores | 414.2 | 398.1 |

Of the 74 stores, nine are outlets.
"""
    assert findings(text) == []


def test_a_column_with_a_negative_cell_is_not_summed() -> None:
    text = """| Segment | EBIT (€m) |
|---|---|
| Pumps | 48.2 |
| Services | 31.4 |
| Corporate | -11.3 |
| Group | 68.3 |
"""
    assert Engine([rule("sum-of-parts")]).check(document(text)) == []


CAPTIONED = """Sales by region for the quarter, in millions of kronor:

| Region | Q2 2019 | Q2 2018 |
|---|---:|---:|
| Nordics | 1,412 | 1,356 |
| Baltics | 2,087 | 1,874 |

Sales in the Baltics reached SEK 2,078 million in the second quarter of 2019.
"""


def test_a_caption_gives_the_cells_their_currency_scale_and_metric() -> None:
    cells = _cells(CAPTIONED)
    assert cells["1,412"][:5] == ("money", "SEK", 1_412_000_000, "revenue", "nordic")


def test_a_quarter_column_gives_the_quarter() -> None:
    assert _cells(CAPTIONED)["1,356"][5] == "2018-Q2"


def test_a_header_unit_may_be_any_currency_symbol() -> None:
    text = (
        "| Division | Revenue (A$m) | EBIT (SEK million) |\n"
        "|---|---|---|\n"
        "| Rail | 528.3 | 63.9 |\n"
    )
    cells = _cells(text)
    assert cells["528.3"][:3] == ("money", "AUD", 528_300_000)
    assert cells["63.9"][:3] == ("money", "SEK", 63_900_000)


def test_prose_restating_a_captioned_cell_wrongly_conflicts_with_it() -> None:
    (finding,) = findings(CAPTIONED)
    assert (finding.location.line, finding.related[0].location.line) == (6, 8)


RESULTS = """| SEK million, except per share | Q3 2023 | Q3 2022 |
|---|---:|---:|
| Net sales | 4,812 | 4,377 |
| Operating profit | 583 | 496 |
| Operating margin, % | 12.1 | 11.3 |
| Earnings per share, SEK | 3.51 | 3.02 |
| Employees at period end | 6,318 | 6,042 |

"An operating profit of 538 million kronor in a quarter like this is something to be proud of,"
the chief executive said.
"""


def test_periods_across_the_top_make_each_row_a_metric_in_the_corner_s_unit() -> None:
    cells = _cells(RESULTS)
    assert cells["4,812"][:4] == ("money", "SEK", 4_812_000_000, "revenue")
    assert cells["583"][:4] == ("money", "SEK", 583_000_000, "profit")
    assert cells["583"][5] == "2023-Q3"
    assert cells["12.1"][:2] == ("count", "")  # a margin, not an amount
    assert cells["3.51"][:2] == ("count", "")  # per share, not millions
    assert cells["6,318"][:2] == ("count", "")  # people, not money
    assert cells["6,318"][3] == "employees"


def test_prose_restating_a_results_row_wrongly_conflicts_with_it() -> None:
    (finding,) = findings(RESULTS)
    assert (finding.location.line, finding.related[0].location.line) == (4, 9)


def test_a_segment_corner_keeps_rows_as_segments() -> None:
    text = RESULTS.replace("SEK million, except per share", "Segment")
    assert _cells(text)["583"][:2] == ("count", "")


SEGMENTS_OF_A_METRIC = """The district's spending plan rises to $401.4 million.

| General fund expenditure (in $ millions) | 2023-24 | 2024-25 | Change |
|---|---:|---:|---:|
| Instruction | 248.6 | 256.3 | 3.1% |
| Transportation | 21.4 | 22.9 | 7.0% |

Transportation spending will rise to $29.2 million in 2024-25.
"""


def test_a_corner_that_names_the_metric_makes_each_row_a_part_of_it() -> None:
    cells = _cells(SEGMENTS_OF_A_METRIC)
    assert cells["22.9"][:4] == ("money", "USD", 22_900_000, "spending")
    assert cells["7.0%"][:2] == ("percent", "%")
    (finding,) = findings(SEGMENTS_OF_A_METRIC)
    assert (finding.location.line, finding.related[0].location.line) == (6, 8)


UNLESS_STATED = """Hoshida said net profit fell 19% to ¥16.9 billion in the first half in Japan.

Results for the six months (¥ billion unless stated):

| | H1 FY2016 | H1 FY2015 | Change |
|---|---:|---:|---:|
| Net income | 19.6 | 24.2 | -19.0% |
| Harvest volume (tonnes) | 38,420 | 35,910 | +7.0% |
"""


def test_a_caption_unit_unless_stated_goes_to_the_amount_rows_in_the_story_s_currency() -> None:
    cells = _cells(UNLESS_STATED)
    assert cells["19.6"][:4] == ("money", "JPY", 19_600_000_000, "net profit")
    assert cells["38,420"][:2] == ("quantity", "metric_ton")  # tonnes, not yen


def test_prose_restating_an_unless_stated_row_wrongly_conflicts_with_it() -> None:
    (finding,) = findings(UNLESS_STATED)
    assert {finding.location.line, finding.related[0].location.line} == {1, 7}


SEGMENT_TOTALS = """| CHF million | Sales 2019 | Sales 2018 |
|---|---:|---:|
| Flavours | 742.6 | 701.3 |
| Nutrition | 518.9 | 496.0 |
| Packaging | 386.2 | 391.8 |
| Corporate and eliminations | – | – |
| Group total | 1,647.7 | 1,589.1 |
"""


def test_a_dash_row_adds_nothing_to_a_column_total() -> None:
    sums = Engine([rule("sum-of-parts")]).check(document(SEGMENT_TOTALS))
    assert sums == []
    wrong = SEGMENT_TOTALS.replace("| 1,589.1 |", "| 1,616.1 |")
    (finding,) = Engine([rule("sum-of-parts")]).check(document(wrong))
    assert "the parts of 1,616.1 add up to 1,589.1, less than the total" in finding.message


def test_a_corner_unit_goes_to_the_cells_of_an_amount_column() -> None:
    assert _cells(SEGMENT_TOTALS)["742.6"][:4] == ("money", "CHF", 742_600_000, "revenue")


@pytest.mark.parametrize(
    "caption",
    ["Table 1: Revenue by segment (€ million)", "**Revenue by segment (€ million)**"],
)
def test_a_title_line_without_a_colon_is_a_caption(caption: str) -> None:
    text = f"{caption}\n\n| Segment | Q3 2024 |\n|---|---|\n| Parcel | 96.2 |\n"
    assert _cells(text)["96.2"][:3] == ("money", "EUR", 96_200_000)


def test_a_paragraph_before_a_table_is_no_caption() -> None:
    text = (
        "The group, which reports in euros (€ million) and has 412 staff, grew in every one of "
        "its regions last year.\n\n| Segment | Staff |\n|---|---|\n| Parcel | 96 |\n"
    )
    assert _cells(text)["96"][0] == "count"


def test_a_total_named_by_what_it_adds_up_sums_its_column() -> None:
    text = """| Source | 2024 |
|---|---|
| Donations | 3,184 |
| Grants | 2,317 |
| Trading | 486 |
| Total income | 6,087 |
"""
    (finding,) = Engine([rule("sum-of-parts")]).check(document(text))
    assert finding.location.line == 6


def test_a_column_of_rates_is_not_summed() -> None:
    text = """| Region | Harvest (tonnes) | EBIT per kg (NOK) |
|---|---|---|
| North | 18,240 | 26.10 |
| Central | 14,870 | 24.90 |
| Iceland | 4,500 | 15.02 |
| Total | 37,610 | 24.30 |
"""
    assert Engine([rule("sum-of-parts")]).check(document(text)) == []


def test_a_row_that_names_the_metric_and_the_prose_s_other_name_for_it_conflict() -> None:
    text = """| $ million | 2024 | 2023 |
|---|---:|---:|
| Revenue | 9,120 | 8,410 |
| Capital expenditure | 1,325 | 1,190 |

Spending on plant and equipment reached $1,235 million, the company said.
"""
    (finding,) = findings(text)
    assert (finding.location.line, finding.related[0].location.line) == (4, 6)


def test_a_figure_given_in_the_prose_and_a_table_is_reported_where_it_is_first_stated() -> None:
    text = """Rhenmark's EBIT rose 13.8% to €168.3 million, the company said.

| € million | H1 2017 | H1 2016 |
|---|---:|---:|
| Revenue | 2,374.2 | 2,198.6 |
| EBIT | 168.3 | 147.9 |

"An EBIT of 186.3 million euros in the first half of 2017 is a record," the finance chief said.
"""
    (finding,) = findings(text)
    assert finding.location.line == 1
    assert [r.location.line for r in finding.related] == [8, 6]
    assert finding.related[1].message == "168.3, the same figure again (line 6)"


def test_prose_after_a_table_inherits_the_period_of_its_first_column() -> None:
    text = """| SEK million | Q3 2024 | Q3 2023 |
|---|---:|---:|
| EBIT | 577 | 498 |

"We delivered an EBIT of 557 million in the quarter," the chief executive said.
"""
    quoted = next(c for c in document(text).claims if c.text == "557 million")
    assert quoted.scope == "2024-Q3"


@pytest.mark.parametrize(("first", "second"), [("Q3 2023", "Q3 2024"), ("Q3 2024", "Q3 2023")])
def test_prose_after_a_table_inherits_the_latest_period_of_its_columns(
    first: str, second: str
) -> None:
    text = f"""| SEK million | {first} | {second} |
|---|---:|---:|
| EBIT | 577 | 498 |

"We delivered an EBIT of 557 million in the quarter," the chief executive said.
"""
    quoted = next(c for c in document(text).claims if c.text == "557 million")
    assert quoted.scope == "2024-Q3"


@pytest.mark.parametrize(
    ("corner", "cell", "unit", "value"),
    [
        ("($ million, except per-share data)", "47.9", "USD", 47_900_000),
        ("(₹ lakh crore)", "4.63", "INR", 4_630_000_000_000),
    ],
)
def test_a_corner_unit_with_an_exception_or_a_two_word_scale(
    corner: str, cell: str, unit: str, value: int
) -> None:
    text = f"""| {corner} | FY2024 | FY2025 |
|---|---|---|
| Net income | {cell} | 83.5 |
"""
    cells = _cells(text)
    assert cells[cell][:3] == ("money", unit, value)


DIVISIONS = """Food sales rose 6.4% to £1,842.6m in the half. Clothing sales rose 1.5% to £968.3m.
Beauty sales rose 11.5% to £214.7m. International sales fell 4.6% to £307.9m.

| Division | H1 2024 (£m) | H1 2023 (£m) | Change (%) |
|---|---|---|---|
| Food | 1,842.6 | 1,731.4 | 6.4 |
| Clothing | 968.3 | 954.1 | 1.5 |
| Beauty | 214.7 | 189.2 | 11.5 |
| International | 307.9 | 322.6 | -4.6 |
"""


def test_a_percent_header_makes_its_cells_percentages() -> None:
    assert _cells(DIVISIONS)["11.5"][:2] == ("percent", "%")


def test_a_sentence_and_a_row_that_share_another_figure_are_about_one_thing() -> None:
    assert findings(DIVISIONS) == []
    (finding,) = findings(DIVISIONS.replace("to £1,842.6m", "to £1,824.6m"))
    assert "each stated with the same other figure (6.4)" in finding.details["evidence"]


ELECTION = """| Party | Votes | Share | Change (pts) | Seats |
|---|---|---|---|---|
| Civic Alliance | 412,830 | 32.1% | +2.7 | 27 |
| Social Democrats | 318,540 | 24.8% | -3.1 | 20 |
| Greens | 187,250 | 14.6% | +4.4 | 12 |
| Regional Union | 156,910 | 12.2% | -1.3 | 10 |
| Others | 209,070 | 16.3% | -1.8 | 6 |
| Total | 1,284,600 | 100% | | 75 |
"""


def test_a_share_column_adds_up_to_at_most_100() -> None:
    check = Engine([rule("shares-sum")])
    assert check.check(document(ELECTION)) == []
    (finding,) = check.check(document(ELECTION.replace("14.6%", "16.4%")))
    assert finding.details["sum"] == "101.8%"
    assert finding.location.line == 3 and len(finding.related) == 4


OF_WHICH = """| | Q3 2024 | Q3 2023 |
|---|---|---|
| Paid subscribers (millions) | 38.47 | 33.12 |
| of which ad-supported plan | 11.86 | 7.94 |

| SEK million | H1 2024 | H1 2023 |
|---|---|---|
| Net sales | 2,846 | 2,318 |
| of which back catalogue | 1,192 | 1,265 |

The ad-supported tier had 11.86 million subscribers in the third quarter.
Back-catalogue sales were SEK 1,192 million in the first half.
"""


def test_an_of_which_row_takes_the_metric_and_unit_of_the_row_above() -> None:
    cells = _cells(OF_WHICH)
    assert cells["11.86"][:4] == ("count", "", Decimal("11860000"), "users")
    assert cells["1,192"][:4] == ("money", "SEK", Decimal("1192000000"), "revenue")


def test_prose_restating_an_of_which_row_wrongly_conflicts_with_it() -> None:
    assert findings(OF_WHICH) == []
    text = OF_WHICH.replace("had 11.86 million", "had 11.68 million")
    assert len(findings(text.replace("SEK 1,192 million", "SEK 1,912 million"))) == 2


def test_an_of_which_row_larger_than_its_whole_is_a_part_larger_than_its_whole() -> None:
    check = Engine([rule("part-exceeds-whole")])
    assert check.check(document(OF_WHICH)) == []
    (finding,) = check.check(document(OF_WHICH.replace("| 1,192 | 1,265 |", "| 1,192 | 2,365 |")))
    assert finding.details["whole"] == "2,318"


def test_a_cell_given_again_in_prose_is_not_a_slip_of_the_cell_beside_it() -> None:
    text = (
        "| Division | Revenue 2023 (€m) | Profit 2023 (€m) |\n|---|---|---|\n"
        "| Flexible | 1,184 | 118 |\n| Rigid | 1,148 | 96 |\n\n"
        "Flexible, still the largest unit at €1,184m, lost 3.4% of its revenue.\n"
    )
    assert findings(text) == []


def test_prose_after_a_table_takes_the_period_of_its_first_column() -> None:
    text = (
        "| Department | FY2025 proposed ($m) | FY2024 adopted ($m) |\n|---|---|---|\n"
        "| Sheriff | 142.6 | 134.9 |\n| Health | 118.3 | 112.4 |\n\n"
        "The sheriff's office would receive $124.6 million, up $7.7 million.\n"
    )
    prose = [c for c in document(text).claims if c.text == "$124.6 million"]
    assert [c.scope.removesuffix(" (forecast)") for c in prose] == ["FY2025"]


RESULTS_ROWS_WITH_UNITS = """# Solvane results

Net profit increased to CHF 1.81 billion from CHF 1.70 billion.

| | H1 FY24 | H1 FY23 | Change |
|---|---|---|---|
| Net sales (CHF m) | 8,462 | 7,918 | +6.9% |
| Net profit (CHF m) | 1,806 | 1,704 | +6.0% |
| Margin (%) | 12.1 | 11.0 | |
"""


def test_a_row_label_may_give_the_unit_of_its_cells() -> None:
    cells = _cells(RESULTS_ROWS_WITH_UNITS)
    assert cells["1,806"][:4] == ("money", "CHF", 1_806_000_000, "net profit")
    assert cells["12.1"][:2] == ("percent", "%")


@pytest.mark.parametrize(
    ("header", "period"),
    [("H1 FY24", "2024-H1"), ("FY24", "FY2024"), ("FY 2024", "FY2024"), ("2023-24", "FY2023"),
     ("Q1 FY24", "2024-Q1"), ("Q2 2019", "2019-Q2"), ("2023", "2023"), ("Change", "")],
)  # fmt: skip
def test_a_fiscal_column_header_gives_the_period_the_prose_would(header: str, period: str) -> None:
    text = f"| | {header} |\n|---|---|\n| Revenue (€m) | 84.2 |\n"
    assert _cells(text)["84.2"][5] == period


def test_a_prose_figure_that_rounds_a_cell_wrongly_is_inconsistent_rounding() -> None:
    rounding = [rule("inconsistent-rounding")]
    assert Engine(rounding).check(document(RESULTS_ROWS_WITH_UNITS)) == []
    wrong = RESULTS_ROWS_WITH_UNITS.replace("CHF 1.81 billion", "CHF 1.82 billion")
    (finding,) = Engine(rounding).check(document(wrong))
    assert finding.location.line == 3


OF_WHICH_TABLE = """# Harbury council budget

| Service | 2025 (£m) | Share (%) |
|---|---|---|
| Adult social care | 148.3 | 35.9 |
| of which residential placements | 86.7 | 21.0 |
| Children's services | 96.4 | 23.4 |
| Other services | 168.2 | 40.7 |
| Total | 412.9 | 100.0 |
"""


def test_an_of_which_row_is_neither_summed_nor_counted_as_a_share() -> None:
    rules = [rule("sum-of-parts"), rule("shares-sum")]
    assert Engine(rules).check(document(OF_WHICH_TABLE)) == []
    wrong = OF_WHICH_TABLE.replace("| 168.2 |", "| 186.2 |")
    assert [f.rule for f in Engine(rules).check(document(wrong))] == ["sum-of-parts"]


def test_a_unit_after_the_column_s_name_and_an_ebita_row_take_the_table_s_unit() -> None:
    text = (
        "| Store | Sales, £m |\n|---|---|\n| UK stores | 214.6 |\n\n"
        "| SEK million | Q3 2023 |\n|---|---|\n| EBITA | 612 |\n"
    )
    cells = _cells(text)
    assert cells["214.6"][:3] == ("money", "GBP", 214_600_000)
    assert cells["612"][:4] == ("money", "SEK", 612_000_000, "profit")


QUARTERS = """| Quarter | Ore (Mt) | Grade (g/t) | Gold (oz) | Subscribers (m) | Lines (000) |
|---|---|---|---|---|---|
| March | 1.07 | 3.14 | 98,420 | 1.2 | 12 |
| June | 1.09 | 3.22 | 103,150 | 1.3 | 14 |
| September | 1.12 | 3.09 | 101,870 | 1.4 | 15 |
| December | 1.10 | 3.38 | 109,640 | 1.5 | 16 |
| **Full year** | **4.48** | **3.21** | **413,080** | **5.4** | **57** |
"""


def test_a_unit_in_brackets_in_the_header_is_the_column_s() -> None:
    cells = _cells(QUARTERS)
    assert cells["98,420"][:3] == ("quantity", "ounce", 98420)
    assert cells["1.2"][:3] == ("count", "", 1_200_000)  # millions, not metres
    assert cells["12"][:3] == ("count", "", 12_000)


def test_a_full_year_row_adds_up_the_quarters_above_it() -> None:
    (finding,) = Engine([rule("sum-of-parts")]).check(document(QUARTERS))
    assert "the parts of 4.48 add up to 4.38, less than the total" in finding.message


ROW_IN_PROSE = """| Division | Q3 2024 (£m) | Q3 2023 (£m) |
|---|---|---|
| Bakery | 312.4 | 298.1 |
| Chilled | 305.9 | 287.6 |

Chilled was only marginally smaller: sales there climbed to £SALESm.
"""


@pytest.mark.parametrize(("sales", "conflicts"), [("309.5", 1), ("305.9", 0)])
def test_a_sentence_naming_a_table_row_restates_its_cell(sales: str, conflicts: int) -> None:
    assert len(findings(ROW_IN_PROSE.replace("SALES", sales))) == conflicts


def _growth(text: str) -> list[str]:
    document_ = document(text)
    return [f.message for f in Engine([rule("growth-arithmetic")]).check(document_)]


@pytest.mark.parametrize(
    ("row", "fires"),
    [
        ("| Profit after tax | 402 | 351 | 18.5% |", True),
        ("| Profit after tax | 402 | 351 | 14.5% |", False),
        ("| Costs | 307.9 | 322.6 | -4.6% |", False),
        ("| Costs | 307.9 | 322.6 | 4.6% |", False),  # a decline, its sign left to the reader
        ("| Costs | 307.9 | 322.6 | +4.6% |", True),  # a decline, said to be a rise
    ],
)
def test_a_change_column_gives_the_change_between_the_two_periods(row: str, fires: bool) -> None:
    text = f"""| (SEK m) | Q3 2024 | Q3 2023 | Change |
|---|---:|---:|---:|
{row}
"""
    assert bool(_growth(text)) is fires
