"""Filters that check: every value validated as the API validates it, usage errors for values that can
never match, and a word on stderr (exit status 3) when valid filters select nothing."""

from __future__ import annotations

import pytest

USAGE = "Usage: kronika {command} [OPTIONS]{args}\nTry 'kronika {command} --help' for help.\n\nError: "


def usage_error(command: str, message: str, args: str = "") -> str:
    return USAGE.format(command=command, args=args) + message + "\n"


@pytest.mark.parametrize(("command", "args", "message"), [
    ("events", ["--since", "2024-13-01"], '--since "2024-13-01" is not a date on the calendar'),
    ("events", ["--since", "2024-02-30"], '--since "2024-02-30" is not a date on the calendar'),
    ("events", ["--until", "last week"], '--until "last week" is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)'),
    ("quotes", ["--since", "2024-99"], '--since "2024-99" is not a date on the calendar'),
    ("events", ["--since", "2024", "--until", "2023"], '--until "2023" is before --since "2024"'),
    ("quotes", ["--since", "2024-06", "--until", "2024-05-31"], '--until "2024-05-31" is before --since "2024-06"'),
    ("events", ["--event", "HUG"], '--event "HUG" is not a PLOVER category (one of AGREE, CONSULT, SUPPORT, '
     "CONCEDE, COOPERATE, AID, RETREAT, REQUEST, ACCUSE, REJECT, THREATEN, PROTEST, SANCTION, MOBILIZE, COERCE, "
     "ASSAULT)"),
    ("counts", ["--place-country", "Kenya"], '--place-country "Kenya" is not a country code (three letters, '
     "like SRB)"),
    ("export", ["--format", "csv", "-o", "-", "--min-confidence", "2"], "--min-confidence 2.0 must be between 0 and 1"),
    ("network", ["--dyad", "CZE"], '--dyad "CZE" must be two actors separated by a colon, like SRB:RUS'),
])
def test_a_value_that_can_never_match_is_a_usage_error(cli_at, examples_db, command, args, message):
    result = cli_at(command, "--db", examples_db, *args)
    assert result.exit_code == 2
    assert result.output == usage_error(command, message)


@pytest.mark.parametrize(("command", "args", "message"), [
    ("events", ["--actor", "Wanjku"], "no events match --actor Wanjku: no such actor; did you mean Amina Wanjiku?"),
    ("events", ["--actor", "Atlantis"], "no events match --actor Atlantis: no such actor"),
    ("events", ["--dyad", "CZE:XYZ"], "no events match --dyad CZE:XYZ: no such actor XYZ"),
    ("counts", ["--dyad", "Novk:Kenia"], "no events match --dyad Novk:Kenia: no such actor Novk; did you mean "
     "Jiří Novák?"),
    ("quotes", ["--speaker", "Nobody"], "no quotations match --speaker Nobody: no such speaker"),
    ("quotes", ["--speaker", "Gebremedin"], "no quotations match --speaker Gebremedin: no such speaker; did you "
     "mean Dawit Gebremedhin?"),
    ("quotes", ["--speaker", "Novák", "--since", "2025"], "no quotations match --speaker Novák --since 2025 "
     "(the store holds 45 quotations)"),
    ("events", ["--actor", "KEN", "--event", "ASSAULT"], "no events match --actor KEN --event ASSAULT (the store "
     "holds {events} events, dated 2008 to 2025-05-20)"),
    ("events", ["--outlet", "The Daily Nothing", "--facts-only"], "no events match --outlet 'The Daily Nothing' "
     "--facts-only (the store holds {events} events, dated 2008 to 2025-05-20)"),
    ("network", ["--since", "2030"], "no events match --since 2030 (the store holds {events} events, dated 2008 to "
     "2025-05-20)"),
    ("export", ["--format", "csv", "-o", "-", "--place-country", "ATA"], "no events match --place-country ATA "
     "(the store holds {events} events, dated 2008 to 2025-05-20)"),
])
def test_filters_that_select_nothing_say_why_on_stderr_and_exit_with_3(cli_at, examples_db, examples_held, command,
                                                                      args, message):
    result = cli_at(command, "--db", examples_db, *args)
    assert result.exit_code == 3
    assert result.stdout == ""
    assert result.stderr == message.replace("{events}", str(examples_held["events"])) + "\n"


def test_filters_that_match_exit_with_0(cli_at, examples_db):
    result = cli_at("events", "--db", examples_db, "--actor", "Wanjiku", "--format", "plover")
    assert result.exit_code == 0 and result.stdout and result.stderr == ""


def test_an_unknown_actor_named_by_actors_or_dyad_is_an_error_with_the_names_meant(cli_at, examples_db):
    result = cli_at("actors", "Wanjku", "--db", examples_db)
    assert result.exit_code == 1
    assert result.output == ('Error: no actor called "Wanjku" in the store; did you mean Amina Wanjiku? (give a '
                             "country code like SRB, or a name listed by `kronika actors`)\n")


@pytest.mark.parametrize(("command", "args"), [("dyad", ["CZE", "KEN"]), ("actors", ["Wanjiku"]),
                                               ("counts", ["--by", "year"])])
def test_a_chart_file_is_checked_before_anything_is_computed(cli_at, examples_db, tmp_path, command, args):
    result = cli_at(command, *args, "--db", examples_db, "--chart", str(tmp_path / "x.jpg"))
    assert result.exit_code == 2
    shown = " [NAME]" if command == "actors" else " A B" if command == "dyad" else ""
    assert result.output == usage_error(
        command, f"Invalid value for '--chart': {tmp_path / 'x.jpg'}: a chart file must end in .png, .svg, .html",
        shown)
    missing = cli_at(command, *args, "--db", examples_db, "--chart", str(tmp_path / "no" / "x.svg"))
    assert missing.exit_code == 2
    assert missing.output.endswith(f"{tmp_path / 'no' / 'x.svg'}: no folder {tmp_path / 'no'} to write the chart in\n")


def test_help_says_what_every_option_does(cli_at):
    assert "Leave out events coded with a confidence below this" in cli_at("events", "--help").output
    assert "Articles a worker parses and codes at a time." in cli_at("ingest", "--help").output
    assert "The period each row counts: a week (ISO), a month or a" in cli_at("dyad", "--help").output
    for command in ("ingest", "events", "counts", "export", "network", "quotes", "dyad", "actors"):
        for line in cli_at(command, "--help").output.split("Options:", 1)[1].splitlines():
            if line.startswith("  -"):
                assert line.split("  ", 2)[-1].strip(), f"kronika {command}: {line.strip()} has no help"
