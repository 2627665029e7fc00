"""The nianbao web app: search in the browser, read a report at the cited passage, compare numbers.

`create_app(config)` is the app factory (``flask --app webui run`` calls it
without arguments, which reads ``config.toml`` as the command line does);
`nianbao serve` runs the same app under waitress. The app only reads: it opens
the index read-only through `indexer.engine.Index` and searches through
`indexer.search`, never through whoosh.
"""

from __future__ import annotations

from flask import Flask

from indexer import segment
from indexer.config import Config, load_config
from indexer.synonyms import load_synonyms

from . import agency_page, api, compare_page, errors, headers, metrics_page, report_page, search_page, templating
from .live_index import LiveIndex
from .services import Services


def create_app(config: Config | None = None) -> Flask:
    """The app over `config`'s index and corpus (default: `load_config()`)."""
    config = config or load_config()
    app = Flask(__name__)
    app.config.update(JSON_AS_ASCII=False, NIANBAO=config)
    app.json.ensure_ascii = False  # type: ignore[attr-defined]
    app.json.sort_keys = False  # type: ignore[attr-defined]

    # Open jieba's dictionary and the index now, not on the first request. Queries are segmented
    # with the frequencies read from the lookup file as they need them (0.04 s and 4 MB at start,
    # where loading all 560,000 took 0.5 s and 72 MB); the words are the same.
    segment.configure(tuple(str(p) for p in config.dictionaries))
    segment.query_words("公开")
    live = LiveIndex(config.index)
    live.open_now()
    app.extensions["nianbao"] = Services(config=config, live=live, synonyms=load_synonyms(str(config.synonyms)))

    templating.init_app(app)
    headers.init_app(app)
    errors.init_app(app)
    app.register_error_handler(report_page.Moved, report_page.redirect_moved)
    app.register_blueprint(search_page.bp)
    app.register_blueprint(report_page.bp)
    app.register_blueprint(metrics_page.bp)
    app.register_blueprint(agency_page.bp)
    app.register_blueprint(compare_page.bp)
    app.register_blueprint(api.bp)
    return app
