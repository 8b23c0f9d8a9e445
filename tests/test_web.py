"""The web app through Flask's test client: every route, every error, the security headers,
the coach batches (and that they survive a restart), the public-server login, and privacy.

Analysis runs without the learned model (USE_MODEL=False) to keep the module fast; the API
is compared with the CLI's `--no-model` output.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import re
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import builders as b
import pytest
from click.testing import CliRunner
from flask import Flask
from flask.testing import FlaskClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from markupsafe import escape
from resume_analyzer.web import create_app, store
from resumes import APM, APM_TO_POLISH, to_docx, to_pdf, to_text
from werkzeug.datastructures import FileStorage, MultiDict
from werkzeug.security import generate_password_hash
from werkzeug.test import encode_multipart

from resume_analyzer import scale_note
from resume_analyzer.batch import ScoreTask
from resume_analyzer.cli import main

SECRET = "test-secret-key-for-the-web-tests"
# A sentence only the fixture resume holds: it must never reach a log line.
PRIVATE_SENTENCE = "Interviewed 18 customers about onboarding"
POSTING = (
    "Associate Product Manager\n"
    "We are hiring an APM to work with engineering and design.\n"
    "Requirements: SQL, A/B testing, user research, roadmapping, Tableau, Kubernetes.\n"
    "You will write PRDs, run experiments and present results to leadership.\n"
)
BATCH_ID = re.compile(r"^[A-Za-z0-9_-]{20,}$")
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
MakeApp = Callable[..., Flask]


# --------------------------------------------------------------------------- fixtures


def _close(app: Flask) -> None:
    """Wait for the app's batch worker and close its database connections."""
    pool = app.extensions.get("resume_analyzer_jobs")
    if pool is not None:
        pool.shutdown(wait=True)
    store.engine(app).dispose()


def _new_app(database: Path, **config: Any) -> Flask:
    return create_app(
        {
            "TESTING": True,
            "USE_MODEL": False,
            "SECRET_KEY": SECRET,
            "DATABASE_URL": f"sqlite:///{database}",
            **config,
        }
    )


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    made = _new_app(tmp_path_factory.mktemp("web") / "web.sqlite3")
    yield made
    _close(made)


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def make_app(tmp_path: Path) -> Iterator[MakeApp]:
    """Apps with their own config; all on tmp_path/web.sqlite3 unless `database` is given."""
    made: list[Flask] = []

    def make(database: Path | None = None, **config: Any) -> Flask:
        new = _new_app(database or tmp_path / "web.sqlite3", **config)
        made.append(new)
        return new

    yield make
    for each in made:
        _close(each)


@pytest.fixture(scope="module")
def apm_pdf() -> bytes:
    return to_pdf(APM)


# --------------------------------------------------------------------------- helpers


class Page(HTMLParser):
    """Every start tag with its attributes, and the text inside each <script>."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.scripts: list[str] = []
        self._in_script = False
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {name: value or "" for name, value in attrs}))
        if tag == "script":
            self._in_script = True
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data

    def all(self, tag: str) -> list[dict[str, str]]:
        return [attrs for name, attrs in self.tags if name == tag]


def csrf_token(client: FlaskClient, path: str = "/") -> str:
    found = CSRF.search(client.get(path).get_data(as_text=True))
    assert found, f"no csrf_token in {path}"
    return found.group(1)


def upload(data: bytes | str, name: str) -> tuple[io.BytesIO, str]:
    return io.BytesIO(data.encode() if isinstance(data, str) else data), name


def result_page(client: FlaskClient, data: bytes | str, name: str) -> str:
    """The HTML of the applicant's result page for one uploaded file (asserting a 200)."""
    response = client.post(
        "/analyze", data={"csrf_token": csrf_token(client), "file": upload(data, name)}
    )
    assert response.status_code == 200
    return str(response.get_data(as_text=True))


def post_multipart(client: FlaskClient, path: str, fields: dict[str, Any], **kwargs: Any) -> Any:
    """POST a multipart body built in memory: the test client would spool a big one to a
    temporary file that it never closes (a ResourceWarning)."""
    values: MultiDict[str, Any] = MultiDict()
    for key, value in fields.items():
        for each in value if isinstance(value, list) else [value]:
            if isinstance(each, tuple):
                stream, filename = each
                values.add(key, FileStorage(stream, filename=filename, name=key))
            else:
                values.add(key, each)
    boundary, body = encode_multipart(values)
    return client.post(
        path, data=body, content_type=f"multipart/form-data; boundary={boundary}", **kwargs
    )


def post_analyze(client: FlaskClient, data: bytes | str, name: str, **form: Any) -> Any:
    return post_multipart(client, "/api/v1/analyze", {"file": upload(data, name), **form})


def assert_json_error(response: Any, status: int, code: str | None = None) -> dict[str, str]:
    assert response.status_code == status, response.get_data(as_text=True)[:500]
    assert response.mimetype == "application/json"
    body = response.get_json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message"}
    assert body["error"]["message"].strip()
    if code is not None:
        assert body["error"]["code"] == code
    return body["error"]  # type: ignore[no-any-return]


def wait_for_batch(app: Flask, batch_id: str, timeout: float = 60.0) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while True:
        batch = store.get_batch(store.engine(app), batch_id)
        assert batch is not None
        if batch["status"] != "running":
            return batch
        assert time.monotonic() < deadline, f"batch {batch_id} still running: {batch}"
        time.sleep(0.1)


def cli_json(path: Path, *args: str) -> str:
    result = CliRunner().invoke(
        main, ["analyze", str(path), "--format", "json", "--no-model", *args]
    )
    assert result.exit_code == 0, result.output
    return result.stdout


def row_files(html: str) -> list[str]:
    return re.findall(r'<th scope="row">([^<]*)</th>', html)


