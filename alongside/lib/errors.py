class ActionError(Exception):
    """A rule every caller must obey was broken; the message is for the person (translated)."""

    def __init__(self, message: object) -> None:
        super().__init__(str(message))
        self.message = message
