"""The LLM engine's parts without HTTP: client factory, backoff, response models, grounding, cache key."""

from __future__ import annotations

import instructor
import pytest

from extractor.chunking import chunk_document
from extractor.engines.llm.cache import cache_key
from extractor.engines.llm.models import ChunkAnswer, QuotedProject
from extractor.engines.llm.prompt import build_messages
from extractor.errors import ConfigError
from extractor.ingest import document_from_bytes
from extractor.llm_client import backoff_delay, build_client
from extractor.settings import Settings
from extractor.types import Amount, Organization, Project
from tests.llm_fixtures import API_KEY, ARTICLE, GOOD, answer


def _validate(payload: dict, last: bool = True) -> ChunkAnswer:
    doc = document_from_bytes(ARTICLE.encode(), "a.txt")
    [chunk] = chunk_document(doc)
    context = {"doc": doc, "chunk": chunk, "attempt": 1, "max_attempts": 1 if last else 2}
    return ChunkAnswer.model_validate(payload, context=context)


def test_factory_builds_instructor_clients_from_settings():
    settings = Settings(llm_base_url="http://127.0.0.1:9/v1", llm_mode="md_json", llm_timeout=7, llm_http_retries=3)
    client = build_client(settings)
    assert isinstance(client, instructor.Instructor) and client.mode == instructor.Mode.MD_JSON
    assert str(client.client.base_url) == "http://127.0.0.1:9/v1/"
    assert client.client.timeout == 7 and client.client.max_retries == 3
    assert isinstance(build_client(settings, async_=True, http_retries=0), instructor.AsyncInstructor)
    with pytest.raises(ConfigError, match="OPENAI_BASE_URL"):
        build_client(Settings(llm_base_url=None, llm_api_key=None))


def test_backoff_grows_exponentially_with_jitter_and_honours_retry_after():
    for attempt in range(5):
        delays = [backoff_delay(attempt, 0.5) for _ in range(50)]
        ceiling = 0.5 * 2 ** attempt
        assert all(ceiling / 2 <= d <= ceiling for d in delays) and len(set(delays)) > 1
    assert backoff_delay(0, 0.5, retry_after=3.0) == 3.0
    assert backoff_delay(20, 0.5) <= 30


def test_response_model_takes_its_descriptions_from_the_record_types():
    fields = QuotedProject.model_fields
    for name in ("province", "city", "district", "date", "status", "sector"):
        assert fields[name].description == Project.model_fields[name].description
        assert fields[f"{name}_quote"].description.startswith("The exact words")
    assert Project.model_fields["name"].description in fields["name"].description
    assert fields["amount_value"].description == Amount.model_fields["value"].description
    assert Amount.model_fields["text"].description in fields["amount_quote"].description
    assert fields["organizations"].annotation == list[Organization]


def test_validation_locates_quotes_and_rederives_values():
    [project] = _validate(GOOD).grounded
    assert project.amount.value == 5e8 and project.province == "Jiangxi" and project.date == "2020-03-27"
    doc = document_from_bytes(ARTICLE.encode(), "a.txt")
    assert all(doc.text[e.start:e.end] == e.quote for e in project.evidence)


def test_a_quote_that_differs_only_in_spacing_or_case_is_located_at_its_real_span():
    [project] = _validate(answer(name="fuzhou  blockchain industrial   PARK")).grounded
    assert project.name == "Fuzhou Blockchain Industrial Park"


def test_invented_quotes_raise_until_the_last_attempt_then_are_dropped():
    with pytest.raises(ValueError, match="'Made Up Park' is not in the text"):
        _validate(answer(name="Made Up Park"), last=False)
    final = _validate(answer(name="Made Up Park"))
    assert final.grounded == [] and "not in the text" in final.dropped[0]


def test_an_invented_field_quote_drops_the_candidate_after_the_last_attempt():
    with pytest.raises(ValueError, match="April 1, 2021"):
        _validate(answer(date_quote="April 1, 2021", city_quote="Wuhan City"), last=False)
    final = _validate(answer(date_quote="April 1, 2021", city_quote="Wuhan City"))
    assert final.grounded == []
    assert any("April 1, 2021" in d for d in final.dropped) and any("Wuhan City" in d for d in final.dropped)


def test_values_without_quotes_are_refused():
    with pytest.raises(ValueError, match="stated without province_quote"):
        _validate(answer(province_quote=None, city_quote=None, district_quote=None), last=False)


def test_a_quote_that_states_no_amount_is_refused():
    with pytest.raises(ValueError, match="amount"):
        _validate(answer(amount_quote="total investment"), last=False)


def test_cache_key_depends_on_text_hints_model_and_mode_only():
    base = cache_key("text", "", "m", "json_schema")
    assert base == cache_key("text", "", "m", "json_schema")
    assert len({base, cache_key("text2", "", "m", "json_schema"), cache_key("text", "- hint", "m", "json_schema"),
                cache_key("text", "", "m2", "json_schema"), cache_key("text", "", "m", "tools")}) == 5
    assert API_KEY not in base


def test_the_text_is_sent_once_with_short_fixed_instructions():
    from extractor.tokens import count_tokens

    messages = build_messages(ARTICLE)
    assert messages[1]["content"].count(ARTICLE) == 1
    assert count_tokens(messages[0]["content"]) < 150
