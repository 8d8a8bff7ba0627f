"""gunicorn's settings for the web application (read from the working directory): `gunicorn priemnaya.wsgi`.

The models every worker reads — the classifier, the morphology dictionaries, natasha's embedding and NER —
are loaded once in the master before it forks, and frozen out of the garbage collector's reach, so the
workers share those pages instead of each holding a copy (see bench/memory.py for the figures).
"""

import gc

preload_app = True


def when_ready(server):
    from triage.preload import load_shared_models

    load_shared_models()
    gc.freeze()  # the collector would touch every object and so copy its page into each worker
