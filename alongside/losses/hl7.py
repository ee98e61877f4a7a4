"""Reading HL7 v2 ADT messages, and writing their acknowledgements.

Only what a loss needs is read: who the message is for (MSH), whether it says a patient died
(PV1-36 discharge disposition, PID-29/30), where (PV1-3), when, the visit number to tell repeats
apart, and the staff identifiers of the care team (PV1-7/8/9/17, ROL-4). Names, record numbers
and dates of birth are never read into anything that outlives the message.

A small reader of our own rather than a library's: the fields above are all we need, each read
the same way whatever its repetitions and components, with the escape sequences undone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone, tzinfo

from .feed import Death, Rejected

# HL7 table 0112, discharge disposition: expired (20), and expired at home (40), in a medical
# facility (41), place unknown (42).
EXPIRED = frozenset({"20", "40", "41", "42"})
# The events whose PID-29/30 can report a death.
DEATH_EVENTS = frozenset({"A03", "A08"})
# PV1: attending, referring, consulting, admitting doctor.
CARE_TEAM_FIELDS = (7, 8, 9, 17)

_DTM = re.compile(r"^(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:\.\d{1,4})?([+-]\d{4})?$")


@dataclass(frozen=True)
class Header:
    control_id: str = ""
    sending_application: str = ""
    sending_facility: str = ""
    receiving_application: str = ""
    receiving_facility: str = ""
    message_type: str = ""
    event: str = ""
    version: str = ""
    field_separator: str = "|"
    encoding: str = "^~\\&"


@dataclass(frozen=True)
class Message:
    header: Header
    death: Death | None


class _Segment:
    """One segment's fields, each a list of repetitions, each a list of components."""

    def __init__(self, raw: str, header: Header) -> None:
        self.sep = header.field_separator
        chars = (header.encoding + "^~\\&")[:4]
        self.comp, self.rep, self.esc, self.sub = chars[0], chars[1], chars[2], chars[3]
        self.name = raw[:3]
        fields = raw.split(self.sep)
        if self.name == "MSH":
            # MSH-1 is the separator itself, so MSH-n is fields[n - 1].
            fields = [self.name, self.sep, *fields[1:]]
        self.fields = fields

    def reps(self, number: int) -> list[list[str]]:
        if number >= len(self.fields) or not self.fields[number]:
            return []
        raw = self.fields[number]
        if self.name == "MSH" and number == 2:
            return [[raw]]
        return [
            [self._unescape(c.split(self.sub)[0]) for c in r.split(self.comp)]
            for r in raw.split(self.rep)
        ]

    def get(self, number: int, component: int = 1) -> str:
        reps = self.reps(number)
        if not reps or len(reps[0]) < component:
            return ""
        return reps[0][component - 1].strip()

    def _unescape(self, value: str) -> str:
        if self.esc not in value:
            return value
        e = re.escape(self.esc)
        table = {"F": self.sep, "S": self.comp, "T": self.sub, "R": self.rep, "E": self.esc}
        # Unknown sequences (formatting, hex, charset) are dropped: none matters here.
        return re.sub(f"{e}([^{e}]*){e}", lambda m: table.get(m.group(1), ""), value)


def split_segments(text: str) -> list[str]:
    return [s for s in re.split(r"\r\n|\r|\n", text) if s.strip()]


def read_header(text: str) -> Header:
    """MSH, or AR: without it there is nobody to answer and nothing to read."""
    segments = split_segments(text)
    if not segments or not segments[0].startswith("MSH") or len(segments[0]) < 8:
        raise Rejected("AR", "The message does not start with an MSH segment.", "100")
    raw = segments[0]
    sep = raw[3]
    if sep.isalnum() or sep.isspace():
        raise Rejected("AR", "MSH-1 is not a field separator.", "102")
    encoding = raw[4:].split(sep, 1)[0]
    if len(encoding) < 2 or len(set(encoding + sep)) != len(encoding) + 1:
        raise Rejected("AR", "MSH-2 does not hold the encoding characters.", "102")
    bare = Header(field_separator=sep, encoding=encoding)
    msh = _Segment(raw, bare)
    return Header(
        control_id=msh.get(10),
        sending_application=msh.get(3),
        sending_facility=msh.get(4),
        receiving_application=msh.get(5),
        receiving_facility=msh.get(6),
        message_type=msh.get(9, 1).upper(),
        event=msh.get(9, 2).upper(),
        version=msh.get(12),
        field_separator=sep,
        encoding=encoding,
    )


