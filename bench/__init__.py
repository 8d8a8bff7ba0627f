"""Benchmarks and data generators (not tests): `python -m bench.generate`, `python -m bench.benchmark`.

Both are scripts, so the package sets Django up when it is imported on its own.
"""

import os

import django
from django.apps import apps

if not apps.ready:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "priemnaya.settings")
    django.setup()
