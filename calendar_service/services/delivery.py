"""Every channel behind one transport: a mail goes to the mail transport (SMTP or the outbox
Maildir), a group robot's message to the robots' transport. The dispatcher sends through this
and never asks which channel a recipient is on."""

from __future__ import annotations

from email.message import Message
from types import TracebackType
from typing import Protocol, Self

from calendar_service.mail.transport import Outgoing, PermanentFailure, SendResult, Transport
from calendar_service.robots import RobotPost


class RobotSender(Protocol):
    def open(self) -> None: ...
    def close(self) -> None: ...
    def send(self, post: RobotPost) -> SendResult: ...


class Outbox(Protocol):
    """What the dispatcher sends through (`Channels`)."""

    def send(self, msg: Outgoing | RobotPost) -> SendResult: ...
    def __enter__(self) -> Self: ...
    def __exit__(
        self, kind: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None: ...


class Channels:
    """The mail transport and, when robots are set up, the robots' transport, opened and
    closed together (a pass's worth)."""

    def __init__(self, mail: Transport, robots: RobotSender | None = None) -> None:
        self.mail = mail
        self.robots = robots

    def __enter__(self) -> Self:
        self.mail.open()
        if self.robots is not None:
            self.robots.open()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        try:
            self.mail.close()
        finally:
            if self.robots is not None:
                self.robots.close()

    def send(self, msg: Message | Outgoing | RobotPost) -> SendResult:
        if not isinstance(msg, RobotPost):
            return self.mail.send(msg)
        if self.robots is None:
            return PermanentFailure(None, f"{msg.recipient}: group robots are not set up here")
        return self.robots.send(msg)
