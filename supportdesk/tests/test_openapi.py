import pytest
from django.core.management import call_command


def test_openapi_schema_validates_without_warnings(tmp_path):
    out = tmp_path / "schema.yaml"

    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(out))

    schema = out.read_text()
    for path in ["/tickets/:", "/tickets/{id}/:", "/tickets/{id}/triage/:", "/tickets/{id}/review/:"]:
        assert path in schema


@pytest.mark.django_db
def test_schema_and_interactive_docs_are_served(client):
    schema = client.get("/api/schema/")
    docs = client.get("/api/docs/")

    assert schema.status_code == 200
    assert b"openapi: 3" in schema.content
    assert docs.status_code == 200
    assert b"swagger" in docs.content.lower()