def cohort_files() -> list[tuple[io.BytesIO, str]]:
    """Three resumes, one broken PDF and a zip of two more: six rows, one failed."""
    weak = APM.with_bullet(0, 2, "Helped with various tasks on the pricing page")
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.writestr("cohort/dana.txt", to_text(replace(APM, name="Dana Example")))
        bundle.writestr("eli.docx", to_docx(replace(weak, name="Eli Example")))
    return [
        upload(to_pdf(replace(APM, name="Alex Example")), "alex.pdf"),
        upload(to_docx(replace(weak, name="Blair Example")), "Blair.docx"),
        upload(to_text(replace(APM, name="Casey Example")), "casey.md"),
        upload(b"%PDF-1.4\n" + bytes(range(256)) * 8, "broken.pdf"),
        upload(archive.getvalue(), "cohort.zip"),
    ]


COHORT_ROWS = [
    "alex.pdf",
    "Blair.docx",
    "casey.md",
    "broken.pdf",
    "cohort.zip/cohort/dana.txt",
    "cohort.zip/eli.docx",
]


def start_coach_batch(client: FlaskClient, **form: Any) -> str:
    token = csrf_token(client, "/coach/")
    response = client.post(
        "/coach/batches", data={"csrf_token": token, "files": cohort_files(), **form}
    )
    assert response.status_code == 303
    path = urlsplit(response.headers["Location"]).path
    assert path.startswith("/coach/batches/")
    return path.rsplit("/", 1)[1]


# --------------------------------------------------------------------------- applicant pages


