"""The JSON API scores exactly as the command does, and its OpenAPI schema documents it."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from alongside.selfchecks.scoring import score


def _post(body: Any) -> Any:
    return Client().post(
        "/api/v1/selfchecks/score", data=json.dumps(body), content_type="application/json"
    )


@pytest.mark.parametrize(
    ("instrument", "answers"),
    [
        ("phq9", [0, 0, 0, 0, 0, 0, 0, 0, 1]),
        ("pcl5", [2, 0, 0, 0, 0, 2, 0, 2, 2, 0, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0]),
        ("proqol5", [1, 3] * 15),
        ("brs", [5, 1, 4, 2, 4, 2]),
        ("who5", [2, 2, 2, 3, 3]),
        ("mini_z1_burnout_item", [4]),
    ],
)
def test_the_api_gives_the_same_result_as_the_engine(instrument: str, answers: list[int]) -> None:
    response = _post({"instrument": instrument, "answers": answers})

    assert response.status_code == 200
    assert response.json() == score(instrument, answers)


def test_a_form_that_cannot_be_scored_is_refused_naming_the_problem() -> None:
    short = _post({"instrument": "gad7", "answers": [1, 2]})
    unknown = _post({"instrument": "svest", "answers": [1]})
    malformed = _post({"instrument": "gad7"})

    assert (short.status_code, short.json()) == (400, {"error": "gad7 takes 7 answers, got 2."})
    assert unknown.status_code == 400 and "Unknown instrument 'svest'" in unknown.json()["error"]
    assert malformed.status_code == 422


def test_the_openapi_schema_documents_scoring_and_the_instruments() -> None:
    schema = Client().get("/api/v1/openapi.json").json()

    score_op = schema["paths"]["/api/v1/selfchecks/score"]["post"]
    assert set(score_op["responses"]) == {"200", "400"}
    fields = schema["components"]["schemas"]["ScoreOut"]["properties"]
    assert {"instrument", "total", "band", "safety_flag", "provisional_diagnosis"} <= set(fields)
    assert "/api/v1/selfchecks/instruments" in schema["paths"]


def test_the_instrument_list_carries_each_licence_and_marks_who5_non_commercial() -> None:
    listed = {i["id"]: i for i in Client().get("/api/v1/selfchecks/instruments").json()}

    assert set(listed) == {
        "phq9",
        "phq2",
        "gad7",
        "gad2",
        "pcl5",
        "proqol5",
        "brs",
        "who5",
        "mini_z1_burnout_item",
    }
    assert listed["who5"]["non_commercial"] is True
    assert listed["phq9"]["non_commercial"] is False
    assert "Center for Victims of Torture" in listed["proqol5"]["attribution"]
