import pytest

from forewarn.config import Settings, load_settings
from forewarn.errors import ConfigError


@pytest.fixture
def clean_env(monkeypatch, tmp_path):
    for key in ("FOREWARN_DB", "FOREWARN_MODEL", "FOREWARN_PATTERNS", "FOREWARN_ACTORS", "FOREWARN_REPLACE_PATTERNS"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("FOREWARN_CONFIG", str(tmp_path / "config.toml"))
    return tmp_path


def test_layers_in_order(clean_env, monkeypatch):
    cfg = clean_env / "config.toml"
    assert load_settings().model == "auto"
    cfg.write_text('model = "from-file"\ndb = "~/x.duckdb"\npatterns = ["a.toml", "b.toml"]\n')
    s = load_settings()
    assert s.model == "from-file" and s.db.name == "x.duckdb" and "~" not in str(s.db)
    assert [p.name for p in s.patterns] == ["a.toml", "b.toml"]
    monkeypatch.setenv("FOREWARN_MODEL", "from-env")
    monkeypatch.setenv("FOREWARN_REPLACE_PATTERNS", "yes")
    s = load_settings()
    assert s.model == "from-env" and s.replace_patterns is True
    assert load_settings(model="from-flag", db=None).model == "from-flag"


def test_bad_config_is_a_clear_error(clean_env):
    cfg = clean_env / "config.toml"
    cfg.write_text("model = \n")
    with pytest.raises(ConfigError, match="config.toml"):
        load_settings()
    cfg.write_text('colour = "blue"\n')
    with pytest.raises(ConfigError, match="unknown setting 'colour'"):
        load_settings()
    cfg.write_text("model = 3\n")
    with pytest.raises(ConfigError, match="'model'"):
        load_settings()


def test_replace_ignores_none():
    s = Settings(model="m")
    assert s.replace(model=None).model == "m"