def test_index_has_a_csrf_token_and_a_label_for_every_input(client: FlaskClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    page = Page(response.get_data(as_text=True))
    forms = page.all("form")
    assert [f["action"] for f in forms] == ["/analyze"]
    assert forms[0]["method"] == "post"
    assert forms[0]["enctype"] == "multipart/form-data"
    hidden = [i for i in page.all("input") if i.get("type") == "hidden"]
    assert [i["name"] for i in hidden] == ["csrf_token"]
    assert len(hidden[0]["value"]) > 20
    labelled = {label["for"] for label in page.all("label")}
    fields = [i for i in page.all("input") if i.get("type") != "hidden"] + page.all("textarea")
    assert {f["name"] for f in fields} == {"file", "job_description", "job_file"}
    for field in fields:
        assert field.get("id") in labelled, f"no <label for> the {field['name']} field"


def test_analyze_page_needs_the_csrf_token(client: FlaskClient, apm_pdf: bytes) -> None:
    response = client.post("/analyze", data={"file": upload(apm_pdf, "apm.pdf")})
    assert response.status_code == 400
    assert response.mimetype == "text/html"
    html = response.get_data(as_text=True)
    assert "csrf_failed" in html
    assert "Reload the page" in html
    wrong = client.post("/analyze", data={"csrf_token": "forged", "file": upload(apm_pdf, "a.pdf")})
    assert wrong.status_code == 400


def test_analyze_page_shows_the_annotated_result(client: FlaskClient) -> None:
    apm_pdf = to_pdf(APM_TO_POLISH)
    expected = post_analyze(client, apm_pdf, "apm.pdf").get_json()
    response = client.post(
        "/analyze", data={"csrf_token": csrf_token(client), "file": upload(apm_pdf, "apm.pdf")}
    )
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    html = response.get_data(as_text=True)
    assert f"<span data-score>{expected['score']}</span>" in html
    assert f"Score {expected['score']}/100" in html  # the title
    # What the number means, beside it.
    assert f'<p class="scale-note" data-scale>{escape(scale_note(expected["score"]))}</p>' in html
    strengths = re.findall(r'<li class="bullet strength-(strong|solid|weak)">', html)
    assert len(strengths) == len(expected["bullets"])
    assert strengths == [bullet["strength"] for bullet in expected["bullets"]]
    assert '<mark class="skill"' in html
    assert html.count('<details class="rewrite">') == sum(
        1 for bullet in expected["bullets"] if bullet["findings"] and bullet["suggestion"]
    )
    assert '<details class="rewrite">' in html
    assert "Match to the job posting" not in html
    # The JSON download is the analysis itself, exactly as the API returns it.
    page = Page(html)
    link = next(a for a in page.all("a") if a.get("download") == "apm.pdf.analysis.json")
    prefix = "data:application/json;charset=utf-8;base64,"
    assert link["href"].startswith(prefix)
    import base64

    decoded = base64.b64decode(link["href"][len(prefix) :]).decode()
    assert json.loads(decoded) == expected


def test_a_docx_named_pdf_is_read_and_the_page_says_the_name_is_wrong(
    client: FlaskClient,
) -> None:
    html = result_page(client, to_docx(APM), "x.pdf")
    assert "This file is named .pdf but is a Word document; it was read as one." in html
    assert "Rename it to .docx" in html


def test_analyze_page_with_a_job_posting_shows_the_match(
    client: FlaskClient, apm_pdf: bytes
) -> None:
    response = client.post(
        "/analyze",
        data={
            "csrf_token": csrf_token(client),
            "file": upload(apm_pdf, "apm.pdf"),
            "job_description": POSTING,
        },
    )
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    expected = post_analyze(client, apm_pdf, "apm.pdf", job_description=POSTING).get_json()
    match = expected["job_match"]
    assert match is not None
    assert f"Match to the job posting: {round(match['score'])}/100" in html
    for skill in match["matched"] + match["missing"]:
        assert f'<li class="{"ok" if skill in match["matched"] else "missing"}">' in html
        assert skill in html


def test_resume_text_is_escaped_on_the_result_page(client: FlaskClient) -> None:
    spec = APM.with_bullet(
        0,
        1,
        "Wrote the PRD <script>alert(1)</script> and <img src=x onerror=alert(2)> for a "
        "self-serve billing page that cut support tickets by 22%",
    )
    html = result_page(client, to_text(spec), "xss.md")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    page = Page(html)
    assert all(script.get("src") for script in page.all("script"))
    assert not page.all("img")


def test_analyze_page_errors_are_pages(client: FlaskClient) -> None:
    token = csrf_token(client)
    response = client.post(
        "/analyze", data={"csrf_token": token, "file": upload(b.png_bytes(), "photo.png")}
    )
    assert response.status_code == 415
    assert response.mimetype == "text/html"
    assert "unsupported_file_type" in response.get_data(as_text=True)
    missing = client.post("/analyze", data={"csrf_token": token})
    assert missing.status_code == 400
    assert "missing_file" in missing.get_data(as_text=True)
    assert client.get("/analyze").status_code == 405
    not_found = client.get("/no/such/page")
    assert not_found.status_code == 404
    assert not_found.mimetype == "text/html"


# --------------------------------------------------------------------------- the JSON API


@pytest.mark.parametrize(
    ("make", "name"),
    [
        pytest.param(lambda: to_pdf(APM), "apm.pdf", id="pdf"),
        pytest.param(lambda: to_docx(APM), "apm.docx", id="docx"),
        pytest.param(lambda: to_text(APM).encode(), "apm.md", id="markdown"),
    ],
)
def test_api_analyze_is_byte_identical_to_the_cli(
    client: FlaskClient, tmp_path: Path, make: Callable[[], bytes], name: str
) -> None:
    data = make()
    path = tmp_path / name
    path.write_bytes(data)
    response = post_analyze(client, data, name)
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    assert response.get_data(as_text=True) == cli_json(path)


def test_api_analyze_with_a_job_posting_matches_the_cli(
    client: FlaskClient, tmp_path: Path, apm_pdf: bytes
) -> None:
    resume = tmp_path / "apm.pdf"
    resume.write_bytes(apm_pdf)
    posting = tmp_path / "posting.txt"
    posting.write_text(POSTING)
    expected = cli_json(resume, "--job", str(posting))
    assert json.loads(expected)["job_match"] is not None

    as_file = post_analyze(client, apm_pdf, "apm.pdf", job_file=upload(POSTING, "posting.txt"))
    assert as_file.status_code == 200
    assert as_file.get_data(as_text=True) == expected

    as_text = post_analyze(client, apm_pdf, "apm.pdf", job_description=POSTING)
    assert as_text.status_code == 200
    assert as_text.get_json() == json.loads(expected)

    plain = post_analyze(client, apm_pdf, "apm.pdf").get_json()
    assert plain["job_match"] is None


def test_api_analyze_output_matches_its_documented_schema(
    client: FlaskClient, apm_pdf: bytes
) -> None:
    document = client.get("/api/v1/openapi.json").get_json()
    schema = {**document["components"]["schemas"]["Analysis"], **_defs(document)}
    body = post_analyze(client, apm_pdf, "apm.pdf", job_description=POSTING).get_json()
    Draft202012Validator(schema).validate(body)


def _defs(document: dict[str, Any]) -> dict[str, Any]:
    """The document's components, addressable from a schema as '#/components/...'."""
    return {"components": document["components"]}


BAD_UPLOADS = [
    pytest.param(b.encrypted_pdf, "locked.pdf", 422, "encrypted_document", id="encrypted"),
    pytest.param(b.scanned_pdf, "scan.pdf", 422, "scanned_document", id="scanned"),
    pytest.param(
        lambda: b.one_column_pdf()[:2000], "truncated.pdf", 422, "corrupt_document", id="corrupt"
    ),
    pytest.param(lambda: b"", "empty.pdf", 422, "empty_document", id="empty"),
    pytest.param(lambda: b"hello", "hello.txt", 422, "not_a_resume", id="hello-text"),
    pytest.param(b.png_bytes, "photo.png", 415, "unsupported_file_type", id="png"),
    pytest.param(b.png_bytes, "resume.pdf", 415, "unsupported_file_type", id="png-as-pdf"),
    pytest.param(
        lambda: b"%PDF-1.4\n" + b"x" * (10 * 1024 * 1024), "huge.pdf", 413, "too_large", id="11MiB"
    ),
]


@pytest.mark.parametrize(("make", "name", "status", "code"), BAD_UPLOADS)
def test_api_analyze_bad_files(
    client: FlaskClient, make: Callable[[], bytes], name: str, status: int, code: str
) -> None:
    error = assert_json_error(post_analyze(client, make(), name), status, code)
    assert "Traceback" not in error["message"]
    if status != 413:
        assert name in error["message"], "the message names the file"


def test_api_analyze_without_a_file(client: FlaskClient) -> None:
    assert_json_error(client.post("/api/v1/analyze", data={}), 400, "missing_file")
    assert_json_error(
        client.post("/api/v1/analyze", data={"resume": upload(b"x", "a.pdf")}), 400, "missing_file"
    )
    assert_json_error(
        client.post("/api/v1/analyze", data={"file": upload(b"x", "")}), 400, "missing_file"
    )


def test_api_analyze_bad_job_posting(client: FlaskClient, apm_pdf: bytes) -> None:
    too_long = "Associate Product Manager. " * 5000
    assert_json_error(
        post_analyze(client, apm_pdf, "apm.pdf", job_description=too_long),
        413,
        "job_description_too_long",
    )
    assert_json_error(
        post_analyze(client, apm_pdf, "apm.pdf", job_file=upload(b.png_bytes(), "job.png")), 415
    )


def test_request_over_max_content_length_is_413(make_app: MakeApp, apm_pdf: bytes) -> None:
    small = make_app(MAX_CONTENT_LENGTH=1024)
    client = small.test_client()
    assert len(apm_pdf) > 1024
    assert_json_error(post_analyze(client, apm_pdf, "apm.pdf"), 413, "too_large")
    page = client.post("/analyze", data={"file": upload(apm_pdf, "apm.pdf")})
    assert page.status_code == 413
    assert page.mimetype == "text/html"
    # A small request is read (and refused for what it holds, not for its size).
    assert_json_error(post_analyze(client, b"hello", "hello.txt"), 422, "not_a_resume")


@settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    data=st.one_of(
        st.binary(max_size=3000),
        st.binary(max_size=3000).map(lambda tail: b"%PDF-1.4\n" + tail),
        st.binary(max_size=3000).map(lambda tail: b"PK\x03\x04" + tail),
        st.text(max_size=2000).map(str.encode),
    ),
    name=st.sampled_from(["r.pdf", "r.docx", "r.txt", "r.md", "r", "r.doc", "r.zip"]),
)
def test_api_never_500s_on_arbitrary_bytes(app: Flask, data: bytes, name: str) -> None:
    response = post_analyze(app.test_client(), data, name)
    assert response.status_code in {200, 413, 415, 422}, response.get_data(as_text=True)[:300]
    if response.status_code != 200:
        assert_json_error(response, response.status_code)


