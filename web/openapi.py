"""The API described in OpenAPI 3.1, served at /api/v1/openapi.json."""

from __future__ import annotations

from typing import Any

ERROR = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["code", "message"],
            "properties": {"code": {"type": "string"}, "message": {"type": "string"}},
        }
    },
}
ANALYSIS = {
    "type": "object",
    "required": [
        "score",
        "components",
        "competencies",
        "bullets",
        "feedback",
        "job_match",
        "warnings",
        "version",
    ],
    "properties": {
        "version": {"type": "string"},
        "score": {"type": "integer", "minimum": 0, "maximum": 100},
        "components": {
            "type": "array",
            "items": {"type": "object", "required": ["id", "score", "weight"]},
        },
        "competencies": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id", "name", "score", "level", "evidence", "advice"],
            },
        },
        "bullets": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["text", "section", "strength", "findings", "suggestion"],
            },
        },
        "feedback": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["severity", "code", "message", "location", "suggestion"],
            },
        },
        "top_fixes": {"type": "array"},
        "job_match": {"type": ["object", "null"]},
        "role": {"type": "object"},
        "warnings": {"type": "array"},
    },
}
BATCH = {
    "type": "object",
    "required": ["id", "status", "total", "done", "failed"],
    "properties": {
        "id": {"type": "string"},
        "status": {"enum": ["running", "done", "interrupted"]},
        "total": {"type": "integer"},
        "done": {"type": "integer"},
        "failed": {"type": "integer"},
        "progress": {"type": "number"},
        "rows": {"type": "array", "items": {"type": "object"}},
        "url": {"type": "string"},
    },
}


def _errors(*statuses: int) -> dict[str, Any]:
    return {
        str(status): {
            "description": "An error, with a message that says what to do",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
        }
        for status in statuses
    }


def _upload(*, many: bool) -> dict[str, Any]:
    file_field = (
        {"type": "array", "items": {"type": "string", "format": "binary"}}
        if many
        else {"type": "string", "format": "binary"}
    )
    return {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["files" if many else "file"],
                    "properties": {
                        ("files" if many else "file"): file_field,
                        "job_description": {"type": "string", "description": "posting text"},
                        "job_file": {"type": "string", "format": "binary"},
                    },
                }
            }
        },
    }


def json_of(ref: str) -> dict[str, Any]:
    return {"application/json": {"schema": {"$ref": f"#/components/schemas/{ref}"}}}


def openapi(version: str) -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "resume-analyzer",
            "version": version,
            "description": "Score a resume for Associate Product Manager roles, locally. "
            "No cookie or CSRF token is needed. When the server listens beyond loopback, the "
            "batch routes need the coach's HTTP Basic credentials.",
        },
        "paths": {
            "/healthz": {
                "get": {
                    "summary": "200 when the taxonomy and language model are loaded",
                    "responses": {"200": {"description": "ready"}},
                }
            },
            "/api/v1/analyze": {
                "post": {
                    "summary": "Analyze one resume (PDF, DOCX, TXT, MD)",
                    "requestBody": _upload(many=False),
                    "responses": {
                        "200": {"description": "the analysis", "content": json_of("Analysis")},
                        **_errors(400, 413, 415, 422),
                    },
                }
            },
            "/api/v1/batches": {
                "post": {
                    "summary": "Start scoring many resumes (files or .zip archives)",
                    "requestBody": _upload(many=True),
                    "security": [{}, {"coach": []}],
                    "responses": {
                        "202": {"description": "started", "content": json_of("Batch")},
                        **_errors(400, 401, 403, 413),
                    },
                }
            },
            "/api/v1/batches/{batch_id}": {
                "get": {
                    "summary": "A batch's status, progress and rows",
                    "parameters": [
                        {
                            "name": "batch_id",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string"},
                        }
                    ],
                    "security": [{}, {"coach": []}],
                    "responses": {
                        "200": {"description": "the batch", "content": json_of("Batch")},
                        **_errors(401, 403, 404),
                    },
                }
            },
        },
        "components": {
            "schemas": {"Error": ERROR, "Analysis": ANALYSIS, "Batch": BATCH},
            "securitySchemes": {"coach": {"type": "http", "scheme": "basic"}},
        },
    }
