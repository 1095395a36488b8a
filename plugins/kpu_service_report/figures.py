"""The figures of the annual service report, counted from the register's requests."""

import datetime
import statistics
from dataclasses import dataclass

from babel.dates import format_date

from kpu_service_report.register import (
    CATEGORIES,
    CHANNELS,
    DECISIONS,
    DISPUTE_OUTCOMES,
    OBJECTION_OUTCOMES,
)
from kpu_service_report.workdays import working_days_between


def month_name(month):
    """Return the Indonesian month name ("Mei"), from Babel as kpu_dates formats dates."""
    return format_date(datetime.date(2000, month, 1), "LLLL", locale="id")


@dataclass(frozen=True)
class Deadline:
    """How many working days an answer may take, its extension and the rule behind it."""

    name: str
    days: int
    extension: int
    basis: str


@dataclass(frozen=True)
class Period:
    """A span of days (both ends included) in which another deadline applies."""

    start: datetime.date
    end: datetime.date
    name: str

    def holds(self, day):
        """Tell whether the day falls inside the period."""
        return self.start <= day <= self.end


def deadline_for(received, periods, normal, election):
    """Return (deadline, period or None) that applies to a request received that day."""
    for period in periods:
        if period.holds(received):
            return election, period
    return normal, None


def on_time(request, days_taken, deadline):
    """Tell whether an answer came within the deadline (with the extension when used)."""
    allowed = deadline.days + (deadline.extension if request.extended else 0)
    return days_taken <= allowed


def _counts(values, labels):
    return [(slug, label, sum(1 for v in values if v == slug)) for slug, label in labels.items()]


def _decimal(number):
    """Write a number the Indonesian way: 3, or 3,5 with a decimal comma."""
    return f"{number:g}".replace(".", ",")


def service_figures(requests, holidays, periods, normal, election):
    """Return every figure of the report as plain data (dicts, lists, numbers)."""
    answered = [r for r in requests if r.answered]
    timed = []
    for request in answered:
        deadline, period = deadline_for(request.received, periods, normal, election)
        days = working_days_between(request.received, request.answered, holidays)
        timed.append((request, days, deadline, period, on_time(request, days, deadline)))
    days_taken = [days for _, days, *_ in timed]
    by_deadline = []
    for deadline in (normal, election):
        rows = [t for t in timed if t[2] is deadline]
        if rows:
            by_deadline.append(
                {
                    "deadline": deadline,
                    "answered": len(rows),
                    "on_time": sum(1 for t in rows if t[4]),
                }
            )
    months = [
        {
            "month": month_name(m),
            "number": m,
            "channels": [
                sum(1 for r in requests if r.received.month == m and r.channel == c)
                for c in CHANNELS
            ],
            "total": sum(1 for r in requests if r.received.month == m),
        }
        for m in range(1, 13)
    ]
    objections = [r for r in requests if r.objection_date]
    disputes = [r for r in requests if r.dispute_date]
    return {
        "total": len(requests),
        "answered": len(answered),
        "unanswered": len(requests) - len(answered),
        "extended": sum(1 for r in requests if r.extended),
        "months": months,
        "channels": _counts([r.channel for r in requests], CHANNELS),
        "categories": _counts([r.category for r in requests], CATEGORIES),
        "decisions": _counts([r.decision for r in requests], DECISIONS),
        "median_days": statistics.median(days_taken) if days_taken else None,
        "median_text": _decimal(statistics.median(days_taken)) if days_taken else "",
        "worst_days": max(days_taken) if days_taken else None,
        "on_time": sum(1 for t in timed if t[4]),
        "late": [
            {"line": r.line, "received": r.received, "days": d, "deadline": dl}
            for r, d, dl, _, ok in timed
            if not ok
        ],
        "by_deadline": by_deadline,
        "in_election_period": sum(1 for t in timed if t[3]),
        "objections": len(objections),
        "objection_outcomes": _counts(
            [r.objection_outcome for r in objections], OBJECTION_OUTCOMES
        ),
        "disputes": len(disputes),
        "dispute_outcomes": _counts([r.dispute_outcome for r in disputes], DISPUTE_OUTCOMES),
        "refusal_bases": sorted({r.refusal_basis for r in requests if r.refusal_basis}),
    }