def parse(text: str, *, tz: tzinfo = UTC) -> Message:
    """Read an ADT message. `death` is None for the many that are not about a death (an
    admission, a transfer, an update); Rejected for what is not an ADT message or is missing
    what a death needs. Times without an offset are in `tz` (the organisation's)."""
    header = read_header(text)
    if not header.control_id:
        raise Rejected("AR", "MSH-10 (message control ID) is empty.", "101")
    if header.message_type != "ADT":
        raise Rejected(
            "AR", f"Only ADT messages are taken, not {header.message_type or '?'}.", "200"
        )
    segments: dict[str, list[_Segment]] = {}
    for raw in split_segments(text)[1:]:
        segment = _Segment(raw, header)
        segments.setdefault(segment.name, []).append(segment)
    pid = segments["PID"][0] if "PID" in segments else None
    pv1 = segments["PV1"][0] if "PV1" in segments else None
    expired = header.event == "A03" and pv1 is not None and pv1.get(36) in EXPIRED
    death_in_pid = (
        header.event in DEATH_EVENTS
        and pid is not None
        and (pid.get(30).upper() == "Y" or bool(pid.get(29)))
    )
    if not (expired or death_in_pid):
        return Message(header, None)
    if pv1 is None:
        raise Rejected("AE", "A death needs a PV1 segment (point of care, visit number).", "100")
    point_of_care = pv1.get(3, 1)
    if not point_of_care:
        raise Rejected("AE", "PV1-3 (assigned patient location) is empty.", "101")
    visit_reps = pv1.reps(19)
    visit = "^".join(visit_reps[0]).strip("^ ") if visit_reps else ""
    if not visit:
        raise Rejected("AE", "PV1-19 (visit number) is empty.", "101")
    when = (
        (pid.get(29) if pid is not None else "")
        or pv1.get(45)
        or (segments["EVN"][0].get(6) or segments["EVN"][0].get(2) if "EVN" in segments else "")
    )
    return Message(
        header,
        Death(
            visit=visit,
            point_of_care=point_of_care,
            # An unreadable time is not worth a refusal: the loss is then timed on arrival.
            occurred_at=parse_time(when, tz),
            staff_ids=_care_team(pv1, segments.get("ROL", [])),
        ),
    )


def _care_team(pv1: _Segment, roles: list[_Segment]) -> tuple[str, ...]:
    ids: dict[str, None] = {}
    for segment, number in [(pv1, n) for n in CARE_TEAM_FIELDS] + [(r, 4) for r in roles]:
        for rep in segment.reps(number):
            if rep and rep[0].strip():
                ids[rep[0].strip()] = None
    return tuple(ids)


def parse_time(value: str, tz: tzinfo) -> datetime | None:
    """An HL7 DTM (YYYY[MM[DD[HH[MM[SS[.S]]]]]][+/-ZZZZ]); None when empty or unreadable."""
    match = _DTM.match(value.strip())
    if not match:
        return None
    year, month, day, hour, minute, second, offset = match.groups()
    zone = tz
    if offset:
        sign = 1 if offset[0] == "+" else -1
        zone = timezone(sign * timedelta(hours=int(offset[1:3]), minutes=int(offset[3:5])))
    try:
        return datetime(
            int(year),
            int(month or 1),
            int(day or 1),
            int(hour or 0),
            int(minute or 0),
            int(second or 0),
            tzinfo=zone,
        )
    except ValueError:
        return None


def _escape(value: str, header: Header) -> str:
    """Our own text in an acknowledgement, with the message's delimiters escaped."""
    chars = (header.encoding + "^~\\&")[:4]
    comp, rep, esc, sub = chars[0], chars[1], chars[2], chars[3]
    out = value.replace(esc, f"{esc}E{esc}")
    for char, code in ((header.field_separator, "F"), (comp, "S"), (rep, "R"), (sub, "T")):
        out = out.replace(char, f"{esc}{code}{esc}")
    return out.replace("\r", " ").replace("\n", " ")


def acknowledgement(
    header: Header, code: str, text: str, *, control_id: str, now: datetime, error: str = ""
) -> str:
    """The ACK for `header`'s message: MSA with AA, AE or AR and why; ERR when it is not AA."""
    sep, enc = header.field_separator, header.encoding
    comp = enc[0]
    stamp = now.astimezone(UTC).strftime("%Y%m%d%H%M%S") + "+0000"
    msh = sep.join(
        [
            "MSH",
            enc,
            "ALONGSIDE",
            _escape(header.receiving_facility, header),
            _escape(header.sending_application, header),
            _escape(header.sending_facility, header),
            stamp,
            "",
            f"ACK{comp}{header.event}{comp}ACK" if header.event else "ACK",
            control_id,
            "P",
            header.version or "2.5.1",
        ]
    )
    msa = sep.join(["MSA", code, _escape(header.control_id, header), _escape(text, header)])
    segments = [msh, msa]
    if code != "AA":
        # ERR-3 (HL7 table 0357) and ERR-4 severity E: the reason as text in ERR-8.
        err3 = f"{error or '207'}{comp}{comp}HL70357"
        segments.append(sep.join(["ERR", "", "", err3, "E", "", "", "", _escape(text, header)]))
    return "\r".join(segments) + "\r"
