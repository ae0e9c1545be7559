//! Mock interview pages: `/interviews` (the formats to start, the one
//! running, the past ones with their scores) and `/interviews/{id}` (the
//! problems and the clock while it runs, the report once it has ended).
//! Forms post without JavaScript; with it the clock counts down live.

use actix_web::{web, HttpResponse};
use serde::Deserialize;

use crate::domain::TimedSessionId;
use crate::interviews::report::band_rule;
use crate::interviews::InterviewError;
use crate::web::auth::Auth;
use crate::web::error::AppError;
use crate::web::form::Form;
use crate::web::page::{redirect_with_flash, PageCtx};

fn parse_id(raw: &str) -> Result<TimedSessionId, AppError> {
    TimedSessionId::parse(raw)
        .ok_or_else(|| AppError::NotFound("there is no such interview".into()))
}

/// `GET /interviews`
pub async fn index(page: PageCtx, auth: Auth) -> Result<HttpResponse, AppError> {
    let interviews = &page.state.interviews;
    let past = interviews.list_own(&auth.identity.user, 50).await?;
    let mut ctx = page.context();
    ctx.insert("formats", interviews.formats());
    ctx.insert("interviews", &past);
    ctx.insert("band_rule", &band_rule());
    page.render("interviews.html", &ctx)
}

#[derive(Deserialize)]
pub struct StartForm {
    #[serde(default)]
    format: String,
}

/// `POST /interviews`: starts one and opens it; with one already running,
/// opens that one instead (a second tab, a double click).
pub async fn start(
    page: PageCtx,
    auth: Auth,
    Form(form): Form<StartForm>,
) -> Result<HttpResponse, AppError> {
    match page
        .state
        .interviews
        .start(&auth.identity.user, &form.format)
        .await
    {
        Ok(view) => Ok(redirect_with_flash(
            &format!("/interviews/{}", view.id),
            None,
        )),
        Err(InterviewError::AlreadyRunning(id)) => {
            Ok(redirect_with_flash(&format!("/interviews/{id}"), None))
        }
        Err(e) => Err(e.into()),
    }
}

/// `GET /interviews/{id}`
pub async fn show(
    page: PageCtx,
    auth: Auth,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let view = page
        .state
        .interviews
        .view(&auth.identity.user, parse_id(&id)?)
        .await?;
    let mut ctx = page.context();
    ctx.insert("interview", &view);
    ctx.insert("band_rule", &band_rule());
    // An instructor may look at someone's interview, not act in it.
    ctx.insert("own", &(view.candidate == auth.identity.user.id));
    page.render("interview.html", &ctx)
}

/// `POST /interviews/{id}/end`
pub async fn end(
    page: PageCtx,
    auth: Auth,
    id: web::Path<String>,
    Form(_): Form<EmptyForm>,
) -> Result<HttpResponse, AppError> {
    let id = parse_id(&id)?;
    match page
        .state
        .interviews
        .end_early(&auth.identity.user, id)
        .await
    {
        // Ended already (the deadline won the race): the report is there.
        Ok(_) | Err(InterviewError::Ended) => {
            Ok(redirect_with_flash(&format!("/interviews/{id}"), None))
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct EmptyForm {}
