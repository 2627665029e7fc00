"""Links that leave the app (citations, exports, copied links) as absolute addresses.

Behind a reverse proxy the request's own host is the proxy's view of the app,
not the address readers use, so `[web] base_url` (or ``--base-url``) names it;
without one the request's host is used.
"""

from __future__ import annotations

from flask import request, url_for

from .services import services


def base_url() -> str:
    """The app's public address, ending in '/'."""
    configured = services().config.base_url
    return (configured.rstrip("/") + "/") if configured else request.host_url


def external_url(endpoint: str, **values) -> str:
    """The absolute address of `endpoint`, on the public base address."""
    return base_url() + url_for(endpoint, **values).lstrip("/")
