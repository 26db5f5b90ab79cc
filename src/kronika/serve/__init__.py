"""The local web explorer: a FastAPI app over a read-only store, its JSON API and its pages."""

from kronika.serve.app import create_app, serve

__all__ = ["create_app", "serve"]
