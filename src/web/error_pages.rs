//! Middleware that gives every error response the right face: JSON under
//! `/api`, an HTML page (or a redirect to the login page) everywhere else.
//! Handlers return [`AppError`]; actix's own errors (unknown route, body too
//! large) arrive here too, so no client ever sees a bare text error.

use actix_web::body::{BoxBody, EitherBody, MessageBody};
use actix_web::dev::ServiceResponse;
use actix_web::http::{header, StatusCode};
use actix_web::middleware::{ErrorHandlerResponse, ErrorHandlers};
use actix_web::{HttpRequest, HttpResponse};
use tera::Context;

use super::error::{json_error_body, AppError};
use super::page::PageCtx;

pub fn middleware<B: MessageBody + 'static>() -> ErrorHandlers<B> {
    ErrorHandlers::new().default_handler(handle)
}

fn is_api(path: &str) -> bool {
    path == "/api" || path.starts_with("/api/")
}

fn content_type(res: &HttpResponse<impl MessageBody>) -> &str {
    res.headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
}

/// A short title and explanation for statuses that did not come from AppError.
fn describe(status: StatusCode) -> (&'static str, &'static str, String) {
    match status {
        StatusCode::NOT_FOUND => (
            "not_found",
            "Page not found",
            "There is nothing at this address.".into(),
        ),
        StatusCode::METHOD_NOT_ALLOWED => (
            "method_not_allowed",
            "Method not allowed",
            "This address does not accept that kind of request.".into(),
        ),
        StatusCode::PAYLOAD_TOO_LARGE => (
            "payload_too_large",
            "Request too large",
            "The request body is larger than this server accepts.".into(),
        ),
        StatusCode::UNSUPPORTED_MEDIA_TYPE => (
            "unsupported_media_type",
            "Unsupported content type",
            "The request body is not in a format this address accepts.".into(),
        ),
        s if s.is_server_error() => (
            "internal",
            "Something went wrong",
            "Something went wrong on our side; the error has been logged.".into(),
        ),
        s => (
            "bad_request",
            "Bad request",
            s.canonical_reason()
                .unwrap_or("The request was not understood.")
                .into(),
        ),
    }
}

fn title_for(status: StatusCode) -> &'static str {
    match status {
        StatusCode::FORBIDDEN => "Not allowed",
        StatusCode::CONFLICT => "Conflict",
        StatusCode::TOO_MANY_REQUESTS => "Slow down",
        StatusCode::UNPROCESSABLE_ENTITY | StatusCode::BAD_REQUEST => "Something is not right",
        _ => describe(status).1,
    }
}

fn handle<B: MessageBody + 'static>(
    res: ServiceResponse<B>,
) -> actix_web::Result<ErrorHandlerResponse<B>> {
    let status = res.status();
    let path = res.request().path().to_owned();
    let app_error = res
        .response()
        .error()
        .and_then(|e| e.as_error::<AppError>());
    let message = app_error.map(AppError::public_message);

    if is_api(&path) {
        if content_type(res.response()).starts_with("application/json") {
            return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
        }
        let (code, _, default_message) = describe(status);
        // actix's own client errors say precisely what was wrong (e.g. which
        // JSON field is missing); server errors never leak details.
        let message = match res.response().error() {
            Some(e) if status.is_client_error() => e.to_string(),
            _ => default_message,
        };
        let response = HttpResponse::build(status)
            .content_type("application/json")
            .body(json_error_body(code, &message));
        return Ok(ErrorHandlerResponse::Response(replace(res, response)));
    }

    if matches!(path.as_str(), "/healthz" | "/readyz" | "/metrics")
        || content_type(res.response()).starts_with("text/html")
    {
        return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
    }

    if status == StatusCode::UNAUTHORIZED {
        let next = res
            .request()
            .uri()
            .path_and_query()
            .map(|p| p.as_str().to_owned());
        let location = match next {
            Some(next) => format!("/login?next={}", url_encode(&next)),
            None => "/login".to_owned(),
        };
        let response = HttpResponse::SeeOther()
            .insert_header((header::LOCATION, location))
            .finish();
        return Ok(ErrorHandlerResponse::Response(replace(res, response)));
    }

    // Headers that tell the client what to do next survive the new face.
    let kept: Vec<_> = [header::RETRY_AFTER, header::ALLOW]
        .into_iter()
        .filter_map(|name| res.headers().get(&name).cloned().map(|v| (name, v)))
        .collect();
    // A page shows the message on its own, as a sentence.
    let message = super::error::sentence(&message.unwrap_or_else(|| describe(status).2));
    let (req, _) = res.into_parts();
    Ok(ErrorHandlerResponse::Future(Box::pin(async move {
        let mut response = render_error_page(&req, status, &message).await;
        for (name, value) in kept {
            response.headers_mut().insert(name, value);
        }
        Ok(ServiceResponse::new(req, response).map_into_right_body())
    })))
}

fn replace<B>(res: ServiceResponse<B>, response: HttpResponse) -> ServiceResponse<EitherBody<B>> {
    let (req, _) = res.into_parts();
    ServiceResponse::new(req, response).map_into_right_body()
}

async fn render_error_page(
    req: &HttpRequest,
    status: StatusCode,
    message: &str,
) -> HttpResponse<BoxBody> {
    let rendered = match PageCtx::for_request(req).await {
        Ok(page) => {
            let mut ctx: Context = page.context();
            ctx.insert("status", &status.as_u16());
            ctx.insert("title", title_for(status));
            ctx.insert("message", message);
            page.render_status(status, "error.html", &ctx)
        }
        Err(e) => Err(e),
    };
    match rendered {
        Ok(response) => response,
        Err(e) => {
            tracing::error!(error = %e, "cannot render the error page");
            HttpResponse::build(status)
                .content_type("text/plain; charset=utf-8")
                .body(message.to_owned())
        }
    }
}

pub(crate) fn url_encode(raw: &str) -> String {
    serde_urlencoded::to_string([("", raw)])
        .map(|s| s.trim_start_matches('=').to_owned())
        .unwrap_or_default()
}
