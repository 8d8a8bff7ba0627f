class FeedbackError(Exception):
    """Input or an action the feedback rules refuse; `field` names what is wrong, the message is for people."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field
        self.message = message
