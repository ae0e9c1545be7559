//! Live interview rooms:
//!
//! - `POST /api/v1/rooms` — open one (`{"title", "problems": [slug…]}`);
//!   you are its interviewer;
//! - `GET /api/v1/rooms` — the rooms you are in;
//! - `POST /api/v1/rooms/join` — follow an invite (`{"token"}`), as the
//!   candidate;
//! - `GET /api/v1/rooms/{id}` — the room: problems, members, state (and the
//!   invite link, for interviewers);
//! - `POST /api/v1/rooms/{id}/start`, `/end` — interviewers only;
//! - `POST /api/v1/rooms/{id}/swap` — a peer room's peers swap parts;
//! - `GET /api/v1/rooms/{id}/feedback` — what the others wrote for you,
//!   once the room has ended;
//! - `GET`/`PUT /api/v1/rooms/{id}/notes` — your private notes and
//!   scorecard (interviewers only; "not found" to anyone else);
//! - `GET /api/v1/rooms/{id}/playback` — the shared document's change log,
//!   for replaying it;
//! - `POST /api/v1/rooms/{id}/answers` — run or submit a problem's shared
//!   code; `GET /api/v1/rooms/{id}/console` — every answer sent from the
//!   room and its outcome, for everyone in it;
//! - `GET /rooms/{id}/live` (outside `/api`) — the WebSocket the room page
//!   edits through (`web::live`).

use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};

use crate::domain::{RoomId, Scorecard};
use crate::rooms::{NewRoomRequest, NotesView, PlaybackStep, RoomView};
use crate::web::auth::Auth;
use crate::web::error::AppError;
use crate::web::json::Json;
use crate::web::AppState;

/// `{"room": …}`
#[derive(Serialize, utoipa::ToSchema)]
pub struct RoomBody {
    room: RoomView,
}

/// `{"rooms": […]}`
#[derive(Serialize, utoipa::ToSchema)]
pub struct RoomList {
    rooms: Vec<RoomView>,
}

/// A room to open.
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateBody {
    #[schema(max_length = 120)]
    title: String,
    /// Challenge slugs, in the order they will be posed (1 to 6; exactly
    /// 2 for a peer room, the first for the partner, the second for you).
    problems: Vec<String>,
    /// `interview` (the default) or `peer`: two candidates interview
    /// each other, swapping half-way.
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    mode: Option<crate::domain::RoomMode>,
    /// When it is planned for (shown to those invited).
    #[serde(default)]
    starts_at: Option<chrono::DateTime<chrono::Utc>>,
}

/// An invite to follow.
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct JoinBody {
    /// The last part of the invite link (`/rooms/join/{token}`).
    #[schema(max_length = 128)]
    token: String,
}

/// Notes and a scorecard to save (the whole of both, as the form holds
/// them).
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NotesBody {
    #[serde(default)]
    notes: String,
    #[serde(default)]
    scorecard: Scorecard,
    /// For the other side (the candidate, or your peer): shown to them
    /// once the room has ended.
    #[serde(default)]
    feedback: String,
}

/// `{"steps": […]}`
#[derive(Serialize, utoipa::ToSchema)]
pub struct PlaybackBody {
    steps: Vec<PlaybackStep>,
}

pub fn parse_id(raw: &str) -> Result<RoomId, AppError> {
    RoomId::parse(raw).ok_or_else(|| AppError::NotFound("no such room".into()))
}

fn room(view: RoomView) -> HttpResponse {
    HttpResponse::Ok().json(RoomBody { room: view })
}