def test_healthz(client: FlaskClient) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    body = response.get_json()
    assert body["status"] == "ok"
    assert body["version"] == client.application.config["VERSION"]


def test_unknown_api_routes_are_json(client: FlaskClient) -> None:
    assert_json_error(client.get("/api/v1/nothing"), 404, "not_found")
    assert_json_error(client.get("/api/v1/analyze"), 405, "method_not_allowed")


# --------------------------------------------------------------------------- OpenAPI

API_ROUTES = {"/healthz", "/api/v1/analyze", "/api/v1/batches", "/api/v1/batches/{batch_id}"}
METHODS = {"get", "post", "put", "patch", "delete", "head", "options"}


def test_openapi_document_shape(client: FlaskClient) -> None:
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = response.get_json()
    assert re.fullmatch(r"3\.1\.\d+", document["openapi"])
    assert document["info"]["title"]
    assert document["info"]["version"] == client.application.config["VERSION"]
    assert set(document["paths"]) == API_ROUTES
    for path, item in document["paths"].items():
        assert path.startswith("/")
        operations = {key: value for key, value in item.items() if key in METHODS}
        assert operations, path
        for operation in operations.values():
            assert operation["responses"]
            for status, answer in operation["responses"].items():
                assert re.fullmatch(r"[1-5]\d\d", status)
                assert answer["description"]
            for parameter in operation.get("parameters", []):
                assert parameter["in"] == "path"
                assert "{" + parameter["name"] + "}" in path
    for schema in document["components"]["schemas"].values():
        Draft202012Validator.check_schema(schema)
    for ref in re.findall(r'"\$ref": "([^"]+)"', json.dumps(document)):
        node: Any = document
        assert ref.startswith("#/")
        for part in ref[2:].split("/"):
            node = node[part]  # KeyError: a dangling $ref


def test_every_documented_path_exists(app: Flask, client: FlaskClient) -> None:
    document = client.get("/api/v1/openapi.json").get_json()
    rules = {
        (re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule), method.lower())
        for rule in app.url_map.iter_rules()
        for method in rule.methods or ()
    }
    documented = {
        (path, method)
        for path, item in document["paths"].items()
        for method in item
        if method in METHODS
    }
    assert documented <= rules
    # ...and every API route is documented (but the document itself).
    served = {
        (path, method)
        for path, method in rules
        if (path.startswith("/api/") or path == "/healthz")
        and method not in {"head", "options"}
        and path != "/api/v1/openapi.json"
    }
    assert served == documented


# --------------------------------------------------------------------------- headers, markup


def _pages(client: FlaskClient, app: Flask, apm_pdf: bytes) -> dict[str, Any]:
    """One response of every kind of page, keyed by a name for the assertion messages."""
    token = csrf_token(client)
    batch_id = start_coach_batch(client)
    wait_for_batch(app, batch_id)
    batch_page = client.get(f"/coach/batches/{batch_id}")
    student = re.search(r'href="(/coach/batches/[^"]+/students/\d+)"', batch_page.text)
    assert student
    return {
        "index": client.get("/"),
        "result": client.post(
            "/analyze",
            data={
                "csrf_token": token,
                "file": upload(apm_pdf, "apm.pdf"),
                "job_description": POSTING,
            },
        ),
        "error": client.post("/analyze", data={"file": upload(apm_pdf, "apm.pdf")}),
        "not-found": client.get("/nowhere"),
        "coach": client.get("/coach/"),
        "batch": batch_page,
        "student": client.get(student.group(1)),
        "login": client.get("/coach/login"),
        "api": post_analyze(client, apm_pdf, "apm.pdf"),
        "api-error": post_analyze(client, b"", "empty.pdf"),
        "openapi": client.get("/api/v1/openapi.json"),
        "healthz": client.get("/healthz"),
    }


@pytest.fixture(scope="module")
def every_page(app: Flask, apm_pdf: bytes) -> dict[str, Any]:
    return _pages(app.test_client(), app, apm_pdf)


def test_security_headers_on_pages_and_api(every_page: dict[str, Any]) -> None:
    for name, response in every_page.items():
        csp = response.headers.get("Content-Security-Policy", "")
        assert "default-src 'self'" in csp, name
        assert "script-src 'self'" in csp, name
        assert "frame-ancestors 'none'" in csp, name
        assert "unsafe-inline" not in csp, name
        assert "unsafe-eval" not in csp, name
        assert response.headers.get("X-Content-Type-Options") == "nosniff", name
        assert response.headers.get("X-Frame-Options") == "DENY", name
    for name in ("result", "student", "batch", "api"):
        assert every_page[name].status_code == 200
        assert every_page[name].headers.get("Cache-Control") == "no-store", name


def test_pages_have_no_inline_script_and_no_external_urls(every_page: dict[str, Any]) -> None:
    html_pages = {n: r for n, r in every_page.items() if r.mimetype == "text/html"}
    assert set(html_pages) == {
        "index", "result", "error", "not-found", "coach", "batch", "student", "login"
    }  # fmt: skip
    for name, response in html_pages.items():
        html = response.get_data(as_text=True)
        page = Page(html)
        scripts = page.all("script")
        assert scripts, name
        for script in scripts:
            assert script.get("src", "").startswith("/static/"), name
        assert not any(body.strip() for body in page.scripts), f"inline script in {name}"
        assert not re.search(r"<[^>]*\son\w+\s*=", html, re.I), f"event handler in {name}"
        for tag, attrs in page.tags:
            for attribute in ("src", "href", "action", "formaction"):
                value = attrs.get(attribute, "")
                assert not re.match(r"\s*(https?:)?//", value, re.I), (name, tag, value)
                assert not value.lower().startswith("javascript:"), (name, tag, value)


def test_static_files_are_served(client: FlaskClient) -> None:
    for name, mimetype in (("app.js", "text/javascript"), ("app.css", "text/css")):
        response = client.get(f"/static/{name}")
        assert response.status_code == 200
        assert response.mimetype == mimetype
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        response.close()


# --------------------------------------------------------------------------- coach batches


