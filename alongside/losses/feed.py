"""What the hospital's feed (HL7 v2 or FHIR) tells us about a death, in one shape for both.

Nothing here identifies the patient except `visit`, which is hashed with a key before it is
kept (`actions.visit_key`) and never logged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


class Rejected(Exception):
    """The message cannot be used. `code` is the HL7 acknowledgement: AR when it is not a
    message we take at all (it should not be sent again as it is), AE when it is one we take
    but something in it or in our set-up stops it (fix that, and send it again). `error` is
    HL7 table 0357's code; `status` the HTTP status the FHIR endpoint answers with."""

    def __init__(self, code: str, reason: str, error: str = "207") -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason
        self.error = error

    @property
    def status(self) -> int:
        return 400 if self.code == "AR" else 422


@dataclass(frozen=True)
class Death:
    visit: str
    point_of_care: str
    occurred_at: datetime | None
    staff_ids: tuple[str, ...] = field(default=())
    # Every location code the record gives, newest last, when there are several (FHIR).
    other_points_of_care: tuple[str, ...] = field(default=())
