"""Configuration: every file under ``config/``, read and validated once, one module each.

The ground floor of the package: it imports no stage, no service and no shell (an
import-linter contract keeps it so). :mod:`main` reads ``iscg-mailbot.toml`` (with its
``[smtp]``/``[digest]``/``[worker]`` sections in :mod:`delivery`, ``[reminders]`` in
:mod:`reminders` and ``[web]`` in :mod:`web`); :mod:`topics`, :mod:`members`,
:mod:`actions` (defaults in :mod:`action_rules`), :mod:`meetings` and :mod:`itu_bodies`
read the YAML files of the same names. Errors name the file, the key and the fix.
"""
