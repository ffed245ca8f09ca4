"""The enumeration check: a count that announces a list whose items do not number that many."""

from __future__ import annotations

import pytest

from checker.document import Options, analyze_source
from checker.engine import Engine
from checker.findings import Finding, Severity
from checker.source import source_from_text
from tests.helpers import findings, rule

ENUMERATION = [rule("enumeration-count")]


def messages(text: str) -> list[str]:
    return [f.message for f in findings(text, rules=ENUMERATION)]


def markdown_findings(text: str) -> list[Finding]:
    source = source_from_text(text, "draft.md", "markdown")
    return Engine(ENUMERATION).check(analyze_source(source, Options()))


def markdown_messages(text: str) -> list[str]:
    return [f.message for f in markdown_findings(text)]


# -- lists in a sentence -------------------------------------------------------------------------


def test_the_message_names_the_count_and_the_items() -> None:
    assert messages("The company gave four reasons: cost, speed and scale.") == [
        "'four reasons' but the list has 3 items: cost, speed, scale"
    ]


def test_a_warning_located_at_the_count_and_its_noun() -> None:
    (found,) = findings("The company gave four reasons: cost, speed and scale.", rules=ENUMERATION)
    assert found.severity == Severity.WARNING
    assert (found.location.column, found.location.end_column) == (18, 30)
    assert found.related[0].message == "the list: 3 items"


@pytest.mark.parametrize(
    "text",
    [
        "There are 4 key risks — rates, costs and demand.",
        "There are four key risks - rates, costs and demand.",
        "There are four key risks -- rates, costs and demand.",
        "The group has four units, namely shipping, retail and banking.",
        "The firm gave four reasons: cost, speed, and scale.",  # Oxford comma
        "There are four reasons — cost, speed, scale.",  # no "and"
        "The four reasons are: cost, speed and scale.",
        "The company cited four reasons for the decline: cost, speed and scale.",
        "The company cited four reasons: cost,\nspeed and scale.",  # a wrapped line
        "Four players reached double figures this season: Mensah (14), Reid (11) and Ward (10).",
        # "and" inside a middle item joins no two items; "among" inside one marks no part
        "She blamed three factors: weaker exports from Korea and Taiwan, longer and costlier "
        "routings around the Cape of Good Hope, a price war among forwarders in Singapore, and "
        "the loss of a large customer.",
        # items as long as a news sentence makes them
        "The scheme has three main elements: a 1.8 km (1.1 mile) flood wall along the east bank "
        "of the River Aran, a new pumping station at Mill Lane, two enlarged culverts under the "
        "Dublin Road and a text-message flood warning system for residents.",
        # a year between the count and its list
        "Trustees voted to close three schools in June 2012: Maple Grove, Birchwood, Elm Street "
        "and Riverside Public School.",
    ],
)
def test_sentence_lists_one_short_fire(text: str) -> None:
    assert len(messages(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "The company gave three reasons: cost, speed and scale.",
        "There are 3 key risks — rates, costs and demand.",
        "The group has three units, namely shipping, retail and banking.",
        "The firm gave three reasons: cost, speed, and scale.",
        "The firm gave two options: sell or merge.",
        "The top three: Apple, Google and Amazon.",
        # an "and" in the first part may open the list: six banks, a state bank and five others
        "It proposed six new banks: a state bank and banks for foreign trade, farming, "
        "construction, housing and services, and credit.",
    ],
)
def test_lists_of_the_stated_length_pass(text: str) -> None:
    assert messages(text) == []


def test_semicolons_separate_items_when_there_are_any() -> None:
    three = "The plan has three parts: cutting costs, which hurts; selling assets; and borrowing."
    assert messages(three) == []
    (message,) = messages(three.replace("three", "two"))
    assert "3 items: cutting costs, which hurts; selling assets; borrowing" in message


def test_semicolons_keep_places_with_their_state() -> None:
    assert (
        messages("It has offices in three cities: Portland, Ore.; Austin, Texas; and Denver.") == []
    )