/// `POST /api/v1/rooms`
#[utoipa::path(
    post,
    path = "/api/v1/rooms",
    operation_id = "createRoom",
    tag = "rooms",
    request_body = CreateBody,
    responses(
        (status = 201, description = "Opened; you are its interviewer", body = RoomBody),
        (status = 403, description = "Only instructors and admins open rooms on this server", body = crate::web::api::openapi::ErrorBody),
        (status = 422, description = "A title or problem is wrong (`field` says which)", body = crate::web::api::openapi::ErrorBody),
    ),
    security(("bearer_token" = []), ("session_cookie" = []))
)]
pub async fn create(
    state: web::Data<AppState>,
    auth: Auth,
    body: Json<CreateBody>,
) -> Result<HttpResponse, AppError> {
    let body = body.into_inner();
    let view = state
        .rooms
        .create(
            &auth.identity.user,
            NewRoomRequest {
                title: body.title,
                mode: body.mode.unwrap_or(crate::domain::RoomMode::Interview),
                problems: body.problems,
                starts_at: body.starts_at,
            },
        )
        .await?;
    Ok(HttpResponse::Created()
        .insert_header((
            actix_web::http::header::LOCATION,
            format!("/api/v1/rooms/{}", view.id),
        ))
        .json(RoomBody { room: view }))
}

/// `GET /api/v1/rooms`
#[utoipa::path(
    get,
    path = "/api/v1/rooms",
    operation_id = "listRooms",
    tag = "rooms",
    responses((status = 200, description = "The rooms you are in, newest first (up to 50)", body = RoomList)),
    security(("bearer_token" = []), ("session_cookie" = []))
)]
pub async fn list(state: web::Data<AppState>, auth: Auth) -> Result<HttpResponse, AppError> {
    let rooms = state.rooms.list(&auth.identity.user).await?;
    Ok(HttpResponse::Ok().json(RoomList { rooms }))
}

/// `POST /api/v1/rooms/join`
#[utoipa::path(
    post,
    path = "/api/v1/rooms/join",
    operation_id = "joinRoom",
    tag = "rooms",
    request_body = JoinBody,
    responses(
        (status = 200, description = "You are in the room (as its candidate, unless you were in it already)", body = RoomBody),
        (status = 404, description = "No room has this invite", body = crate::web::api::openapi::ErrorBody),
        (status = 409, description = "The room has ended", body = crate::web::api::openapi::ErrorBody),
    ),
    security(("bearer_token" = []), ("session_cookie" = []))
)]
pub async fn join(
    state: web::Data<AppState>,
    auth: Auth,
    body: Json<JoinBody>,
) -> Result<HttpResponse, AppError> {
    let user = &auth.identity.user;
    let id = state.rooms.join(user, &body.token).await?;
    Ok(room(state.rooms.view(user, id).await?))
}

/// `GET /api/v1/rooms/{id}`
#[utoipa::path(
    get,
    path = "/api/v1/rooms/{id}",
    operation_id = "getRoom",
    tag = "rooms",
    params(("id" = String, Path, description = "Room id")),
    responses(
        (status = 200, description = "The room", body = RoomBody),
        (status = 404, description = "No such room, or you are not in it", body = crate::web::api::openapi::ErrorBody),
    ),
    security(("bearer_token" = []), ("session_cookie" = []))
)]
pub async fn show(
    state: web::Data<AppState>,
    auth: Auth,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    Ok(room(
        state
            .rooms
            .view(&auth.identity.user, parse_id(&id)?)
            .await?,
    ))
}

/// `POST /api/v1/rooms/{id}/start`
#[utoipa::path(
    post,
    path = "/api/v1/rooms/{id}/start",
    operation_id = "startRoom",
    tag = "rooms",
    params(("id" = String, Path, description = "Room id")),
    responses(
        (status = 200, description = "The room is live", body = RoomBody),
        (status = 404, description = "No such room, or you are not its interviewer", body = crate::web::api::openapi::ErrorBody),
        (status = 409, description = "It has ended", body = crate::web::api::openapi::ErrorBody),
    ),
    security(("bearer_token" = []), ("session_cookie" = []))
)]
pub async fn start(
    state: web::Data<AppState>,
    auth: Auth,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    Ok(room(
        state
            .rooms
            .start(&auth.identity.user, parse_id(&id)?)
            .await?,
    ))
}

/// `POST /api/v1/rooms/{id}/end`
#[utoipa::path(
    post,
    path = "/api/v1/rooms/{id}/end",
    operation_id = "endRoom",
    tag = "rooms",
    params(("id" = String, Path, description = "Room id")),
    responses(
        (status = 200, description = "The room has ended; its document is read-only", body = RoomBody),
        (status = 404, description = "No such room, or you are not its interviewer", body = crate::web::api::openapi::ErrorBody),
    ),
    security(("bearer_token" = []), ("session_cookie" = []))
)]
pub async fn end(
    state: web::Data<AppState>,
    auth: Auth,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    Ok(room(
        state.rooms.end(&auth.identity.user, parse_id(&id)?).await?,
    ))
}