def test_coach_batch_flow(app: Flask, client: FlaskClient) -> None:
    index = client.get("/coach/")
    assert index.status_code == 200
    batch_id = start_coach_batch(client, job_description=POSTING)
    assert BATCH_ID.fullmatch(batch_id)
    batch = wait_for_batch(app, batch_id)
    assert batch["status"] == "done"
    assert (batch["total"], batch["done"], batch["failed"]) == (6, 6, 1)
    assert batch["job_title"] == "Associate Product Manager"

    listed = client.get("/coach/").get_data(as_text=True)
    assert f'href="/coach/batches/{batch_id}"' in listed

    page = client.get(f"/coach/batches/{batch_id}")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "6 of 6 scored, 1 failed: done" in html
    assert 'http-equiv="refresh"' not in html  # no reloading once done
    assert sorted(row_files(html)) == sorted(COHORT_ROWS)
    assert "broken.pdf is a damaged" in html
    assert "/tmp" not in html and tempfile.gettempdir() not in html

    stored = store.batch_rows(store.engine(app), batch_id)
    assert [row["file"] for row in stored] == COHORT_ROWS
    scores = {row["file"]: row["score"] for row in stored}
    # Default order: score, high to low, failed rows last.
    ranked = row_files(html)
    assert [scores[f] if scores[f] is not None else -1 for f in ranked] == sorted(
        (s if s is not None else -1 for s in scores.values()), reverse=True
    )
    assert scores["alex.pdf"] > scores["Blair.docx"]  # the weak bullet costs points

    ascending = row_files(client.get(f"/coach/batches/{batch_id}?sort=file&order=asc").text)
    assert ascending == sorted(COHORT_ROWS, key=str.lower)
    descending = row_files(client.get(f"/coach/batches/{batch_id}?sort=file&order=desc").text)
    assert descending == ascending[::-1]
    by_score = row_files(client.get(f"/coach/batches/{batch_id}?sort=score&order=asc").text)
    assert by_score[0] == "broken.pdf"
    assert [scores[f] for f in by_score[1:]] == sorted(s for s in scores.values() if s is not None)
    bogus = row_files(client.get(f"/coach/batches/{batch_id}?sort=__class__").text)
    assert bogus == ranked

    _check_exports(client, app, batch_id)

    good = next(row for row in stored if row["file"] == "alex.pdf")
    student = client.get(f"/coach/batches/{batch_id}/students/{good['id']}")
    assert student.status_code == 200
    text = student.get_data(as_text=True)
    assert "Report: alex.pdf" in text
    assert f"<span data-score>{good['score']}</span>" in text
    assert str(escape(scale_note(good["score"]))) in text
    assert "Match to the job posting" in text
    failed = next(row for row in stored if row["file"] == "broken.pdf")
    assert client.get(f"/coach/batches/{batch_id}/students/{failed['id']}").status_code == 404
    assert client.get(f"/coach/batches/{batch_id}/students/999999").status_code == 404
    assert client.get(f"/coach/batches/{batch_id}/export.xml").status_code == 404

    status = client.get(f"/coach/batches/{batch_id}/status.json").get_json()
    assert (status["status"], status["done"], status["total"], status["progress"]) == (
        "done",
        6,
        6,
        1.0,
    )

    token = csrf_token(client, "/coach/")
    assert client.post(f"/coach/batches/{batch_id}/delete").status_code == 400  # no token
    deleted = client.post(f"/coach/batches/{batch_id}/delete", data={"csrf_token": token})
    assert deleted.status_code == 303
    assert urlsplit(deleted.headers["Location"]).path == "/coach/"
    assert client.get(f"/coach/batches/{batch_id}").status_code == 404
    assert client.get(f"/coach/batches/{batch_id}/export.csv").status_code == 404
    assert client.get(f"/coach/batches/{batch_id}/students/{good['id']}").status_code == 404
    assert store.batch_rows(store.engine(app), batch_id) == []
    assert f"/coach/batches/{batch_id}" not in client.get("/coach/").text
    again = client.post(f"/coach/batches/{batch_id}/delete", data={"csrf_token": token})
    assert again.status_code == 404


def _check_exports(client: FlaskClient, app: Flask, batch_id: str) -> None:
    stored = store.batch_rows(store.engine(app), batch_id)
    jsonl = client.get(f"/coach/batches/{batch_id}/export.jsonl")
    assert jsonl.status_code == 200
    assert jsonl.mimetype == "application/x-ndjson"
    assert "attachment" in jsonl.headers["Content-Disposition"]
    lines = [json.loads(line) for line in jsonl.get_data(as_text=True).splitlines()]
    assert lines == [{k: v for k, v in row.items() if k != "id"} for row in stored]

    exported = client.get(f"/coach/batches/{batch_id}/export.csv")
    assert exported.status_code == 200
    assert exported.mimetype == "text/csv"
    table = list(csv.DictReader(io.StringIO(exported.get_data(as_text=True))))
    assert [r["file"] for r in table] == [row["file"] for row in stored]
    for got, row in zip(table, stored, strict=True):
        assert got["sha256"] == row["sha256"]
        assert got["score"] == ("" if row["score"] is None else str(row["score"]))
        assert got["error_code"] == (row["error"]["code"] if row["error"] else "")
        for area, value in (row.get("competencies") or {}).items():
            assert float(got[area]) == pytest.approx(value)


def test_coach_batch_errors(app: Flask, client: FlaskClient) -> None:
    token = csrf_token(client, "/coach/")
    no_token = client.post("/coach/batches", data={"files": cohort_files()})
    assert no_token.status_code == 400
    nothing = client.post("/coach/batches", data={"csrf_token": token})
    assert nothing.status_code == 400
    assert "missing_files" in nothing.get_data(as_text=True)
    assert client.get("/coach/batches/no-such-batch-id-here-123").status_code == 404
    assert client.get("/coach/batches/no-such-batch-id-here-123/status.json").status_code == 404


