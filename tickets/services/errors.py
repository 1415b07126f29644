class ServiceError(Exception):
    """A request the service refuses; the message is safe to show to the caller."""


class Conflict(ServiceError):
    """Someone else changed the ticket first; `ticket` is its current state."""

    def __init__(self, message: str, ticket):
        super().__init__(message)
        self.ticket = ticket


class InvalidAction(ServiceError):
    pass
