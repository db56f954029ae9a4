import pytest

from .preview_world import preview_world


@pytest.fixture
def world(db):
    return preview_world()
