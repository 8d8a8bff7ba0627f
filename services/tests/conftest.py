import pytest


@pytest.fixture(autouse=True)
def _media_of_its_own(settings, tmp_path):
    """Uploaded forms go to the test's own folder, never the server's."""
    settings.MEDIA_ROOT = tmp_path / "media"
