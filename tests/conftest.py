"""pytest fixtures: stock tshark with or without the suite's plugins (see wsenv.py)."""
import pytest

from wsenv import BUILD, CAPTURES, SUITE_PLUGINS, TShark, make_plugin_root, stock_plugin_dir  # noqa: F401


@pytest.fixture(scope="session")
def suite_plugin_root(tmp_path_factory):
    return make_plugin_root(tmp_path_factory.mktemp("plugins-suite"), SUITE_PLUGINS)


@pytest.fixture(scope="session")
def stock_plugin_root(tmp_path_factory):
    return make_plugin_root(tmp_path_factory.mktemp("plugins-stock"))


@pytest.fixture
def tshark(suite_plugin_root, tmp_path):
    """Stock tshark with the suite's plugins."""
    return TShark(suite_plugin_root, tmp_path / "home")


@pytest.fixture
def stock_tshark(stock_plugin_root, tmp_path):
    """Stock tshark with only the stock plugins."""
    return TShark(stock_plugin_root, tmp_path / "home-stock")


def capture(name):
    path = CAPTURES / name
    assert path.exists(), f"{path} is missing: python3 captures/generate.py"
    return path
