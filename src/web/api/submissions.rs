//! Submitting and running answers, and following their grading:
//!
//! - `POST /api/v1/challenges/{slug}/submissions` — scored; an
//!   `Idempotency-Key` header makes a double-click one submission;
//! - `POST /api/v1/challenges/{slug}/runs` — sample tests or custom input;
//! - `GET /api/v1/submissions/{id}` — status, progress and the report
//!   (the polling fallback);
//! - `GET /api/v1/submissions/{id}/events` — the same, live, as
//!   server-sent events: `progress` per finished test, then `done`;
//! - `GET /api/v1/me/submissions?challenge=slug` — your own.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};
use bytes::Bytes;
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::challenges::model::{DesignAnswer, Section};
use crate::challenges::Slug;
use crate::domain::{SubmissionId, ValidationError};
use crate::grading::Answer;
use crate::submissions::{Mode, NewAnswer, SubmissionView};
use crate::web::auth::Auth;
use crate::web::error::AppError;
use crate::web::json::Json;
use crate::web::AppState;

/// An answer as clients send it: `{language, source}` for code, `{source}`
/// for SQL, `{sections: {requirements: …}}` for a design; `input` for runs.
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AnswerBody {
    /// Code: `python`, `javascript`, `cpp`, `rust` or `c`.
    language: Option<String>,
    /// Code or SQL.
    source: Option<String>,
    /// Design: text per section (`requirements`, `estimates`, `api`,
    /// `data_model`, `high_level`, `deep_dives`, `tradeoffs`).
    sections: Option<BTreeMap<String, String>>,
    /// Runs of code challenges: the arguments by name, `{"calls", "args"}`
    /// for a class, or the stdin text.
    input: Option<serde_json::Value>,
}

/// Where a new submission is, and how to follow it.
#[derive(Serialize, utoipa::ToSchema)]
pub struct Queued {
    id: SubmissionId,
    /// The idempotency key matched an earlier submission (this is it).
    existing: bool,
    links: QueuedLinks,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct QueuedLinks {
    /// The submission (`GET`).
    #[serde(rename = "self")]
    #[schema(rename = "self")]
    this: String,
    /// Its live progress as server-sent events.
    events: String,
}

/// `{"submission": …}`
#[derive(Serialize, utoipa::ToSchema)]
pub struct SubmissionBody {
    pub submission: SubmissionView,
}

/// `{"submissions": […]}`
#[derive(Serialize, utoipa::ToSchema)]
pub struct SubmissionList {
    submissions: Vec<SubmissionView>,
}

impl AnswerBody {
    fn into_answer(self) -> Result<(Answer, Option<serde_json::Value>), AppError> {
        let answer =
            match (self.language, self.source, self.sections) {
                (Some(language), Some(source), None) => Answer::Code {
                    language: rehearse_sandbox::Language::parse(&language).ok_or_else(|| {
                        ValidationError::new("language", format!("unknown language `{language}`"))
                    })?,
                    source,
                },
                (None, Some(source), None) => Answer::Sql { source },
                (None, None, Some(sections)) => {
                    let mut answer = DesignAnswer::default();
                    for (key, text) in sections {
                        let section = Section::parse(&key).ok_or_else(|| {
                            ValidationError::new("sections", format!("unknown section `{key}`"))
                        })?;
                        answer.sections.insert(section, text.trim().to_owned());
                    }
                    Answer::Design(answer)
                }
                _ => return Err(AppError::BadRequest(
                    "send `language` and `source` (code), `source` (SQL) or `sections` (design)"
                        .into(),
                )),
            };
        Ok((answer, self.input))
    }
}

fn idempotency_key(req: &HttpRequest) -> Result<Option<String>, AppError> {
    let Some(value) = req.headers().get("idempotency-key") else {
        return Ok(None);
    };
    let key = value
        .to_str()
        .ok()
        .map(str::trim)
        .filter(|k| !k.is_empty() && k.len() <= 100)
        .ok_or_else(|| ValidationError::new("Idempotency-Key", "1–100 visible ASCII characters"))?;
    Ok(Some(key.to_owned()))
}

async fn create(
    state: web::Data<AppState>,
    auth: Auth,
    req: HttpRequest,
    slug: web::Path<Slug>,
    body: Json<AnswerBody>,
    mode: Mode,
) -> Result<HttpResponse, AppError> {
    let (answer, custom_input) = body.into_inner().into_answer()?;
    let new = NewAnswer {
        mode,
        answer,
        custom_input,
        idempotency_key: idempotency_key(&req)?,
    };
    let client = crate::web::auth::client_info(&req, state.settings.trust_proxy_headers);
    let accepted = state
        .submissions
        .create(
            &auth.identity.user,
            &slug,
            new,
            client.ip.map(|ip| ip.to_string()),
        )
        .await?;
    let location = format!("/api/v1/submissions/{}", accepted.id);
    let mut response = if accepted.existing {
        HttpResponse::Ok()
    } else {
        HttpResponse::Accepted()
    };
    Ok(response
        .insert_header((header::LOCATION, location.clone()))
        .json(Queued {
            id: accepted.id,
            existing: accepted.existing,
            links: QueuedLinks {
                events: format!("{location}/events"),
                this: location,
            },
        }))
}

/// `POST /api/v1/challenges/{slug}/submissions`
#[utoipa::path(
    post,
    path = "/api/v1/challenges/{slug}/submissions",
    operation_id = "submitAnswer",
    tag = "submissions",
    request_body = AnswerBody,
    params(
        ("slug" = String, Path, description = "Challenge slug"),
        ("Idempotency-Key" = Option<String>, Header, description = "Makes a repeated request one submission (1–100 visible characters)"),
    ),
    responses(
        (status = 202, description = "Stored and queued; `Location` points at the submission", body = Queued),
        (status = 200, description = "The idempotency key matched an earlier submission", body = Queued),
        (status = 404, description = "No such challenge", body = crate::web::api::openapi::ErrorBody),
        (status = 422, description = "The answer does not fit the challenge", body = crate::web::api::openapi::ErrorBody),
        (status = 429, description = "Too many answers; see Retry-After", body = crate::web::api::openapi::ErrorBody),
    ),
    security(("bearer_token" = []), ("session_cookie" = []))
)]
pub async fn submit(
    state: web::Data<AppState>,
    auth: Auth,
    req: HttpRequest,
    slug: web::Path<Slug>,
    body: Json<AnswerBody>,
) -> Result<HttpResponse, AppError> {
    create(state, auth, req, slug, body, Mode::Submit).await
}

