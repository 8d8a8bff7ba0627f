class QualityError(Exception):
    """A request that cannot be done; the message is for people (Russian)."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.field = field
