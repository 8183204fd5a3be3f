"""The record types: defined once, used by every engine, the store, the CLI and the LLM prompt.

Field descriptions are written for two readers: a person reading the code and a language model
reading the JSON schema that instructor builds from these classes.
"""

from __future__ import annotations

import hashlib
import re
from enum import Enum
from typing import Optional

from pydantic import BaseModel, ConfigDict, Field, field_validator

SCHEMA_VERSION = 1

ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class OrgRole(str, Enum):
    undertaker = "undertaker"
    investor = "investor"
    signer = "signer"
    government = "government"
    other = "other"


class Status(str, Enum):
    listed = "listed"
    signed = "signed"
    approved = "approved"
    planned = "planned"
    other = "other"


class Document(BaseModel):
    """One ingested article. `text` is the normalised plain text every offset points into."""

    model_config = ConfigDict(frozen=True)

    id: str = Field(description="Stable id: a hash of the document text.")
    title: str = Field(description="Title from <title>/<h1>, a Markdown heading or the first line.")
    source: str = Field(description="Path the document was read from.")
    lang: str = Field(description="'zh' or 'en', from the share of CJK characters.")
    published: Optional[str] = Field(None, description="Publication date stated by the text, ISO.")
    text: str = Field(repr=False, description="Plain text; all evidence offsets index into it.")

    @property
    def year(self) -> Optional[int]:
        return int(self.published[:4]) if self.published else None


class Chunk(BaseModel):
    """A token-bounded slice of a document, with `doc.text[start:end] == text`."""

    model_config = ConfigDict(frozen=True)

    id: str
    doc_id: str
    index: int
    start: int
    end: int
    text: str = Field(repr=False)
    n_tokens: int


class Evidence(BaseModel):
    """Where in the source a field's value is stated: `document_text[start:end] == quote`."""

    field: str = Field(
        description="Record field this span supports: name, province, city, district, amount, "
        "date, status, sector, or organizations[i] for the i-th organisation."
    )
    doc_id: str = Field(description="Document the span is in.")
    start: int = Field(ge=0, description="Start character offset in the document text.")
    end: int = Field(ge=0, description="End character offset (exclusive).")
    quote: str = Field(description="The exact text of the span.")


class Organization(BaseModel):
    name: str = Field(
        description="Organisation name exactly as written in the article, e.g. "
        "'Hunan Chenhan Information Technology Co., Ltd.' or '江西省发展和改革委员会'."
    )
    role: OrgRole = Field(
        description="undertaker: builds or carries out the project; investor: puts money in; "
        "signer: signed the agreement; government: the public body that lists, approves or hosts "
        "it; other: any other stated involvement."
    )


class Amount(BaseModel):
    """A sum of money as stated, normalised to units of its currency."""

    value: Optional[float] = Field(
        None, description="The stated amount in currency units (500 million yuan -> 500000000). "
        "None when only a range is stated."
    )
    min: Optional[float] = Field(None, description="Lower bound; equals value for a point amount.")
    max: Optional[float] = Field(None, description="Upper bound; equals value for a point amount, "
                                 "None for open-ended amounts such as 'more than X'.")
    currency: str = Field("CNY", description="ISO 4217 code: CNY for yuan/RMB/元, USD for US$/dollars.")
    text: str = Field(description="The amount exactly as written, e.g. '500 million yuan' or '5亿元'.")

    @property
    def comparable(self) -> Optional[float]:
        """The figure used for comparisons: the point value, else the lower bound."""
        return self.value if self.value is not None else self.min


class Conflict(BaseModel):
    """Two sources disagree about a field; both values are kept instead of silently picking one."""

    field: str
    values: list[str]
    doc_ids: list[str] = Field(default_factory=list)
    note: str = ""


class Project(BaseModel):
    """One key project: what is built or invested in, where, by whom, for how much, and when.

    This JSON shape is the public record contract (CLI --json / jsonl output).
    """

    id: str = Field("", description="Stable id derived from the normalised name and province.")
    name: str = Field(description="Project name as written, without surrounding quotes.")
    province: Optional[str] = Field(None, description="Province in canonical English, e.g. 'Jiangxi'.")
    province_zh: Optional[str] = Field(None, description="Province in Chinese, e.g. '江西省'.")
    city: Optional[str] = Field(None, description="Prefecture-level city in English, e.g. 'Fuzhou'.")
    city_zh: Optional[str] = Field(None, description="City in Chinese, e.g. '抚州市'.")
    district: Optional[str] = Field(None, description="County or district in English, e.g. 'Dongxiang'.")
    district_zh: Optional[str] = Field(None, description="County or district in Chinese.")
    organizations: list[Organization] = Field(default_factory=list)
    amount: Optional[Amount] = Field(None, description="Investment in the project itself; never a "
                                     "list total, registered capital or revenue.")
    date: Optional[str] = Field(None, description="When it was listed/signed/approved, ISO "
                                "with the precision stated: '2020', '2020-03' or '2020-03-27'.")
    status: Optional[Status] = Field(None, description="listed in a key project list, signed, "
                                     "approved, planned, or other.")
    sector: Optional[str] = Field(None, description="Industry in a few words, e.g. 'blockchain'.")
    doc_id: str = Field("", description="Document the record was first extracted from.")
    evidence: list[Evidence] = Field(default_factory=list)
    conflicts: list[Conflict] = Field(default_factory=list)

    @field_validator("date")
    @classmethod
    def _iso_date(cls, v: Optional[str]) -> Optional[str]:
        if v is not None and not ISO_DATE.match(v):
            raise ValueError(f"date must be ISO with optional precision (YYYY, YYYY-MM, YYYY-MM-DD), got {v!r}")
        return v

    def evidence_for(self, field: str) -> list[Evidence]:
        return [e for e in self.evidence if e.field == field]

    def with_id(self) -> "Project":
        return self.model_copy(update={"id": project_id(self.name, self.province)})

    def contract(self) -> dict:
        """The JSON object of the record contract."""
        return self.model_dump(mode="json")


class AggregateFact(BaseModel):
    """A figure about a whole list or ceremony ("1431 projects, total investment 1.5 trillion yuan")
    or a company (registered capital, revenue): kept, but never a project record."""

    kind: str = Field(description="list_total, list_count, registered_capital, revenue, other")
    doc_id: str
    start: int
    end: int
    quote: str
    amount: Optional[Amount] = None
    count: Optional[int] = None


class Extraction(BaseModel):
    """What an engine found in one document."""

    doc_id: str
    projects: list[Project] = Field(default_factory=list)
    aggregates: list[AggregateFact] = Field(default_factory=list)
    dropped: list[str] = Field(default_factory=list, description="Candidates rejected, with reasons.")


_NAME_NOISE = re.compile(r"[\s\"'“”‘’《》「」()（）\-_,.，。:：]+")


def normalise_name(name: str) -> str:
    """A key for matching project names across mentions: case, quotes, spaces and punctuation dropped."""
    return _NAME_NOISE.sub("", name).lower()


def project_id(name: str, province: Optional[str]) -> str:
    key = f"{normalise_name(name)}|{(province or '').lower()}"
    return "p_" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]
