"""Reports built from stored mail: the weekly digest (data, then text and HTML).

``digest.build_digest`` turns stored threads into a :class:`~iscg_mailbot.records.Digest`
(data only); ``render.render_digest`` turns that into subject, plain text and HTML with
Jinja2 templates that the secretariat may override from ``<config_dir>/templates/``.
"""