/// `GET /api/v1/rooms/{id}/notes`
#[utoipa::path(
    get,
    path = "/api/v1/rooms/{id}/notes",
    operation_id = "getRoomNotes",
    tag = "rooms",
    params(("id" = String, Path, description = "Room id")),
    responses(
        (status = 200, description = "Your private notes and scorecard", body = NotesView),
        (status = 404, description = "No such room, or you are not its interviewer", body = crate::web::api::openapi::ErrorBody),
    ),
    security(("bearer_token" = []), ("session_cookie" = []))
)]
pub async fn notes(
    state: web::Data<AppState>,
    auth: Auth,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let view = state
        .rooms
        .notes(&auth.identity.user, parse_id(&id)?)
        .await?;
    Ok(HttpResponse::Ok().json(view))
}

/// `PUT /api/v1/rooms/{id}/notes`
#[utoipa::path(
    put,
    path = "/api/v1/rooms/{id}/notes",
    operation_id = "saveRoomNotes",
    tag = "rooms",
    params(("id" = String, Path, description = "Room id")),
    request_body = NotesBody,
    responses(
        (status = 200, description = "Saved", body = NotesView),
        (status = 404, description = "No such room, or you are not its interviewer", body = crate::web::api::openapi::ErrorBody),
        (status = 422, description = "A rating is not 1 to 4, or a text is too long (`field` says which)", body = crate::web::api::openapi::ErrorBody),
    ),
    security(("bearer_token" = []), ("session_cookie" = []))
)]
pub async fn save_notes(
    state: web::Data<AppState>,
    auth: Auth,
    id: web::Path<String>,
    body: Json<NotesBody>,
) -> Result<HttpResponse, AppError> {
    let body = body.into_inner();
    let view: NotesView = state
        .rooms
        .save_notes(
            &auth.identity.user,
            parse_id(&id)?,
            crate::rooms::Written {
                notes: body.notes,
                scorecard: body.scorecard,
                feedback: body.feedback,
            },
        )
        .await?;
    Ok(HttpResponse::Ok().json(view))
}

/// `GET /api/v1/rooms/{id}/playback`
#[utoipa::path(
    get,
    path = "/api/v1/rooms/{id}/playback",
    operation_id = "getRoomPlayback",
    tag = "rooms",
    params(("id" = String, Path, description = "Room id")),
    responses(
        (status = 200, description = "The shared document's changes in order, each a Yjs update with its author and time: applied one after another they rebuild the document", body = PlaybackBody),
        (status = 403, description = "Candidates replay a room once it has ended", body = crate::web::api::openapi::ErrorBody),
        (status = 404, description = "No such room, or you are not in it", body = crate::web::api::openapi::ErrorBody),
    ),
    security(("bearer_token" = []), ("session_cookie" = []))
)]
pub async fn playback(
    state: web::Data<AppState>,
    auth: Auth,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let steps = state
        .rooms
        .playback(&auth.identity.user, parse_id(&id)?)
        .await?;
    Ok(HttpResponse::Ok().json(PlaybackBody { steps }))
}

/// An answer to send from the room.
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AnswerBody {
    /// Which problem (its `position` in the room).
    position: usize,
    /// `run` (the sample tests) or `submit` (every test, scored).
    #[schema(value_type = String)]
    mode: crate::domain::Mode,
}

/// `{"id": …}`
#[derive(Serialize, utoipa::ToSchema)]
pub struct AnswerAccepted {
    #[schema(value_type = String)]
    id: crate::domain::SubmissionId,
}