def test_coach_batch_over_the_file_limit(make_app: MakeApp) -> None:
    small = make_app(MAX_BATCH_FILES=2)
    client = small.test_client()
    token = csrf_token(client, "/coach/")
    response = client.post("/coach/batches", data={"csrf_token": token, "files": cohort_files()})
    assert response.status_code == 413
    assert "too_many_files" in response.get_data(as_text=True)
    assert store.list_batches(store.engine(small)) == []


def test_api_batches(app: Flask, client: FlaskClient) -> None:
    started = client.post("/api/v1/batches", data={"files": cohort_files()})
    assert started.status_code == 202
    body = started.get_json()
    assert BATCH_ID.fullmatch(body["id"])
    assert body["url"] == f"/api/v1/batches/{body['id']}"
    assert body["total"] == 6
    assert "rows" not in body
    wait_for_batch(app, body["id"])
    status = client.get(body["url"])
    assert status.status_code == 200
    done = status.get_json()
    assert (done["status"], done["done"], done["failed"], done["progress"]) == ("done", 6, 1, 1.0)
    assert [row["file"] for row in done["rows"]] == COHORT_ROWS
    failed = [row for row in done["rows"] if row["error"]]
    assert [row["file"] for row in failed] == ["broken.pdf"]
    assert failed[0]["error"]["code"] == "corrupt_document"
    assert all(isinstance(row["score"], int) for row in done["rows"] if not row["error"])

    document = client.get("/api/v1/openapi.json").get_json()
    schema = {**document["components"]["schemas"]["Batch"], **_defs(document)}
    Draft202012Validator(schema).validate(done)


def test_api_batch_errors(client: FlaskClient) -> None:
    assert_json_error(client.get("/api/v1/batches/no-such-batch-id-here-123"), 404, "not_found")
    assert_json_error(client.post("/api/v1/batches", data={}), 400, "missing_files")


def test_bad_zip_member_messages_do_not_show_server_paths(app: Flask, client: FlaskClient) -> None:
    response = client.post(
        "/api/v1/batches",
        data={"files": [upload(b"PK\x03\x04 not really a zip", "class.zip")]},
    )
    assert response.status_code == 202
    batch_id = response.get_json()["id"]
    wait_for_batch(app, batch_id)
    [row] = client.get(f"/api/v1/batches/{batch_id}").get_json()["rows"]
    assert row["file"] == "class.zip"
    assert row["error"]["code"] == "corrupt_document"
    assert row["error"]["message"].startswith("class.zip ")
    assert tempfile.gettempdir() not in json.dumps(row)


# --------------------------------------------------------------------------- restart


def test_batches_survive_a_restart(make_app: MakeApp, tmp_path: Path) -> None:
    database = tmp_path / "restart.sqlite3"
    first = make_app(database)
    client = first.test_client()
    started = client.post("/api/v1/batches", data={"files": cohort_files()[:3]})
    assert started.status_code == 202
    finished_id = started.get_json()["id"]
    assert wait_for_batch(first, finished_id)["status"] == "done"
    # A second batch whose worker "dies" after one row: it stays "running" in the database.
    running_id = "r" * 22
    store.create_batch(store.engine(first), running_id, 3, None)
    store.add_row(store.engine(first), running_id, 0, {"file": "a.pdf", "sha256": "0" * 64})
    _close(first)

    second = make_app(database)
    client = second.test_client()
    listed = client.get("/coach/").get_data(as_text=True)
    assert f"/coach/batches/{finished_id}" in listed
    assert f"/coach/batches/{running_id}" in listed
    done = client.get(f"/api/v1/batches/{finished_id}").get_json()
    assert done["status"] == "done"
    assert [row["file"] for row in done["rows"]] == ["alex.pdf", "Blair.docx", "casey.md"]
    page = client.get(f"/coach/batches/{finished_id}").get_data(as_text=True)
    assert row_files(page) == ["alex.pdf", "casey.md", "Blair.docx"]

    interrupted = client.get(f"/api/v1/batches/{running_id}").get_json()
    assert (interrupted["status"], interrupted["done"], interrupted["total"]) == (
        "interrupted",
        1,
        3,
    )
    page = client.get(f"/coach/batches/{running_id}").get_data(as_text=True)
    assert "The server restarted while this batch ran" in page
    assert 'http-equiv="refresh"' not in page


def test_a_batch_whose_worker_died_is_interrupted_without_a_restart(
    make_app: MakeApp, tmp_path: Path
) -> None:
    """A worker killed mid-batch (out of memory, replaced by the arbiter) leaves its batch
    "running"; the next look at it finds the owner gone and says interrupted."""
    import subprocess
    import sys

    app = make_app(tmp_path / "orphans.sqlite3")
    db = store.engine(app)
    client = app.test_client()
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    store.create_batch(db, "o" * 22, 3, None)
    store.add_row(db, "o" * 22, 0, {"file": "a.pdf", "sha256": "0" * 64})
    store.create_batch(db, "l" * 22, 3, None)  # owned by this live process
    store.create_batch(db, "s" * 22, 3, None)
    with db.begin() as conn:
        conn.execute(
            store.batches.update().where(store.batches.c.id == "o" * 22).values(owner=gone.pid)
        )
        stale = time.time() - store.STALE_SECONDS - 1
        conn.execute(
            store.batches.update().where(store.batches.c.id == "s" * 22).values(beat=stale)
        )
    orphan = client.get(f"/api/v1/batches/{'o' * 22}").get_json()
    assert (orphan["status"], orphan["done"]) == ("interrupted", 1)
    assert client.get(f"/api/v1/batches/{'l' * 22}").get_json()["status"] == "running"
    assert client.get(f"/api/v1/batches/{'s' * 22}").get_json()["status"] == "interrupted"


# --------------------------------------------------------------------------- public server


def _public(make_app: MakeApp, password: str | None = "correct horse") -> Flask:
    if password is None:
        return make_app(PUBLIC=True)
    return make_app(
        PUBLIC=True,
        COACH_USER="coach",
        COACH_PASSWORD_HASH=generate_password_hash(password),
    )


