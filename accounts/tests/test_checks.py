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


def test_an_unreadable_triage_model_is_an_error(tmp_path, settings):
    damaged = tmp_path / "damaged.npz"
    damaged.write_bytes(b"not a model")
    settings.TRIAGE_MODEL = str(damaged)
    assert "triage.E001" in ids()
    settings.TRIAGE_MODEL = ""
    assert "triage.E001" not in ids()
