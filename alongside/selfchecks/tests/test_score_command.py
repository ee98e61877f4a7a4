"""`manage.py score` as an integration or an independent checker runs it: a real process."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.processes import manage, process_env


def _score(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return manage("score", *args, env=process_env(tmp_path))


def test_a_valid_form_prints_one_json_object_and_exits_0(tmp_path: Path) -> None:
    done = _score(tmp_path, "pcl5", "--answers", "2,0,0,0,0,2,0,2,2,0,0,0,0,0,2,2,0,0,0,0")

    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {
        "instrument": "pcl5",
        "total": 12,
        "band": "below_cutoff",
        "safety_flag": False,
        "subscales": {"cluster_b": 2, "cluster_c": 2, "cluster_d": 4, "cluster_e": 4},
        "cluster_endorsed_counts": {
            "cluster_b": 1,
            "cluster_c": 1,
            "cluster_d": 2,
            "cluster_e": 2,
        },
        "provisional_diagnosis": True,
    }


@pytest.mark.parametrize(
    ("args", "problem"),
    [
        (["phq9", "--answers", "0,1,2"], "phq9 takes 9 answers, got 3."),
        (["phq9", "--answers", "0,0,0,0,0,0,0,0,9"], "Answer 9 is 9; phq9 answers are 0 to 3."),
        (["gad7", "--answers", "0,x,0,0,0,0,0"], "Answer 2 is 'x', not a whole number."),
        (["sf36", "--answers", "1"], "Unknown instrument 'sf36'."),
    ],
)
def test_invalid_input_exits_2_with_one_line_naming_the_problem(
    args: list[str], problem: str, tmp_path: Path
) -> None:
    done = _score(tmp_path, *args)

    assert done.returncode == 2
    assert done.stdout == ""
    (line,) = done.stderr.strip().splitlines()
    assert problem in line
