"""The product's own settings — every middleware, the session and CSRF machinery, the cache, the API's
token check — serving one more route (bench/floor/urls.py): the floor under any intake design within this
stack. Not part of the product; `bench.http_run --floor` serves it."""

import os

import django
from django.conf import settings
from django.core.wsgi import get_wsgi_application

os.environ["DJANGO_SETTINGS_MODULE"] = "priemnaya.settings"
django.setup()
settings.ROOT_URLCONF = "bench.floor.urls"
application = get_wsgi_application()
