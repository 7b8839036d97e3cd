"""The Starlette application: routes, middleware, JSON errors, and a warm linter per process.

    uvicorn.run(create_app(ServeOptions()))                       # one process
    uvicorn "askcheck.serve.app:app_from_environment" --factory   # each worker reads the options
"""
from __future__ import annotations

import contextlib

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse

from .middleware import BodyLimit, Deadline, Guard
from .options import ServeOptions
from .routes import routes
from .service import LintService, RequestError


async def _http_error(request: Request, exc: HTTPException) -> JSONResponse:
    return JSONResponse({"error": exc.detail, "status": exc.status_code}, status_code=exc.status_code,
                        headers=dict(exc.headers or {}))


async def _request_error(request: Request, exc: RequestError) -> JSONResponse:
    return JSONResponse({"error": str(exc), "status": 400}, status_code=400)


def create_app(options: ServeOptions | None = None) -> Starlette:
    options = options or ServeOptions()

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette):
        service = LintService(options.settings)
        service.warm_up()  # before the first request is accepted: every worker starts warm
        app.state.service = service
        try:
            yield
        finally:
            service.close()

    middleware = [Middleware(Guard, log_text=options.log_text), Middleware(Deadline, seconds=options.timeout),
                  Middleware(BodyLimit, max_bytes=options.max_body)]
    if options.allow_origins:
        middleware.append(Middleware(CORSMiddleware, allow_origins=list(options.allow_origins),
                                     allow_methods=["GET", "POST"], allow_headers=["Content-Type"]))
    return Starlette(routes=routes(), middleware=middleware, lifespan=lifespan,
                     exception_handlers={HTTPException: _http_error, RequestError: _request_error})


def app_from_environment() -> Starlette:
    """The factory each uvicorn worker process calls: options from the environment (see options.py)."""
    return create_app(ServeOptions.from_environment())
