"""The extractor's vocabulary, kept as data in data/lexicon.yaml.

Every word list becomes phrase patterns labelled ``CATEGORY|value`` for spaCy's PhraseMatcher, so
multi-word entries ("per cent", "year-on-year") match exactly as the pipeline tokenises text.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import Any

from checker import __version__, datacache

# Categories matched on the lowercase form, and those matched on the exact form.
LOWER = "LOWER"
ORTH = "ORTH"


@dataclass(frozen=True)
class Ambiguity:
    default: str
    candidates: tuple[str, ...]
    fit: bool = False  # a stated conversion may pick the reading when the text does not
    by_paragraph: bool = True  # an amount's own paragraph may name its country ("in Japan")


@dataclass(frozen=True)
class Lexicon:
    """Word lists and lookups used by the extractor and the checks."""

    raw: dict[str, Any]

    @functools.cached_property
    def scales(self) -> dict[str, Decimal]:
        return {
            word: Decimal(entry["factor"])
            for entry in self.raw["scales"].values()
            for word in entry["words"]
        }

    @functools.cached_property
    def scale_factors(self) -> dict[str, Decimal]:
        return {name: Decimal(entry["factor"]) for name, entry in self.raw["scales"].items()}

    @functools.cached_property
    def money_only_scales(self) -> dict[str, Decimal]:
        return {word: Decimal(factor) for word, factor in self.raw["money_only_scales"].items()}

    @functools.cached_property
    def ambiguous(self) -> dict[str, Ambiguity]:
        return {
            key: Ambiguity(
                entry["default"],
                tuple(entry["candidates"]),
                entry.get("fit", False),
                entry.get("by_paragraph", True),
            )
            for key, entry in self.raw["ambiguous"].items()
        }

    @functools.cached_property
    def iso_aliases(self) -> dict[str, str]:
        return dict(self.raw["iso_aliases"])

    @functools.cached_property
    def currency_context(self) -> dict[str, tuple[str, ...]]:
        return {code: tuple(words) for code, words in self.raw["currency_context"].items()}

    @functools.cached_property
    def units(self) -> dict[str, str]:
        return dict(self.raw["units"])

    @functools.cached_property
    def project_words(self) -> frozenset[str]:
        return frozenset(self.raw["project_words"])

    @functools.cached_property
    def metre_nouns(self) -> frozenset[str]:
        return frozenset(self.raw["metre_nouns"])

    @functools.cached_property
    def short_units(self) -> frozenset[str]:
        return frozenset(self.raw["short_units"])

    @functools.cached_property
    def degree_letters(self) -> dict[str, str]:
        return dict(self.raw["degree_letters"])

    @functools.cached_property
    def unit_words(self) -> dict[str, int]:
        words = self.raw["number_words"]
        return {**words["units"], **words["tens"]}

    @functools.cached_property
    def tens_words(self) -> frozenset[str]:
        return frozenset(self.raw["number_words"]["tens"])

    @functools.cached_property
    def collective_words(self) -> dict[str, int]:
        return dict(self.raw["number_words"]["collective"])

    @functools.cached_property
    def fraction_words(self) -> dict[str, Decimal]:
        return {
            word: _fraction(text) for word, text in self.raw["number_words"]["fractions"].items()
        }

    @functools.cached_property
    def ordinals(self) -> frozenset[str]:
        return frozenset(self.raw["ordinals"])

    @functools.cached_property
    def multipliers(self) -> dict[str, Decimal]:
        return {w: Decimal(str(v)) for w, v in self.raw["change_words"]["double"].items()}

    @functools.cached_property
    def metric_dimensions(self) -> dict[str, str]:
        return dict(self.raw["metric_dimensions"])

    @functools.cached_property
    def money_only_metrics(self) -> frozenset[str]:
        return frozenset(self.raw["money_only_metrics"])

    @functools.cached_property
    def count_only_metrics(self) -> frozenset[str]:
        return frozenset(self.raw["count_only_metrics"])

    @functools.cached_property
    def money_or_percent_only(self) -> frozenset[str]:
        return frozenset(self.raw["money_or_percent_only"])

    @functools.cached_property
    def raising_verbs(self) -> frozenset[str]:
        return frozenset(self.raw["raising_verbs"])

    @functools.cached_property
    def generic_counted(self) -> frozenset[str]:
        return frozenset(self.raw["generic_counted"])

    @functools.cached_property
    def plural_verbs(self) -> frozenset[str]:
        return frozenset(self.raw["plural_verbs"])

    @functools.cached_property
    def generic_people(self) -> frozenset[str]:
        return frozenset(self.raw["generic_people"])

    @functools.cached_property
    def thing_nouns(self) -> frozenset[str]:
        return frozenset(self.raw["thing_nouns"])

    @functools.cached_property
    def thing_metrics(self) -> frozenset[str]:
        return frozenset(self.raw["thing_metrics"])

    @functools.cached_property
    def kind_prefixes(self) -> tuple[str, ...]:
        return tuple(self.raw["kind_prefixes"])

    @functools.cached_property
    def counted_groups(self) -> dict[str, str]:
        """Each counted noun of `counted_alike` and the name of its group."""
        return {noun: group for group, nouns in self.raw["counted_alike"].items() for noun in nouns}

    @functools.cached_property
    def takers_part(self) -> frozenset[str]:
        return frozenset(self.raw["takers_part"])

    @functools.cached_property
    def generic_subject_words(self) -> frozenset[str]:
        return frozenset(self.raw["generic_subject_words"])

    @functools.cached_property
    def months(self) -> dict[str, int]:
        return dict(self.raw["months"])

    @functools.cached_property
    def weekdays(self) -> dict[str, int]:
        return dict(self.raw["weekdays"])

    @functools.cached_property
    def project_nouns(self) -> frozenset[str]:
        return frozenset(self.raw["project_nouns"])

    @functools.cached_property
    def segment_nouns(self) -> frozenset[str]:
        return frozenset(self.raw["segment_nouns"])

    @functools.cached_property
    def owner_verbs(self) -> frozenset[str]:
        return frozenset(self.raw["owner_verbs"])

    @functools.cached_property
    def unit_metrics(self) -> dict[str, str]:
        return dict(self.raw["unit_metrics"])

    @functools.cached_property
    def time_metrics(self) -> frozenset[str]:
        return frozenset(self.raw["time_metrics"])

    @functools.cached_property
    def ing_nouns(self) -> frozenset[str]:
        return frozenset(self.raw["ing_nouns"])

    @functools.cached_property
    def speaker_nouns(self) -> frozenset[str]:
        return frozenset(self.raw["speaker_nouns"])

    @functools.cached_property
    def rate_words(self) -> frozenset[str]:
        return frozenset(self.raw["rate_words"])

    @functools.cached_property
    def rate_periods(self) -> frozenset[str]:
        return frozenset(self.raw["rate_periods"])

    @functools.cached_property
    def unit_price_words(self) -> tuple[tuple[str, ...], ...]:
        return tuple(tuple(phrase.split()) for phrase in self.raw["unit_price_words"])

    @functools.cached_property
    def change_word_set(self) -> frozenset[str]:
        """Every word that says a figure changed ('rose', 'lifts', 'cut'), of any direction."""
        words = self.raw["change_words"]
        return frozenset(w for direction, ws in words.items() if direction != "double" for w in ws)

    @functools.cached_property
    def rate_units(self) -> frozenset[str]:
        return frozenset(self.raw["rate_units"])

    @functools.cached_property
    def clause_openers(self) -> frozenset[str]:
        return frozenset(self.raw["clause_openers"])

    @functools.cached_property
    def table_total_labels(self) -> frozenset[str]:
        return frozenset(self.raw["table_total_labels"])

    @functools.cached_property
    def period_total_labels(self) -> frozenset[str]:
        return frozenset(self.raw["period_total_labels"])

    @functools.cached_property
    def period_part_labels(self) -> frozenset[str]:
        return frozenset(self.raw["period_part_labels"])

    @functools.cached_property
    def period_enders(self) -> frozenset[str]:
        return frozenset(self.raw["period_enders"])

    @functools.cached_property
    def verb_prepositions(self) -> frozenset[str]:
        return frozenset(self.raw["verb_prepositions"])

    @functools.cached_property
    def enumeration_bare_leads(self) -> frozenset[str]:
        return frozenset(self.raw["enumeration_bare_leads"])

    @functools.cached_property
    def enumeration_function_words(self) -> frozenset[str]:
        return frozenset(self.raw["enumeration_function_words"])

    @functools.cached_property
    def irregular_plurals(self) -> frozenset[str]:
        return frozenset(self.raw["irregular_plurals"])

    @functools.cached_property
    def model_words(self) -> frozenset[str]:
        return frozenset(self.raw["model_words"])

    @functools.cached_property
    def other_basis_markers(self) -> tuple[str, ...]:
        return tuple(self.raw["other_basis_markers"])

    @functools.cached_property
    def own_baseline_markers(self) -> tuple[str, ...]:
        return tuple(self.raw["own_baseline_markers"])

    @functools.cached_property
    def figure_nouns(self) -> frozenset[str]:
        return frozenset(self.raw["figure_nouns"])

    @functools.cached_property
    def too_generic_names(self) -> frozenset[str]:
        return frozenset(self.raw["too_generic_names"])

    @functools.cached_property
    def part_nouns(self) -> tuple[str, ...]:
        return tuple(self.raw["part_nouns"])

    @functools.cached_property
    def not_owner_words(self) -> frozenset[str]:
        return frozenset(self.raw["not_owner_words"])

    @functools.cached_property
    def month_names(self) -> tuple[str, ...]:
        """Each month's full name ('january', 'may'): the longest of the names of its number."""
        longest: dict[int, str] = {}
        for name, number in self.months.items():
            if len(name) > len(longest.get(number, "")):
                longest[number] = name
        return tuple(longest[n] for n in sorted(longest))

    @functools.cached_property
    def wire_abbreviations(self) -> frozenset[str]:
        return frozenset(self.raw["wire_abbreviations"])

    @functools.cached_property
    def share_nouns(self) -> frozenset[str]:
        return frozenset(self.raw["share_nouns"])

    @functools.cached_property
    def changing_share_metrics(self) -> frozenset[str]:
        return frozenset(self.raw["changing_share_metrics"])

    @functools.cached_property
    def period_before_words(self) -> tuple[str, ...]:
        return tuple(self.raw["period_before_words"])

    @functools.cached_property
    def coordinators(self) -> frozenset[str]:
        return frozenset(self.raw["coordinators"])

    @functools.cached_property
    def clause_verbs(self) -> frozenset[str]:
        return frozenset(self.raw["clause_verbs"])

    @functools.cached_property
    def forecast_clause_ends(self) -> frozenset[str]:
        return self.clause_openers | frozenset(self.raw["forecast_clause_ends"])

    @functools.cached_property
    def part_list_openers(self) -> tuple[str, ...]:
        return tuple(self.raw["part_list_openers"])

    @functools.cached_property
    def total_to_parts_words(self) -> tuple[str, ...]:
        return tuple(self.raw["total_to_parts_words"])

    @functools.cached_property
    def named_group_openers(self) -> tuple[str, ...]:
        return tuple(self.raw["named_group_openers"])

    @functools.cached_property
    def speech_verbs(self) -> frozenset[str]:
        return frozenset(self.raw["speech_verbs"])

    @functools.cached_property
    def whole_words(self) -> frozenset[str]:
        return frozenset(self.raw["whole_words"])

    @functools.cached_property
    def share_of_total_words(self) -> frozenset[str]:
        return frozenset(self.raw["share_of_total_words"])

    @functools.cached_property
    def not_counted(self) -> frozenset[str]:
        return frozenset(self.raw["not_counted_words"])

    @functools.cached_property
    def range_words(self) -> frozenset[str]:
        return frozenset(self.raw["range_words"])

    @functools.cached_property
    def rest_of_whole_words(self) -> frozenset[str]:
        return frozenset(self.raw["rest_of_whole_words"])

    @functools.cached_property
    def together_words(self) -> tuple[str, ...]:
        return tuple(self.raw["together_words"])

    @functools.cached_property
    def share_of_group_words(self) -> frozenset[str]:
        return frozenset(self.raw["share_of_group_words"])

    @functools.cached_property
    def after_of_that(self) -> frozenset[str]:
        return frozenset(self.raw["after_of_that"])

    @functools.cached_property
    def part_of_metric_wholes(self) -> frozenset[str]:
        return frozenset(self.raw["part_of_metric_wholes"])

    @functools.cached_property
    def part_of_metric_words(self) -> frozenset[str]:
        return frozenset(self.raw["part_of_metric_words"])

    @functools.cached_property
    def average_words(self) -> frozenset[str]:
        return frozenset(self.raw["average_words"])

    @functools.cached_property
    def change_modifiers(self) -> frozenset[str]:
        return frozenset(self.raw["change_modifiers"])

    @functools.cached_property
    def forecast_words(self) -> frozenset[str]:
        return frozenset(self.raw["forecast_words"])

    @functools.cached_property
    def iso_codes(self) -> frozenset[str]:
        return frozenset(self.raw["iso_codes"])

    @functools.cached_property
    def points_in_a_year(self) -> frozenset[str]:
        return frozenset(self.raw["points_in_a_year"])

    @functools.cached_property
    def times_in_a_period(self) -> frozenset[str]:
        return frozenset(self.raw["times_in_a_period"])

    @functools.cached_property
    def verb_markers(self) -> frozenset[str]:
        return frozenset(self.raw["verb_markers"])

    @functools.cached_property
    def verbs_after_counted(self) -> frozenset[str]:
        return frozenset(self.raw["verbs_after_counted"])

    @functools.cached_property
    def result_nouns(self) -> frozenset[str]:
        return frozenset(self.raw["result_nouns"])

    @functools.cached_property
    def count_comparatives(self) -> frozenset[str]:
        return frozenset(self.raw["count_comparatives"])

    @functools.cached_property
    def age_words(self) -> frozenset[str]:
        return frozenset(self.raw["age_words"])

    @functools.cached_property
    def age_nouns(self) -> frozenset[str]:
        return frozenset(self.raw["age_nouns"])

    @functools.cached_property
    def breakdown_words(self) -> tuple[str, ...]:
        return tuple(self.raw["breakdown_words"])

    @functools.cached_property
    def difference_after_counted(self) -> frozenset[str]:
        return frozenset(self.raw["difference_after_counted"])

    @functools.cached_property
    def surveyed_group_words(self) -> frozenset[str]:
        return frozenset(self.raw["surveyed_group_words"])

    @functools.cached_property
    def change_comparatives(self) -> dict[str, str]:
        return dict(self.raw["change_comparatives"])

    @functools.cached_property
    def predicate_adjective_endings(self) -> tuple[str, ...]:
        return tuple(self.raw["predicate_adjective_endings"])

    @functools.cached_property
    def irregular_participles(self) -> frozenset[str]:
        return frozenset(self.raw["irregular_participles"])

    @functools.cached_property
    def whole_name_openers(self) -> frozenset[str]:
        return frozenset(self.raw["whole_name_openers"])

    @functools.cached_property
    def company_nouns(self) -> tuple[str, ...]:
        return tuple(self.raw["company_nouns"])

    @functools.cached_property
    def event_verbs(self) -> frozenset[str]:
        return frozenset(self.raw["event_verbs"])

    @functools.cached_property
    def money_metrics(self) -> frozenset[str]:
        return frozenset(self.raw.get("money_metrics", []))

    @functools.cached_property
    def metric_parents(self) -> dict[str, str]:
        return dict(self.raw.get("metric_parents", {}))

    def related_metrics(self, a: str, b: str) -> bool:
        """One metric is a kind of the other: net profit and profit."""
        return self.metric_parents.get(a) == b or self.metric_parents.get(b) == a

    @functools.cached_property
    def metric_names(self) -> frozenset[str]:
        return frozenset(self.raw["metrics"])

    @functools.cached_property
    def metric_words(self) -> frozenset[str]:
        return frozenset(w for words in self.raw["metrics"].values() for w in words)

    @functools.cached_property
    def forms_of_metric(self) -> dict[str, frozenset[frozenset[str]]]:
        """Each metric and the words of each of its forms ({'capital', 'expenditure'}, ...)."""
        return {
            metric: frozenset(frozenset(form.replace(",", " ").split()) for form in forms)
            for metric, forms in self.raw["metrics"].items()
        }

    @functools.cached_property
    def metric_of_word(self) -> dict[str, str]:
        """Each metric word ("net sales", "turnover") and the metric it names."""
        return {w: metric for metric, words in self.raw["metrics"].items() for w in words}

    def patterns(self) -> Iterator[tuple[str, str, str]]:
        """Yield (attribute, label, phrase) for every phrase the PhraseMatchers look for."""
        raw = self.raw
        for code, entry in raw["currencies"].items():
            for symbol in entry["symbols"]:
                yield ORTH, f"CURRENCY|{code}", symbol
            for name in entry["names"]:
                yield LOWER, f"CURRENCYNAME|{code}", name
        for symbol, code in raw["glued_symbols"].items():
            yield ORTH, f"GLUED|{code}", symbol
        for code, names in raw["minor_units"].items():
            yield from ((LOWER, f"MINORUNIT|{code}", name) for name in names)
        for key in raw["ambiguous"]:
            if key.isalpha():
                yield LOWER, f"AMBIGUOUSNAME|{key}", key
            else:
                yield ORTH, f"AMBIGUOUS|{key}", key
        for code in raw["iso_codes"]:
            yield ORTH, f"ISO|{self.iso_aliases.get(code, code)}", code
        for name, entry in raw["scales"].items():
            for word in entry["words"]:
                yield LOWER, f"SCALE|{name}", word
        for word in raw["money_only_scales"]:
            yield LOWER, f"MONEYSCALE|{word}", word
        for kind, words in raw["percent"].items():
            yield from ((LOWER, f"PERCENT|{kind}", w) for w in words)
        for form, unit in raw["cased_units"].items():
            yield ORTH, f"UNIT|{unit}", form
        for form, unit in raw["units"].items():
            yield LOWER, f"UNIT|{unit}", form
        for unit, words in raw["durations"].items():
            yield from ((LOWER, f"DURATION|{unit}", w) for w in words)
        for kind, words in raw["qualifiers"].items():
            yield from ((LOWER, f"QUALIFIER|{kind}", w) for w in words)
        for direction in ("up", "down"):
            yield from ((LOWER, f"CHANGE|{direction}", w) for w in raw["change_words"][direction])
        for word in raw["change_words"]["double"]:
            yield LOWER, f"MULTIPLY|{word}", word
        for basis, phrases in raw["change_basis"].items():
            yield from ((LOWER, f"BASIS|{basis}", p) for p in phrases)
        for metric, words in raw["metrics"].items():
            yield from ((LOWER, f"METRIC|{metric}", w) for w in words)
        for metric, words in raw["metric_verbs"].items():
            yield from ((LOWER, f"METRICVERB|{metric}", w) for w in words)
        for month in raw["months"]:
            yield LOWER, f"MONTH|{month}", month
        for day in raw["weekdays"]:
            yield LOWER, f"WEEKDAY|{day}", day
        for word in raw["name_markers"]:
            yield LOWER, "NAMEMARK|", word
        for word in raw["clock_words"]:
            yield LOWER, "CLOCK|", word
        for phrase in raw["baseline_words"]:
            yield LOWER, "BASELINE|", phrase
        for code, words in raw["currency_context"].items():
            yield from ((LOWER, f"CONTEXT|{code}", w) for w in words)


