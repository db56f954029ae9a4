import pytest

from tests.factories import UserFactory


@pytest.fixture
def reader(db):
    return UserFactory(
        username="nguoi-doc", email="nguoidoc@example.gov.vn", first_name="Lê", last_name="Đọc"
    )


@pytest.fixture
def other(db):
    return UserFactory(username="nguoi-khac", email="nguoikhac@example.gov.vn")
