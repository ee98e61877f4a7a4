from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command

from alongside.lib.risk import assess

DATA = Path(__file__).resolve().parents[3] / "tests" / "data"
# The tuning set and a former held-out set: what the rules must keep getting right.
CASES = [
    pytest.param(
        case["text"],
        case["level"],
        id=case["text"][:48],
        marks=[pytest.mark.xfail(reason=case["known_miss"], strict=True)]
        if "known_miss" in case
        else [],
    )
    for name in ("risk_cases.json", "risk_second_set.json")
    for case in json.loads((DATA / name).read_text())["cases"]
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_each_case_gets_its_level(text: str, level: str) -> None:
    result = assess(text)

    assert result.level == level
    assert result.acute_risk is (level == "acute_risk")
    assert (result.score == 0) is (level == "none")


def test_more_signals_mean_a_higher_score() -> None:
    one = assess("I want to die.")
    several = assess("I want to die. I've been saving my pills. I know exactly how I would do it.")

    assert 0.7 <= one.score < several.score <= 1


def test_the_command_reads_stdin_and_prints_one_json_object(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("Some nights I think about ending it all.\n"))
    out = io.StringIO()

    call_command("risk", stdout=out)

    assert json.loads(out.getvalue()) == {"acute_risk": True, "level": "acute_risk", "score": 0.7}