def _fraction(text: str) -> Decimal:
    if "/" in text:
        numerator, denominator = text.split("/")
        return Decimal(numerator) / Decimal(denominator)
    return Decimal(text)


class LexiconError(ValueError):
    """The lexicon data is inconsistent (a duplicate entry, a missing section)."""


def _check_strings(raw: Any, where: str = "lexicon") -> None:
    """YAML reads unquoted no/on/yes as booleans: every word in the lexicon must be a string."""
    if isinstance(raw, dict):
        for key, value in raw.items():
            _check_strings(value, f"{where}.{key}")
    elif isinstance(raw, list):
        for item in raw:
            if not isinstance(item, str):
                raise LexiconError(f"{where}: {item!r} is not a string (quote it)")


def _check_unique(raw: dict[str, Any]) -> None:
    for section in ("metrics", "metric_verbs", "qualifiers"):
        seen: dict[str, str] = {}
        for key, words in raw[section].items():
            for word in words:
                if word in seen:
                    raise LexiconError(
                        f"lexicon {section}: {word!r} under both {seen[word]} and {key}"
                    )
                seen[word] = key


_AMBIGUITY_KEYS = {"default", "candidates", "fit", "by_paragraph"}


def _check_ambiguous(raw: dict[str, Any]) -> None:
    """Each ambiguous currency sign has known keys, and its default is one of its candidates."""
    for sign, entry in raw["ambiguous"].items():
        unknown = set(entry) - _AMBIGUITY_KEYS
        if unknown:
            raise LexiconError(f"lexicon ambiguous {sign!r}: unknown key {sorted(unknown)[0]!r}")
        if entry["default"] not in entry["candidates"]:
            raise LexiconError(f"lexicon ambiguous {sign!r}: default is not a candidate")


def _check_parents(raw: dict[str, Any]) -> None:
    """Every metric of the taxonomy, and every money metric, is a metric the lexicon lists."""
    named = [("metric_parents", m) for pair in raw.get("metric_parents", {}).items() for m in pair]
    named += [("money_metrics", m) for m in raw.get("money_metrics", [])]
    named += [("money_or_percent_only", m) for m in raw.get("money_or_percent_only", [])]
    named += [("count_only_metrics", m) for m in raw.get("count_only_metrics", [])]
    for section, metric in named:
        if metric not in raw["metrics"]:
            raise LexiconError(f"lexicon {section}: {metric!r} is not under metrics")


@functools.cache
def load_lexicon() -> Lexicon:
    path = resources.files("checker.nlp.data").joinpath("lexicon.yaml")
    return Lexicon(datacache.kept("lexicon", Path(str(path)), __version__, lambda: _parse(path)))


def _parse(path: Traversable) -> dict[str, Any]:
    import yaml  # imported when needed: the parsed lexicon is usually read from the data cache

    raw = yaml.safe_load(path.read_text("utf-8"))
    _check_strings(raw)
    _check_unique(raw)
    _check_ambiguous(raw)
    _check_parents(raw)
    return raw
