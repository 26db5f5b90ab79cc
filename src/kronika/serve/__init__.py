"""The local web explorer: a FastAPI app over a read-only store, its JSON API and its pages."""

from kronika.serve.app import create_app, run, serve

__all__ = ["create_app", "run", "serve"]
