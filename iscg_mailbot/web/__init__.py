"""The website: Starlette routes → services → Jinja2 templates (server-rendered, no script).

A shell like the CLI and the worker: it imports only the service layer, the settings,
``records`` and ``errors``. Sign-in is by e-mailed one-time link; roles come from
``members.yaml``; every form carries a CSRF token; every response carries a strict
Content-Security-Policy. See docs/website.md.
"""
