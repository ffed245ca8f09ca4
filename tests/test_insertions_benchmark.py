"""benchmarks/insertions.py: its own planting rules, on small texts written for these tests."""

from __future__ import annotations

import datetime as dt
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import insertions  # noqa: E402  (a script, found through sys.path as the benchmarks find it)


def rng() -> random.Random:
    return random.Random(7)


def planted(sites: list[insertions.Site], text: str) -> str:
    (site,) = sites
    return site.apply(text)


# --------------------------------------------------------------------------- growth


def test_growth_is_planted_where_the_arithmetic_holds_and_then_fails() -> None:
    text = "Sales rose 20 pct to 120 mln dlrs from 100 mln dlrs, the company said."
    changed = planted(insertions.growth_sites(text, None, rng()), text)
    (growth,) = insertions.growths(changed)
    assert growth.stated != "20"
    assert not growth.consistent()


@pytest.mark.parametrize(
    "text",
    [
        "Sales rose 12 pct to 120 mln dlrs from 100 mln dlrs.",  # the change is 20 pct
        "Sales fell 20 pct to 120 mln dlrs from 100 mln dlrs.",  # they rose
        "Sales rose 20 pct to 120 mln dlrs. Costs fell from 100 mln dlrs.",  # two sentences
    ],
)
def test_growth_is_not_planted_where_the_text_is_not_consistent(text: str) -> None:
    assert insertions.growth_sites(text, None, rng()) == []


def test_growth_reads_a_scale_written_once_and_the_other_order() -> None:
    assert insertions.growth_sites("Output rose 44 pct to 210.5 from 146.2 mln.", None, rng())
    text = "Profit fell 20% from $100 million to $80 million."
    assert insertions.growth_sites(text, None, rng())


# --------------------------------------------------------------------------- restated figures


@pytest.mark.parametrize("number", ["4.5", "12,400", "0.75", "150", "1,067.50"])
def test_a_slip_changes_the_value(number: str) -> None:
    for seed in range(20):
        new = insertions.slip(number, random.Random(seed))
        assert insertions.value(new) != insertions.value(number)
        assert not new.startswith("0") or number.startswith("0")


def test_times_ten_moves_the_decimal_point() -> None:
    assert insertions.times_ten("4.5") == "45"
    assert insertions.times_ten("12,400") == "124,000"
    assert insertions.times_ten("0.75") == "7.5"


def test_the_second_statement_of_a_figure_is_changed() -> None:
    text = "The bank lent 4.5 mln dlrs in March. The 4.5 mln dlrs loan was repaid."
    (site,) = insertions.restated_figure_sites(text, None, rng())
    assert site.start == text.rindex("4.5")
    assert site.related == (text.index("4.5"),)
    assert insertions.value(site.new) != 4.5


@pytest.mark.parametrize(
    "text",
    [
        "The bank lent 4.5 mln dlrs and then 4.5 mln dlrs more.",  # one sentence
        "The bank lent 4.5 mln dlrs. It then lent 4.5 mln marks.",  # another unit
        "The bank lent 40 mln dlrs. It then lent 40 mln dlrs more.",  # one significant digit
    ],
)
def test_no_restatement_no_site(text: str) -> None:
    assert insertions.restated_figure_sites(text, None, rng()) == []


# --------------------------------------------------------------------------- part of total


def test_a_part_is_slipped_so_that_the_sum_is_off_by_a_tenth() -> None:
    text = "Sales were 38.7 mln stg in Britain and 22.6 mln stg abroad, a total of 61.3 mln stg."
    ((parts, total),) = insertions.totals(text)
    assert [p.number for p in parts] == ["38.7", "22.6"] and total.number == "61.3"
    (site,) = insertions.part_of_total_sites(text, None, rng())
    old = insertions.value(text[site.start : site.end])
    assert abs(insertions.value(site.new) - old) >= 0.1 * 61.3
    assert insertions.totals(site.apply(text)) == []  # the parts no longer add up


@pytest.mark.parametrize(
    "text",
    [
        "Sales were 38.7 mln stg in Britain and 22.6 mln stg abroad, a total of 71.3 mln stg.",
        "Sales rose to 38.7 mln stg from 22.6 mln stg, a total of 61.3 mln stg.",  # compared
    ],
)
def test_parts_that_do_not_make_the_total_are_left_alone(text: str) -> None:
    assert insertions.part_of_total_sites(text, None, rng()) == []


def test_a_breakdown_after_the_total_is_read() -> None:
    text = "Arrivals total 194,000 tonnes, of which 45,000 are grains and 149,000 derivatives."
    assert insertions.part_of_total_sites(text, None, rng())


# --------------------------------------------------------------------------- share


def test_a_right_share_becomes_ten_points_more() -> None:
    text = "He holds 4.1 mln shares, or 13.6 pct of the company's 30 mln shares outstanding."
    changed = planted(insertions.share_sites(text, None, rng()), text)
    assert "23.6 pct" in changed
    (share,) = insertions.shares(changed)
    assert not share.consistent()


def test_a_wrong_share_is_not_planted() -> None:
    text = "He holds 4.1 mln shares, or 23.6 pct of the company's 30 mln shares outstanding."
    assert insertions.share_sites(text, None, rng()) == []


# --------------------------------------------------------------------------- conversion


def test_a_conversion_from_1999_on_is_multiplied_by_ten() -> None:
    text = "The club paid €50 million ($54 million) for the striker."
    changed = planted(insertions.conversion_sites(text, dt.date(2023, 8, 14), rng()), text)
    assert "($540 million)" in changed


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("The club paid €50 million ($54 million) for the striker.", dt.date(1987, 3, 1)),
        ("The club paid €50 million ($154 million) for the striker.", dt.date(2023, 8, 14)),
        ("The club paid €50 million (2022: €40 million) for the striker.", dt.date(2023, 8, 14)),
    ],
)
def test_no_conversion_site_before_the_ecb_or_where_the_rate_is_off(
    text: str, date: dt.date
) -> None:
    assert insertions.conversion_sites(text, date, rng()) == []


# --------------------------------------------------------------------------- the script


def test_the_script_skips_when_the_corpora_are_absent(tmp_path: Path) -> None:
    env = {**os.environ, "NUMLINT_CORPORA": str(tmp_path)}
    script = ROOT / "benchmarks" / "insertions.py"
    result = subprocess.run(
        [sys.executable, str(script)], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("skipped")
