"""Response models the LLM fills in: the record fields of extractor/types.py, each with a verbatim quote.

Nothing here redefines a record type: `QuotedProject` is generated from `Project`'s own fields and
descriptions (so the JSON schema instructor sends is written by types.py), organisations are
`Organization` itself (an organisation's name is its own quote), and the amount's fields come from
`Amount`. The model never states a number on its own: amounts, places and dates are re-read from
their quotes (see ground.py), and a value without a quote fails validation and is sent back.
"""

from __future__ import annotations

import copy
from functools import lru_cache
from typing import Any, Optional

from pydantic import BaseModel, Field, PrivateAttr, ValidationInfo, create_model, model_validator

from extractor.types import Amount, Organization, Project

QUOTED_FIELDS = ("province", "city", "district", "date", "status", "sector")
_VERBATIM = " Copy it character for character from the text."
_QUOTE = ("The exact words of the text that state the {field}, copied character for character "
          "(e.g. {example}); null when the text does not state it.")
_EXAMPLES = {"province": "'Jiangxi Province' or '江西省'", "city": "'Fuzhou City' or '抚州市'",
             "district": "'Dongxiang District' or '东乡区'", "date": "'March 27, 2020' or '2020年3月27日'",
             "status": "'was listed among the key projects' or '签约'", "sector": "'blockchain' or '新能源'"}


def _about(model: type[BaseModel], field: str) -> str:
    return model.model_fields[field].description or ""


def _project_fields() -> dict[str, Any]:
    """Field definitions of `QuotedProject`, read off `Project`, `Amount` and `Organization`."""
    fields: dict[str, Any] = {"name": (str, Field(description=_about(Project, "name") + _VERBATIM))}
    for name in QUOTED_FIELDS:
        info = Project.model_fields[name]
        fields[name] = (info.annotation, Field(None, description=info.description))
        fields[f"{name}_quote"] = (Optional[str], Field(
            None, description=_QUOTE.format(field=name, example=_EXAMPLES[name])))
    fields["organizations"] = (list[Organization], Field(
        default_factory=list, description="Organisations involved in the project, names copied "
        "character for character from the text."))
    fields["amount_value"] = (Optional[float], Field(None, description=_about(Amount, "value")))
    fields["amount_quote"] = (Optional[str], Field(
        None, description=f"{_about(Amount, 'text')} {_about(Project, 'amount')} Required whenever "
        "amount_value is given."))
    return fields


QuotedProject = create_model(
    "QuotedProject",
    __doc__="One key project stated in the text; every value comes with the exact words that state it.",
    **_project_fields(),
)


class ChunkAnswer(BaseModel):
    """Every key project the text states (an empty list when it names none)."""

    projects: list[QuotedProject] = Field(default_factory=list)  # type: ignore[valid-type]

    _grounded: list[Project] = PrivateAttr(default_factory=list)
    _dropped: list[str] = PrivateAttr(default_factory=list)

    @model_validator(mode="after")
    def _ground_in_chunk(self, info: ValidationInfo) -> "ChunkAnswer":
        """Ground every candidate in the chunk given in the validation context.

        Errors go back to the model (instructor re-asks) until the last attempt; then every
        candidate that still fails is dropped whole (a record with an unsupported value is not
        trusted for its other values either) and the reasons are kept. Without a context (schema checks,
        plain parsing) nothing is grounded.
        """
        from extractor.engines.llm.ground import ground_candidate

        context = info.context
        if not context or "chunk" not in context:
            return self
        errors, grounded, dropped = [], [], []
        for i, candidate in enumerate(self.projects):
            project, problems = ground_candidate(candidate, context["doc"], context["chunk"])
            if problems:
                errors.append(f"projects[{i}] ({candidate.name!r}): " + "; ".join(problems))
                dropped.extend(f"{candidate.name!r}: {p}" for p in problems)
            if project is not None and not problems:
                grounded.append(project)
        if errors and context.get("attempt", 0) < context.get("max_attempts", 0):
            raise ValueError("Some values are not supported by the text. Copy every quote exactly as it "
                             "appears, and leave a field null when the text does not state it.\n"
                             + "\n".join(errors))
        self._grounded, self._dropped = grounded, dropped
        return self

    @classmethod
    def model_json_schema(cls, *args: Any, **kwargs: Any) -> dict[str, Any]:
        """Cached: instructor asks for the schema on every request, and building it costs ~15 ms of
        CPU, which at concurrency 8 is a large share of the time between answers."""
        return copy.deepcopy(_schema(cls, args, tuple(sorted(kwargs.items()))))

    @property
    def grounded(self) -> list[Project]:
        return self._grounded

    @property
    def dropped(self) -> list[str]:
        return self._dropped


@lru_cache(maxsize=8)
def _schema(model: type[BaseModel], args: tuple, kwargs: tuple) -> dict[str, Any]:
    return super(ChunkAnswer, model).model_json_schema(*args, **dict(kwargs))