def test_public_coach_pages_redirect_to_the_login(make_app: MakeApp) -> None:
    app = _public(make_app)
    client = app.test_client()
    for path in ("/coach/", "/coach/batches/abcdefghijklmnopqrstuv"):
        response = client.get(path)
        assert response.status_code == 302
        target = urlsplit(response.headers["Location"])
        assert target.path == "/coach/login"
        assert "next=" in target.query
    # A valid form token is not a login: the upload is sent to the login page, not scored.
    token = csrf_token(client, "/coach/login")
    upload_ = client.post("/coach/batches", data={"csrf_token": token, "files": cohort_files()})
    assert upload_.status_code == 302
    assert urlsplit(upload_.headers["Location"]).path == "/coach/login"
    assert store.list_batches(store.engine(app)) == []


def test_public_coach_login(make_app: MakeApp) -> None:
    app = _public(make_app)
    client = app.test_client()
    token = csrf_token(client, "/coach/login")
    wrong = client.post(
        "/coach/login", data={"csrf_token": token, "user": "coach", "password": "nope"}
    )
    assert wrong.status_code == 401
    assert "do not match" in wrong.get_data(as_text=True)
    other_user = client.post(
        "/coach/login", data={"csrf_token": token, "user": "admin", "password": "correct horse"}
    )
    assert other_user.status_code == 401
    assert client.get("/coach/").status_code == 302
    no_token = client.post("/coach/login", data={"user": "coach", "password": "correct horse"})
    assert no_token.status_code == 400

    ok = client.post(
        "/coach/login?next=//evil.example/coach",
        data={"csrf_token": token, "user": "coach", "password": "correct horse"},
    )
    assert ok.status_code == 303
    assert ok.headers["Location"] == "/coach/"  # no open redirect
    assert client.get("/coach/").status_code == 200
    batch_id = start_coach_batch(client)
    wait_for_batch(app, batch_id)
    assert client.get(f"/coach/batches/{batch_id}").status_code == 200

    logout = client.post("/coach/logout", data={"csrf_token": csrf_token(client, "/coach/")})
    assert logout.status_code == 303
    assert client.get("/coach/").status_code == 302

    fresh = app.test_client()
    token = csrf_token(fresh, "/coach/login")
    back = fresh.post(
        f"/coach/login?next=/coach/batches/{batch_id}",
        data={"csrf_token": token, "user": "coach", "password": "correct horse"},
    )
    assert back.headers["Location"] == f"/coach/batches/{batch_id}"


def test_public_coach_area_is_closed_without_credentials(make_app: MakeApp) -> None:
    client = _public(make_app, password=None).test_client()
    page = client.get("/coach/")
    assert page.status_code == 403
    assert "COACH_PASSWORD_HASH" in page.get_data(as_text=True)
    assert_json_error(client.post("/api/v1/batches", data={"files": cohort_files()}), 403)
    token = csrf_token(client, "/coach/login")
    login = client.post("/coach/login", data={"csrf_token": token, "user": "", "password": ""})
    assert login.status_code == 401


def test_public_api_batches_need_http_basic(make_app: MakeApp, apm_pdf: bytes) -> None:
    app = _public(make_app)
    client = app.test_client()
    without = client.post("/api/v1/batches", data={"files": cohort_files()})
    assert_json_error(without, 401, "unauthorized")
    assert without.headers["WWW-Authenticate"].startswith("Basic ")
    wrong = client.post(
        "/api/v1/batches", data={"files": cohort_files()}, auth=("coach", "wrong password")
    )
    assert_json_error(wrong, 401)
    started = client.post(
        "/api/v1/batches", data={"files": cohort_files()}, auth=("coach", "correct horse")
    )
    assert started.status_code == 202
    url = started.get_json()["url"]
    assert_json_error(client.get(url), 401)
    wait_for_batch(app, started.get_json()["id"])
    assert client.get(url, auth=("coach", "correct horse")).get_json()["status"] == "done"
    # Analyzing one resume stays open to everyone.
    assert post_analyze(client, apm_pdf, "apm.pdf").status_code == 200
    assert client.get("/").status_code == 200


def test_local_server_needs_no_login(client: FlaskClient) -> None:
    assert client.get("/coach/").status_code == 200


# --------------------------------------------------------------------------- privacy


