import pytest

from conftest import create_building
from open311.models import Integration


def make_integration(name: str = "FixMyStreet Петербург", **extra) -> tuple[Integration, str]:
    integration = Integration(name=name, **extra)
    key = integration.new_key()
    integration.save()
    return integration, key


@pytest.fixture
def integration(db):
    return make_integration()


@pytest.fixture
def key(integration):
    return integration[1]


@pytest.fixture
def marata(db):
    """A building of the registry with its coordinates (FixMyStreet's pin lands on the pavement in front)."""
    return create_building("улица Марата", "7", latitude=59.92700, longitude=30.35100)
