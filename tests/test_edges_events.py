"""What an imported GDELT or ICEWS engagement says: code names, counts, places and ids, worked out by hand."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .conftest import Run
from .test_events import EXCERPT, gdelt_row, imported_gdelt


def test_a_sub_code_without_a_name_of_its_own_is_named_by_its_parent(run: Run, tmp_path: Path) -> None:
    # CAMEO 0341 (intent to change leadership) has no entry of its own; 034 is its parent.
    [record] = imported_gdelt(run, tmp_path, gdelt_row("20240306", "ROM", "MDA", "0341"))
    assert record["summary"] == "Moldova and Romania: express intent to institute political reform (1 GDELT event)"
    assert (record["kind"], record["areas"], record["tags"]) == ("statement", ["political"], ["cameo:0341", "gdelt"])


def test_a_cooperative_code_cameo_does_not_name_is_shown_as_its_number(run: Run, tmp_path: Path) -> None:
    [record] = imported_gdelt(run, tmp_path, gdelt_row("20240306", "ROM", "MDA", "0491"))
    assert record["summary"] == "Moldova and Romania: CAMEO 0491 (1 GDELT event)"
    assert (record["kind"], record["areas"]) == ("other", ["political"])


HEADER = EXCERPT.read_text().splitlines()[0]


def _icews_row(date: str, source: str, target: str, code: str = "040", city: str = "Paris",
               country: str = "France", events: int = 1, publisher: str = "Pub") -> str:  # fmt: skip
    row = ["1", date, "A", "Gov", source, "Consult", code, "1", "B", "Gov", target, "9", "1", publisher,
           city, "NA", "NA", country, "0", "0"]  # fmt: skip
    return "\n".join(["\t".join(row)] * events)


def _icews(run: Run, tmp_path: Path, *rows: str) -> list[dict[str, Any]]:
    source = tmp_path / "events.tab"
    source.write_text("\n".join([HEADER, *rows]) + "\n")
    result = run("import", str(source), "--from", "icews")
    assert result.exit_code == 0, result.stderr
    records: list[dict[str, Any]] = json.loads(run("export").stdout)
    return records


def test_one_codes_events_in_two_countries_claim_no_place(run: Run, tmp_path: Path) -> None:
    [visit] = imported_gdelt(run, tmp_path, gdelt_row("20240305", "FRA", "DEU", "042", "Berlin, Berlin, Germany", "GM"),
                     gdelt_row("20240305", "DEU", "FRA", "042", "Paris, Paris, France", "FR"))  # fmt: skip
    assert visit["location"] == {"country": None, "place": None}
    assert visit["summary"] == "Germany and France: make a visit (2 GDELT events)"


def test_an_icews_place_in_a_country_not_recognised_is_no_place(run: Run, tmp_path: Path) -> None:
    [talks] = _icews(run, tmp_path, _icews_row("2018-06-01", "France", "Germany", country="Atlantis"))
    assert talks["location"] == {"country": None, "place": None}


def test_one_codes_events_in_two_cities_of_one_country_keep_the_country_not_a_city(run: Run, tmp_path: Path) -> None:
    [visit] = imported_gdelt(run, tmp_path, gdelt_row("20240305", "FRA", "DEU", "042", "Berlin, Berlin, Germany", "GM"),
                     gdelt_row("20240305", "FRA", "DEU", "042", "Munich, Bayern, Germany", "GM"))  # fmt: skip
    assert visit["location"] == {"country": "DEU", "place": None}


# A saved result of `events-sql` (one row per engagement and code), as `import --collapsed` reads it back;
# the outlet and url carry the first event's position in front (20 characters), which the import takes off.
COLUMNS = ("reason,country1,country2,day,kind,area,code,events,placed,named,place_first,place_last,"
           "place_country_first,place_country_last,outlet,url")  # fmt: skip
FIRST = "0" * 19 + "1"
SAVED = [
    f",DEU,FRA,2024-03-05,meeting,political,042,2,2,2,Berlin,Berlin,DEU,DEU,{FIRST}example.org,{FIRST}https://a.test",
    ",MDA,ROU,2024-03-06,statement,military,0312,1,0,0,,,,,,",
    ",AZE,PAK,2024-03-07,agreement,political,057,1,1,0,,,AZE,AZE,,",
    "not cooperation (CAMEO root outside 03-06),,,,,,,5,0,0,,,,,,",
]


def _saved(run: Run, tmp_path: Path, *options: str) -> tuple[list[list[str]], dict[str, Any]]:
    source = tmp_path / "collapsed.csv"
    source.write_text("\n".join([COLUMNS, *SAVED]) + "\n")
    result = run("import", str(source), "--from", "gdelt", "--collapsed", "--dry-run", "--json", *options)
    assert result.exit_code == 0, result.stderr
    report: dict[str, Any] = json.loads(result.stdout)
    return [d["countries"] for d in report["drafts"]], report["events"]


def test_a_saved_result_imports_with_its_place_source_and_counts(run: Run, tmp_path: Path) -> None:
    source = tmp_path / "collapsed.csv"
    source.write_text("\n".join([COLUMNS, *SAVED]) + "\n")
    result = run("import", str(source), "--from", "gdelt", "--collapsed", "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["events"] == {
        "read": 9, "taken": 4, "skipped": {"not cooperation (CAMEO root outside 03-06)": 5}}  # fmt: skip
    visit, statement, signed = json.loads(run("export").stdout)
    assert visit["location"] == {"country": "DEU", "place": "Berlin"}
    assert visit["source"] == {"outlet": "example.org", "author": None, "url": "https://a.test", "published": None}
    assert visit["summary"] == "Germany and France: make a visit (2 GDELT events)"
    assert statement["location"] == {"country": None, "place": None}
    assert statement["source"]["url"] is None and statement["source"]["outlet"] is None
    assert signed["location"] == {"country": "AZE", "place": None}


def test_the_filters_apply_to_a_saved_result_with_both_ends_of_a_range_included(run: Run, tmp_path: Path) -> None:
    assert _saved(run, tmp_path, "--since", "2024-03-06")[0] == [["MDA", "ROU"], ["AZE", "PAK"]]
    assert _saved(run, tmp_path, "--until", "2024-03-06")[0] == [["DEU", "FRA"], ["MDA", "ROU"]]
    assert _saved(run, tmp_path, "--since", "2024-03-06", "--until", "2024-03-06")[0] == [["MDA", "ROU"]]
    assert _saved(run, tmp_path, "--kind", "agreement")[0] == [["AZE", "PAK"]]
    assert _saved(run, tmp_path, "--country", "FR")[0] == [["DEU", "FRA"]]
    assert _saved(run, tmp_path, "--country", "FR", "--country", "DE")[0] == [["DEU", "FRA"]]
    assert _saved(run, tmp_path, "--country", "FR", "--country", "PK")[0] == []
    kept, events = _saved(run, tmp_path, "--area", "military")
    assert kept == [["MDA", "ROU"]]
    assert events == {"read": 9, "taken": 1, "skipped": {"not cooperation (CAMEO root outside 03-06)": 5,
                                                          "outside the filters": 3}}  # fmt: skip


def test_the_report_names_each_reason_once_in_order_and_the_summary_every_code(run: Run, tmp_path: Path) -> None:
    result = run("import", str(EXCERPT), "--from", "icews", "--dry-run", "--json")
    assert result.stderr.splitlines()[0] == (
        "events: 309 read, 143 taken; skipped 6 an actor without a country, 16 both actors in the same country, "
        "144 not cooperation (CAMEO root outside 03-06)")  # fmt: skip
    assert list(json.loads(result.stdout)["events"]["skipped"]) == [
        "an actor without a country",
        "both actors in the same country",
        "not cooperation (CAMEO root outside 03-06)",
    ]
    visit_rows = [gdelt_row("20240305", "DEU", "FRA", "043"), *[gdelt_row("20240305", "FRA", "DEU", "042")] * 2]
    [visit] = imported_gdelt(run, tmp_path, *visit_rows)
    assert visit["summary"] == "Germany and France: make a visit; host a visit (3 GDELT events)"
    assert visit["tags"] == ["cameo:042", "cameo:043", "gdelt"]


def test_a_city_named_for_only_some_of_the_events_is_not_claimed(run: Run, tmp_path: Path) -> None:
    # Two events placed in Germany, one of them in Berlin and one in the country only.
    [visit] = imported_gdelt(run, tmp_path, gdelt_row("20240305", "FRA", "DEU", "042", "Berlin, Berlin, Germany", "GM"),
                     gdelt_row("20240305", "DEU", "FRA", "043", "Germany", "GM"))  # fmt: skip
    assert visit["location"] == {"country": "DEU", "place": None}


def test_an_icews_actor_country_not_recognised_is_counted_as_such(run: Run, tmp_path: Path) -> None:
    source = tmp_path / "events.tab"
    # Events without a place, so that a count of placed events would be 0.
    source.write_text("\n".join([HEADER, _icews_row("2018-06-01", "Atlantis", "Germany", city="", country="", events=2),
                                 _icews_row("2018-06-01", "Germany", "Germany", city="", country="", events=3),
                                 _icews_row("2018-06-01", "France", "Germany")]) + "\n")  # fmt: skip
    report = json.loads(run("import", str(source), "--from", "icews", "--json").stdout)
    assert report["events"] == {"read": 6, "taken": 1, "skipped": {"an actor country not recognised": 2,
                                                                    "both actors in the same country": 3}}  # fmt: skip
    assert report["imported"] == 1


def test_events_on_a_day_that_does_not_exist_are_each_counted(run: Run, tmp_path: Path) -> None:
    source = tmp_path / "events.CSV"
    source.write_text(
        "\n".join([gdelt_row("20240230", "FRA", "DEU", "042")] * 2 + [gdelt_row("20240229", "FRA", "DEU", "042")])
        + "\n"
    )
    report = json.loads(run("import", str(source), "--from", "gdelt", "--json").stdout)
    assert report["events"] == {"read": 3, "taken": 1, "skipped": {"malformed row": 2}}


def test_imported_event_records_keep_their_lines_when_the_file_is_written_whole_later(
    run: Run, db: Path, tmp_path: Path
) -> None:
    # Odd characters in every text the import writes: a later write of the whole file (here an
    # ordinary import) must give each event record the same line, so that a diff shows only the change.
    odd = 'Baku "old town" \\ / é 🙂 \u2028 \x1f'
    rows = [
        gdelt_row("20240305", "FRA", "DEU", "042", f"{odd}, Berlin, Germany", "GM", 'https://example.org/a?q="x"'),
        gdelt_row("20240306", "AZE", "PAK", "057", "Azerbaijan", "AJ", f"https://example.org/{odd}"),
        gdelt_row("20240307", "ROM", "MDA", "0312"),
    ]
    imported_gdelt(run, tmp_path, *rows)
    before = db.read_bytes().splitlines()
    by_hand = [{"date": "2024-03-08", "countries": ["AZ", "GE"], "summary": "by hand"}]
    assert run("import", "-", "--format", "json", input=json.dumps(by_hand)).exit_code == 0
    after = [line.rstrip(b",") for line in db.read_bytes().splitlines()]  # the last line gains a comma
    event_lines = [line.rstrip(b",") for line in before if b"GDELT event" in line]
    assert len(event_lines) == 3
    assert all(line in after for line in event_lines)
    shown = json.loads(run("show", "1", "--json").stdout)
    assert shown["location"]["place"] == odd and shown["source"]["url"] == 'https://example.org/a?q="x"'


# -- the ICEWS way (collapse.fold and _draft; GDELT's rows come folded by the engine) --------------


def test_one_icews_codes_events_in_two_cities_of_one_country_keep_the_country_not_a_city(
    run: Run, tmp_path: Path
) -> None:
    [talks] = _icews(run, tmp_path, _icews_row("2018-06-01", "France", "Germany", city="Berlin", country="Germany"),
                     _icews_row("2018-06-01", "Germany", "France", city="Munich", country="Germany"))  # fmt: skip
    assert talks["location"] == {"country": "DEU", "place": None}
    assert talks["summary"] == "Germany and France: consult (2 ICEWS events)"


def test_imported_icews_engagements_get_ids_in_date_order_not_pair_order(run: Run, tmp_path: Path) -> None:
    records = _icews(run, tmp_path, _icews_row("2018-06-02", "France", "Germany"),
                     _icews_row("2018-06-01", "Russia", "Israel", city="Moscow", country="Russia"))  # fmt: skip
    assert [(r["id"], r["date"], r["countries"]) for r in records] == [
        (1, "2018-06-01", ["ISR", "RUS"]),
        (2, "2018-06-02", ["DEU", "FRA"]),
    ]
    assert records[0]["summary"] == "Israel and Russia: consult (1 ICEWS event)"
    assert records[0]["location"] == {"country": "RUS", "place": "Moscow"}


def test_an_imported_code_gives_its_own_area_and_a_code_without_one_is_political(run: Run, tmp_path: Path) -> None:
    for dataset, rows in (
        ("gdelt", [gdelt_row("20240306", "ROM", "MDA", "0312"), gdelt_row("20240307", "ROM", "MDA", "061"),
                   gdelt_row("20240308", "ROM", "MDA", "042")]),
        ("icews", [_icews_row("2018-06-01", "France", "Germany", "0312"),
                   _icews_row("2018-06-02", "France", "Germany", "061"),
                   _icews_row("2018-06-03", "France", "Germany")]),
    ):  # fmt: skip
        records = imported_gdelt(run, tmp_path, *rows) if dataset == "gdelt" else _icews(run, tmp_path, *rows)
        assert [r["areas"] for r in records[-3:]] == [["military"], ["economic"], ["political"]], dataset


def test_an_icews_event_takes_the_area_of_its_cameo_code(run: Run, tmp_path: Path) -> None:
    # ICEWS's areas come from the query's code table, GDELT's from the codes' bits: the same areas either way.
    (icews,) = _icews(run, tmp_path, _icews_row("2018-06-01", "France", "Germany", code="0312"))
    assert icews["areas"] == ["military"]
    assert "(1 ICEWS event)" in icews["summary"]


def test_an_icews_city_named_for_only_some_of_the_events_is_not_claimed(run: Run, tmp_path: Path) -> None:
    # One event in Paris, one in France with no city: the country holds for both, the city for one only.
    [talks] = _icews(run, tmp_path, _icews_row("2018-06-01", "France", "Germany", city="Paris"),
                     _icews_row("2018-06-01", "Germany", "France", city="NA"))  # fmt: skip
    assert talks["location"] == {"country": "FRA", "place": None}
    assert talks["summary"] == "Germany and France: consult (2 ICEWS events)"


def test_an_icews_event_placed_in_a_country_only_keeps_that_country(run: Run, tmp_path: Path) -> None:
    [talks] = _icews(run, tmp_path, _icews_row("2018-06-01", "France", "Germany", city="", country="Germany"))
    assert talks["location"] == {"country": "DEU", "place": None}


def test_icews_events_without_a_place_are_counted_and_keep_their_outlet(run: Run, tmp_path: Path) -> None:
    source = tmp_path / "events.tab"
    source.write_text("\n".join([HEADER, _icews_row("2018-06-01", "France", "Germany", city="", country="", events=2),
                                 _icews_row("2018-06-02", "France", "Germany", publisher="NA")]) + "\n")  # fmt: skip
    report = json.loads(run("import", str(source), "--from", "icews", "--json").stdout)
    assert report["events"] == {"read": 3, "taken": 3, "skipped": {}}
    unplaced, unpublished = json.loads(run("export").stdout)
    assert unplaced["summary"] == "Germany and France: consult (2 ICEWS events)"
    assert unplaced["location"] == {"country": None, "place": None}
    assert unplaced["source"]["outlet"] == "Pub"
    # An ICEWS event whose publisher is not known ("NA") has no outlet; ICEWS gives no url.
    assert (unpublished["source"]["outlet"], unpublished["source"]["url"]) == (None, None)
    assert unpublished["location"] == {"country": "FRA", "place": "Paris"}


def test_icews_events_on_a_day_that_does_not_exist_are_each_counted(run: Run, tmp_path: Path) -> None:
    source = tmp_path / "events.tab"
    source.write_text("\n".join([HEADER, _icews_row("2018-02-30", "France", "Germany", city="", country="", events=2),
                                 _icews_row("2018-02-28", "France", "Germany")]) + "\n")  # fmt: skip
    report = json.loads(run("import", str(source), "--from", "icews", "--json").stdout)
    assert report["events"] == {"read": 3, "taken": 1, "skipped": {"malformed row": 2}}


def test_the_filters_apply_to_an_icews_import(run: Run, tmp_path: Path) -> None:
    source = tmp_path / "events.tab"
    source.write_text("\n".join([HEADER, _icews_row("2018-06-01", "France", "Germany", events=2),
                                 _icews_row("2018-06-02", "Germany", "France", code="0312"),
                                 _icews_row("2018-06-03", "Russia", "Israel", code="042")]) + "\n")  # fmt: skip

    def kept(*options: str) -> list[tuple[str, list[str]]]:
        result = run("import", str(source), "--from", "icews", "--dry-run", "--json", *options)
        assert result.exit_code == 0, result.stderr
        return [(d["date"], d["countries"]) for d in json.loads(result.stdout)["drafts"]]

    assert kept("--since", "2018-06-02") == [("2018-06-02", ["DEU", "FRA"]), ("2018-06-03", ["ISR", "RUS"])]
    assert kept("--until", "2018-06-02") == [("2018-06-01", ["DEU", "FRA"]), ("2018-06-02", ["DEU", "FRA"])]
    assert kept("--country", "FR", "--country", "DE") == [
        ("2018-06-01", ["DEU", "FRA"]),
        ("2018-06-02", ["DEU", "FRA"]),
    ]
    assert kept("--country", "IL") == [("2018-06-03", ["ISR", "RUS"])]
    # The countries and areas filters apply after the fold, which counts the events they leave out.
    report = json.loads(run("import", str(source), "--from", "icews", "--dry-run", "--json", "-c", "IL").stdout)
    assert report["events"] == {"read": 4, "taken": 1, "skipped": {"outside the filters": 3}}
    assert kept("--kind", "meeting") == [("2018-06-03", ["ISR", "RUS"])]
    assert kept("--area", "military") == [("2018-06-02", ["DEU", "FRA"])]


def test_a_saved_result_counts_rows_without_countries_or_of_one_country(run: Run, tmp_path: Path) -> None:
    # A saved result edited or made by another tool: rows with no reason but no countries, or one country twice.
    source = tmp_path / "collapsed.csv"
    # One country missing is unrecognised too, not the other country paired with itself.
    rows = [
        ",,,2024-03-05,meeting,political,042,2,0,0,,,,,,",
        ",FRA,FRA,2024-03-05,meeting,political,042,3,0,0,,,,,,",
        ",DEU,FRA,2024-03-05,meeting,political,042,1,0,0,,,,,,",
        ",,FRA,2024-03-05,meeting,political,042,4,0,0,,,,,,",
        ",DEU,,2024-03-06,meeting,political,042,5,0,0,,,,,,",
    ]
    source.write_text("\n".join([COLUMNS, *rows]) + "\n")
    result = run("import", str(source), "--from", "gdelt", "--collapsed", "--dry-run", "--json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["events"] == {"read": 15, "taken": 1, "skipped": {"an actor country not recognised": 11,
                                                                     "both actors in the same country": 3}}  # fmt: skip
    assert [d["countries"] for d in report["drafts"]] == [["DEU", "FRA"]]
