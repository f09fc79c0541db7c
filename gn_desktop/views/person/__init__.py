"""A person's file (`PersonPage`): a header and one widget per tab — pathway, notes, appointments, referrals, history.

`page.PersonPage` loads the whole file in one task-runner query (`person_file.file_data`) and hands it to each tab
(`tab.FileTab`); each tab records its own writes through the task runner.
"""

from __future__ import annotations

from gn_desktop.views.person.page import PersonPage

__all__ = ["PersonPage"]
