"""Demo data: a company, its buildings, staff and a few months of appeals (`manage.py load_demo`).

Not part of the product. The demo tells its story through the domain's own verbs
(`appeals.services`, `appeals.outgoing`), so its history and deadlines are the real ones; nothing
outside this app imports it, and a production installation may leave it out of INSTALLED_APPS.
"""
