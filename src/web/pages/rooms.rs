//! Live interview room pages: `/rooms` (yours, and the form to open one),
//! `/rooms/join/{token}` (an invite: what it is, and a button to join),
//! `/rooms/{id}` (the room: problems, the shared editor, and for
//! interviewers the notes and scorecard), `/rooms/{id}/playback`.
//! The shared editor needs JavaScript (`room.js`); everything else is a
//! plain form.

use std::collections::BTreeMap;

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};

use crate::catalog::Filter;
use crate::domain::{Rating, Recommendation, RoomMode, Scorecard, CRITERIA};
use crate::rooms::{NewRoomRequest, RoomError};
use crate::web::api::rooms::parse_id;
use crate::web::auth::Auth;
use crate::web::error::AppError;
use crate::web::form::Form;
use crate::web::page::{redirect_with_flash, Flash, PageCtx};

/// How many problem pickers the page's form shows.
const FORM_PROBLEMS: usize = 3;

/// `GET /rooms`
pub async fn index(page: PageCtx, auth: Auth) -> Result<HttpResponse, AppError> {
    render_index(&page, &auth, StatusCode::OK, None, &BTreeMap::new()).await
}

/// The rooms page, with the form as it was posted and its errors when
/// opening a room failed.
async fn render_index(
    page: &PageCtx,
    auth: &Auth,
    status: StatusCode,
    form: Option<&CreateForm>,
    errors: &BTreeMap<&'static str, String>,
) -> Result<HttpResponse, AppError> {
    let user = &auth.identity.user;
    let rooms = page.state.rooms.list(user).await?;
    let mut ctx = page.context();
    ctx.insert("rooms", &rooms);
    let may_open = page.state.rooms.may_open(user);
    ctx.insert("may_open", &may_open);
    if may_open {
        let entries = page
            .state
            .catalog
            .browse(
                Some(user),
                &Filter {
                    per_page: usize::MAX,
                    ..Filter::default()
                },
            )
            .await?
            .entries;
        ctx.insert("challenges", &entries);
        ctx.insert("pickers", &(1..=FORM_PROBLEMS).collect::<Vec<_>>());
    }
    ctx.insert("errors", errors);
    if let Some(form) = form {
        ctx.insert("form", form);
    }
    page.render_status(status, "rooms.html", &ctx)
}

#[derive(Deserialize, Serialize)]
pub struct CreateForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    mode: String,
    #[serde(default)]
    problem_1: String,
    #[serde(default)]
    problem_2: String,
    #[serde(default)]
    problem_3: String,
}

/// `POST /rooms`
pub async fn create(
    page: PageCtx,
    auth: Auth,
    Form(form): Form<CreateForm>,
) -> Result<HttpResponse, AppError> {
    let problems = [&form.problem_1, &form.problem_2, &form.problem_3]
        .into_iter()
        .filter(|p| !p.trim().is_empty())
        .cloned()
        .collect();
    let mode = match form.mode.trim() {
        "" => Ok(RoomMode::Interview),
        raw => RoomMode::parse(raw).map_err(|e| AppError::from(e.for_field("mode"))),
    };
    let created = match mode {
        Ok(mode) => page
            .state
            .rooms
            .create(
                &auth.identity.user,
                NewRoomRequest {
                    title: form.title.clone(),
                    mode,
                    problems,
                    starts_at: None,
                },
            )
            .await
            .map_err(AppError::from),
        Err(e) => Err(e),
    };
    match created {
        Ok(view) => Ok(redirect_with_flash(&format!("/rooms/{}", view.id), None)),
        Err(e) => match e.field_errors() {
            Some(errors) => render_index(&page, &auth, e.class().0, Some(&form), &errors).await,
            None => Err(e),
        },
    }
}

/// `GET /rooms/join/{token}`
pub async fn invite(
    page: PageCtx,
    auth: Auth,
    token: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let invite = page.state.rooms.invite(&token).await.map_err(|e| match e {
        RoomError::NotFound => AppError::NotFound(
            "this invite link is not valid; ask your interviewer for a new one".into(),
        ),
        other => other.into(),
    })?;
    // A member following the link again goes straight in.
    if page
        .state
        .rooms
        .view(&auth.identity.user, invite.id)
        .await
        .is_ok()
    {
        return Ok(redirect_with_flash(&format!("/rooms/{}", invite.id), None));
    }
    let mut ctx = page.context();
    ctx.insert("invite", &invite);
    ctx.insert("token", token.as_str());
    page.render("room_invite.html", &ctx)
}

#[derive(Deserialize)]
pub struct EmptyForm {}

/// `POST /rooms/join/{token}`
pub async fn join(
    page: PageCtx,
    auth: Auth,
    token: web::Path<String>,
    Form(_): Form<EmptyForm>,
) -> Result<HttpResponse, AppError> {
    let id = page.state.rooms.join(&auth.identity.user, &token).await?;
    Ok(redirect_with_flash(&format!("/rooms/{id}"), None))
}

/// `GET /rooms/{id}`
pub async fn show(
    page: PageCtx,
    auth: Auth,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let user = &auth.identity.user;
    let id = parse_id(&id)?;
    let rooms = &page.state.rooms;
    let view = rooms.view(user, id).await?;
    let mut ctx = page.context();
    if view.state == crate::domain::RoomState::Ended {
        ctx.insert("feedback", &rooms.feedback(user, id).await?);
    }
    if view.role.runs_the_room() {
        let notes = rooms.notes(user, id).await?;
        ctx.insert("notes", &notes);
        ctx.insert("criteria", &criteria(&notes.scorecard));
        ctx.insert("recommendations", &recommendations());
    }
    ctx.insert("problems_json", &problems_json(&view));
    ctx.insert("room", &view);
    page.render("room.html", &ctx)
}