/// `POST /api/v1/rooms/{id}/answers`
#[utoipa::path(
    post,
    path = "/api/v1/rooms/{id}/answers",
    operation_id = "answerInRoom",
    tag = "rooms",
    params(("id" = String, Path, description = "Room id")),
    request_body = AnswerBody,
    responses(
        (status = 202, description = "Queued: the code of that problem as the room has it now, in the room's language for it, as your answer. Its outcome appears in the room's console for everyone.", body = AnswerAccepted),
        (status = 404, description = "No such room, or you are not in it", body = crate::web::api::openapi::ErrorBody),
        (status = 409, description = "The room has ended", body = crate::web::api::openapi::ErrorBody),
        (status = 422, description = "No such problem, or the room is not open", body = crate::web::api::openapi::ErrorBody),
        (status = 429, description = "Too many answers at once", body = crate::web::api::openapi::ErrorBody),
    ),
    security(("bearer_token" = []), ("session_cookie" = []))
)]
pub async fn answer(
    state: web::Data<AppState>,
    auth: Auth,
    id: web::Path<String>,
    body: Json<AnswerBody>,
) -> Result<HttpResponse, AppError> {
    let submission = state
        .rooms
        .answer(
            &auth.identity.user,
            parse_id(&id)?,
            body.position,
            body.mode,
        )
        .await?;
    Ok(HttpResponse::Accepted().json(AnswerAccepted { id: submission }))
}

/// `{"entries": […]}`
#[derive(Serialize, utoipa::ToSchema)]
pub struct ConsoleBody {
    entries: Vec<crate::rooms::ConsoleEntry>,
}

/// `GET /api/v1/rooms/{id}/console`
#[utoipa::path(
    get,
    path = "/api/v1/rooms/{id}/console",
    operation_id = "getRoomConsole",
    tag = "rooms",
    params(("id" = String, Path, description = "Room id")),
    responses(
        (status = 200, description = "Every run and submission sent from the room, newest first, with who sent it and its outcome in one line", body = ConsoleBody),
        (status = 404, description = "No such room, or you are not in it", body = crate::web::api::openapi::ErrorBody),
    ),
    security(("bearer_token" = []), ("session_cookie" = []))
)]
pub async fn console(
    state: web::Data<AppState>,
    auth: Auth,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let entries = state
        .rooms
        .console(&auth.identity.user, parse_id(&id)?)
        .await?;
    Ok(HttpResponse::Ok().json(ConsoleBody { entries }))
}

/// `POST /api/v1/rooms/{id}/swap`
#[utoipa::path(
    post,
    path = "/api/v1/rooms/{id}/swap",
    operation_id = "swapRoomRoles",
    tag = "rooms",
    params(("id" = String, Path, description = "Room id")),
    responses(
        (status = 200, description = "Swapped: the partner interviews now, on the second problem", body = RoomBody),
        (status = 404, description = "No such room, or you are not one of its peers", body = crate::web::api::openapi::ErrorBody),
        (status = 409, description = "Not a peer room, swapped already, or ended", body = crate::web::api::openapi::ErrorBody),
    ),
    security(("bearer_token" = []), ("session_cookie" = []))
)]
pub async fn swap(
    state: web::Data<AppState>,
    auth: Auth,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    Ok(room(
        state
            .rooms
            .swap(&auth.identity.user, parse_id(&id)?)
            .await?,
    ))
}

/// `{"feedback": […]}`
#[derive(Serialize, utoipa::ToSchema)]
pub struct FeedbackBody {
    feedback: Vec<crate::rooms::Feedback>,
}

/// `GET /api/v1/rooms/{id}/feedback`
#[utoipa::path(
    get,
    path = "/api/v1/rooms/{id}/feedback",
    operation_id = "getRoomFeedback",
    tag = "rooms",
    params(("id" = String, Path, description = "Room id")),
    responses(
        (status = 200, description = "The feedback the others in the room wrote for you (never their notes or scorecards)", body = FeedbackBody),
        (status = 403, description = "Feedback opens once the room has ended", body = crate::web::api::openapi::ErrorBody),
        (status = 404, description = "No such room, or you are not in it", body = crate::web::api::openapi::ErrorBody),
    ),
    security(("bearer_token" = []), ("session_cookie" = []))
)]
pub async fn feedback(
    state: web::Data<AppState>,
    auth: Auth,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let feedback = state
        .rooms
        .feedback(&auth.identity.user, parse_id(&id)?)
        .await?;
    Ok(HttpResponse::Ok().json(FeedbackBody { feedback }))
}
