"""The web surface: a FastAPI JSON API (``/api``) and server-rendered pages over a forewarn store.

``create_app(db)`` builds the app; ``forewarn serve`` runs it with uvicorn. Every asset (the
vendored JavaScript under ``static/vendor/`` with its licence, the world outline) ships in the
package: the UI needs no network.
"""

from .app import create_app

__all__ = ["create_app"]