@pytest.mark.parametrize(
    "text",
    [
        "It has three divisions: research and development, sales and marketing, and support.",
        "It has four divisions: research and development, sales, and support.",  # R and D as two
        "It has two divisions: research and development, and support.",
        "It gave two reasons: cost, speed and scale.",  # "speed and scale" may be one item
        "It named three companies: Acme, Inc., Beta Corp. and Gamma Ltd.",
    ],
)
def test_a_reading_that_gives_the_count_is_enough(text: str) -> None:
    assert messages(text) == []


def test_no_reading_of_inner_ands_gives_the_count() -> None:
    (message,) = messages("It has five divisions: research and development, sales, and support.")
    assert "3 items: research and development, sales, support" in message


@pytest.mark.parametrize(
    "text",
    [
        # No serial comma: the last "and" ends the list unless its sides are short bare words.
        "It gave three reasons: weak demand, a fall in orders, a strong currency and low "
        "inflation.",
        "It gave two reasons: a shortage of engineers, delays in getting permits and higher costs.",
        "It named three players: Jonas Lindqvist of Skarviken, Kenji Arai of Sapporo, Rafael "
        "Quintana and Marco Ellis of Dunmore.",
    ],
)
def test_a_final_and_between_phrases_ends_the_list(text: str) -> None:
    (message,) = messages(text)
    assert "items" in message


def test_too_many_items_fire() -> None:
    (message,) = messages("It gave two reasons: cost, speed, scale and reach.")
    assert message == "'two reasons' but the list has 4 items: cost, speed, scale, reach"


def test_a_count_without_a_noun_after_top() -> None:
    assert messages("The top three: Apple, Google.") == [
        "'top three' but the list has 2 items: Apple, Google"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The company gave four reasons, including cost and speed.",
        "The company gave four reasons: among them cost and speed.",
        "The company gave four reasons, such as cost and speed.",
        "The company gave four reasons: e.g. cost, speed and scale.",
        "The company gave four reasons: cost, speed, scale, etc.",
        "The company gave four reasons: cost, speed and scale, among others.",
    ],
)
def test_a_list_said_to_be_partial_never_fires(text: str) -> None:
    assert messages(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The city has 3 million people: workers, students and retirees.",
        "The meeting resumed at 10:30: Smith, Jones and Brown spoke.",
        "The vote was 3:1 in favour: Smith, Jones and Brown.",
        "The team won 4-3 — goals from Smith and Jones.",
        "Chapter 3: Introduction, Methods and Results.",
        "He won three of the five seats: Leeds, York and Hull.",
        "He gave more than four reasons: cost, speed and scale.",
        "He gave about four reasons: cost, speed and scale.",
        "He gave at least four reasons: cost, speed and scale.",
        "Three people were hurt: one was taken to hospital and the others went home.",
        "Butler lost four starters after the 2007 – 08 season, and was picked to finish fifth.",
    ],
)
def test_numbers_that_announce_no_list_pass(text: str) -> None:
    assert messages(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # a breakdown into counts, not a list of things
        "By 757 the couple had five children — three sons and two daughters — but one died.",
        # the dash closes a parenthesis: what follows is the sentence going on
        "A unit — 51 Marines and nine SEALs — left at 02:47, 466 miles away, and landed at 06:20.",
        # a dash and a clause
        "We got our two six-packs -- and they're gone.",
        # names with descriptions between commas
        "It bought two ships: Independencia, a centre-battery ship, and the turret ship Huáscar.",
        "It sold two packages -- the Advanced System, priced at 2,995 dlrs, and the Budget System.",
        # no "and" to mark the last item, and a long last part
        "They expect the six - Britain, Canada, France, Japan, the U.S. Amd West Germany - to meet",
    ],
)
def test_real_text_traps_pass(text: str) -> None:
    assert messages(text) == []


def test_abbreviations_do_not_end_the_list() -> None:
    assert messages("He named three aides: J. Doe, Mr. Brown and Dr. Who. Then he left.") == []
    assert len(messages("He named four aides: J. Doe, Mr. Brown and Dr. Who. Then he left.")) == 1


