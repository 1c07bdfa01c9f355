"""The Topics pages (secretariat only): each topic's counts, its phrases, acronyms,
negatives and threshold in a form; a preview of the threads that would gain or lose
the topic; saving (validated like ``topics check``, dated copy, retag); the record of
who changed what."""

from __future__ import annotations

import hashlib

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from iscg_mailbot.errors import ConfigError
from iscg_mailbot.services import topic_editing
from iscg_mailbot.services import topics as topic_services
from iscg_mailbot.settings.topics import Topic
from iscg_mailbot.web.context import call, checked_form, render, require_topic_editor, state

FIELDS = ("phrases", "acronyms", "negatives", "threshold")


def topics_page(request: Request) -> Response:
    user = require_topic_editor(request)
    app = state(request).app
    return render(request, "topics.html", title="Topics", user=user,
                  config=topic_services.load_config(app), stats=topic_services.stats(app),
                  edits=topic_editing.topic_edits(app, limit=20))


def _form_of(topic: Topic) -> dict[str, str]:
    return {
        "phrases": topic_editing.phrase_text(topic.phrases),
        "acronyms": topic_editing.phrase_text(topic.acronyms),
        "negatives": topic_editing.phrase_text(topic.negatives),
        "threshold": "" if topic.threshold is None else f"{topic.threshold:g}",
    }


def fingerprint(fields: dict[str, str]) -> str:
    """What the preview showed, so that "Save" saves only a draft that was previewed."""
    text = "\0".join(fields.get(name, "").replace("\r\n", "\n") for name in FIELDS)
    return hashlib.sha256(text.encode()).hexdigest()


def topic_page(request: Request) -> Response:
    user = require_topic_editor(request)
    app = state(request).app
    topic = topic_services.load_config(app).by_id(request.path_params["topic_id"])
    saved = request.session.pop("saved", None)
    analysed = request.query_params.get("analyse") == "1"
    # Suggestions and quality read every thread: only when asked for.
    suggestions = topic_services.suggest(app, topic.id, limit=15) if analysed else None
    quality = topic_services.evaluate(app) if analysed else None
    return render(request, "topic.html", title=f"Topic: {topic.name}", user=user, topic=topic,
                  form=_form_of(topic), saved=saved, suggestions=suggestions,
                  quality=quality.evaluation.by_topic(topic.id) if quality else None,
                  labelled=quality.labelled_threads if quality else 0,
                  edits=topic_editing.topic_edits(app, topic.id))


async def topic_change(request: Request) -> Response:
    user = require_topic_editor(request)
    form = await checked_form(request)
    app = state(request).app
    topic = topic_services.load_config(app).by_id(request.path_params["topic_id"])
    fields = {name: form.get(name, "")[:20_000] for name in FIELDS}
    try:
        draft = topic_editing.draft_topic(app, topic.id, **fields)
        problems = topic_editing.new_problems(app, draft)
    except ConfigError as exc:
        draft, problems = None, str(exc).splitlines()
    previewed = form.get("previewed") == fingerprint(fields)
    if draft is not None and not problems and form.get("action") == "save" and previewed:
        saved = await call(topic_editing.save_topic, app, draft, actor=user.address)
        request.session["saved"] = {
            "backup": saved.backup, "threads": saved.retag.threads,
            "changes": [list(change) for change in saved.retag.changes()]}
        return RedirectResponse(f"/topics/{topic.id}", status_code=303)
    preview = await call(topic_editing.preview_topic, app, draft) \
        if draft is not None and not problems else None
    return render(request, "topic.html", 400 if problems else 200, title=f"Topic: {topic.name}",
                  user=user, topic=topic, form=fields, problems=problems, preview=preview,
                  previewed=fingerprint(fields),
                  edits=topic_editing.topic_edits(app, topic.id))


ROUTES = [
    Route("/topics", topics_page, methods=["GET"]),
    Route("/topics/{topic_id:str}", topic_page, methods=["GET"]),
    Route("/topics/{topic_id:str}", topic_change, methods=["POST"]),
]
