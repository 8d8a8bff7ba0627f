"""Configurations of other projects' apps, as this one needs them."""

from axes.apps import AppConfig as DjangoAxesConfig
from django.contrib.admin.apps import AdminConfig as DjangoAdminConfig


class AdminConfig(DjangoAdminConfig):
    default_site = "priemnaya.admin_site.AdminSite"


class AxesConfig(DjangoAxesConfig):
    verbose_name = "Попытки входа"
