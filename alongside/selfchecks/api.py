"""The JSON API of self-checks: the same scoring as `manage.py score`, for integrations.

Stateless: nothing is stored and nothing about a person is read, so it needs no sign-in.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema, Status

from .definitions import instruments
from .scoring import ScoringError, score

router = Router(tags=["self-checks"])


class ScoreIn(Schema):
    instrument: str
    answers: list[int]


class Subscale(Schema):
    score: int
    band: str


class ScoreOut(Schema):
    """Fields present for every instrument, and those only some instruments have."""

    instrument: str
    total: int | None
    band: str | None
    safety_flag: bool
    subscales: dict[str, int] | dict[str, Subscale] | None = None
    cluster_endorsed_counts: dict[str, int] | None = None
    provisional_diagnosis: bool | None = None
    mean: float | None = None
    percentage: int | None = None
    further_assessment: bool | None = None
    burnout: bool | None = None


class Problem(Schema):
    error: str


class InstrumentOut(Schema):
    id: str
    name: str
    full_name: str
    item_count: int
    codes: list[int]
    recall_period: str | None
    languages: list[str]
    licence: str
    attribution: str
    non_commercial: bool


@router.post(
    "/score",
    response={200: ScoreOut, 400: Problem},
    exclude_unset=True,
    summary="Score one completed self-check",
)
def score_answers(request: HttpRequest, form: ScoreIn) -> Any:
    """Answers in published item order, in the instrument's printed coding, before any
    reversal. The result has the same fields as `manage.py score` (docs/instruments.md); an
    incomplete form or an answer out of range is refused with 400 naming the problem."""
    try:
        return Status(200, ScoreOut(**score(form.instrument, form.answers)))
    except ScoringError as error:
        return Status(400, Problem(error=str(error)))


@router.get("/instruments", response=list[InstrumentOut], summary="The instruments we score")
def list_instruments(request: HttpRequest) -> Any:
    return [
        InstrumentOut(
            id=i.id,
            name=i.name,
            full_name=i.full_name,
            item_count=i.item_count,
            codes=list(i.codes),
            recall_period=i.recall_period,
            languages=list(i.languages),
            licence=i.licence,
            attribution=i.attribution,
            non_commercial=i.non_commercial,
        )
        for i in instruments().values()
    ]
