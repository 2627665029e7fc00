"""What every view needs from the app: configuration, the live index, synonyms."""

from __future__ import annotations

from dataclasses import dataclass

from flask import current_app

from indexer.config import Config
from indexer.synonyms import Synonyms

from .live_index import LiveIndex


@dataclass(frozen=True)
class Services:
    config: Config
    live: LiveIndex
    synonyms: Synonyms


def services() -> Services:
    """The current app's services."""
    return current_app.extensions["nianbao"]
