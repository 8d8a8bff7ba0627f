class BookingError(Exception):
    """A booking that cannot be made or changed; `field` names what is wrong, the message is for people."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field
        self.message = message


class SlotFull(BookingError):
    """Every seat of the slot is taken (perhaps a moment ago, by a simultaneous booking)."""