/// What the editor needs per problem, for an attribute (escaped as any
/// attribute is, so no starter code can end a script element).
fn problems_json(view: &crate::rooms::RoomView) -> String {
    let problems: Vec<_> = view
        .problems
        .iter()
        .map(|p| {
            serde_json::json!({
                "position": p.position,
                "title": p.title,
                "kind": p.kind,
                "languages": p.languages,
            })
        })
        .collect();
    serde_json::Value::Array(problems).to_string()
}

/// The scorecard's rows, as the form shows them.
fn criteria(card: &Scorecard) -> Vec<serde_json::Value> {
    card.ratings()
        .iter()
        .zip(CRITERIA)
        .map(|((key, rating), (_, label))| {
            serde_json::json!({ "key": key, "label": label, "score": rating.score, "comment": rating.comment })
        })
        .collect()
}

fn recommendations() -> Vec<serde_json::Value> {
    Recommendation::ALL
        .iter()
        .map(|r| serde_json::json!({ "value": r.as_str(), "name": r.name() }))
        .collect()
}

/// The notes form, as posted (without JavaScript; `room.js` saves through
/// the API as the interviewer types).
#[derive(Deserialize)]
pub struct NotesForm {
    #[serde(default)]
    notes: String,
    #[serde(default)]
    problem_solving: String,
    #[serde(default)]
    problem_solving_comment: String,
    #[serde(default)]
    code_quality: String,
    #[serde(default)]
    code_quality_comment: String,
    #[serde(default)]
    communication: String,
    #[serde(default)]
    communication_comment: String,
    #[serde(default)]
    testing: String,
    #[serde(default)]
    testing_comment: String,
    #[serde(default)]
    recommendation: String,
    #[serde(default)]
    feedback: String,
}

fn rating(field: &'static str, score: &str, comment: String) -> Result<Rating, AppError> {
    let score = match score.trim() {
        "" => None,
        raw => Some(raw.parse::<u8>().map_err(|_| {
            crate::domain::ValidationError::new(field, format!("a rating is 1 to 4, not {raw:?}"))
        })?),
    };
    Ok(Rating { score, comment })
}

/// `POST /rooms/{id}/notes`
pub async fn save_notes(
    page: PageCtx,
    auth: Auth,
    id: web::Path<String>,
    Form(form): Form<NotesForm>,
) -> Result<HttpResponse, AppError> {
    let id = parse_id(&id)?;
    let recommendation = match form.recommendation.trim() {
        "" => None,
        raw => Some(
            Recommendation::parse(raw)
                .map_err(|e| AppError::from(e.for_field("recommendation")))?,
        ),
    };
    let scorecard = Scorecard {
        problem_solving: rating(
            "problem_solving",
            &form.problem_solving,
            form.problem_solving_comment,
        )?,
        code_quality: rating(
            "code_quality",
            &form.code_quality,
            form.code_quality_comment,
        )?,
        communication: rating(
            "communication",
            &form.communication,
            form.communication_comment,
        )?,
        testing: rating("testing", &form.testing, form.testing_comment)?,
        recommendation,
    };
    page.state
        .rooms
        .save_notes(
            &auth.identity.user,
            id,
            crate::rooms::Written {
                notes: form.notes,
                scorecard,
                feedback: form.feedback,
            },
        )
        .await?;
    Ok(redirect_with_flash(
        &format!("/rooms/{id}#notes"),
        Some(Flash::NotesSaved),
    ))
}

/// `POST /rooms/{id}/start`
pub async fn start(
    page: PageCtx,
    auth: Auth,
    id: web::Path<String>,
    Form(_): Form<EmptyForm>,
) -> Result<HttpResponse, AppError> {
    let id = parse_id(&id)?;
    page.state.rooms.start(&auth.identity.user, id).await?;
    Ok(redirect_with_flash(&format!("/rooms/{id}"), None))
}

/// `POST /rooms/{id}/end`
pub async fn end(
    page: PageCtx,
    auth: Auth,
    id: web::Path<String>,
    Form(_): Form<EmptyForm>,
) -> Result<HttpResponse, AppError> {
    let id = parse_id(&id)?;
    page.state.rooms.end(&auth.identity.user, id).await?;
    Ok(redirect_with_flash(
        &format!("/rooms/{id}"),
        Some(Flash::RoomEnded),
    ))
}

/// `POST /rooms/{id}/swap`
pub async fn swap(
    page: PageCtx,
    auth: Auth,
    id: web::Path<String>,
    Form(_): Form<EmptyForm>,
) -> Result<HttpResponse, AppError> {
    let id = parse_id(&id)?;
    match page.state.rooms.swap(&auth.identity.user, id).await {
        // Swapped by the other peer a moment before: the page shows it.
        Ok(_) | Err(RoomError::Conflict(_)) => {
            Ok(redirect_with_flash(&format!("/rooms/{id}"), None))
        }
        Err(e) => Err(e.into()),
    }
}

/// `GET /rooms/{id}/playback`
pub async fn playback(
    page: PageCtx,
    auth: Auth,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let user = &auth.identity.user;
    let id = parse_id(&id)?;
    let view = page.state.rooms.view(user, id).await?;
    // The steps themselves come from the API; asking here gives the page
    // the same refusal (a candidate before the end).
    let steps = page.state.rooms.playback(user, id).await?;
    let mut ctx = page.context();
    ctx.insert("problems_json", &problems_json(&view));
    ctx.insert("room", &view);
    ctx.insert("steps", &steps.len());
    page.render("room_playback.html", &ctx)
}
