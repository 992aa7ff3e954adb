"""The placeholder dashboard runs and its count line reconciles."""

import re

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT


@pytest.fixture(autouse=True)
def _clear_caches():
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()


def test_dashboard_runs_and_counts_add_up(gazetteer):  # noqa: ARG001 - warms the cache
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120).run()
    assert not at.exception
    line = at.caption[0].value
    total, mapped, apart = map(int, re.findall(r"(\d+) ", line)[:3])
    assert total == mapped + apart
    assert mapped >= 18
