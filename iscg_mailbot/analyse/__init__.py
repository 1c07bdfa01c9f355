"""Analysis stages: pure functions and objects over records, never the database.

- :mod:`~iscg_mailbot.analyse.nlp`: the spaCy pipeline (the only spaCy import site) and
  the :class:`~iscg_mailbot.analyse.nlp.PhraseFinder` that reports matches as records.
- :mod:`~iscg_mailbot.analyse.entities`: EntityRuler patterns for ITU bodies, groups,
  documents, resolutions and liaison statements, and their normalised keys.
- :mod:`~iscg_mailbot.analyse.topics`: the :class:`~iscg_mailbot.analyse.topics.TopicTagger`
  (topics of a thread with score and evidence, from ``config/topics.yaml``).
- :mod:`~iscg_mailbot.analyse.actions`: action items and their closure.

Services read threads from the store, call these and write the results.
"""