def test_the_next_sentence_is_not_part_of_the_list() -> None:
    text = "It sold three units -- Acme Inc. and Beta Corp. Sales, costs and taxes fell."
    assert messages(text) == ["'three units' but the list has 2 items: Acme Inc., Beta Corp"]


# -- Markdown lists ------------------------------------------------------------------------------

NUMBERED = """\
There are five steps:

1. Plan the work.
2. Build it.
3. Ship it.
4. Celebrate.

That is all.
"""


def test_a_numbered_list_one_short() -> None:
    (found,) = markdown_findings(NUMBERED)
    assert (
        found.message
        == "'five steps' but the list has 4 items: Plan the work, Build it, Ship it, Celebrate"
    )
    assert found.location.line == 1
    assert (found.related[0].location.line, found.related[0].location.end_line) == (3, 6)


def test_a_numbered_list_of_the_stated_length() -> None:
    assert markdown_messages(NUMBERED.replace("five", "four")) == []


def test_nested_items_do_not_count() -> None:
    text = "There are three steps:\n\n- Plan\n  - budget\n  - people\n- Build\n- Ship\n"
    assert markdown_messages(text) == []
    assert len(markdown_messages(text.replace("three", "five"))) == 1


def test_a_loose_list_goes_on_past_blank_lines() -> None:
    text = "Four things to know:\n\n* cost\n\n* speed\n\n* scale\n\n* reach\n"
    assert markdown_messages(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "There are three steps:\n- Plan\n- Build\n\nThen we rest.\n\n- Ship\n",
        "# Plan\n\nThere are three steps:\n\n* Plan\n* Build\n\n## Later\n\n* Ship\n",
    ],
)
def test_the_list_ends_at_a_paragraph_or_a_heading(text: str) -> None:
    assert markdown_messages(text) == ["'three steps' but the list has 2 items: Plan, Build"]


def test_an_announcement_inside_a_list_item() -> None:
    text = "- Three options:\n  - buy\n  - sell\n- Other matters\n"
    assert markdown_messages(text) == ["'Three options' but the list has 2 items: buy, sell"]


def test_a_list_whose_marker_changes_is_not_judged() -> None:
    assert markdown_messages("There are two options:\n- buy\n* sell\n* hold\n") == []


def test_a_partial_markdown_list_is_not_judged() -> None:
    assert markdown_messages("Five steps, including:\n\n- Plan\n- Build\n") == []
    assert markdown_messages("Five steps:\n\n- Plan\n- Build\n- etc.\n") == []


def test_sentences_in_markdown_are_read_too() -> None:
    assert (
        len(markdown_messages("The company gave **four** reasons: cost, speed and scale.\n")) == 1
    )


def test_a_colon_line_without_a_list_is_read_as_a_sentence() -> None:
    assert len(markdown_messages("Four reasons:\ncost, speed and scale.\n")) == 1
    assert markdown_messages("Four reasons:\n\n    code, in a block\n") == []


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        (
            "The club drew up a shortlist of three other midfielders: Rafael Quintana, "
            "Marco Ellis, "
            "Tom Bride, Ivo Rask and Leo Marr.",
            True,
        ),
        (
            "The club drew up a shortlist of three other midfielders: Rafael Quintana, Marco Ellis "
            "and Tom Bride.",
            False,
        ),
        ("Labour won three of the five seats: Leeds, York, Bath, Hull and Ely.", False),
    ],
)
def test_a_count_after_a_list_noun_and_of_announces_a_list(text: str, fires: bool) -> None:
    assert len(findings(text, rules=[rule("enumeration-count")])) == int(fires)


def test_a_place_name_ending_an_item_does_not_make_the_next_a_description() -> None:
    text = (
        "The scheme had three main elements: the tram extension, a park-and-ride site at "
        "Moorside, later evening services and contactless ticketing on every route."
    )
    (message,) = messages(text)
    assert "4 items" in message


def test_the_count_nearest_the_colon_announces_the_list() -> None:
    text = (
        "The 38 authors come from 11 institutions in {} countries: Norway, Chile, Spain and Japan."
    )
    assert messages(text.format("four")) == []
    (message,) = messages(text.format("five"))
    assert message.startswith("'five countries' but the list has 4 items")
