import pytest


@pytest.fixture(autouse=True)
def _invoices_kept_apart(settings, tmp_path):
    """Invoice PDFs of a test go to its own folder, not the installation's media."""
    settings.MEDIA_ROOT = tmp_path / "media"
