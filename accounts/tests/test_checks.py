from django.core.checks import run_checks
from django.test import override_settings


def ids(**kwargs) -> set[str]:
    return {message.id for message in run_checks(**kwargs)}


def test_default_secret_key_fails_the_deploy_check():
    assert "priemnaya.E001" in ids(include_deployment_checks=True)


@override_settings(SECRET_KEY="a-real-secret-" + "x" * 40)
def test_real_secret_key_passes():
    assert "priemnaya.E001" not in ids(include_deployment_checks=True)


@override_settings(CELERY_TASK_ALWAYS_EAGER=False, REDIS_URL="")
def test_workers_without_broker_is_an_error():
    assert "priemnaya.E002" in ids()
