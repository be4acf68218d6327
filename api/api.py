"""The NinjaAPI instance: routers, error handlers, the rate limit and the self-hosted docs."""

from string import Template

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from ninja import NinjaAPI
from ninja.openapi.docs import DocsBase

from api.auth import ANONYMOUS_RATE_LIMIT, ENGINEER_TAG, ENGINEERS_ONLY_403, PerCallerRateThrottle
from api.errors import install_error_handlers
from api.routers import benchmarks, engineer, engineer_privacy, public, recruiter

RATE_LIMIT = PerCallerRateThrottle(requests=120, seconds=60)


class SelfHostedSwagger(DocsBase):
    """Swagger UI from our static files, started by a static script: no CDN, nothing inline for the CSP."""

    def render_page(self, request: HttpRequest, api: NinjaAPI, **kwargs) -> HttpResponse:
        return render(request, "api/docs.html", {"openapi_url": self.get_openapi_url(api, kwargs)})


def described_settings() -> dict[str, object]:
    """The settings the API's descriptions quote (``$vacancy_rate_limit``…): read for each request of the document,
    so it says what the running portal does."""
    return {
        "anonymous_rate_limit": settings.API_ANONYMOUS_RATE_LIMIT,
        "vacancy_rate_limit": settings.API_VACANCY_RATE_LIMIT,
    }


class PortalAPI(NinjaAPI):
    def get_openapi_schema(self, **kwargs):
        """Every operation can also answer 400 (refused characters), 415 (a body that is not JSON; both
        portal.guards.hardening) and 429 (rate limits); an engineer's own operation says whom its 403 refuses;
        descriptions quote the settings as they are now."""
        schema = super().get_openapi_schema(**kwargs)
        values = described_settings()
        schema["info"]["description"] = Template(schema["info"]["description"]).safe_substitute(values)
        error = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorOut"}}}}
        for operations in schema["paths"].values():
            for operation in operations.values():
                if "description" in operation:
                    operation["description"] = Template(operation["description"]).safe_substitute(values)
                operation["responses"].setdefault(400, {"description": "Bad Request", **error})
                operation["responses"].setdefault(415, {"description": "Unsupported Media Type", **error})
                operation["responses"].setdefault(429, {"description": "Too Many Requests", **error})
                if ENGINEER_TAG in operation.get("tags", ()):
                    operation["responses"][403] = {**error, "description": ENGINEERS_ONLY_403}
        return schema

    def get_openapi_operation_id(self, operation) -> str:
        """Short operation ids (list_tools, get_candidate) for generated clients and the docs."""
        return operation.view_func.__name__


api = PortalAPI(
    title=f"{settings.PRODUCT_NAME} API",
    version="1",
    description=(
        "Read the catalog, the checklist and the roles without logging in. Your own levels, matches and gaps "
        "need your browser session or a personal token (Authorization: Bearer <token>), created on /api/tokens/; "
        "they are an engineer's own, so recruiters and editors get 403 there. "
        "Recruiters also read visible candidates. Each token or user may make 120 requests a minute; calls without "
        "a valid token or session share $anonymous_rate_limit a minute per client address. Bodies are JSON (Content-Type: application/json); "
        "any other body gets 415. Answers are in English or Dutch, as Accept-Language asks; a call with a token "
        "that sends none is answered in the language its owner chose in the portal."
    ),
    urls_namespace="api",
    docs=SelfHostedSwagger(),
    docs_url="/docs",
    openapi_url="/openapi.json",
    throttle=[RATE_LIMIT, ANONYMOUS_RATE_LIMIT],
)
install_error_handlers(api)
api.add_router("/", public.router)
api.add_router("/me/", engineer.router)
api.add_router("/me/", engineer_privacy.router)
api.add_router("/recruiter/", recruiter.router)
api.add_router("/me/", benchmarks.engineer_router)
api.add_router("/", benchmarks.market_router)
