"""A small campus world for Qt-free tests: reference data, three accounts, and a helper to enrol people."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from gn_desktop.services.intake import ConsentInput, PersonForm, create_person
from gn_desktop.store.uow import Store

TODAY = date(2026, 3, 2)


@dataclass
class World:
    store: Store
    campus_id: str
    other_campus_id: str
    advisor_id: str
    manager_id: str
    other_advisor_id: str

    def person(self, first: str = "Awa", last: str = "Diallo", **fields: object) -> str:
        form = PersonForm(first_name=first, last_name=last, birth_date=fields.pop("birth_date", "12/05/1999"))
        for key, value in fields.items():
            setattr(form, key, value)
        with self.store.unit_of_work(self.advisor_id) as uow:
            pid = create_person(
                uow,
                form,
                [ConsentInput("follow_up")],
                campus_id=self.campus_id,
                advisor_id=self.advisor_id,
                today=TODAY,
                confirmed_new=True,
            )
            uow.commit()
        return pid
