"""The OpenAPI document fuzzed with schemathesis: whatever a client sends within (or outside) the
schema, the server answers without a server error. Bounded: a few examples per operation."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from _web import TOKEN, example_workbench
from rawi.web import create_app

# FastAPI writes OpenAPI 3.1, which schemathesis 3.x reads behind this switch.
schemathesis.experimental.OPEN_API_3_1.enable()


@pytest.fixture(scope="module")
def web_schema(tmp_path_factory: pytest.TempPathFactory):
    wb = example_workbench(tmp_path_factory.mktemp("web-fuzz"))
    yield schemathesis.from_asgi("/openapi.json", create_app(wb, token=TOKEN))
    wb.close()


schema = schemathesis.from_pytest_fixture("web_schema")


@schema.parametrize()
@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_no_server_error(case) -> None:  # type: ignore[no-untyped-def]
    # with the token, so the writing operations run their code too (on a copy of the examples)
    case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"}, checks=(not_a_server_error,))
