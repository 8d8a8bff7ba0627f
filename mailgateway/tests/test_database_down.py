"""The database down: the letter is answered 451, the sender retries, and it is filed exactly once.

It brings its own PostgreSQL cluster and gateway process, so it runs alike under either suite's database.
"""

import smtplib
from email import policy

import pytest

from .conftest import letter
from .servers import GatewayProcess, ThrowawayPostgres, manage, pg_bin, project_env

pytestmark = pytest.mark.skipif(pg_bin("initdb") is None, reason="PostgreSQL's server programs are not installed")


@pytest.fixture
def postgres():
    cluster = ThrowawayPostgres()
    cluster.start()
    yield cluster
    cluster.remove()


def _send(port: int, raw: bytes) -> None:
    with smtplib.SMTP("127.0.0.1", port, timeout=60) as client:
        client.sendmail("maria@example.ru", ["priem@uk.example.ru"], raw)


def test_letter_refused_with_451_while_the_database_is_down_is_filed_once_on_retry(postgres, tmp_path):
    env = project_env(DATABASE_URL=postgres.url, MEDIA_ROOT=str(tmp_path / "media"))
    manage("migrate", "--noinput", env=env)
    gateway = GatewayProcess(env)
    try:
        raw = letter(message_id="<retry-1@example.ru>").as_bytes(policy=policy.SMTP)
        postgres.stop()
        with pytest.raises(smtplib.SMTPDataError) as refused:
            _send(gateway.port, raw)
        assert refused.value.smtp_code == 451
        postgres.start()
        _send(gateway.port, raw)
        _send(gateway.port, raw)  # the MTA retried once more: still one appeal
    finally:
        gateway.stop()
    assert postgres.count("SELECT count(*) FROM appeals_appeal WHERE channel = 'email'") == 1
    assert postgres.count("SELECT count(*) FROM mailgateway_inboundmessage") == 1
