"""A trigger being coded: its category, modality and sides, before it becomes an Event record."""

from __future__ import annotations

from dataclasses import dataclass

from kronika.events.arguments import (
    Args,
)
from kronika.events.triggers import Trigger
from kronika.records import ActorRef


@dataclass
class Draft:
    trig: Trigger
    event: str
    aux: tuple[str, ...]
    actors: list[ActorRef]
    recipients: list[ActorRef]
    args: Args
    implicit_recipient: bool = False
    implicit_actor: bool = False
    place: str | None = None  # the country where it happened, as far as the text says
    mode: str | None = None  # the mode a modality rule gave when it changed the category
    rule: str | None = None  # that rule, for --explain
    cues: tuple[str, ...] = ()  # the words behind aux and the rule