def test_uploads_leave_no_files_and_no_log_lines(
    app: Flask,
    client: FlaskClient,
    apm_pdf: bytes,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    # A private temporary folder, so nothing else on the machine can muddle the listing.
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    assert tempfile.gettempdir() == str(scratch)
    caplog.set_level(logging.INFO)
    caplog.set_level(logging.DEBUG, logger="resume_analyzer")
    caplog.set_level(logging.DEBUG, logger=app.logger.name)

    used: list[str] = []
    real_mkdtemp = tempfile.mkdtemp

    def spy(*args: Any, **kwargs: Any) -> str:
        folder = real_mkdtemp(*args, **kwargs)
        used.append(folder)
        return folder

    monkeypatch.setattr(tempfile, "mkdtemp", spy)
    before = set(scratch.iterdir())
    # Big enough that werkzeug spools the upload to a temporary file (a trailing comment).
    padded = apm_pdf + b"\n%" + b"x" * 700_000 + b"\n"
    responses = [
        post_analyze(client, apm_pdf, "apm.pdf"),
        post_analyze(client, padded, "padded.pdf"),
        post_analyze(client, apm_pdf[:1500], "broken.pdf"),
        client.post(
            "/analyze",
            data={"csrf_token": csrf_token(client), "file": upload(apm_pdf, "apm.pdf")},
        ),
        client.post("/api/v1/batches", data={"files": cohort_files()}),
    ]
    assert [r.status_code for r in responses] == [200, 200, 422, 200, 202]
    assert PRIVATE_SENTENCE in responses[0].get_data(as_text=True)  # it was read...
    wait_for_batch(app, responses[-1].get_json()["id"])
    assert used, "the batch upload did not use the temporary folder"
    assert [folder for folder in used if Path(folder).exists()] == []
    assert set(scratch.iterdir()) == before
    assert PRIVATE_SENTENCE not in caplog.text  # ...and never logged
    assert "Jordan Example" not in caplog.text


def test_a_batch_that_breaks_midway_is_marked_interrupted(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    app = make_app()
    client = app.test_client()

    def broken(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("database gone: 'Interviewed 18 customers'")

    monkeypatch.setattr(store, "add_row", broken)
    batch_id = start_coach_batch(client)
    batch = wait_for_batch(app, batch_id)
    assert batch["status"] == "interrupted"
    assert "RuntimeError" in caplog.text
    assert "Interviewed" not in caplog.text  # only the error's type is logged


def test_uploading_the_same_files_again_continues_an_interrupted_batch(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(BATCH_WORKERS=0)
    client = app.test_client()
    real_add = store.add_row
    stored: list[str] = []

    def dies_after_two(*args: Any, **kwargs: Any) -> None:
        if len(stored) == 2:
            raise RuntimeError("the server went down")
        real_add(*args, **kwargs)
        stored.append(args[3]["file"])

    # The same bytes each time: reportlab and python-docx stamp the time into what they build.
    fixed = [(handle.getvalue(), name) for handle, name in cohort_files()]

    def same_files() -> list[tuple[io.BytesIO, str]]:
        return [(io.BytesIO(data), name) for data, name in fixed]

    monkeypatch.setattr(store, "add_row", dies_after_two)
    first = client.post("/api/v1/batches", data={"files": same_files()}).get_json()["id"]
    assert wait_for_batch(app, first)["status"] == "interrupted"
    kept = {row["file"]: row["id"] for row in store.batch_rows(store.engine(app), first)}
    assert len(kept) == 2
    monkeypatch.setattr(store, "add_row", real_add)

    scored: list[str] = []
    real_call = ScoreTask.__call__

    def counting(self: ScoreTask, name: str, data: bytes) -> Any:
        scored.append(name)
        return real_call(self, name, data)

    monkeypatch.setattr(ScoreTask, "__call__", counting)
    again = client.post("/api/v1/batches", data={"files": same_files()}).get_json()["id"]
    assert again == first
    batch = wait_for_batch(app, again)
    assert (batch["status"], batch["done"], batch["total"]) == ("done", 6, 6)
    rows = store.batch_rows(store.engine(app), again)
    assert len(rows) == 6 and len({row["file"] for row in rows}) == 6
    assert {row["file"]: row["id"] for row in rows if row["file"] in kept} == kept
    assert not set(scored) & set(kept), "rows already stored were scored again"
    # A different upload is a new batch, never merged into this one.
    other = client.post("/api/v1/batches", data={"files": same_files()[:2]}).get_json()["id"]
    assert other != first


# --------------------------------------------------------------------------- other origins


@pytest.mark.parametrize("path", ["/coach/", "/", "/healthz", "/api/v1/openapi.json"])
def test_a_foreign_host_name_is_refused_on_loopback(client: FlaskClient, path: str) -> None:
    response = client.get(path, headers={"Host": "evil.example"})
    assert response.status_code == 400
    assert client.get(path, headers={"Host": "127.0.0.1:5000"}).status_code == 200
    assert client.get(path, headers={"Host": "[::1]:5000"}).status_code == 200


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "http://evil.example"},
        {"Origin": "http://localhost:9999"},
        {"Sec-Fetch-Site": "cross-site", "Origin": "null"},
        {"Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "same-site"},
    ],
)
def test_a_cross_origin_post_to_the_api_is_refused(
    client: FlaskClient, headers: dict[str, str]
) -> None:
    response = client.post("/api/v1/batches", data={"files": cohort_files()[:1]}, headers=headers)
    assert response.status_code == 403
    assert response.get_json()["error"]["code"] == "cross_origin"


def test_scripts_and_same_origin_pages_still_post(app: Flask, client: FlaskClient) -> None:
    for headers in (
        {},
        {"Origin": "http://localhost"},
        {"Sec-Fetch-Site": "same-origin"},
        # A form on a page with Referrer-Policy: no-referrer sends Origin: null.
        {"Sec-Fetch-Site": "same-origin", "Origin": "null"},
    ):
        response = client.post(
            "/api/v1/batches", data={"files": cohort_files()[:1]}, headers=headers
        )
        assert response.status_code == 202, headers
        wait_for_batch(app, response.get_json()["id"])


def test_a_refused_zip_member_is_one_error_row_not_a_dead_batch(
    app: Flask, client: FlaskClient
) -> None:
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.writestr("../escape.md", to_text(APM))
        bundle.writestr("ok.md", to_text(APM))
    files = [upload(archive.getvalue(), "cohort.zip"), upload(to_text(APM).encode(), "a.md")]
    batch_id = client.post("/api/v1/batches", data={"files": files}).get_json()["id"]
    batch = wait_for_batch(app, batch_id)
    assert (batch["status"], batch["done"], batch["failed"]) == ("done", 3, 1)
    rows = client.get(f"/api/v1/batches/{batch_id}").get_json()["rows"]
    refused = [row for row in rows if row["error"]]
    assert len(refused) == 1 and refused[0]["error"]["code"] == "unsafe_document"


FORMULA_NAMES = (
    "+SUM(1+1).md",
    "@SUM(1).md",
    "-2+3.md",
    "=1+1.md",
    "\tcmd.md",
    "=HYPERLINK(x).pdf",
)


def test_the_coach_csv_export_defuses_formula_cells(app: Flask, client: FlaskClient) -> None:
    weak = APM.with_bullet(0, 0, "=cmd|' /C calc'!A0 helped with tasks")
    files = [upload(to_text(weak).encode(), name) for name in FORMULA_NAMES[:-1]]
    files.append(upload(b"%PDF-1.4\n=1+1 broken", FORMULA_NAMES[-1]))  # an error row
    batch_id = client.post("/api/v1/batches", data={"files": files}).get_json()["id"]
    wait_for_batch(app, batch_id)
    exported = client.get(f"/coach/batches/{batch_id}/export.csv").get_data(as_text=True)
    table = list(csv.reader(io.StringIO(exported)))
    assert len(table) == 1 + len(FORMULA_NAMES)
    cells = [cell for row in table[1:] for cell in row]
    assert any(cell.startswith("'=") for cell in cells)
    assert any(row[-2] for row in table[1:]), "the broken file's error is exported too"
    for cell in cells:
        assert cell[:1] not in ("=", "+", "-", "@", "\t", "\r"), cell
