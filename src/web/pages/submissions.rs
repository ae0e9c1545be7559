//! A submission's own page (`/submissions/{id}`), readable without
//! JavaScript (and followed live with it), and the user's history
//! (`/submissions`).

use actix_web::{web, HttpResponse};

use crate::domain::SubmissionId;
use crate::web::auth::Auth;
use crate::web::error::AppError;
use crate::web::page::PageCtx;

/// `GET /submissions/{id}`
pub async fn show(
    page: PageCtx,
    auth: Auth,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let id = SubmissionId::parse(&id)
        .ok_or_else(|| AppError::NotFound("there is no such submission".into()))?;
    let view = page.state.submissions.view(&auth.identity.user, id).await?;
    let mut ctx = page.context();
    ctx.insert("submission", &view);
    ctx.insert(
        "language",
        &match &view.answer {
            crate::grading::Answer::Code { language, .. } => language.as_str(),
            crate::grading::Answer::Sql { .. } => "sql",
            crate::grading::Answer::Design(_) => "",
        },
    );
    page.render("submission.html", &ctx)
}

/// `GET /submissions`
pub async fn history(page: PageCtx, auth: Auth) -> Result<HttpResponse, AppError> {
    let views = page
        .state
        .submissions
        .list_own(&auth.identity.user, None, 100)
        .await?;
    let mut ctx = page.context();
    ctx.insert("submissions", &views);
    page.render("submissions.html", &ctx)
}