/// `POST /api/v1/challenges/{slug}/runs`
#[utoipa::path(
    post,
    path = "/api/v1/challenges/{slug}/runs",
    operation_id = "runAnswer",
    tag = "submissions",
    request_body = AnswerBody,
    params(
        ("slug" = String, Path, description = "Challenge slug"),
        ("Idempotency-Key" = Option<String>, Header, description = "Makes a repeated request one run (1–100 visible characters)"),
    ),
    responses(
        (status = 202, description = "Queued: sample tests, or the custom `input`; nothing is scored", body = Queued),
        (status = 200, description = "The idempotency key matched an earlier run", body = Queued),
        (status = 404, description = "No such challenge", body = crate::web::api::openapi::ErrorBody),
        (status = 422, description = "The answer or input does not fit the challenge", body = crate::web::api::openapi::ErrorBody),
        (status = 429, description = "Too many answers; see Retry-After", body = crate::web::api::openapi::ErrorBody),
    ),
    security(("bearer_token" = []), ("session_cookie" = []))
)]
pub async fn run(
    state: web::Data<AppState>,
    auth: Auth,
    req: HttpRequest,
    slug: web::Path<Slug>,
    body: Json<AnswerBody>,
) -> Result<HttpResponse, AppError> {
    create(state, auth, req, slug, body, Mode::Run).await
}

fn parse_id(raw: &str) -> Result<SubmissionId, AppError> {
    SubmissionId::parse(raw).ok_or_else(|| AppError::NotFound("no such submission".into()))
}

/// `GET /api/v1/submissions/{id}`
#[utoipa::path(
    get,
    path = "/api/v1/submissions/{id}",
    operation_id = "getSubmission",
    tag = "submissions",
    params(("id" = String, Path, description = "Submission id")),
    responses(
        (status = 200, description = "Status, progress per test, and once graded the report: verdict, score, points, per-test results, cost and how it compares", body = SubmissionBody),
        (status = 404, description = "No such submission, or not yours", body = crate::web::api::openapi::ErrorBody),
    ),
    security(("bearer_token" = []), ("session_cookie" = []))
)]
pub async fn show(
    state: web::Data<AppState>,
    auth: Auth,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let view = state
        .submissions
        .view(&auth.identity.user, parse_id(&id)?)
        .await?;
    Ok(HttpResponse::Ok().json(SubmissionBody { submission: view }))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ListQuery {
    /// A challenge's slug: only its submissions.
    #[param(value_type = Option<String>)]
    challenge: Option<crate::challenges::Slug>,
    /// 1–200; 50 when absent.
    #[param(minimum = 1, maximum = 200)]
    limit: Option<i64>,
}

/// `GET /api/v1/me/submissions?challenge=slug&limit=n`
#[utoipa::path(
    get,
    path = "/api/v1/me/submissions",
    operation_id = "listMySubmissions",
    tag = "submissions",
    params(ListQuery),
    responses(
        (status = 200, description = "Your submissions and runs, newest first", body = SubmissionList),
        (status = 404, description = "No such challenge", body = crate::web::api::openapi::ErrorBody),
        (status = 422, description = "`limit` is out of range", body = crate::web::api::openapi::ErrorBody),
    ),
    security(("bearer_token" = []), ("session_cookie" = []))
)]
pub async fn list_own(
    state: web::Data<AppState>,
    auth: Auth,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    let limit = query.limit.unwrap_or(50);
    if !(1..=200).contains(&limit) {
        return Err(ValidationError::new("limit", "between 1 and 200").into());
    }
    let views = state
        .submissions
        .list_own(&auth.identity.user, query.challenge.as_ref(), limit)
        .await?;
    Ok(HttpResponse::Ok().json(SubmissionList { submissions: views }))
}

