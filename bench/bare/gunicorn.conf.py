"""gunicorn's settings for the reference endpoint: the product's own file would preload the product."""

preload_app = True
