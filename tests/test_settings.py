from __future__ import annotations

from extractor.settings import Settings


def test_environment_overrides_defaults_and_openai_names_are_honoured(monkeypatch, tmp_path):
    monkeypatch.setenv("KEYPROJ_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("KEYPROJ_CHUNK_TOKENS", "256")
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-not-a-real-key-000000")
    s = Settings()
    assert s.data_dir == tmp_path and s.chunk_tokens == 256
    assert s.llm_base_url == "http://127.0.0.1:9/v1"
    assert s.llm_api_key.get_secret_value() == "sk-test-not-a-real-key-000000"


def test_hash_changes_with_settings_but_never_contains_the_key(monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "sk-secret-value-1234567890")
    a = Settings()
    assert "sk-secret" not in str(a.public_dict()) and "sk-secret" not in repr(a)
    assert a.hash() == Settings().hash()
    monkeypatch.setenv("OPENAI_API_KEY", "sk-another-secret-0987654321")
    assert Settings().hash() == a.hash(), "the key does not change the settings hash"
    assert Settings(chunk_tokens=300).hash() != a.hash()
