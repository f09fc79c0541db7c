"""The intake: a person's form (`form.PersonFields`), the search before create (`matches.LikelyMatches`) and the
wizard that pages through them, with consents, draft autosave and saving (`wizard.IntakePage`)."""

from gn_desktop.views.intake.form import PersonFields
from gn_desktop.views.intake.wizard import IntakePage

__all__ = ["IntakePage", "PersonFields"]
