"""What the action-item services read of the configuration, in one value per call."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from iscg_mailbot.services.app import App
from iscg_mailbot.store.types import utcnow

if TYPE_CHECKING:
    # The files' modules (and PyYAML) are imported when the files are read (App.config):
    # `search` imports this package and reads none of them.
    from iscg_mailbot.analyse.action_model import GateModel
    from iscg_mailbot.settings.actions import ActionsConfig
    from iscg_mailbot.settings.itu_products import ItuProducts
    from iscg_mailbot.settings.meetings import MeetingsConfig
    from iscg_mailbot.settings.members import MembersConfig


def _no_meetings() -> MeetingsConfig:
    """An empty meetings calendar, for a Context made without one (see the imports)."""
    from iscg_mailbot.settings.meetings import MeetingsConfig

    return MeetingsConfig()


def _no_products() -> ItuProducts:
    """An empty products table, for a Context made without one (see the imports)."""
    from iscg_mailbot.settings.itu_products import NO_PRODUCTS

    return NO_PRODUCTS


@dataclass(frozen=True)
class Context:
    """Configuration read once per call: rules, members, time zone."""

    config: ActionsConfig
    members: MembersConfig
    # Characters of one message the extractor reads (settings' analysis_max_chars).
    max_chars: int = 100_000
    meetings: MeetingsConfig = field(default_factory=_no_meetings)
    # The learned gate's model file (actions.yaml "gate", "gate_model"), None when off.
    gate_file: Path | None = None
    # ITU's products by Bureau (itu_products.yaml): whom a question asked of nobody is put to.
    products: ItuProducts = field(default_factory=_no_products)

    @property
    def gate(self) -> GateModel | None:
        """The learned gate over the rules' candidates, read once per process; None when
        off. Raises ConfigError when its file cannot be read."""
        if self.gate_file is None:
            return None
        # Imported here: the chair's queries build a Context and never read the model.
        from iscg_mailbot.analyse.action_model import load_gate

        return load_gate(self.gate_file)

    def today(self, now: datetime | None = None) -> date:
        """The calendar day in the list's time zone (what "overdue" is measured against)."""
        return list_today(self.config, now)


def list_today(config: ActionsConfig, now: datetime | None = None) -> date:
    """The calendar day in the time zone of ``actions.yaml`` (what "overdue" is measured
    against): :meth:`Context.today` for a query that reads nothing else of the
    configuration (``threads list --open`` and ``actions list`` read neither
    ``members.yaml`` nor ``meetings.yaml`` unless they need them)."""
    return (now or utcnow()).astimezone(config.zone).date()


def load_context(app: App) -> Context:
    """``actions.yaml``, ``members.yaml``, ``meetings.yaml`` and ``itu_products.yaml``
    as the application loaded them, and the learned gate's model when ``actions.yaml`` turns it on."""
    config = app.config.actions()
    return Context(config, app.config.members(), meetings=app.config.meetings(),
                   max_chars=app.settings.analysis_max_chars,
                   gate_file=config.gate_file(app.settings.config_dir),
                   products=app.config.itu_products())
