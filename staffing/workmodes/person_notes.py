"""Notes other sub-domains add beside a person on the today page ("no report today" from assignments).

A floor above registers a source here (config.composition wires them); this package never names it.
A source is called as source(agency, day, staff_ids) and returns {staff id: short text}."""

_SOURCES = []


def register_person_note(source) -> None:
    if source not in _SOURCES:
        _SOURCES.append(source)


def person_notes(agency, day, staff_ids) -> dict:
    notes: dict = {}
    for source in _SOURCES:
        for staff_id, text in source(agency, day, staff_ids).items():
            notes.setdefault(staff_id, []).append(text)
    return notes