/// How often the event stream looks for news when nothing in this process
/// says so: grading may happen in another process, so the database is the
/// one source of truth, and a signal from local workers only says "look now".
const POLL: Duration = Duration::from_millis(250);
/// A comment line now and then keeps proxies from closing the stream.
const KEEP_ALIVE: Duration = Duration::from_secs(15);
/// Streams end after this long even if grading has not (the client can
/// reconnect or poll).
const STREAM_FOR: Duration = Duration::from_secs(600);

/// Waits until a local worker advances this submission, or `POLL` passes
/// (for workers in other processes).
async fn wait_for_news(
    updates: &mut tokio::sync::broadcast::Receiver<SubmissionId>,
    id: SubmissionId,
) {
    let deadline = tokio::time::sleep(POLL);
    tokio::pin!(deadline);
    loop {
        tokio::select! {
            news = updates.recv() => match news {
                Ok(about) if about != id => continue,
                // Ours, or missed some: look now.
                Ok(_) | Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => return,
                Err(tokio::sync::broadcast::error::RecvError::Closed) => {
                    deadline.as_mut().await;
                    return;
                }
            },
            () = &mut deadline => return,
        }
    }
}

fn event(name: &str, data: &serde_json::Value) -> Bytes {
    Bytes::from(format!("event: {name}\ndata: {data}\n\n"))
}

/// `GET /api/v1/submissions/{id}/events`: server-sent events.
#[utoipa::path(
    get,
    path = "/api/v1/submissions/{id}/events",
    operation_id = "followSubmission",
    tag = "submissions",
    params(("id" = String, Path, description = "Submission id")),
    responses(
        (status = 200, description = "Server-sent events: `progress` (done, total, name, verdict) as tests finish, then `done` with the submission (`timeout` after ten minutes, `error` if it cannot be read)", content_type = "text/event-stream", body = String),
        (status = 404, description = "No such submission, or not yours", body = crate::web::api::openapi::ErrorBody),
    ),
    security(("bearer_token" = []), ("session_cookie" = []))
)]
pub async fn events(
    state: web::Data<AppState>,
    auth: Auth,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let id = parse_id(&id)?;
    let user = auth.identity.user.clone();
    let updates = state.submissions.updates();
    // Check access before the stream starts, so errors are plain HTTP.
    let first = state.submissions.view(&user, id).await?;
    struct Cursor {
        sent: usize,
        started: Instant,
        last_write: Instant,
        finished: bool,
        pending: Option<SubmissionView>,
    }
    let cursor = Cursor {
        sent: 0,
        started: Instant::now(),
        last_write: Instant::now(),
        finished: false,
        pending: Some(first),
    };
    let stream = futures_util::stream::unfold(
        (cursor, state, user, updates),
        move |(mut cursor, state, user, mut updates)| async move {
            loop {
                if cursor.finished {
                    return None;
                }
                let view = match cursor.pending.take() {
                    Some(view) => view,
                    None => {
                        wait_for_news(&mut updates, id).await;
                        match state.submissions.view(&user, id).await {
                            Ok(view) => view,
                            Err(e) => {
                                cursor.finished = true;
                                let chunk = event("error", &json!({ "message": e.to_string() }));
                                return Some((
                                    Ok::<_, actix_web::Error>(chunk),
                                    (cursor, state, user, updates),
                                ));
                            }
                        }
                    }
                };
                let mut chunk = Vec::new();
                for (k, item) in view.progress.iter().enumerate().skip(cursor.sent) {
                    chunk.extend_from_slice(&event(
                    "progress",
                    &json!({ "done": k + 1, "total": view.tests_total, "name": item.name, "verdict": item.verdict }),
                ));
                }
                cursor.sent = cursor.sent.max(view.progress.len());
                if view.status.is_final() {
                    chunk.extend_from_slice(&event("done", &json!({ "submission": view })));
                    cursor.finished = true;
                } else if cursor.started.elapsed() > STREAM_FOR {
                    chunk.extend_from_slice(&event("timeout", &json!({ "status": view.status })));
                    cursor.finished = true;
                } else if chunk.is_empty() && cursor.last_write.elapsed() > KEEP_ALIVE {
                    chunk.extend_from_slice(b": keep-alive\n\n");
                }
                if !chunk.is_empty() {
                    cursor.last_write = Instant::now();
                    return Some((Ok(Bytes::from(chunk)), (cursor, state, user, updates)));
                }
            }
        },
    );
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/event-stream"))
        .insert_header((header::CACHE_CONTROL, "no-cache"))
        // Compression would hold events back until a buffer fills.
        .insert_header((header::CONTENT_ENCODING, "identity"))
        .insert_header(("X-Accel-Buffering", "no"))
        .streaming(stream))
}
