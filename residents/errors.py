class ResidentError(Exception):
    """Something a resident asked for cannot be done; the message is for people, `field` names the form field."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
