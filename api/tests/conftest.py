"""API test helpers: a client that speaks JSON and carries a staff member's bearer token."""

import pytest
from django.test import Client

from accounts.models import ApiToken


class ApiClient(Client):
    def post_json(self, path: str, data=None, **extra):
        return self.post(path, {} if data is None else data, content_type="application/json", **extra)


@pytest.fixture
def client_for(db):
    """client_for(user) → a client authenticated with a fresh token; client_for(None) → anonymous."""

    def make(user=None) -> ApiClient:
        if user is None:
            return ApiClient()
        _, key = ApiToken.issue(user)
        return ApiClient(headers={"Authorization": f"Bearer {key}"})

    return make
