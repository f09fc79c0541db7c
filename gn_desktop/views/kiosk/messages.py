"""How the kiosk words what the services refuse, in the visitor's language.

The services answer in French (a person's fields as `gn_core.domain.person` checks them, then the kiosk service's own
rules, each `FieldError` naming its field). In French the kiosk shows those messages as they are; in English and
Arabic it shows one plain sentence per field from its own catalogue (`gn_kiosk_*`), never the French text.
Threading: main thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from gn_desktop.services import kiosk as service
from gn_desktop.views.tasks import TaskError


class KioskMessages(QObject):
    """The visitor's wording of the services' refusals (a QObject for its translation context)."""

    def field_message(self, fieldname: str, french: str, language: str) -> str:
        """The message to show for a field: the service's French message in French, a translation otherwise."""
        if language == "fr":
            return french
        generic = {
            "code": self.tr("The appointment code has 6 digits."),
            "first_name": self.tr("First name: please fill it in."),
            "last_name": self.tr("Last name: please fill it in."),
            "birth_date": self.tr("Birth date: type day/month/year, for example 14/02/2001."),
            "phone": self.tr("Phone: type 10 digits, like 06 12 34 56 78. Or give an e-mail."),
            "email": self.tr("E-mail: check it, it looks like name@example.fr."),
            "commune": self.tr("Town: choose it in the list."),
            "reason": self.tr("Choose what brings you here."),
            "consent": self.tr("Tick “I agree” so that we can keep your details."),
            "event_id": self.tr("This event is no longer open for sign-up."),
        }
        return generic.get(fieldname, self.tr("Please check this field."))

    def error_message(self, error: TaskError) -> str:
        """What to say when a service refuses for another reason than a field."""
        if isinstance(error.error, service.CheckInNotFound):
            text = self.tr("We could not find your appointment for today. Check what you typed, or ask at the desk.")
            if error.error.wait_s:
                text += " " + self.tr("You can try again in %1 seconds.").replace("%1", str(error.error.wait_s))
            return text
        if isinstance(error.error, service.StaffPinLocked | service.CheckInLocked):
            return self.tr("Too many tries. Wait %1 seconds.").replace("%1", str(error.error.seconds))
        if isinstance(error.error, service.StaffPinNotSet | service.NoCampus):
            return error.message  # for staff, in French
        return self.tr("Something went wrong. Please ask at the front desk.")
