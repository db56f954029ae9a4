"""The OpenAPI schema at /api/schema/ is valid and describes the directives endpoints."""

import json

import pytest
from django.core.management import call_command
from drf_spectacular.validation import validate_schema

pytestmark = pytest.mark.django_db


def test_schema_validates_and_lists_directives_and_policy(client):
    response = client.get("/api/schema/?format=json")
    assert response.status_code == 200
    schema = json.loads(response.content)
    validate_schema(schema)
    assert "/api/v1/directives/" in schema["paths"]
    assert "/api/v1/directives/{id}/" in schema["paths"]
    policy = schema["paths"]["/api/v1/policy/"]["get"]
    assert {"200", "400", "404"} <= set(policy["responses"])


def test_schema_generation_has_no_warnings(tmp_path):
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yml"))
