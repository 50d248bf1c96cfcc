"""pytest fixtures: stock tshark with or without the suite's plugins (see wsenv.py)."""
import pytest

from wsenv import (BUILD, CAPTURES, SUITE_PLUGINS, TShark, make_data_root, make_plugin_root,  # noqa: F401
                   stock_plugin_dir)


@pytest.fixture(scope="session")
def suite_plugin_root(tmp_path_factory):
    return make_plugin_root(tmp_path_factory.mktemp("plugins-suite"), SUITE_PLUGINS)


@pytest.fixture(scope="session")
def stock_plugin_root(tmp_path_factory):
    return make_plugin_root(tmp_path_factory.mktemp("plugins-stock"))


@pytest.fixture(scope="session")
def data_root(tmp_path_factory):
    """Stock Wireshark's data files without an installed copy of the suite's."""
    return make_data_root(tmp_path_factory.mktemp("data"))


@pytest.fixture
def tshark(suite_plugin_root, data_root, tmp_path):
    """Stock tshark with the suite's plugins and the build's data files."""
    return TShark(suite_plugin_root, tmp_path / "home", data_root=data_root)


@pytest.fixture
def bare_tshark(suite_plugin_root, data_root, tmp_path):
    """Stock tshark with the suite's plugins and none of its data files."""
    return TShark(suite_plugin_root, tmp_path / "bare", with_data=False, data_root=data_root)


@pytest.fixture
def stock_tshark(stock_plugin_root, data_root, tmp_path):
    """Stock tshark with only the stock plugins."""
    return TShark(stock_plugin_root, tmp_path / "home-stock", data_root=data_root)


def capture(name):
    path = CAPTURES / name
    assert path.exists(), f"{path} is missing: python3 captures/generate.py"
    return path
